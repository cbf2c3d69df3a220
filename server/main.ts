/**
 * Starts the API: reads configuration, connects to PostgreSQL and (lazily) to Temporal, and listens. With
 * API_PROCESSES=N (> 1) this process becomes the primary of N API processes sharing the port (server/http/api-cluster.ts).
 */
import cluster from 'node:cluster';
import pino from 'pino';
import { auditKey } from '../prisma/audit';
import { createPrisma } from '../prisma/client';
import { createApp } from './app';
import { startAuditSeal } from './audit/audit-seal';
import { demoPasswordRefusal, loadConfig } from './config';
import { apiProcesses, runApiCluster } from './http/api-cluster';
import { temporalClientProvider } from './temporal-client';

async function main() {
  const config = loadConfig();
  auditKey(); // every state change appends a keyed audit entry: refuse to start without AUDIT_KEY
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'capaian-api' } });
  const prisma = createPrisma(config.DATABASE_URL, { queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS });

  // Demo passwords are published: only a machine nobody else can reach may run with them, and never production.
  const refusal = demoPasswordRefusal(config);
  if (refusal) {
    const demo = await prisma.user.count({ where: { demoPassword: true, active: true } });
    if (demo > 0) {
      logger.fatal({ accounts: demo, host: config.HOST, env: config.NODE_ENV }, 'demo passwords in use');
      console.error(
        `Capaian menolak berjalan ${refusal.id}: ${demo} akun masih memakai kata sandi demo. ` +
          'Ganti kata sandinya atau nonaktifkan akun demo terlebih dahulu.\n' +
          `Refusing to start ${refusal.en}: ${demo} account(s) still use a demo password.`,
      );
      process.exit(1);
    }
  }

  const temporal = temporalClientProvider(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const app = createApp({ prisma, temporal: temporal.get, config, logger });
  startAuditSeal(prisma, logger); // signs the newest audit entries every few minutes (timer does not hold the process)
  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'Capaian API listening');
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === 'EADDRINUSE'
        ? `Port ${config.PORT} sudah dipakai (PORT untuk mengganti) / port in use`
        : err.message,
    );
    process.exit(1);
  });

  // A failed query or a dropped connection must not take the API down: log and carry on.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));

  const stop = async () => {
    server.close();
    await Promise.allSettled([prisma.$disconnect(), temporal.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function start() {
  const processes = apiProcesses();
  if (processes > 1 && cluster.isPrimary) return runApiCluster(processes);
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

try {
  start();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
