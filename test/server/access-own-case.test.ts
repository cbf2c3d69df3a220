/**
 * Separation of duties (issue 10, item 2, server routes): an HR admin cannot act on their own case — reassign their
 * own rater, change their own pay ceiling (API or CSV import), decide their own sanction recommendations, adjust
 * their own predicate at calibration — and gets 403 OWN_CASE with the reason; another HR admin can. Temporal is down
 * in these tests, so an allowed workflow action answers 503 after passing every access check.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { BERAKHLAK } from '../../workflows/task-values';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { personas, seedAccessRecords, type Persona } from './access-fixtures';

describe('HR admins and their own case (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let cycleId: number;
  let admin: Persona;
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const ownAppraisal = () =>
    db.prisma.appraisal.findFirstOrThrow({ where: { cycleId, employeeId: admin.employeeId! } });

  beforeAll(async () => {
    db = await createTestDatabase('access_own_case');
    await seedDemo(db.prisma);
    cycleId = (await seedAccessRecords(db.prisma)).id;
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    [admin] = await personas(db.prisma, ['admin']);
  });
  afterAll(() => db.drop());

  it('reassigning the rater of their own appraisal is refused; another HR admin passes', async () => {
    const a = await ownAppraisal();
    const body = { raterId: (await db.prisma.employee.findFirstOrThrow({ where: { id: { not: a.employeeId } } })).id };
    const own = await request(app).post(`/api/appraisals/${a.id}/reassign-rater`).set(as('admin')).send(body);
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'OWN_CASE', message: expect.stringMatching(/perkaranya sendiri/) });
    await request(app).post(`/api/appraisals/${a.id}/reassign-rater`).set(as('admin2')).send(body).expect(503);
  });

  it('changing their own pay ceiling, grade or superior through the employees API is refused', async () => {
    const me = await db.prisma.employee.findUniqueOrThrow({ where: { id: admin.employeeId! } });
    const own = await request(app)
      .put(`/api/employees/${me.id}`)
      .set(as('admin'))
      .send({ baseAllowance: me.baseAllowance + 1_000_000 });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('OWN_CASE');
    expect(own.body.error.message).toContain('baseAllowance');
    // Unchanged values and other fields of their own record are fine.
    await request(app)
      .put(`/api/employees/${me.id}`)
      .set(as('admin'))
      .send({ baseAllowance: me.baseAllowance, email: 'admin@example.go.id' })
      .expect(200);
    const other = await request(app)
      .put(`/api/employees/${me.id}`)
      .set(as('admin2'))
      .send({ baseAllowance: me.baseAllowance + 1_000_000 })
      .expect(200);
    expect(other.body.baseAllowance).toBe(me.baseAllowance + 1_000_000);
  });

  it('a CSV import that raises their own pay ceiling reports the row; another HR admin imports it', async () => {
    const me = await db.prisma.employee.findUniqueOrThrow({
      where: { id: admin.employeeId! },
      include: { unit: true, superior: true },
    });
    const csv =
      'nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email\n' +
      [
        me.nip,
        me.name,
        me.employmentType,
        me.position,
        me.positionType,
        me.grade ?? '',
        me.unit.code,
        me.superior?.nip ?? '',
        me.baseAllowance + 2_000_000,
        me.email ?? '',
      ]
        .map((v) => `"${String(v).replace(/"/g, '""')}"`)
        .join(',') +
      '\n';
    const post = (username: string) =>
      request(app)
        .post('/api/imports/employees?dryRun=true')
        .set(as(username))
        .set('Content-Type', 'text/csv')
        .send(csv);
    const own = await post('admin').expect(200);
    expect(own.body.invalid).toBe(1);
    expect(own.body.rows[0].errors).toEqual([
      { field: 'baseAllowance', message: expect.stringMatching(/datanya sendiri/) },
    ]);
    const other = await post('admin2').expect(200);
    expect(other.body).toMatchObject({ invalid: 0, updated: 1 });
  });

  it('deciding the sanctions of their own appraisal is refused; another HR admin passes', async () => {
    const a = await ownAppraisal();
    const task = await db.prisma.task.create({
      data: {
        key: `appraisal-${a.id}:sanction.decide`,
        type: 'sanction.decide',
        title: 'Putuskan rekomendasi',
        appraisalId: a.id,
        assigneeRole: 'HR_ADMIN',
        workflowId: a.workflowId,
        updateName: 'decideSanctions',
      },
    });
    const payload = { decisions: [{ code: 'TRAINING', decision: 'DISMISS' }] };
    const own = await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin')).send({ payload });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('OWN_CASE');
    await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin2')).send({ payload }).expect(503);
  });

  it('transferring themselves (naming their own new rater) or recording their own leaving is refused', async () => {
    const a = await ownAppraisal();
    const rater = await db.prisma.employee.findFirstOrThrow({ where: { id: { not: a.employeeId } } });
    const body = { kind: 'TRANSFER', newUnitId: rater.unitId, newRaterId: rater.id, reason: 'Mutasi' };
    const own = await request(app).post(`/api/appraisals/${a.id}/employment`).set(as('admin')).send(body);
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'OWN_CASE', message: expect.stringMatching(/perkaranya sendiri/) });
    const leave = await request(app)
      .post(`/api/appraisals/${a.id}/employment`)
      .set(as('admin'))
      .send({ kind: 'LEAVE' });
    expect(leave.body.error.code).toBe('OWN_CASE');
    await request(app).post(`/api/appraisals/${a.id}/employment`).set(as('admin2')).send(body).expect(503);
  });

  it('a plan review, rating or appeal decision of their own appraisal escalated to HR is refused; another admin passes', async () => {
    const a = await ownAppraisal();
    const steps = [
      ['plan.review', 'reviewPlan', { decision: 'APPROVE' }],
      [
        'review.submit',
        'submitReview',
        {
          resultRating: 'MEETS',
          behaviourRating: 'MEETS',
          berakhlak: Object.fromEntries(BERAKHLAK.map((k) => [k, 'MEETS'])),
        },
      ],
      ['appeal.decide', 'decideAppeal', { decision: 'UNCHANGED', note: 'Sesuai bukti' }],
    ] as const;
    for (const [type, updateName, payload] of steps) {
      const task = await db.prisma.task.create({
        data: {
          key: `appraisal-${a.id}:${type}:escalated`,
          type,
          title: type,
          appraisalId: a.id,
          assigneeRole: 'HR_ADMIN',
          escalationLevel: 2,
          workflowId: a.workflowId,
          updateName,
        },
      });
      const own = await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin')).send({ payload });
      expect(own.status).toBe(403);
      expect(own.body.error).toMatchObject({ code: 'OWN_CASE', message: expect.stringContaining(type) });
      await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin2')).send({ payload }).expect(503);
    }
  });

  it('a calibration that adjusts their own predicate is refused; others’ predicates and another admin pass', async () => {
    const a = await ownAppraisal();
    const colleague = await db.prisma.appraisal.findFirstOrThrow({
      where: { cycleId, employeeId: { not: admin.employeeId! } },
    });
    const task = await db.prisma.task.create({
      data: {
        key: `cycle-${cycleId}:calibration.unit:${a.unitId}`,
        type: 'calibration.unit',
        title: 'Kalibrasi unit',
        cycleId,
        assigneeRole: 'HR_ADMIN',
        workflowId: `cycle-${cycleId}`,
        updateName: 'calibrateUnit',
      },
    });
    const adjust = (appraisalId: number) => ({
      payload: { action: 'ADJUST', adjustments: [{ appraisalId, predicate: 'SANGAT_BAIK' }] },
    });
    const own = await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin')).send(adjust(a.id));
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('OWN_CASE');
    await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin')).send(adjust(colleague.id)).expect(503);
    await request(app).post(`/api/tasks/${task.id}/complete`).set(as('admin2')).send(adjust(a.id)).expect(503);
  });
});
