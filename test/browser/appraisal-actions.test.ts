/**
 * The appraisal page and the cycle page with every capability reachable (issue 13, con-tasks), in a real Chromium
 * against the real API and PostgreSQL: the result shows the rater's notes and the seven value ratings (Indonesian and
 * English); the Keberatan tab files an appeal within its window, saying until when; the rater writes feedback and the
 * employee reads it; HR changes the rater and records a transfer after words saying what happens; the cycle page shows
 * its stage deadlines in words and the unit ratings (HR sets one); starting a cycle asks first, naming how many
 * employees; recurring schedules are created, paused and deleted. Rows from tasks-fixtures.ts; Temporal a stand-in
 * that records each update, workflow start and schedule call. Screenshots in
 * test/.artifacts/screenshots/appraisal-actions/.
 */
import type { Page } from 'playwright-core';
import { unitScope } from '../../prisma/unit-tree';
import { describeInBrowser, newSession, screenshots, signIn, switchLanguage } from './harness';
import { startTasksConsole, stopTasksConsole, type TasksConsole } from './tasks-console';
import { recorder } from './tasks-fixtures';

/** Text as read: whitespace (and the zero-width space MUI puts in a select) as single spaces. */
const squash = (s: string) => s.replace(/[\s\u200b]+/g, ' ').trim();
const text = async (page: Page, testId: string) => squash(await page.getByTestId(testId).first().innerText());
const longDay = (d: Date, locale: string) =>
  d.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });

describeInBrowser('the appraisal and cycle pages: every capability reachable (Chromium)', () => {
  const shots = screenshots('appraisal-actions');
  const rec = recorder();
  let db: TasksConsole['db'];
  let server: TasksConsole['server'];
  let browser: TasksConsole['browser'];
  let url: string;
  let data: TasksConsole['data'];

  beforeAll(async () => {
    ({ db, server, url, browser, data } = await startTasksConsole('browser_appraisal_actions', rec));
  });
  afterAll(() => stopTasksConsole({ db, server, browser }));

  it('the employee reads the review, files an appeal in its window, and reads the rater’s feedback', async () => {
    const { q1, mine, windowEnds } = data;
    // The rater writes a feedback note during the running quarter.
    const rater = await newSession(browser);
    await signIn(rater.page, url, 'penilai');
    await rater.page.goto(`${url}/#/appraisals/${mine}/show/feedback`);
    await rater.page.getByTestId('feedback-empty').waitFor();
    await rater.page.locator('textarea[name="feedbackText"]').fill('Laporan bulan ini rapi; kirim lebih awal.');
    await rater.page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await rater.page.getByTestId('feedback-note').getByText('Laporan bulan ini rapi; kirim lebih awal.').waitFor();
    await shots.shot(rater.page, 'rater-writes-feedback');
    expect(rater.errors).toEqual([]);
    await rater.context.close();

    const { context, page, errors } = await newSession(browser);
    await signIn(page, url, 'pegawai');
    const penilai = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'penilai' },
      include: { employee: true },
    });
    await page.goto(`${url}/#/appraisals/${mine}/show/feedback`);
    expect(await text(page, 'feedback-note')).toContain(
      `Laporan bulan ini rapi; kirim lebih awal. ${penilai.employee!.name} ·`,
    );
    expect(await page.getByRole('button', { name: 'Kirim umpan balik' }).count()).toBe(0);

    // The result: the rater's notes and the seven value ratings.
    await page.goto(`${url}/#/appraisals/${q1.id}/show`);
    expect(await text(page, 'result-comment')).toBe('Catatan hasil kerja: Laporan triwulan lengkap dan tepat waktu.');
    expect(await text(page, 'value-adaptif')).toBe('Adaptif Di bawah ekspektasi');
    expect(await text(page, 'value-berorientasiPelayanan')).toBe('Berorientasi Pelayanan Di atas ekspektasi');
    expect(await page.getByTestId('review-details').locator('tbody tr').count()).toBe(8);
    await shots.shot(page, 'employee-review-details');
    await switchLanguage(page, 'en');
    await page.getByText('The rater’s review').waitFor();
    expect(await text(page, 'value-adaptif')).toBe('Adaptive (Adaptif) Below expectations');
    await page.getByRole('tab', { name: /Appeal|Keberatan/ }).click();
    expect(await text(page, 'appeal-window')).toContain(`until ${longDay(windowEnds, 'en-GB')} (10 days left)`);
    await shots.shot(page, 'employee-appeal-window-english');
    await switchLanguage(page, 'id');

    // The appeal, within the window, in words.
    await page.goto(`${url}/#/appraisals/${q1.id}/show/appeal`);
    expect(await text(page, 'appeal-window')).toContain(`sampai ${longDay(windowEnds, 'id-ID')} (sisa 10 hari)`);
    const send = page.getByRole('button', { name: 'Ajukan keberatan' });
    expect(await send.isDisabled()).toBe(true); // no reason yet
    const reason = 'Laporan triwulan selesai lebih cepat dari target; mohon ditinjau kembali.';
    await page.locator('textarea[name="appealReason"]').fill(reason);
    await send.click();
    await page.getByText('Keberatan diajukan kepada atasan pejabat penilai').first().waitFor();
    await shots.shot(page, 'employee-files-appeal');
    expect(rec.updates).toHaveLength(1);
    expect(rec.updates[0]).toMatchObject({
      workflowId: q1.workflowId,
      name: 'respondToResult',
      args: [{ payload: { action: 'APPEAL', reason }, actor: { username: 'pegawai' } }],
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR changes the rater and records a transfer, each after words saying what happens', async () => {
    const { mine, who } = data;
    rec.updates.length = 0;
    const atasan = await db.prisma.employee.findUniqueOrThrow({ where: { id: who.atasan } });
    const employee = await db.prisma.employee.findUniqueOrThrow({ where: { id: who.pegawai } });
    const target = await db.prisma.unit.findFirstOrThrow({
      where: { id: { not: employee.unitId } },
      orderBy: { id: 'asc' },
    });
    const { context, page, errors } = await newSession(browser);
    await signIn(page, url, 'admin');
    await page.goto(`${url}/#/appraisals/${mine}/show`);
    await page.getByRole('button', { name: 'Ganti pejabat penilai' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Pejabat penilai baru', { exact: true }).fill(atasan.nip);
    await page.getByRole('option', { name: new RegExp(atasan.name) }).click();
    expect(await text(page, 'reassign-words')).toMatch(
      new RegExp(`^Pejabat penilai ${employee.name} diganti dari .+ menjadi ${atasan.name} \\(${atasan.nip}\\)`),
    );
    await shots.shot(page, 'hr-reassign-rater');
    await dialog.getByRole('button', { name: 'Ganti penilai' }).click();
    await page.getByText('Pejabat penilai diganti').first().waitFor();
    expect(rec.updates.at(-1)).toMatchObject({ name: 'reassignRater', args: [{ raterId: atasan.id }] });

    await page.getByRole('button', { name: 'Mutasi atau berhenti' }).click();
    await dialog.getByLabel('Unit kerja baru').fill(target.code);
    await page.getByRole('option', { name: new RegExp(`^${target.code.replace(/\./g, '\\.')} — `) }).click();
    expect(await text(page, 'employment-words')).toContain(
      `${employee.name} dimutasi: unit ${target.code} — ${target.name}`,
    );
    await dialog.getByLabel('Berhenti').check();
    expect(await text(page, 'employment-words')).toContain('penilaian dihentikan, status pegawai menjadi Keluar');
    await dialog.getByLabel('Mutasi', { exact: true }).check();
    await shots.shot(page, 'hr-transfer');
    await dialog.getByRole('button', { name: 'Catat mutasi' }).click();
    await page.getByText('Perubahan kepegawaian dicatat').first().waitFor();
    expect(rec.updates.at(-1)).toMatchObject({
      name: 'changeEmployment',
      args: [{ kind: 'TRANSFER', newUnitId: target.id }],
    });

    // The timeline says what happened and who did it, in words: no action codes, no workflow ids.
    await page.goto(`${url}/#/appraisals/${mine}/show/timeline`);
    await page.getByTestId('timeline').getByText('Umpan balik ditulis').first().waitFor();
    const timeline = await text(page, 'timeline');
    expect(timeline).not.toMatch(/feedback\.add|task\.complete|system:/);
    await shots.shot(page, 'hr-timeline-in-words');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the cycle page: deadlines in words, unit ratings, a start that asks first, recurring schedules', async () => {
    const { running, unit } = data;
    const { context, page, errors } = await newSession(browser);
    await signIn(page, url, 'admin');
    await page.goto(`${url}/#/cycles/${running.cycle.id}/show`);
    expect(await text(page, 'setting-planningDays')).toBe('Pegawai menyusun dan mengajukan SKP dalam 14 hari (bawaan)');
    expect(await text(page, 'setting-appealWindowDays')).toBe(
      'Pegawai dapat mengajukan keberatan dalam 14 hari setelah hasil dibagikan (bawaan)',
    );
    expect(await text(page, 'setting-zone')).toBe('Tenggat dihitung menurut waktu WIB (UTC+7)');

    // The table of appraisals follows the live progress without a reload.
    const colleague = data.subordinates[1];
    const q2row = page.locator('tbody tr', { hasText: colleague.name }).filter({ hasText: `Triwulan II ${data.year}` });
    await q2row.getByText('Periode berjalan').waitFor();
    await db.prisma.appraisal.update({ where: { id: data.current.get(colleague.id)! }, data: { stage: 'EVIDENCE' } });
    await page.getByTestId('cycle-progress').getByText('Pelaksanaan & bukti: 1').waitFor();
    await q2row.getByText('Pelaksanaan & bukti').waitFor({ timeout: 10_000 });
    const row = page.getByTestId(`unit-rating-${unit.id}`);
    expect(squash(await row.innerText())).toContain('Baik (bawaan) Belum diperiksa');
    await row.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Istimewa', exact: true }).click();
    await page.getByRole('button', { name: 'Simpan 1 predikat unit' }).click();
    await page.getByText('Predikat unit disimpan').first().waitFor();
    const stored = await db.prisma.unitCycleRating.findUniqueOrThrow({
      where: { cycleId_unitId: { cycleId: running.cycle.id, unitId: unit.id } },
    });
    expect(stored.rating).toBe('ISTIMEWA');
    await shots.shot(page, 'hr-cycle-settings-and-unit-ratings');
    await switchLanguage(page, 'en');
    await page.getByText('Stage deadlines', { exact: true }).waitFor();
    expect(await text(page, 'setting-planningDays')).toBe(
      'The employee drafts and submits the plan within 14 days (default)',
    );
    await switchLanguage(page, 'id');
    await page.getByText('Tenggat tiap tahap', { exact: true }).waitFor();

    // Starting asks first, naming how many active employees get an appraisal.
    const period = await db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year: data.year } });
    const draft = await db.prisma.cycle.create({
      data: {
        name: 'Penilaian uji mulai',
        unitId: unit.id,
        periodId: period.id,
        includeDescendants: false,
        evaluationFrequency: 'QUARTER',
      },
    });
    const n = await db.prisma.employee.count({
      where: { unitId: { in: await unitScope(db.prisma, unit.id, false) }, status: 'ACTIVE' },
    });
    await page.goto(`${url}/#/cycles/${draft.id}/show`);
    await page.getByRole('button', { name: 'Mulai siklus' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${n} pegawai aktif di ${unit.name} (tanpa sub-unit)`, { exact: false }).waitFor();
    expect(await text(page, 'start-words')).toContain(`penilaian Tahunan ${data.year} (4 kali evaluasi)`);
    await shots.shot(page, 'hr-start-asks-first');
    expect(rec.starts).toEqual([]);
    await dialog.getByRole('button', { name: 'Ya, mulai siklus' }).click();
    await page.getByText('Berhasil disimpan').first().waitFor();
    expect(rec.starts).toMatchObject([{ workflowId: `cycle-${draft.id}`, type: 'cycleWorkflow' }]);

    // Recurring schedules: created with the year's frequency, then paused and deleted after confirmations.
    await page.goto(`${url}/#/cycle-schedules/create`);
    await page.locator('input[name="name"]').fill('Penilaian tahunan otomatis');
    await page.getByLabel('Unit kerja').fill(unit.code);
    await page.getByRole('option', { name: new RegExp(`^${unit.code.replace(/\./g, '\\.')} — `) }).click();
    await shots.shot(page, 'hr-schedule-create');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const list = page.getByTestId('schedule-list');
    await list.getByText('Penilaian tahunan otomatis').waitFor();
    const line = squash(await list.locator('tbody tr').first().innerText());
    expect(line).toContain('Tahunan, dibuka 1 Januari · Triwulanan WIB (Asia/Jakarta) Aktif');
    const [id] = [...rec.schedules.keys()];
    expect(rec.schedules.get(id)!.memo).toMatchObject({
      periodType: 'YEAR',
      evaluationFrequency: 'QUARTER',
      unitId: unit.id,
    });
    await list.getByRole('button', { name: 'Jeda' }).click();
    await dialog.getByText('Jadwal "Penilaian tahunan otomatis" dijeda').waitFor();
    await dialog.getByRole('button', { name: 'Jeda' }).click();
    await list.getByText('Dijeda', { exact: true }).waitFor();
    await shots.shot(page, 'hr-schedule-paused');
    await list.getByRole('button', { name: 'Hapus jadwal' }).click();
    await dialog.getByText('Siklus yang sudah dibuka tetap berjalan').waitFor();
    await dialog.getByRole('button', { name: 'Hapus jadwal' }).click();
    await page.getByText('Jadwal dihapus').first().waitFor();
    expect(rec.scheduleCalls.map((c) => c.call)).toEqual(['create', 'pause', 'delete']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
