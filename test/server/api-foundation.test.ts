import request from 'supertest';
import { Client } from 'pg';
import { createPrisma } from '../../prisma/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('API foundation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('api');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    Object.assign(tokens, await loginDemoAccounts(app));
  });
  afterAll(() => db.drop());

  it('every demo role can log in and gets its roles back', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const res = await request(app)
        .post('/api/auth/login')
        .send({ username: a.username, password: DEMO_PASSWORD })
        .expect(200);
      expect(res.body.user).toMatchObject({ username: a.username, roles: a.roles });
      expect(typeof res.body.token).toBe('string');
    }
    const me = await request(app).get('/api/auth/me').set('Authorization', `Bearer ${tokens.penilai}`).expect(200);
    expect(me.body.isRater).toBe(true);
  });

  it('a wrong password and an unknown user get the same 401, saying nothing about existence', async () => {
    const wrong = await request(app)
      .post('/api/auth/login')
      .send({ username: 'pegawai', password: 'salah' })
      .expect(401);
    const unknown = await request(app)
      .post('/api/auth/login')
      .send({ username: 'tidak-ada', password: 'salah' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('malformed JSON and missing fields are 400s naming the field', async () => {
    const bad = await request(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(bad.body.error.details.fields[0].field).toBe('(body)');
    const missing = await request(app).post('/api/auth/login').send({ password: 'x' }).expect(400);
    expect(missing.body.error.details.fields).toEqual([
      { field: 'username', message: expect.any(String), code: 'REQUIRED', params: {} },
    ]);
  });

  it('unknown routes are JSON 404s; no token is 401', async () => {
    const res = await request(app).get('/api/tidak-ada').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    await request(app).get('/api/employees').expect(401);
  });

  it('list endpoints speak ra-data-simple-rest with Content-Range', async () => {
    const res = await request(app)
      .get('/api/employees')
      .query({
        sort: JSON.stringify(['name', 'ASC']),
        range: JSON.stringify([0, 9]),
        filter: JSON.stringify({ positionType: 'JPT' }),
      })
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(res.headers['content-range']).toMatch(/^employees 0-\d+\/\d+$/);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((e: any) => e.positionType === 'JPT')).toBe(true);
    const units = await request(app).get('/api/units').set('Authorization', `Bearer ${tokens.auditor}`).expect(200);
    expect(units.headers['content-range']).toMatch(/^units 0-\d+\/\d+$/);
    const badSort = await request(app)
      .get('/api/units')
      .query({ sort: '["password","ASC"]' })
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(400);
    expect(badSort.body.error.details.fields[0].field).toBe('sort');
  });

  it('an invalid NIP is refused naming the field, and nothing is stored', async () => {
    const unit = await db.prisma.unit.findFirstOrThrow();
    const before = await db.prisma.employee.count();
    const res = await request(app)
      .post('/api/employees')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({
        nip: '199013322015011001',
        name: 'Uji Coba',
        employmentType: 'PNS',
        position: 'Analis',
        positionType: 'FUNGSIONAL',
        unitId: unit.id,
      })
      .expect(400);
    expect(res.body.error.details.fields).toEqual([
      { field: 'nip', message: 'tanggal lahir pada NIP (digit 1–8) tidak valid' },
    ]);
    expect(await db.prisma.employee.count()).toBe(before);
    const ok = await request(app)
      .post('/api/employees')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({
        nip: '199001152015011001',
        name: 'Uji Coba',
        employmentType: 'PNS',
        position: 'Analis',
        positionType: 'FUNGSIONAL',
        unitId: unit.id,
      })
      .expect(201);
    const dup = await request(app)
      .post('/api/employees')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({
        nip: '199001152015011001',
        name: 'Uji Dua',
        employmentType: 'PNS',
        position: 'Analis',
        positionType: 'FUNGSIONAL',
        unitId: unit.id,
      })
      .expect(409);
    expect(dup.body.error.details.fields[0].field).toBe('nip');
    const audit = await db.prisma.auditEvent.findFirst({
      where: { entity: 'employee', entityId: String(ok.body.id), action: 'create' },
    });
    expect(audit?.actor).toBe('admin');
  });

  it('a reporting-line loop is refused and employees cannot edit staff', async () => {
    const pegawai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    const penilai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'penilai' } });
    const res = await request(app)
      .put(`/api/employees/${penilai.employeeId}`)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ superiorId: pegawai.employeeId })
      .expect(400);
    expect(res.body.error.details.fields[0].field).toBe('superiorId');
    await request(app)
      .put(`/api/employees/${penilai.employeeId}`)
      .set('Authorization', `Bearer ${tokens.pegawai}`)
      .send({ name: 'X Y Z' })
      .expect(403);
  });

  it('the audit chain verifies, and an entry edited by hand is reported', async () => {
    const ok = await request(app)
      .get('/api/audit-events/verify')
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    await request(app).get('/api/audit-events/verify').set('Authorization', `Bearer ${tokens.pegawai}`).expect(403);
    const target = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'login' }, orderBy: { id: 'asc' } });
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await expect(pg.query(`UPDATE audit_events SET actor = 'mallory' WHERE id = $1`, [target.id])).rejects.toThrow(
      /append-only/,
    );
    await pg.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await pg.query(`UPDATE audit_events SET actor = 'mallory' WHERE id = $1`, [target.id]);
    await pg.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    await pg.end();
    const broken = await request(app)
      .get('/api/audit-events/verify')
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    expect(broken.body).toMatchObject({ ok: false, firstBroken: { id: target.id.toString(), reason: 'edited' } });
  });

  it('readiness names Temporal when it is down, and the database when it is down; liveness stays up', async () => {
    const res = await request(app).get('/api/health/ready').expect(503);
    expect(res.body).toMatchObject({ status: 'degraded', database: 'ok', temporal: 'down' });
    const deadDb = {
      ...db,
      url: 'postgresql://postgres:postgres@127.0.0.1:1/none',
      prisma: createPrisma('postgresql://postgres:postgres@127.0.0.1:1/none'),
    };
    const down = createTestApp(deadDb as TestDatabase).app;
    const health = await request(down).get('/api/health/ready').expect(503);
    expect(health.body).toMatchObject({ database: 'down', temporal: 'down' });
    await request(down).get('/api/health').expect(200);
    const list = await request(down).get('/api/units').set('Authorization', `Bearer ${tokens.admin}`).expect(503);
    expect(list.body.error.details.part).toBe('database');
    await deadDb.prisma.$disconnect();
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });
});
