/**
 * Activities about the appraisal itself rather than one task: its stage, closing it, sharing the result, another
 * rater, a transfer or the employee leaving — each in one audited transaction, idempotent under retries.
 */
import { recordAudit } from '../prisma/audit';
import type { PrismaClient } from '../prisma/client';
import type { Actor, StageValue } from '../workflows/messages';
import { createNotifier, type Notifier } from './notification.activities';
import { invalid, moveStage, who, type StageMove } from './task-common';

/** Appraisal activities bound to a Prisma client. */
export function appraisalActivities(prisma: PrismaClient, notifier: Notifier = createNotifier(prisma)) {
  return {
    /** Moves an appraisal to another rater: open tasks of the old rater (and superior) move with it. */
    async reassignRater(input: {
      appraisalId: number;
      fromRaterId: number | null;
      fromRaterSuperiorId: number | null;
      toRaterId: number;
      toRaterSuperiorId: number | null;
      actor: Actor;
      reason: string | null;
    }): Promise<{ raterId: number; raterSuperiorId: number | null; movedTaskKeys: string[] }> {
      return prisma.$transaction(async (tx) => {
        const rater = await tx.employee.findUnique({ where: { id: input.toRaterId } });
        if (!rater || rater.status !== 'ACTIVE') throw invalid('raterId', 'pegawai tidak ditemukan atau tidak aktif');
        const raterSuperiorId = input.toRaterSuperiorId ?? rater.superiorId ?? null;
        const appraisal = await tx.appraisal.findUniqueOrThrow({ where: { id: input.appraisalId } });
        if (rater.id === appraisal.employeeId) throw invalid('raterId', 'pegawai tidak dapat menilai dirinya sendiri');
        const moved: string[] = [];
        const open = await tx.task.findMany({ where: { appraisalId: input.appraisalId, status: 'OPEN' } });
        for (const t of open) {
          let to: number | null = null;
          if (input.fromRaterId && t.assigneeId === input.fromRaterId) to = rater.id;
          else if (
            input.fromRaterSuperiorId &&
            t.assigneeId === input.fromRaterSuperiorId &&
            t.assigneeId !== appraisal.employeeId
          )
            to = raterSuperiorId;
          if (to === null) continue;
          await tx.task.update({ where: { id: t.id }, data: { assigneeId: to } });
          moved.push(t.key);
        }
        await tx.appraisal.update({ where: { id: input.appraisalId }, data: { raterId: rater.id, raterSuperiorId } });
        await recordAudit(tx, {
          ...who(input.actor),
          action: 'appraisal.reassign-rater',
          entity: 'appraisal',
          entityId: input.appraisalId,
          before: { raterId: appraisal.raterId, raterSuperiorId: appraisal.raterSuperiorId },
          after: { raterId: rater.id, raterSuperiorId, movedTaskKeys: moved, reason: input.reason },
        });
        return { raterId: rater.id, raterSuperiorId, movedTaskKeys: moved };
      });
    },

    /** Records a transfer (new unit/rater; open rater tasks move) or a departure of the employee. */
    async recordEmploymentChange(input: {
      appraisalId: number;
      kind: 'TRANSFER' | 'LEAVE';
      actor: Actor;
      reason: string | null;
      newUnitId?: number | null;
      newRaterId?: number | null;
    }): Promise<{ raterId: number | null; raterSuperiorId: number | null; unitId: number }> {
      return prisma.$transaction(async (tx) => {
        const appraisal = await tx.appraisal.findUniqueOrThrow({ where: { id: input.appraisalId } });
        if (input.kind === 'LEAVE') {
          await recordAudit(tx, {
            ...who(input.actor),
            action: 'appraisal.employee-left',
            entity: 'appraisal',
            entityId: input.appraisalId,
            after: { reason: input.reason },
          });
          return { raterId: appraisal.raterId, raterSuperiorId: appraisal.raterSuperiorId, unitId: appraisal.unitId };
        }
        let unitId = appraisal.unitId;
        if (input.newUnitId) {
          const unit = await tx.unit.findUnique({ where: { id: input.newUnitId } });
          if (!unit) throw invalid('newUnitId', 'unit tidak ditemukan');
          unitId = unit.id;
        }
        let raterId = appraisal.raterId;
        let raterSuperiorId = appraisal.raterSuperiorId;
        if (input.newRaterId) {
          const rater = await tx.employee.findUnique({ where: { id: input.newRaterId } });
          if (!rater || rater.status !== 'ACTIVE')
            throw invalid('newRaterId', 'pegawai tidak ditemukan atau tidak aktif');
          if (rater.id === appraisal.employeeId)
            throw invalid('newRaterId', 'pegawai tidak dapat menilai dirinya sendiri');
          raterId = rater.id;
          raterSuperiorId = rater.superiorId;
          if (appraisal.raterId)
            await tx.task.updateMany({
              where: { appraisalId: appraisal.id, status: 'OPEN', assigneeId: appraisal.raterId },
              data: { assigneeId: raterId },
            });
        }
        await tx.appraisal.update({ where: { id: appraisal.id }, data: { unitId, raterId, raterSuperiorId } });
        await recordAudit(tx, {
          ...who(input.actor),
          action: 'appraisal.employee-transferred',
          entity: 'appraisal',
          entityId: input.appraisalId,
          before: { unitId: appraisal.unitId, raterId: appraisal.raterId },
          after: { unitId, raterId, raterSuperiorId, reason: input.reason },
        });
        return { raterId, raterSuperiorId, unitId };
      });
    },

    /** Stores the appraisal's stage (and finish time), audited. */
    async setAppraisalStage(input: { appraisalId: number; stage: StageValue; actor: string; finished: boolean }) {
      await prisma.$transaction((tx) =>
        moveStage(tx, input.appraisalId, { stage: input.stage, finished: input.finished }, input.actor),
      );
    },

    /** Ends an appraisal as CANCELLED or FAILED: open tasks are cancelled. */
    async closeAppraisal(input: { appraisalId: number; stage: 'CANCELLED' | 'FAILED'; reason: string; actor: string }) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.appraisal.findUniqueOrThrow({
          where: { id: input.appraisalId },
          select: { stage: true },
        });
        const cancelled = await tx.task.updateMany({
          where: { appraisalId: input.appraisalId, status: 'OPEN' },
          data: { status: 'CANCELLED', result: { reason: input.reason } },
        });
        // Colleagues' requests still open close with their tasks (audited with the appraisal's closing below).
        await tx.peerFeedback.updateMany({
          where: { appraisalId: input.appraisalId, status: 'REQUESTED' },
          data: { status: 'EXPIRED' },
        });
        if (before.stage === input.stage) return;
        await tx.appraisal.update({
          where: { id: input.appraisalId },
          data: { stage: input.stage, finishedAt: new Date() },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: input.stage === 'CANCELLED' ? 'appraisal.cancel' : 'appraisal.fail',
          entity: 'appraisal',
          entityId: input.appraisalId,
          before: { stage: before.stage },
          after: { stage: input.stage, reason: input.reason, tasksCancelled: cancelled.count },
        });
      });
    },

    /** Shares the (calibrated) result with the employee: the appeal window starts now. */
    async shareResult(input: { appraisalId: number; sharedAt: string; actor: string; stage?: StageMove }) {
      const shared = await prisma.$transaction(async (tx) => {
        if (input.stage) await moveStage(tx, input.appraisalId, input.stage, input.actor);
        const a = await tx.appraisal.findUniqueOrThrow({ where: { id: input.appraisalId } });
        if (!a.resultSharedAt) {
          await tx.appraisal.update({ where: { id: a.id }, data: { resultSharedAt: new Date(input.sharedAt) } });
          await recordAudit(tx, {
            actor: input.actor,
            action: 'result.share',
            entity: 'appraisal',
            entityId: a.id,
            after: { predicate: a.predicate, sharedAt: input.sharedAt },
          });
          await notifier.appraisalEvent(tx, a.id, 'RESULT_SHARED');
        }
        return { predicate: a.predicate };
      });
      await notifier.afterCommit({ appraisalId: input.appraisalId });
      return shared;
    },
  };
}
