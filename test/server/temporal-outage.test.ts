/**
 * A Temporal server that stops answering (SIGSTOP on the real test server) must not hang requests:
 * they fail fast with 503 naming Temporal, and work again once it answers (SIGCONT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { freePort, waitForPort } from '../../tools/free-port';
import { temporalClientProvider } from '../../server/temporal-client';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

jest.setTimeout(90_000);

describe('Temporal outage', () => {
  let server: ChildProcess;
  let provider: ReturnType<typeof temporalClientProvider>;
  let db: TestDatabase;
  let token: string;

  beforeAll(async () => {
    const path = process.env.TEMPORAL_TEST_SERVER_PATH;
    if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the tests with `npm test`');
    const port = await freePort();
    // The wrapper execs java, so the child's pid is the server's own.
    server = spawn(path, [String(port)], { stdio: 'ignore' });
    if (!(await waitForPort(port, 30_000))) throw new Error('the Temporal test server did not start');
    provider = temporalClientProvider(`127.0.0.1:${port}`, 'default', { trustMs: 0 });
    db = await createTestDatabase('temporal_outage');
    await seedDemo(db.prisma);
    const login = await request(createTestApp(db).app)
      .post('/api/auth/login')
      .send({ username: 'admin', password: DEMO_PASSWORD })
      .expect(200);
    token = login.body.token;
  });

  afterAll(async () => {
    server?.kill('SIGCONT');
    server?.kill('SIGKILL');
    await provider?.close();
    await db?.drop();
  });

  it('fails fast with 503 while the server does not answer, and recovers when it does', async () => {
    const { app } = createTestApp(db, provider.get);
    await request(app).get('/api/health/ready').expect(200);

    server.kill('SIGSTOP');
    const started = Date.now();
    const res = await request(app)
      .post('/api/skeleton-runs')
      .set('Authorization', `Bearer ${token}`)
      .send({ message: 'saat Temporal berhenti' })
      .expect(503);
    expect(res.body.error.details.part).toBe('temporal');
    expect(Date.now() - started).toBeLessThan(10_000);
    const health = await request(app).get('/api/health/ready').expect(503);
    expect(health.body).toMatchObject({ database: 'ok', temporal: 'down' });
    expect(await db.prisma.skeletonRun.count()).toBe(0);

    server.kill('SIGCONT');
    await request(app).get('/api/health/ready').expect(200);
  });
});
