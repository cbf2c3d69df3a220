/**
 * Progress at any time in the console (issue 15, item 2; real Chromium, real API and PostgreSQL): during a running
 * period the employee, with two days of work already recorded, opens the "Progres" tab, reads each indicator's target,
 * realisation so far and share, records the third day's work and reads the new figures, in both languages; the rater
 * opens "Progres Tim" from the menu and reads who is behind, listed first, in both languages.
 * Screenshots in test/.artifacts/screenshots/progress/.
 */
import { refreshEvidenceDraft } from '../../prisma/realization-progress';
import { seedRunningPeriod, type ProgressFixture } from '../helpers/progress-fixtures';
import { checkA11y, demoConsole, describeInBrowser, newSession, screenshots, signIn, switchLanguage } from './harness';

describeInBrowser('progress during the period in the console (Chromium)', () => {
  const demo = demoConsole('browser_progress');
  const shots = screenshots('progress');
  let fx: ProgressFixture;
  let appraisalId: number;

  beforeAll(async () => {
    const pegawai = await demo.db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    fx = await seedRunningPeriod(demo.db.prisma, pegawai.employeeId!);
    const mine = fx.appraisals.get(pegawai.employeeId!)!;
    appraisalId = mine.appraisalId;
    // Two earlier days of work, recorded then (the API's own test proves how entries are written).
    const entry = (indicatorId: number, workDate: string, value: number, note: string | null, item: string) => ({
      appraisalId,
      indicatorId,
      itemTitle: 'Laporan evaluasi program pendidikan tersusun',
      indicatorDescription: item,
      aspect: item.startsWith('Jumlah') ? ('QUANTITY' as const) : ('QUALITY' as const),
      workDate: new Date(`${workDate}T00:00:00Z`),
      value,
      note,
      recordedByUserId: pegawai.id,
      recordedByEmployeeId: pegawai.employeeId,
    });
    await demo.db.prisma.realizationEntry.createMany({
      data: [
        entry(mine.quantityId, fx.days[0], 3, 'Evaluasi SD gugus 1', 'Jumlah laporan evaluasi sekolah'),
        entry(mine.qualityId, fx.days[0], 92.5, null, 'Nilai mutu laporan'),
        entry(mine.quantityId, fx.days[1], 2, null, 'Jumlah laporan evaluasi sekolah'),
      ],
    });
  });

  it('the employee records the third day’s work and reads target, realisation so far and the share', async () => {
    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'pegawai');
    await page.goto(`${demo.url}/#/appraisals/${appraisalId}/show/progress`);
    const progress = page.getByTestId('progress');
    await progress.getByTestId('progress-indicator').getByText('Target: 12 laporan').waitFor();
    await progress.getByText('5 laporan (jumlah 2 catatan', { exact: false }).waitFor();
    await progress.getByText('41% dari target tercapai: 5 laporan dari 12 laporan.').waitFor();
    await progress.getByText('102% dari target tercapai: 92,5 nilai dari nilai 90.').waitFor();
    const judged = 41 < fx.elapsedPercent ? 'Tertinggal: baru 41% tercapai, padahal' : 'Sesuai jadwal: 41% tercapai,';
    await progress.getByText(`${judged} ${fx.elapsedPercent}% waktu periode telah berjalan.`).waitFor();
    await progress.getByText('Belum ada realisasi yang dicatat.').waitFor(); // the indicator without a number
    await shots.shot(page, 'employee-before');

    // The third day: 7 more reports (the date field starts at today).
    await page.getByLabel('Nilai (laporan)').fill('7');
    await page.getByLabel('Catatan (opsional)').fill('Evaluasi SMP dan SMA');
    await page.getByRole('button', { name: 'Catat realisasi' }).click();
    await page.getByText('Realisasi dicatat.').first().waitFor();
    await progress.getByText('100% dari target tercapai: 12 laporan dari 12 laporan.').waitFor();
    await progress
      .getByText(`Sesuai jadwal: 100% tercapai, ${fx.elapsedPercent}% waktu periode telah berjalan.`)
      .waitFor();
    const entries = await progress.getByTestId('progress-entry').allInnerTexts();
    expect(entries).toHaveLength(4);
    expect(entries[0]).toContain('7 laporan — Jumlah laporan evaluasi sekolah');
    expect(entries[0]).toContain('Evaluasi SMP dan SMA');
    await checkA11y(page, 'Progres (pegawai)');
    await shots.shot(page, 'employee-recorded');
    const stored = await demo.db.prisma.realizationEntry.findMany({ where: { appraisalId } });
    expect(stored.map((e) => e.workDate.toISOString().slice(0, 10)).sort()).toEqual([...fx.days, fx.days[0]].sort());
    expect(await demo.db.prisma.auditEvent.count({ where: { action: 'realization.record' } })).toBe(1);

    await switchLanguage(page, 'en');
    await progress.getByText('100% of the target reached: 12 laporan of 12 laporan.').waitFor();
    await progress.getByText('102% of the target reached: 92.5 nilai of nilai 90.').waitFor();
    await progress.getByText('Realisation so far: 12 laporan (sum of 3 entries', { exact: false }).waitFor();
    await shots.shot(page, 'employee-english');
    await switchLanguage(page, 'id');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the rater reads the team’s progress, who is behind first', async () => {
    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'penilai');
    await page.getByRole('menuitem', { name: 'Progres Tim' }).click();
    await page.waitForURL(/#\/progress\/team/);
    const team = page.getByTestId('team-progress');
    const others = fx.members.length - 1;
    await team.getByText(`${others} dari ${fx.members.length} anggota tim tertinggal.`).waitFor();
    const cards = await team.getByTestId('team-member').allInnerTexts();
    const pegawai = fx.members[0].name;
    // Members behind first; the demo employee, on track, last.
    expect(cards[cards.length - 1]).toContain(pegawai);
    expect(cards[cards.length - 1]).toContain('Sesuai jadwal');
    for (const card of cards.slice(0, -1)) {
      expect(card).toContain('Tertinggal pada 2 indikator');
      expect(card).toContain(
        `Jumlah laporan evaluasi sekolah: 0% dari target tercapai: 0 laporan dari 12 laporan. Tertinggal: baru 0% tercapai, padahal ${fx.elapsedPercent}% waktu periode telah berjalan.`,
      );
    }
    await checkA11y(page, 'Progres Tim');
    await shots.shot(page, 'team');

    await switchLanguage(page, 'en');
    await team.getByText(`${others} of ${fx.members.length} team members are behind.`).waitFor();
    await team.getByText('Behind on 2 indicators').first().waitFor();
    await shots.shot(page, 'team-english');
    await switchLanguage(page, 'id');

    // From a member to their appraisal's Progres tab.
    await page.getByRole('link', { name: `Buka penilaian ${pegawai}` }).click();
    await page.getByTestId('progress').getByText('100% dari target tercapai: 12 laporan dari 12 laporan.').waitFor();
    expect(await page.getByRole('button', { name: 'Catat realisasi' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the evidence step starts from what was recorded, for the employee to confirm', async () => {
    const db = demo.db.prisma;
    const pegawai = await db.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    await db.appraisal.update({ where: { id: appraisalId }, data: { stage: 'EVIDENCE' } });
    const task = await db.task.create({
      data: {
        key: `appraisal-${appraisalId}:evidence.submit`,
        type: 'evidence.submit',
        title: 'Isi realisasi dan unggah bukti dukung',
        appraisalId,
        cycleId: fx.cycleId,
        assigneeId: pegawai.employeeId,
        workflowId: `appraisal-progress-${fx.cycleId}-${pegawai.employeeId}`,
        updateName: 'submitEvidence',
        dueAt: new Date(Date.now() + 14 * 86_400_000),
        context: {},
      },
    });
    await refreshEvidenceDraft(db, appraisalId); // as the task's opening does (activities/tasks.activities.ts)
    const { context, page, errors } = await newSession(demo.browser);
    await signIn(page, demo.url, 'pegawai');
    await page.goto(`${demo.url}/#/tasks/${task.id}/show`);
    const recorded = page.getByTestId('evidence-recorded');
    await recorded.first().waitFor();
    const texts = await recorded.allInnerTexts();
    expect(texts[0]).toMatch(
      /^Tercatat selama periode: 12 laporan \(jumlah 3 catatan, terakhir untuk .+\)\. Konfirmasi, atau perbaiki bila perlu\.$/,
    );
    expect(texts[1]).toContain('Tercatat selama periode: 92,5 nilai (catatan terakhir dari 1');
    const values = await page
      .locator('input[name^="realizations."][name$=".value"]')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(values).toEqual(['12', '92.5', '']);
    await shots.shot(page, 'evidence-prefilled');
    expect(errors).toEqual([]);
    await context.close();
  });
});
