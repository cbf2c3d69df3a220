/**
 * The HR dashboard's distribution per unit counts what calibration counts (real PostgreSQL): an appraisal cancelled
 * (the employee left) or failed after it was scored is no part of its unit's distribution; the dashboard shows how many
 * were cancelled and failed beside it.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('dashboard: predicates per unit (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('dashboard_counts');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
  });
  afterAll(() => db.drop());

  it('leaves cancelled and failed appraisals out of the unit’s counts', async () => {
    const span = await db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR' }, orderBy: { year: 'desc' } });
    const pegawai = await db.prisma.employee.findFirstOrThrow({ where: { user: { username: 'pegawai' } } });
    const unitmates = await db.prisma.employee.findMany({
      where: { unitId: pegawai.unitId },
      orderBy: { id: 'asc' },
      take: 3,
    });
    expect(unitmates).toHaveLength(3);
    const root = await db.prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
    const cycle = await db.prisma.cycle.create({
      data: {
        name: 'Penilaian Kinerja (dasbor)',
        unitId: root.id,
        periodId: span.id,
        status: 'RUNNING',
        workflowId: 'cycle-dashboard-counts',
      },
    });
    const rows = [
      { stage: 'DONE', predicate: 'BAIK' },
      { stage: 'CANCELLED', predicate: 'BAIK' },
      { stage: 'FAILED', predicate: 'SANGAT_BAIK' },
    ] as const;
    for (const [i, r] of rows.entries())
      await db.prisma.appraisal.create({
        data: {
          cycleId: cycle.id,
          employeeId: unitmates[i].id,
          periodId: span.id,
          unitId: pegawai.unitId,
          workflowId: `appraisal-dashboard-${i}`,
          stage: r.stage,
          predicate: r.predicate,
        },
      });
    const res = await request(app)
      .get(`/api/dashboard?cycleId=${cycle.id}`)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    const unit = res.body.perUnit.find((u: { unitId: number }) => u.unitId === pegawai.unitId);
    expect(unit.counts).toEqual({ BAIK: 1 });
    expect(res.body).toMatchObject({ cancelled: 1, failed: 1 });
  });
});
