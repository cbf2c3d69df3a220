/**
 * The appraisal year in the console (real Chromium, real API and PostgreSQL): HR creates a quarterly year cycle in
 * the form, reads a running year's evaluation and its progress per quarter, lists the appraisals by evaluation period
 * and reads the dashboard's distribution per quarter; the employee reads their closed year — the evaluation of each
 * quarter, the plan versions, the annual predicate and the TPP of each month in rupiah, in Bahasa Indonesia and in
 * English — and asks for a plan revision in the running year (refused with the server's words, then accepted); the
 * rater may ask too, the rater's superior may not.
 *
 * The rows are written by year-fixtures.ts (the workflows that write them are proven in test/cycle/year.test.ts).
 * Temporal is a stand-in that answers the cycle's progress query and records the plan-revision update: the API's
 * request and the console's handling of its answer are what this scenario shows.
 * Screenshots in test/.artifacts/screenshots/appraisal-year/.
 */
import type { Client } from '@temporalio/client';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  checkA11y,
  describeInBrowser,
  launchChromium,
  listen,
  newSession,
  pageToken,
  rupiah,
  screenshots,
  signIn,
  textOf as text,
} from './harness';
import { BASE, CUT, CUT_MONTH, seedYears } from './year-fixtures';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

describeInBrowser('the appraisal year in the console (Chromium)', () => {
  const shots = screenshots('appraisal-year');
  const updates: { workflowId: string; name: string; args: unknown[] }[] = [];
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let url: string;
  let data: Awaited<ReturnType<typeof seedYears>>;
  let names: Record<string, { id: number; employeeId: number }>;

  beforeAll(async () => {
    db = await createTestDatabase('browser_year');
    await seedDemo(db.prisma);
    const users = await db.prisma.user.findMany({ where: { username: { in: ['pegawai', 'penilai', 'atasan'] } } });
    names = Object.fromEntries(users.map((u) => [u.username, { id: u.id, employeeId: u.employeeId! }]));
    data = await seedYears(db.prisma, names.pegawai.employeeId);
    const label = `Triwulan II ${data.year}`;
    // Temporal stand-in: the running cycle waits on its second quarter; updates are recorded and accepted.
    const temporal = async () =>
      ({
        // The API bounds its calls with a deadline: the stand-in runs them as they are.
        withDeadline: <R>(_deadline: number, call: () => Promise<R>) => call(),
        workflow: {
          getHandle: (workflowId: string) => ({
            query: async (q: { name: string }) => {
              if (q.name !== 'cycleProgress') throw new Error('not found');
              return {
                cycleId: data.running.cycle.id,
                phase: 'RUNNING',
                evaluation: { index: 1, count: 4, label },
                total: data.people.length,
                started: data.people.length,
                perStage: {},
                finished: 0,
                failed: 0,
                cancelled: 0,
                blockedUnits: [],
              };
            },
            executeUpdate: async (name: string, { args }: { args: unknown[] }) => {
              updates.push({ workflowId, name, args });
              return { revision: 1 };
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

  it('HR creates a quarterly year, reads the running year per quarter, the list by period and the dashboard', async () => {
    const { year, running, closed } = data;
    const { context, page: h, errors } = await newSession(browser);
    await signIn(h, url, 'admin');

    // 1. The form: the year first (newest YEAR period first), then how often the plan is evaluated.
    const root = await db.prisma.unit.findUniqueOrThrow({ where: { id: running.cycle.unitId } });
    await h.goto(`${url}/#/cycles/create`);
    await h.locator('input[name="name"]').fill(`Penilaian Kinerja ${year + 1}`);
    await h.getByLabel('Unit kerja').fill(root.code);
    await h.getByRole('option', { name: new RegExp(`^${root.code.replace(/\./g, '\\.')} — `) }).click();
    await h.getByText(/SKP disusun dan disetujui sekali untuk seluruh periode/).waitFor();
    await h.getByLabel('Tahun penilaian').click();
    const options = await h.getByRole('option').allInnerTexts();
    expect(options.slice(0, 2)).toEqual([`Tahunan ${year}`, `Tahunan ${year - 1}`]);
    await h.getByRole('option', { name: `Tahunan ${year}`, exact: true }).click();
    await h.getByRole('listbox').waitFor({ state: 'hidden' });
    await h.getByLabel('Frekuensi evaluasi').click();
    expect(await h.getByRole('option').allInnerTexts()).toEqual([
      'Bulanan',
      'Triwulanan',
      'Semesteran',
      'Sekali untuk seluruh periode',
    ]);
    await h.getByRole('option', { name: 'Triwulanan', exact: true }).click();
    await h.getByRole('listbox').waitFor({ state: 'hidden' });
    await shots.shot(h, 'hr-creates-quarterly-year');
    await h.getByRole('button', { name: 'Simpan' }).click();
    await h.waitForURL(/#\/cycles\/\d+\/show/);
    const createdId = Number(/#\/cycles\/(\d+)\/show/.exec(h.url())![1]);
    expect(await text(h, 'cycle-frequency')).toBe('Triwulanan');
    const created = await db.prisma.cycle.findUniqueOrThrow({ where: { id: createdId }, include: { period: true } });
    expect(created).toMatchObject({ evaluationFrequency: 'QUARTER', status: 'DRAFT' });
    expect(created.period.label).toBe(`Tahunan ${year}`);
    await shots.shot(h, 'hr-created-cycle');

    // 2. The running year: the evaluation it waits on, and each quarter's stages in words.
    await h.goto(`${url}/#/cycles/${running.cycle.id}/show`);
    await h.getByTestId('cycle-evaluation').getByText(`Evaluasi ke-2 dari 4: Triwulan II ${year}`).waitFor();
    expect(await text(h, 'cycle-frequency')).toBe('Triwulanan');
    const table = h.getByTestId('per-period-progress');
    const header = (await table.locator('thead').innerText()).replace(/\s+/g, ' ').trim();
    expect(header).toBe('Periode evaluasi Periode berjalan Selesai Jumlah');
    const n = data.people.length;
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([`Triwulan I ${year} 0 ${n} ${n}`, `Triwulan II ${year} ${n} 0 ${n}`]);
    await shots.shot(h, 'hr-running-year-per-quarter');
    await checkA11y(h, 'the running year (cycle page)');

    // 3. The appraisal list tells an employee's rows apart by their evaluation period, and filters by it.
    await h.goto(`${url}/#/appraisals`);
    await h.getByRole('columnheader', { name: 'Periode evaluasi' }).waitFor();
    await h.getByLabel('Periode evaluasi').click();
    await h.getByRole('option', { name: `Triwulan III ${year - 1}`, exact: true }).click();
    await h.waitForFunction(
      (label) => {
        const rows = [...(globalThis as any).document.querySelectorAll('tbody tr')] as { innerText: string }[];
        return rows.length > 0 && rows.every((r) => r.innerText.includes(label));
      },
      `Triwulan III ${year - 1}`,
    );
    expect(await h.locator('tbody tr').count()).toBe(n);
    await shots.shot(h, 'hr-list-by-period');

    // 4. The dashboard: the running year's distribution is of its first quarter; the closed year's of its last,
    // and of the third quarter when HR picks it.
    await h.goto(`${url}/#/`);
    await h.getByTestId('distribution-period').getByText(`Periode evaluasi: Triwulan I ${year}`).waitFor();
    await h.getByLabel('Siklus Penilaian').click();
    await h.getByRole('option', { name: new RegExp(`^Penilaian Kinerja ${year - 1} — Ditutup`) }).click();
    await h
      .getByTestId('distribution-period')
      .getByText(`Triwulan IV-Akhir ${year - 1}`)
      .waitFor();
    await h.getByLabel('Periode evaluasi').click();
    await h.getByRole('option', { name: `Triwulan III ${year - 1}`, exact: true }).click();
    await h
      .getByTestId('distribution-period')
      .getByText(`Triwulan III ${year - 1}`)
      .waitFor();
    await shots.shot(h, 'hr-dashboard-per-quarter');
    const token = await pageToken(h);
    const get = (path: string) => fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const json = async (path: string): Promise<any> => (await get(path)).json();
    const whole = await json(`/api/dashboard?cycleId=${closed.cycle.id}`);
    // Each employee once: the four evaluations of a closed year are one employee who reached DONE.
    expect(whole.funnel.find((f: any) => f.stage === 'DONE').count).toBe(n);
    expect(whole.funnel.find((f: any) => f.stage === 'PLANNING').count).toBe(n);
    expect(whole.period.label).toBe(`Triwulan IV-Akhir ${year - 1}`);
    expect(whole.periods.map((p: any) => p.label)).toEqual(
      ['I', 'II', 'III', 'IV-Akhir'].map((q) => `Triwulan ${q} ${year - 1}`),
    );
    const q3 = closed.quarters[2];
    const third = await json(`/api/dashboard?cycleId=${closed.cycle.id}&periodId=${q3.id}`);
    expect(third.period.label).toBe(`Triwulan III ${year - 1}`);
    const counted = third.perUnit.reduce(
      (s: number, u: any) => s + Object.values(u.counts as Record<string, number>).reduce((a, b) => a + b, 0),
      0,
    );
    expect(counted).toBe(n);
    expect(third.allowance.count).toBe(3 * n);
    const bad = await get(`/api/dashboard?cycleId=${closed.cycle.id}&periodId=tiga`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toMatch(/periodId/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the employee reads their closed year: each quarter, the plan versions, the annual predicate, TPP per month', async () => {
    const { year, closed } = data;
    const y = year - 1;
    const q4 = await db.prisma.appraisal.findFirstOrThrow({
      where: { cycleId: closed.cycle.id, employeeId: names.pegawai.employeeId, final: true },
    });
    const { context, page: e, errors } = await newSession(browser);
    await signIn(e, url, 'pegawai');
    await e.goto(`${url}/#/appraisals/${q4.id}/show/year`);
    await e.getByTestId('appraisal-year').waitFor();
    expect(await text(e, 'annual-predicate')).toMatch(/^Predikat tahunan Sangat Baik/);
    const row = (k: number) => text(e, `year-evaluation-${k}`);
    expect(await row(1)).toBe(`Triwulan I ${y} Selesai Baik SKP awal Tidak ada`);
    expect(await row(2)).toBe(`Triwulan II ${y} Selesai Baik Revisi ke-1 Tidak ada`);
    expect(await row(3)).toBe(`Triwulan III ${y} Selesai Baik Revisi ke-1 Diputus — Hasil diubah`);
    expect(await row(4)).toBe(`Triwulan IV-Akhir ${y} (evaluasi tahunan) Selesai Sangat Baik Revisi ke-1 Tidak ada`);
    expect(await text(e, 'plan-version-0')).toContain(`SKP awal · Disetujui 15 Jan ${y}`);
    expect(await text(e, 'plan-version-1')).toContain(`Revisi ke-1 · Disetujui 15 Mei ${y}`);
    expect(await text(e, 'plan-version-1')).toContain('Target: 6 laporan');
    const march = await text(e, `year-pay-${y}-0${CUT_MONTH}`);
    expect(march).toBe(`Maret ${y} Baik ${rupiah(BASE)} ${rupiah(CUT)} ${rupiah(BASE - CUT)}`);
    expect(await e.getByTestId('year-pay').locator('tbody tr').count()).toBe(12);
    expect(await text(e, `year-pay-${y}-12`)).toBe(
      `Desember ${y} Sangat Baik ${rupiah(BASE)} ${rupiah(0)} ${rupiah(BASE)}`,
    );
    expect(await text(e, 'year-pay-total')).toBe(rupiah(12 * BASE - CUT));
    expect(await e.getByTestId('request-plan-revision').count()).toBe(0);
    await shots.shot(e, 'employee-closed-year');

    // The same page in English.
    await e.locator('button[aria-controls="simple-menu"]', { hasText: 'Bahasa Indonesia' }).click();
    await e.getByRole('menuitem', { name: 'English' }).click();
    await e.getByText('Annual predicate', { exact: true }).waitFor();
    expect(await text(e, 'annual-predicate')).toMatch(/^Annual predicate Outstanding \(Sangat Baik\)/);
    expect(await row(3)).toBe(`Triwulan III ${y} Done Good (Baik) Revision 1 Decided — Result changed`);
    expect(await text(e, `year-pay-${y}-0${CUT_MONTH}`)).toBe(
      `March ${y} Good (Baik) ${rupiah(BASE, 'en-US')} ${rupiah(CUT, 'en-US')} ${rupiah(BASE - CUT, 'en-US')}`,
    );
    await shots.shot(e, 'employee-closed-year-english');
    await e.locator('button[aria-controls="simple-menu"]', { hasText: 'English' }).click();
    await e.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await e.getByText('Predikat tahunan', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the employee and the rater may ask for a plan revision while a period runs; a refusal is worded', async () => {
    const { year, current } = data;
    const mine = current.get(names.pegawai.employeeId)!;
    const { context, page: e, errors } = await newSession(browser);
    await signIn(e, url, 'pegawai');
    await e.goto(`${url}/#/appraisals/${mine}/show/year`);
    expect(await text(e, 'year-evaluation-2')).toContain(`Triwulan II ${year} sedang berjalan Periode berjalan`);
    expect(await text(e, 'annual-predicate')).toContain('Predikat tahunan belum ditetapkan');
    await e.getByTestId('request-plan-revision').click();
    const dialog = e.getByRole('dialog', { name: 'Minta revisi SKP yang berlaku?' });
    await dialog.getByLabel(/Alasan revisi/).fill('baru');
    await dialog.getByRole('button', { name: 'Minta revisi SKP' }).click();
    await e
      .getByText(/reason — minimal 5 karakter/)
      .first()
      .waitFor();
    await shots.shot(e, 'employee-revision-refused');
    expect(updates).toEqual([]);
    const reason = 'Mutasi ke jabatan analis anggaran mulai Mei';
    await dialog.getByLabel(/Alasan revisi/).fill(reason);
    await dialog.getByRole('button', { name: 'Minta revisi SKP' }).click();
    await e
      .getByText(/Revisi SKP dibuka/)
      .first()
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await shots.shot(e, 'employee-revision-opened');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      workflowId: `appraisal-year-ui-${data.running.cycle.id}-${names.pegawai.employeeId}`,
      name: 'requestPlanRevision',
      args: [{ reason, actor: { username: 'pegawai' } }],
    });
    expect(errors).toEqual([]);
    await context.close();

    // The rater sees the same button on the employee's running year; the rater's superior does not.
    for (const [username, shown] of [
      ['penilai', 1],
      ['atasan', 0],
    ] as const) {
      const s = await newSession(browser);
      await signIn(s.page, url, username);
      await s.page.goto(`${url}/#/appraisals/${mine}/show/year`);
      await s.page.getByTestId('year-evaluations').waitFor();
      expect(await s.page.getByTestId('request-plan-revision').count()).toBe(shown);
      await shots.shot(s.page, `${username}-running-year`);
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });
});
