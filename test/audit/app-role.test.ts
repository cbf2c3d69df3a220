/**
 * The role the API and the worker connect as may read and append the audit log but not rewrite it, and the API
 * works under it (login, verification with its checkpoint, the audit export).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { appRoleName, ensureAppRole } from '../../prisma/app-role';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp, loginDemoAccounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the application role', () => {
  let db: TestDatabase;
  let appUrl: string;
  let appPrisma: PrismaClient;
  let pg: Client;
  beforeAll(async () => {
    db = await createTestDatabase('app_role');
    await seedDemo(db.prisma); // as the owner, as npm start does
    const role = await ensureAppRole(db.url, randomBytes(12).toString('hex'));
    if (!role.url) throw new Error(role.reason);
    appUrl = role.url;
    appPrisma = createPrisma(appUrl, { max: 3 });
    pg = new Client({ connectionString: appUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await appPrisma?.$disconnect();
    await db.drop();
  });

  it('is <database>_app, a plain login role', async () => {
    const { rows } = await pg.query(
      'SELECT current_user, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user',
    );
    expect(rows).toEqual([{ current_user: appRoleName(db.url), rolsuper: false, rolcreaterole: false }]);
  });

  it.each([
    [`UPDATE audit_events SET actor = 'mallory' WHERE id = 1`, /permission denied/],
    ['DELETE FROM audit_events WHERE id = 1', /permission denied/],
    ['TRUNCATE audit_events', /permission denied/],
    ['ALTER TABLE audit_events DISABLE TRIGGER USER', /must be owner/],
    ['DROP TABLE audit_events', /must be owner/],
    [`UPDATE audit_checkpoints SET count = 0`, /permission denied/],
    ['DELETE FROM audit_checkpoints', /permission denied/],
    ['TRUNCATE audit_checkpoints', /permission denied/],
    ['DROP TRIGGER audit_events_no_update ON audit_events', /must be owner/],
    ['SET session_replication_role = replica', /permission denied/],
    [`DELETE FROM "_prisma_migrations"`, /permission denied/],
  ])('may not: %s', async (sql, error) => {
    await expect(pg.query(sql)).rejects.toThrow(error);
  });

  it('may read and append the audit log, and change ordinary tables', async () => {
    const { rows } = await pg.query('SELECT count(*)::int AS n FROM audit_events');
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(pg.query(`UPDATE users SET locale = 'en' WHERE username = 'pegawai'`)).resolves.toMatchObject({
      rowCount: 1,
    });
  });

  it('runs the API: logins are audited, verification signs a checkpoint, the export is served', async () => {
    const { app } = createTestApp({ ...db, url: appUrl, prisma: appPrisma });
    const tokens = await loginDemoAccounts(app);
    expect(await appPrisma.auditEvent.count({ where: { action: 'login' } })).toBeGreaterThan(0);
    const verify = await request(app)
      .get('/api/audit-events/verify')
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null, afterCheckpoint: 0 });
    expect(verify.body.checkpoint.count).toBe(String(verify.body.checked));
    const csv = await request(app)
      .get('/api/audit-events/export.csv')
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .expect(200);
    expect(csv.text.split('\n')[0]).toContain('prev_hash,hash');
  });
});
