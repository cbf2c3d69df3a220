/**
 * Pay, sanctions, the audit log, employees, the dashboard and the layout in words (issue 13, part con-records), in a
 * real Chromium against the real API and PostgreSQL, in Bahasa Indonesia and English: the TPP explanation of each
 * month for HR and the employee; sanction titles, severities and the decision's choices; the audit log's actors,
 * actions and details; tables that fit a 1280-px window and titles that are not cut; one wording per predicate,
 * dates and rupiah in the chosen language; the cycle list following a running cycle, the appraisal waiting for the
 * sanction decision, the dashboard's calibration and open tasks per cycle; searchable references, newest first.
 * Rows from records-fixtures.ts (the real pay and sanction activities); Temporal is a stand-in answering progress.
 * Screenshots in test/.artifacts/screenshots/records-in-words/.
 */
import type { Client } from '@temporalio/client';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { describeInBrowser, launchChromium, listen, newSession, screenshots, signIn, switchLanguage } from './harness';
import { BASE, seedRecords } from './records-fixtures';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

const rupiah = (n: number, locale = 'id-ID') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 })
    .format(n)
    .replace(/\s/g, ' ');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = async (page: Page, testId: string) => squash(await page.getByTestId(testId).first().innerText());
/** What must never reach the screen: codes, message keys, workflow ids, raw JSON. */
const CODES =
  /PENGHARGAAN|PEMBINAAN|PENGEMBANGAN_KOMPETENSI|TALENT_POOL|BUTUH_PERBAIKAN|task\.complete|appraisal\.stage|pay\.compute|system:|capaian\.|"stage"|\{"/;

const list = (resource: string, filter: Record<string, unknown>) =>
  `#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

describeInBrowser('pay, sanctions, audit, employees and the dashboard in words (Chromium)', () => {
  const shots = screenshots('records-in-words');
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let url: string;
  let data: Awaited<ReturnType<typeof seedRecords>>;

  beforeAll(async () => {
    db = await createTestDatabase('browser_records');
    await seedDemo(db.prisma);
    data = await seedRecords(db.prisma);
    // Temporal stand-in: a running cycle's progress (3 appraisals; the finished ones are counted in the database).
    const temporal = async () =>
      ({
        workflow: {
          getHandle: () => ({
            query: async (q: { name: string }) => {
              if (q.name !== 'cycleProgress') throw new Error('not found');
              return { phase: 'RUNNING', total: 3, started: 3, perStage: {}, finished: 1, failed: 0, cancelled: 0 };
            },
          }),
        },
      }) as unknown as Client;
    server = await listen(createTestApp(db, temporal).app);
    url = server.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.drop();
  });

  it('1. the TPP of each month explained in words, for HR and for the employee, in both languages', async () => {
    const { me, main, year } = data;
    const rows = await db.prisma.payAdjustment.findMany({ where: { employeeId: me.id, cycleId: main.id } });
    const feb = rows.find((r) => r.month.getUTCMonth() === 1)!;
    const jan = rows.find((r) => r.month.getUTCMonth() === 0)!;
    expect(feb.cutAmount).toBeGreaterThan(jan.cutAmount);
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'admin');
    await h.goto(`${url}/${list('pay-adjustments', { cycleId: main.id })}`);
    const cell = await text(h, `pay-explanation-${feb.id}`);
    expect(cell).toContain('Faktor kinerja 85% karena predikat Butuh Perbaikan: dipotong Rp');
    expect(cell).toContain('Potongan tidak masuk kerja tanpa keterangan (5% dari bagian disiplin): −Rp');
    const row = squash(await h.locator('tbody tr', { has: h.getByTestId(`pay-explanation-${feb.id}`) }).innerText());
    expect(row).toContain(`Februari ${year}`);
    expect(row).toContain(rupiah(feb.amount));
    expect(cell).not.toMatch(CODES);
    await shots.shot(h, 'hr-pay-list');

    await h.goto(`${url}/#/pay-adjustments/${feb.id}/show`);
    const lines = await text(h, 'pay-explanation');
    expect(lines).toContain(`Februari ${year}: TPP dasar ${rupiah(BASE)}, predikat Butuh Perbaikan`);
    expect(lines).toContain('Kehadiran bulan ini: 2 hari tanpa keterangan');
    expect(lines).toContain(`TPP diterima ${rupiah(feb.amount)}`);
    expect(lines).not.toMatch(CODES);
    await shots.shot(h, 'hr-pay-month');
    await switchLanguage(h, 'en');
    await h.getByText(`February ${year}: base allowance`, { exact: false }).first().waitFor();
    const english = await text(h, 'pay-explanation');
    expect(english).toContain(
      `February ${year}: base allowance ${rupiah(BASE, 'en-US')}, predicate Needs improvement (Butuh Perbaikan)`,
    );
    expect(english).toContain('Attendance this month: 2 days of unexcused absence');
    expect(english).toContain(`Allowance paid ${rupiah(feb.amount, 'en-US')}`);
    await shots.shot(h, 'hr-pay-month-english');
    expect(errors).toEqual([]);
    await context.close();

    // The employee reads their own months.
    const e = await newSession(browser);
    await signIn(e.page, url, 'pegawai');
    await e.page.goto(`${url}/#/pay-adjustments`);
    const own = await text(e.page, `pay-explanation-${jan.id}`);
    expect(own).toContain(`Faktor kinerja 85% karena predikat Butuh Perbaikan: dipotong ${rupiah(jan.cutAmount)}`);
    expect(own).not.toMatch(CODES);
    await shots.shot(e.page, 'employee-pay-list');
    expect(e.errors).toEqual([]);
    await e.context.close();
  });

  it('2. sanctions titled and graded in words; the decision offers its choices in the chosen language', async () => {
    const { sanctions, appraisals, me } = data;
    const development = sanctions.find((s) => s.code === 'PENGEMBANGAN_KOMPETENSI')!;
    const talent = sanctions.find((s) => s.code === 'TALENT_POOL')!;
    expect(development && talent).toBeTruthy();
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'admin');
    await h.goto(`${url}/#/sanctions`);
    expect(await text(h, `sanction-title-${development.id}`)).toBe(`${development.label} Pembinaan`);
    expect(await text(h, `sanction-title-${talent.id}`)).toBe(`${talent.label} Penghargaan`);
    expect(squash(await h.locator('main').innerText())).not.toMatch(CODES);
    await shots.shot(h, 'hr-sanctions');
    await switchLanguage(h, 'en');
    const english = (s: { explanation: unknown }) => (s.explanation as { params: { titleEn: string } }).params.titleEn;
    await h.getByText(english(development), { exact: true }).waitFor();
    expect(await text(h, `sanction-title-${development.id}`)).toBe(`${english(development)} Development`);
    expect(await text(h, `sanction-title-${talent.id}`)).toBe(`${english(talent)} Reward`);
    await shots.shot(h, 'hr-sanctions-english');

    // The appraisal waits for that decision: the list says so, not "TPP".
    await h.goto(`${url}/${list('appraisals', { cycleId: data.main.id })}`);
    await h.getByText('Waiting for the sanction decision').first().waitFor();
    const task = await db.prisma.task.findFirstOrThrow({
      where: { appraisalId: appraisals[me.id], type: 'sanction.decide' },
    });
    await h.goto(`${url}/#/tasks/${task.id}/show`);
    await h.getByRole('radio', { name: 'Confirm' }).first().waitFor();
    expect(await h.getByRole('radio', { name: 'Dismiss' }).count()).toBeGreaterThan(0);
    expect(squash(await h.locator('main').innerText())).not.toMatch(/capaian\./);
    await shots.shot(h, 'hr-sanction-decision-english');
    await switchLanguage(h, 'id');
    await h.getByRole('radio', { name: 'Kukuhkan' }).first().waitFor();
    expect(await h.getByRole('radio', { name: 'Batalkan' }).count()).toBeGreaterThan(0);
    await shots.shot(h, 'hr-sanction-decision');
    await h.goto(`${url}/${list('appraisals', { cycleId: data.main.id })}`);
    await h.getByText('Menunggu keputusan sanksi').first().waitFor();
    expect(await h.getByTestId('stage-waiting-sanction').count()).toBe(2);
    await shots.shot(h, 'hr-appraisals-waiting-for-decision');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('3. the audit log names people and workflows, and words actions and changes', async () => {
    const { me, nipEmployee, main, appraisals } = data;
    const stage = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'appraisal.stage', entityId: String(appraisals[me.id]) },
    });
    const done = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'task.complete' } });
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'auditor');
    await h.goto(`${url}/#/audit-events`);
    expect(await text(h, `audit-actor-${stage.id}`)).toBe(`Sistem — alur kerja penilaian ${me.name} ${main.name}`);
    expect(await text(h, `audit-action-${stage.id}`)).toBe(
      `Tahap penilaian berganti Penilaian: ${me.name} — ${data.q1.label}`,
    );
    expect(await text(h, `audit-actor-${done.id}`)).toBe(`${nipEmployee.name} NIP ${nipEmployee.nip}`);
    expect(await text(h, `audit-action-${done.id}`)).toMatch(/^Tugas diselesaikan /);
    expect(squash(await h.locator('main table').innerText())).not.toMatch(CODES);
    await shots.shot(h, 'auditor-log');

    // The actor filter finds a person by name.
    await h.getByLabel('Pelaku').fill(nipEmployee.name.split(' ')[0]);
    // The list applies a typed filter after a pause (it rewrites the address): wait for it, or it would take the page
    // back to the list after the next navigation.
    await h.waitForURL(/filter=/);
    await h.getByTestId(`audit-actor-${done.id}`).waitFor();
    await h.goto(`${url}/#/audit-events/${stage.id}/show`);
    const changes = await text(h, 'audit-changes');
    expect(changes).toContain('Tahap: Keberatan → TPP');
    expect(changes).toContain('Predikat: Butuh Perbaikan');
    expect(changes).not.toMatch(CODES);
    // Where the entry sits in the log: its chain and its place on it, labelled.
    expect(await h.locator('main').innerText()).toMatch(
      new RegExp(`Rantai\\s+${stage.chain}\\s+Urutan dalam rantai\\s+${stage.seq}\\s`),
    );
    await shots.shot(h, 'auditor-entry');
    await switchLanguage(h, 'en');
    await h.getByText('Stage: Appeal → Allowance').waitFor();
    expect(await text(h, `audit-actor-${stage.id}`)).toBe(`System — appraisal workflow of ${me.name} ${main.name}`);
    await shots.shot(h, 'auditor-entry-english');

    // A pay computation's entry: the month and the amounts in words and rupiah of the language.
    const pay = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'pay.compute' },
      orderBy: { id: 'asc' },
    });
    const after = pay.after as { month: string; amount: number };
    await h.goto(`${url}/#/audit-events/${pay.id}/show`);
    await h.getByText('Allowance (TPP) computed').waitFor();
    const paid = await text(h, 'audit-changes');
    expect(paid).toContain(`Allowance paid: ${rupiah(after.amount, 'en-US')}`);
    expect(paid).toMatch(/Month: (January|February|March) \d{4}/);
    await switchLanguage(h, 'id');
    await h.getByText('TPP dihitung').waitFor();
    expect(await text(h, 'audit-changes')).toContain(`TPP diterima: ${rupiah(after.amount)}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('4. the employees, audit and pay tables fit a 1280-px window; a long title is not cut', async () => {
    const { context, page: h, errors } = await newSession(browser);
    await h.setViewportSize({ width: 1280, height: 800 });
    await signIn(h, url, 'admin');
    const fits = async (path: string, buttons: string[]) => {
      await h.goto(`${url}/${path}`);
      await h.locator('tbody tr').first().waitFor();
      const width = await h.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
      expect(width).toBeLessThanOrEqual(1280);
      for (const name of buttons) {
        const box = await h.getByRole('button', { name }).first().boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
      }
      const table = await h.locator('main table').first().boundingBox();
      expect(table!.x + table!.width).toBeLessThanOrEqual(1280);
    };
    await fits('#/employees', ['Ekspor']);
    await shots.shot(h, 'employees-1280');
    await fits('#/audit-events', ['Ekspor CSV']);
    await shots.shot(h, 'audit-1280');
    await fits('#/pay-adjustments', ['Ekspor penggajian (CSV)']);

    const long = 'Dr. Raden Ajeng Siti Nurhaliza Kusumawardhani Puspitasari Wijayakusuma, S.E., M.Si., M.A.P.';
    await db.prisma.employee.update({ where: { id: data.nipEmployee.id }, data: { name: long } });
    await h.goto(`${url}/#/employees/${data.nipEmployee.id}/show`);
    const title = h.locator('#react-admin-title');
    await title.getByText(long, { exact: false }).waitFor();
    const cut = await title.evaluate(
      (el: any) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
    );
    expect(cut).toBe(false);
    // The menu's long entries wrap too.
    const entry = h
      .locator('.RaMenuItemLink-root', { hasText: 'Sanksi & Tindak Lanjut' })
      .locator('.MuiTypography-root');
    expect(await entry.evaluate((el: any) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await shots.shot(h, 'long-title-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('5. one wording per predicate; dates and rupiah follow the language', async () => {
    const { me, main, year } = data;
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'admin');
    await h.goto(`${url}/${list('pay-adjustments', { cycleId: main.id })}`);
    await switchLanguage(h, 'en');
    const row = h.locator('tbody tr', { hasText: me.nip }).filter({ hasText: `February ${year}` });
    await row.waitFor();
    const words = squash(await row.innerText());
    expect(words).toContain('Needs improvement (Butuh Perbaikan)');
    const feb = await db.prisma.payAdjustment.findFirstOrThrow({
      where: { employeeId: me.id, cycleId: main.id, month: new Date(Date.UTC(year, 1, 1)) },
    });
    expect(words).toContain(`${rupiah(feb.cutAmount, 'en-US')} ${rupiah(feb.amount, 'en-US')}`);
    expect(words).not.toContain('Rp');
    const colleague = h.locator('tbody tr', { hasText: data.colleagues[0].nip }).first();
    expect(squash(await colleague.innerText())).toContain('Outstanding (Sangat Baik)');
    await shots.shot(h, 'pay-english');
    await h.goto(`${url}/#/employees/${me.id}/show`);
    await h.getByText(rupiah(BASE, 'en-US')).first().waitFor();
    await h.goto(`${url}/#/audit-events`);
    const month = new Date().toLocaleDateString('en-GB', { month: 'short', timeZone: 'Asia/Jakarta' });
    const stamp = squash(await h.locator('tbody tr').first().locator('td').nth(1).innerText());
    expect(stamp).toContain(month);
    await switchLanguage(h, 'id');
    const bulan = new Date().toLocaleDateString('id-ID', { month: 'short', timeZone: 'Asia/Jakarta' });
    await h.locator('tbody tr').first().locator('td').nth(1).getByText(bulan, { exact: false }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('6. the cycle list follows a running cycle; the dashboard counts the chosen cycle and reads the calibration', async () => {
    const { main, other } = data;
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'admin');

    // The dashboard: the newest cycle by default, its own open tasks; the other cycle's when chosen.
    const open = (cycleId: number) =>
      db.prisma.task.count({ where: { status: 'OPEN', OR: [{ cycleId }, { appraisal: { cycleId } }] } });
    const [mainTasks, otherTasks] = [await open(main.id), await open(other.id)];
    expect(mainTasks).not.toBe(otherTasks);
    await h.goto(`${url}/#/`);
    await h.getByTestId('hr-dashboard').waitFor();
    await h.getByText('Tugas terbuka siklus ini').waitFor();
    expect(await text(h, 'dash-open-tasks')).toBe(String(mainTasks));
    expect(await text(h, 'dash-waiting-sanction')).toBe('Menunggu keputusan sanksi: 2 penilaian');
    const calibration = await text(h, 'dash-calibration');
    expect(calibration).toContain('diberi justifikasi');
    expect(calibration).not.toContain('belum sesuai kurva');
    await shots.shot(h, 'dashboard-main-cycle');
    await h.getByLabel('Siklus Penilaian').click();
    await h.getByRole('option', { name: new RegExp(`^${other.name} — `) }).click();
    await h.waitForFunction(
      (n) => (globalThis as any).document.querySelector('[data-testid="dash-open-tasks"]')?.innerText === n,
      String(otherTasks),
    );
    await shots.shot(h, 'dashboard-other-cycle');

    // The cycle list: progress of a running cycle, and its status as soon as the workflow moves it on.
    await h.goto(`${url}/#/cycles`);
    expect(await text(h, `cycle-progress-${main.id}`)).toBe('0 dari 3 selesai');
    const row = h.locator('tbody tr', { hasText: other.name });
    await row.getByText('Berjalan').waitFor();
    await db.prisma.cycle.update({ where: { id: other.id }, data: { status: 'CLOSED', closedAt: new Date() } });
    await row.getByText('Ditutup').waitFor({ timeout: 15_000 });
    await shots.shot(h, 'cycles-follow-workflow');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('7. references are searched: periods and cycles newest first, superiors by name', async () => {
    const { main, q2, year, colleagues } = data;
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'admin');
    await h.goto(`${url}/#/pay-adjustments`);
    await h.getByLabel('Periode').fill(`Triwulan ${year}`);
    await h
      .getByRole('option', { name: `Triwulan IV-Akhir ${year}` })
      .first()
      .waitFor();
    // The typed words narrow the choices once the search has run (after its debounce).
    await h.waitForFunction(() => (globalThis as any).document.querySelectorAll('[role="option"]').length === 4);
    const quarters = await h.getByRole('option').allInnerTexts();
    expect(quarters[0]).toBe(`Triwulan IV-Akhir ${year}`);
    expect(quarters.indexOf(q2.label)).toBeLessThan(quarters.indexOf(data.q1.label));
    await h.keyboard.press('Escape');
    await h.getByLabel('Siklus').fill('Penilaian');
    await h.getByRole('option', { name: main.name }).waitFor();
    await h.waitForFunction(() => (globalThis as any).document.querySelectorAll('[role="option"]').length === 2);
    expect(await h.getByRole('option').allInnerTexts()).toEqual([main.name, data.other.name]);
    await shots.shot(h, 'pay-filters-search');
    await h.keyboard.press('Escape');

    await h.goto(`${url}/#/employees/create`);
    const name = colleagues[1].name;
    await h.getByLabel(/Atasan langsung/).fill(name.split(' ').slice(0, 2).join(' '));
    await h
      .getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .waitFor();
    await shots.shot(h, 'employee-form-superior-search');
    expect(errors).toEqual([]);
    await context.close();
  });
});
