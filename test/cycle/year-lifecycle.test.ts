import request from 'supertest';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { login, singleEmployeeUnits, until } from './cycle-driver';
import { periodRowsIn, runYear, startYear } from './year-driver';

/**
 * HR's interventions during a year: a transfer while a quarter runs carries the new unit and rater into the next
 * quarters (the earlier ones keep theirs), an employee who leaves has no later quarters and no later pay, and HR
 * cancelling the year mid-way stops every employee's year.
 */
describe('appraisal year: transfer, leaving and cancel mid-year (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_year_life');
  });
  afterAll(() => t?.teardown());

  it('a transfer in Q2 moves the later quarters; leaving in Q3 ends that year; the cycle closes', async () => {
    const me = (
      await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' }, include: { employee: true } })
    ).employee!;
    // A peer of the demo employee leaves (a peer rates nobody in the unit).
    const leaver = await t.db.prisma.employee.findFirstOrThrow({
      where: { unitId: me.unitId, status: 'ACTIVE', id: { not: me.id }, superiorId: me.superiorId },
      orderBy: { id: 'asc' },
    });
    const n = await t.db.prisma.employee.count({ where: { unitId: me.unitId, status: 'ACTIVE' } });
    const newRater = (
      await t.db.prisma.user.findFirstOrThrow({
        where: { employee: { status: 'ACTIVE', unitId: { not: me.unitId } }, employeeId: { not: me.superiorId } },
        include: { employee: true },
        orderBy: { id: 'asc' },
      })
    ).employee!;
    const { cycle, periods } = await startYear(t, me.unitId, 'QUARTER');
    const admin = await login(t, 'admin');
    const rowOf = (employeeId: number, k: number) =>
      t.db.prisma.appraisal.findFirstOrThrow({ where: { cycleId: cycle.id, employeeId, periodId: periods[k].id } });
    const employment = async (employeeId: number, k: number, body: object) =>
      request(t.app)
        .post(`/api/appraisals/${(await rowOf(employeeId, k)).id}/employment`)
        .set('Authorization', `Bearer ${admin}`)
        .send(body);

    await runYear(t, cycle.id, periods, n, {
      employeesIn: (k) => (k < 3 ? n : n - 1),
      duringPeriod: async (k) => {
        if (k === 1) {
          const moved = await employment(me.id, 1, {
            kind: 'TRANSFER',
            newUnitId: newRater.unitId,
            newRaterId: newRater.id,
            reason: 'Mutasi per 1 Mei',
          });
          expect(moved.status).toBe(200);
        }
        if (k === 2) {
          const left = await employment(leaver.id, 2, { kind: 'LEAVE', reason: 'Pindah instansi' });
          expect(left.status).toBe(200);
          await until(async () => (await rowOf(leaver.id, 2)).stage === 'CANCELLED', 'the leaver stopped');
        }
      },
    });

    // The transfer: Q1 keeps the old unit and rater; Q2 (moved while it ran), Q3 and Q4 have the new ones.
    const mine = await Promise.all([0, 1, 2, 3].map((k) => rowOf(me.id, k)));
    expect(mine.map((r) => [r.unitId, r.raterId])).toEqual([
      [me.unitId, me.superiorId],
      [newRater.unitId, newRater.id],
      [newRater.unitId, newRater.id],
      [newRater.unitId, newRater.id],
    ]);
    const q3Review = await t.db.prisma.task.findFirstOrThrow({
      where: { appraisalId: mine[2].id, type: 'review.submit' },
    });
    expect(q3Review.completedById).not.toBeNull();
    expect(q3Review.assigneeId).toBe(newRater.id);

    // The leaver: Q1 and Q2 done, Q3 cancelled, no Q4; six months paid; no year predicate.
    const theirs = await t.db.prisma.appraisal.findMany({
      where: { cycleId: cycle.id, employeeId: leaver.id },
      orderBy: { sequence: 'asc' },
    });
    expect(theirs.map((r) => r.stage)).toEqual(['DONE', 'DONE', 'CANCELLED']);
    expect(await t.db.prisma.payAdjustment.count({ where: { cycleId: cycle.id, employeeId: leaver.id } })).toBe(6);
    expect(await t.db.prisma.annualResult.count({ where: { cycleId: cycle.id, employeeId: leaver.id } })).toBe(0);
    expect(await t.db.prisma.annualResult.count({ where: { cycleId: cycle.id } })).toBe(n - 1);
    expect(await t.db.prisma.payAdjustment.count({ where: { cycleId: cycle.id } })).toBe((n - 1) * 12 + 6);
    const final = await t.env.client.workflow.getHandle(`cycle-${cycle.id}`).result();
    expect(final).toMatchObject({ phase: 'CLOSED', total: n, finished: n - 1, cancelled: 1 });
  });

  it('HR cancels the year while its second quarter runs: every year stops, nothing later opens', async () => {
    const [, , unitId] = await singleEmployeeUnits(t);
    const { cycle, periods } = await startYear(t, unitId, 'QUARTER');
    await runYear(t, cycle.id, periods, 1, { periods: 1 });
    expect(await periodRowsIn(t, cycle.id, periods[1].id, ['PERIOD'], 1)()).toBe(true);
    const admin = await login(t, 'admin');
    await request(t.app)
      .post(`/api/cycles/${cycle.id}/cancel`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: 'Perubahan kebijakan daerah' })
      .expect(200);
    await until(
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CANCELLED',
      'the cycle cancelled',
    );
    const rows = await t.db.prisma.appraisal.findMany({ where: { cycleId: cycle.id }, orderBy: { sequence: 'asc' } });
    expect(rows.map((r) => r.stage)).toEqual(['DONE', 'CANCELLED']);
    expect(await t.db.prisma.payAdjustment.count({ where: { cycleId: cycle.id } })).toBe(3);
    expect(await t.db.prisma.task.count({ where: { cycleId: cycle.id, status: 'OPEN' } })).toBe(0);
  });
});
