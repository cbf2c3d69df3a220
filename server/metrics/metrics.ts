/**
 * The API's Prometheus metrics (prom-client), one registry per app: request latency by route pattern, open tasks by
 * type and age, appraisals by stage, the audit log's verification and checkpoint age, database reachability, and
 * Node's process metrics. Figures read from the database are counted at scrape time, so every API instance reports
 * the same totals; the workflow and activity failures come from the worker's own exporter (activities/worker-metrics.ts).
 */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppDeps } from '../deps';
import { auditVerificationAgeSeconds, auditVerificationCounts } from './audit-clock';
import { routeLabel } from './route-label';

/** Upper bounds of the open-task age buckets, in days, and their labels. */
export const TASK_AGE_BUCKETS: readonly [number, string][] = [
  [1, '<1d'],
  [3, '1-3d'],
  [7, '3-7d'],
  [14, '7-14d'],
  [Infinity, '>=14d'],
];

export interface AppMetrics {
  registry: Registry;
  /** Times every request and labels it with its route pattern, method and status. */
  observe: RequestHandler;
}

/** Creates the registry and the request timer of one app. */
export function createMetrics(deps: Pick<AppDeps, 'prisma' | 'logger'>): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'capaian_' });

  const latency = new Histogram({
    name: 'capaian_http_request_duration_seconds',
    help: 'API request latency by route pattern (not the raw URL), method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const openTasks = new Gauge({
    name: 'capaian_open_tasks',
    help: 'Open human tasks by type and age since created (<1d, 1-3d, 3-7d, 7-14d, >=14d)',
    labelNames: ['type', 'age'] as const,
    registers: [registry],
    collect: () => readDatabase(),
  });
  const appraisals = new Gauge({
    name: 'capaian_appraisals',
    help: 'Appraisals by stage',
    labelNames: ['stage'] as const,
    registers: [registry],
    collect: () => readDatabase(),
  });
  const checkpointAge = new Gauge({
    name: 'capaian_audit_checkpoint_age_seconds',
    help: 'Seconds since the newest signed audit checkpoint (-1 when there is none)',
    registers: [registry],
    collect: () => readDatabase(),
  });
  const databaseUp = new Gauge({
    name: 'capaian_metrics_database_up',
    help: '1 when the figures read from the database at this scrape were read, 0 when the database failed',
    registers: [registry],
    collect: () => readDatabase(),
  });
  new Gauge({
    name: 'capaian_audit_verification_age_seconds',
    help: 'Seconds since this process last found the audit log intact (seal or verification; from start before the first)',
    registers: [registry],
    collect() {
      this.set(auditVerificationAgeSeconds());
    },
  });
  new Counter({
    name: 'capaian_audit_verifications_total',
    help: 'Audit chain verifications by this process, by outcome (ok, tampered, error)',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [outcome, n] of Object.entries(auditVerificationCounts())) this.inc({ outcome }, n);
    },
  });

  // One reading per scrape serves the four database gauges (the registry collects them at once): three grouped queries.
  let inFlight: Promise<void> | null = null;
  const readDatabase = () => (inFlight ??= collectDatabase().finally(() => (inFlight = null)));
  const days = TASK_AGE_BUCKETS.slice(0, -1).map(([d]) => d);
  const collectDatabase = async () => {
    try {
      const [tasks, stages, checkpoint] = await Promise.all([
        deps.prisma.$queryRaw<{ type: string; bucket: number; n: number }[]>`
          SELECT type, width_bucket(EXTRACT(EPOCH FROM now() - created_at) / 86400, ${days}::float8[]) AS bucket,
                 count(*)::int AS n
            FROM tasks WHERE status = 'OPEN' GROUP BY 1, 2`,
        deps.prisma.$queryRaw<{ stage: string; n: number }[]>`
          SELECT stage::text AS stage, count(*)::int AS n FROM appraisals GROUP BY 1`,
        deps.prisma.$queryRaw<{ age: number | null }[]>`
          SELECT EXTRACT(EPOCH FROM now() - max("at"))::float8 AS age FROM audit_checkpoints`,
      ]);
      openTasks.reset();
      for (const t of tasks) openTasks.set({ type: t.type, age: TASK_AGE_BUCKETS[t.bucket][1] }, t.n);
      appraisals.reset();
      for (const s of stages) appraisals.set({ stage: s.stage }, s.n);
      checkpointAge.set(checkpoint[0]?.age ?? -1);
      databaseUp.set(1);
    } catch (err) {
      deps.logger.warn({ err }, 'metrics: database figures not read');
      openTasks.reset();
      appraisals.reset();
      databaseUp.set(0);
    }
  };

  const observe: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    // The path from originalUrl: inside a mounted router `req.path` is relative to its mount point.
    res.once('finish', () => {
      const path = req.originalUrl.split('?')[0];
      end({ method: req.method, route: routeLabel(req.method, path), status: res.statusCode });
    });
    next();
  };
  return { registry, observe };
}
