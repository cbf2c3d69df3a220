/** Walking skeleton: proof that API → Temporal → activity → PostgreSQL works end to end. */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { recordSkeletonRun } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10, initialInterval: '1 second' },
});

export interface SkeletonInput {
  message: string;
  actor: string;
}

export interface SkeletonResult {
  skeletonRunId: number;
  message: string;
}

/** Writes one SkeletonRun row through an activity and returns its id. */
export async function skeletonWorkflow(input: SkeletonInput): Promise<SkeletonResult> {
  const { workflowId } = workflowInfo();
  const row = await recordSkeletonRun({ workflowId, message: input.message, actor: input.actor });
  return { skeletonRunId: row.id, message: row.message };
}
