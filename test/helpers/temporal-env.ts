/**
 * Shared setup of workflow tests: the real Temporal time-skipping test server (TEMPORAL_TEST_SERVER_PATH),
 * a fresh PostgreSQL database, the workflow bundle (made once per file), a running worker and the API.
 */
import { spawn } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import request from 'supertest';
import { createActivities, type Activities } from '../../activities';
import type { MailOptions } from '../../activities/notification-mail';
import { bundleWorkflows, createWorker } from '../../activities/worker';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { freePort, waitForPort } from '../../tools/free-port';
import { createTestApp } from './test-app';
import { createTestDatabase, type TestDatabase } from './test-database';

let runtimeInstalled = false;

/** How long the JVM of the test server may take to start: the SDK's own limit (5 s) is too short under load. */
const SERVER_START_TIMEOUT_MS = 60_000;

type CreateEnv = (opts: {
  server: { type: 'existing' };
  address: string;
  namespace: string;
  supportsTimeSkipping: boolean;
  connectionOptions: { channelArgs: Record<string, number> };
}) => Promise<TestWorkflowEnvironment>;

/**
 * Keepalive that the test server accepts. The client's defaults ping every 30 s, even with no call open; the test
 * server (grpc-java's defaults) allows one ping per 5 minutes and, at the third early one, answers GOAWAY
 * "too_many_pings" and closes the connection with whatever calls are in flight ("rejected by server because of
 * excess pings" in the test log), which the client then retries. Pinging every 10 minutes, only during calls,
 * never trips that rule.
 */
export const TEST_SERVER_CHANNEL_ARGS = {
  'grpc.keepalive_time_ms': 10 * 60_000,
  'grpc.keepalive_permit_without_calls': 0,
};

/**
 * Starts the time-skipping test server from TEMPORAL_TEST_SERVER_PATH (set by `npm test`) and connects a
 * time-skipping environment to it. `createTimeSkipping` would start it too, but gives an `existing-path`
 * server 5 s to answer, which a JVM on a loaded 2-core machine misses; so the server is started here with
 * a longer wait and the SDK's own factory (pinned SDK 1.24.0; the same call `createTimeSkipping` makes,
 * with the server marked as existing) connects to it. Like the SDK, it passes only the port: the clock is
 * then driven by the time-skipping client. Teardown stops the server.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the tests with `npm test`.');
  if (!runtimeInstalled) {
    runtimeInstalled = true;
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      /* already installed by another helper in this process */
    }
  }
  const port = await freePort();
  const output: string[] = [];
  const server = spawn(path, [String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => output.push(chunk.toString()) > 50 && output.shift();
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  const stop = () => {
    if (server.exitCode === null && !server.signalCode) server.kill('SIGKILL');
  };
  if (!(await waitForPort(port, SERVER_START_TIMEOUT_MS))) {
    stop();
    throw new Error(`the Temporal test server did not answer on port ${port} within 60 s:\n${output.join('')}`);
  }
  try {
    const create = (TestWorkflowEnvironment as unknown as { create: CreateEnv }).create.bind(TestWorkflowEnvironment);
    const env = await create({
      server: { type: 'existing' },
      address: `127.0.0.1:${port}`,
      namespace: 'default',
      supportsTimeSkipping: true,
      connectionOptions: { channelArgs: TEST_SERVER_CHANNEL_ARGS },
    });
    const teardown = env.teardown.bind(env);
    env.teardown = async () => {
      await teardown();
      stop();
    };
    return env;
  } catch (err) {
    stop();
    throw err;
  }
}

export interface WorkflowTestContext {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  bundle: { code: string };
  app: ReturnType<typeof createTestApp>['app'];
  /** The running worker (replace it with `restartWorker`). */
  worker: Worker;
  /** Stops the running worker and waits until it has shut down. */
  stopWorker: () => Promise<void>;
  /** Starts a fresh worker (after `stopWorker`). */
  startWorker: () => Promise<Worker>;
  /** Signs a demo account (or any username) in and returns its bearer token. */
  login: (username: string) => Promise<string>;
  teardown: () => Promise<void>;
}

/** Everything a workflow integration test needs; `seed` seeds the demo city (default true). */
export async function setupWorkflowTest(
  label: string,
  options: {
    seed?: boolean;
    /** Wraps the real activities (to hold one back at a chosen moment); the result replaces them. */
    activities?: (real: Activities) => Activities;
    /** SMTP of notification e-mails (a Mailpit the test started); default: in-app notifications only. */
    mail?: MailOptions;
  } = {},
): Promise<WorkflowTestContext> {
  // All three settle before anything is thrown: a bundling still running after a failed setup would
  // break the next test files of the same jest worker.
  const settled = await Promise.allSettled([createTimeSkippingEnv(), createTestDatabase(label), bundleWorkflows()]);
  const [envResult, dbResult, bundleResult] = settled;
  if (envResult.status === 'rejected' || dbResult.status === 'rejected' || bundleResult.status === 'rejected') {
    if (envResult.status === 'fulfilled') await envResult.value.teardown().catch(() => undefined);
    if (dbResult.status === 'fulfilled') await dbResult.value.drop().catch(() => undefined);
    throw settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
  }
  const [env, db, bundle] = [envResult.value, dbResult.value, bundleResult.value];
  if (options.seed !== false) await seedDemo(db.prisma);
  const { app } = createTestApp(db, async () => env.client as unknown as Client);
  let running: Promise<void> | null = null;
  const ctx: WorkflowTestContext = {
    env,
    db,
    bundle,
    app,
    worker: undefined as unknown as Worker,
    startWorker: async () => {
      const worker = await createWorker({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        prisma: db.prisma,
        workflowBundle: bundle,
        mail: options.mail,
        ...(options.activities
          ? { options: { activities: options.activities(createActivities(db.prisma, { mail: options.mail })) } }
          : {}),
      });
      ctx.worker = worker;
      running = worker.run();
      return worker;
    },
    stopWorker: async () => {
      if (!running) return;
      ctx.worker.shutdown();
      await running;
      running = null;
    },
    login: async (username: string) => {
      const res = await request(app).post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    teardown: async () => {
      await ctx.stopWorker().catch(() => undefined);
      await env.teardown().catch(() => undefined);
      await db.drop().catch(() => undefined);
    },
  };
  await ctx.startWorker();
  return ctx;
}
