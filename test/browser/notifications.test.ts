/**
 * The notification bell in the console (real Chromium, real API and PostgreSQL): an employee with a new task and its
 * reminder reads the unread count on the bell, opens the list and reads the words of each — the task, whose appraisal,
 * the cycle, the period and the deadline — in Bahasa Indonesia, and in English after the switch; opening one leads to
 * the task and lowers the count; "mark all read" empties it. In Akun Saya they turn e-mail notifications off.
 * Screenshots in test/.artifacts/screenshots/notifications/.
 */
import type { Page } from 'playwright-core';
import { createNotifier } from '../../activities/notification.activities';
import { seedAccessRecords } from '../server/access-fixtures';
import { demoConsole, describeInBrowser, newSession, screenshots, signIn } from './harness';

describeInBrowser('notification bell in the console (Chromium)', () => {
  const demo = demoConsole('browser_notifications');
  const shots = screenshots('notifications');
  const count = (page: Page) => page.getByTestId('notification-count').locator('.MuiBadge-badge').innerText();

  it('shows the unread count and the words of each notification, leads to the task, marks read', async () => {
    const prisma = demo.db.prisma;
    const cycle = await seedAccessRecords(prisma);
    const pegawai = await prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const me = pegawai.employee!;
    const period = await prisma.period.findUniqueOrThrow({ where: { id: cycle.periodId } });
    const task = await prisma.task.findFirstOrThrow({ where: { type: 'plan.submit', assigneeId: me.id } });
    // Due 31 March 2026 at 16:00 UTC = 23:00 WIB.
    await prisma.task.update({
      where: { id: task.id },
      data: { cycleId: cycle.id, dueAt: new Date('2026-03-31T16:00:00Z') },
    });
    const notifier = createNotifier(prisma);
    await prisma.$transaction(async (tx) => {
      await notifier.taskOpened(tx, task.id);
      await notifier.taskReminded(tx, task.id);
    });
    const cycleName = (await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).name;

    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'pegawai');
    await page.getByTestId('notification-bell').waitFor();
    await page.waitForFunction(
      () =>
        (globalThis as any).document.querySelector('[data-testid="notification-count"] .MuiBadge-badge')
          ?.textContent === '2',
    );
    expect(await count(page)).toBe('2');
    await shots.shot(page, 'bell-count');

    await page.getByTestId('notification-bell').click();
    const list = page.getByTestId('notification-list');
    await list.getByText('Pengingat: Susun SKP').waitFor();
    await list.getByText('Tugas baru: Susun SKP').waitFor();
    const reminder = list.getByTestId('notification-item').filter({ hasText: 'Pengingat: Susun SKP' });
    const words = (await reminder.innerText()).replace(/\s+/g, ' ');
    for (const w of [
      `Penilaian ${me.name} (NIP ${me.nip})`,
      `siklus ${cycleName}`,
      `periode ${period.label}`,
      'Batas waktu: 31 Maret 2026',
      '23.00 WIB',
      'Tugas ini belum diselesaikan',
      'belum dibaca',
    ])
      expect(words).toContain(w);
    await shots.shot(page, 'bell-list');

    // Opening the reminder leads to its task and marks it read.
    await reminder.click();
    await page.waitForURL(new RegExp(`#/tasks/${task.id}/show`));
    await page.waitForFunction(
      () =>
        (globalThis as any).document.querySelector('[data-testid="notification-count"] .MuiBadge-badge')
          ?.textContent === '1',
    );
    expect((await prisma.notification.findMany({ where: { userId: pegawai.id, readAt: null } })).length).toBe(1);

    // In English after the switch.
    await page.locator('button[aria-controls="simple-menu"]', { hasText: 'Bahasa Indonesia' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    // The English messages load on demand; the language menu closes once they have (a loaded machine takes a while).
    await page.getByText('My tasks', { exact: true }).first().waitFor();
    if (await page.locator('#simple-menu').isVisible()) await page.keyboard.press('Escape');
    await page.locator('#simple-menu').waitFor({ state: 'hidden' });
    await page.getByTestId('notification-bell').click();
    await list.getByText('New task: Draft your performance plan (SKP)').waitFor();
    const english = (await list.innerText()).replace(/\s+/g, ' ');
    expect(english).toContain(`Appraisal of ${me.name} (NIP ${me.nip})`);
    expect(english).toContain('Deadline: 31 March 2026');
    await shots.shot(page, 'bell-list-en');
    await list.getByRole('button', { name: 'Mark all as read' }).click();
    // No unread: MUI hides the badge.
    await page.waitForFunction(() =>
      (globalThis as any).document
        .querySelector('[data-testid="notification-count"] .MuiBadge-badge')
        ?.classList.contains('MuiBadge-invisible'),
    );
    expect(await prisma.notification.count({ where: { userId: pegawai.id, readAt: null } })).toBe(0);
    await list.waitFor({ state: 'hidden' }); // marking all read closes the list
    // The bell's name says none unread, and no earlier number stays inside it (a hidden badge used to keep its "2").
    await page.getByRole('button', { name: 'Notifications: 0 unread' }).waitFor();
    expect((await page.getByTestId('notification-count').innerText()).trim()).toBe('');

    // Akun Saya: e-mail notifications off (this test's API has no SMTP_URL, and says so).
    await page.goto(`${demo.url}/#/account`);
    const card = page.getByTestId('email-notifications');
    await card.getByText('E-mail notifications').waitFor();
    await card.getByText('This server does not send e-mail yet (SMTP_URL is not set)', { exact: false }).waitFor();
    // The switch follows the server's answer (pessimistic), so it is clicked, then read.
    const toggle = card.getByRole('switch');
    await toggle.click();
    await page.getByText('E-mail notifications turned off; notifications still show in the bell').waitFor();
    expect(await toggle.isChecked()).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: pegawai.id } })).emailNotifications).toBe(false);
    await shots.shot(page, 'account-email-off');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
