import type { WorkerOptions } from '@temporalio/worker';
import { createWorker } from '../../activities/worker';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { PLAN, complete, drive, openTask, singleEmployeeUnits, until } from './cycle-driver';
import { runYear, startYear } from './year-driver';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * The same year evaluated every month and every semester (the frequency an agency chooses): one plan, one evaluation
 * per period, twelve pay rows whatever the frequency, the year's predicate from the last period. The semester year runs
 * on workers without a cache that are stopped mid-year — while the second semester runs, and inside its evaluation —
 * and replaced: each new worker resumes from the history.
 */
describe('appraisal year, monthly and by semester (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_year_freq');
  });
  afterAll(() => t?.teardown());

  /** The single employee of a unit, their rows of the cycle in order, and their pay. */
  const yearOf = async (cycleId: number) => {
    const rows = await t.db.prisma.appraisal.findMany({
      where: { cycleId },
      orderBy: { sequence: 'asc' },
      include: { period: true, plan: true },
    });
    const pay = await t.db.prisma.payAdjustment.findMany({ where: { cycleId }, orderBy: { month: 'asc' } });
    const annual = await t.db.prisma.annualResult.findMany({ where: { cycleId } });
    return { rows, pay, annual };
  };

  it('monthly: twelve evaluations of one plan, twelve pay rows, the year predicate from December', async () => {
    const [unitId] = await singleEmployeeUnits(t);
    const { cycle, periods, year } = await startYear(t, unitId, 'MONTH');
    expect(periods).toHaveLength(12);
    await runYear(t, cycle.id, periods, 1);
    const { rows, pay, annual } = await yearOf(cycle.id);
    expect(rows.map((r) => r.period.label)).toEqual(periods.map((p) => p.label));
    expect(rows.every((r) => r.stage === 'DONE' && r.plan?.status === 'APPROVED' && r.plan.revision === 0)).toBe(true);
    expect(rows.map((r) => r.final)).toEqual([...Array(11).fill(false), true]);
    // One plan for the year: planned and approved once.
    const planTasks = await t.db.prisma.task.count({ where: { cycleId: cycle.id, type: 'plan.submit' } });
    expect(planTasks).toBe(1);
    expect(await t.db.prisma.task.count({ where: { cycleId: cycle.id, type: 'evidence.submit' } })).toBe(12);
    // Each month paid once, by its own evaluation.
    expect(pay.map((p) => p.month.toISOString().slice(0, 7))).toEqual(monthsOf(year));
    expect(pay.map((p) => p.appraisalId)).toEqual(rows.map((r) => r.id));
    expect(annual).toHaveLength(1);
    expect(annual[0]).toMatchObject({ appraisalId: rows[11].id, predicate: rows[11].predicate });
  });

  it('by semester, with its workers stopped mid-year: two evaluations, twelve pay rows, nothing twice', async () => {
    await t.stopWorker();
    const started: { stop: () => Promise<void> }[] = [];
    // Cache-less workers: every workflow task replays the history, as on a freshly started worker (with a cache, the
    // test server would keep routing to the stopped worker's sticky queue until a timeout on its locked clock).
    const startWorker = async (options: Partial<WorkerOptions> = {}) => {
      const worker = await createWorker({
        connection: t.env.nativeConnection,
        namespace: t.env.namespace ?? 'default',
        prisma: t.db.prisma,
        workflowBundle: t.bundle,
        options: { maxCachedWorkflows: 0, shutdownGraceTime: '200 ms', ...options },
      });
      const running = worker.run();
      const handle = {
        stop: async () => {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
        },
      };
      started.push(handle);
      return handle;
    };
    let worker = await startWorker();
    try {
      const [, unitId] = await singleEmployeeUnits(t);
      const { cycle, periods, year } = await startYear(t, unitId, 'SEMESTER');
      expect(periods.map((p) => p.label)).toEqual([`Semester I ${year}`, `Semester II ${year}`]);
      // A cache-less worker fails the first workflow task of a workflow that runs a local activity (see
      // worker-restart.test.ts); the server retries it after 10 s: the plan is sent once it is accepted.
      const first = await until(() => t.db.prisma.appraisal.findFirst({ where: { cycleId: cycle.id } }), 'row');
      await until(
        async () =>
          (await complete(t, await openTask(t, 'plan.submit', { appraisalId: first.id }), PLAN)).status === 200,
        'plan.submit accepted',
        60_000,
      );

      let stops = 0;
      await runYear(t, cycle.id, periods, 1, {
        // While the second semester runs (its workflow run waits for the period's end): a new worker.
        duringPeriod: async (k) => {
          if (k !== 1) return;
          await worker.stop();
          worker = await startWorker();
          stops++;
        },
        // Inside the second semester's evaluation, once the evidence is in: another new worker.
        afterOpening: async (k) => {
          if (k !== 1) return;
          const row = await t.db.prisma.appraisal.findFirstOrThrow({
            where: { cycleId: cycle.id, periodId: periods[1].id },
          });
          const evidence = await openTask(t, 'evidence.submit', { appraisalId: row.id });
          await drive(
            t,
            cycle.id,
            async () => (await t.db.prisma.task.findUniqueOrThrow({ where: { id: evidence.id } })).status === 'DONE',
          );
          await worker.stop();
          worker = await startWorker();
          stops++;
        },
      });
      expect(stops).toBe(2);

      const { rows, pay, annual } = await yearOf(cycle.id);
      expect(rows.map((r) => [r.sequence, r.final, r.stage])).toEqual([
        [1, false, 'DONE'],
        [2, true, 'DONE'],
      ]);
      // Nothing lost or done twice: one task of each step per semester, six months paid by each evaluation.
      for (const type of ['evidence.submit', 'review.submit', 'result.respond'])
        expect(await t.db.prisma.task.count({ where: { cycleId: cycle.id, type } })).toBe(2);
      expect(pay.map((p) => p.month.toISOString().slice(0, 7))).toEqual(monthsOf(year));
      expect(pay.slice(0, 6).every((p) => p.appraisalId === rows[0].id)).toBe(true);
      expect(pay.slice(6).every((p) => p.appraisalId === rows[1].id)).toBe(true);
      for (const p of pay)
        expect(await t.db.prisma.auditEvent.count({ where: { action: 'pay.compute', entityId: String(p.id) } })).toBe(
          1,
        );
      expect(annual).toHaveLength(1);
      expect(annual[0]).toMatchObject({ appraisalId: rows[1].id, predicate: rows[1].predicate });
      expect((await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe('CLOSED');
    } finally {
      // Every worker stopped (a failed step leaves one running), then the suite's own worker back for teardown.
      await Promise.all(started.map((w) => w.stop().catch(() => undefined)));
    }
  });
});
