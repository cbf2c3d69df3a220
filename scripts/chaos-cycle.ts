/**
 * `npm run chaos:cycle -- --employees N [--frequency QUARTER|SEMESTER|MONTH|NONE] [--kills 20] [--no-baseline]`:
 * a whole appraisal year of N generated employees run by two API processes and three worker processes while one
 * worker is SIGKILLed every 10–20 s (and restarted), the Temporal server is stopped and restarted once mid-cycle, and
 * PostgreSQL once. Simulated actors complete every task over HTTP, alternating between the API processes. At the end
 * it checks every employee's year DONE, exactly one pay row per employee and month, one task of each step per
 * evaluation (nothing lost or duplicated), no 5xx but 503 while a service was down (Temporal, PostgreSQL, or a worker
 * killed while the request waited), and the audit chain intact — and
 * prints kills, restarts, lost, duplicated and the wall time against an undisturbed run of the same size (a year
 * earlier, on the same processes). Exit code 1 when a check fails. A script that prints figures, not a timed test.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPrisma, type Task } from '../prisma/client';
import { writeWorkflowBundle } from '../activities/worker';
import { migrate } from '../prisma/migrate';
import { ensurePeriods, seedDemo } from '../prisma/seed/seed-database';
import { signToken } from '../server/auth/token';
import { createDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../tools/embedded-postgres';
import { freePort } from '../tools/free-port';
import { ensureTemporalCli } from '../tools/temporal-cli';
import { startTemporalDevServer, type TemporalDevServerHandle } from '../tools/temporal-dev-server';
import { answer, hrAdminFor } from './bench-actors';
import { Supervised, checkYear, type Outcomes } from './chaos-support';

const flag = (name: string) => process.argv.includes(`--${name}`);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const EMPLOYEES = Number(arg('employees', '200'));
const FREQUENCY = arg('frequency', 'QUARTER') as 'MONTH' | 'QUARTER' | 'SEMESTER' | 'NONE';
const KILLS = Number(arg('kills', '20'));
const CONCURRENCY = 32;
const say = (m: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'capaian-chaos-'));
  chmodSync(dir, 0o755); // run as root, PostgreSQL runs as `postgres` and must reach its data directory
  const stops: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  // The services are started with callerHandlesSignals: interrupted, the run stops them itself (Ctrl-C used to leave
  // PostgreSQL and the Temporal server running).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void (async () => {
        for (const stop of stops) await stop().catch(() => undefined);
        process.exit(130);
      })();
    });
  process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');
  process.env.AUDIT_ANCHOR_FILE = join(dir, 'audit-anchor.json');
  const jwtSecret = randomBytes(32).toString('hex');
  try {
    // ------------------------------------------------------------ services (restartable on the same files and ports)
    const pgPort = await freePort();
    let pg: EmbeddedPostgresHandle;
    const startPg = async () =>
      (pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort, callerHandlesSignals: true }));
    await startPg();
    stops.unshift(() => pg.stop());
    await createDatabase(pg!.connectionString, 'capaian');
    const url = new URL(pg!.connectionString);
    url.pathname = '/capaian';
    const databaseUrl = url.toString();
    const cliPath = await ensureTemporalCli();
    const temporalPort = await freePort();
    const uiPort = await freePort();
    let temporal: TemporalDevServerHandle;
    const startTemporal = async () =>
      (temporal = await startTemporalDevServer({
        cliPath,
        dbFile: join(dir, 'temporal.sqlite'),
        port: temporalPort,
        uiPort,
        namespace: 'default',
        logFile: join(dir, 'temporal.log'),
      }));
    await startTemporal();
    stops.unshift(() => temporal.stop());
    await migrate(databaseUrl, () => undefined);
    const prisma = createPrisma(databaseUrl, { max: 4 });
    stops.unshift(() => prisma.$disconnect());
    await seedDemo(prisma, { employees: EMPLOYEES });
    const thisYear = new Date().getUTCFullYear();
    for (const y of [thisYear - 2, thisYear - 1]) await ensurePeriods(prisma, y);
    say(`${await prisma.employee.count()} pegawai, PostgreSQL :${pgPort}, Temporal :${temporalPort}`);

    // ------------------------------------------------------------ two API processes, three workers
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'warn',
      WORKER_METRICS_ADDRESS: 'off',
      // Bundled once here: a worker restarted after each kill starts from the file instead of bundling again.
      WORKFLOW_BUNDLE_PATH: await writeWorkflowBundle(join(dir, 'workflow-bundle.js')),
    };
    const apiPorts = [await freePort(), await freePort()];
    // The APIs' logs (warnings and errors: a 500's cause) are kept after the run, beside the project's other data.
    const logDir = join(__dirname, '..', '.data', `chaos-logs-${process.pid}`);
    mkdirSync(logDir, { recursive: true });
    const apis = apiPorts.map(
      (port, i) =>
        new Supervised(
          `api-${i + 1}`,
          'server/main.ts',
          { ...env, PORT: String(port) },
          [],
          join(logDir, `api-${i + 1}.log`),
        ),
    );
    const workers = [1, 2, 3].map((i) => new Supervised(`worker-${i}`, 'activities/worker.main.ts', env));
    for (const p of [...apis, ...workers]) p.start();
    stops.unshift(async () => Promise.all([...apis, ...workers].map((p) => p.stop())));
    await Promise.all(apiPorts.map((p) => Supervised.ready(p)));

    // ------------------------------------------------------------ the actors: every task over HTTP
    const users = await prisma.user.findMany({
      select: { id: true, tokenVersion: true, employeeId: true, username: true },
    });
    const tokenOf = new Map(
      users.map((u) => [u.employeeId ?? -u.id, signToken(u.id, u.tokenVersion, jwtSecret, '12h')]),
    );
    const hr = users.find((u) => u.username === 'admin')!;
    const hr2 = users.find((u) => u.username === 'admin2')!;
    const hrToken = signToken(hr.id, hr.tokenVersion, jwtSecret, '12h');
    // An HR admin never decides their own case: HR tasks of admin's own appraisal go to admin2.
    const hr2Token = signToken(hr2.id, hr2.tokenVersion, jwtSecret, '12h');
    const hrTokenFor = async (task: Task) =>
      (await hrAdminFor(prisma, task, { employeeId: hr.employeeId, token: hrToken }, { token: hr2Token })).token;
    /**
     * The outages so far, from the stop to 15 s after the restart: the API re-checks a service it found down every few
     * seconds, and an answer already waiting when the service stopped may wait out its deadline after the restart
     * (`UPDATE_TIMEOUT_MS`): a 503 of a request in flight during one of them is the outage's.
     */
    const outages: { from: number; to: number }[] = [];
    const outageOf = (sentAt: number) => outages.some((o) => sentAt < o.to && performance.now() > o.from);
    /** A service stopped for 10 s and started again, recorded as an outage. */
    const outage = async (name: string, stop: () => Promise<unknown>, start: () => Promise<unknown>) => {
      say(`${name} dihentikan / stopped`);
      outages.push({ from: performance.now(), to: Infinity });
      await stop();
      await sleep(10_000);
      await start();
      outages.at(-1)!.to = performance.now() + 15_000;
      say(`${name} dijalankan lagi / restarted`);
    };
    const kills: number[] = [];
    let next = 0;
    const http = async (
      method: string,
      path: string,
      token: string,
      body?: unknown,
      outcomes?: Outcomes,
      what = '',
    ) => {
      const port = apiPorts[next++ % apiPorts.length];
      const sentAt = performance.now();
      let res: Response;
      try {
        res = await fetch(`http://127.0.0.1:${port}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        if (outcomes) outcomes.refused++; // the API process was being restarted
        return null;
      }
      if (outcomes && res.status >= 500) {
        const during = outageOf(sentAt);
        // A worker killed while the request waited is a service down too: its workflows wait for the task timeout.
        const killsWhile = kills.filter((k) => k > sentAt).length;
        if (res.status === 503 && during) outcomes.unavailableWhileDown++;
        else if (during) outcomes.otherWhileDown++;
        else if (res.status === 503 && killsWhile > 0) outcomes.unavailableWhileKilled++;
        else {
          // What a reader needs to tell a worker kill's consequence from a defect: how long the answer took, how many
          // workers were killed while it waited, and how long before it was sent the last one before it was.
          const waited = ((performance.now() - sentAt) / 1000).toFixed(1);
          const before = kills.filter((k) => k <= sentAt).at(-1);
          const lastKill = before === undefined ? 'none' : `${((sentAt - before) / 1000).toFixed(0)} s`;
          const clock = new Date(Date.now() - (performance.now() - sentAt)).toISOString().slice(11, 19);
          outcomes.serverErrors.push(
            `${method} ${path}${what} sent ${clock} → ${res.status} after ${waited} s (${killsWhile} worker kills while ` +
              `it waited; the last before it ${lastKill} earlier): ` +
              (await res.text()).slice(0, 200),
          );
        }
      }
      return res;
    };

    /** Runs one year to its close; `chaos` runs beside it until the year closes. */
    const runYear = async (year: number, chaos: boolean) => {
      const period = await prisma.period.findFirstOrThrow({
        where: FREQUENCY === 'NONE' ? { type: 'QUARTER', number: 1, year } : { type: 'YEAR', year },
      });
      const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
      const version = async (kind: 'SCORING' | 'DISTRIBUTION' | 'PAY' | 'SANCTION') =>
        (
          await prisma.ruleSetVersion.findFirstOrThrow({
            where: { kind, status: 'PUBLISHED' },
            orderBy: { id: 'desc' },
          })
        ).id;
      const created = await http('POST', '/api/cycles', hrToken, {
        name: `Chaos ${year}`,
        unitId: root.id,
        periodId: period.id,
        ...(FREQUENCY === 'NONE' ? {} : { evaluationFrequency: FREQUENCY }),
        scoringVersionId: await version('SCORING'),
        distributionVersionId: await version('DISTRIBUTION'),
        payVersionId: await version('PAY'),
        sanctionVersionId: await version('SANCTION'),
      });
      const cycle = (await created!.json()) as { id: number };
      const outcomes: Outcomes = {
        refused: 0,
        unavailableWhileDown: 0,
        unavailableWhileKilled: 0,
        otherWhileDown: 0,
        serverErrors: [],
      };
      const t0 = performance.now();
      await http('POST', `/api/cycles/${cycle.id}/start`, hrToken, {});
      let closed = false;
      const events = { kills: 0, temporalRestarts: 0, postgresRestarts: 0 };
      const chaosLoop = async () => {
        let stoppedTemporal = false;
        let stoppedPg = false;
        while (!closed) {
          await sleep(10_000 + Math.random() * 10_000);
          if (closed) break;
          // Progress: the share of the year's tasks done (two planning steps, three per evaluation).
          const done = await prisma.task.count({ where: { cycleId: cycle.id, status: 'DONE' } }).catch(() => 0);
          const evaluations = FREQUENCY === 'NONE' ? 1 : { MONTH: 12, QUARTER: 4, SEMESTER: 2 }[FREQUENCY];
          const share = done / (EMPLOYEES * (2 + 3 * evaluations));
          if (!stoppedTemporal && share > 0.3) {
            stoppedTemporal = true;
            await outage('Temporal', () => temporal.stop(), startTemporal);
            events.temporalRestarts++;
          } else if (!stoppedPg && share > 0.6) {
            stoppedPg = true;
            await outage('PostgreSQL', () => pg.stop(), startPg);
            events.postgresRestarts++;
          } else if (events.kills < KILLS) {
            const victim = workers[Math.floor(Math.random() * workers.length)];
            victim.kill();
            kills.push(performance.now());
            events.kills++;
          }
        }
      };
      const chaosDone = chaos ? chaosLoop() : Promise.resolve();
      const inFlight = new Set<number>();
      const work = async (task: Task) => {
        try {
          const token = task.assigneeRole ? await hrTokenFor(task) : tokenOf.get(task.assigneeId!)!;
          const payload = await answer(prisma, task);
          const res = await http(
            'POST',
            `/api/tasks/${task.id}/complete`,
            token,
            { payload },
            outcomes,
            ` (${task.type})`,
          );
          if (!res || !res.ok) await sleep(1000); // retried on the next round while the task stays open
        } catch {
          await sleep(1000); // PostgreSQL down for the actor's own reads: try again
        } finally {
          inFlight.delete(task.id);
        }
      };
      let lastReport = performance.now();
      while (!closed) {
        try {
          const open = await prisma.task.findMany({
            where: { cycleId: cycle.id, status: 'OPEN', id: { notIn: [...inFlight] } },
            orderBy: { id: 'asc' },
            take: Math.max(0, CONCURRENCY - inFlight.size),
          });
          for (const task of open) {
            inFlight.add(task.id);
            void work(task);
          }
          if (!open.length && !inFlight.size)
            closed = (await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED';
          if (performance.now() - lastReport > 30_000) {
            lastReport = performance.now();
            const done = await prisma.appraisal.count({ where: { cycleId: cycle.id, stage: 'DONE' } });
            say(
              `${((performance.now() - t0) / 1000).toFixed(0)} s: ${done} evaluasi selesai, ${events.kills} worker dibunuh`,
            );
          }
        } catch {
          // PostgreSQL is down: the actors wait like the people they stand for.
        }
        await sleep(200);
      }
      await chaosDone;
      const seconds = (performance.now() - t0) / 1000;
      return { cycleId: cycle.id, seconds, outcomes, events };
    };

    let baselineSeconds: number | null = null;
    if (!flag('no-baseline')) {
      say(`tahun tanpa gangguan / undisturbed year ${thisYear - 2} …`);
      baselineSeconds = (await runYear(thisYear - 2, false)).seconds;
    }
    say(`tahun dengan gangguan / year under chaos ${thisYear - 1} …`);
    const run = await runYear(thisYear - 1, true);
    const checks = await checkYear(prisma, run.cycleId, EMPLOYEES, FREQUENCY);
    const restarts = [...apis, ...workers].reduce((n, p) => n + p.restarts, 0);
    console.log('');
    console.log(`Chaos: tahun penilaian / appraisal year, ${EMPLOYEES} pegawai, evaluasi ${FREQUENCY}`);
    console.log(`  worker dibunuh / workers killed (SIGKILL)   ${run.events.kills}`);
    console.log(`  proses dijalankan ulang / processes restarted ${restarts}`);
    console.log(
      `  Temporal / PostgreSQL dihentikan-dijalankan    ${run.events.temporalRestarts} / ${run.events.postgresRestarts}`,
    );
    console.log(`  hilang / lost                                 ${checks.lost}`);
    console.log(`  ganda / duplicated                            ${checks.duplicated}`);
    console.log(`  TPP per pegawai-bulan / pay rows              ${checks.payRows} (harus ${checks.expectedPay})`);
    console.log(`  503 dikirim selama layanan mati / while down  ${run.outcomes.unavailableWhileDown}`);
    console.log(`  503 selagi worker dibunuh / while a worker died ${run.outcomes.unavailableWhileKilled}`);
    console.log(`  5xx lain selama mati / other 5xx while down   ${run.outcomes.otherWhileDown}`);
    console.log(`  5xx selagi semua hidup / while all up         ${run.outcomes.serverErrors.length}`);
    console.log(`  koneksi ditolak (API dimulai ulang) / refused  ${run.outcomes.refused}`);
    console.log(
      `  log audit / audit log                         ${checks.auditIntact ? 'utuh / intact' : 'RUSAK / TAMPERED'}`,
    );
    console.log(
      `  waktu / wall time                             ${run.seconds.toFixed(0)} s${baselineSeconds ? ` (tanpa gangguan / undisturbed ${baselineSeconds.toFixed(0)} s)` : ''}`,
    );
    for (const e of run.outcomes.serverErrors.slice(0, 40)) console.log(`    ${e}`);
    console.log(`  log API / API logs                            ${logDir}`);
    const ok =
      checks.lost === 0 &&
      checks.duplicated === 0 &&
      checks.payRows === checks.expectedPay &&
      checks.auditIntact &&
      run.outcomes.serverErrors.length === 0 &&
      run.outcomes.otherWhileDown === 0;
    console.log(ok ? 'semua pemeriksaan lulus / all checks passed' : 'ADA PEMERIKSAAN GAGAL / A CHECK FAILED');
    if (!ok) process.exitCode = 1;
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
