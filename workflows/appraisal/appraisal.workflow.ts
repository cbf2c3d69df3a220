/**
 * One employee's appraisal in one cycle: planning → evidence → review → scoring → calibration → appeal → pay →
 * sanctions (stages.ts, one function each). Every human step is a task completed through an update with a validator
 * (handlers.ts); every deadline first reminds, then escalates — rater's superior, then HR (tasks.ts).
 */
import { CancellationScope, allHandlersFinished, condition, isCancellation } from '@temporalio/workflow';
import type { AppraisalInput, AppraisalResult } from '../inputs';
import { registerHandlers } from './handlers';
import { AppraisalRun, AppraisalStopped } from './run';
import { evidence, pay, planning, rating, resultAndAppeal, sanctions, scoringAndCalibration } from './stages';

/** The appraisal of one employee in one cycle. */
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
    await planning(run);
    await evidence(run);
    await rating(run);
    await scoringAndCalibration(run);
    await resultAndAppeal(run);
    await pay(run);
    await sanctions(run);
    await run.setStage('DONE', true);
    await condition(allHandlersFinished);
    return result();
  } catch (err) {
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
