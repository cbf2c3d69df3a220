/**
 * `npm run bench:cycle -- --employees N [--frequency QUARTER|SEMESTER|MONTH|NONE] [--concurrency 64] [--batch 200]
 * [--baseline 2000] [--cache 1000] [--profile]`: drives one whole appraisal year of N generated employees — last year, all of it over,
 * evaluated every quarter by default (NONE: one quarter evaluated once, the earlier shape) — through every stage (plan
 * once; per period evidence → rating → scoring → calibration → result and appeal window → pay → sanctions; closed)
 * with simulated actors completing every task
 * through the API's task service (the same workflow updates with validators as `POST /api/tasks/:id/complete`), then,
 * in the same run and on the same worker, no-op workflows with the same activities and human updates (min(N,
 * --baseline) of them: a rate, which a sample of 2,000 measures as well as 10,000). Prints employees/s,
 * task-completion latency p50/p95, the no-op throughput and the ratio. With `--profile` the run goes on in a child
 * process under V8's CPU profiler (every thread: the worker's activities and the API on the main thread, the workflows
 * in the SDK's workflow thread), and its summary by package, file and function follows the figures.
 *
 * Uses DATABASE_URL's server and TEMPORAL_ADDRESS when set; otherwise starts an embedded PostgreSQL and a Temporal
 * dev server (the CLI from `.tools/`) in a temporary folder, removed afterwards. A script that prints figures, not a
 * timed test.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import type { Task } from '../prisma/client';
import { startCycle } from '../server/cycles/cycles.service';
import { completeTask } from '../server/tasks/tasks.service';
import { noopStepUpdate } from '../workflows/noop.workflow';
import { cycleProgressQuery } from '../workflows/messages';
import { TASK_QUEUE } from '../workflows/task-queue';
import { answer } from './bench-actors';
import { summariseProfiles } from './bench-api-profile';
import { cpuSplit, sampleGroups } from './process-usage';
import { databaseFootprint, frequencyArg, numberArg as arg, percentile, startBenchServices } from './bench-services';

const EMPLOYEES = arg('employees', 1000);
const FREQUENCY = frequencyArg();
/** Evaluations per employee, and months paid. */
const EVALUATIONS = { MONTH: 12, QUARTER: 4, SEMESTER: 2, NONE: 1 }[FREQUENCY];
const MONTHS_PAID = FREQUENCY === 'NONE' ? 3 : 12;
const CONCURRENCY = arg('concurrency', 64);
const BATCH = arg('batch', 200);
/**
 * Workflows the worker keeps cached (0 = SDK default). 1,000 whatever the number of employees, as a deployment sets
 * it: a cache that grows with the employees is not a setting any province could follow, so past 1,000 appraisals in
 * flight the year pays for cache misses (replays) as it would in service.
 */
const CACHE = arg('cache', 1000);
/** No-op workflows run for the baseline (a rate: a sample of 2,000 measures it as well as 10,000). */
const BASELINE = Math.min(EMPLOYEES, arg('baseline', 2000));
/**
 * Human steps of every employee's year (plan and plan review once; evidence, rating and result per evaluation; each
 * opens its task in a local activity and writes its answer in a server-scheduled one) and its other activities per
 * evaluation: local ones (score, share the result, sanctions, done or the next period's row) and the pay, which is
 * scheduled on the server.
 */
const HUMAN_STEPS = 2 + 3 * EVALUATIONS;
const OTHER_ACTIVITIES = 4 * EVALUATIONS;
const REMOTE_ACTIVITIES = EVALUATIONS;

const say = (m: string) => console.log(`[bench:cycle ${new Date().toISOString().slice(11, 19)}] ${m}`);
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function main() {
  const services = await startBenchServices({ employees: EMPLOYEES, cache: CACHE, say });
  try {
    await run(services);
  } finally {
    // An error while stopping (a call retried on the closed connection) must not hide the run's own.
    await services
      .stop()
      .catch((err: Error) => say(`layanan tidak berhenti bersih / services did not stop cleanly: ${err.message}`));
  }
}

async function run({
  prisma,
  client,
  deps,
  hr,
  byEmployee,
  createCycle,
  servicePids,
  hrFor,
}: Awaited<ReturnType<typeof startBenchServices>>) {
  /** This process (API service and worker), Temporal's server and PostgreSQL: where the two cores go. */
  const cpuGroups = () => ({
    bench: () => [process.pid],
    Temporal: () => servicePids().temporal,
    PostgreSQL: () => servicePids().postgres,
  });
  const cycle = await createCycle(`Benchmark ${EMPLOYEES} pegawai`, FREQUENCY);
  const period = { label: cycle.periodLabel };
  let t0: number;
  const latencies: number[] = [];
  const counts: Record<string, number> = {};
  let failures = 0;
  /** Failed attempts by their reason (an ApiError's status and code, or the error's name). */
  const failedBy: Record<string, number> = {};
  t0 = performance.now();
  const cycleCpu = sampleGroups(cpuGroups());
  await startCycle(deps, hr, cycle.id, { batchSize: BATCH });
  const done = async () => (await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED';
  const attempts = new Map<number, number>();
  const inFlight = new Set<number>();
  let cycleInFlight = 0;
  let fatal: unknown = null;
  let lastReport = performance.now();
  let reporting = false;
  const report = async () => {
    const p = await client.workflow.getHandle(`cycle-${cycle.id}`).query(cycleProgressQuery);
    const stages = await prisma.appraisal.groupBy({
      by: ['stage'],
      where: { cycleId: cycle.id, NOT: { stage: 'DONE', final: false } },
      _count: { _all: true },
    });
    say(
      `${((performance.now() - t0) / 1000).toFixed(0)} s: fase ${p.phase}, mulai ${p.started}/${p.total}, selesai ${p.finished}, per tahap ${stages.map((g) => `${g.stage} ${g._count._all}`).join(', ')}, tugas selesai ${latencies.length}`,
    );
  };
  /** Completes one task as its assignee; retried with backoff while the task stays open. */
  const work = async (task: Task) => {
    try {
      const user = task.assigneeRole ? await hrFor(task) : byEmployee.get(task.assigneeId!);
      if (!user) throw new Error(`no user for employee ${task.assigneeId}`);
      const payload = await answer(prisma, task);
      const s = performance.now();
      await completeTask(deps, user, task.id, payload);
      latencies.push(performance.now() - s);
      counts[task.type] = (counts[task.type] ?? 0) + 1;
    } catch (err: any) {
      const n = (attempts.get(task.id) ?? 0) + 1;
      attempts.set(task.id, n);
      failures++;
      const reason = err?.status
        ? `${err.status} ${err.code}${err.params?.part ? ` ${err.params.part}` : ''}`
        : err?.name;
      failedBy[reason] = (failedBy[reason] ?? 0) + 1;
      if (n >= 20) fatal = new Error(`task ${task.key}: ${err?.message ?? err}`, { cause: err });
      await new Promise((r) => setTimeout(r, 500 * n));
    } finally {
      inFlight.delete(task.id);
      if (task.appraisalId === null) cycleInFlight--;
    }
  };
  // Actors keep CONCURRENCY tasks in flight (cycle-level calibration tasks, all on the one cycle workflow, 4).
  for (;;) {
    if (fatal) throw fatal;
    if (performance.now() - lastReport > 15_000 && !reporting) {
      lastReport = performance.now();
      reporting = true;
      void report()
        .catch(() => undefined)
        .finally(() => (reporting = false));
    }
    const free = CONCURRENCY - inFlight.size;
    const open =
      free > 0
        ? await prisma.task.findMany({
            where: { cycleId: cycle.id, status: 'OPEN', id: { notIn: [...inFlight] } },
            orderBy: { id: 'asc' },
            take: free,
          })
        : [];
    for (const task of open) {
      if (task.appraisalId === null) {
        if (cycleInFlight >= 4) continue;
        cycleInFlight++;
      }
      inFlight.add(task.id);
      void work(task);
    }
    if (!inFlight.size && !open.length && (await done())) break;
    await new Promise((r) => setTimeout(r, open.length ? 20 : 50));
  }
  const cycleSeconds = (performance.now() - t0) / 1000;
  const cycleCpuSeconds = cycleCpu.stop();
  const pay = await prisma.payAdjustment.count({ where: { cycleId: cycle.id } });
  const appraisals = await prisma.appraisal.groupBy({
    by: ['stage'],
    where: { cycleId: cycle.id },
    _count: { _all: true },
  });
  const annual = await prisma.annualResult.count({ where: { cycleId: cycle.id } });
  latencies.sort((a, b) => a - b);

  // ---------------------------------------------------------------- the no-op baseline
  say(
    `baseline: ${BASELINE} alur kerja no-op (${HUMAN_STEPS} update, ${HUMAN_STEPS + OTHER_ACTIVITIES} aktivitas lokal, ${HUMAN_STEPS + REMOTE_ACTIVITIES} di server)`,
  );
  const noopLatencies: number[] = [];
  const ids = Array.from({ length: BASELINE }, (_, i) => `bench-noop-${process.pid}-${i}`);
  t0 = performance.now();
  const noopCpu = sampleGroups(cpuGroups());
  await pool(ids, CONCURRENCY, async (workflowId) => {
    await client.workflow.start('noopStepsWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [
        {
          humanSteps: HUMAN_STEPS,
          activities: OTHER_ACTIVITIES,
          remoteActivities: REMOTE_ACTIVITIES,
          local: true,
        },
      ],
    });
  });
  await pool(ids, CONCURRENCY, async (workflowId) => {
    const handle = client.workflow.getHandle(workflowId);
    for (let step = 0; step < HUMAN_STEPS; step++) {
      const s = performance.now();
      await handle.executeUpdate(noopStepUpdate, { args: [{ step }] });
      noopLatencies.push(performance.now() - s);
    }
    await handle.result();
  });
  const noopSeconds = (performance.now() - t0) / 1000;
  const noopCpuSeconds = noopCpu.stop();
  noopLatencies.sort((a, b) => a - b);

  const cycleRate = EMPLOYEES / cycleSeconds;
  const noopRate = BASELINE / noopSeconds;
  console.log('');
  console.log(
    `Tahun penilaian / appraisal year (${period.label}, ${EVALUATIONS} evaluasi / evaluations), ${EMPLOYEES} pegawai (batch ${BATCH}, ${CONCURRENCY} aktor paralel, cache ${CACHE || 'bawaan SDK'} alur kerja, heap ${Math.round(v8.getHeapStatistics().heap_size_limit / 1048576)} MiB)`,
  );
  console.log(`  waktu total / wall time        ${cycleSeconds.toFixed(1)} s`);
  console.log(`  pegawai/detik / employees/s     ${cycleRate.toFixed(2)}`);
  console.log(
    `  tugas diselesaikan / tasks      ${latencies.length} (${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); percobaan gagal / failed attempts ${failures}${
      failures
        ? ` (${Object.entries(failedBy)
            .map(([k, v]) => `${k} ×${v}`)
            .join(', ')})`
        : ''
    }`,
  );
  console.log(
    `  latensi penyelesaian tugas      p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
  );
  console.log(`  tahap akhir / final stages      ${appraisals.map((a) => `${a.stage} ${a._count._all}`).join(', ')}`);
  console.log(
    `  penyesuaian TPP / pay rows      ${pay} (harus ${EMPLOYEES * MONTHS_PAID} = pegawai × bulan / employees × months)`,
  );
  console.log(`  predikat tahunan / annual       ${annual} (harus ${EMPLOYEES})`);
  console.log(
    `  CPU                             ${cpuSplit(cycleCpuSeconds, EMPLOYEES * EVALUATIONS, 'periode pegawai / employee period')}`,
  );
  console.log(`  ${await databaseFootprint(prisma)}`);
  console.log(`Alur kerja no-op, langkah sama / no-op workflows, same steps (${BASELINE})`);
  console.log(`  waktu total / wall time        ${noopSeconds.toFixed(1)} s`);
  console.log(`  alur kerja/detik / workflows/s  ${noopRate.toFixed(2)}`);
  console.log(
    `  latensi update                  p50 ${ms(percentile(noopLatencies, 50))}, p95 ${ms(percentile(noopLatencies, 95))}`,
  );
  console.log(
    `  CPU                             ${cpuSplit(noopCpuSeconds, BASELINE * EVALUATIONS, 'periode / period')}`,
  );
  console.log(`Rasio siklus / no-op              ${(cycleRate / noopRate).toFixed(2)} (sasaran / goal ≥ 0.6)`);
  const projected = 10_000 / cycleRate / 60;
  console.log(`Proyeksi 10.000 pegawai           ${projected.toFixed(1)} menit (sasaran / goal ≤ 10)`);
  if (pay !== EMPLOYEES * MONTHS_PAID || annual !== EMPLOYEES) process.exitCode = 1;
}

/**
 * `--profile`: runs the benchmark again in a child process under `--cpu-prof` (each of its threads writes a profile on
 * exit), then summarises the profiles.
 */
function profiled(): boolean {
  if (!process.argv.includes('--profile') || process.env.BENCH_CYCLE_PROFILE_DIR) return false;
  const dir = join(process.cwd(), '.data', `cycle-profile-${process.pid}`);
  const args = [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${dir}`, ...process.argv.slice(1)];
  const child = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, BENCH_CYCLE_PROFILE_DIR: dir },
  });
  summariseProfiles(dir, 'thread proses benchmark (worker + API) / bench process threads');
  process.exitCode = child.status ?? 1;
  return true;
}

// Exits once the services are stopped: after a failure, actors' retries and the SDK's native runtime kept a
// bench:cycle process busy for half an hour after it had printed its error.
if (!profiled())
  main()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(() => process.exit());
