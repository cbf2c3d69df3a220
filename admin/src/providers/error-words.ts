/**
 * Server errors in the chosen language. The server sends `{ error: { code, message, params, details } }` with a
 * bilingual `message` ("Indonesian / English"); the console words known codes from its own messages
 * (i18n/errors-*.ts) and otherwise shows the half of the server's message in the chosen language.
 */

/** react-admin's translate (polyglot): `_` is the text when the key is missing. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ServerFieldError {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface ServerError {
  code?: string;
  message?: string;
  params?: Record<string, string | number>;
  details?: { fields?: ServerFieldError[] } & Record<string, unknown>;
}

const BILINGUAL = ' / ';

function pickPair(text: string, locale: string): string {
  const parts = text.split(BILINGUAL);
  if (parts.length !== 2) return text;
  const [id, en] = parts;
  if (locale !== 'en') return id;
  // "Sesi berakhir / session ended": the English half keeps the sentence's capital.
  return /^\p{Lu}/u.test(id) ? en.charAt(0).toUpperCase() + en.slice(1) : en;
}

/**
 * The half of a bilingual server text in `locale` ("Tugas dibatalkan / task cancelled" → "Task cancelled" in English).
 * A text with several pairs ("Kata sandi baru / new password: minimal 10 karakter / at least 10 characters") is
 * split at its ": " and "; " first, each part choosing its half; a text with no pair is returned as it is.
 */
export function inLanguage(text: string, locale: string): string {
  const pairs = text.split(BILINGUAL).length - 1;
  if (pairs === 0) return text;
  if (pairs === 1) return pickPair(text, locale);
  return text
    .split(/(: |; )/)
    .map((part) => pickPair(part, locale))
    .join('');
}

/** zod's own English texts, which a code words better in Indonesian. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized key|Expected)/;

/** One invalid field in the chosen language. */
export function wordField(f: ServerFieldError, locale: string, translate: Translate): string {
  const message = String(f.message ?? '');
  if (message.includes(BILINGUAL)) return inLanguage(message, locale);
  const keep = locale !== 'en' && message && !ZOD_DEFAULT.test(message);
  if (!keep && f.code) {
    const worded = translate(`capaian.field_error.${f.code}`, { ...f.params, _: '' });
    if (worded) return worded;
  }
  return message;
}

/** The whole error in the chosen language: the notification's text and each field's text by field name. */
export function wordError(
  error: ServerError | undefined,
  fallback: string,
  locale: string,
  translate: Translate,
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const list = Array.isArray(error?.details?.fields) ? error!.details!.fields! : [];
  for (const f of list)
    if (f && typeof f.field === 'string' && !(f.field in fields)) fields[f.field] = wordField(f, locale, translate);
  const message = error?.message ? inLanguage(error.message, locale) : inLanguage(fallback, locale);
  const params = error?.params ?? {};
  const t = (key: string, options: Record<string, unknown> = {}) =>
    translate(`capaian.server_error.${key}`, { ...options, _: '' }) || message;
  switch (error?.code) {
    case 'VALIDATION':
      if (!list.length) return { message, fields };
      return {
        message: t('VALIDATION', {
          fields: [...new Set(list.map((f) => f.field))]
            .map((field) => {
              // A field's own words may already name it ("Kata sandi baru: minimal 10 karakter").
              const name = translate(`capaian.field_name.${field}`, { _: field });
              const words = fields[field];
              return words.toLowerCase().startsWith(name.toLowerCase()) ? words : `${name} — ${words}`;
            })
            .join('; '),
        }),
        fields,
      };
    case 'NOT_FOUND': {
      const what = params.entity ? translate(`capaian.entity.${params.entity}`, { _: '' }) : '';
      if (what) return { message: t('NOT_FOUND', { what }), fields };
      return { message: locale === 'en' ? t('NOT_FOUND_ANY') : message, fields };
    }
    case 'FORBIDDEN': {
      if (!params.allow) return { message, fields };
      const allow = String(params.allow)
        .split(',')
        .map((who) => translate(`capaian.who.${who}`, { _: who }))
        .join(', ');
      return { message: t('FORBIDDEN_ALLOW', { allow }), fields };
    }
    case 'OWN_CASE':
      return { message: t('OWN_CASE', { what: inLanguage(String(params.what ?? ''), locale) }), fields };
    case 'CONFLICT':
      return { message: params.fields ? t('CONFLICT_FIELDS', { fields: params.fields }) : message, fields };
    case 'TASK_NOT_OPEN': {
      const status = String(params.status ?? '');
      return {
        message: t(['DONE', 'CANCELLED', 'EXPIRED'].includes(status) ? `TASK_NOT_OPEN_${status}` : 'TASK_NOT_OPEN'),
        fields,
      };
    }
    case 'SERVICE_UNAVAILABLE':
      return { message: t(params.part ? `SERVICE_UNAVAILABLE_${params.part}` : 'SERVICE_UNAVAILABLE'), fields };
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'INVALID_CREDENTIALS':
    case 'TOO_MANY_REQUESTS':
    case 'INTERNAL':
      return { message: t(error.code), fields };
    case 'RATE_LIMITED':
      return { message: t('TOO_MANY_REQUESTS'), fields };
    default:
      return { message, fields };
  }
}
