/**
 * Accounts and roles (issue 11, item 1): HR creates an account for a new employee and gets a one-time password once;
 * signing in with it answers `mustChangePassword` and every other endpoint answers 403 PASSWORD_CHANGE_REQUIRED until
 * the password is changed under the policy; roles, deactivation, reactivation and password resets are audited and
 * end the account's tokens; an HR admin cannot change their own account this way.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('accounts and roles (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  let employee: { id: number; nip: string };
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = (username: string, password: string) =>
    request(app).post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    db = await createTestDatabase('users_api');
    await seedDemo(db.prisma);
    app = createTestApp(db).app;
    tokens = await loginDemoAccounts(app);
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { parentId: { not: null } }, orderBy: { id: 'asc' } });
    const superior = await db.prisma.employee.findFirstOrThrow({ where: { unitId: unit.id }, orderBy: { id: 'asc' } });
    employee = await db.prisma.employee.create({
      data: {
        nip: '199901012024011001',
        name: 'Rina Wulandari',
        employmentType: 'PPPK',
        position: 'Penata Layanan Operasional',
        positionType: 'PELAKSANA',
        unitId: unit.id,
        superiorId: superior.id,
      },
    });
  });
  afterAll(() => db.drop());

  it('only HR creates accounts; a bad request names the field', async () => {
    const body = { employeeId: employee.id, roles: ['EMPLOYEE'] };
    await request(app).post('/api/users').set(as('pegawai')).send(body).expect(403);
    await request(app).post('/api/users').set(as('auditor')).send(body).expect(403);
    const extra = await request(app)
      .post('/api/users')
      .set(as('admin'))
      .send({ ...body, passwordHash: 'x' })
      .expect(400);
    expect(JSON.stringify(extra.body)).toMatch(/passwordHash/);
    const role = await request(app)
      .post('/api/users')
      .set(as('admin'))
      .send({ ...body, roles: ['ROOT'] })
      .expect(400);
    expect(role.body.error.details.fields[0].field).toBe('roles.0');
    const calibrator = await request(app)
      .post('/api/users')
      .set(as('admin'))
      .send({ ...body, roles: ['EMPLOYEE', 'CALIBRATOR'] })
      .expect(400);
    expect(calibrator.body.error.details.fields).toEqual([
      { field: 'calibrationUnitId', message: expect.stringMatching(/unit kalibrasi/) },
    ]);
    await request(app)
      .post('/api/users')
      .set(as('admin'))
      .send({ employeeId: 999999, roles: ['EMPLOYEE'] })
      .expect(400);
  });

  let oneTime: string;
  let accountId: number;

  it('HR creates an account (username = NIP) with a one-time password shown once; it is audited without it', async () => {
    const res = await request(app)
      .post('/api/users')
      .set(as('admin'))
      .send({ employeeId: employee.id, roles: ['EMPLOYEE'] })
      .expect(201);
    expect(res.body).toMatchObject({ username: employee.nip, roles: ['EMPLOYEE'], mustChangePassword: true });
    expect(res.body.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(res.body.passwordHash).toBeUndefined();
    oneTime = res.body.oneTimePassword;
    accountId = res.body.id;
    const shown = await request(app).get(`/api/users/${accountId}`).set(as('auditor')).expect(200);
    expect(shown.body.oneTimePassword).toBeUndefined();
    expect(shown.body.passwordHash).toBeUndefined();
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.create', entityId: String(accountId) },
    });
    expect(audit.actor).toBe('admin');
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(oneTime);
    const again = await request(app)
      .post('/api/users')
      .set(as('admin'))
      .send({ employeeId: employee.id, roles: ['EMPLOYEE'] })
      .expect(409);
    expect(again.body.error.message).toMatch(/sudah memiliki akun/);
    const list = await request(app)
      .get('/api/users')
      .query({ filter: JSON.stringify({ q: employee.nip }) })
      .set(as('admin'))
      .expect(200);
    expect(list.body.map((u: any) => u.username)).toEqual([employee.nip]);
  });

  it('the one-time password must be changed before anything else, under the password policy', async () => {
    const signed = await login(employee.nip, oneTime).expect(200);
    expect(signed.body.user.mustChangePassword).toBe(true);
    const token = signed.body.token;
    const refused = await request(app).get('/api/tasks').set(bearer(token)).expect(403);
    expect(refused.body.error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: /kata sandi sekali pakai/ });
    await request(app).get('/api/appraisals').set(bearer(token)).expect(403);
    expect((await request(app).get('/api/auth/me').set(bearer(token)).expect(200)).body.mustChangePassword).toBe(true);
    await request(app)
      .get('/api/health')
      .expect((r) => expect(r.status).not.toBe(403));

    const change = (newPassword: string, currentPassword = oneTime) =>
      request(app).post('/api/auth/change-password').set(bearer(token)).send({ currentPassword, newPassword });
    const short = await change('pendek1').expect(400);
    expect(short.body.error.details.fields).toEqual([
      {
        field: 'newPassword',
        message: expect.stringMatching(/^Kata sandi baru .*minimal 10 karakter/),
        code: 'TOO_SHORT',
        params: { minimum: 10 },
      },
    ]);
    expect((await change('hanyahurufsaja').expect(400)).body.error.message).toMatch(/huruf dan angka/);
    expect((await change(`x${employee.nip}`).expect(400)).body.error.message).toMatch(/NIP/);
    expect((await change('kata-sandi-baru-2027', 'salah').expect(400)).body.error.details.fields[0].field).toBe(
      'currentPassword',
    );
    const changed = await change('Rina-sandi-2027').expect(200);
    await request(app).get('/api/tasks').set(bearer(token)).expect(401); // the one-time session ended
    await request(app).get('/api/tasks').set(bearer(changed.body.token)).expect(200);
    expect((await login(employee.nip, 'Rina-sandi-2027').expect(200)).body.user.mustChangePassword).toBe(false);
    await login(employee.nip, oneTime).expect(401);
  });

  it('an HR admin cannot change their own roles, active flag or password here; another HR admin can', async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    for (const [method, path, body] of [
      ['put', `/api/users/${admin.id}`, { roles: ['HR_ADMIN', 'EMPLOYEE', 'AUDITOR'] }],
      ['post', `/api/users/${admin.id}/deactivate`, { reason: 'uji' }],
      ['post', `/api/users/${admin.id}/reset-password`, { reason: 'uji' }],
    ] as const) {
      const res = await (request(app) as any)[method](path).set(as('admin')).send(body);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'OWN_CASE', message: expect.stringMatching(/akunnya sendiri/) });
    }
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(admin.roles);
  });

  it('roles, deactivation, reactivation and a reset are audited and end the account’s tokens', async () => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { parentId: null } });
    const token = (await login(employee.nip, 'Rina-sandi-2027')).body.token;
    const roles = await request(app)
      .put(`/api/users/${accountId}`)
      .set(as('admin2'))
      .send({ roles: ['EMPLOYEE', 'CALIBRATOR'], calibrationUnitId: unit.id })
      .expect(200);
    expect(roles.body).toMatchObject({ roles: ['EMPLOYEE', 'CALIBRATOR'], calibrationUnit: { id: unit.id } });
    await request(app).get('/api/auth/me').set(bearer(token)).expect(401);
    const calibrators = await request(app)
      .get('/api/users')
      .query({ filter: JSON.stringify({ role: 'CALIBRATOR' }) })
      .set(as('admin'))
      .expect(200);
    expect(calibrators.body.map((u: any) => u.id)).toEqual([accountId]);

    await request(app).post(`/api/users/${accountId}/deactivate`).set(as('admin')).send({}).expect(400);
    await request(app)
      .post(`/api/users/${accountId}/deactivate`)
      .set(as('admin'))
      .send({ reason: 'Cuti di luar tanggungan' })
      .expect(200);
    await login(employee.nip, 'Rina-sandi-2027').expect(401);
    await request(app).post(`/api/users/${accountId}/deactivate`).set(as('admin')).send({ reason: 'lagi' }).expect(409);
    await request(app)
      .post(`/api/users/${accountId}/reactivate`)
      .set(as('admin'))
      .send({ reason: 'Kembali bertugas' })
      .expect(200);
    const back = await login(employee.nip, 'Rina-sandi-2027').expect(200);

    const reset = await request(app)
      .post(`/api/users/${accountId}/reset-password`)
      .set(as('admin'))
      .send({ reason: 'Lupa kata sandi' })
      .expect(200);
    expect(reset.body.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await request(app).get('/api/auth/me').set(bearer(back.body.token)).expect(401);
    await login(employee.nip, 'Rina-sandi-2027').expect(401);
    expect((await login(employee.nip, reset.body.oneTimePassword).expect(200)).body.user.mustChangePassword).toBe(true);

    const audit = await db.prisma.auditEvent.findMany({
      where: { entity: 'user', entityId: String(accountId), action: { startsWith: 'user.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['user.create', 'admin'],
      ['user.roles', 'admin2'],
      ['user.deactivate', 'admin'],
      ['user.reactivate', 'admin'],
      ['user.password-reset', 'admin'],
    ]);
    expect(audit[2].after).toMatchObject({ active: false, reason: 'Cuti di luar tanggungan' });
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(reset.body.oneTimePassword);
  });
});
