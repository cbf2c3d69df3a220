/**
 * Drives an appraisal year on the time-skipping server: planning once, then for each evaluation period the clock is
 * moved to the period's end (its evaluation opens) and every task is answered until the next period runs (or the
 * cycle closes after the final one).
 */
import { ensurePeriods } from '../../prisma/seed/seed-database';
import { opensAfter } from '../../prisma/evaluation-periods';
import type { WorkflowTestContext } from '../helpers/temporal-env';
import { advanceTo, createAndStartCycle, drive, until, type Answer } from './cycle-driver';

export type Frequency = 'MONTH' | 'QUARTER' | 'SEMESTER';

/**
 * Creates and starts a cycle over the year after the test server's clock (so every period is waited for) evaluated
 * every `frequency`; returns it with that year and its evaluation periods in order.
 */
export async function startYear(t: WorkflowTestContext, unitId: number, frequency: Frequency) {
  const YEAR = new Date(await t.env.currentTimeMs()).getUTCFullYear() + 1;
  await ensurePeriods(t.db.prisma, YEAR);
  const year = await t.db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year: YEAR } });
  const periods = await t.db.prisma.period.findMany({
    where: { type: frequency, year: YEAR },
    orderBy: { number: 'asc' },
  });
  const { cycle } = await createAndStartCycle(t, {
    unitId,
    periodId: year.id,
    evaluationFrequency: frequency,
    name: `Penilaian ${YEAR}`,
  });
  return { cycle, periods, year: YEAR };
}

/** Rows of one period of the cycle, all in one of `stages` (and as many as `expected`). */
export function periodRowsIn(
  t: WorkflowTestContext,
  cycleId: number,
  periodId: number,
  stages: string[],
  expected: number,
) {
  return async () => {
    const rows = await t.db.prisma.appraisal.findMany({ where: { cycleId, periodId }, select: { stage: true } });
    return rows.length === expected && rows.every((r) => stages.includes(r.stage));
  };
}

/** The current run of every employee's year workflow of the cycle that is still running. */
export async function currentRuns(t: WorkflowTestContext, cycleId: number): Promise<Map<string, string>> {
  const rows = await t.db.prisma.appraisal.findMany({ where: { cycleId }, distinct: ['workflowId'] });
  const runs = new Map<string, string>();
  for (const r of rows) {
    const d = await t.env.client.workflow.getHandle(r.workflowId).describe();
    if (d.status.name === 'RUNNING') runs.set(r.workflowId, d.runId);
  }
  return runs;
}

/**
 * Every employee's year runs in the next period: its row waits in PERIOD, and each workflow still running has a new
 * run (the previous period's run opens the row, then continues as new: until then an update still reaches the old
 * run, which refuses it) that has completed its first workflow task.
 */
export function nextPeriodRunning(
  t: WorkflowTestContext,
  cycleId: number,
  periodId: number,
  expected: number,
  before: Map<string, string>,
) {
  const rowsReady = periodRowsIn(t, cycleId, periodId, ['PERIOD'], expected);
  return async () => {
    if (!(await rowsReady())) return false;
    for (const [workflowId, runId] of before) {
      const d = await t.env.client.workflow.getHandle(workflowId).describe();
      if (d.status.name !== 'RUNNING') continue;
      if (d.runId === runId || d.historyLength < 4) return false;
    }
    return true;
  };
}

/**
 * Runs the year from its first plan to the cycle's close (or through its first `periods` periods). `answers(k)`
 * overrides task answers in period k; `duringPeriod(k)` runs while period k is in force, before its evaluation opens (a
 * plan revision, a worker restart); `employeesIn(k)` is how many employees period k has (default: all of them).
 */
export async function runYear(
  t: WorkflowTestContext,
  cycleId: number,
  periods: { id: number; endDate: Date }[],
  employees: number,
  options: {
    answers?: (k: number) => Partial<Record<string, Answer | null>>;
    duringPeriod?: (k: number) => Promise<void>;
    afterOpening?: (k: number) => Promise<void>;
    employeesIn?: (k: number) => number;
    periods?: number;
  } = {},
) {
  const employeesIn = options.employeesIn ?? (() => employees);
  const closed = async () =>
    (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status === 'CLOSED';
  // Planning once: every plan approved, every employee in the first period.
  await drive(t, cycleId, periodRowsIn(t, cycleId, periods[0].id, ['PERIOD'], employees), options.answers?.(0) ?? {});
  for (const [k, period] of periods.slice(0, options.periods ?? periods.length).entries()) {
    await options.duringPeriod?.(k);
    await advanceTo(t, Date.parse(opensAfter(period.endDate, 7)) + 1000);
    await until(
      () =>
        t.db.prisma.task.findFirst({ where: { cycleId, type: 'evidence.submit', appraisal: { periodId: period.id } } }),
      `evidence of period ${k + 1}`,
    );
    await options.afterOpening?.(k);
    const last = k === periods.length - 1;
    const runs = await currentRuns(t, cycleId);
    await drive(
      t,
      cycleId,
      last ? closed : nextPeriodRunning(t, cycleId, periods[k + 1].id, employeesIn(k + 1), runs),
      options.answers?.(k) ?? {},
      120_000,
    );
  }
}

/** The histories of every run of a workflow (continue-as-new chain), first run first. */
export async function runHistories(t: WorkflowTestContext, workflowId: string) {
  const histories = [];
  let runId: string | undefined;
  for (;;) {
    const history = await t.env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    histories.unshift(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!runId) return histories;
  }
}
