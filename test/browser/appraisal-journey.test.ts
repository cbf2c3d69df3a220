/**
 * One appraisal through the console in a real Chromium, against the real API, a Temporal time-skipping server with a
 * worker, and PostgreSQL: the employee submits a plan, the rater returns it with a comment, the employee fixes and
 * resubmits, the rater approves; the employee records realizations and uploads evidence; the rater rates the work
 * result and the seven BerAKHLAK behaviours; the employee sees the predicate with its explanation and files an
 * appeal; the auditor opens the appraisal's timeline. The other appraisals of the cycle (the employee's colleagues)
 * are completed through the API in the background so that the unit reaches calibration.
 * Screenshots in test/.artifacts/screenshots/appraisal-journey/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { until } from '../cycle/cycle-driver';
import { describeInBrowser, newSession, signIn } from './harness';
import { journeySuite } from './journey';

describeInBrowser('an appraisal through the console (Chromium, Temporal, PostgreSQL)', () => {
  const { helpers } = journeySuite('browser_journey', 'appraisal-journey');

  it('plan returned and resubmitted, evidence, rating, predicate with its explanation, appeal, audit timeline', async () => {
    const { t, url, browser, shots, account, background, openTaskOf, openFromList, sent, failures } = helpers();
    const pegawai = await account('pegawai');
    const penilai = await account('penilai');
    const atasan = await account('atasan');
    expect(pegawai.employee!.superiorId).toBe(penilai.employeeId);

    // 0. HR creates the cycle for the employee's unit in the console and starts it; the progress bar follows.
    const unit = await t.db.prisma.unit.findUniqueOrThrow({ where: { id: pegawai.employee!.unitId } });
    const period = await t.db.prisma.period.findFirstOrThrow({
      where: { type: 'QUARTER', number: 1 },
      orderBy: { year: 'asc' },
    });
    const hrStart = await newSession(browser);
    await signIn(hrStart.page, url, 'admin');
    const h = hrStart.page;
    await h.goto(`${url}/#/cycles/create`);
    await h.locator('input[name="name"]').fill('Penilaian Triwulan I (uji peramban)');
    await h.getByLabel('Unit kerja').fill(unit.code);
    await h.getByRole('option', { name: new RegExp(`^${unit.code.replace(/\./g, '\\.')} — `) }).click();
    await h.locator('input[name="includeDescendants"]').uncheck();
    await h.getByLabel('Tahun penilaian').click();
    await h.getByRole('option', { name: period.label, exact: true }).click();
    await shots.shot(h, 'hr-creates-cycle');
    await h.getByRole('button', { name: 'Simpan' }).click();
    await h.waitForURL(/#\/cycles\/\d+\/show/);
    const cycleId = Number(/#\/cycles\/(\d+)\/show/.exec(h.url())![1]);
    await h.getByRole('button', { name: 'Mulai siklus' }).click();
    await h.getByRole('dialog').getByRole('button', { name: 'Ya, mulai siklus' }).click(); // it asks first
    await h
      .getByText('Berhasil disimpan')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (err) => {
        await shots.shot(h, 'FAILED-start');
        const notes = await h.locator('.MuiSnackbarContent-message').allTextContents();
        throw new Error(`start: ${notes.join(' | ')}`, { cause: err });
      });
    await h
      .getByTestId('cycle-progress')
      .getByText(/penilaian dimulai/)
      .waitFor({ timeout: 30_000 })
      .catch(async (err) => {
        await shots.shot(h, 'FAILED-progress');
        throw err;
      });
    await shots.shot(h, 'hr-starts-cycle');
    const cycle = await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } });
    expect(cycle).toMatchObject({ unitId: unit.id, periodId: period.id, includeDescendants: false });
    expect(cycle.status).not.toBe('DRAFT');
    expect(hrStart.errors).toEqual([]);
    await hrStart.context.close();
    const appraisal = await until(
      () => t.db.prisma.appraisal.findFirst({ where: { cycleId: cycle.id, employeeId: pegawai.employeeId! } }),
      'appraisal of pegawai',
    );
    expect(appraisal.raterId).toBe(penilai.employeeId);
    // The colleagues' appraisals and the unit's calibration go through the API.
    const bg = background(cycle.id, (task) => task.appraisalId === appraisal.id);

    const emp = await newSession(browser);
    const rater = await newSession(browser);
    await signIn(emp.page, url, 'pegawai');
    await signIn(rater.page, url, 'penilai');

    // 1. The employee drafts the plan (SKP), linking its work result to one of the superior's approved work results
    // (the rater's own plan goes through the API in the background).
    const raterPlan = await until(
      () =>
        t.db.prisma.plan.findFirst({
          where: { status: 'APPROVED', appraisal: { cycleId: cycle.id, employeeId: penilai.employeeId! } },
          include: { items: { orderBy: { position: 'asc' } } },
        }),
      'approved plan of penilai',
    );
    const parentTitle = raterPlan.items[0].title;
    const planTask = await openTaskOf({ appraisalId: appraisal.id }, 'plan.submit');
    await openFromList(emp.page, planTask);
    await shots.shot(emp.page, 'employee-plan-empty');
    const p = emp.page;
    await p
      .locator('textarea[name="expectations"], input[name="expectations"]')
      .fill('Layanan data kepegawaian tanpa keluhan');
    await p.locator('input[name="items.0.title"]').fill('Tersusunnya laporan data kepegawaian triwulan');
    await p.locator('input[name="items.0.indicators.0.description"]').fill('Jumlah laporan yang disusun');
    await p.locator('input[name="items.0.indicators.0.target"]').fill('2 laporan');
    await p.getByLabel('RHK atasan yang diintervensi').click();
    await p.getByRole('option', { name: parentTitle, exact: true }).click();
    await shots.shot(p, 'employee-plan-filled');
    await p.getByRole('button', { name: 'Ajukan SKP' }).click();
    await sent(p);

    // 2. The rater returns it with a comment.
    const review1 = await openTaskOf({ appraisalId: appraisal.id }, 'plan.review');
    await openFromList(rater.page, review1);
    await rater.page.getByText('Tersusunnya laporan data kepegawaian triwulan').first().waitFor();
    await rater.page.getByText(`RHK atasan yang diintervensi: ${parentTitle}`).waitFor(); // the link, in words
    await rater.page.locator('input[name="decision"][value="RETURN"]').check();
    await rater.page.getByRole('button', { name: 'Kirim' }).click();
    await rater.page.getByText('Komentar wajib diisi bila SKP dikembalikan').waitFor(); // the form says why
    await rater.page
      .locator('textarea[name="comment"]')
      .first()
      .fill('Target terlalu rendah: naikkan menjadi 3 laporan.');
    await shots.shot(rater.page, 'rater-returns-plan');
    await rater.page.getByRole('button', { name: 'Kirim' }).click();
    await sent(rater.page);

    // 3. The employee sees the comment, fixes the target and resubmits.
    const planTask2 = await openTaskOf({ appraisalId: appraisal.id }, 'plan.submit');
    expect(planTask2.id).not.toBe(planTask.id);
    await openFromList(p, planTask2);
    await p.getByTestId('return-comment').waitFor();
    await expect(p.getByTestId('return-comment').textContent()).resolves.toContain('naikkan menjadi 3 laporan');
    await expect(p.locator('input[name="items.0.title"]').inputValue()).resolves.toBe(
      'Tersusunnya laporan data kepegawaian triwulan',
    );
    await p.locator('input[name="items.0.indicators.0.target"]').fill('3 laporan');
    await shots.shot(p, 'employee-fixes-plan');
    await p.getByRole('button', { name: 'Ajukan SKP' }).click();
    await sent(p);

    // 4. The rater approves.
    const review2 = await openTaskOf({ appraisalId: appraisal.id }, 'plan.review');
    await openFromList(rater.page, review2);
    await rater.page.getByText('3 laporan').first().waitFor();
    await rater.page.locator('input[name="decision"][value="APPROVE"]').check();
    await shots.shot(rater.page, 'rater-approves-plan');
    await rater.page.getByRole('button', { name: 'Kirim' }).click();
    await sent(rater.page);
    const plan = await t.db.prisma.plan.findUniqueOrThrow({ where: { appraisalId: appraisal.id } });
    expect(plan).toMatchObject({ status: 'APPROVED', revision: 1 });
    const linked = await t.db.prisma.planItem.findFirstOrThrow({ where: { planId: plan.id } });
    expect(linked.parentItemId).toBe(raterPlan.items[0].id); // kept through the return and the resubmission

    // 5. Evidence: a realization and an uploaded file with its progress.
    const evidenceTask = await openTaskOf({ appraisalId: appraisal.id }, 'evidence.submit');
    await openFromList(p, evidenceTask);
    const indicator = await t.db.prisma.indicator.findFirstOrThrow({
      where: { planItem: { plan: { appraisalId: appraisal.id } } },
    });
    await p.locator('input[name="realizations.0.value"]').fill('3 laporan selesai');
    await p.locator('input[name="realizations.0.note"]').fill('Diserahkan ke kepala bidang');
    const pdf = readFileSync(join(__dirname, '..', '..', 'package.json')); // any bytes will do; the name says PDF
    await p.getByTestId(`evidence-file-${indicator.id}`).setInputFiles({
      name: 'laporan-triwulan.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await p.getByTestId('evidence-uploaded').getByText('laporan-triwulan.pdf').waitFor();
    await shots.shot(p, 'employee-evidence-uploaded');
    await p.getByRole('button', { name: 'Kirim' }).click();
    await sent(p);
    const evidence = await t.db.prisma.evidence.findFirstOrThrow({
      where: { appraisalId: appraisal.id, kind: 'FILE' },
    });
    expect(evidence).toMatchObject({
      fileName: 'laporan-triwulan.pdf',
      sizeBytes: pdf.length,
      indicatorId: indicator.id,
    });

    // 6. The rater rates: work result above expectations, behaviour as expected (seven BerAKHLAK values).
    const reviewTask = await openTaskOf({ appraisalId: appraisal.id }, 'review.submit');
    await openFromList(rater.page, reviewTask);
    const r = rater.page;
    await r.getByText('3 laporan selesai').first().waitFor(); // the realization is in front of the rater
    await r.getByRole('button', { name: 'Kirim penilaian' }).click();
    await r.getByText('Wajib diisi').first().waitFor(); // every rating is required
    await r.locator('input[name="resultRating"][value="ABOVE"]').check();
    await r.locator('textarea[name="resultComment"]').first().fill('Laporan lengkap dan lebih cepat dari jadwal.');
    for (const k of ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'])
      await r.locator(`input[name="berakhlak.${k}"][value="MEETS"]`).check();
    await r.locator('input[name="behaviourRating"][value="MEETS"]').check();
    await r.getByText('Memahami dan memenuhi kebutuhan masyarakat').first().waitFor(); // guidance text
    await shots.shot(r, 'rater-rates');
    await r.getByRole('button', { name: 'Kirim penilaian' }).click();
    await sent(r);

    // 7. After calibration the employee sees the predicate and why, and files an appeal.
    const respondTask = await openTaskOf({ appraisalId: appraisal.id }, 'result.respond');
    await openFromList(p, respondTask);
    await p.getByTestId('predicate').waitFor();
    await expect(p.getByTestId('predicate').textContent()).resolves.toBe('Baik');
    const stored = await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } });
    expect(stored.predicate).toBe('BAIK');
    const why = (stored.predicateExplanation as any).explanation.text.id as string;
    // The console words the stored explanation from its facts and rule trace; the deciding rule is named below it.
    expect(why.startsWith(`${await p.getByTestId('explanation-text').textContent()} (aturan "`)).toBe(true);
    await expect(p.getByTestId('appeal-days-left').textContent()).resolves.toMatch(
      /Sisa waktu mengajukan keberatan: 14 hari/,
    );
    await shots.shot(p, 'employee-sees-predicate');
    await p.locator('input[name="action"][value="APPEAL"]').check();
    await p
      .locator('textarea[name="reason"]')
      .first()
      .fill('Hasil kerja di atas ekspektasi dan perilaku sesuai; saya mohon ditinjau kembali menjadi Sangat Baik.');
    await shots.shot(p, 'employee-files-appeal');
    await p.getByRole('button', { name: 'Kirim' }).click();
    await sent(p);
    const appeal = await until(() => t.db.prisma.appeal.findUnique({ where: { appraisalId: appraisal.id } }), 'appeal');
    expect(appeal).toMatchObject({ status: 'FILED' });
    const decide = await openTaskOf({ appraisalId: appraisal.id }, 'appeal.decide');
    expect(decide.assigneeId).toBe(atasan.employeeId);

    // The employee's appraisal page shows the appeal; the printable document opens.
    await p.goto(`${url}/#/appraisals/${appraisal.id}/show/appeal`);
    await p.getByText('Sangat Baik.').first().waitFor();
    await shots.shot(p, 'employee-appraisal-appeal');
    // The button asks for a signed link (≤ 60 s, this PDF only) and opens it in a new tab: no token in the URL.
    const pdfOpened = p.context().waitForEvent('response', { predicate: (r) => r.url().includes('/evaluation.pdf') });
    const [pdfTab] = await Promise.all([p.context().waitForEvent('page'), p.getByTestId('pdf-button').click()]);
    const pdfResponse = await pdfOpened;
    expect(pdfResponse.status()).toBe(200);
    expect(pdfResponse.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(pdfResponse.url()).toMatch(/\?sig=/);
    expect(pdfResponse.url()).not.toContain('access_token');
    await pdfTab.close();

    // HR follows the cycle: live progress, the dashboard's charts, and the payroll export of the paid colleagues.
    const hr = await newSession(browser);
    await signIn(hr.page, url, 'admin');
    await hr.page.goto(`${url}/#/cycles/${cycle.id}/show`);
    await hr.page.getByTestId('cycle-progress').waitFor();
    await shots.shot(hr.page, 'hr-cycle-progress');
    const [payroll] = await Promise.all([
      hr.page.waitForEvent('download'),
      hr.page.getByTestId('payroll-export').click(),
    ]);
    expect(payroll.suggestedFilename()).toMatch(/\.csv$/);
    const paid = await t.db.prisma.payAdjustment.count({ where: { cycleId: cycle.id } });
    const csv = readFileSync(await payroll.path(), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(paid + 1); // header + one row per adjustment
    await hr.page.goto(`${url}/#/`);
    await hr.page.getByTestId('hr-dashboard').waitFor();
    await hr.page.locator('.recharts-surface').first().waitFor();
    await shots.shot(hr.page, 'hr-dashboard-charts');
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    // 8. The auditor opens the appraisal's timeline: audit events and workflow history, with the Temporal UI link.
    const auditor = await newSession(browser);
    await signIn(auditor.page, url, 'auditor');
    await auditor.page.goto(`${url}/#/appraisals/${appraisal.id}/show`);
    await auditor.page.getByRole('tab', { name: 'Riwayat' }).click();
    const timeline = auditor.page.getByTestId('timeline');
    await timeline.waitFor();
    await timeline
      .getByText(/plan\.submit|SKP/)
      .first()
      .waitFor();
    await timeline
      .getByText(/evidence\.upload|Bukti dukung diunggah/)
      .first()
      .waitFor();
    await shots.shot(auditor.page, 'auditor-timeline');
    const link = await auditor.page
      .locator(`a[href*="${encodeURIComponent(appraisal.workflowId)}"]`)
      .first()
      .getAttribute('href');
    expect(link).toContain('/namespaces/');

    await bg.stop();
    expect(failures).toEqual([]);
    expect([...emp.errors, ...rater.errors, ...auditor.errors]).toEqual([]);
    await Promise.all([emp.context.close(), rater.context.close(), auditor.context.close()]);
  }, 360_000);
});
