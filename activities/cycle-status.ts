/**
 * The cycle row's own state changes that happen inside longer activities — the calibration phase entered and left,
 * the cycle's own open tasks (unit calibrations) cancelled with it — each in one transaction with its audit event.
 */
import { recordAudit } from '../prisma/audit';
import type { CycleStatus, PrismaClient } from '../prisma/client';

/** Moves the cycle from `from` to `to` (nothing when it is elsewhere), audited as `cycle.status`. */
export async function moveCycleStatus(
  prisma: PrismaClient,
  cycleId: number,
  change: { from: CycleStatus; to: CycleStatus; actor: string; periodId: number },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const moved = await tx.cycle.updateMany({
      where: { id: cycleId, status: change.from },
      data: { status: change.to },
    });
    if (!moved.count) return false;
    await recordAudit(tx, {
      actor: change.actor,
      action: 'cycle.status',
      entity: 'cycle',
      entityId: cycleId,
      before: { status: change.from },
      after: { status: change.to, periodId: change.periodId },
    });
    return true;
  });
}

/** Cancels the cycle's own open tasks (those of no appraisal), audited as `task.cancel` with the tasks' keys. */
export async function cancelCycleTasks(prisma: PrismaClient, cycleId: number, actor: string): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const open = await tx.task.findMany({
      where: { cycleId, appraisalId: null, status: 'OPEN' },
      select: { id: true, key: true },
    });
    if (!open.length) return 0;
    const reason = 'siklus dibatalkan / cycle cancelled';
    await tx.task.updateMany({
      where: { id: { in: open.map((t) => t.id) }, status: 'OPEN' },
      data: { status: 'CANCELLED', result: { reason } },
    });
    await recordAudit(tx, {
      actor,
      action: 'task.cancel',
      entity: 'cycle',
      entityId: cycleId,
      before: { status: 'OPEN' },
      after: { status: 'CANCELLED', reason, tasks: open.map((t) => t.key) },
    });
    return open.length;
  });
}
