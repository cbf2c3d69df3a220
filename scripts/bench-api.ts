/**
 * `npm run bench:api -- [--processes N] [--duration 20] [--connections 50] [--profile] [--explain] [--rebuild]
 * [--only tasks|appraisals|health]`: the console's inbox and appraisal list over a province of 100,000 appraisals
 * (scripts/bench-api-region.ts), driven by autocannon with 50 concurrent connections for each persona — an employee,
 * a rater with a team, the HR admin — and `/api/health` as the baseline. Prints requests/s, latency p50 / p97.5 / p99,
 * errors and non-2xx per run, and what one request costs in CPU: the API processes', PostgreSQL's and the load
 * generator's CPU time over the run divided by the requests answered.
 *
 * The API runs as a deployment runs it: `server/main.ts` with API_PROCESSES=N (node:cluster, one port; N defaults to
 * the number of CPUs), no Temporal (the list routes read the database; the client connects lazily). PostgreSQL is
 * embedded; the built database is kept in .data/bench-api/<hash of the migrations and the region builder> and reused
 * by the next run (`--rebuild` builds it again). `--profile` writes a V8 CPU profile of every API process
 * (`--cpu-prof`) and prints where their time went; `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of every SQL
 * statement the list routes run for each persona. A script that prints figures, not a timed test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureAppRole } from '../prisma/app-role';
import { useAuditKeyFile } from '../prisma/audit';
import { createPrisma } from '../prisma/client';
import { migrate, readMigrations } from '../prisma/migrate';
import { seedDemo } from '../prisma/seed/seed-database';
import { createDatabase, startEmbeddedPostgres } from '../tools/embedded-postgres';
import { freePort } from '../tools/free-port';
import { buildRegion, regionPersonas } from './bench-api-region';
import { explainListQueries } from './bench-api-explain';
import { summariseProfiles } from './bench-api-profile';
import { cpuSpent, cpuTimes } from './process-usage';

const ROOT = join(__dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const PROCESSES = Number(arg('processes', String(availableParallelism())));
const DURATION = Number(arg('duration', '20'));
const CONNECTIONS = Number(arg('connections', '50'));
const ONLY = arg('only', '');
const t0 = Date.now();
const say = (m: string) => console.log(`[bench:api ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}`);
const cleanups: (() => Promise<unknown> | unknown)[] = [];

/** The console's default list queries (react-admin's List: perPage 10, the resource's default sort and filter). */
const ROUTES = {
  tasks: `/api/tasks?${new URLSearchParams({ filter: '{"status":"OPEN"}', range: '[0,9]', sort: '["dueAt","ASC"]' })}`,
  appraisals: `/api/appraisals?${new URLSearchParams({ filter: '{}', range: '[0,9]', sort: '["id","DESC"]' })}`,
};

/** The built database's cache key: the migrations and the region builder. */
function cacheKey(): string {
  const h = createHash('sha256');
  for (const m of readMigrations()) h.update(m.name + m.checksum);
  h.update(readFileSync(join(__dirname, 'bench-api-region.ts')));
  h.update(String(new Date().getUTCFullYear()));
  return h.digest('hex').slice(0, 12);
}

async function database(): Promise<{ ownerUrl: string; dataDir: string }> {
  const base = join(ROOT, '.data', 'bench-api');
  const dataDir = join(base, cacheKey());
  const ready = join(dataDir, 'built.json');
  if (flag('rebuild') || !existsSync(ready)) {
    // Older builds (another schema) are of no further use.
    if (existsSync(base)) for (const d of readdirSync(base)) rmSync(join(base, d), { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  useAuditKeyFile(dataDir, true); // the cached database's audit chain keeps its key beside it
  const pg = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'pg'),
    port: await freePort(),
    onProgress: say,
    callerHandlesSignals: true,
    // A cache that is rebuilt when lost: no fsync. The rest stays at PostgreSQL's defaults (shared_buffers 128 MB).
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  cleanups.push(() => pg.stop());
  await createDatabase(pg.connectionString, 'capaian');
  const ownerUrl = pg.connectionString.replace(/\/postgres$/, '/capaian');
  await migrate(ownerUrl, say);
  if (!existsSync(ready)) {
    const prisma = createPrisma(ownerUrl, { max: 2 });
    await seedDemo(prisma);
    await prisma.$disconnect();
    const started = Date.now();
    const counts = await buildRegion(ownerUrl, undefined, say);
    say(`wilayah dibangun dalam ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    writeFileSync(ready, JSON.stringify({ ...counts, builtAt: new Date().toISOString() }));
  } else say(`basis data dari cache ${dataDir}: ${readFileSync(ready, 'utf8')}`);
  return { ownerUrl, dataDir: join(dataDir, 'pg') };
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function startApi(env: NodeJS.ProcessEnv, profileDir: string | null): Promise<ChildProcess> {
  const args = [
    ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    '--import',
    'tsx',
    'server/main.ts',
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  );
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${env.PORT}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    if (child.exitCode !== null) throw new Error(`API berhenti (code ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('API tidak siap dalam 60 s');
}

async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'capaian-demo' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

interface Row {
  persona: string;
  route: string;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  /** Connection errors, timeouts among them (autocannon counts a timeout as an error). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The status codes of the non-2xx answers, with their counts. */
  codes: string;
  total: number;
  rows: string;
  apiMs: number;
  pgMs: number;
  loadMs: number;
}

async function drive(
  port: number,
  persona: string,
  route: string,
  path: string,
  token: string | null,
  pids: () => number[],
  pgPids: () => number[],
): Promise<Row> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const first = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  const rows = first.headers.get('content-range')?.split(' ')[1] ?? '-';
  await first.arrayBuffer();
  // A short warm-up at the same concurrency (JIT, connection pools, PostgreSQL's cache), not counted.
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: 3, headers });
  const api0 = cpuTimes(pids());
  const pg0 = cpuTimes(pgPids());
  const load0 = process.cpuUsage();
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
  });
  const load = process.cpuUsage(load0);
  const total = r['2xx'] + r.non2xx;
  const per = (ms: number) => (total ? ms / total : NaN);
  return {
    persona,
    route,
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    codes: Object.entries(r.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, s]) => `${code}×${s.count}`)
      .join(' '),
    total,
    rows,
    apiMs: per(cpuSpent(api0, cpuTimes(pids()))),
    pgMs: per(cpuSpent(pg0, cpuTimes(pgPids()))),
    loadMs: per((load.user + load.system) / 1000),
  };
}

function print(rows: Row[]) {
  const head = [
    'persona',
    'route',
    'req/s',
    'p50 ms',
    'p97.5 ms',
    'p99 ms',
    'errors',
    'non-2xx',
    'requests',
    'rows',
    'CPU ms/req API',
    'PG',
    'autocannon',
  ];
  const body = rows.map((r) => [
    r.persona,
    r.route,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p975),
    String(r.p99),
    r.timeouts ? `${r.errors} (${r.timeouts} timeouts)` : String(r.errors),
    r.codes ? `${r.non2xx} (${r.codes})` : String(r.non2xx),
    String(r.total),
    r.rows,
    r.apiMs.toFixed(2),
    r.pgMs.toFixed(2),
    r.loadMs.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n'));
}

async function main() {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  say(`${PROCESSES} proses API, ${CONNECTIONS} koneksi, ${DURATION} s per rute; beban mesin (loadavg) ${load()}`);
  const { ownerUrl, dataDir } = await database();
  const app = await ensureAppRole(ownerUrl, randomBytes(12).toString('hex'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: app.url ?? ownerUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_KEY: process.env.AUDIT_KEY,
    AUDIT_ANCHOR_FILE: join(dataDir, '..', 'audit-anchor.json'),
    // Nothing listens there: the list routes never reach Temporal (the client connects lazily).
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    API_PROCESSES: String(PROCESSES),
  };
  const personas = await regionPersonas(ownerUrl);
  if (flag('explain')) await explainListQueries(ownerUrl, env, { ...personas, hr: 'admin' }, ROUTES);
  const profileDir = flag('profile') ? join(ROOT, '.data', 'bench-api-profiles', String(Date.now())) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const api = await startApi(env, profileDir);
  const apiPids = () => [api.pid!, ...childrenOf(api.pid!)];
  const pgPids = () => {
    const pm = postmasterPid(dataDir);
    return [pm, ...childrenOf(pm)];
  };
  const tokens = {
    [`employee (${personas.employee})`]: await login(port, personas.employee),
    [`rater (${personas.rater})`]: await login(port, personas.rater),
    'HR admin (admin)': await login(port, 'admin'),
  };
  const rows: Row[] = [];
  if (!ONLY || ONLY === 'health') rows.push(await drive(port, '-', 'health', '/api/health', null, apiPids, pgPids));
  for (const [persona, token] of Object.entries(tokens))
    for (const [route, path] of Object.entries(ROUTES)) {
      if (ONLY && ONLY !== route) continue;
      say(`${persona} ${route} …`);
      rows.push(await drive(port, persona, route, path, token, apiPids, pgPids));
    }
  say(`selesai; beban mesin (loadavg) ${load()}`);
  print(rows);
  const bad = rows.reduce((n, r) => n + r.errors + r.non2xx, 0);
  console.log(bad ? `GAGAL: ${bad} respons bukan 2xx atau galat` : 'semua respons 2xx');
  if (profileDir) {
    await cleanups.pop()!(); // the API: profiles are written when its processes exit
    summariseProfiles(profileDir);
  }
  process.exitCode = bad ? 1 : 0;
}

/** Child process ids of `pid` (the cluster's workers, PostgreSQL's backends). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
    process.exit();
  });
