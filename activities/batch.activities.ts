/**
 * Starting a batch's appraisals: the batch workflow hands this activity the ids of its first-period appraisal rows,
 * and it starts each employee's year workflow through the client. They are not the batch's children: the batch
 * continues as new to keep its history short, and a child outliving a closed parent run is what Temporal's
 * time-skipping test server mishandles (its clock stops). Idempotent: a retried activity finds the workflows already
 * started (ids are per appraisal row, and a closed one's id is never reused).
 */
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { PrismaClient } from '../prisma/client';
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

export function batchActivities(prisma: PrismaClient) {
  return {
    /** Starts the year workflow of every given appraisal not started yet; returns how many it found. */
    async startBatchAppraisals(input: StartBatchInput): Promise<{ appraisals: number; started: number }> {
      const client = Context.current().client;
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
            try {
              await client.workflow.start('appraisalWorkflow', {
                taskQueue: TASK_QUEUE,
                workflowId: r.workflowId,
                workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
                args: [args],
              });
              started++;
            } catch (err) {
              if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
            }
          }),
        );
        Context.current().heartbeat(i);
      }
      return { appraisals: rows.length, started };
    },
  };
}
