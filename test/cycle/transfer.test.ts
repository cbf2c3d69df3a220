import request from 'supertest';
import { appraisalStateQuery } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  complete,
  completeOk,
  drive,
  isAdminsOwn,
  login,
  openTask,
  singleEmployeeUnits,
  startSingle,
  until,
} from './cycle-driver';

/** An employee transferred mid-cycle: the appraisal goes on with the new unit and rater, and the cycle closes. */
describe('employee transferred mid-cycle (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let units: number[];
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_transfer');
    units = await singleEmployeeUnits(t);
  });
  afterAll(() => t?.teardown());

  it('open rater tasks move to the new rater, later tasks go to them, nothing restarts; the cycle closes', async () => {
    const { cycle, appraisal } = await startSingle(t, units[0]);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    const oldRaterId = review.assigneeId!;
    const newRaterUser = await t.db.prisma.user.findFirstOrThrow({
      where: {
        employeeId: { notIn: [appraisal.employeeId, oldRaterId] },
        employee: { status: 'ACTIVE', unitId: { not: appraisal.unitId } },
      },
      include: { employee: true },
      orderBy: { id: 'asc' },
    });
    const newRater = newRaterUser.employee!;
    const handle = t.env.client.workflow.getHandle(appraisal.workflowId);
    const runId = (await handle.describe()).runId;
    // The first field unit's only employee is the HR admin `admin`: transferring them (and naming their new rater)
    // is another HR admin's decision.
    expect(await isAdminsOwn(t, appraisal.id)).toBe(true);
    const hr = { admin: await login(t, 'admin'), admin2: await login(t, 'admin2') };
    const post = (body: object, username: keyof typeof hr = 'admin2') =>
      request(t.app)
        .post(`/api/appraisals/${appraisal.id}/employment`)
        .set('Authorization', `Bearer ${hr[username]}`)
        .send(body);
    const own = await post({ kind: 'TRANSFER', newUnitId: newRater.unitId, newRaterId: newRater.id }, 'admin');
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'OWN_CASE', message: expect.stringMatching(/perkaranya sendiri/) });

    // A transfer names a new unit or rater; the refusal names the field and changes nothing.
    const refused = await post({ kind: 'TRANSFER' }).expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/newUnitId/);
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } })).assigneeId).toBe(oldRaterId);

    await post({ kind: 'TRANSFER', newUnitId: newRater.unitId, newRaterId: newRater.id, reason: 'Mutasi' }).expect(200);
    const moved = await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } });
    expect(moved).toMatchObject({ status: 'OPEN', assigneeId: newRater.id });
    const oldRaterUser = await t.db.prisma.user.findUnique({ where: { employeeId: oldRaterId } });
    if (oldRaterUser)
      expect((await complete(t, moved, { decision: 'APPROVE' }, oldRaterUser.username)).status).toBe(403);
    expect((await complete(t, moved, { decision: 'APPROVE' }, newRaterUser.username)).status).toBe(200);

    expect(await handle.query(appraisalStateQuery)).toMatchObject({
      stage: 'EVIDENCE',
      unitId: newRater.unitId,
      raterId: newRater.id,
      planRevision: 0,
    });
    expect(await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } })).toMatchObject({
      unitId: newRater.unitId,
      raterId: newRater.id,
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'appraisal', entityId: String(appraisal.id), action: 'appraisal.employee-transferred' },
    });
    expect(audit).toMatchObject({ actor: 'admin2' });
    expect(audit.before).toMatchObject({ unitId: appraisal.unitId, raterId: oldRaterId });
    expect(audit.after).toMatchObject({ unitId: newRater.unitId, raterId: newRater.id, reason: 'Mutasi' });

    // The rest of the cycle: the rating is the new rater's task; the same run finishes with one pay adjustment.
    await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
    );
    const rating = await until(
      () => t.db.prisma.task.findFirst({ where: { appraisalId: appraisal.id, type: 'review.submit' } }),
      'rating task',
    );
    expect(rating.assigneeId).toBe(newRater.id);
    expect(rating.status).toBe('DONE');
    expect(await handle.result()).toMatchObject({ stage: 'DONE' });
    expect((await handle.describe()).runId).toBe(runId);
    expect(await t.db.prisma.payAdjustment.count({ where: { appraisalId: appraisal.id } })).toBe(3);
  });
});
