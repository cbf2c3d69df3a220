/**
 * `GET /metrics`: the API's Prometheus metrics. Who may scrape: with `METRICS_TOKEN` set, a request carrying
 * `Authorization: Bearer <METRICS_TOKEN>` (Prometheus' `authorization` / `bearer_token` setting), from anywhere;
 * without it, requests from this machine only (the client address as express sees it, trusting a loopback proxy).
 * No user session: a scraper is not a person, and a user token is not a scraping credential.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { authorize } from '../access/access.guard';
import { isLoopbackHost } from '../config';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { describeRoutes } from '../openapi/registry';
import type { AppMetrics } from './metrics';

describeRoutes({
  method: 'get',
  path: '/metrics',
  summary:
    'Metrik Prometheus (teks). Dengan METRICS_TOKEN: header Authorization: Bearer <METRICS_TOKEN>; tanpa itu hanya dari ' +
    'mesin ini (loopback) / Prometheus metrics: bearer METRICS_TOKEN when set, else loopback only',
  tag: 'system',
  access: 'public',
  responses: {
    '401': 'METRICS_TOKEN diset dan token tidak cocok',
    '403': 'Bukan dari loopback dan METRICS_TOKEN tidak diset',
  },
});

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Null when the request may read the metrics, else the refusal. */
export function scrapeRefusal(config: AppDeps['config'], req: Request): ApiError | null {
  const token = config.METRICS_TOKEN;
  if (token) {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    return timingSafeEqual(digest(given), digest(token))
      ? null
      : new ApiError(401, 'METRICS_TOKEN', 'Token metrik salah atau tidak ada / wrong or missing metrics token');
  }
  if (isLoopbackHost(req.ip ?? '')) return null;
  return new ApiError(
    403,
    'METRICS_LOOPBACK_ONLY',
    'Metrik hanya dari mesin ini kecuali METRICS_TOKEN diset / metrics are loopback-only unless METRICS_TOKEN is set',
  );
}

/** Routes of /metrics. */
export function metricsRoutes(deps: AppDeps, metrics: AppMetrics): Router {
  const router = Router();
  router.get('/', authorize(deps, 'metrics', 'read'), async (req, res) => {
    const refused = scrapeRefusal(deps.config, req);
    if (refused) {
      if (refused.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw refused;
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
