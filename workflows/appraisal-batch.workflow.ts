/**
 * A batch of a cycle's appraisals (at most the cycle's batch size): starts the employees' year workflows, hears their
 * stage signals, and tells the cycle when all of them are scored in each evaluation period and when all have ended. With 10,000 appraisals signalling one cycle
 * workflow directly, its workflow tasks never rested and its continue-as-new kept failing on newly arrived signals
 * while it replayed a long history; a batch hears a few hundred signals and the cycle about two per batch.
 */
import {
  ParentClosePolicy,
  condition,
  getExternalWorkflowHandle,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import type { EvaluationPeriod } from './inputs';
import { appraisalWorkflow } from './appraisal/appraisal.workflow';
import {
  appraisalStageSignal,
  batchStagesSignal,
  countsOfChange,
  type BatchStages,
  type CycleSettings,
  type RuleVersions,
} from './messages';

/** Ids, not rows: the cycle's history holds one small start event per batch, however large the cycle. */
export interface AppraisalBatchInput {
  cycleWorkflowId: string;
  cycleId: number;
  periods: EvaluationPeriod[];
  versions: RuleVersions;
  settings: CycleSettings;
  /** The first-period appraisals to start (their rows are read here). */
  appraisalIds: number[];
}

const localActs = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** Runs one batch of a cycle's appraisals until all have ended; returns what it told the cycle in total. */
export async function appraisalBatchWorkflow(input: AppraisalBatchInput): Promise<BatchStages> {
  const batchId = workflowInfo().workflowId;
  const periods = input.periods.length;
  const zeros = () => new Array<number>(periods).fill(0);
  const total: BatchStages = { batchId, scored: zeros(), finished: 0, failed: 0, cancelled: 0 };
  const told: BatchStages = { ...total, scored: zeros() };

  setHandler(appraisalStageSignal, (change) => {
    const d = countsOfChange(change, periods);
    d.scored.forEach((n, k) => (total.scored[k] += n));
    total.finished += d.finished;
    total.failed += d.failed;
    total.cancelled += d.cancelled;
  });

  /** Sends the cycle what changed since the last report. */
  const tell = async () => {
    const delta: BatchStages = {
      batchId,
      scored: total.scored.map((n, k) => n - told.scored[k]),
      finished: total.finished - told.finished,
      failed: total.failed - told.failed,
      cancelled: total.cancelled - told.cancelled,
    };
    Object.assign(told, total, { scored: [...total.scored] });
    try {
      await getExternalWorkflowHandle(input.cycleWorkflowId).signal(batchStagesSignal, delta);
    } catch {
      // The cycle may be closed (cancelled): the appraisals still end, and the database has their stages.
    }
  };

  const { cycleId, versions, settings } = input;
  const appraisals = await localActs.loadAppraisals({ cycleId, ids: input.appraisalIds });
  const n = appraisals.length;
  const children = await Promise.all(
    appraisals.map(async ({ workflowId, ...a }) => {
      try {
        return await startChild(appraisalWorkflow, {
          workflowId,
          // A batch outlives its appraisals (it waits for them); should it be closed early, they are cancelled.
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
          args: [
            {
              ...a,
              cycleId,
              periods: input.periods,
              index: 0,
              planRevision: 0,
              versions,
              settings,
              cycleWorkflowId: batchId,
            },
          ],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        return null; // started by an earlier attempt of this batch: its end is still signalled here
      }
    }),
  );
  const ended = () => total.finished + total.failed + total.cancelled;
  for (let k = 0; k < periods; k++) {
    await condition(() => total.scored[k] >= n);
    await tell();
  }
  await condition(() => ended() >= n);
  await tell();
  // The batch closes after its appraisals have: an appraisal signals its end, then completes.
  await Promise.all(children.map((c) => c?.result().catch(() => undefined)));
  return total;
}
