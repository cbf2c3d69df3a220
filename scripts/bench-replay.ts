/**
 * `npm run bench:replay -- [--rounds 50] [--stack-traces] [--no-deadlock-detection]`: the cost of a workflow cache miss. A worker whose cache no
 * longer holds an appraisal replays its history on the next step; this replays every committed history
 * (test/workflows/histories: the quarterly year's four runs, an appraisal with an appeal, a batch, a cycle) `rounds`
 * times in one replay worker, as a worker does, and prints the milliseconds per replay and per history event. As the
 * worker runs by default, without the stack trace query's promise hook; `--stack-traces` with it
 * (WORKER_STACK_TRACES=on); `--no-deadlock-detection` without the SDK's per-call timeout (WORKER_DEADLOCK_DETECTION=off).
 * A script that prints figures, not a timed test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { temporal } from '@temporalio/proto';
import { Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../activities/worker';
import { numberArg, percentile } from './bench-services';

const ROUNDS = numberArg('rounds', 50);
const STACK_TRACES = process.argv.includes('--stack-traces');
const DEADLOCK_DETECTION = !process.argv.includes('--no-deadlock-detection');
// Read by the SDK (patches/) when the replay worker installs its hooks.
process.env.TEMPORAL_WORKFLOW_STACK_TRACES = STACK_TRACES ? 'on' : 'off';
const DIR = join(__dirname, '..', 'test', 'workflows', 'histories');

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const workflowBundle = await bundleWorkflows();
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  console.log(
    `Replay (cache miss), ${ROUNDS} kali per riwayat / replays per history; jejak tumpukan / stack traces ${STACK_TRACES ? 'on' : 'off'}; deteksi deadlock / deadlock detection ${DEADLOCK_DETECTION ? 'on' : 'off'}`,
  );
  console.log('riwayat / history               kejadian / events   ms/replay p50   p95   ms per kejadian / per event');
  for (const file of files) {
    const saved = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const history = temporal.api.history.v1.History.fromObject(saved.history);
    const events = history.events?.length ?? 0;
    const times: number[] = [];
    // One replay worker for all rounds, as a worker replays one history after another.
    const histories = (async function* () {
      for (let i = 0; i < ROUNDS; i++) yield { workflowId: saved.workflowId as string, history };
    })();
    let last = performance.now();
    for await (const r of Worker.runReplayHistories(
      // As activities/worker.ts sets it: 0 is read by the patched sandbox (patches/).
      { workflowBundle, ...(DEADLOCK_DETECTION ? {} : ({ isolateExecutionTimeout: 0 } as object)) },
      histories,
    )) {
      if (r.error) throw r.error;
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.shift(); // the first includes the replay worker's start
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    console.log(
      `${file.replace(/\.json$/, '').padEnd(32)}${String(events).padStart(8)}${p50.toFixed(1).padStart(19)}${percentile(times, 95).toFixed(1).padStart(6)}${(p50 / events).toFixed(2).padStart(12)}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
