/**
 * The employee's path on a regional network: login → task inbox ("Tugas Saya") → the plan form (SKP), timed in
 * Debian's Chromium with the network slowed through the DevTools protocol (Network.emulateNetworkConditions) to
 * 1.6 Mbit/s down, 750 kbit/s up and 150 ms round trip (Lighthouse's "slow 4G" profile). Prints each step, the
 * total, the requests and bytes of each step and the JavaScript each step fetched; the target is each step and
 * the whole path within 3 s. A measurement, not a timed test.
 *
 *   npm run measure:regional [-- --runs=3 --down=1.6 --up=0.75 --rtt=150 --typing=100 --json]
 *
 * The user name and password are typed at 100 ms a character (`--typing`, not counted in any step), as a person
 * would: the login page fetches the next screens' code meanwhile.
 *
 * It starts what it measures on its own: a throwaway embedded PostgreSQL (.data/measure-regional-<pid>, deleted
 * afterwards) with the demo city and a plan task for `pegawai`, and the API serving the built console (admin/dist;
 * built first when missing) on a free port. Temporal is not needed: the path only reads.
 * Each run is a fresh browser profile (nothing cached: a first visit); a second pass in the same profile gives the
 * returning user's figures (scripts and styles cached).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createPrisma, type PrismaClient } from '../prisma/client';
import { migrate } from '../prisma/migrate';
import { DEMO_PASSWORD, seedDemo } from '../prisma/seed/seed-database';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { TemporalUnavailable } from '../server/temporal-client';
import { ensureChromium } from '../tools/chromium';
import { createDatabase, startEmbeddedPostgres } from '../tools/embedded-postgres';
import { freePort } from '../tools/free-port';

process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');

const ROOT = join(__dirname, '..');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'] as [string, string];
  }),
);
const RUNS = Number(args.get('runs') ?? 3);
const DOWN = Number(args.get('down') ?? 1.6); // Mbit/s
const UP = Number(args.get('up') ?? 0.75); // Mbit/s
const RTT = Number(args.get('rtt') ?? 150); // ms
const TARGET_MS = 3000;
const TYPING_MS = Number(args.get('typing') ?? 100); // per character typed on the login page
const say = (m: string) => !args.has('json') && console.log(m);

interface Step {
  name: string;
  ms: number;
  requests: number;
  bytes: number;
  scripts: { file: string; bytes: number }[];
}

/** A running plan year for `pegawai`: a cycle, their appraisal in PLANNING with a draft plan and the open task. */
async function seedPlanTask(prisma: PrismaClient): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { username: 'pegawai' }, include: { employee: true } });
  const me = user.employee!;
  const scoring = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
  const period = await prisma.period.findFirstOrThrow({ orderBy: [{ year: 'desc' }, { id: 'asc' }] });
  const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
  const cycle = await prisma.cycle.create({
    data: {
      name: `Penilaian Kinerja ${period.label}`,
      unitId: root.id,
      periodId: period.id,
      status: 'RUNNING',
      scoringVersionId: scoring.id,
      startedAt: new Date(),
      workflowId: 'measure-regional-cycle',
    },
  });
  const appraisal = await prisma.appraisal.create({
    data: {
      cycleId: cycle.id,
      periodId: period.id,
      employeeId: me.id,
      unitId: me.unitId,
      raterId: me.superiorId,
      workflowId: `measure-regional-${me.id}`,
      stage: 'PLANNING',
      plan: { create: { status: 'DRAFT' } },
    },
  });
  const title = `Susun SKP ${period.label}`;
  await prisma.task.create({
    data: {
      key: `measure-regional:${appraisal.id}:plan.submit`,
      type: 'plan.submit',
      title,
      appraisalId: appraisal.id,
      cycleId: cycle.id,
      assigneeId: me.id,
      workflowId: appraisal.workflowId,
      updateName: 'submitPlan',
    },
  });
  return title;
}

/** Counts what the page fetches between two marks: requests, bytes on the wire, and each script. */
async function traffic(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT,
    downloadThroughput: (DOWN * 1_000_000) / 8,
    uploadThroughput: (UP * 1_000_000) / 8,
  });
  const urls = new Map<string, string>();
  let requests = 0;
  let bytes = 0;
  let scripts: { file: string; bytes: number }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    requests += 1;
    urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const url = urls.get(e.requestId) ?? '';
    if (/\.js(\?|$)/.test(url)) scripts.push({ file: new URL(url).pathname, bytes: e.encodedDataLength });
  });
  return {
    take() {
      const out = { requests, bytes, scripts };
      requests = 0;
      bytes = 0;
      scripts = [];
      return out;
    },
  };
}

/** One pass over the path; the page is fresh or returning (same profile, signed out). */
async function walk(context: BrowserContext, url: string, taskTitle: string): Promise<Step[]> {
  const page = await context.newPage();
  const net = await traffic(context, page);
  const steps: Step[] = [];
  const timed = async (name: string, action: () => Promise<unknown>) => {
    net.take();
    const t0 = performance.now();
    await action();
    steps.push({ name, ms: performance.now() - t0, ...net.take() });
  };
  await timed('login page', async () => {
    await page.goto(`${url}/#/login`);
    await page.locator('input[name="username"]').waitFor();
  });
  // The person types (not counted): about 10 characters a second.
  await page.locator('input[name="username"]').pressSequentially('pegawai', { delay: TYPING_MS });
  await page.locator('input[name="password"]').pressSequentially(DEMO_PASSWORD, { delay: TYPING_MS });
  await timed('sign in', async () => {
    await page.locator('button[type="submit"]').click();
    await page.locator('a[href="#/tasks"]').first().waitFor();
  });
  await timed('task inbox', async () => {
    await page.locator('a[href="#/tasks"]').first().click();
    await page.getByText(taskTitle).first().waitFor();
  });
  await timed('plan form', async () => {
    await page.getByText(taskTitle).first().click();
    await page.locator('textarea[name="expectations"], input[name="expectations"]').first().waitFor();
    await page.locator('input[name="items.0.title"]').waitFor();
  });
  await page.evaluate(() => (globalThis as any).localStorage.removeItem('capaian.token'));
  await page.close();
  return steps;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians over the runs, step by step (requests and bytes of the median run). */
function summary(runs: Step[][]) {
  const names = runs[0].map((st) => st.name);
  const steps = names.map((name, i) => {
    const ms = median(runs.map((r) => r[i].ms));
    const run = runs.find((r) => r[i].ms === ms)!;
    return { ...run[i], ms };
  });
  return { steps, totalMs: median(runs.map((r) => r.reduce((n, st) => n + st.ms, 0))) };
}

function print(title: string, result: ReturnType<typeof summary>) {
  say(`\n${title}`);
  say('  step          time      requests  transferred  JavaScript fetched');
  for (const st of result.steps) {
    const js = st.scripts.reduce((n, f) => n + f.bytes, 0);
    say(
      `  ${st.name.padEnd(12)} ${s(st.ms).padStart(7)} ${st.ms <= TARGET_MS ? '✓' : '✗'} ${String(st.requests).padStart(6)}  ${kB(st.bytes).padStart(11)}  ${kB(js).padStart(9)} in ${st.scripts.length} file(s)`,
    );
    for (const f of st.scripts.sort((a, b) => b.bytes - a.bytes).slice(0, 6))
      say(`      ${f.file.padEnd(44)} ${kB(f.bytes).padStart(9)}`);
  }
  say(`  total        ${s(result.totalMs).padStart(7)} ${result.totalMs <= TARGET_MS ? '✓' : '✗'}`);
}

async function main() {
  if (!existsSync(join(ROOT, 'admin', 'dist', 'index.html'))) {
    say('Konsol belum dibangun: npm run admin:build / building the console …');
    execFileSync('npm', ['run', 'admin:build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const chromiumPath = await ensureChromium(say);
  const dataDir = join(ROOT, '.data', `measure-regional-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  let prisma: PrismaClient | undefined;
  let close: (() => void) | undefined;
  try {
    await createDatabase(pg.connectionString, 'capaian');
    const databaseUrl = pg.connectionString.replace(/\/postgres$/, '/capaian');
    await migrate(databaseUrl);
    prisma = createPrisma(databaseUrl, { max: 5 });
    await seedDemo(prisma);
    const taskTitle = await seedPlanTask(prisma);
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'silent',
    });
    const app = createApp({
      prisma,
      config,
      logger: pino({ level: 'silent' }),
      temporal: () => Promise.reject(new TemporalUnavailable('not needed to measure the path')),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => {
      server.closeAllConnections();
      server.close();
    };
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    try {
      // A warm-up pass unthrottled, so the server's first compression of each file is not counted.
      const warm = await browser.newContext();
      await walk(warm, url, taskTitle).catch(() => undefined);
      await warm.close();
      const first: Step[][] = [];
      const returning: Step[][] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
        context.setDefaultTimeout(60_000);
        first.push(await walk(context, url, taskTitle));
        returning.push(await walk(context, url, taskTitle));
        await context.close();
      }
      const result = { first: summary(first), returning: summary(returning) };
      if (args.has('json')) console.log(JSON.stringify({ down: DOWN, up: UP, rtt: RTT, runs: RUNS, ...result }));
      say(`Jalur pegawai / employee's path at ${DOWN} Mbit/s down, ${UP} Mbit/s up, ${RTT} ms round trip`);
      say(`(median of ${RUNS} runs; target ≤ 3 s per step and in total)`);
      print('First visit (nothing cached):', result.first);
      print('Returning user (scripts cached):', result.returning);
    } finally {
      await browser.close();
    }
  } finally {
    close?.();
    await prisma?.$disconnect();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
