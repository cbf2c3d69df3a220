/**
 * The SDK's deadlock detection is a timeout on every call into the workflow sandbox, and Node starts a watchdog thread
 * for each call given one (about 0.5 ms a call). `deadlockDetection: false` (WORKER_DEADLOCK_DETECTION=off) runs the
 * sandbox without it, through `patches/`. The worker here runs its sandbox on this thread (`workflowThreadPoolSize: 0`)
 * so the test can read the options of each real call into the sandbox while a workflow runs to its end on the real
 * test server: 5,000 ms on each call by default, none when off. With the patch reversed, the second case fails.
 */
import vm from 'node:vm';
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

  it('times every sandbox call by default, and none with it off', async () => {
    const byDefault = await sandboxTimeouts(undefined);
    expect(byDefault.filter((ms) => ms === 4_294_967_295).length).toBeGreaterThan(3);

    const off = await sandboxTimeouts(false);
    expect(off.length).toBeGreaterThan(3);
    expect(off.filter((ms) => ms !== undefined)).toEqual([]);
  });
});
