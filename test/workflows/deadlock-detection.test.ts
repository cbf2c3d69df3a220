/**
 * The SDK's deadlock detection is a timeout on every call into the workflow sandbox, and Node starts a watchdog thread
 * for each call given one (about 0.5 ms a call, several calls per activation). `patches/` runs each activation under
 * one watchdog instead: a single timed call of an empty context, inside which the activation's calls into the sandbox
 * run untimed. `deadlockDetection: false` (WORKER_DEADLOCK_DETECTION=off) runs the sandbox with no watchdog at all.
 * The test reads the options of each real call into a vm (`workflowThreadPoolSize: 0` in debug mode: the sandbox runs
 * on this thread) while a workflow runs to its end on the test server, and runs a workflow that never yields on a
 * worker timing out at 1 s: its workflow task fails with the timeout, as the SDK's own detection failed it.
 */
import vm from 'node:vm';
import { bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';
import { createWorker } from '../../activities/worker';
import { TASK_QUEUE } from '../../workflows/task-queue';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';

jest.setTimeout(120_000);

describe('deadlock detection of the workflow sandbox', () => {
  let t: WorkflowTestContext;
  const runInContext = vm.Script.prototype.runInContext;
  const timeouts: (number | undefined)[] = [];

  beforeAll(async () => {
    t = await setupWorkflowTest('deadlock_detection', { seed: false });
    await t.stopWorker(); // the workflows below run on the workers this test makes
    vm.Script.prototype.runInContext = function (this: vm.Script, context, options) {
      timeouts.push(options?.timeout);
      return runInContext.call(this, context, options);
    };
  });
  afterAll(async () => {
    vm.Script.prototype.runInContext = runInContext;
    await t?.teardown();
  });

  /** Runs a two-activity workflow to its end on a worker with the setting; the timeouts of its sandbox calls. */
  async function sandboxTimeouts(deadlockDetection: boolean | undefined): Promise<(number | undefined)[]> {
    const worker = await createWorker({
      connection: t.env.nativeConnection,
      prisma: t.db.prisma,
      workflowBundle: t.bundle,
      options: { debugMode: true },
      ...(deadlockDetection === undefined ? {} : { deadlockDetection }),
    });
    timeouts.length = 0;
    const result = await worker.runUntil(
      t.env.client.workflow.execute('noopStepsWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: `deadlock-${deadlockDetection}-${Date.now()}`,
        args: [{ humanSteps: 0, activities: 2, local: true }],
      }),
    );
    expect(result).toBe(0);
    return [...timeouts];
  }

  it('times each activation once by default (not each call into the sandbox), and nothing with it off', async () => {
    const byDefault = await sandboxTimeouts(undefined);
    const timed = byDefault.filter((ms) => ms === 4_294_967_295).length;
    expect(timed).toBeGreaterThan(3);
    // The calls an activation makes into the sandbox (activate, unblock conditions, conclude) run under its watchdog.
    expect(byDefault.filter((ms) => ms === undefined).length).toBeGreaterThan(2 * timed);
    expect(byDefault.filter((ms) => ms !== undefined && ms !== 4_294_967_295)).toEqual([]);

    const off = await sandboxTimeouts(false);
    expect(off.length).toBeGreaterThan(3);
    expect(off.filter((ms) => ms !== undefined)).toEqual([]);
  });

  it('fails the workflow task of a workflow that never yields, at the timeout', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('./fixtures/spin.workflow'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as any,
    });
    const taskQueue = `spin-${Date.now()}`;
    const worker = await createWorker({
      connection: t.env.nativeConnection,
      prisma: t.db.prisma,
      workflowBundle: { code },
      taskQueue,
      // Hidden from the SDK's option types (sdk-typescript#249).
      options: { isolateExecutionTimeout: '1 second' } as Partial<WorkerOptions>,
    });
    const handle = await t.env.client.workflow.start('spinWorkflow', { taskQueue, workflowId: taskQueue });
    const failure = await worker.runUntil(async () => {
      for (;;) {
        const events = (await handle.fetchHistory()).events ?? [];
        const failed = events.find((e) => e.workflowTaskFailedEventAttributes);
        if (failed) return failed.workflowTaskFailedEventAttributes!.failure?.message;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
    await handle.terminate('test done');
    expect(failure).toMatch(/Script execution timed out after 1000ms/);
  });
});
