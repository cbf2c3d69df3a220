/** The express app: routes → auth → validation → handler → service; one JSON error handler last. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { accessGuard } from './access/access.guard';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import type { AppDeps } from './deps';
import { employeesRoutes } from './employees/employees.routes';
import { healthRoutes } from './health/health.routes';
import { createMetrics } from './metrics/metrics';
import { metricsRoutes } from './metrics/metrics.routes';
import { compressedStatic } from './http/compressed-static';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { openapiRoutes } from './openapi/openapi.routes';
import { skeletonRoutes } from './skeleton/skeleton.routes';
import { unitsRoutes } from './units/units.routes';
import { extraRoutes } from './routes';

const PLACEHOLDER = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Capaian</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto"><h1>Capaian</h1>
<p>Konsol belum dibangun. Jalankan <code>npm run admin:build</code>, lalu muat ulang halaman ini.</p>
<p>API: <a href="/api/health">/api/health</a> · <a href="/api/openapi.json">/api/openapi.json</a></p></body></html>`;

/**
 * The console's Content-Security-Policy: its own scripts only (the Vite build has no inline script), no plugins, no
 * framing, forms and connections to this origin. Styles allow 'unsafe-inline' because MUI (emotion) inserts <style>
 * elements at run time; a nonce would need the console's emotion cache to carry it. No upgrade-insecure-requests: an
 * install on a plain-http intranet address would lose its own assets.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * A URL as logged: the query's names kept, their values replaced, so that no signed-link signature, token pasted
 * into a URL or filter with personal data reaches the logs.
 */
export function redactQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = [...new Set(new URLSearchParams(url.slice(at + 1)).keys())];
  return `${url.slice(0, at)}?${names.map((n) => `${encodeURIComponent(n)}=[redacted]`).join('&')}`;
}

/** pino-http's request serializer output without query values (the `url`) or the parsed `query`. */
function withoutQueryValues(req: { url?: string; query?: unknown }) {
  if (typeof req.url === 'string') req.url = redactQuery(req.url);
  delete req.query;
  return req;
}

/** Builds the app; `main.ts` listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'extended');
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => ['/api/health', '/api/health/ready', '/metrics'].includes(req.url ?? '') },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { req: withoutQueryValues },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  const metrics = createMetrics(deps);
  app.use(metrics.observe);
  app.use((req, res, next) => {
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
    const origin = req.headers.origin;
    if (origin && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      if (req.method === 'OPTIONS') return void res.sendStatus(204);
    }
    next();
  });
  app.use('/api', express.json({ limit: '2mb' }));

  const routers: [string, Router][] = [
    ['/api/health', healthRoutes(deps)],
    ['/api/auth', authRoutes(deps)],
    ['/api/units', unitsRoutes(deps)],
    ['/api/employees', employeesRoutes(deps)],
    ['/api/audit-events', auditRoutes(deps)],
    ['/api/skeleton-runs', skeletonRoutes(deps)],
    ...extraRoutes(deps),
    ['/api', openapiRoutes(deps)],
    ['/metrics', metricsRoutes(deps, metrics)],
  ];
  // Access policy first (server/access/access.policy.ts): every route's row is enforced before its router runs.
  app.use(accessGuard(deps));
  for (const [path, router] of routers) app.use(path, router);
  app.use('/api', notFoundHandler);

  const dist = resolve(deps.config.ADMIN_DIST ?? join(__dirname, '..', 'admin', 'dist'));
  if (existsSync(join(dist, 'index.html'))) {
    app.use(compressedStatic(dist));
    app.use(
      express.static(dist, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
      }),
    );
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dist, 'index.html')));
  } else {
    app.get(/^\/(?!api\/).*/, (_req, res) => res.type('html').send(PLACEHOLDER));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
