/**
 * Every download is in the audit log before the file leaves: payroll CSV, evaluation PDF, evidence file, audit
 * export. A download refused by the access checks leaves no entry; the log still verifies afterwards.
 */
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { verifyAuditChain } from '../../server/audit/audit-verification';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('downloads are audited', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};
  let appraisalId: number;
  let cycleId: number;

  const downloads = (action: string) => db.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    db = await createTestDatabase('audit_downloads');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    for (const u of ['admin', 'auditor', 'pegawai', 'penilai']) {
      const res = await request(app).post('/api/auth/login').send({ username: u, password: DEMO_PASSWORD }).expect(200);
      tokens[u] = res.body.token;
    }
    const p = db.prisma;
    const user = await p.user.findUniqueOrThrow({ where: { username: 'pegawai' }, include: { employee: true } });
    const rater = await p.employee.findUniqueOrThrow({ where: { id: user.employee!.superiorId! } });
    const period = await p.period.findFirstOrThrow({ where: { type: 'QUARTER' }, orderBy: { id: 'asc' } });
    const cycle = await p.cycle.create({
      data: {
        name: `Penilaian ${period.label}`,
        unitId: user.employee!.unitId,
        periodId: period.id,
        status: 'RUNNING',
      },
    });
    cycleId = cycle.id;
    const a = await p.appraisal.create({
      data: {
        cycleId: cycle.id,
        periodId: cycle.periodId,
        employeeId: user.employee!.id,
        unitId: user.employee!.unitId,
        raterId: rater.id,
        raterSuperiorId: rater.superiorId,
        workflowId: `appraisal-download-test-${cycle.id}`,
        stage: 'EVIDENCE',
        resultSharedAt: new Date(),
        plan: { create: { status: 'APPROVED' } },
      },
    });
    appraisalId = a.id;
  });
  afterAll(() => db.drop());

  it('the evaluation PDF, by the employee and by the rater', async () => {
    for (const who of ['pegawai', 'penilai']) {
      await request(app)
        .get(`/api/documents/appraisals/${appraisalId}/evaluation.pdf`)
        .set('Authorization', `Bearer ${tokens[who]}`)
        .expect(200);
    }
    const events = await downloads('evaluation.download');
    expect(events.map((e) => [e.actor, e.entity, e.entityId])).toEqual([
      ['pegawai', 'appraisal', String(appraisalId)],
      ['penilai', 'appraisal', String(appraisalId)],
    ]);
    expect((events[0].after as { file: string }).file).toMatch(/^evaluasi-kinerja-\d{18}-.+\.pdf$/);
  });

  it('an evidence file, named with its id; a refused download leaves no entry', async () => {
    const up = await request(app)
      .post(`/api/documents/appraisals/${appraisalId}/evidence`)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .attach('file', Buffer.from('bukti kehadiran'), { filename: 'bukti.txt', contentType: 'text/plain' })
      .expect(201);
    await request(app)
      .get(`/api/documents/evidence/${up.body.id}`)
      .set('Authorization', `Bearer ${tokens.penilai}`)
      .expect(200);
    const events = await downloads('evidence.download');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'penilai', entity: 'appraisal', entityId: String(appraisalId) });
    expect(events[0].after).toEqual({ file: 'bukti.txt', evidenceId: up.body.id });

    const refused = await request(app)
      .get(`/api/cycles/${cycleId}/payroll.csv`)
      .set('Authorization', `Bearer ${tokens.pegawai}`);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await downloads('payroll.download')).toEqual([]);
  });

  it('the payroll CSV of a cycle', async () => {
    await request(app)
      .get(`/api/cycles/${cycleId}/payroll.csv`)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    const events = await downloads('payroll.download');
    expect(events.map((e) => [e.actor, e.entity, e.entityId, e.after])).toEqual([
      ['admin', 'cycle', String(cycleId), { file: `tpp-siklus-${cycleId}.csv` }],
    ]);
  });

  it('a signed download link records the user who asked for it', async () => {
    const link = await request(app)
      .post('/api/auth/download-links')
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .send({ path: `/api/cycles/${cycleId}/payroll.csv` })
      .expect(201);
    await request(app).get(link.body.url).expect(200); // no bearer: the link signs in
    const events = await downloads('payroll.download');
    expect(events.map((e) => e.actor)).toEqual(['admin', 'auditor']);
  });

  it('the audit export, with its filter and row count; the log still verifies', async () => {
    const res = await request(app)
      .get('/api/audit-events/export.csv')
      .query({ filter: JSON.stringify({ action: 'login' }) })
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    const rows = res.text.trim().split('\n').length - 1;
    const events = await downloads('audit-export.download');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'auditor', entity: 'audit-events', entityId: 'export' });
    expect(events[0].after).toEqual({ file: 'audit-events.csv', filter: { action: 'login' }, rows });
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, problems: [] });
  });
});
