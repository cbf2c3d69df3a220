/**
 * Tasks in words (issue 13, con-tasks) in a real Chromium against the real API and PostgreSQL: the rater's three
 * identical rating tasks read apart by the employee's name, the cycle and the evaluation period (Indonesian and
 * English); the task page says whose it is; the rating form shows the plan, the realization and the evidence being
 * rated, and keeps a draft on the device; the calibration task shows the unit's spread against every limit of the
 * curve; the plan form's list buttons carry words and "Kosongkan daftar" is gone; an uploaded evidence file is
 * removed before sending. Rows from tasks-fixtures.ts, Temporal a stand-in (nothing here is sent to a workflow).
 * Screenshots in test/.artifacts/screenshots/tasks-in-words/.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser, newSession, pageToken, screenshots, signIn, switchLanguage } from './harness';
import { startTasksConsole, stopTasksConsole, type TasksConsole } from './tasks-console';
import { recorder } from './tasks-fixtures';

/** Text as read: whitespace (and MUI's zero-width spaces) as single spaces. */
const squash = (s: string) => s.replace(/[\s\u200b]+/g, ' ').trim();
const text = async (page: Page, testId: string) => squash(await page.getByTestId(testId).first().innerText());

describeInBrowser('tasks in words (Chromium)', () => {
  const shots = screenshots('tasks-in-words');
  const rec = recorder();
  let db: TasksConsole['db'];
  let server: TasksConsole['server'];
  let browser: TasksConsole['browser'];
  let url: string;
  let data: TasksConsole['data'];

  beforeAll(async () => {
    ({ db, server, url, browser, data } = await startTasksConsole('browser_tasks_words', rec));
  });
  afterAll(() => stopTasksConsole({ db, server, browser }));

  it('the rater tells three rating tasks apart, reads what is rated and keeps a draft', async () => {
    const { year, subordinates, ratings, mine } = data;
    const cycle = `Penilaian Kinerja ${year}`;
    const period = `Triwulan II ${year}`;
    const { context, page, errors } = await newSession(browser);
    await signIn(page, url, 'penilai');
    await page.goto(`${url}/#/tasks`);
    await page.getByRole('columnheader', { name: 'Pegawai / unit' }).waitFor();
    for (const p of subordinates) {
      const row = squash(await page.locator('tbody tr', { hasText: p.name }).innerText());
      expect(row).toContain(`${p.name} ${cycle} ${period}`);
    }
    const names = await page.getByTestId('task-subject').allInnerTexts();
    expect(new Set(names).size).toBe(3);
    await shots.shot(page, 'rater-task-list');
    await switchLanguage(page, 'en');
    await page.getByRole('columnheader', { name: 'Employee / unit' }).waitFor();
    const first = squash(await page.locator('tbody tr', { hasText: subordinates[0].name }).innerText());
    expect(first).toContain(`Rate the employee's performance ${subordinates[0].name} ${cycle} ${period}`);
    await shots.shot(page, 'rater-task-list-english');
    await switchLanguage(page, 'id');
    await page.getByRole('columnheader', { name: 'Pegawai / unit' }).waitFor();

    // The task page: whose, which cycle, which period; the plan, realization and evidence in front of the rater.
    const task = ratings.find((t) => t.appraisalId === mine)!;
    await page.goto(`${url}/#/tasks/${task.id}/show`);
    const me = subordinates[0]; // the employee (pegawai) comes first
    expect(await text(page, 'task-context')).toContain(
      `Pegawai: ${me.name} · Siklus: ${cycle} · Periode evaluasi: ${period}`,
    );
    const rated = await text(page, 'rated-plan');
    for (const words of [
      'Laporan realisasi anggaran bidang tersusun tepat waktu',
      'Target: 6 laporan',
      'Realisasi: 5 laporan selesai (satu menunggu data)',
      'Berkas bukti: laporan-triwulan-2.pdf',
      'Tautan bukti: Dasbor realisasi anggaran',
    ])
      expect(rated).toContain(words);

    // A draft: kept on this device, said so, and restored when the task page opens again.
    await page.locator('input[name="resultRating"][value="ABOVE"]').check();
    await page.locator('input[name="berakhlak.adaptif"][value="BELOW"]').check();
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    expect(await text(page, 'draft-saved-at')).toMatch(/^Draf tersimpan di perangkat ini/);
    await shots.shot(page, 'rater-rates-with-plan-and-evidence');
    await page.reload();
    expect(await text(page, 'draft-restored')).toContain('Draf tersimpan di perangkat ini');
    expect(await page.locator('input[name="resultRating"][value="ABOVE"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="berakhlak.adaptif"][value="BELOW"]').isChecked()).toBe(true);
    await shots.shot(page, 'rater-draft-restored');
    expect(rec.updates).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the calibration task shows the unit’s spread against every limit of the curve, in both languages', async () => {
    const { calibration, unit, year } = data;
    const rows = await db.prisma.appraisal.count({
      where: { cycleId: data.running.cycle.id, unitId: unit.id, periodId: data.running.quarters[0].id },
    });
    const { context, page, errors } = await newSession(browser);
    await signIn(page, url, 'admin');
    await page.goto(`${url}/#/tasks/${calibration.id}/show`);
    expect(await text(page, 'task-context')).toContain(
      `Unit: ${unit.name} · Siklus: Penilaian Kinerja ${year} · Periode evaluasi: Triwulan I ${year}`,
    );
    expect(await text(page, 'unit-distribution')).toContain(
      `Sebaran predikat unit ${unit.name} (predikat unit: Baik; ${rows} pegawai)`,
    );
    expect(await text(page, 'distribution-BAIK')).toBe(
      `Baik ${rows} 100% harus kelompok terbesar terpenuhi paling banyak 70% dilanggar`,
    );
    expect(await text(page, 'distribution-SANGAT_BAIK')).toBe('Sangat Baik 0 0% Tidak dibatasi');
    expect(await text(page, 'distribution-rule')).toBe(
      'Unit Baik: harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang dilanggar',
    );
    await shots.shot(page, 'hr-calibration-distribution');
    await switchLanguage(page, 'en');
    await page.getByText('Curve limit', { exact: true }).waitFor();
    expect(await text(page, 'distribution-BAIK')).toBe(
      `Good (Baik) ${rows} 100% must be the largest group met at most 70% broken`,
    );
    expect(await text(page, 'distribution-rule')).toBe(
      'Good unit: some Butuh Perbaikan and/or Kurang must exist broken',
    );
    await shots.shot(page, 'hr-calibration-distribution-english');
    await switchLanguage(page, 'id');
    await page.getByText('Batas kurva', { exact: true }).waitFor();

    // The follow-up decision names the recommendation and its basis in words, never a code or a message key.
    await page.goto(`${url}/#/tasks/${data.sanctionTask.id}/show`);
    expect(await text(page, 'recommendation-0')).toMatch(
      /^Teguran lisan Dasar: PP 94\/2021 tentang Disiplin PNS Kukuhkan rekomendasi Batalkan rekomendasi/,
    );
    expect(await text(page, 'recommendation-0')).not.toMatch(/capaian\.|TEGURAN_LISAN/);
    await shots.shot(page, 'hr-sanction-decision');
    await switchLanguage(page, 'en');
    await page.getByText('Confirm the recommendation').waitFor();
    expect(await text(page, 'recommendation-0')).toMatch(
      /^Verbal reprimand Basis: PP 94\/2021 tentang Disiplin PNS Confirm the recommendation Dismiss the recommendation/,
    );
    await switchLanguage(page, 'id');
    await page.getByText('Kukuhkan rekomendasi').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the plan form’s buttons carry words, the plan keeps a draft, and an uploaded file is removed before sending', async () => {
    const { planTask, evidenceTask, mine, indicator } = data;
    const { context, page, errors } = await newSession(browser);
    await signIn(page, url, 'pegawai');
    // The response to a shared result says until which day an appeal may be filed.
    const respond = await db.prisma.task.findUniqueOrThrow({ where: { key: 'ui-tasks:respond' } });
    await page.goto(`${url}/#/tasks/${respond.id}/show`);
    const until = data.windowEnds.toLocaleDateString('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Asia/Jakarta',
    });
    expect(await text(page, 'appeal-days-left')).toBe(`Sisa waktu mengajukan keberatan: 10 hari (sampai ${until})`);
    // A phone whose clock runs 20 days ahead counts the days left by the server's clock, not its own.
    const skewed = await newSession(browser);
    await skewed.context.clock.setSystemTime(new Date(Date.now() + 20 * 86_400_000));
    await signIn(skewed.page, url, 'pegawai');
    await skewed.page.goto(`${url}/#/tasks/${respond.id}/show`);
    expect(await text(skewed.page, 'appeal-days-left')).toBe(
      `Sisa waktu mengajukan keberatan: 10 hari (sampai ${until})`,
    );
    expect(skewed.errors).toEqual([]);
    await skewed.context.close();

    await page.goto(`${url}/#/tasks/${planTask.id}/show`);
    await page.getByRole('button', { name: 'Tambah RHK' }).waitFor();
    await page.getByRole('button', { name: 'Tambah indikator' }).first().waitFor();
    await page.getByRole('button', { name: 'Hapus RHK 1' }).waitFor();
    expect(await page.getByRole('button', { name: /Kosongkan daftar/ }).count()).toBe(0);
    await page.locator('input[name="items.0.title"]').fill('Rekonsiliasi data pegawai setiap bulan');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('input[name="items.0.title"]').inputValue()).toBe(
      'Rekonsiliasi data pegawai setiap bulan',
    );
    await shots.shot(page, 'employee-plan-draft-restored');

    // Evidence: the stored file can be removed; a file uploaded by mistake too, after a confirmation naming it.
    await db.prisma.appraisal.update({ where: { id: mine }, data: { stage: 'EVIDENCE' } });
    await page.goto(`${url}/#/tasks/${evidenceTask.id}/show`);
    await page.getByTestId('evidence-uploaded').getByText('laporan-triwulan-2.pdf').waitFor();
    await page.getByTestId(`evidence-file-${indicator.id}`).setInputFiles({
      name: 'salah-unggah.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 salah'),
    });
    await page.getByTestId('evidence-uploaded').getByText('salah-unggah.pdf').waitFor();
    expect(await db.prisma.evidence.count({ where: { appraisalId: mine, fileName: 'salah-unggah.pdf' } })).toBe(1);
    await page.getByRole('button', { name: 'Hapus berkas salah-unggah.pdf' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Berkas salah-unggah.pdf dihapus dari bukti dukung penilaian ini').waitFor();
    await shots.shot(page, 'employee-removes-file');
    await dialog.getByRole('button', { name: 'Hapus berkas' }).click();
    await page.getByText('Berkas salah-unggah.pdf dihapus', { exact: true }).first().waitFor();
    await page.getByTestId('evidence-uploaded').getByText('salah-unggah.pdf').waitFor({ state: 'detached' });
    expect(await db.prisma.evidence.count({ where: { appraisalId: mine, fileName: 'salah-unggah.pdf' } })).toBe(0);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'evidence.remove' } });
    expect(audit.before).toMatchObject({ fileName: 'salah-unggah.pdf' });
    await shots.shot(page, 'employee-file-removed');

    // Only the uploader's own file of their own open evidence task: the rater may not remove it.
    const other = await newSession(browser);
    await signIn(other.page, url, 'penilai');
    const stored = await db.prisma.evidence.findFirstOrThrow({ where: { appraisalId: mine, kind: 'FILE' } });
    const refused = await fetch(`${url}/api/tasks/${evidenceTask.id}/evidence/${stored.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${await pageToken(other.page)}` },
    });
    expect([403, 404]).toContain(refused.status);
    expect(await db.prisma.evidence.count({ where: { id: stored.id } })).toBe(1);
    await other.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
