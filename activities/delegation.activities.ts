/**
 * Acting superiors (Plt. / Plh.): the writes of a delegation's workflow (start, end, cancel: open tasks of the
 * principal move to the acting person and back, each move audited) and the rule a new task follows while one lasts.
 * Each in one transaction; a retried activity finds its work done and answers the same moves again.
 */
import { recordAudit } from '../prisma/audit';
import type { PrismaClient } from '../prisma/client';
import {
  ACTING_LABEL,
  DELEGABLE_TASKS,
  type ActingContext,
  type DelegationKindValue,
  type TaskMove,
} from '../workflows/delegation-messages';
import type { Actor } from '../workflows/messages';
import { who, type Tx } from './task-common';

/** The row's closing columns: ended (its tasks went back) or cancelled (before its first day). */
const closing = (status: 'ENDED' | 'CANCELLED', actor: Actor | string, reason: string | null) => ({
  status,
  endedAt: new Date(),
  endedById: who(actor).actorUserId,
  endReason: reason,
});

/** Why the acting person may not take this task (their own case), or null when they may. */
export function ownCaseReason(
  actingId: number,
  type: string,
  appraisal: { employeeId: number; raterId: number | null } | null,
): string | null {
  if (!appraisal) return null;
  if (appraisal.employeeId === actingId)
    return 'pelaksana tidak dapat memutuskan penilaiannya sendiri; tugas tetap pada pejabat definitif / the acting person cannot decide their own appraisal; the task stays with the official';
  if (type === 'appeal.decide' && appraisal.raterId === actingId)
    return 'pelaksana adalah penilai yang hasilnya diajukan keberatan; tugas tetap pada pejabat definitif / the acting person gave the rating appealed against; the task stays with the official';
  return null;
}

interface DelegationRow {
  id: number;
  kind: DelegationKindValue;
  principalId: number;
  actingId: number;
}

async function actingContext(tx: Tx, d: DelegationRow): Promise<ActingContext> {
  const principal = await tx.employee.findUnique({ where: { id: d.principalId }, select: { name: true } });
  return {
    delegationId: d.id,
    kind: d.kind,
    label: ACTING_LABEL[d.kind],
    actingId: d.actingId,
    forEmployeeId: d.principalId,
    forName: principal?.name ?? String(d.principalId),
  };
}

/**
 * Who a new task of `type` for `assigneeId` goes to while a delegation of that person is active: the acting person
 * with the context to store, or the assignee with the reason it was not delegated. Locks the principal's scheduled and
 * active delegations (FOR SHARE), so a delegation that starts meanwhile either sees this task or is seen by it.
 */
export async function delegatedAssignee(
  tx: Tx,
  task: { type: string; assigneeId: number | null; appraisalId: number | null },
): Promise<{ assigneeId: number; acting?: ActingContext; skipped?: Record<string, unknown> } | null> {
  if (task.assigneeId === null || task.appraisalId === null || !DELEGABLE_TASKS.includes(task.type as never))
    return null;
  const rows = await tx.$queryRaw<{ id: number; kind: DelegationKindValue; acting_id: number; status: string }[]>`
    SELECT id, kind::text AS kind, acting_id, status::text AS status FROM delegations
    WHERE principal_id = ${task.assigneeId} AND status IN ('SCHEDULED', 'ACTIVE') FOR SHARE`;
  const active = rows.find((r) => r.status === 'ACTIVE');
  if (!active) return null;
  const d = { id: active.id, kind: active.kind, principalId: task.assigneeId, actingId: active.acting_id };
  const appraisal = await tx.appraisal.findUnique({
    where: { id: task.appraisalId },
    select: { employeeId: true, raterId: true },
  });
  const reason = ownCaseReason(d.actingId, task.type, appraisal);
  if (reason) return { assigneeId: task.assigneeId, skipped: { delegationId: d.id, actingId: d.actingId, reason } };
  return { assigneeId: d.actingId, acting: await actingContext(tx, d) };
}

/** Activities of the delegation workflow, bound to a Prisma client. */
export function delegationActivities(prisma: PrismaClient) {
  return {
    /**
     * Starts a delegation: ACTIVE, and the principal's open rating / plan-review / appeal-decision tasks move to the
     * acting person (own cases stay, with the reason in the task). `missing` when the row was never committed.
     */
    async startDelegation(input: {
      delegationId: number;
      actor: string;
    }): Promise<{ missing: boolean; moves: TaskMove[] }> {
      return prisma.$transaction(async (tx) => {
        const d = await tx.delegation.findUnique({ where: { id: input.delegationId } });
        if (!d || d.status === 'CANCELLED') return { missing: true, moves: [] };
        if (d.status !== 'SCHEDULED') {
          // A retry after the commit: the same moves again (the workflows apply them idempotently).
          const held = await tx.task.findMany({
            where: {
              status: 'OPEN',
              assigneeId: d.actingId,
              context: { path: ['acting', 'delegationId'], equals: d.id },
            },
            select: { workflowId: true, key: true },
          });
          return { missing: false, moves: held.map((t) => ({ ...t, assigneeId: d.actingId })) };
        }
        // The status first: a task opened concurrently waits on this row (delegatedAssignee) and then sees ACTIVE.
        await tx.delegation.update({ where: { id: d.id }, data: { status: 'ACTIVE', startedAt: new Date() } });
        const acting = await actingContext(tx, d);
        const open = await tx.task.findMany({
          where: {
            status: 'OPEN',
            assigneeId: d.principalId,
            type: { in: [...DELEGABLE_TASKS] },
            appraisalId: { not: null },
          },
          include: { appraisal: { select: { employeeId: true, raterId: true } } },
          orderBy: { id: 'asc' },
        });
        const moves: TaskMove[] = [];
        const skipped: string[] = [];
        for (const t of open) {
          const context = { ...((t.context as Record<string, unknown>) ?? {}) };
          const reason = ownCaseReason(d.actingId, t.type, t.appraisal);
          if (reason) {
            context.actingSkipped = { delegationId: d.id, actingId: d.actingId, reason };
            await tx.task.update({ where: { id: t.id }, data: { context: context as any } });
            await recordAudit(tx, {
              ...who(input.actor),
              action: 'task.delegation-skip',
              entity: 'task',
              entityId: t.id,
              after: { key: t.key, delegationId: d.id, assigneeId: t.assigneeId, actingId: d.actingId, reason },
            });
            skipped.push(t.key);
            continue;
          }
          context.acting = acting;
          await tx.task.update({ where: { id: t.id }, data: { assigneeId: d.actingId, context: context as any } });
          await recordAudit(tx, {
            ...who(input.actor),
            action: 'task.delegate',
            entity: 'task',
            entityId: t.id,
            before: { assigneeId: t.assigneeId },
            after: { key: t.key, assigneeId: d.actingId, acting },
          });
          moves.push({ workflowId: t.workflowId, key: t.key, assigneeId: d.actingId });
        }
        await recordAudit(tx, {
          ...who(input.actor),
          action: 'delegation.start',
          entity: 'delegation',
          entityId: d.id,
          before: { status: d.status },
          after: { status: 'ACTIVE', movedTaskKeys: moves.map((m) => m.key), skippedTaskKeys: skipped },
        });
        return { missing: false, moves };
      });
    },

    /** Ends an active delegation (term over or ended early): the tasks the acting person still holds go back. */
    async endDelegation(input: {
      delegationId: number;
      actor: Actor | string;
      reason: string | null;
    }): Promise<{ moves: TaskMove[] }> {
      return prisma.$transaction(async (tx) => {
        const d = await tx.delegation.findUniqueOrThrow({ where: { id: input.delegationId } });
        const held = await tx.task.findMany({
          where: {
            status: 'OPEN',
            assigneeId: d.actingId,
            context: { path: ['acting', 'delegationId'], equals: d.id },
          },
          orderBy: { id: 'asc' },
        });
        const moves: TaskMove[] = [];
        for (const t of held) {
          const { acting, ...rest } = (t.context as Record<string, unknown>) ?? {};
          const context = { ...rest, actingHistory: [...((rest.actingHistory as unknown[]) ?? []), acting] };
          await tx.task.update({ where: { id: t.id }, data: { assigneeId: d.principalId, context: context as any } });
          await recordAudit(tx, {
            ...who(input.actor),
            action: 'task.delegation-return',
            entity: 'task',
            entityId: t.id,
            before: { assigneeId: t.assigneeId },
            after: { key: t.key, assigneeId: d.principalId, delegationId: d.id },
          });
          moves.push({ workflowId: t.workflowId, key: t.key, assigneeId: d.principalId });
        }
        // Skipped own cases no longer need their note.
        const noted = await tx.task.findMany({
          where: { status: 'OPEN', context: { path: ['actingSkipped', 'delegationId'], equals: d.id } },
        });
        for (const t of noted) {
          const { actingSkipped: _, ...rest } = (t.context as Record<string, unknown>) ?? {};
          await tx.task.update({ where: { id: t.id }, data: { context: rest as any } });
        }
        if (d.status === 'ACTIVE') {
          await tx.delegation.update({
            where: { id: d.id },
            data: closing('ENDED', input.actor, input.reason),
          });
          await recordAudit(tx, {
            ...who(input.actor),
            action: 'delegation.end',
            entity: 'delegation',
            entityId: d.id,
            before: { status: d.status },
            after: { status: 'ENDED', reason: input.reason, returnedTaskKeys: moves.map((m) => m.key) },
          });
        }
        return { moves };
      });
    },

    /** Cancels a delegation before its first day: nothing moved, nothing to give back. */
    async cancelDelegation(input: {
      delegationId: number;
      actor: Actor | string;
      reason: string | null;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const d = await tx.delegation.findUnique({ where: { id: input.delegationId } });
        if (!d || d.status !== 'SCHEDULED') return;
        await tx.delegation.update({
          where: { id: d.id },
          data: closing('CANCELLED', input.actor, input.reason),
        });
        await recordAudit(tx, {
          ...who(input.actor),
          action: 'delegation.cancel',
          entity: 'delegation',
          entityId: d.id,
          before: { status: d.status },
          after: { status: 'CANCELLED', reason: input.reason },
        });
      });
    },
  };
}
