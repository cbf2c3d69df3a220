import request from 'supertest';
import type { Task } from '../../prisma/client';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { PLAN, allRatings, drive, login, openTask } from './cycle-driver';
import { Worker } from '@temporalio/worker';
import { binaryBody, pdfText } from '../helpers/pdf-text';
import { saveHistory } from '../workflows/history-files';
import { runHistories, runYear, startYear } from './year-driver';

/** The plan with a changed target: four reports instead of three (the Q2 revision). */
const REVISED = {
  ...PLAN,
  items: [
    {
      ...PLAN.items[0],
      indicators: [{ ...PLAN.items[0].indicators[0], target: '4 laporan', targetValue: 4 }],
    },
    PLAN.items[1],
  ],
};

/**
 * A whole year evaluated every quarter on the demo employee's section (PermenPANRB 6/2022): one plan, a revision in
 * Q2, four evaluations, an appeal in Q3 that changes that quarter's predicate and its three months' TPP, the annual
 * predicate from Q4, exactly twelve pay rows per employee — one workflow per employee, continued as new per quarter.
 */
describe('appraisal year, quarterly (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_year');
  });
  afterAll(() => t?.teardown());

  it('plans once, evaluates four quarters, pays twelve months and stores the year predicate', async () => {
    const me = (
      await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' }, include: { employee: true } })
    ).employee!;
    const n = await t.db.prisma.employee.count({ where: { unitId: me.unitId, status: 'ACTIVE' } });
    const { cycle, periods, year: YEAR } = await startYear(t, me.unitId, 'QUARTER');
    expect(periods.map((p) => p.label)).toEqual([
      `Triwulan I ${YEAR}`,
      `Triwulan II ${YEAR}`,
      `Triwulan III ${YEAR}`,
      `Triwulan IV-Akhir ${YEAR}`,
    ]);
    const pegawai = await login(t, 'pegawai');
    const mine = (task: Task) => t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: task.appraisalId! } });
    const myRow = (k: number) =>
      t.db.prisma.appraisal.findFirstOrThrow({
        where: { cycleId: cycle.id, employeeId: me.id, periodId: periods[k].id },
      });
    // My ratings per quarter: MEETS (BAIK) in Q1 and Q2; BELOW in Q3, changed on appeal; ABOVE in Q4.
    const myReview: Record<number, object> = {
      2: { resultRating: 'BELOW', behaviourRating: 'MEETS', berakhlak: allRatings('MEETS') },
      3: { resultRating: 'ABOVE', behaviourRating: 'ABOVE', berakhlak: allRatings('ABOVE') },
    };
    const meets = { resultRating: 'MEETS', behaviourRating: 'MEETS', berakhlak: allRatings('MEETS') };

    await runYear(t, cycle.id, periods, n, {
      answers: (k) => ({
        'plan.submit': async (task) => ((await mine(task)).employeeId === me.id && k === 1 ? REVISED : PLAN),
        'review.submit': async (task) => ((await mine(task)).employeeId === me.id ? (myReview[k] ?? meets) : meets),
        'result.respond': async (task) =>
          (await mine(task)).employeeId === me.id && k === 2
            ? { action: 'APPEAL', reason: 'Laporan triwulan III selesai tepat waktu; bukti belum dinilai' }
            : { action: 'ACCEPT' },
        'appeal.decide': () => ({
          decision: 'CHANGED',
          note: 'Bukti laporan lengkap: hasil kerja sesuai ekspektasi',
          newResultRating: 'MEETS',
        }),
      }),
      duringPeriod: async (k) => {
        if (k !== 1) return;
        // Q2: a changed target; the employee asks for a revision of the plan in force while the quarter runs.
        const q2 = await myRow(1);
        const asked = await request(t.app)
          .post(`/api/appraisals/${q2.id}/plan-revision`)
          .set('Authorization', `Bearer ${pegawai}`)
          .send({ reason: 'Target laporan bertambah sejak April' });
        expect(asked.status).toBe(200);
        expect(asked.body).toMatchObject({ revision: 1 });
        await openTask(t, 'plan.submit', { appraisalId: q2.id });
        // A second request while the revision is under way is refused.
        const again = await request(t.app)
          .post(`/api/appraisals/${q2.id}/plan-revision`)
          .set('Authorization', `Bearer ${pegawai}`)
          .send({ reason: 'Sekali lagi' });
        expect(again.status).toBe(409);
        // The revision goes through submit and approval; the quarter is then in force again.
        await drive(
          t,
          cycle.id,
          async () =>
            (await myRow(1)).stage === 'PERIOD' &&
            (await t.db.prisma.plan.findUniqueOrThrow({ where: { appraisalId: q2.id } })).status === 'APPROVED',
          { 'plan.submit': () => REVISED },
        );
      },
    });

    // One row per employee and quarter, all done; the fourth is the annual (final) one.
    const rows = await t.db.prisma.appraisal.findMany({
      where: { cycleId: cycle.id },
      include: { plan: { include: { items: { include: { indicators: true } } } } },
    });
    expect(rows).toHaveLength(n * 4);
    expect(rows.every((r) => r.stage === 'DONE')).toBe(true);
    const my = [0, 1, 2, 3].map((k) => rows.find((r) => r.employeeId === me.id && r.periodId === periods[k].id)!);
    expect(my.map((r) => [r.sequence, r.final])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    // One workflow for the year, continued as new per quarter.
    expect(new Set(my.map((r) => r.workflowId)).size).toBe(1);

    // The plan: version 0 evaluated in Q1; the Q2 revision (four reports) in force from Q2 on; both versions kept.
    const target = (r: (typeof my)[number]) => r.plan!.items.find((i) => i.kind === 'MAIN')!.indicators[0].target;
    expect(my.map((r) => r.plan!.revision)).toEqual([0, 1, 1, 1]);
    expect(my.map(target)).toEqual(['3 laporan', '4 laporan', '4 laporan', '4 laporan']);
    const versions = await t.db.prisma.planVersion.findMany({
      where: { plan: { appraisal: { cycleId: cycle.id, employeeId: me.id } } },
      orderBy: { revision: 'asc' },
    });
    expect(versions.map((v) => v.revision)).toEqual([0, 1]);
    expect(JSON.stringify(versions[0].items)).toContain('3 laporan');
    expect(JSON.stringify(versions[1].items)).toContain('4 laporan');

    // Predicates per quarter: the Q3 appeal changed BUTUH_PERBAIKAN into BAIK; Q4's is the year's.
    expect(my.map((r) => r.predicate)).toEqual(['BAIK', 'BAIK', 'BAIK', 'SANGAT_BAIK']);
    const appeal = await t.db.prisma.appeal.findUniqueOrThrow({ where: { appraisalId: my[2].id } });
    expect(appeal).toMatchObject({ decision: 'CHANGED', previousPredicate: 'BUTUH_PERBAIKAN' });
    const annual = await t.db.prisma.annualResult.findUniqueOrThrow({
      where: { cycleId_employeeId: { cycleId: cycle.id, employeeId: me.id } },
    });
    expect(annual).toMatchObject({ appraisalId: my[3].id, predicate: 'SANGAT_BAIK' });
    expect((annual.explanation as any).ruleSet).toMatchObject({ kind: 'SCORING' });
    expect(await t.db.prisma.annualResult.count({ where: { cycleId: cycle.id } })).toBe(n);

    // TPP: exactly twelve months per employee, each paid with the predicate of the quarter that covers it.
    const pay = await t.db.prisma.payAdjustment.findMany({ where: { cycleId: cycle.id }, orderBy: { month: 'asc' } });
    expect(pay).toHaveLength(n * 12);
    const myPay = pay.filter((p) => p.employeeId === me.id);
    expect(myPay.map((p) => p.month.toISOString().slice(0, 7))).toEqual(
      Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`),
    );
    expect(myPay.map((p) => p.predicate)).toEqual([...Array(9).fill('BAIK'), ...Array(3).fill('SANGAT_BAIK')]);
    expect(myPay.slice(6, 9).every((p) => p.appraisalId === my[2].id)).toBe(true);

    // The employee's year through the API: four evaluations in words, the two plan versions, the annual predicate
    // and the twelve months.
    const year = await request(t.app)
      .get(`/api/appraisals/${my[0].id}/year`)
      .set('Authorization', `Bearer ${pegawai}`)
      .expect(200);
    expect(year.body.cycle).toMatchObject({ year: `Tahunan ${YEAR}`, evaluationFrequency: 'QUARTER' });
    expect(year.body.evaluations.map((e: any) => [e.period.label, e.predicate, e.planRevision])).toEqual([
      [`Triwulan I ${YEAR}`, 'BAIK', 0],
      [`Triwulan II ${YEAR}`, 'BAIK', 1],
      [`Triwulan III ${YEAR}`, 'BAIK', 1],
      [`Triwulan IV-Akhir ${YEAR}`, 'SANGAT_BAIK', 1],
    ]);
    expect(year.body.planVersions.map((v: any) => v.revision)).toEqual([0, 1]);
    expect(year.body.annual).toMatchObject({ predicate: 'SANGAT_BAIK' });
    expect(year.body.pay).toHaveLength(12);

    // The PDF: Q1 is a periodic evaluation; Q4 is the annual one, with the year's predicate.
    const pdfOf = async (id: number) =>
      pdfText(
        (
          await request(t.app)
            .get(`/api/documents/appraisals/${id}/evaluation.pdf`)
            .set('Authorization', `Bearer ${pegawai}`)
            .buffer(true)
            .parse(binaryBody)
            .expect(200)
        ).body as Buffer,
      ).replace(/\s+/g, ' ');
    const q1Pdf = await pdfOf(my[0].id);
    expect(q1Pdf).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI PERIODIK');
    expect(q1Pdf).toContain(`PERIODE: TRIWULAN I ${YEAR}`);
    expect(q1Pdf).toContain('PREDIKAT KINERJA PEGAWAI PERIODIK BAIK');
    const q4Pdf = await pdfOf(my[3].id);
    expect(q4Pdf).toContain(`PERIODE: TRIWULAN IV-AKHIR ${YEAR} · EVALUASI TAHUNAN ${YEAR}`);
    expect(q4Pdf).toContain('PREDIKAT KINERJA PEGAWAI TAHUNAN SANGAT BAIK');

    // Per-period progress of the closed cycle: every employee done in each quarter.
    const admin = await login(t, 'admin');
    const progress = await request(t.app)
      .get(`/api/cycles/${cycle.id}/progress`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(progress.body).toMatchObject({
      phase: 'CLOSED',
      total: n,
      finished: n,
      percent: 100,
      evaluation: { index: 3, count: 4, label: `Triwulan IV-Akhir ${YEAR}` },
    });
    expect(progress.body.perPeriod.map((p: any) => [p.label, p.perStage])).toEqual(
      periods.map((p) => [p.label, { DONE: n }]),
    );
    // The year is over: no revision any more.
    const late = await request(t.app)
      .post(`/api/appraisals/${my[3].id}/plan-revision`)
      .set('Authorization', `Bearer ${pegawai}`)
      .send({ reason: 'Terlambat' });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.prisma.task.count({ where: { cycleId: cycle.id, status: 'OPEN' } })).toBe(0);

    // The year's four runs replay against today's code, and are kept for test/workflows/replay.test.ts.
    const runs = await runHistories(t, my[0].workflowId);
    expect(runs).toHaveLength(4);
    for await (const r of Worker.runReplayHistories(
      { workflowBundle: t.bundle },
      runs.map((history) => ({ workflowId: my[0].workflowId, history })),
    ))
      expect(r.error).toBeUndefined();
    runs.forEach((history, k) => saveHistory(`year-quarterly-run-${k + 1}`, my[0].workflowId, history));
  });
});
