/**
 * Server errors in the chosen language (admin/src/providers/error-words.ts with i18n/errors-*.ts): known codes are
 * worded from their parameters, other errors show the half of the server's bilingual message in that language, and
 * both languages have the same keys and placeholders (as test/admin/i18n-complete.test.ts checks for the rest).
 */
import { accessEn } from '../../admin/src/i18n/access-en';
import { accessId } from '../../admin/src/i18n/access-id';
import { errorsEn } from '../../admin/src/i18n/errors-en';
import { errorsId } from '../../admin/src/i18n/errors-id';
import { inLanguage, wordError, type ServerError } from '../../admin/src/providers/error-words';
import { flatten } from '../helpers/i18n-messages';

/** polyglot's translate, enough for these messages: `%{name}` replaced, `_` when the key is missing. */
const translator =
  (messages: Map<string, string>) =>
  (key: string, options: Record<string, unknown> = {}) => {
    const text = messages.get(key);
    if (text === undefined) return options._ === undefined ? key : String(options._);
    return text.replace(/%\{(\w+)\}/g, (_m, name: string) => String(options[name] ?? ''));
  };
const id = translator(flatten(errorsId));
const en = translator(flatten(errorsEn));
const word = (error: ServerError, locale: 'id' | 'en') =>
  wordError(error, 'HTTP error', locale, locale === 'en' ? en : id).message;

describe('server errors in the chosen language', () => {
  it('both languages have the same keys and placeholders', () => {
    for (const [a, b] of [
      [errorsId, errorsEn],
      [accessId, accessEn],
    ]) {
      const ia = flatten(a);
      const ib = flatten(b);
      expect([...ia.keys()].sort()).toEqual([...ib.keys()].sort());
      for (const [key, text] of ia)
        expect([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort()).toEqual(
          [...ib.get(key)!.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort(),
        );
    }
  });

  it('a bilingual text shows the half of the chosen language, pair by pair', () => {
    expect(inLanguage('Tugas dibatalkan: Pensiun dini / task cancelled', 'id')).toBe('Tugas dibatalkan: Pensiun dini');
    expect(inLanguage('Sesi berakhir / session ended', 'en')).toBe('Session ended');
    const policy = 'Kata sandi baru / new password: minimal 10 karakter / at least 10 characters';
    expect(inLanguage(policy, 'id')).toBe('Kata sandi baru: minimal 10 karakter');
    expect(inLanguage(policy, 'en')).toBe('New password: at least 10 characters');
    expect(inLanguage('Hanya bahasa Indonesia', 'en')).toBe('Hanya bahasa Indonesia');
  });

  it('VALIDATION: each field in words, named when its words do not name it', () => {
    const error: ServerError = {
      code: 'VALIDATION',
      message: 'Data tidak valid: reason — minimal 5 karakter; newPassword — …',
      params: { fields: 'reason, newPassword, roles' },
      details: {
        fields: [
          { field: 'reason', message: 'minimal 5 karakter', code: 'TOO_SHORT', params: { minimum: 5 } },
          {
            field: 'newPassword',
            message: 'Kata sandi baru / new password: minimal 10 karakter / at least 10 characters',
            code: 'TOO_SHORT',
            params: { minimum: 10 },
          },
          {
            field: 'roles',
            message: 'Too small: expected array to have >=1 items',
            code: 'TOO_FEW',
            params: { minimum: 1 },
          },
        ],
      },
    };
    expect(word(error, 'id')).toBe(
      'Data tidak valid: reason — minimal 5 karakter; Kata sandi baru: minimal 10 karakter; Peran — minimal 1 pilihan',
    );
    expect(word(error, 'en')).toBe(
      'Invalid data: reason — at least 5 characters; New password: at least 10 characters; Roles — choose at least 1',
    );
    expect(wordError(error, '', 'en', en).fields).toEqual({
      reason: 'at least 5 characters',
      newPassword: 'New password: at least 10 characters',
      roles: 'choose at least 1',
    });
  });

  it('NOT_FOUND, FORBIDDEN, OWN_CASE, CONFLICT, TASK_NOT_OPEN, PASSWORD_CHANGE_REQUIRED, rate limits', () => {
    const cases: [ServerError, string, string][] = [
      [
        {
          code: 'NOT_FOUND',
          message: 'Siklus tidak ditemukan / not found',
          params: { what: 'Siklus', entity: 'cycle' },
        },
        'Siklus tidak ditemukan',
        'Cycle not found',
      ],
      [
        {
          code: 'FORBIDDEN',
          message: 'Tindakan user.read hanya untuk: Admin SDM / HR admin; auditor',
          params: { allow: 'hr,auditor' },
        },
        'Anda tidak berhak melakukan ini; hanya untuk: Admin SDM, auditor',
        'You may not do this; only for: HR admin, auditor',
      ],
      [
        { code: 'FORBIDDEN', message: 'Tugas ini bukan untuk Anda / this task is assigned to someone else' },
        'Tugas ini bukan untuk Anda',
        'This task is assigned to someone else',
      ],
      [
        {
          code: 'OWN_CASE',
          message: '…',
          params: { what: 'mengubah baseAllowance datanya sendiri / own baseAllowance' },
        },
        'Admin SDM tidak dapat bertindak atas perkaranya sendiri (mengubah baseAllowance datanya sendiri); mintalah admin SDM lain',
        'An HR admin cannot act on their own case (own baseAllowance); ask another HR admin',
      ],
      [
        { code: 'CONFLICT', message: 'Data sudah ada: nip / already exists', params: { fields: 'nip' } },
        'Data sudah ada: nip',
        'Already exists: nip',
      ],
      [
        {
          code: 'TASK_NOT_OPEN',
          message: 'Tugas sudah diselesaikan pada … / task already completed',
          params: { status: 'DONE' },
        },
        'Tugas ini sudah diselesaikan',
        'This task has already been completed',
      ],
      [
        { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Ganti dulu … / change …' },
        'Ganti dulu kata sandi sekali pakai Anda di Akun Saya',
        'Change your one-time password first, in My account',
      ],
      [
        { code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak … / too many login attempts' },
        'Terlalu banyak percobaan masuk; coba lagi dalam satu menit',
        'Too many sign-in attempts; try again in a minute',
      ],
      [
        { code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah / wrong username or password' },
        'Nama pengguna atau kata sandi salah',
        'Wrong username or password',
      ],
      [
        { code: 'SOMETHING_NEW', message: 'Siklus sudah dimulai / already started' },
        'Siklus sudah dimulai',
        'Already started',
      ],
    ];
    for (const [error, inIndonesian, inEnglish] of cases) {
      expect(word(error, 'id')).toBe(inIndonesian);
      expect(word(error, 'en')).toBe(inEnglish);
    }
  });
});
