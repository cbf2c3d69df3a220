/**
 * What `bench:cycle` and `bench:surge` share: a fresh database of N generated employees (DATABASE_URL's server or an
 * embedded PostgreSQL), a Temporal server (TEMPORAL_ADDRESS or an in-memory dev server), one worker with a given
 * workflow cache, the API's dependencies, and last year's cycle over the whole unit tree with the published rules.
 * Everything started is stopped by `stop()`, also on SIGINT/SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import pino from 'pino';
import { bundleWorkflows, createWorker } from '../activities/worker';
import { createPrisma, type Cycle, type PrismaClient, type Task } from '../prisma/client';
import { migrate } from '../prisma/migrate';
import { ensurePeriods, seedDemo } from '../prisma/seed/seed-database';
import type { AuthUser } from '../server/auth/auth.middleware';
import { loadConfig } from '../server/config';
import type { AppDeps } from '../server/deps';
import { createDatabase, startEmbeddedPostgres } from '../tools/embedded-postgres';
import { freePort, waitForPort } from '../tools/free-port';
import { ensureTemporalCli } from '../tools/temporal-cli';
import { hrAdminFor } from './bench-actors';
import { pidsByCommandLine } from './process-usage';

// A throwaway database: its audit entries get a throwaway key unless AUDIT_KEY is set (prisma/audit.ts).
process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');

export type Frequency = 'MONTH' | 'QUARTER' | 'SEMESTER' | 'NONE';

/** A numeric `--name value` flag. */
export const numberArg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** `--frequency`: QUARTER unless given; NONE is one quarter evaluated once. */
export function frequencyArg(): Frequency {
  const i = process.argv.indexOf('--frequency');
  const f = i > 0 ? process.argv[i + 1] : 'QUARTER';
  if (!['MONTH', 'QUARTER', 'SEMESTER', 'NONE'].includes(f))
    throw new Error(`--frequency ${f}: MONTH|QUARTER|SEMESTER|NONE`);
  return f as Frequency;
}

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface BenchServices {
  prisma: PrismaClient;
  client: Client;
  deps: AppDeps;
  hr: AuthUser;
  /**
   * The HR admin who may act on an HR task: `hr`, or the second admin when the task is about `hr`'s own appraisal
   * (separation of duties refuses it to `hr`, as it would a sanction decision on their own case).
   */
  hrFor(task: Task): Promise<AuthUser>;
  byEmployee: Map<number, AuthUser>;
  /** Creates last year's cycle over the whole tree (DRAFT, published rules pinned). */
  createCycle(name: string, frequency: Frequency): Promise<Cycle & { periodLabel: string }>;
  /** Where the API's errors (level error: a 500's cause) are written. */
  errorLog: string;
  /**
   * The processes of the PostgreSQL and Temporal servers this bench started (none for DATABASE_URL's or
   * TEMPORAL_ADDRESS's), to read their CPU beside the system's own.
   */
  servicePids(): { postgres: number[]; temporal: number[] };
  /** The environment of a worker or API process on these services (database, Temporal, JWT and audit keys). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts the services and, unless `inProcessWorker` is false (the caller runs worker processes on `env`), one worker in
 * this process; `cache` is its workflow cache (0: the SDK default).
 */
export async function startBenchServices(options: {
  employees: number;
  cache: number;
  say: (m: string) => void;
  inProcessWorker?: boolean;
}): Promise<BenchServices> {
  const { employees, say } = options;
  const cleanups: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const c of cleanups) await c().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  // A crash stops the services too: an unhandled rejection used to end the process with its Temporal server running.
  for (const event of ['uncaughtException', 'unhandledRejection'] as const)
    process.once(event, (err: unknown) => {
      console.error(err);
      void stop().finally(() => process.exit(1));
    });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'capaian-bench-'));
    chmodSync(dir, 0o755); // run as root, PostgreSQL runs as `postgres` and must reach its data directory
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    Runtime.install({ logger: new DefaultLogger('ERROR') });

    // PostgreSQL: DATABASE_URL's server, or an embedded one; a fresh database either way.
    let adminUrl = process.env.DATABASE_URL;
    let postgresDir: string | undefined;
    let temporalPid: number | undefined;
    if (!adminUrl) {
      say('PostgreSQL tertanam dijalankan …');
      postgresDir = join(dir, 'pg');
      const pg = await startEmbeddedPostgres({
        dataDir: postgresDir,
        port: await freePort(),
        callerHandlesSignals: true,
      });
      cleanups.unshift(() => pg.stop());
      adminUrl = pg.connectionString;
    }
    const dbName = `bench_${process.pid}`;
    const admin = new URL(adminUrl);
    admin.pathname = '/postgres';
    await createDatabase(admin.toString(), dbName);
    cleanups.unshift(async () => {
      const c = new PgClient({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    await migrate(url.toString());
    const prisma = createPrisma(url.toString(), { max: 12 });
    cleanups.unshift(() => prisma.$disconnect());
    const t0 = performance.now();
    await seedDemo(prisma, { employees });
    say(`${employees} pegawai dibuat (generator organisasi) dalam ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Temporal: TEMPORAL_ADDRESS, or a dev server in memory (no --db-filename: the benchmark measures the workflows,
    // not SQLite on a busy disk).
    let address = process.env.TEMPORAL_ADDRESS;
    const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
    if (!address) {
      say('server dev Temporal (dalam memori) dijalankan …');
      const port = await freePort();
      const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless'];
      const child = spawn(await ensureTemporalCli(say), [...args, '--namespace', namespace, '--log-level', 'error'], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      temporalPid = child.pid;
      cleanups.unshift(
        () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      );
      if (!(await waitForPort(port, 60_000))) throw new Error('server dev Temporal tidak siap dalam 60 detik');
      address = `127.0.0.1:${port}`;
    }
    const connection = await Connection.connect({ address });
    cleanups.unshift(() => connection.close());
    const client = new Client({ connection, namespace });
    if (options.inProcessWorker !== false) {
      const nativeConnection = await NativeConnection.connect({ address });
      cleanups.unshift(() => nativeConnection.close());
      const worker = await createWorker({
        connection: nativeConnection,
        namespace,
        prisma,
        workflowBundle: await bundleWorkflows(),
        options: {
          maxConcurrentActivityTaskExecutions: 64,
          maxConcurrentWorkflowTaskExecutions: 32,
          maxCachedWorkflows: options.cache || undefined,
        },
        // As a worker process reads it (activities/worker.main.ts): off unless WORKER_STACK_TRACES=on.
        workflowStackTraces: process.env.WORKER_STACK_TRACES === 'on',
        deadlockDetection: process.env.WORKER_DEADLOCK_DETECTION !== 'off',
      });
      const running = worker.run();
      cleanups.unshift(async () => {
        worker.shutdown();
        await running;
      });
    }

    const config = loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: url.toString(),
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      LOG_LEVEL: 'silent',
      TEMPORAL_ADDRESS: address,
      // The bench's actors are a closed loop (bench:cycle's --concurrency) on this in-process API: it takes them all,
      // where a deployed API process refuses answers past its limit (bench:surge runs those).
      UPDATE_CONCURRENCY: '100000',
    });
    // The API's errors (a 500's cause) go to a file, not the figures: `errorLog` names it.
    const errorLog = join(process.cwd(), '.data', `bench-errors-${process.pid}.log`);
    mkdirSync(dirname(errorLog), { recursive: true });
    const logger = pino({ level: 'error' }, pino.destination({ dest: errorLog, sync: false }));
    const deps: AppDeps = { prisma, temporal: async () => client, config, logger };
    const users = await prisma.user.findMany({ select: { id: true, username: true, roles: true, employeeId: true } });
    const byEmployee = new Map(users.filter((u) => u.employeeId).map((u) => [u.employeeId!, u as AuthUser]));
    const hr = users.find((u) => u.username === 'admin') as AuthUser;
    const hr2 = users.find((u) => u.username === 'admin2') as AuthUser;
    const hrFor = (task: Task) => hrAdminFor(prisma, task, hr, hr2);

    const createCycle = async (name: string, frequency: Frequency) => {
      const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
      // Last year, every period of it over: the evaluations open as soon as each employee's plan is approved. Its
      // rules are the published versions (pinned explicitly: they are in force from this year on).
      const lastYear = new Date().getUTCFullYear() - 1;
      await ensurePeriods(prisma, lastYear);
      const period = await prisma.period.findFirstOrThrow({
        where: frequency === 'NONE' ? { type: 'QUARTER', number: 1, year: lastYear } : { type: 'YEAR', year: lastYear },
      });
      const published = async (kind: 'SCORING' | 'DISTRIBUTION' | 'PAY' | 'SANCTION') =>
        (
          await prisma.ruleSetVersion.findFirstOrThrow({
            where: { kind, status: 'PUBLISHED' },
            orderBy: { id: 'desc' },
          })
        ).id;
      const cycle = await prisma.cycle.create({
        data: {
          name,
          unitId: root.id,
          periodId: period.id,
          evaluationFrequency: frequency === 'NONE' ? null : frequency,
          scoringVersionId: await published('SCORING'),
          distributionVersionId: await published('DISTRIBUTION'),
          payVersionId: await published('PAY'),
          sanctionVersionId: await published('SANCTION'),
          includeDescendants: true,
          settings: {},
          createdById: hr.id,
        },
      });
      return { ...cycle, periodLabel: period.label };
    };
    // What a worker or API process of the bench's own (activities/worker.main.ts, server/main.ts) is started with.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: url.toString(),
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      JWT_SECRET: config.JWT_SECRET,
      LOG_LEVEL: 'error',
      WORKER_METRICS_ADDRESS: 'off',
    };
    const servicePids = () => ({
      postgres: postgresDir ? pidsByCommandLine(postgresDir) : [],
      temporal: temporalPid ? [temporalPid] : [],
    });
    return { prisma, client, deps, hr, hrFor, byEmployee, createCycle, errorLog, servicePids, env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The database's size and its largest tables (rows and bytes with indexes), after ANALYZE: what a deployment's
 * PostgreSQL grows by per employee and period (docs/scaling.md).
 */
export async function databaseFootprint(prisma: PrismaClient): Promise<string> {
  await prisma.$executeRawUnsafe('ANALYZE');
  const [{ bytes }] = await prisma.$queryRawUnsafe<{ bytes: bigint }[]>(
    'SELECT pg_database_size(current_database()) AS bytes',
  );
  const tables = await prisma.$queryRawUnsafe<{ name: string; rows: bigint; bytes: bigint }[]>(
    `SELECT relname AS name, n_live_tup AS rows, pg_total_relation_size(relid) AS bytes
       FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 10`,
  );
  const mib = (b: bigint) => `${(Number(b) / 1048576).toFixed(1)} MiB`;
  return [
    `basis data / database ${mib(bytes)}; tabel terbesar / largest tables:`,
    ...tables.map((t) => `    ${t.name.padEnd(24)} ${String(t.rows).padStart(9)} baris / rows  ${mib(t.bytes)}`),
  ].join('\n');
}

/**
 * What the database's sessions are doing, sampled each second until `stop()`: running a statement, waiting for the
 * audit chain's lock (`prisma/audit.ts`, an advisory lock), waiting for another lock, or idle inside a transaction (the
 * client has not sent its next statement: a busy Node process). Mean and maximum per sample: where answers queue in
 * PostgreSQL during a surge.
 */
export function sampleSessions(prisma: PrismaClient) {
  const kinds = [
    'menjalankan / running',
    'antre kunci audit / audit lock',
    'antre kunci lain / other lock',
    'idle in transaction',
  ];
  const samples: number[][] = [];
  const timer = setInterval(() => {
    prisma
      .$queryRawUnsafe<{ running: bigint; audit: bigint; locks: bigint; idle: bigint }[]>(
        `SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock') AS running,
                count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory') AS audit,
                count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event <> 'advisory') AS locks,
                count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS idle
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
      .then(([r]) => samples.push([r.running, r.audit, r.locks, r.idle].map(Number)))
      .catch(() => undefined); // an overloaded database skips a sample
  }, 1000);
  return {
    stop(): string {
      clearInterval(timer);
      if (!samples.length) return 'tidak ada sampel / no samples';
      return kinds
        .map((kind, i) => {
          const values = samples.map((s) => s[i]);
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          return `${kind} ${mean.toFixed(1)} (maks ${Math.max(...values)})`;
        })
        .join(', ');
    },
  };
}
