/**
 * A demo employee walks a whole appraisal year in the console, on the real workflows (Temporal time-skipping server
 * with a worker, PostgreSQL, Chromium), evaluated by semester: HR starts the year through the service; the employee
 * drafts and submits the plan (SKP) once and the rater approves it in the console; in each semester the employee
 * records the realisation and uploads evidence, the rater rates the work result and the seven BerAKHLAK values, and the
 * employee reads the semester's predicate in words — accepting it in semester I, letting the appeal window run out in
 * semester II. The test moves the clock to each semester's end and past the last appeal window; the colleagues' tasks
 * go through the API in the background so that the section reaches calibration. Halfway the employee reads the year
 * running; at the end the year tab of the final appraisal: two evaluations, the annual predicate, one plan version and
 * twelve months of TPP — and the database agrees (one plan, planned once).
 * Screenshots in test/.artifacts/screenshots/year-journey/.
 */
import type { Page } from 'playwright-core';
import { opensAfter } from '../../prisma/evaluation-periods';
import { MONTH_NAMES_ID } from '../../prisma/month-names';
import { advanceTo, until } from '../cycle/cycle-driver';
import { currentRuns, nextPeriodRunning, periodRowsIn, startYear } from '../cycle/year-driver';
import { describeInBrowser, newSession, rupiah, signIn, squash, textOf as text } from './harness';
import { journeySuite } from './journey';

/** The steps of the employee's year taken in the browser; everything else of the cycle goes through the API. */
const IN_BROWSER = new Set(['plan.submit', 'plan.review', 'evidence.submit', 'review.submit', 'result.respond']);
const PREDICATE: Record<string, string> = { BAIK: 'Baik', SANGAT_BAIK: 'Sangat Baik' };
/** What must never reach the screen: enum codes, message keys, raw JSON. */
const CODES = /SANGAT_BAIK|BUTUH_PERBAIKAN|\bBAIK\b|\bDONE\b|\bPERIOD\b|SEMESTER|capaian\.|\{"/;
const BERAKHLAK = ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];
const WORK_RESULT = 'Tersusunnya laporan data kepegawaian semesteran';
/** Each semester as the rater rates it and the employee reads it (ABOVE/MEETS → Baik, ABOVE/ABOVE → Sangat Baik). */
const SEMESTERS = [
  { rating: 'ABOVE', behaviour: 'MEETS', predicate: 'BAIK', done: '1 laporan selesai', file: 'laporan-semester-1.pdf' },
  {
    rating: 'ABOVE',
    behaviour: 'ABOVE',
    predicate: 'SANGAT_BAIK',
    done: '2 laporan selesai',
    file: 'laporan-semester-2.pdf',
  },
] as const;
/** A date as the console writes it in Indonesian, in the employee's time zone. */
const day = (d: Date | string, month: 'long' | 'short') =>
  new Date(d).toLocaleDateString('id-ID', { day: 'numeric', month, year: 'numeric', timeZone: 'Asia/Jakarta' });

describeInBrowser('an appraisal year through the console, by semester (Chromium, Temporal, PostgreSQL)', () => {
  const { helpers } = journeySuite('browser_year_journey', 'year-journey');

  it('plans once, is rated each semester, reads each predicate and the year: two evaluations, twelve months', async () => {
    const { t, url, browser, shots, account, background, openTaskOf, openFromList, sent, failures } = helpers();
    const pegawai = await account('pegawai');
    const penilai = await account('penilai');
    const me = pegawai.employee!;
    const n = await t.db.prisma.employee.count({ where: { unitId: me.unitId, status: 'ACTIVE' } });

    // 0. HR starts next year for the employee's section, evaluated by semester (through the service).
    const { cycle, periods, year: Y } = await startYear(t, me.unitId, 'SEMESTER');
    expect(periods.map((x) => x.label)).toEqual([`Semester I ${Y}`, `Semester II ${Y}`]);
    const rowOf = (k: number) =>
      until(
        () =>
          t.db.prisma.appraisal.findFirst({ where: { cycleId: cycle.id, employeeId: me.id, periodId: periods[k].id } }),
        `the employee's row of ${periods[k].label}`,
      );
    const first = await rowOf(0);
    expect(first.raterId).toBe(penilai.employeeId);
    // The employee's year is one workflow: its browser steps are left to the two sessions below.
    const bg = background(cycle.id, (task) => task.workflowId === first.workflowId && IN_BROWSER.has(task.type));

    const emp = await newSession(browser);
    const rater = await newSession(browser);
    await signIn(emp.page, url, 'pegawai');
    await signIn(rater.page, url, 'penilai');
    const p = emp.page;
    const r = rater.page;
    /** The task page says whose task it is, of which year and which semester. */
    const about = async (page: Page, k: number) =>
      expect(await text(page, 'task-context')).toContain(
        `Pegawai: ${me.name} · Siklus: Penilaian ${Y} · Periode evaluasi: ${periods[k].label}`,
      );

    // 1. The plan for the year, once: the employee drafts it, linked to the rater's approved work result.
    const raterPlan = await until(
      () =>
        t.db.prisma.plan.findFirst({
          where: { status: 'APPROVED', appraisal: { cycleId: cycle.id, employeeId: penilai.employeeId! } },
          include: { items: { orderBy: { position: 'asc' } } },
        }),
      'approved plan of penilai',
      60_000,
    );
    const parentTitle = raterPlan.items[0].title;
    await openFromList(p, await openTaskOf({ appraisalId: first.id }, 'plan.submit'));
    await about(p, 0);
    await p.locator('textarea[name="expectations"], input[name="expectations"]').fill('Data kepegawaian mutakhir');
    await p.locator('input[name="items.0.title"]').fill(WORK_RESULT);
    await p.locator('input[name="items.0.indicators.0.description"]').fill('Jumlah laporan yang disusun');
    await p.locator('input[name="items.0.indicators.0.target"]').fill('1 laporan per semester');
    await p.getByLabel('RHK atasan yang diintervensi').click();
    await p.getByRole('option', { name: parentTitle, exact: true }).click();
    await shots.shot(p, 'employee-plans-the-year');
    await p.getByRole('button', { name: 'Ajukan SKP' }).click();
    await sent(p);

    // 2. The rater approves it.
    await openFromList(r, await openTaskOf({ appraisalId: first.id }, 'plan.review'));
    await about(r, 0);
    await r.getByText(WORK_RESULT).first().waitFor();
    await r.getByText(`RHK atasan yang diintervensi: ${parentTitle}`).waitFor();
    await r.locator('input[name="decision"][value="APPROVE"]').check();
    await shots.shot(r, 'rater-approves-plan');
    await r.getByRole('button', { name: 'Kirim' }).click();
    await sent(r);
    // Every plan of the section approved: everyone is in the first semester.
    await until(periodRowsIn(t, cycle.id, periods[0].id, ['PERIOD'], n), `all ${n} in ${periods[0].label}`, 120_000);

    const whys: string[] = []; // why each semester's predicate is what it is, as the employee read it
    const responds: number[] = []; // the employee's result.respond task of each semester
    for (const [k, s] of SEMESTERS.entries()) {
      const period = periods[k];
      // The semester runs with the plan in force; its evaluation opens when it ends (the test moves the clock there).
      await advanceTo(t, Date.parse(opensAfter(period.endDate, 7)) + 1000);
      const row = await rowOf(k);
      const runs = await currentRuns(t, cycle.id);

      // 3. The employee records the realisation against the year's plan and uploads the evidence.
      await openFromList(p, await openTaskOf({ appraisalId: row.id }, 'evidence.submit'));
      await about(p, k);
      await p.getByText(WORK_RESULT).first().waitFor();
      await p.getByText('Jumlah laporan yang disusun — Target: 1 laporan per semester').waitFor();
      const indicator = await t.db.prisma.indicator.findFirstOrThrow({
        where: { planItem: { plan: { appraisalId: row.id } } },
      });
      await p.locator('input[name="realizations.0.value"]').fill(s.done);
      await p.locator('input[name="realizations.0.note"]').fill(`Diserahkan ke kepala bidang, ${period.label}`);
      await p.getByTestId(`evidence-file-${indicator.id}`).setInputFiles({
        name: s.file,
        mimeType: 'application/pdf',
        buffer: Buffer.from(`%PDF-1.4 ${s.file}`),
      });
      await p.getByTestId('evidence-uploaded').getByText(s.file).waitFor();
      await shots.shot(p, `employee-evidence-semester-${k + 1}`);
      await p.getByRole('button', { name: 'Kirim' }).click();
      await sent(p);

      // 4. The rater rates the work result and the seven BerAKHLAK values, with the realisation in front of them.
      await openFromList(r, await openTaskOf({ appraisalId: row.id }, 'review.submit'));
      await about(r, k);
      await r.getByText(s.done).first().waitFor();
      await r.locator(`input[name="resultRating"][value="${s.rating}"]`).check();
      await r
        .locator('textarea[name="resultComment"]')
        .first()
        .fill(`Laporan ${period.label} lengkap dan tepat waktu.`);
      for (const v of BERAKHLAK) await r.locator(`input[name="berakhlak.${v}"][value="${s.behaviour}"]`).check();
      await r.locator(`input[name="behaviourRating"][value="${s.behaviour}"]`).check();
      await shots.shot(r, `rater-rates-semester-${k + 1}`);
      await r.getByRole('button', { name: 'Kirim penilaian' }).click();
      await sent(r);

      // 5. After the section's calibration the employee reads the semester's predicate in words, and until when an
      // appeal may be filed.
      const respond = await openTaskOf({ appraisalId: row.id }, 'result.respond');
      responds.push(respond.id);
      await openFromList(p, respond);
      await about(p, k);
      await p.getByTestId('predicate').waitFor();
      expect(await text(p, 'predicate')).toBe(PREDICATE[s.predicate]);
      whys.push(await text(p, 'explanation-text'));
      expect(whys[k]).toMatch(new RegExp(`^Predikat ${PREDICATE[s.predicate]} karena `));
      const windowEnds = (respond.context as { appealWindowEndsAt: string }).appealWindowEndsAt;
      expect(await text(p, 'appeal-days-left')).toMatch(
        new RegExp(`^Sisa waktu mengajukan keberatan: \\d+ hari \\(sampai ${day(windowEnds, 'long')}\\)$`),
      );
      expect(await p.locator('main').innerText()).not.toMatch(CODES);
      await shots.shot(p, `employee-reads-semester-${k + 1}`);
      expect((await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: row.id } })).predicate).toBe(s.predicate);

      if (k === 0) {
        // Semester I: the employee accepts; the year moves on to semester II with the same plan.
        await p.getByRole('button', { name: 'Kirim' }).click();
        await sent(p);
        await until(nextPeriodRunning(t, cycle.id, periods[1].id, n, runs), `all ${n} in ${periods[1].label}`, 120_000);

        // Halfway: the employee reads the year running — semester I done, semester II in force, six months paid.
        const second = await rowOf(1);
        await p.goto(`${url}/#/appraisals/${second.id}/show/year`);
        await p.getByTestId('year-pay').waitFor();
        expect(await text(p, 'year-evaluation-1')).toBe(`Semester I ${Y} Selesai Baik SKP awal Tidak ada`);
        expect(await text(p, 'year-evaluation-2')).toBe(
          `Semester II ${Y} (evaluasi tahunan) sedang berjalan Periode berjalan Belum dibagikan SKP awal —`,
        );
        expect(await text(p, 'annual-predicate')).toContain('Predikat tahunan belum ditetapkan');
        const paid = (await p.getByTestId('year-pay').locator('tbody tr').allInnerTexts()).map((x) => squash(x));
        expect(paid.map((x) => x.split(' Rp')[0])).toEqual(MONTH_NAMES_ID.slice(0, 6).map((m) => `${m} ${Y} Baik`));
        // While the semester runs a revision of the plan may be asked for; none is.
        expect(squash((await p.getByTestId('request-plan-revision').textContent()) ?? '')).toBe('Minta revisi SKP');
        await shots.shot(p, 'employee-year-halfway');
      } else {
        // Semester II: the employee leaves it; once the colleagues are done the test lets the 14-day window run out.
        const others = { cycleId: cycle.id, periodId: period.id, employeeId: { not: me.id } };
        await until(
          async () => (await t.db.prisma.appraisal.count({ where: { ...others, stage: 'DONE' } })) === n - 1,
          `the colleagues' ${period.label} done`,
          120_000,
        );
        await advanceTo(t, Date.parse(windowEnds) + 1000);
        await until(
          async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
          'the cycle closed',
          120_000,
        );
      }
    }
    await bg.stop();

    // 6. The year as the employee reads it on the final appraisal's year tab.
    const last = await rowOf(1);
    await p.goto(`${url}/#/appraisals/${last.id}/show/year`);
    await p.getByTestId('year-pay').waitFor();
    // The page's title says whose appraisal it is, not its record number.
    const title = squash(await p.locator('#react-admin-title').innerText());
    expect(title.slice(-me.name.length)).toBe(me.name);
    expect(title).not.toMatch(/#\d/);
    expect(await text(p, 'annual-predicate')).toMatch(
      /^Predikat tahunan Sangat Baik Predikat evaluasi periode akhir, yang menjadi predikat tahun ini\./,
    );
    expect(await p.getByTestId('year-evaluations').locator('tbody tr').count()).toBe(2);
    expect(await text(p, 'year-evaluation-1')).toBe(`Semester I ${Y} Selesai Baik SKP awal Tidak ada`);
    expect(await text(p, 'year-evaluation-2')).toBe(
      `Semester II ${Y} (evaluasi tahunan) Selesai Sangat Baik SKP awal Tidak ada`,
    );
    // One plan for the year: one approved version, the one made at its start.
    const versions = await t.db.prisma.planVersion.findMany({
      where: { plan: { appraisal: { cycleId: cycle.id, employeeId: me.id } } },
    });
    expect(versions.map((v) => v.revision)).toEqual([0]);
    expect(await p.locator('[data-testid^="plan-version-"]').count()).toBe(1);
    const version = await text(p, 'plan-version-0');
    expect(version).toContain(`SKP awal · Disetujui ${day(versions[0].approvedAt, 'short')}`);
    expect(version).toContain(WORK_RESULT);
    expect(version).toContain('Target: 1 laporan per semester');
    // Twelve months of TPP: January–June paid with semester I's predicate, July–December with semester II's.
    const pay = await t.db.prisma.payAdjustment.findMany({
      where: { cycleId: cycle.id, employeeId: me.id },
      orderBy: { month: 'asc' },
    });
    expect(pay.map((x) => x.month.toISOString().slice(0, 7))).toEqual(
      MONTH_NAMES_ID.map((_, i) => `${Y}-${String(i + 1).padStart(2, '0')}`),
    );
    expect(pay.map((x) => x.predicate)).toEqual([...Array(6).fill('BAIK'), ...Array(6).fill('SANGAT_BAIK')]);
    expect(pay.every((x) => x.amount > 0)).toBe(true);
    const months = (await p.getByTestId('year-pay').locator('tbody tr').allInnerTexts()).map((x) => squash(x));
    expect(months).toEqual(
      pay.map(
        (x, i) =>
          `${MONTH_NAMES_ID[i]} ${Y} ${PREDICATE[x.predicate!]} ${rupiah(x.baseAmount)} ${rupiah(x.cutAmount)} ` +
          rupiah(x.amount),
      ),
    );
    expect(await text(p, 'year-pay-total')).toBe(rupiah(pay.reduce((sum, x) => sum + x.amount, 0)));
    expect(await p.getByTestId('request-plan-revision').count()).toBe(0); // the year is over
    expect(await p.getByTestId('appraisal-year').innerText()).not.toMatch(CODES);
    await shots.shot(p, 'employee-reads-the-year');

    // The database agrees: two evaluations of one plan, the year's predicate from semester II, the plan asked for once.
    const mine = await t.db.prisma.appraisal.findMany({
      where: { cycleId: cycle.id, employeeId: me.id },
      orderBy: { sequence: 'asc' },
    });
    expect(mine.map((a) => [a.periodId, a.final, a.stage, a.predicate])).toEqual([
      [periods[0].id, false, 'DONE', 'BAIK'],
      [periods[1].id, true, 'DONE', 'SANGAT_BAIK'],
    ]);
    const annual = await t.db.prisma.annualResult.findUniqueOrThrow({
      where: { cycleId_employeeId: { cycleId: cycle.id, employeeId: me.id } },
    });
    expect(annual).toMatchObject({ appraisalId: last.id, predicate: 'SANGAT_BAIK' });
    expect(await text(p, 'annual-predicate')).toContain(whys[1]); // the year's why is semester II's
    const count = (type: string) => t.db.prisma.task.count({ where: { workflowId: first.workflowId, type } });
    expect(await count('plan.submit')).toBe(1);
    expect(await count('plan.review')).toBe(1);
    expect(await count('evidence.submit')).toBe(2);
    expect(await count('review.submit')).toBe(2);
    expect(await t.db.prisma.task.count({ where: { assigneeId: me.id, type: 'plan.submit' } })).toBe(1);
    // Semester I's result accepted in the console; semester II's window ran out unanswered, with no appeal.
    const answered = await t.db.prisma.task.findMany({ where: { id: { in: responds } }, orderBy: { id: 'asc' } });
    expect(answered.map((x) => [x.status, (x.result as { expired?: boolean } | null)?.expired ?? false])).toEqual([
      ['DONE', false],
      ['CANCELLED', true],
    ]);
    expect(await t.db.prisma.appeal.count({ where: { appraisal: { cycleId: cycle.id, employeeId: me.id } } })).toBe(0);

    expect(failures).toEqual([]);
    expect([...emp.errors, ...rater.errors]).toEqual([]);
    await Promise.all([emp.context.close(), rater.context.close()]);
  }, 600_000);
});
