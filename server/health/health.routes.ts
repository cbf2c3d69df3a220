/**
 * Liveness and readiness. `GET /api/health` (liveness) answers from the process alone, so a database or Temporal
 * outage does not get healthy API processes restarted; `GET /api/health/ready` (readiness) → `{ status, database,
 * temporal }`, 503 naming the part that is down, so a load balancer stops sending work to an instance that cannot
 * serve it.
 */
import { Router } from 'express';
import type { AppDeps } from '../deps';
import { authorize } from '../access/access.guard';
import { describeRoutes } from '../openapi/registry';

describeRoutes({
  method: 'get',
  path: '/api/health/ready',
  summary: 'Kesiapan: basis data dan Temporal menjawab / readiness: database and Temporal answer',
  tag: 'system',
  access: 'public',
  responses: { '503': 'Bagian yang mati disebut / the part that is down is named' },
});

const startedAt = Date.now();

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timeout ${ms} ms`)), ms).unref()),
  ]);
}

/** Checks database and Temporal; each check has a short timeout so health answers quickly. */
export async function checkHealth(deps: AppDeps) {
  const [database, temporal] = await Promise.all([
    withTimeout(deps.prisma.$queryRaw`SELECT 1`, 2000).then(
      () => 'ok' as const,
      (err) => ({ error: String((err as Error).message).slice(0, 200) }),
    ),
    // The call's own deadline as well: without one, the client's retries of a server that stopped answering outlived
    // the answer (and, in the suite, the connection: "Channel has been shut down" thrown from a timer).
    withTimeout(
      deps
        .temporal()
        .then((c) => c.connection.withDeadline(Date.now() + 2000, () => c.workflowService.getSystemInfo({}))),
      2000,
    ).then(
      () => 'ok' as const,
      (err) => ({ error: String((err as Error).message).slice(0, 200) }),
    ),
  ]);
  const ok = database === 'ok' && temporal === 'ok';
  return {
    ok,
    body: {
      status: ok ? 'ok' : 'degraded',
      database: database === 'ok' ? 'ok' : 'down',
      temporal: temporal === 'ok' ? 'ok' : 'down',
      ...(ok ? {} : { details: { database, temporal } }),
    },
  };
}

/** Routes of /api/health. */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'health', 'read'), (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });
  router.get('/ready', authorize(deps, 'health', 'ready'), async (_req, res) => {
    const { ok, body } = await checkHealth(deps);
    res.status(ok ? 200 : 503).json(body);
  });
  return router;
}
