/**
 * A Temporal server that stops answering (SIGSTOP on the real test server) must not hang requests:
 * they fail fast with 503 naming Temporal, and work again once it answers (SIGCONT). Nor does a workflow whose
 * worker is gone: an answer to its task waits at most UPDATE_TIMEOUT_MS, then is a 503 "busy".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import { errorsEn } from '../../admin/src/i18n/errors-en';
import { errorsId } from '../../admin/src/i18n/errors-id';
import { wordError } from '../../admin/src/providers/error-words';
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
    try {
      const started = Date.now();
      // A request that hangs fails here, named, instead of as the test's timeout.
      const res = await request(app)
        .post('/api/skeleton-runs')
        .timeout(20_000)
        .set('Authorization', `Bearer ${token}`)
        .send({ message: 'saat Temporal berhenti' })
        .expect(503);
      expect(res.body.error.details.part).toBe('temporal');
      expect(Date.now() - started).toBeLessThan(10_000);
      const health = await request(app).get('/api/health/ready').timeout(20_000).expect(503);
      expect(health.body).toMatchObject({ database: 'ok', temporal: 'down' });
      expect(await db.prisma.skeletonRun.count()).toBe(0);
    } finally {
      // Whatever failed above, the server answers again for the tests after this one.
      server.kill('SIGCONT');
    }
    await request(app).get('/api/health/ready').timeout(20_000).expect(200);
  });

  /** A workflow on a task queue no worker polls (Temporal holds every update until its deadline), and a task of it. */
  const workerlessTask = async (name: string) => {
    const client = await provider.get();
    const workflowId = `no-worker-${name}-${Date.now()}`;
    await client.workflow.start('appraisalWorkflow', { taskQueue: 'tanpa-worker', workflowId, args: [] });
    const task = await db.prisma.task.create({
      data: {
        key: `${workflowId}:review`,
        type: 'plan.review',
        title: 'Tinjau rencana SKP',
        assigneeRole: 'HR_ADMIN',
        workflowId,
        updateName: 'completeTask',
      },
    });
    return { task, terminate: () => client.workflow.getHandle(workflowId).terminate('test done') };
  };
  const complete = (app: ReturnType<typeof createTestApp>['app'], id: number) =>
    request(app)
      .post(`/api/tasks/${id}/complete`)
      .set('Authorization', `Bearer ${token}`)
      .send({ payload: { decision: 'APPROVE' } });
  const timed = async <T>(run: () => Promise<T>) => {
    const started = Date.now();
    const value = await run();
    return { value, ms: Date.now() - started };
  };

  it('an answer to a workflow no worker runs is a 503 "busy" once UPDATE_TIMEOUT_MS passes, and the task stays open', async () => {
    const { app } = createTestApp(db, provider.get, { UPDATE_TIMEOUT_MS: '3000' });
    const { task, terminate } = await workerlessTask('busy');
    const { value: res, ms } = await timed(() => complete(app, task.id).expect(503));
    expect(res.body.error.details.part).toBe('busy');
    expect(res.body.error.message).toContain('mungkin tetap tercatat');
    expect(ms).toBeGreaterThanOrEqual(2500);
    expect(ms).toBeLessThan(15_000);
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });
    await terminate();
  });

  it('past UPDATE_CONCURRENCY answers waiting at once, the next is refused at once as not sent ("overloaded")', async () => {
    // The client handed to the app is counted: the answer takes its place in line as soon as it has one.
    let handed = 0;
    const counted = async () => {
      const client = await provider.get();
      handed++;
      return client;
    };
    const { app } = createTestApp(db, counted, { UPDATE_TIMEOUT_MS: '5000', UPDATE_CONCURRENCY: '1' });
    const first = await workerlessTask('first');
    const second = await workerlessTask('second');
    const waiting = timed(() => complete(app, first.task.id));
    // The first answer is on its way to the workflow (however long its request took to get there on a busy machine).
    for (let i = 0; handed === 0; i++) {
      if (i > 200) throw new Error('the first answer never asked for the Temporal client');
      await new Promise((r) => setTimeout(r, 50));
    }
    const { value: refused, ms } = await timed(() => complete(app, second.task.id).expect(503));
    expect(refused.body.error.details.part).toBe('overloaded');
    expect(refused.body.error.message).toContain('belum dikirim dan tidak tercatat');
    // What the console shows for this answer, in each language.
    const words = (messages: any) => (key: string) => String(key.split('.').reduce((m, k) => m?.[k], messages) ?? key);
    expect(wordError(refused.body.error, '', 'id', words(errorsId)).message).toBe(
      'Layanan alur kerja sedang penuh. Jawaban Anda belum dikirim dan tidak tercatat: kirim lagi sebentar lagi',
    );
    expect(wordError(refused.body.error, '', 'en', words(errorsEn)).message).toBe(
      'The workflow service is at capacity. Your answer was not sent and is not recorded: send it again in a moment',
    );
    expect(ms).toBeLessThan(2500); // at once, not after the 5 s deadline
    const held = await waiting;
    expect(held.value.status).toBe(503);
    expect(held.value.body.error.details.part).toBe('busy');
    // The slot is free again once the first call has its answer: the next answer is sent (and times out: no worker).
    const again = await complete(app, second.task.id).expect(503);
    expect(again.body.error.details.part).toBe('busy');
    for (const { task } of [first, second])
      expect(await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });
    await Promise.all([first.terminate(), second.terminate()]);
  });
});
