import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Issue 10, item 5: login limited per username across addresses and per address; failed logins audited. */
describe('login limits and the audit of failed logins (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sessions_login');
    await seedDemo(db.prisma);
  });
  afterAll(() => db.drop());

  // The app trusts X-Forwarded-For from loopback (a local reverse proxy), so each request can come from another address.
  const attempt = (app: any, username: string, password: string, address: string) =>
    request(app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('failed logins of one username are limited across addresses, and the right password waits too', async () => {
    const { app } = createTestApp(db, undefined, { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_LIMIT_PER_ADDRESS: '100' });
    for (let i = 1; i <= 3; i++) await attempt(app, 'pegawai', 'tebakan', `203.0.113.${i}`).expect(401);
    const held = await attempt(app, 'pegawai', DEMO_PASSWORD, '198.51.100.7').expect(429);
    expect(held.body.error.code).toBe('TOO_MANY_REQUESTS');
    // Other accounts are not held back.
    await attempt(app, 'penilai', DEMO_PASSWORD, '203.0.113.1').expect(200);
  });

  it('failed logins from one address are limited across usernames; successful ones do not count', async () => {
    const { app } = createTestApp(db, undefined, { LOGIN_RATE_LIMIT: '100', LOGIN_RATE_LIMIT_PER_ADDRESS: '3' });
    for (let i = 0; i < 5; i++) await attempt(app, 'admin', DEMO_PASSWORD, '192.0.2.10').expect(200);
    for (const u of ['admin', 'auditor', 'atasan']) await attempt(app, u, 'tebakan', '192.0.2.10').expect(401);
    await attempt(app, 'penilai', DEMO_PASSWORD, '192.0.2.10').expect(429);
    await attempt(app, 'penilai', DEMO_PASSWORD, '192.0.2.11').expect(200);
  });

  it('every failed login is audited with the username, the address and the reason', async () => {
    const { app } = createTestApp(db);
    const before = await db.prisma.auditEvent.count({ where: { action: 'login-failed' } });
    await attempt(app, 'auditor', 'salah', '198.51.100.20').expect(401);
    await attempt(app, 'tidak-ada', 'salah', '198.51.100.21').expect(401);
    await db.prisma.user.update({ where: { username: 'atasan' }, data: { active: false } });
    await attempt(app, 'atasan', DEMO_PASSWORD, '198.51.100.22').expect(401);
    const events = await db.prisma.auditEvent.findMany({ where: { action: 'login-failed' }, orderBy: { id: 'asc' } });
    expect(events).toHaveLength(before + 3);
    const auditor = await db.prisma.user.findUniqueOrThrow({ where: { username: 'auditor' } });
    expect(events.slice(-3).map((e) => [e.entityId, e.after])).toEqual([
      [String(auditor.id), { username: 'auditor', address: '198.51.100.20', reason: 'password' }],
      ['username:tidak-ada', { username: 'tidak-ada', address: '198.51.100.21', reason: 'unknown-user' }],
      [expect.any(String), { username: 'atasan', address: '198.51.100.22', reason: 'inactive' }],
    ]);
  });
});
