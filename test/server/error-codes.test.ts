/**
 * Errors carry a code and parameters a client can word in its own language (issue 13): `{ error: { code, message,
 * params, details } }`, the bilingual `message` kept for API clients. VALIDATION names its fields, each with a code
 * and parameters; NOT_FOUND names what (`entity`); the access guard's FORBIDDEN who may act (`allow`); OWN_CASE what
 * was refused; TASK_NOT_OPEN the task's status; PASSWORD_CHANGE_REQUIRED and TOO_MANY_REQUESTS stand alone.
 */
import type { Express } from 'express';
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('error codes and parameters (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: Express;
  let tokens: Record<string, string>;
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });

  beforeAll(async () => {
    db = await createTestDatabase('error_codes');
    await seedDemo(db.prisma);
    app = createTestApp(db, undefined, { LOGIN_RATE_LIMIT: '2' }).app;
    tokens = await loginDemoAccounts(app);
  });
  afterAll(() => db.drop());

  it('VALIDATION names every field, each with its code and parameters', async () => {
    const short = await request(app)
      .post('/api/auth/change-password')
      .set(as('pegawai'))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'pendek1', extra: 1 })
      .expect(400);
    expect(short.body.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Data tidak valid: /),
      params: { fields: 'newPassword, extra' },
    });
    expect(short.body.error.details.fields).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'TOO_SHORT', params: { minimum: 10 } }),
      expect.objectContaining({
        field: 'extra',
        code: 'UNKNOWN_FIELD',
        message: 'kolom tidak dikenal / unknown field',
      }),
    ]);
    const missing = await request(app).post('/api/auth/change-password').set(as('pegawai')).send({}).expect(400);
    expect(missing.body.error.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'currentPassword', code: 'REQUIRED' })]),
    );
  });

  it('NOT_FOUND says what was not found; an unknown route too', async () => {
    const cycle = await request(app).get('/api/cycles/999999').set(as('admin')).expect(404);
    expect(cycle.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Siklus tidak ditemukan / not found',
      params: { what: 'Siklus', entity: 'cycle' },
    });
    const route = await request(app).get('/api/tidak-ada').set(as('admin')).expect(404);
    expect(route.body.error).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'route' } });
  });

  it('FORBIDDEN from the access policy names who may act; OWN_CASE what was refused', async () => {
    const refused = await request(app).get('/api/users').set(as('pegawai')).expect(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', params: { allow: 'hr,auditor' } });
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' }, include: { employee: true } });
    const own = await request(app)
      .put(`/api/employees/${admin.employeeId}`)
      .set(as('admin'))
      .send({ baseAllowance: admin.employee!.baseAllowance + 1 })
      .expect(403);
    expect(own.body.error).toMatchObject({
      code: 'OWN_CASE',
      params: { what: expect.stringContaining('baseAllowance') },
    });
  });

  it('TASK_NOT_OPEN carries the task status; PASSWORD_CHANGE_REQUIRED and TOO_MANY_REQUESTS their code', async () => {
    const pegawai = await db.prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' } });
    const task = await db.prisma.task.create({
      data: {
        key: 'error-codes:done',
        type: 'plan.submit',
        title: 'Susun SKP',
        assigneeId: pegawai.employeeId,
        workflowId: 'error-codes',
        updateName: 'submitPlan',
        status: 'DONE',
        completedAt: new Date(),
      },
    });
    const done = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set(as('pegawai'))
      .send({ payload: {} })
      .expect(409);
    expect(done.body.error).toMatchObject({
      code: 'TASK_NOT_OPEN',
      message: expect.stringMatching(/sudah diselesaikan/),
      params: { status: 'DONE' },
    });

    await db.prisma.user.update({ where: { id: pegawai.id }, data: { mustChangePassword: true } });
    const held = await request(app).get('/api/tasks').set(as('pegawai')).expect(403);
    expect(held.body.error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', params: {} });
    await db.prisma.user.update({ where: { id: pegawai.id }, data: { mustChangePassword: false } });

    for (let i = 0; i < 2; i++)
      await request(app).post('/api/auth/login').send({ username: 'penilai', password: 'salah-sekali' }).expect(401);
    const limited = await request(app)
      .post('/api/auth/login')
      .send({ username: 'penilai', password: 'salah-sekali' })
      .expect(429);
    expect(limited.body.error.code).toBe('TOO_MANY_REQUESTS');
  });
});
