/** Server configuration from the environment, validated once at start. */
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1000).default(15000),
  /**
   * How long the API waits for a workflow to take an answer (a task, a cancellation) before it answers 503 busy. Longer
   * than the answer's write activity's start-to-close timeout (1 minute), after which a write lost with a killed worker
   * runs again on another: at 30 s, `chaos:cycle` saw 88 answers refused while every service was up.
   */
  UPDATE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(90000),
  /** Answers one API process keeps waiting on the workflows at once; more are refused with 503 "overloaded". */
  UPDATE_CONCURRENCY: z.coerce.number().int().min(1).default(32),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET harus minimal 32 karakter'),
  TOKEN_TTL: z.string().default('8h'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed logins per minute for one username, from any address. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Failed logins per minute from one address, for any username. */
  LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** Lifetime of a signed download link (seconds, at most 60). */
  DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  ADMIN_DIST: z.string().optional(),
  /** Per-unit predicate counts of units with fewer appraisals than this are not shown to employees (HR and auditors see them). */
  MIN_UNIT_COUNT_SHOWN: z.coerce.number().int().min(1).default(5),
  /** Single sign-on (OpenID Connect): on when OIDC_ISSUER is set (server/auth/oidc.ts). */
  OIDC_ISSUER: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url('OIDC_ISSUER harus URL / must be a URL').optional(),
  ),
  OIDC_CLIENT_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  OIDC_REDIRECT_URI: z.preprocess((v) => (v === '' ? undefined : v), z.url('harus URL / must be a URL').optional()),
  /** The claim that carries the NIP (then `preferred_username`). */
  OIDC_NIP_CLAIM: z.string().min(1).default('nip'),
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** Bearer token that GET /metrics requires; unset: /metrics answers loopback clients only. */
  METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, 'METRICS_TOKEN harus minimal 16 karakter / at least 16 characters').optional(),
  ),
  /** SMTP of notification e-mails (sent by the worker); the API only tells users whether mail is on. */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL harus smtp:// atau smtps:// / must be smtp:// or smtps://' })
      .optional(),
  ),
});

export type Config = z.infer<typeof schema>;

/** True when only this machine can reach `host` (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Why accounts with a published demo password must not be usable here, or null when they may: always under
 * NODE_ENV=production, and whenever the API listens on an address other machines can reach.
 */
export function demoPasswordRefusal(config: Pick<Config, 'NODE_ENV' | 'HOST'>): { id: string; en: string } | null {
  if (config.NODE_ENV === 'production')
    return { id: 'dengan NODE_ENV=production', en: 'in production (NODE_ENV=production)' };
  if (!isLoopbackHost(config.HOST))
    return {
      id: `di HOST=${config.HOST}, yang dapat dijangkau dari jaringan (hanya 127.0.0.1 / ::1 yang boleh)`,
      en: `on HOST=${config.HOST}, reachable from the network (only loopback may use demo passwords)`,
    };
  return null;
}

/** Reads and validates the configuration; throws an error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
