/** The worker process (`npm run worker`, spawned by `npm start`): polls the task queue until SIGINT/SIGTERM. */
import { existsSync } from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { z } from 'zod';
import { auditKey } from '../prisma/audit';
import { createPrisma } from '../prisma/client';
import { TASK_QUEUE } from '../workflows/task-queue';
import { createMailer } from './notification-mail';
import { createWorker } from './worker';
import { installWorkerRuntime } from './worker-metrics';

const log = (msg: string) => console.log(`[worker] ${new Date().toISOString()} ${msg}`);

/**
 * The worker's settings, validated once at start (as server/config.ts does for the API). WORKER_MAX_CACHED_WORKFLOWS:
 * workflows kept in memory between their tasks; one evicted replays its history (one evaluation period's) on its next
 * task. The SDK's default follows the heap size (about 2,300 on a 4 GB heap): size it to the appraisals whose steps
 * come in the same hour, and the heap to match (NODE_OPTIONS; docs/scaling.md). WORKER_STACK_TRACES: the workflows'
 * stack trace query (Temporal UI's "Stack Trace"), off by default: on, it costs about half of each workflow task.
 * WORKER_DEADLOCK_DETECTION: the SDK's 5 s guard on workflow code (a workflow that does not yield fails its task), one
 * watchdog per activation (`patches/`); off, a workflow stuck in a loop holds its worker's workflow thread instead.
 */
const unsetIfEmpty = <T extends z.ZodType>(type: T) => z.preprocess((v) => (v === '' ? undefined : v), type);
const envSchema = z.object({
  DATABASE_URL: z.string({ error: 'DATABASE_URL belum diatur / is not set' }).min(1),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  WORKER_DB_POOL: unsetIfEmpty(z.coerce.number().int().min(1).default(20)),
  WORKER_MAX_CACHED_WORKFLOWS: unsetIfEmpty(z.coerce.number().int().min(0).optional()),
  WORKER_STACK_TRACES: unsetIfEmpty(z.enum(['on', 'off']).default('off')),
  WORKER_DEADLOCK_DETECTION: unsetIfEmpty(z.enum(['on', 'off']).default('on')),
  /** The workflow bundle its supervisor made (activities/worker.ts writeWorkflowBundle); unset: bundled at start. */
  WORKFLOW_BUNDLE_PATH: unsetIfEmpty(z.string().optional()),
  /** host:port of the worker's Prometheus exporter (the SDK's metrics); `off` turns it off. */
  WORKER_METRICS_ADDRESS: unsetIfEmpty(
    z
      .string()
      .regex(/^(off|\[?[\w.:-]+\]?:\d{1,5})$/, 'host:port atau off / host:port or off')
      .default('127.0.0.1:9464'),
  ),
  /** SMTP server of notification e-mails (smtp://host:port, smtps://user:pass@host:465); unset: in-app only. */
  SMTP_URL: unsetIfEmpty(
    z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL harus smtp:// atau smtps:// / must be smtp:// or smtps://' })
      .optional(),
  ),
  SMTP_FROM: unsetIfEmpty(z.string().min(3).default('Capaian <noreply@capaian.invalid>')),
  /** The console's address, for the link in each e-mail. */
  APP_URL: unsetIfEmpty(z.url().optional()),
  /** Seconds between sweeps that retry e-mails not sent at their step (SMTP down, worker restarted). */
  MAIL_SWEEP_SECONDS: unsetIfEmpty(z.coerce.number().int().min(5).default(60)),
});

function loadWorkerEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi worker tidak valid / invalid worker configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

async function main() {
  const env = loadWorkerEnv();
  auditKey(); // every activity that changes state appends a keyed audit entry: refuse to start without the key
  const address = env.TEMPORAL_ADDRESS;
  const namespace = env.TEMPORAL_NAMESPACE;

  const metricsAddress = env.WORKER_METRICS_ADDRESS === 'off' ? undefined : env.WORKER_METRICS_ADDRESS;
  installWorkerRuntime(metricsAddress);
  if (metricsAddress) log(`metrik Prometheus di http://${metricsAddress}/metrics / worker metrics`);
  const prisma = createPrisma(env.DATABASE_URL, { max: env.WORKER_DB_POOL });
  log(`menghubungkan ke Temporal ${address} (namespace ${namespace}) / connecting`);
  const connection = await NativeConnection.connect({ address });
  const bundlePath = env.WORKFLOW_BUNDLE_PATH;
  if (bundlePath && !existsSync(bundlePath))
    throw new Error(`WORKFLOW_BUNDLE_PATH ${bundlePath}: berkas tidak ada / file does not exist`);
  log(
    bundlePath
      ? `kode workflow dari ${bundlePath} / workflow bundle from file`
      : 'membundel kode workflow / bundling workflow code',
  );
  const maxCachedWorkflows = env.WORKER_MAX_CACHED_WORKFLOWS;
  const mail = env.SMTP_URL
    ? {
        smtpUrl: env.SMTP_URL,
        from: env.SMTP_FROM,
        appUrl: env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      }
    : null;
  log(
    mail
      ? `e-mail notifikasi lewat ${new URL(mail.smtpUrl).host} / notification e-mail on`
      : 'e-mail notifikasi mati (SMTP_URL kosong) / notification e-mail off',
  );
  const worker = await createWorker({
    connection,
    namespace,
    prisma,
    mail,
    taskQueue: TASK_QUEUE,
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : {}),
    ...(maxCachedWorkflows !== undefined ? { options: { maxCachedWorkflows } } : {}),
    workflowStackTraces: env.WORKER_STACK_TRACES === 'on',
    deadlockDetection: env.WORKER_DEADLOCK_DETECTION === 'on',
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: menghentikan worker dengan tertib / shutting down gracefully`);
    worker.shutdown();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  // E-mails go out after each step's commit; this sweep retries those that could not (SMTP down, a crash).
  const sweeper = mail ? createMailer(prisma, mail) : null;
  const sweep = sweeper
    ? setInterval(() => void sweeper.deliver({}).catch(() => undefined), env.MAIL_SWEEP_SECONDS * 1000)
    : null;
  log(`siap: memproses antrean "${TASK_QUEUE}" / ready, polling task queue`);
  try {
    await worker.run();
  } finally {
    if (sweep) clearInterval(sweep);
    sweeper?.close();
    await connection.close().catch(() => undefined);
    await prisma.$disconnect().catch(() => undefined);
    log('berhenti / stopped');
  }
}

main().catch((err) => {
  console.error(`[worker] gagal / failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
