/**
 * Peer feedback (360) writes: the rater's request (one row and one task per colleague, in one audited transaction),
 * a colleague's answer (the step write of `peer.feedback`, step-writes.ts) and the expiry of an unanswered request.
 * Idempotent by task key: a retried activity finds its rows and answers the same.
 */
import { recordAudit } from '../prisma/audit';
import type { PrismaClient } from '../prisma/client';
import type { Actor } from '../workflows/messages';
import type { Notifier } from './notification.activities';
import { closeExpiredTask, invalid, parsePayload, who, type CompleteTaskStepInput, type Tx } from './task-common';

export interface PeerFeedbackRequestWrite {
  appraisalId: number;
  cycleId: number;
  workflowId: string;
  updateName: string;
  peerIds: number[];
  /** One task key per colleague, in the order of `peerIds`. */
  keys: string[];
  dueAt: string;
  /** The cycle shows the colleagues' names to the employee (said on the colleague's form). */
  named: boolean;
  actor: Actor;
}

const TITLE = 'Beri umpan balik perilaku kerja rekan (BerAKHLAK, 360)';

/** Peer feedback activities bound to a Prisma client; each new task tells its colleague (notifier). */
export function peerFeedbackActivities(prisma: PrismaClient, notifier: Notifier) {
  return {
    /**
     * Stores the rater's request: a `peer_feedback` row (REQUESTED) and a `peer.feedback` task per colleague, audited
     * (`peer-feedback.request` on the appraisal, `task.open` per task). Refuses, naming the field, a colleague who is
     * unknown or no longer active.
     */
    async requestPeerFeedback(
      input: PeerFeedbackRequestWrite,
    ): Promise<{ requested: { peerId: number; taskKey: string; dueAt: string }[] }> {
      const peers = await prisma.employee.findMany({
        where: { id: { in: input.peerIds } },
        select: { id: true, status: true },
      });
      input.peerIds.forEach((id, i) => {
        const peer = peers.find((p) => p.id === id);
        if (!peer) throw invalid(`peerIds.${i}`, `pegawai ${id} tidak ditemukan / unknown employee`);
        if (peer.status !== 'ACTIVE')
          throw invalid(`peerIds.${i}`, `pegawai ${id} tidak aktif / employee is not active`);
      });
      const taskIds: number[] = [];
      const requested = await prisma.$transaction(async (tx) => {
        const out: { peerId: number; taskKey: string; dueAt: string }[] = [];
        for (const [i, peerId] of input.peerIds.entries()) {
          const key = input.keys[i];
          const existing = await tx.peerFeedback.findUnique({ where: { taskKey: key } });
          if (existing) {
            out.push({ peerId, taskKey: key, dueAt: existing.dueAt.toISOString() });
            continue;
          }
          const task = await tx.task.create({
            data: {
              key,
              type: 'peer.feedback',
              title: TITLE,
              appraisalId: input.appraisalId,
              cycleId: input.cycleId,
              assigneeId: peerId,
              workflowId: input.workflowId,
              updateName: input.updateName,
              dueAt: new Date(input.dueAt),
              context: { peerId, requestedById: input.actor.employeeId, named: input.named } as any,
            },
          });
          await tx.peerFeedback.create({
            data: {
              appraisalId: input.appraisalId,
              peerId,
              requestedById: input.actor.employeeId,
              taskKey: key,
              dueAt: new Date(input.dueAt),
            },
          });
          await recordAudit(tx, {
            ...who(input.actor),
            action: 'task.open',
            entity: 'task',
            entityId: task.id,
            after: {
              key,
              type: 'peer.feedback',
              assigneeId: peerId,
              dueAt: input.dueAt,
              appraisalId: input.appraisalId,
            },
          });
          await notifier.taskOpened(tx, task.id);
          taskIds.push(task.id);
          out.push({ peerId, taskKey: key, dueAt: input.dueAt });
        }
        await recordAudit(tx, {
          ...who(input.actor),
          action: 'peer-feedback.request',
          entity: 'appraisal',
          entityId: input.appraisalId,
          after: { peerIds: input.peerIds, dueAt: input.dueAt },
        });
        return out;
      });
      for (const taskId of taskIds) await notifier.afterCommit({ taskId });
      return { requested };
    },

    /** Closes an unanswered request: its task expired, its row EXPIRED, audited (`peer-feedback.expire`). */
    async expirePeerFeedback(input: { key: string; actor: string; reason: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const task = await closeExpiredTask(tx, input.key, input.reason);
        if (!task) return;
        const row = await tx.peerFeedback.update({ where: { taskKey: input.key }, data: { status: 'EXPIRED' } });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'peer-feedback.expire',
          entity: 'task',
          entityId: task.id,
          before: { status: 'REQUESTED' },
          after: { key: task.key, status: 'EXPIRED', peerFeedbackId: row.id, reason: input.reason },
        });
      });
    },
  };
}

/** The step write of `peer.feedback`: the colleague's answer on their own request row (ANSWERED), audited. */
export async function writePeerAnswer(tx: Tx, input: CompleteTaskStepInput): Promise<Record<string, unknown>> {
  const p = parsePayload('peer.feedback', input.payload);
  const row = await tx.peerFeedback.findUnique({ where: { taskKey: input.taskKey } });
  if (!row) throw invalid('taskKey', 'permintaan umpan balik tidak ditemukan / no such request');
  const values = Object.fromEntries(
    Object.entries(p.values).map(([k, v]) => [k, { rating: v.rating, note: v.note?.trim() || null }]),
  );
  await tx.peerFeedback.update({
    where: { id: row.id },
    data: { status: 'ANSWERED', values, note: p.note?.trim() || null, answeredAt: new Date() },
  });
  await recordAudit(tx, {
    ...who(input.actor),
    action: 'peer-feedback.answer',
    entity: 'appraisal',
    entityId: input.appraisalId,
    before: { status: row.status },
    after: { peerFeedbackId: row.id, status: 'ANSWERED' },
  });
  return { peerFeedbackId: row.id };
}
