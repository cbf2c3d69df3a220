/** The worker process (`npm run worker`, spawned by `npm start`): polls the task queue until SIGINT/SIGTERM. */
import { NativeConnection } from '@temporalio/worker';
import { createPrisma } from '../prisma/client';
import { TASK_QUEUE } from '../workflows/task-queue';
import { createWorker } from './worker';

const log = (msg: string) => console.log(`[worker] ${new Date().toISOString()} ${msg}`);

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL belum diatur / DATABASE_URL is not set');
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

  const prisma = createPrisma(databaseUrl, { max: Number(process.env.WORKER_DB_POOL ?? 20) });
  log(`menghubungkan ke Temporal ${address} (namespace ${namespace}) / connecting`);
  const connection = await NativeConnection.connect({ address });
  log('membundel kode workflow / bundling workflow code');
  // Workflows kept in memory between their tasks; one evicted replays its whole history on its next task. The SDK's
  // default follows the heap size (about 2,300 on a 4 GB heap): a cycle with more employees than that in flight
  // replays on nearly every step, so size it to the employees in flight (and the heap to match: NODE_OPTIONS).
  const maxCachedWorkflows = process.env.WORKER_MAX_CACHED_WORKFLOWS
    ? Number(process.env.WORKER_MAX_CACHED_WORKFLOWS)
    : undefined;
  if (maxCachedWorkflows !== undefined && !(Number.isInteger(maxCachedWorkflows) && maxCachedWorkflows >= 0))
    throw new Error('WORKER_MAX_CACHED_WORKFLOWS harus bilangan bulat ≥ 0 / must be an integer ≥ 0');
  const worker = await createWorker({
    connection,
    namespace,
    prisma,
    taskQueue: TASK_QUEUE,
    ...(maxCachedWorkflows !== undefined ? { options: { maxCachedWorkflows } } : {}),
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

  log(`siap: memproses antrean "${TASK_QUEUE}" / ready, polling task queue`);
  try {
    await worker.run();
  } finally {
    await connection.close().catch(() => undefined);
    await prisma.$disconnect().catch(() => undefined);
    log('berhenti / stopped');
  }
}

main().catch((err) => {
  console.error(`[worker] gagal / failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
