import request from 'supertest';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { allInStage, allRatings, createAndStartCycle, drive, login } from './cycle-driver';

/**
 * A whole cycle on the demo employee's section, every task completed through POST /api/tasks/:id/complete by its
 * assignee: plan → evidence → review → scoring → calibration → appeal window → pay → sanctions → closed.
 */
describe('appraisal cycle: full happy path through the API (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_happy');
  });
  afterAll(() => t?.teardown());

  it('runs every stage, stores the predicate with its explanation, exactly one pay adjustment per employee and month, and closes', async () => {
    const pegawai = await t.db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const me = pegawai.employee!;
    const unitSize = await t.db.prisma.employee.count({ where: { unitId: me.unitId, status: 'ACTIVE' } });
    expect(unitSize).toBeGreaterThan(2);

    const { cycle } = await createAndStartCycle(t, { unitId: me.unitId });
    const reviewed: string[] = [];
    const completed = await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
      {
        // The demo employee works below expectations (BUTUH_PERBAIKAN → a training recommendation HR confirms).
        'review.submit': async (task) => {
          reviewed.push(task.key);
          const a = await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: task.appraisalId! } });
          return a.employeeId === me.id
            ? {
                resultRating: 'BELOW',
                behaviourRating: 'MEETS',
                berakhlak: allRatings('MEETS'),
                resultComment: 'Target laporan belum tercapai',
              }
            : { resultRating: 'MEETS', behaviourRating: 'MEETS', berakhlak: allRatings('MEETS') };
        },
        'sanction.decide': (task) => ({
          decisions: ((task.context as any)?.recommendations ?? []).map((r: any) => ({
            code: r.code,
            decision: 'CONFIRM',
            note: 'Diikutkan diklat teknis triwulan berikutnya',
          })),
        }),
      },
    );
    const appraisals = await t.db.prisma.appraisal.findMany({ where: { cycleId: cycle.id }, orderBy: { id: 'asc' } });
    expect(appraisals).toHaveLength(unitSize);
    expect(await allInStage(t, cycle.id, ['DONE'], unitSize)()).toBe(true);
    expect(reviewed).toHaveLength(unitSize);

    // Every human step was a task completed by its assignee.
    const types = completed.map((c) => c.type);
    for (const type of ['plan.submit', 'plan.review', 'evidence.submit', 'review.submit', 'result.respond'])
      expect(types.filter((x) => x === type)).toHaveLength(unitSize);
    expect(types).toContain('sanction.decide');

    // Scoring: predicate with its explanation (rule set and version, facts, rules fired).
    const mine = appraisals.find((a) => a.employeeId === me.id)!;
    expect(mine.predicate).toBe('BUTUH_PERBAIKAN');
    expect(mine.scoringVersionId).toBe(cycle.scoringVersionId);
    const explanation = mine.predicateExplanation as any;
    expect(explanation.ruleSet).toMatchObject({ kind: 'SCORING', versionId: cycle.scoringVersionId });
    expect(explanation.facts).toEqual({ resultRating: 'BELOW', behaviourRating: 'MEETS' });
    expect(JSON.stringify(explanation.explanation)).toContain('BUTUH_PERBAIKAN');
    for (const a of appraisals.filter((x) => x.id !== mine.id)) expect(a.predicate).toBe('BAIK');

    // Calibration ran for the unit against the pinned DISTRIBUTION version.
    const unitRating = await t.db.prisma.unitCycleRating.findUniqueOrThrow({
      where: { cycleId_unitId: { cycleId: cycle.id, unitId: me.unitId } },
    });
    expect(['FITS_CURVE', 'JUSTIFIED', 'ADJUSTED']).toContain(unitRating.status);
    if (types.includes('calibration.unit')) expect(unitRating.status).toBe('JUSTIFIED');

    // Appeal window: the result was shared and accepted.
    for (const a of appraisals) expect(a.resultSharedAt).not.toBeNull();

    // Pay: exactly one adjustment per employee and month — the quarter's three months — with the pinned PAY version
    // and each month's own explanation.
    const pay = await t.db.prisma.payAdjustment.findMany({ where: { cycleId: cycle.id }, orderBy: { month: 'asc' } });
    expect(pay).toHaveLength(unitSize * 3);
    expect(new Set(pay.map((p) => `${p.employeeId}:${p.month.toISOString()}`)).size).toBe(unitSize * 3);
    const myMonths = pay.filter((p) => p.employeeId === me.id);
    const quarter = await t.db.prisma.period.findUniqueOrThrow({ where: { id: pay[0].periodId } });
    const y = quarter.startDate.getUTCFullYear();
    expect(myMonths.map((p) => p.month.toISOString().slice(0, 10))).toEqual([`${y}-01-01`, `${y}-02-01`, `${y}-03-01`]);
    expect(myMonths.map((p) => (p.explanation as any).attendance.from.slice(0, 10))).toEqual([
      `${y}-01-01`,
      `${y}-02-01`,
      `${y}-03-01`,
    ]);
    const myPay = myMonths[0];
    expect(myPay).toMatchObject({
      predicate: 'BUTUH_PERBAIKAN',
      payVersionId: cycle.payVersionId,
      baseAmount: me.baseAllowance,
    });
    expect(Number.isInteger(myPay.amount)).toBe(true);
    expect(myPay.amount).toBeLessThan(me.baseAllowance);
    expect(myPay.cutAmount).toBe(me.baseAllowance - myPay.amount);
    expect((myPay.explanation as any).ruleSet).toMatchObject({ kind: 'PAY', versionId: cycle.payVersionId });
    const someoneBaik = pay.find((p) => p.predicate === 'BAIK')!;
    expect(someoneBaik.amount).toBeGreaterThan(0);

    // Sanctions: the training recommendation, confirmed by HR.
    const sanctions = await t.db.prisma.sanction.findMany({ where: { appraisalId: mine.id } });
    expect(sanctions.map((s) => [s.code, s.status])).toEqual([['PENGEMBANGAN_KOMPETENSI', 'CONFIRMED']]);

    // The API shows the same result with its explanation to the employee.
    const token = await login(t, 'pegawai');
    const result = await request(t.app)
      .get(`/api/appraisals/${mine.id}/result`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(result.body).toMatchObject({
      predicate: 'BUTUH_PERBAIKAN',
      pay: { amount: myMonths.reduce((n, p) => n + p.amount, 0), months: myMonths.map((p) => ({ amount: p.amount })) },
    });
    expect(result.body.explanation.ruleSet.kind).toBe('SCORING');

    // Progress of the closed cycle, and the payroll export.
    const admin = await login(t, 'admin');
    const progress = await request(t.app)
      .get(`/api/cycles/${cycle.id}/progress`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(progress.body).toMatchObject({ phase: 'CLOSED', total: unitSize, finished: unitSize, percent: 100 });
    const csv = await request(t.app)
      .get(`/api/cycles/${cycle.id}/payroll.csv`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const lines = csv.text.trim().split('\n');
    expect(lines).toHaveLength(unitSize * 3 + 1);
    expect(lines[0]).toContain(',bulan,');
    expect(csv.text).toContain(`${me.nip},`);
    // One month's payroll: one line per employee.
    const february = await request(t.app)
      .get(`/api/cycles/${cycle.id}/payroll.csv?month=${y}-02`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const febLines = february.text.trim().split('\n');
    expect(febLines).toHaveLength(unitSize + 1);
    expect(febLines.slice(1).every((l) => l.includes(`,${y}-02,`))).toBe(true);
    const badMonth = await request(t.app)
      .get(`/api/cycles/${cycle.id}/payroll.csv?month=2026-13`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    expect(badMonth.body.error.details.fields[0].field).toBe('month');

    // The cycle workflow finished with the same counts.
    const final = await t.env.client.workflow.getHandle(cycle.workflowId).result();
    expect(final).toMatchObject({ phase: 'CLOSED', total: unitSize, finished: unitSize, failed: 0 });
  });
});
