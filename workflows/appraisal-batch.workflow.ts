/**
 * A batch of a cycle's appraisals (at most the cycle's batch size): starts the employees' year workflows, hears their
 * stage signals, and tells the cycle when all of them are scored in each evaluation period and when all have ended.
 * With 10,000 appraisals signalling one cycle workflow directly, its workflow tasks never rested and its
 * continue-as-new kept failing on newly arrived signals while it replayed a long history; a batch hears a few hundred
 * signals and the cycle about two per batch.
 *
 * A batch's own history stays short: it continues as new after each period it reports, and whenever its history grows
 * past HISTORY_LIMIT. A year's batch of 200 used to reach 3,000 events (its children's starts and ends, a signal per
 * appraisal and period), and a worker whose cache had evicted it replayed them all at every signal: workflow tasks of
 * 27–48 s, timed out and replayed again (`bench:cycle`, 1,000 employees quarterly with a cache of 1,000). So the
 * appraisals are started by an activity, not as children (the batch's runs come and go), and a cancelled cycle
 * cancels them itself (`cancelCycleAppraisals`).
 */
import {
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { EvaluationPeriod } from './inputs';
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
  /** The first-period appraisals to start (their rows are read by the activity that starts them). */
  appraisalIds: number[];
  /** Where an earlier run of this batch stood when it continued as new (none: the first run). */
  state?: BatchState;
}

/** What a batch carries into its next run. */
export interface BatchState {
  /** Appraisals started: the count every period waits for. */
  n: number;
  /** The period whose scoring is awaited (`periods` once every period is reported: then the ends are awaited). */
  period: number;
  total: BatchStages;
  told: BatchStages;
}

/** Events after which a run continues as new: a replay after a cache miss stays well under a second. */
const HISTORY_LIMIT = 400;

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Runs one batch of a cycle's appraisals until all have ended; returns what it told the cycle in total. */
export async function appraisalBatchWorkflow(input: AppraisalBatchInput): Promise<BatchStages> {
  const batchId = workflowInfo().workflowId;
  const periods = input.periods.length;
  const counts = (): BatchStages => ({
    batchId,
    scored: new Array<number>(periods).fill(0),
    finished: 0,
    failed: 0,
    cancelled: 0,
  });
  const state: BatchState = input.state ?? { n: 0, period: 0, total: counts(), told: counts() };
  const { total, told } = state;

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
  /** The next run goes on from `state`; a signal that arrives meanwhile makes the server retry with it counted. */
  const rollOver = () => continueAsNew<typeof appraisalBatchWorkflow>({ ...input, appraisalIds: [], state });
  const tooLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_LIMIT;

  if (!input.state) {
    const { appraisals } = await acts.startBatchAppraisals({
      cycleId: input.cycleId,
      batchId,
      appraisalIds: input.appraisalIds,
      periods: input.periods,
      versions: input.versions,
      settings: input.settings,
    });
    state.n = appraisals;
  }

  const { n } = state;
  const ended = () => total.finished + total.failed + total.cancelled;
  while (state.period < periods) {
    const k = state.period;
    await condition(() => total.scored[k] >= n || tooLong());
    if (total.scored[k] < n) return rollOver();
    await tell();
    state.period++;
    if (state.period < periods) return rollOver(); // each period's signals in a run of their own
  }
  await condition(() => ended() >= n || tooLong());
  if (ended() < n) return rollOver();
  await tell();
  return total;
}
