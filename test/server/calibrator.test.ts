/**
 * The CALIBRATOR role (issue 10 item 2, issue 11 item 1): a calibrator scoped to a unit subtree takes the calibration
 * tasks of units inside it (list, read, complete) and none outside; sees the appraisals and the unit counts of the
 * subtree only; `filter.scope = "all"` widens the task list for HR and auditors only. Temporal is down here, so a
 * completion that passes every access check answers 503.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { seedAccessRecords } from './access-fixtures';

describe('CALIBRATOR scoped to a unit subtree (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let inside: { id: number; unitId: number };
  let outside: { id: number; unitId: number };
  let scopeIds: number[];
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const tasks = async (username: string, filter: object = {}) =>
    (
      await request(app)
        .get('/api/tasks')
        .query({ filter: JSON.stringify({ type: 'calibration.unit', ...filter }) })
        .set(as(username))
        .expect(200)
    ).body.map((t: any) => t.id);

  beforeAll(async () => {
    db = await createTestDatabase('calibrator');
    await seedDemo(db.prisma);
    const cycle = await seedAccessRecords(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    // The calibrator's subtree: a top-level office (OPD) with its sections; one unit inside, one outside.
    const offices = await db.prisma.unit.findMany({ where: { parent: { parentId: null } }, orderBy: { id: 'asc' } });
    const [scope, other] = offices;
    scopeIds = (
      await db.prisma.$queryRaw<{ id: number }[]>`WITH RECURSIVE t(id) AS (SELECT ${scope.id}::int
        UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t`
    ).map((r) => Number(r.id));
    const task = (unitId: number) =>
      db.prisma.task.create({
        data: {
          key: `cycle-${cycle.id}:calibration.unit:${unitId}`,
          type: 'calibration.unit',
          title: 'Kalibrasi unit',
          cycleId: cycle.id,
          assigneeRole: 'HR_ADMIN',
          workflowId: `cycle-${cycle.id}`,
          updateName: 'calibrateUnit',
          context: { unitId },
        },
      });
    // The office itself holds only its head: a unit too small for its counts to be shown to employees.
    inside = { id: (await task(scope.id)).id, unitId: scope.id };
    outside = { id: (await task(other.id)).id, unitId: other.id };
    for (const unitId of [scope.id, other.id])
      await db.prisma.unitCycleRating.create({
        data: { cycleId: cycle.id, unitId, rating: 'BAIK', status: 'VIOLATES_CURVE', violations: [{ code: 'X' }] },
      });
    // `penilai` becomes the calibrator of the office (through the API, as HR would).
    const penilai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'penilai' } });
    await request(app)
      .put(`/api/users/${penilai.id}`)
      .set(as('admin'))
      .send({ roles: ['EMPLOYEE', 'CALIBRATOR'], calibrationUnitId: scope.id })
      .expect(200);
    tokens.penilai = (
      await request(app).post('/api/auth/login').send({ username: 'penilai', password: 'capaian-demo' })
    ).body.token;
  });
  afterAll(() => db.drop());

  it('lists, reads and completes the calibration tasks of the subtree only; scope=all does not widen it', async () => {
    expect(await tasks('penilai')).toEqual([inside.id]);
    expect(await tasks('penilai', { scope: 'all' })).toEqual([inside.id]);
    await request(app).get(`/api/tasks/${inside.id}`).set(as('penilai')).expect(200);
    const refused = await request(app).get(`/api/tasks/${outside.id}`).set(as('penilai'));
    expect(refused.status).toBe(403);
    const payload = { action: 'JUSTIFY', justification: 'Unit kecil; sebaran wajar menurut pimpinan' };
    await request(app).post(`/api/tasks/${inside.id}/complete`).set(as('penilai')).send({ payload }).expect(503);
    await request(app).post(`/api/tasks/${outside.id}/complete`).set(as('penilai')).send({ payload }).expect(403);
    await request(app).post(`/api/tasks/${inside.id}/complete`).set(as('atasan')).send({ payload }).expect(403);
  });

  it('HR and auditors widen the task list with scope=all; an employee cannot', async () => {
    expect(await tasks('admin')).toEqual(expect.arrayContaining([inside.id, outside.id]));
    expect((await tasks('auditor')).length).toBe(0);
    expect(await tasks('auditor', { scope: 'all' })).toEqual(expect.arrayContaining([inside.id, outside.id]));
    const all = await request(app)
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ scope: 'all' }) })
      .set(as('pegawai'))
      .expect(200);
    const me = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    expect(all.body.every((t: any) => t.assigneeId === me.employeeId)).toBe(true);
  });

  it('sees the appraisals and unit counts of the subtree, not beyond', async () => {
    const res = await request(app)
      .get('/api/appraisals')
      .query({ range: JSON.stringify([0, 999]) })
      .set(as('penilai'))
      .expect(200);
    const penilai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'penilai' } });
    const outsideRows = res.body.filter(
      (a: any) =>
        !scopeIds.includes(a.unitId) && a.raterId !== penilai.employeeId && a.employeeId !== penilai.employeeId,
    );
    expect(outsideRows).toEqual([]);
    expect(res.body.filter((a: any) => a.unitId === inside.unitId).length).toBeGreaterThan(0);
    const cycleId = (await db.prisma.cycle.findFirstOrThrow()).id;
    const ratings = await request(app).get(`/api/cycles/${cycleId}/unit-ratings`).set(as('penilai')).expect(200);
    const byUnit = new Map(ratings.body.map((r: any) => [r.unitId, r]));
    expect(byUnit.get(inside.unitId)).toMatchObject({ violations: [{ code: 'X' }] });
    expect(byUnit.get(outside.unitId)).toMatchObject({ countsWithheld: true });
  });
});
