/**
 * `npm run bench:surge -- [--employees 10000] [--rate 20] [--minutes 5] [--cache 1000] [--frequency MONTH]`: the
 * month-end surge. A cycle of N generated employees is started; once its first tasks are open, task completions arrive
 * over HTTP (`POST /api/tasks/:id/complete`, the API's own express app with each assignee's session token) at a fixed
 * rate — open loop: a completion starts on its tick whether or not the one before has answered, so a slow answer
 * cannot hide the ones queued behind it — for the given minutes, while the rest of the cycle is in flight (workflows
 * starting, tasks opening, the next steps' tasks following each completion). One worker with a workflow cache that
 * does not grow with N. Prints the rate reached, latency p50/p95/p99/max, refusals and errors, the worker's heap and
 * RSS, and the CPU used. A script that prints figures, not a timed test.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Task } from '../prisma/client';
import { createApp } from '../server/app';
import { signToken } from '../server/auth/token';
import { startCycle } from '../server/cycles/cycles.service';
import { answer } from './bench-actors';
import {
  databaseFootprint,
  frequencyArg,
  numberArg as arg,
  percentile,
  startBenchServices,
  type BenchServices,
} from './bench-services';

const EMPLOYEES = arg('employees', 10_000);
const RATE = arg('rate', 20);
const MINUTES = arg('minutes', 5);
const CACHE = arg('cache', 1000);
const FREQUENCY = frequencyArg();
/** Open tasks waited for before the surge starts: a backlog of a minute at the rate. */
const BACKLOG = Math.min(EMPLOYEES, RATE * 60);

const say = (m: string) => console.log(`[bench:surge ${new Date().toISOString().slice(11, 19)}] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const services = await startBenchServices({ employees: EMPLOYEES, cache: CACHE, say });
  try {
    await surge(services);
  } finally {
    await services.stop();
  }
}

async function surge({ prisma, deps, hr, createCycle, errorLog }: BenchServices) {
  const app = createApp(deps);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const users = await prisma.user.findMany({ select: { id: true, tokenVersion: true, employeeId: true } });
    const token = (id: number, v: number) => signToken(id, v, deps.config.JWT_SECRET, '12h');
    const tokens = new Map(users.filter((u) => u.employeeId).map((u) => [u.employeeId!, token(u.id, u.tokenVersion)]));
    const hrUser = users.find((u) => u.id === hr.id)!;
    const hrToken = token(hrUser.id, hrUser.tokenVersion);

    const cycle = await createCycle(`Lonjakan akhir bulan ${EMPLOYEES} pegawai`, FREQUENCY);
    let t0 = performance.now();
    await startCycle(deps, hr, cycle.id, {});
    say(`siklus ${cycle.periodLabel} dimulai; menunggu ${BACKLOG} tugas terbuka …`);
    const openTasks = () => prisma.task.count({ where: { cycleId: cycle.id, status: 'OPEN' } });
    while ((await openTasks()) < BACKLOG) await sleep(1000);
    say(`${BACKLOG} tugas terbuka setelah ${((performance.now() - t0) / 1000).toFixed(0)} s: lonjakan dimulai`);

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
      const auth = task.assigneeRole ? hrToken : tokens.get(task.assigneeId!);
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

    // Memory and CPU of this process (API and worker), sampled each second.
    let heapMax = 0;
    let rssMax = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      heapMax = Math.max(heapMax, m.heapUsed);
      rssMax = Math.max(rssMax, m.rss);
    }, 1000);
    const cpu0 = process.cpuUsage();
    const pending: Promise<void>[] = [];
    const ticks = RATE * MINUTES * 60;
    t0 = performance.now();
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
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpu0);
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
    console.log(`  memori proses / process memory  heap maks ${mib(heapMax)}, RSS maks ${mib(rssMax)}`);
    console.log(
      `  CPU proses (API + worker)       ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s dalam ${seconds.toFixed(0)} s (${(((cpu.user + cpu.system) / 1e6 / seconds) * 100).toFixed(0)}% satu inti)`,
    );
    const stages = await prisma.appraisal.groupBy({
      by: ['stage'],
      where: { cycleId: cycle.id },
      _count: { _all: true },
    });
    console.log(`  tahap saat ini / stages now     ${stages.map((g) => `${g.stage} ${g._count._all}`).join(', ')}`);
    console.log(`  ${await databaseFootprint(prisma)}`);
    if (percentile(latencies, 95) > 500 || percentile(latencies, 99) > 1000) process.exitCode = 1;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
