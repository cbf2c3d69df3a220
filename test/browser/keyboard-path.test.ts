/**
 * The employee's path by keyboard only (issue 13: "every control has a label and works from the keyboard"): sign in,
 * open the task inbox, open the plan task, edit the plan, keep a draft, read the server's refusal and submit it with Tab, Shift+Tab, Enter, Space
 * and the arrow keys, never the mouse. Each step asserts the accessible name of the focused control in words, as a
 * screen reader would say it. Rows from tasks-fixtures.ts, Temporal a stand-in recording the update sent.
 * Screenshots in test/.artifacts/screenshots/keyboard-path/.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser, newSession, screenshots } from './harness';
import { startTasksConsole, stopTasksConsole, type TasksConsole } from './tasks-console';
import { recorder } from './tasks-fixtures';

/** The focused element as a screen reader names it: its role and accessible name (`textbox "Kata sandi"`). */
async function focused(page: Page): Promise<string> {
  const snapshot = await page
    .locator(':focus')
    .ariaSnapshot({ timeout: 2_000 })
    .catch(() => '(nothing focused)');
  // A required field's asterisk is a mark of the label, not a word of it.
  return snapshot.split('\n')[0].replace(/^- /, '').trim().replace(/ \*"/, '"').replace(/:$/, '');
}

/** Presses Tab (Shift+Tab with `back`) until the focused control's role and name match; says where focus went if not. */
async function tabTo(page: Page, wanted: RegExp, back = false, limit = 40): Promise<string> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (wanted.test(now)) return now;
    passed.push(now);
  }
  throw new Error(`Tab did not reach ${wanted}; focus went: ${passed.join(' → ')}`);
}

describeInBrowser('the employee’s path by keyboard only (Chromium)', () => {
  const shots = screenshots('keyboard-path');
  const rec = recorder();
  let db: TasksConsole['db'];
  let server: TasksConsole['server'];
  let browser: TasksConsole['browser'];
  let url: string;
  let data: TasksConsole['data'];

  beforeAll(async () => {
    ({ db, server, url, browser, data } = await startTasksConsole('browser_keyboard', rec));
  });
  afterAll(() => stopTasksConsole({ db, server, browser }));

  it('signs in, opens the plan task from the inbox, edits, keeps a draft and submits the plan', async () => {
    const { context, page, errors } = await newSession(browser);
    try {
      // 1. Sign in: the username field has the focus when the page opens.
      await page.goto(`${url}/#/login`);
      await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
      expect(await focused(page)).toBe('textbox "Nama pengguna"');
      await page.keyboard.type('pegawai');
      expect(await tabTo(page, /^textbox/)).toBe('textbox "Kata sandi"');
      await page.keyboard.type('capaian-demo');
      expect(await tabTo(page, /^button "Masuk"/)).toBe('button "Masuk"');
      await shots.shot(page, 'login-button-focused');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => !u.hash.startsWith('#/login'));

      // 2. The task inbox, from the menu.
      expect(await tabTo(page, /"Tugas Saya"/)).toMatch(/^(link|menuitem) "Tugas Saya"$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/tasks/);

      // 3. The plan task, by its name in the list.
      const plan = await tabTo(page, /^link "Susun dan ajukan SKP/);
      expect(plan).toContain('Susun dan ajukan SKP');
      await shots.shot(page, 'inbox-plan-link-focused');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/tasks/${data.planTask.id}`));
      await page.locator('form').first().waitFor();

      // 4. The plan: the superior's expectations, the kind of the first work result (a list chosen with the arrow
      //    keys), its title.
      expect(await tabTo(page, /^textbox "Ekspektasi pimpinan/)).toBe(
        'textbox "Ekspektasi pimpinan": Laporan tepat waktu dan akurat',
      );
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Layanan data kepegawaian tepat waktu');
      expect(await tabTo(page, /^combobox "Jenis RHK/)).toMatch(/^combobox "Jenis RHK"/);
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      expect(await focused(page)).toMatch(/^option "Utama"/);
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toMatch(/^option "Tambahan"/);
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      expect(await focused(page)).toMatch(/^combobox "Jenis RHK".*Tambahan/);
      expect(await tabTo(page, /^textbox "Rencana hasil kerja/)).toMatch(/^textbox "Rencana hasil kerja"/);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Rekonsiliasi data pegawai setiap bulan');

      // 5. Keep a draft with Space, then back to "Ajukan SKP" and submit with Enter: the server refuses a plan with no
      //    main work result, and says so in words.
      expect(await tabTo(page, /^button "Simpan draf"/)).toBe('button "Simpan draf"');
      await page.keyboard.press('Space');
      await page.getByText('Draf tersimpan di perangkat ini').first().waitFor();
      expect(await tabTo(page, /^button "Ajukan SKP"/, true)).toBe('button "Ajukan SKP"');
      await shots.shot(page, 'plan-submit-focused');
      await page.keyboard.press('Enter');
      // The field's words, without the schema's code or the English half.
      await page.getByText('minimal satu RHK utama', { exact: true }).waitFor();
      await shots.shot(page, 'plan-refused-no-main');
      expect(rec.updates.find((u) => u.name === 'submitPlan')).toBeUndefined();

      // 6. Back to the kind, Utama again with the arrow keys, and submit.
      expect(await tabTo(page, /^combobox "Jenis RHK/, true)).toMatch(/^combobox "Jenis RHK".*Tambahan/);
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      await page.keyboard.press('ArrowUp');
      expect(await focused(page)).toMatch(/^option "Utama"/);
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      expect(await tabTo(page, /^button "Ajukan SKP"/)).toBe('button "Ajukan SKP"');
      await page.keyboard.press('Enter');
      await page.getByText('Tugas selesai dan dikirim').first().waitFor();
      const sent = rec.updates.find((u) => u.name === 'submitPlan');
      expect(sent?.args[0].payload).toMatchObject({
        expectations: 'Layanan data kepegawaian tepat waktu',
        items: [expect.objectContaining({ kind: 'MAIN', title: 'Rekonsiliasi data pegawai setiap bulan' })],
      });
      await shots.shot(page, 'plan-sent');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
