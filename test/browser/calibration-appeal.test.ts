/**
 * The steps after the rating, in a real Chromium against the real API, Temporal test server, worker and PostgreSQL:
 * HR calibrates a unit whose predicates break the distribution curve (the console shows the violations and refuses a
 * send without a justification; HR adjusts predicates instead, first too few, which the server refuses, then enough
 * to fit the curve); the rater's superior decides the employee's appeal
 * and changes the ratings, which changes the predicate; the employee opens the evaluation document (PDF) from the
 * appraisal page. The earlier stages (plans, evidence, ratings, the appeal itself) go through the API.
 * Screenshots in test/.artifacts/screenshots/calibration-appeal/.
 */
import { createAndStartCycle, until } from '../cycle/cycle-driver';
import { describeInBrowser, newSession, signIn } from './harness';
import { journeySuite } from './journey';

describeInBrowser('calibration, appeal decision and evaluation PDF in the console (Chromium, Temporal)', () => {
  const { helpers } = journeySuite('browser_calibration', 'calibration-appeal');

  it('HR adjusts the predicates of a unit off the curve; the superior changes the ratings on appeal; the PDF opens', async () => {
    const { t, url, browser, shots, account, background, openTaskOf, openFromList, sent, failures } = helpers();
    const pegawai = await account('pegawai');
    const atasan = await account('atasan');
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

    // 1. HR opens the calibration task: the violations are shown; a send without a justification is refused.
    const calibration = await openTaskOf({ cycleId: cycle.id }, 'calibration.unit');
    expect(calibration.assigneeRole).toBe('HR_ADMIN');
    const violations = (calibration.context as any).violations as { code: string; message: { id: string } }[];
    expect(violations.length).toBeGreaterThan(0);
    const hr = await newSession(browser);
    await signIn(hr.page, url, 'admin');
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

    // 2. HR adjusts predicates instead. The unit's appraisals, all Baik; the employee's own stays Baik (it is
    // appealed below). A plan that fits (unit Baik): at most 70% Baik, Baik still the largest group, one Butuh
    // Perbaikan, the rest Sangat Baik.
    const unitAppraisals = await t.db.prisma.appraisal.findMany({
      where: { cycleId: cycle.id, unitId: (calibration.context as any).unitId },
      orderBy: { id: 'asc' },
    });
    const n = unitAppraisals.length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(unitAppraisals.every((a) => a.predicate === 'BAIK')).toBe(true);
    const colleagues = unitAppraisals.filter((a) => a.id !== appraisal.id);
    const keepBaik = Math.max(1, Math.floor((n * 7) / 10));
    const plan = new Map<number, 'BUTUH_PERBAIKAN' | 'SANGAT_BAIK'>();
    plan.set(colleagues[0].id, 'BUTUH_PERBAIKAN');
    for (const a of colleagues.slice(1, n - keepBaik)) plan.set(a.id, 'SANGAT_BAIK');
    const label = { BUTUH_PERBAIKAN: 'Butuh Perbaikan', SANGAT_BAIK: 'Sangat Baik' } as const;
    const choose = async (appraisalId: number, predicate: keyof typeof label) => {
      // Each row's select is named by its person (no visible label in a table cell).
      const person = await t.db.prisma.appraisal.findUniqueOrThrow({
        where: { id: appraisalId },
        select: { employee: { select: { name: true } } },
      });
      await h
        .getByTestId(`adjust-${appraisalId}`)
        .getByRole('combobox', { name: `Predikat baru untuk ${person.employee.name}` })
        .click();
      await h.getByRole('option', { name: label[predicate], exact: true }).click();
      // While a select's list is open the rest of the page is hidden from the accessibility tree (and from getByRole):
      // wait until it has closed (on a loaded machine a click can land during its opening animation; Escape closes).
      const list = h.getByRole('listbox');
      if (
        !(await list.waitFor({ state: 'hidden', timeout: 5_000 }).then(
          () => true,
          () => false,
        ))
      ) {
        await h.keyboard.press('Escape');
        await list.waitFor({ state: 'hidden' });
      }
      await h.getByTestId(`adjust-${appraisalId}`).getByText(label[predicate], { exact: true }).waitFor();
    };
    await h.locator('input[name="action"][value="ADJUST"]').check();
    await h.getByTestId('calibration-adjustments').waitFor();
    await shots.shot(h, 'hr-adjust-form');
    for (const a of unitAppraisals) await h.getByTestId(`adjust-${a.id}`).waitFor(); // every appraisal of the unit
    await choose(colleagues[0].id, 'BUTUH_PERBAIKAN');
    if (plan.size > 1) {
      // One Butuh Perbaikan is not enough: Baik stays above 70%; the server refuses and nothing changes.
      await h.getByRole('button', { name: 'Kirim' }).click();
      await h
        .getByText(/masih melanggar kurva/)
        .first()
        .waitFor();
      await shots.shot(h, 'hr-adjustment-refused');
      expect(await t.db.prisma.appraisal.count({ where: { id: colleagues[0].id, predicate: 'BAIK' } })).toBe(1);
    }
    for (const [id, predicate] of plan) if (id !== colleagues[0].id) await choose(id, predicate);
    await h.locator('input[name="adjustmentNote"]').fill('Kalibrasi bersama pimpinan unit berdasarkan bukti kinerja.');
    await shots.shot(h, 'hr-adjusts');
    await h.getByRole('button', { name: 'Kirim' }).click();
    await sent(h);
    const unitRating = await until(
      () =>
        t.db.prisma.unitCycleRating.findFirst({
          where: { cycleId: cycle.id, unitId: (calibration.context as any).unitId, status: 'ADJUSTED' },
        }),
      'unit rating adjusted',
    );
    expect(unitRating.violations).toEqual([]);
    const adjusted = await t.db.prisma.appraisal.findMany({ where: { id: { in: unitAppraisals.map((a) => a.id) } } });
    for (const a of adjusted) expect(a.predicate).toBe(plan.get(a.id) ?? 'BAIK');
    expect((adjusted.find((a) => a.id === colleagues[0].id)!.predicateExplanation as any).calibration).toMatchObject({
      from: 'BAIK',
      to: 'BUTUH_PERBAIKAN',
      note: 'Kalibrasi bersama pimpinan unit berdasarkan bukti kinerja.',
      by: 'admin',
    });
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    // 3. The employee's appeal (filed through the API) reaches the rater's superior, who changes both ratings.
    const decide = await openTaskOf({ appraisalId: appraisal.id }, 'appeal.decide');
    expect(decide.assigneeId).toBe(atasan.employeeId);
    const before = await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } });
    expect(before.predicate).toBe('BAIK');
    const sup = await newSession(browser);
    await signIn(sup.page, url, 'atasan');
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

    // 4. The employee sees the new predicate and opens the evaluation document from the appraisal page.
    const emp = await newSession(browser);
    await signIn(emp.page, url, 'pegawai');
    const p = emp.page;
    // From the menu's list of appraisals (the employee sees their own), with the new predicate in its row.
    await p
      .locator('.RaSidebar-fixed, .MuiDrawer-root')
      .first()
      .getByText('Penilaian Kinerja', { exact: true })
      .click();
    const row = p.locator('tr', { hasText: pegawai.employee!.nip });
    await row.getByText('Sangat Baik').waitFor();
    await shots.shot(p, 'employee-appraisal-list');
    await row.click();
    await p.waitForURL(new RegExp(`#/appraisals/${appraisal.id}/show`));
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
    // The tab opens blank at the click (so popup blockers let it through) and then goes to the signed link.
    await tab.waitForURL(new RegExp(`/api/documents/appraisals/${appraisal.id}/evaluation\\.pdf\\?sig=`));
    await tab.waitForLoadState();
    expect(tab.url()).not.toContain('access_token');
    await expect(tab.evaluate(() => (globalThis as any).document.contentType)).resolves.toBe('application/pdf');
    await shots.shot(tab, 'evaluation-pdf');
    expect(emp.errors).toEqual([]);
    await emp.context.close();

    await bg.stop();
    expect(failures).toEqual([]);
  }, 360_000);
});
