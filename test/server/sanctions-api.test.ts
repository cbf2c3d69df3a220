/** `/api/sanctions`: recommendations listed per role, filtered, with the open decision task named. */
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { seedPastCycle } from '../browser/fixtures';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('sanctions API (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('sanctions');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    Object.assign(tokens, await loginDemoAccounts(app));
  });
  afterAll(() => db.drop());

  it('lists recommendations for HR and auditors, only their own for an employee, with the open task', async () => {
    await seedPastCycle(db.prisma, 4);
    const [a, b] = await db.prisma.appraisal.findMany({ orderBy: { id: 'asc' }, take: 2 });
    const pegawai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    await db.prisma.sanction.createMany({
      data: [
        { employeeId: a.employeeId, appraisalId: a.id, code: 'TRAINING', label: 'Pelatihan' },
        { employeeId: a.employeeId, appraisalId: a.id, code: 'IMPROVEMENT_PLAN', label: 'Rencana perbaikan 6 bulan' },
        {
          employeeId: b.employeeId,
          appraisalId: b.id,
          code: 'TALENT_POOL',
          label: 'Kelompok rencana suksesi',
          status: 'CONFIRMED',
        },
        { employeeId: pegawai.employeeId!, code: 'ABSENCE_LIGHT', label: 'Hukuman disiplin ringan' },
      ],
    });
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

    const all = await request(app).get('/api/sanctions').set('Authorization', `Bearer ${tokens.admin}`).expect(200);
    expect(all.headers['content-range']).toBe('sanctions 0-3/4');
    const byCode = Object.fromEntries(all.body.map((s: any) => [s.code, s]));
    expect(byCode.TRAINING).toMatchObject({
      taskId: task.id,
      status: 'RECOMMENDED',
      appraisal: { cycleId: a.cycleId },
    });
    expect(byCode.IMPROVEMENT_PLAN.taskId).toBe(task.id);
    expect(byCode.TALENT_POOL.taskId).toBeNull();

    const open = await request(app)
      .get(`/api/sanctions?filter=${encodeURIComponent(JSON.stringify({ status: 'RECOMMENDED', appraisalId: a.id }))}`)
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    expect(open.body.map((s: any) => s.code).sort()).toEqual(['IMPROVEMENT_PLAN', 'TRAINING']);

    const mine = await request(app).get('/api/sanctions').set('Authorization', `Bearer ${tokens.pegawai}`).expect(200);
    expect(mine.body.map((s: any) => s.code)).toEqual(['ABSENCE_LIGHT']);
    await request(app)
      .get(`/api/sanctions/${byCode.TRAINING.id}`)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .expect(404);
    const one = await request(app)
      .get(`/api/sanctions/${byCode.TRAINING.id}`)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(one.body).toMatchObject({ code: 'TRAINING', taskId: task.id, employee: { nip: expect.any(String) } });
  });
});
