/**
 * Starting a cycle's batches and a batch's appraisals: the cycle hands one activity each batch's appraisal ids, the
 * batch hands another the ids of its first-period appraisal rows, and each starts the workflows through the client.
 * They are not children: the cycle and its batches continue as new to keep their histories short, and a child
 * outliving a closed parent run is what Temporal's time-skipping test server mishandles (its clock stops). Idempotent:
 * a retried activity finds the workflows already started (ids are per appraisal row or first row of a batch, and a
 * closed one's id is never reused).
 */
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { PrismaClient } from '../prisma/client';
import type { AppraisalBatchInput } from '../workflows/appraisal-batch.workflow';
import type { AppraisalInput, EvaluationPeriod } from '../workflows/inputs';
import type { CycleSettings, RuleVersions } from '../workflows/messages';
import { TASK_QUEUE } from '../workflows/task-queue';

export interface StartBatchInput {
  cycleId: number;
  /** The batch workflow the appraisals signal. */
  batchId: string;
  appraisalIds: number[];
  periods: EvaluationPeriod[];
  versions: RuleVersions;
  settings: CycleSettings;
}

/** Workflows started at a time (each a round trip to the server). */
const CHUNK = 50;

/** Starts a workflow once: false when one with its id already ran or runs. */
async function startOnce(workflowType: string, workflowId: string, args: unknown[]): Promise<boolean> {
  try {
    await Context.current().client.workflow.start(workflowType, {
      taskQueue: TASK_QUEUE,
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args,
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

export function batchActivities(prisma: PrismaClient) {
  return {
    /** Starts one batch workflow of the cycle (its id: the cycle's and its first appraisal's); false if it was. */
    async startCycleBatch(input: { workflowId: string; batch: AppraisalBatchInput }): Promise<{ started: boolean }> {
      return { started: await startOnce('appraisalBatchWorkflow', input.workflowId, [input.batch]) };
    },

    /** Starts the year workflow of every given appraisal not started yet; returns how many it found. */
    async startBatchAppraisals(input: StartBatchInput): Promise<{ appraisals: number; started: number }> {
      const rows = await prisma.appraisal.findMany({
        where: { cycleId: input.cycleId, id: { in: input.appraisalIds } },
        orderBy: { id: 'asc' },
        select: { id: true, employeeId: true, unitId: true, raterId: true, raterSuperiorId: true, workflowId: true },
      });
      let started = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        await Promise.all(
          rows.slice(i, i + CHUNK).map(async (r) => {
            const args: AppraisalInput = {
              appraisalId: r.id,
              cycleId: input.cycleId,
              employeeId: r.employeeId,
              unitId: r.unitId,
              raterId: r.raterId,
              raterSuperiorId: r.raterSuperiorId,
              periods: input.periods,
              index: 0,
              planRevision: 0,
              versions: input.versions,
              settings: input.settings,
              cycleWorkflowId: input.batchId,
            };
            if (await startOnce('appraisalWorkflow', r.workflowId, [args])) started++;
          }),
        );
        Context.current().heartbeat(i);
      }
      return { appraisals: rows.length, started };
    },
  };
}
