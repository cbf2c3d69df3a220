/**
 * One employee's year in one cycle: planning once, then per evaluation period (one workflow run each, continued as
 * new) the period in force → evidence → review → scoring → calibration → appeal → pay → sanctions; the final
 * period's predicate is the year's (stages.ts, one function each). Every human step is a task completed through an update with a validator
 * (handlers.ts); every deadline first reminds, then escalates — rater's superior, then HR (tasks.ts).
 */
import { CancellationScope, ContinueAsNew, allHandlersFinished, condition, isCancellation } from '@temporalio/workflow';
import type { AppraisalInput, AppraisalResult } from '../inputs';
import { registerHandlers } from './handlers';
import { AppraisalRun, AppraisalStopped } from './run';
import {
  annualResult,
  evidence,
  nextPeriod,
  pay,
  periodInForce,
  planning,
  rating,
  resultAndAppeal,
  sanctions,
  scoringAndCalibration,
} from './stages';

/** The appraisal of one employee in one cycle's year (this run: one evaluation period). */
export async function appraisalWorkflow(input: AppraisalInput): Promise<AppraisalResult> {
  const run = new AppraisalRun(input);
  registerHandlers(run);
  const result = (): AppraisalResult => ({
    appraisalId: run.appraisalId,
    stage: run.stage,
    predicate: run.predicate,
    allowance: run.allowance,
    appealed: run.appealed,
  });
  try {
    if (input.index === 0) await planning(run);
    await periodInForce(run);
    await evidence(run);
    await rating(run);
    await scoringAndCalibration(run);
    await resultAndAppeal(run);
    await pay(run);
    await sanctions(run);
    if (!run.final) return await nextPeriod(run);
    await annualResult(run);
    await run.setStage('DONE', true);
    await condition(allHandlersFinished);
    return result();
  } catch (err) {
    if (err instanceof ContinueAsNew) throw err;
    if (err instanceof AppraisalStopped || isCancellation(err)) {
      const reason = err instanceof AppraisalStopped ? err.reason : 'siklus dibatalkan / cycle cancelled';
      await CancellationScope.nonCancellable(() => run.close('CANCELLED', reason));
      await condition(allHandlersFinished);
      return result();
    }
    const message = err instanceof Error ? err.message : String(err);
    await CancellationScope.nonCancellable(() => run.close('FAILED', message));
    throw err;
  }
}
