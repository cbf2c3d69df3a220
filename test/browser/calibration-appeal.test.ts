/**
 * The steps after the rating, in a real Chromium against the real API, Temporal test server, worker and PostgreSQL:
 * HR calibrates a unit whose predicates break the distribution curve (the console shows the violation and refuses a
 * send without a justification, then records the justification); the rater's superior decides the employee's appeal
 * and changes the ratings, which changes the predicate; the employee opens the evaluation document (PDF) from the
 * appraisal page. The earlier stages (plans, evidence, ratings, the appeal itself) go through the API.
 * Screenshots in test/.artifacts/screenshots/calibration-appeal/.
 */
import { createAndStartCycle, until } from '../cycle/cycle-driver';
import { describeInBrowser, newSession, signIn } from './harness';
import { journeySuite } from './journey';

describeInBrowser('calibration, appeal decision and evaluation PDF in the console (Chromium, Temporal)', () => {
  const { j, helpers } = journeySuite('browser_calibration', 'calibration-appeal');

  it('HR justifies a unit off the curve; the superior changes the ratings on appeal; the PDF opens', async () => {
    const { t, browser, shots } = j;
    const server = { url: j.url };
    const { background, openTaskOf, openFromList, sent, failures } = helpers();
    const pegawai = await t.db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const atasan = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'atasan' } });
    const unitId = pegawai.employee!.unitId;

    // Every appraisal of the unit is rated as expected (MEETS / MEETS → Baik) through the API: in a unit rated
    // Baik, all-Baik breaks the curve (at most 70% Baik; some Butuh Perbaikan or Kurang must exist).
    const { cycle } = await createAndStartCycle(t, { unitId, name: 'Penilaian Triwulan I (kalibrasi di peramban)' });
    const appraisal = await until(
      () => t.db.prisma.appraisal.findFirst({ where: { cycleId: cycle.id, employeeId: pegawai.employeeId! } }),
      'appraisal of pegawai',
    );
    const inBrowser = new Set(['calibration.unit', 'appeal.decide']);
    const bg = background(cycle.id, (task) => inBrowser.has(task.type), {
      'result.respond': (task) =>
        task.appraisalId === appraisal.id
          ? { action: 'APPEAL', reason: 'Laporan triwulan selesai lebih cepat dan melampaui target; mohon ditinjau.' }
          : { action: 'ACCEPT' },
    });

    // 1. HR opens the calibration task: the violation is shown; a send without a justification is refused.
    const calibration = await openTaskOf({ cycleId: cycle.id }, 'calibration.unit');
    expect(calibration.assigneeRole).toBe('HR_ADMIN');
    const violations = (calibration.context as any).violations as { code: string; message: { id: string } }[];
    expect(violations.length).toBeGreaterThan(0);
    const hr = await newSession(browser);
    await signIn(hr.page, server.url, 'admin');
    await openFromList(hr.page, calibration);
    const h = hr.page;
    const firstViolation = violations[0].message.id;
    expect(firstViolation).not.toBe('');
    await h.getByRole('alert').filter({ hasText: firstViolation }).first().waitFor();
    await shots.shot(h, 'hr-sees-violation');
    await h.getByRole('button', { name: 'Kirim' }).click();
    await h
      .getByText(/justifikasi wajib diisi/)
      .first()
      .waitFor();
    expect(h.url()).toMatch(new RegExp(`#/tasks/${calibration.id}/show`));
    await shots.shot(h, 'hr-justification-required');
    const justification = 'Semua pegawai unit ini mencapai target triwulan; sebaran dibahas bersama pimpinan unit.';
    await h.locator('textarea[name="justification"]').first().fill(justification);
    await shots.shot(h, 'hr-justifies');
    await h.getByRole('button', { name: 'Kirim' }).click();
    await sent(h);
    const unitRating = await until(
      () =>
        t.db.prisma.unitCycleRating.findFirst({
          where: { cycleId: cycle.id, unitId: (calibration.context as any).unitId },
        }),
      'unit rating',
    );
    expect(unitRating).toMatchObject({ status: 'JUSTIFIED', justification });
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    // 2. The employee's appeal (filed through the API) reaches the rater's superior, who changes both ratings.
    const decide = await openTaskOf({ appraisalId: appraisal.id }, 'appeal.decide');
    expect(decide.assigneeId).toBe(atasan.employeeId);
    const before = await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } });
    expect(before.predicate).toBe('BAIK');
    const sup = await newSession(browser);
    await signIn(sup.page, server.url, 'atasan');
    const s = sup.page;
    await openFromList(s, decide);
    await s.getByText('melampaui target; mohon ditinjau').first().waitFor(); // the employee's reason
    await s.locator('input[name="decision"][value="CHANGED"]').check();
    await s.locator('input[name="newResultRating"][value="ABOVE"]').check();
    await s.locator('input[name="newBehaviourRating"][value="ABOVE"]').check();
    await s
      .locator('textarea[name="note"]')
      .first()
      .fill('Bukti laporan menunjukkan hasil di atas ekspektasi; perilaku konsisten.');
    await shots.shot(s, 'superior-changes-ratings');
    await s.getByRole('button', { name: 'Kirim keputusan' }).click();
    await sent(s);
    const appeal = await until(
      () => t.db.prisma.appeal.findFirst({ where: { appraisalId: appraisal.id, status: 'DECIDED' } }),
      'decided appeal',
    );
    expect(appeal).toMatchObject({
      decision: 'CHANGED',
      newResultRating: 'ABOVE',
      newBehaviourRating: 'ABOVE',
      previousPredicate: 'BAIK',
      decidedById: atasan.employeeId,
    });
    const after = await until(
      () => t.db.prisma.appraisal.findFirst({ where: { id: appraisal.id, predicate: 'SANGAT_BAIK' } }),
      'predicate changed on appeal',
    );
    expect(after.predicate).toBe('SANGAT_BAIK');
    expect(sup.errors).toEqual([]);
    await sup.context.close();

    // 3. The employee sees the new predicate and opens the evaluation document from the appraisal page.
    const emp = await newSession(browser);
    await signIn(emp.page, server.url, 'pegawai');
    const p = emp.page;
    await p.goto(`${server.url}/#/appraisals/${appraisal.id}/show`);
    await p.getByTestId('predicate').waitFor();
    await expect(p.getByTestId('predicate').textContent()).resolves.toBe('Sangat Baik');
    await shots.shot(p, 'employee-sees-new-predicate');
    // The bytes that reach the browser (Chromium's PDF viewer hides them from `response.body()`).
    let pdfBytes: Buffer | null = null;
    await emp.context.route(`**/api/documents/appraisals/${appraisal.id}/evaluation.pdf?*`, async (route) => {
      const fetched = await route.fetch();
      pdfBytes = await fetched.body();
      await route.fulfill({ response: fetched, body: pdfBytes });
    });
    const pdfResponse = emp.context.waitForEvent('response', {
      predicate: (r) => r.url().includes(`/api/documents/appraisals/${appraisal.id}/evaluation.pdf`),
    });
    const [tab] = await Promise.all([emp.context.waitForEvent('page'), p.getByTestId('pdf-button').click()]);
    const response = await pdfResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(response.headers()['content-disposition']).toMatch(/^inline; filename=".+\.pdf"/);
    const body = await until(async () => pdfBytes, 'the PDF bytes');
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.subarray(-1024).toString('latin1')).toContain('%%EOF');
    expect(body.length).toBeGreaterThan(1000);
    await tab.waitForLoadState();
    expect(tab.url()).toContain(`/api/documents/appraisals/${appraisal.id}/evaluation.pdf`);
    await expect(tab.evaluate(() => (globalThis as any).document.contentType)).resolves.toBe('application/pdf');
    await shots.shot(tab, 'evaluation-pdf');
    expect(emp.errors).toEqual([]);
    await emp.context.close();

    await bg.stop();
    expect(failures).toEqual([]);
  }, 360_000);
});
