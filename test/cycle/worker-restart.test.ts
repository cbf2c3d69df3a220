import { Context } from '@temporalio/activity';
import type { WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createWorker } from '../../activities/worker';
import { appraisalStateQuery } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  complete,
  completeOk,
  defaultAnswers,
  drive,
  openTask,
  singleEmployeeUnits,
  startSingle,
} from './cycle-driver';

/**
 * The worker dies mid-appraisal — once while the appraisal waits for a human, once inside the pay activity after its
 * write but before reporting it — and a new worker finishes the appraisal with exactly one pay adjustment.
 *
 * The workers here keep no workflow cache (`maxCachedWorkflows: 0`): every workflow task replays the history, as on
 * a freshly started worker. (With a cache, the test server keeps routing tasks to the dead worker's sticky queue
 * until a timeout on its own clock, which is locked between sleeps: the test would hang, not the product.)
 */
describe('worker killed mid-appraisal (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_worker');
    await t.stopWorker();
  });
  afterAll(() => t?.teardown());

  const startWorker = async (options: Partial<WorkerOptions> = {}) => {
    const worker = await createWorker({
      connection: t.env.nativeConnection,
      namespace: t.env.namespace ?? 'default',
      prisma: t.db.prisma,
      workflowBundle: t.bundle,
      options: { maxCachedWorkflows: 0, shutdownGraceTime: '200 ms', ...options },
    });
    const running = worker.run();
    return {
      stop: async () => {
        worker.shutdown();
        await running;
      },
    };
  };

  it('a new worker resumes the appraisal; the pay written by the dead worker is not written twice', async () => {
    let worker = await startWorker();
    const [unitId] = await singleEmployeeUnits(t);
    const { cycle, appraisal } = await startSingle(t, unitId);
    // A cache-less worker fails the first workflow task of a workflow that runs a local activity (sdk-core 1.24:
    // "There should not be any outgoing commands … This is an SDK bug"); the server retries it after its 10 s
    // timeout. The plan task is stored by then, but the workflow has not taken it up again: the API sends the answer
    // again until the workflow does (a 409 "no longer open" for an open task would be false), so one request is taken.
    const planTask = await openTask(t, 'plan.submit', { appraisalId: appraisal.id });
    const plan = await complete(t, planTask, PLAN);
    expect({ status: plan.status, body: plan.body.task?.status }).toEqual({ status: 200, body: 'DONE' });
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const evidence = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });

    // 1. The worker stops while the appraisal waits for evidence; a new worker picks it up from its history.
    await worker.stop();
    const handle = t.env.client.workflow.getHandle(appraisal.workflowId);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    worker = await startWorker();
    expect(await handle.query(appraisalStateQuery)).toMatchObject({ stage: 'EVIDENCE', planRevision: 0 });
    await completeOk(t, appraisal.id, 'evidence.submit', await defaultAnswers(t)['evidence.submit'](evidence));
    await worker.stop();

    // 2. A worker whose pay activity writes the adjustment, then dies before reporting it.
    const real = createActivities(t.db.prisma);
    let payCalls = 0;
    let paidOnce!: () => void;
    const paid = new Promise<void>((resolve) => (paidOnce = resolve));
    const doomed = await startWorker({
      activities: {
        ...real,
        computePay: async (input: Parameters<typeof real.computePay>[0]) => {
          payCalls++;
          const out = await real.computePay(input);
          paidOnce();
          await Context.current().cancelled; // never reports: the worker is killed first
          return out;
        },
      },
    });
    await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.payAdjustment.count({ where: { appraisalId: appraisal.id } })) > 0,
    );
    await paid;
    await doomed.stop();
    expect(payCalls).toBe(1);
    // One pay adjustment per month of the quarter, written once.
    expect(await t.db.prisma.payAdjustment.count({ where: { appraisalId: appraisal.id } })).toBe(3);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } })).stage).toBe('PAY');

    // 3. A new worker retries the pay activity (time skips past its timeout) and the appraisal completes.
    worker = await startWorker();
    await t.env.sleep('2 minutes');
    await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
    );
    const result = await handle.result();
    await worker.stop();
    expect(result).toMatchObject({ stage: 'DONE', predicate: 'BAIK' });
    const pay = await t.db.prisma.payAdjustment.findMany({ where: { employeeId: appraisal.employeeId } });
    expect(pay).toHaveLength(3);
    expect(result.allowance).toBe(pay.reduce((n, p) => n + p.amount, 0));
    for (const p of pay)
      expect(await t.db.prisma.auditEvent.count({ where: { action: 'pay.compute', entityId: String(p.id) } })).toBe(1);

    // The history shows one pay activity, started more than once.
    const events = (await handle.fetchHistory()).events ?? [];
    const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'computePay');
    expect(scheduled).toHaveLength(1);
    const started = events.find(
      (e) =>
        e.activityTaskStartedEventAttributes &&
        String(e.activityTaskStartedEventAttributes.scheduledEventId) === String(scheduled[0].eventId),
    );
    expect(started?.activityTaskStartedEventAttributes?.attempt).toBeGreaterThanOrEqual(2);
  });
});
