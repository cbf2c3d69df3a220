/**
 * Errors in the chosen language, accessibility and searchable pickers (issue 13, part con-access), in a real
 * Chromium against the real API and PostgreSQL, in Bahasa Indonesia and in English:
 * - a refused sign-in, a refused password and a refused action read in the chosen language, from the error's code
 *   and parameters (never the server's "Indonesian / English" pair, never a code);
 * - axe-core finds no serious or critical violation on the login page, the task inbox and the pages of this part
 *   (accounts, units, attendance, imports, Akun Saya, the notification bell);
 * - the employee and unit pickers search on the server as one types, say so in words, and say when nothing matches.
 * Screenshots in test/.artifacts/screenshots/access-in-words/.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../prisma/seed/seed-database';
import { checkA11y, demoConsole, describeInBrowser, newSession, screenshots, signIn } from './harness';

type Locale = 'id' | 'en';

describeInBrowser('errors in words, accessibility and searchable pickers (Chromium)', () => {
  const demo = demoConsole('browser_access_words');
  const shots = screenshots('access-in-words');

  /** The login page in the chosen language, chosen with its own language switch. */
  async function loginPage(page: Page, locale: Locale) {
    await page.goto(`${demo.url}/#/login`);
    await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
    if (locale === 'en') {
      await page.getByTestId('login-language').getByRole('button').click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
  }

  async function signInAs(page: Page, username: string, locale: Locale) {
    await loginPage(page, locale);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('header').first().waitFor();
    await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  }

  /** Every error notification on the page, as read. */
  const notices = (page: Page) => page.locator('.MuiSnackbarContent-message').allInnerTexts();

  const WORDS = {
    id: {
      wrongPassword: 'Nama pengguna atau kata sandi salah',
      tooMany: 'Terlalu banyak percobaan masuk; coba lagi dalam satu menit',
      weak: 'Kata sandi baru: minimal 10 karakter',
      forbidden: 'Anda tidak berhak melakukan ini; hanya untuk: Admin SDM',
      employeeHelp: 'Ketik nama, NIP atau jabatan untuk mencari',
      unitHelp: 'Ketik kode atau nama unit untuk mencari',
      none: 'Tidak ada yang cocok; coba kata lain',
      dryRun: 'Uji coba (tanpa menyimpan)',
      save: 'Simpan kata sandi',
    },
    en: {
      wrongPassword: 'Wrong username or password',
      tooMany: 'Too many sign-in attempts; try again in a minute',
      weak: 'New password: at least 10 characters',
      forbidden: 'You may not do this; only for: HR admin',
      employeeHelp: 'Type a name, NIP or position to search',
      unitHelp: 'Type a unit code or name to search',
      none: 'Nothing matches; try other words',
      dryRun: 'Dry run (saves nothing)',
      save: 'Save password',
    },
  } as const;

  for (const locale of ['id', 'en'] as const) {
    const w = WORDS[locale];

    it(`refusals read in ${locale === 'id' ? 'Bahasa Indonesia' : 'English'}: sign-in, password, action`, async () => {
      const { context, page, errors } = await newSession(demo.browser);
      // A refused sign-in, then the login limit (10 failed attempts of one user name per minute).
      await loginPage(page, locale);
      await checkA11y(page, 'login');
      const user = `tamu-${locale}`;
      await page.locator('input[name="username"]').fill(user);
      await page.locator('input[name="password"]').fill('bukan-sandinya');
      await page.locator('button[type="submit"]').click();
      await page.getByText(w.wrongPassword, { exact: true }).waitFor();
      await shots.shot(page, `${locale}-wrong-password`);
      await checkA11y(page, 'login, refused');
      const failed = await page.evaluate(async (username) => {
        const codes: number[] = [];
        for (let i = 0; i < 10; i++) {
          const res = await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username, password: 'bukan-sandinya' }),
          });
          codes.push(res.status);
        }
        return codes;
      }, user);
      expect(failed.at(-1)).toBe(429);
      await page.locator('button[type="submit"]').click();
      await page.getByText(w.tooMany, { exact: true }).waitFor();
      for (const text of await notices(page)) expect(text).not.toContain(' / ');

      // Signed in: a password the policy refuses, worded next to the field and in the notification.
      await signInAs(page, 'pegawai', locale);
      await page.goto(`${demo.url}/#/account`);
      await page.locator('input[name="currentPassword"]').fill(DEMO_PASSWORD);
      await page.locator('input[name="newPassword"]').fill('pendek12');
      await page.locator('input[name="confirm"]').fill('pendek12');
      await page.getByRole('button', { name: w.save }).click();
      await page.getByText(w.weak, { exact: true }).first().waitFor();
      const notes = await notices(page);
      expect(notes.join('\n')).toContain(w.weak);
      for (const text of notes) expect(text).not.toMatch(/ \/ |newPassword/);
      await shots.shot(page, `${locale}-weak-password`);
      await checkA11y(page, 'Akun Saya');

      // An action the access policy refuses names who may do it, in words.
      await page.goto(`${demo.url}/#/imports`);
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'unit.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name,parentCode\nX,Y,\n') });
      await page.getByRole('button', { name: w.dryRun }).click();
      await page.getByText(w.forbidden, { exact: true }).waitFor();
      await shots.shot(page, `${locale}-forbidden`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`employee and unit pickers search as one types (${locale})`, async () => {
      const prisma = demo.db.prisma;
      // The last employee by name: never on the first page of a picker; found by typing part of the NIP.
      const last = await prisma.employee.findFirstOrThrow({ orderBy: { name: 'desc' } });
      const { context, page, errors } = await newSession(demo.browser);
      await signInAs(page, 'admin', locale);

      await page.goto(`${demo.url}/#/users/create`);
      await page.getByText(w.employeeHelp, { exact: true }).waitFor();
      await checkA11y(page, 'users/create');
      const picker = page.getByRole('combobox').first();
      await picker.fill(last.nip.slice(0, 14));
      await page.getByRole('option', { name: `${last.name} (${last.nip})` }).waitFor();
      await shots.shot(page, `${locale}-employee-search`);
      await picker.fill('zzzz-tidak-ada');
      await page.getByText(w.none, { exact: true }).waitFor();
      await page.keyboard.press('Escape');

      await page.goto(`${demo.url}/#/units/create`);
      await page.getByText(w.unitHelp, { exact: true }).waitFor();
      await checkA11y(page, 'units/create');
      const unit = await prisma.unit.findFirstOrThrow({ orderBy: { code: 'desc' } });
      const parent = page.getByRole('combobox').first();
      await parent.fill(unit.name.slice(0, 12));
      await page.getByRole('option', { name: `${unit.code} — ${unit.name}` }).waitFor();
      await shots.shot(page, `${locale}-unit-search`);
      await page.keyboard.press('Escape');

      await page.goto(`${demo.url}/#/attendance`);
      const filter = page.getByRole('combobox').first();
      await filter.fill(last.name.split(' ')[0]);
      await page.getByRole('option', { name: `${last.name} (${last.nip})` }).waitFor();
      await page.keyboard.press('Escape');
      await checkA11y(page, 'attendance');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('no serious or critical accessibility violation on the pages of this part and the task inbox', async () => {
    const hr = await newSession(demo.browser);
    await signIn(hr.page, demo.url, 'admin');
    for (const [path, ready] of [
      ['/users', 'input[name="q"]'],
      ['/units', 'table'],
      ['/attendance', 'input[name="month"]'],
      ['/imports', '[data-testid="import-file"]'],
      ['/account', 'input[name="currentPassword"]'],
    ] as const) {
      await hr.page.goto(`${demo.url}/#${path}`);
      await hr.page.locator(ready).first().waitFor({ state: 'attached' });
      await hr.page.waitForLoadState('networkidle');
      await shots.shot(hr.page, `a11y-${path.slice(1)}`);
      await checkA11y(hr.page, path);
    }
    const unit = await demo.db.prisma.unit.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await hr.page.goto(`${demo.url}/#/units/${unit.id}/show`);
    await hr.page.getByText(unit.name).first().waitFor();
    await checkA11y(hr.page, 'units/show');
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    const staff = await newSession(demo.browser);
    await signIn(staff.page, demo.url, 'pegawai');
    await staff.page.goto(`${demo.url}/#/tasks`);
    await staff.page.waitForLoadState('networkidle');
    await checkA11y(staff.page, 'tasks (Tugas Saya)');
    await staff.page.getByTestId('notification-bell').click();
    await staff.page.getByTestId('notification-list').waitFor();
    // Measured once the popover has faded in (contrast is read from the colours as drawn).
    await staff.page.waitForFunction(
      () =>
        (globalThis as any).getComputedStyle(
          (globalThis as any).document.querySelector('[data-testid="notification-list"]').closest('.MuiPopover-paper'),
        ).opacity === '1',
    );
    await checkA11y(staff.page, 'notification bell');
    await shots.shot(staff.page, 'a11y-tasks-bell');
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });
});
