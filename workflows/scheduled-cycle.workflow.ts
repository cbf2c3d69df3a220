/**
 * What a Temporal Schedule of recurring periods starts: opens the cycle of the period that begins at the
 * scheduled time (period, cycle row and pinned rule-set versions, idempotently) and starts its cycle
 * workflow as an independent workflow, which then lives on its own.
 */
import { ParentClosePolicy, WorkflowIdReusePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { cycleWorkflow } from './cycle.workflow';
import type { ScheduledCycleInput } from './inputs';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** Opens and starts the cycle of the period beginning at the workflow's start time. */
export async function scheduledCycleWorkflow(
  input: ScheduledCycleInput,
): Promise<{ cycleId: number; started: boolean }> {
  // Date.now() in a workflow is the deterministic time of the workflow task: here, when the schedule fired.
  const opened = await acts.openScheduledCycle({ ...input, at: new Date(Date.now()).toISOString() });
  try {
    await startChild(cycleWorkflow, {
      workflowId: opened.workflowId,
      args: [opened.input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { cycleId: opened.input.cycleId, started: true };
  } catch (err) {
    // Fired twice for one period (a manual trigger, a retry): the cycle already runs, nothing more to do.
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { cycleId: opened.input.cycleId, started: false };
    throw err;
  }
}
