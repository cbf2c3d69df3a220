import request from 'supertest';
import { cycleProgressQuery } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  complete,
  completeOk,
  isAdminsOwn,
  login,
  openTask,
  createAndStartCycle,
  drive,
  singleEmployeeUnits,
  startSingle,
  until,
} from './cycle-driver';

/** An employee leaving mid-cycle, and HR cancelling a running cycle, through the API. */
describe('employee leaving and cycle cancelled (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let units: number[];
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_cancel');
    units = await singleEmployeeUnits(t);
  });
  afterAll(() => t?.teardown());

  it('an employee who leaves has the appraisal closed and open tasks cancelled; the cycle still closes', async () => {
    const admin = await login(t, 'admin');
    const pegawai = await login(t, 'pegawai');
    // The first field unit's only employee is the HR admin `admin`, who may not record their own leaving.
    const { appraisal: adminsOwn } = await startSingle(t, units[0]);
    expect(await isAdminsOwn(t, adminsOwn.id)).toBe(true);
    const own = await request(t.app)
      .post(`/api/appraisals/${adminsOwn.id}/employment`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ kind: 'LEAVE', reason: 'Pensiun dini' })
      .expect(403);
    expect(own.body.error.code).toBe('OWN_CASE');

    // An employee without an HR account leaves (their account is deactivated with it).
    const staff = await t.db.prisma.user.findMany({ where: { roles: { hasSome: ['HR_ADMIN', 'AUDITOR'] } } });
    const hrEmployees = new Set(staff.map((u) => u.employeeId));
    const leaverUnit = (
      await t.db.prisma.employee.findFirstOrThrow({
        where: { unitId: { in: units.slice(2) }, id: { notIn: [...hrEmployees].filter((x): x is number => !!x) } },
        orderBy: { unitId: 'asc' },
      })
    ).unitId;
    const { cycle, appraisal } = await startSingle(t, leaverUnit);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/employment`)
      .set('Authorization', `Bearer ${pegawai}`)
      .send({ kind: 'LEAVE' })
      .expect(403);
    await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/employment`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ kind: 'LEAVE', reason: 'Pensiun dini' })
      .expect(200);

    await until(
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
      'cycle to close',
    );
    const row = await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } });
    expect(row.stage).toBe('CANCELLED');
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } })).status).toBe('CANCELLED');
    const late = await complete(t, review, { decision: 'APPROVE' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/Tugas dibatalkan: Pensiun dini/);
    expect(await t.db.prisma.payAdjustment.count({ where: { appraisalId: appraisal.id } })).toBe(0);
    const final = await t.env.client.workflow.getHandle(cycle.workflowId).result();
    expect(final).toMatchObject({ phase: 'CLOSED', total: 1, cancelled: 1, finished: 0 });
    const audit = await t.db.prisma.auditEvent.findMany({
      where: {
        entity: 'appraisal',
        entityId: String(appraisal.id),
        action: { in: ['appraisal.employee-left', 'appraisal.cancel'] },
      },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['appraisal.employee-left', 'admin'],
      ['appraisal.cancel', `system:${appraisal.workflowId}`],
    ]);
  });

  it('HR cancels a running cycle: its appraisals are cancelled, their tasks closed, the cycle CANCELLED', async () => {
    const { cycle, appraisal } = await startSingle(t, units[1]);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    const progress = await t.env.client.workflow.getHandle(cycle.workflowId).query(cycleProgressQuery);
    expect(progress).toMatchObject({ phase: 'RUNNING', total: 1, started: 1 });

    const admin = await login(t, 'admin');
    const pegawai = await login(t, 'pegawai');
    await request(t.app)
      .post(`/api/cycles/${cycle.id}/cancel`)
      .set('Authorization', `Bearer ${pegawai}`)
      .send({})
      .expect(403);
    await request(t.app)
      .post(`/api/cycles/${cycle.id}/cancel`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: 'Periode salah pilih' })
      .expect(200);
    const final = await t.env.client.workflow.getHandle(cycle.workflowId).result();
    expect(final.phase).toBe('CANCELLED');
    await until(
      async () =>
        (await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } })).stage === 'CANCELLED',
      'appraisal cancelled',
    );
    expect(await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({
      status: 'CANCELLED',
    });
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } })).status).toBe('CANCELLED');
    expect((await complete(t, review, { decision: 'APPROVE' })).status).toBe(409);
    const again = await request(t.app)
      .post(`/api/cycles/${cycle.id}/cancel`)
      .set('Authorization', `Bearer ${admin}`)
      .send({})
      .expect(409);
    expect(again.body.error.message).toMatch(/sudah dibatalkan/);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'cycle', entityId: String(cycle.id), action: 'cycle.cancel' },
    });
    expect(audit).toMatchObject({ actor: 'admin' });
    expect(audit.after).toMatchObject({ status: 'CANCELLED', reason: 'Periode salah pilih' });
  });

  it('HR cancels a cycle in calibration: its open unit calibration is cancelled, every status change audited', async () => {
    // Its only appraisal rated MEETS / MEETS → all Baik, which breaks the curve of a unit rated Baik: a calibration
    // opens. The last single-employee unit: no one in its chain has left in the tests above.
    const { cycle } = await createAndStartCycle(t, { unitId: units[units.length - 1] });
    const calibrationOpen = () =>
      t.db.prisma.task.findFirst({ where: { cycleId: cycle.id, type: 'calibration.unit', status: 'OPEN' } });
    await drive(t, cycle.id, async () => !!(await calibrationOpen()), { 'calibration.unit': null });
    const calibration = (await calibrationOpen())!;
    expect((await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe('CALIBRATION');

    const admin = await login(t, 'admin');
    await request(t.app)
      .post(`/api/cycles/${cycle.id}/cancel`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: 'Unit direstrukturisasi' })
      .expect(200);
    expect((await t.env.client.workflow.getHandle(cycle.workflowId).result()).phase).toBe('CANCELLED');
    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { id: calibration.id } });
    expect(task.status).toBe('CANCELLED');
    expect(task.result).toMatchObject({ reason: 'siklus dibatalkan / cycle cancelled' });
    const audit = await t.db.prisma.auditEvent.findMany({
      where: {
        entity: 'cycle',
        entityId: String(cycle.id),
        action: { in: ['cycle.status', 'task.cancel', 'cycle.cancel'] },
      },
      orderBy: { id: 'asc' },
    });
    expect(audit.find((a) => a.action === 'task.cancel')?.actor).toBe('admin');
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['cycle.status', { status: 'RUNNING' }, expect.objectContaining({ status: 'CALIBRATION' })],
      ['task.cancel', { status: 'OPEN' }, expect.objectContaining({ status: 'CANCELLED', tasks: [calibration.key] })],
      ['cycle.cancel', { status: 'CALIBRATION' }, expect.objectContaining({ status: 'CANCELLED' })],
    ]);
  });
});
