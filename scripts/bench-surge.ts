/**
 * `npm run bench:surge -- [--employees 10000] [--rate 20] [--minutes 5] [--cache 1000] [--frequency MONTH]
 * [--workers 2] [--api-processes 2] [--backlog N] [--profile]`: the month-end surge. A cycle of N generated employees is started; once its first tasks are open (all N, or `--backlog`), task completions arrive
 * over HTTP (`POST /api/tasks/:id/complete`, the API's own express app with each assignee's session token) at a fixed
 * rate — open loop: a completion starts on its tick whether or not the one before has answered, so a slow answer
 * cannot hide the ones queued behind it — for the given minutes, while the rest of the cycle is in flight (the next
 * steps' tasks opening after each completion; with `--backlog`, workflows still starting too). The system runs as a deployment would:
 * `--workers` worker processes (activities/worker.main.ts, each with a workflow cache of `--cache`, which does not grow
 * with N) and the API as `server/main.ts` with `--api-processes` processes on one port; `--workers 0` runs one worker
 * and the API inside the bench's own process instead. Prints the rate reached, latency p50/p95/p99/max, refusals with
 * their codes and errors, memory and the CPU used; with `--profile`, where the workers' and the APIs' CPU time went
 * during the surge (V8 CPU profiles of each process and thread, summarised by package, file and function: the processes
 * are restarted under the profiler once the backlog is open; the profiler itself slows them several times over). A script that prints figures,
 * not a timed test.
 */
import type { Server } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Task } from '../prisma/client';
import { createApp } from '../server/app';
import { signToken } from '../server/auth/token';
import { startCycle } from '../server/cycles/cycles.service';
import { writeWorkflowBundle } from '../activities/worker';
import { answer } from './bench-actors';
import { Supervised } from './chaos-support';
import { freePort } from '../tools/free-port';
import { summariseProfiles } from './bench-api-profile';
import { cpuSplit, sampleGroups, sampleProcesses } from './process-usage';
import {
  databaseFootprint,
  frequencyArg,
  numberArg as arg,
  percentile,
  sampleSessions,
  startBenchServices,
  type BenchServices,
} from './bench-services';

const EMPLOYEES = arg('employees', 10_000);
const RATE = arg('rate', 20);
const MINUTES = arg('minutes', 5);
const CACHE = arg('cache', 1000);
const FREQUENCY = frequencyArg();
const WORKERS = arg('workers', 2);
const API_PROCESSES = arg('api-processes', 2);
/** Folder of the V8 CPU profiles of the worker and API processes (`--profile`). */
const PROFILE = process.argv.includes('--profile')
  ? join(process.cwd(), '.data', `surge-profile-${process.pid}`)
  : null;
/**
 * Open tasks waited for before the surge starts. By default every appraisal's first task: a month-end comes weeks
 * after the cycle started, with every appraisal waiting on a person (and most of them out of the workers' caches).
 * `--backlog N` starts the surge once N are open, while the rest still start beside it (harsher: the runs of
 * 2026-12-02 and before waited for a minute's backlog, RATE × 60).
 */
const BACKLOG = Math.min(EMPLOYEES, arg('backlog', EMPLOYEES));

const say = (m: string) => console.log(`[bench:surge ${new Date().toISOString().slice(11, 19)}] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const services = await startBenchServices({
    employees: EMPLOYEES,
    cache: CACHE,
    say,
    inProcessWorker: WORKERS === 0,
  });
  let system: System | null = null;
  try {
    system = await startSystem(services, false);
    const cycle = await openCycle(services);
    if (PROFILE) {
      // Profiled from here: the surge's work, not the cycle's start. Restarted workers hold none of the appraisals in
      // their caches, as at a month-end whose appraisals were last touched weeks before.
      await system.stop();
      system = await startSystem(services, true);
    }
    await surge(services, system, cycle);
  } finally {
    // An error while stopping (a call retried on the closed connection) must not hide the run's own.
    await system?.stop();
    await services
      .stop()
      .catch((err: Error) => say(`layanan tidak berhenti bersih / services did not stop cleanly: ${err.message}`));
  }
  // Written by each process and thread as it exits.
  if (PROFILE) {
    summariseProfiles(join(PROFILE, 'workers'), 'proses dan thread worker / worker processes and threads');
    summariseProfiles(join(PROFILE, 'api'), 'proses API / API processes');
  }
}

/** Node's options for a process whose CPU profile goes to `PROFILE/<part>` (none without `--profile`). */
const profiled = (part: string): string[] => (PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE, part)}`] : []);

/** The API (its address) and the workers: separate processes, or inside this process with `--workers 0`. */
interface System {
  base: string;
  /** Pids whose process trees are the system's (none: this process). */
  pids(): number[];
  where: string;
  stop(): Promise<void>;
}

async function startSystem({ deps, env }: BenchServices, profile: boolean): Promise<System> {
  const nodeArgs = (part: string) => (profile ? profiled(part) : []);
  if (WORKERS === 0) {
    const server = await new Promise<Server>((resolve) => {
      const s = createApp(deps).listen(0, '127.0.0.1', () => resolve(s));
    });
    return {
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      pids: () => [process.pid],
      where: 'API + 1 worker dalam proses bench / in the bench process',
      stop: () => new Promise((r) => server.close(() => r())),
    };
  }
  const port = await freePort();
  // Bundled once: each worker process (and one restarted) starts from the file.
  const bundle = await writeWorkflowBundle(join(process.cwd(), '.data', `surge-bundle-${process.pid}.js`));
  const api = new Supervised(
    'api',
    'server/main.ts',
    { ...env, PORT: String(port), API_PROCESSES: String(API_PROCESSES) },
    nodeArgs('api'),
  );
  const workers = Array.from(
    { length: WORKERS },
    (_, i) =>
      new Supervised(
        `worker-${i + 1}`,
        'activities/worker.main.ts',
        { ...env, WORKER_MAX_CACHED_WORKFLOWS: String(CACHE), WORKFLOW_BUNDLE_PATH: bundle },
        nodeArgs('workers'),
      ),
  );
  for (const p of [api, ...workers]) p.start();
  await Supervised.ready(port);
  return {
    base: `http://127.0.0.1:${port}`,
    pids: () => [api, ...workers].map((p) => p.pid).filter((p): p is number => p !== null),
    where: `${API_PROCESSES} proses API / API processes, ${WORKERS} proses worker / worker processes`,
    stop: async () => {
      await Promise.all([api, ...workers].map((p) => p.stop()));
      rmSync(bundle, { force: true });
    },
  };
}

/** Starts the cycle and waits for its backlog of open tasks (all of its first tasks, or `--backlog`). */
async function openCycle({ prisma, deps, hr, createCycle }: BenchServices) {
  const cycle = await createCycle(`Lonjakan akhir bulan ${EMPLOYEES} pegawai`, FREQUENCY);
  const t0 = performance.now();
  await startCycle(deps, hr, cycle.id, {});
  say(`siklus ${cycle.periodLabel} dimulai; menunggu ${BACKLOG} tugas terbuka …`);
  const openTasks = () => prisma.task.count({ where: { cycleId: cycle.id, status: 'OPEN' } });
  let reported = 0;
  for (let open = await openTasks(); open < BACKLOG; open = await openTasks()) {
    if (open - reported >= 1000) say(`${(reported = open)} tugas terbuka / tasks open`);
    await sleep(1000);
  }
  say(`${BACKLOG} tugas terbuka setelah ${((performance.now() - t0) / 1000).toFixed(0)} s: lonjakan dimulai`);
  return cycle;
}

async function surge(
  { prisma, deps, hrFor, errorLog, servicePids }: BenchServices,
  system: System,
  cycle: Awaited<ReturnType<typeof openCycle>>,
) {
  const base = system.base;
  const users = await prisma.user.findMany({ select: { id: true, tokenVersion: true, employeeId: true } });
  const token = (id: number, v: number) => signToken(id, v, deps.config.JWT_SECRET, '12h');
  const tokens = new Map(users.filter((u) => u.employeeId).map((u) => [u.employeeId!, token(u.id, u.tokenVersion)]));

  // The queue of open tasks to complete, refilled from the database; a task is taken once.
  const taken = new Set<number>();
  let queue: Task[] = [];
  let refilling: Promise<void> | null = null;
  const refill = () =>
    (refilling ??= prisma.task
      .findMany({
        where: { cycleId: cycle.id, status: 'OPEN', appraisalId: { not: null }, id: { notIn: [...taken] } },
        orderBy: { id: 'asc' },
        take: RATE * 10,
      })
      .then((rows) => {
        queue = rows.filter((t) => !taken.has(t.id));
      })
      // An overloaded database times the read out: the next tick tries again (it used to end the bench).
      .catch((err: Error) => say(`daftar tugas tidak terbaca / task list unreadable: ${err.message}`))
      .finally(() => (refilling = null)));
  await refill();

  const latencies: number[] = [];
  const byType: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  /** The first answers of each refused status, with their error code and message. */
  const refusalSamples: Record<string, string[]> = {};
  let errors = 0;
  let skipped = 0;
  const complete = async (task: Task) => {
    const payload = await answer(prisma, task);
    const auth = task.assigneeRole ? tokens.get((await hrFor(task)).employeeId!) : tokens.get(task.assigneeId!);
    const s = performance.now();
    try {
      const res = await fetch(`${base}/api/tasks/${task.id}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
        body: JSON.stringify({ payload }),
      });
      const body = await res.text();
      if (res.ok) {
        latencies.push(performance.now() - s);
        byType[task.type] = (byType[task.type] ?? 0) + 1;
      } else {
        refusals[res.status] = (refusals[res.status] ?? 0) + 1;
        const samples = (refusalSamples[res.status] ??= []);
        if (samples.length < 3) samples.push(`${task.type}: ${body.slice(0, 300)}`);
      }
    } catch {
      errors++;
    }
  };

  // Memory and CPU of the API and worker processes, sampled each second.
  const serverPids = () => [...servicePids().temporal, ...servicePids().postgres];
  const usage = sampleProcesses(() => system.pids(), serverPids);
  // …and of the servers beside them: where the rest of the machine's two cores go.
  const servers = sampleGroups({ Temporal: () => servicePids().temporal, PostgreSQL: () => servicePids().postgres });
  const sessions = sampleSessions(prisma);
  const pending: Promise<void>[] = [];
  const ticks = RATE * MINUTES * 60;
  const t0 = performance.now();
  for (let i = 0; i < ticks; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (queue.length < RATE * 3) void refill();
    const task = queue.shift();
    if (!task) {
      skipped++;
      continue;
    }
    taken.add(task.id);
    pending.push(complete(task));
    if (i % (RATE * 30) === 0 && i)
      say(
        `${(i / RATE).toFixed(0)} s: ${latencies.length} selesai, p95 ${percentile(
          [...latencies].sort((a, b) => a - b),
          95,
        ).toFixed(0)} ms`,
      );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - t0) / 1000;
  const used = usage.stop();
  const serverCpu = servers.stop();
  const sessionUse = sessions.stop();
  latencies.sort((a, b) => a - b);
  const mib = (b: number) => `${Math.round(b / 1048576)} MiB`;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log('');
  console.log(
    `Lonjakan akhir bulan / month-end surge: ${EMPLOYEES} pegawai dalam siklus (${cycle.periodLabel}), ${RATE} penyelesaian/detik selama ${MINUTES} menit, cache ${CACHE} alur kerja`,
  );
  console.log(
    `  diselesaikan / completed        ${latencies.length} dalam ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(1)}/s)`,
  );
  console.log(
    `  per jenis / by type             ${Object.entries(byType)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  latensi / latency               p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, maks ${ms(latencies.at(-1) ?? NaN)} (sasaran / goal p95 ≤ 500 ms, p99 ≤ 1000 ms)`,
  );
  console.log(
    `  ditolak / refused               ${
      Object.entries(refusals)
        .map(([k, v]) => `${k} ×${v}`)
        .join(', ') || '0'
    }; galat / errors ${errors}; detak tanpa tugas terbuka / ticks without an open task ${skipped}`,
  );
  for (const [status, samples] of Object.entries(refusalSamples))
    for (const s of samples) console.log(`    ${status} ${s}`);
  if (refusals[500]) console.log(`    sebab 500 / causes of the 500s: ${errorLog}`);
  console.log(`  sistem / system                 ${system.where}`);
  console.log(
    `  memori / memory                 RSS maks semua proses / all processes ${mib(used.rssTotalMax)}, satu proses / one process ${mib(used.rssOneMax)}`,
  );
  console.log(
    `  CPU (API + worker)              ${used.cpuSeconds.toFixed(0)} s dalam ${seconds.toFixed(0)} s (${((used.cpuSeconds / seconds) * 100).toFixed(0)}% satu inti / of one core; ${((used.cpuSeconds * 1000) / Math.max(1, latencies.length)).toFixed(0)} ms per penyelesaian / per completion)`,
  );
  const allCpu = used.cpuSeconds + serverCpu.Temporal + serverCpu.PostgreSQL;
  console.log(
    `  CPU server                      ${cpuSplit(serverCpu, latencies.length, 'penyelesaian / completion')}; semua proses / all processes ${((allCpu / seconds) * 100).toFixed(0)}% satu inti / of one core`,
  );
  console.log(`  sesi PostgreSQL / sessions      rata-rata per detik / mean per second: ${sessionUse}`);
  const stages = await prisma.appraisal.groupBy({
    by: ['stage'],
    where: { cycleId: cycle.id },
    _count: { _all: true },
  });
  console.log(`  tahap saat ini / stages now     ${stages.map((g) => `${g.stage} ${g._count._all}`).join(', ')}`);
  console.log(`  ${await databaseFootprint(prisma)}`);
  if (percentile(latencies, 95) > 500 || percentile(latencies, 99) > 1000) process.exitCode = 1;
}

// Exits once the services are stopped: after a failure, actors' retries and the SDK's native runtime kept a
// benchmark process busy for half an hour after it had printed its error.
main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
