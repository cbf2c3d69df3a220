/**
 * Several API processes on one port (`API_PROCESSES`, node:cluster): a Node process uses one core for JavaScript, so a
 * host with N cores answers about N times the requests with N processes. The primary only accepts connections and
 * hands them to the workers in turn (Linux: round robin); it also keeps the login rate limits of all workers in one
 * place (@express-rate-limit/cluster-memory-store), so the configured limits hold for the host as a whole. A worker
 * that dies is replaced after a second; SIGTERM / SIGINT stop the workers, then the primary.
 */
import cluster from 'node:cluster';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';

/** Set in the environment of the workers this primary forks: they share its rate-limit store. */
export const CLUSTER_WORKER_ENV = 'CAPAIAN_API_CLUSTER_WORKER';

/** True in a worker forked by runApiCluster (its rate limits are kept by the primary). */
export function inApiCluster(): boolean {
  return cluster.isWorker && process.env[CLUSTER_WORKER_ENV] === '1';
}

/** API_PROCESSES as a whole number 1–64 (default 1: no cluster); throws naming the variable otherwise. */
export function apiProcesses(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.API_PROCESSES ?? '1';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`API_PROCESSES harus bilangan bulat 1–64 / must be a whole number 1–64 (got "${raw}")`);
  return n;
}

/** Runs the primary: forks `n` workers (this same script) and keeps them running until told to stop. */
export function runApiCluster(n: number): void {
  new ClusterMemoryStorePrimary().init();
  let stopping = false;
  const started = Date.now();
  const fork = () => cluster.fork({ [CLUSTER_WORKER_ENV]: '1' });
  for (let i = 0; i < n; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that cannot start at all (bad configuration, port in use) would only be restarted in a loop.
    if (code === 1 && !worker.isConnected() && Date.now() - started < 10_000) {
      console.error(`Proses API ${worker.process.pid} gagal dijalankan / failed to start (code ${code})`);
      process.exit(1);
    }
    console.error(`Proses API ${worker.process.pid} berhenti (${signal ?? code}); diganti / replaced`);
    setTimeout(() => !stopping && fork(), 1000);
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (!workers.length) process.exit(0);
    for (const w of workers) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
