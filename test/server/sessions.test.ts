import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Issue 10, item 5: bearer header only, signed download links, revocation. */
describe('sessions: bearer only, signed download links, logout and revocation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  let tokens: Record<string, string>;
  let cycleId: number;
  let evidence: number[];
  const bearer = (who: string) => `Bearer ${tokens[who]}`;
  const linkFor = (who: string, path: string) =>
    request(app).post('/api/auth/download-links').set('Authorization', bearer(who)).send({ path });

  beforeAll(async () => {
    db = await createTestDatabase('sessions');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    // An appraisal of an employee unrelated to `pegawai`, with two evidence files.
    const staff = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const other = await db.prisma.employee.findFirstOrThrow({
      where: {
        id: { notIn: [staff.employeeId!, staff.employee!.superiorId ?? 0] },
        superiorId: { not: staff.employeeId },
      },
      orderBy: { id: 'desc' },
    });
    const period = await db.prisma.period.findFirstOrThrow();
    const cycle = await db.prisma.cycle.create({
      data: { name: 'Uji sesi', unitId: other.unitId, periodId: period.id, status: 'CLOSED' },
    });
    cycleId = cycle.id;
    const appraisal = await db.prisma.appraisal.create({
      data: {
        cycleId,
        periodId: period.id,
        employeeId: other.id,
        unitId: other.unitId,
        stage: 'DONE',
        workflowId: 'sessions-test',
      },
    });
    evidence = [];
    for (const text of ['bukti satu', 'bukti dua']) {
      const row = await db.prisma.evidence.create({
        data: {
          appraisalId: appraisal.id,
          kind: 'FILE',
          title: text,
          fileName: `${text}.txt`,
          mimeType: 'text/plain',
          sizeBytes: text.length,
          content: new Uint8Array(Buffer.from(text)),
        },
      });
      evidence.push(row.id);
    }
  });
  afterAll(() => db.drop());

  it('a token in ?access_token= is refused on every route, downloads included', async () => {
    await request(app).get('/api/auth/me').set('Authorization', bearer('admin')).expect(200);
    for (const path of [
      '/api/auth/me',
      '/api/rulesets',
      `/api/cycles/${cycleId}/payroll.csv`,
      '/api/audit-events/export.csv',
    ]) {
      const res = await request(app).get(path).query({ access_token: tokens.admin }).expect(401);
      expect(res.body.error.message).toMatch(/header Authorization/);
    }
  });

  it('a signed link opens one resource the caller may read, without a header, for at most 60 s', async () => {
    const path = `/api/documents/evidence/${evidence[0]}`;
    const link = await linkFor('auditor', path).expect(201);
    expect(link.body.url).toMatch(new RegExp(`^${path}\\?sig=`));
    const ttl = new Date(link.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    const file = await request(app).get(link.body.url).expect(200);
    expect(file.text).toBe('bukti satu');

    // The same signature opens neither another evidence file nor any other route, and is no bearer token.
    const sig = new URL(link.body.url, 'http://x').searchParams.get('sig')!;
    await request(app).get(`/api/documents/evidence/${evidence[1]}?sig=${sig}`).expect(401);
    await request(app).get(`/api/auth/me?sig=${sig}`).expect(401);
    await request(app).get(path).set('Authorization', `Bearer ${sig}`).expect(401);
    // A session token is not a link either.
    await request(app).get(`${path}?sig=${tokens.auditor}`).expect(401);

    // Payroll CSV and the audit export, with the export's filter kept.
    const payroll = await linkFor('admin', `/api/cycles/${cycleId}/payroll.csv`).expect(201);
    await request(app).get(payroll.body.url).expect(200);
    const exp = await linkFor(
      'auditor',
      `/api/audit-events/export.csv?filter=${encodeURIComponent('{"action":"login"}')}`,
    );
    expect(exp.status).toBe(201);
    expect(exp.body.url).toContain('filter=');
    const csv = await request(app).get(exp.body.url).expect(200);
    expect(csv.text).toContain('login');
  });

  it('no link for what the caller may not read, nor for routes that are not downloads', async () => {
    await linkFor('pegawai', `/api/documents/evidence/${evidence[0]}`).expect(404);
    await linkFor('pegawai', `/api/cycles/${cycleId}/payroll.csv`).expect(403);
    await linkFor('pegawai', '/api/audit-events/export.csv').expect(403);
    await linkFor('admin', '/api/documents/evidence/99999999').expect(404);
    const notDownload = await linkFor('admin', '/api/employees').expect(400);
    expect(notDownload.body.error.details.fields[0].field).toBe('path');
    await request(app).post('/api/auth/download-links').send({ path: '/api/audit-events/export.csv' }).expect(401);
  });

  it('a link expires', async () => {
    const short = createTestApp(db, undefined, { DOWNLOAD_LINK_TTL_SECONDS: '1' }).app;
    const link = await request(short)
      .post('/api/auth/download-links')
      .set('Authorization', bearer('auditor'))
      .send({ path: '/api/audit-events/export.csv' })
      .expect(201);
    await new Promise((r) => setTimeout(r, 2100));
    await request(short).get(link.body.url).expect(401);
  });

  it('logout ends the tokens and links of the user; others stay signed in', async () => {
    const login = await request(app).post('/api/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD });
    const token = `Bearer ${login.body.token}`;
    const link = await linkFor('auditor', '/api/audit-events/export.csv').expect(201);
    await request(app).post('/api/auth/logout').set('Authorization', token).expect(204);
    const ended = await request(app).get('/api/auth/me').set('Authorization', token).expect(401);
    expect(ended.body.error.message).toMatch(/Sesi telah diakhiri/);
    await request(app).get(link.body.url).expect(401);
    await request(app).get('/api/auth/me').set('Authorization', bearer('admin')).expect(200);
    const again = await request(app).post('/api/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD });
    tokens.auditor = again.body.token;
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'logout', actor: 'auditor' } });
    expect(audit).toHaveLength(1);
  });

  it('a password change ends the other tokens and gives a new one; the demo password cannot come back', async () => {
    const old = bearer('penilai');
    await request(app)
      .post('/api/auth/change-password')
      .set('Authorization', old)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD })
      .expect(400);
    await request(app)
      .post('/api/auth/change-password')
      .set('Authorization', old)
      .send({ currentPassword: 'salah-salah-salah', newPassword: 'kata-sandi-baru-2027' })
      .expect(400);
    const changed = await request(app)
      .post('/api/auth/change-password')
      .set('Authorization', old)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'kata-sandi-baru-2027' })
      .expect(200);
    await request(app).get('/api/auth/me').set('Authorization', old).expect(401);
    await request(app).get('/api/auth/me').set('Authorization', `Bearer ${changed.body.token}`).expect(200);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: 'penilai' } });
    expect(user.demoPassword).toBe(false);
    await request(app)
      .post('/api/auth/login')
      .send({ username: 'penilai', password: 'kata-sandi-baru-2027' })
      .expect(200);
  });

  it('deactivation, a role change or a password set outside the API (import, script, SQL) end existing tokens', async () => {
    const login = async (username: string) =>
      `Bearer ${(await request(app).post('/api/auth/login').send({ username, password: DEMO_PASSWORD })).body.token}`;
    const hr = await login('admin2');
    await db.prisma.user.update({ where: { username: 'admin2' }, data: { roles: ['EMPLOYEE'] } });
    await request(app).get('/api/auth/me').set('Authorization', hr).expect(401);

    const atasan = await login('atasan');
    await db.prisma.user.update({ where: { username: 'atasan' }, data: { active: false } });
    await request(app).get('/api/auth/me').set('Authorization', atasan).expect(401);
    await db.prisma.user.update({ where: { username: 'atasan' }, data: { active: true } });
    await request(app).get('/api/auth/me').set('Authorization', atasan).expect(401);

    const staff = await login('pegawai');
    await db.prisma
      .$executeRaw`UPDATE users SET password_hash = password_hash || '' , locale = 'en' WHERE username = 'pegawai'`;
    await request(app).get('/api/auth/me').set('Authorization', staff).expect(200); // unchanged hash: still valid
    await db.prisma.$executeRaw`UPDATE users SET password_hash = 'x' || password_hash WHERE username = 'pegawai'`;
    await request(app).get('/api/auth/me').set('Authorization', staff).expect(401);
  });
});
