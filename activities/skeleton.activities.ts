/** Activity of the walking-skeleton workflow. */
import { recordAudit } from '../prisma/audit';
import type { PrismaClient } from '../prisma/client';

export interface RecordSkeletonRunInput {
  workflowId: string;
  message: string;
  actor: string;
}

/** Skeleton activities bound to a Prisma client. */
export function skeletonActivities(prisma: PrismaClient) {
  return {
    /** Writes the SkeletonRun row of a workflow once (idempotent by workflow id), audited. */
    async recordSkeletonRun(input: RecordSkeletonRunInput): Promise<{ id: number; message: string }> {
      const existing = await prisma.skeletonRun.findUnique({ where: { workflowId: input.workflowId } });
      if (existing) return { id: existing.id, message: existing.message };
      return prisma.$transaction(async (tx) => {
        const row = await tx.skeletonRun.create({ data: { workflowId: input.workflowId, message: input.message } });
        await recordAudit(tx, {
          actor: `system:${input.workflowId}`,
          action: 'skeleton-run',
          entity: 'skeleton-run',
          entityId: row.id,
          after: { message: row.message, requestedBy: input.actor },
        });
        return { id: row.id, message: row.message };
      });
    },
  };
}
