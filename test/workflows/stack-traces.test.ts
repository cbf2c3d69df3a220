/**
 * The workflows' stack trace query (Temporal UI's "Stack Trace" tab) is off on a worker by default: the SDK's hook
 * behind it formats a stack trace for every promise a workflow creates, about half of each workflow task
 * (`bench:replay`). `patches/` adds the switch to the SDK. This runs the worker as deployed (activities/worker.main.ts,
 * its own process: jest gives a test its own copy of the environment, which the SDK's workflow threads never see) on
 * the real test server, and proves the patch is applied and both settings hold.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkflowBundle } from '../../activities/worker';
import { TASK_QUEUE } from '../../workflows/task-queue';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

describe("the workflows' stack trace query", () => {
  let t: WorkflowTestContext;
  let bundlePath: string;
  let worker: ChildProcess | null = null;

  /** Starts `activities/worker.main.ts` as a deployment does, with WORKER_STACK_TRACES as given (unset: default). */
  const startWorkerProcess = (stackTraces?: 'on') => {
    worker = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'activities', 'worker.main.ts')], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        TEMPORAL_ADDRESS: t.env.address,
        WORKFLOW_BUNDLE_PATH: bundlePath,
        WORKER_METRICS_ADDRESS: 'off',
        WORKER_STACK_TRACES: stackTraces ?? '',
        TEMPORAL_WORKFLOW_STACK_TRACES: '',
      },
    });
  };
  const stopWorkerProcess = async () => {
    const w = worker;
    worker = null;
    if (!w || w.exitCode !== null) return;
    await new Promise((resolve) => {
      w.once('exit', resolve);
      w.kill('SIGTERM');
    });
  };

  beforeAll(async () => {
    t = await setupWorkflowTest('stack_traces', { seed: false });
    await t.stopWorker(); // the workflow runs on the worker processes below only
    bundlePath = await writeWorkflowBundle(join(ROOT, '.data', `stack-traces-bundle-${process.pid}.js`));
  });
  afterAll(async () => {
    await stopWorkerProcess();
    if (bundlePath) rmSync(bundlePath, { force: true });
    await t?.teardown();
  });

  it('is refused with a clear reason by a default worker, and answers on one with WORKER_STACK_TRACES=on', async () => {
    // One workflow per worker: the test server sends a query to the worker that last ran the workflow (its sticky
    // queue) and does not fall back once that worker has stopped.
    const start = (name: string) =>
      t.env.client.workflow.start('noopStepsWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: `stack-traces-${name}-${Date.now()}`,
        args: [{ humanSteps: 1, activities: 0, local: true }],
      });
    startWorkerProcess();
    const plain = await start('default');
    await expect(plain.query('__stack_trace')).rejects.toMatchObject({
      cause: { details: 'Workflow stack traces are not enabled on this worker' },
    });
    await plain.terminate('test done');
    await stopWorkerProcess();

    startWorkerProcess('on');
    const traced = await start('on');
    // Once the workflow waits for its one human step (its first local activity done), the trace is the line of the
    // workflow's own source where it waits.
    const waiting = /at noopStepsWorkflow \(.*workflows\/noop\.workflow\.ts:\d+:\d+\)/;
    let trace = '';
    for (let i = 0; i < 50 && !waiting.test(trace); i++) {
      trace = await traced.query<string>('__stack_trace');
      if (!waiting.test(trace)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(trace).toMatch(waiting);
    await traced.terminate('test done');
  });
});
