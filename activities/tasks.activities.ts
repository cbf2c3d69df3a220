/**
 * Activities of the appraisal workflow's human steps: tasks opened once per key, reminded, escalated, expired and
 * completed — the completion with its step's write (step-writes.ts) — each in one transaction with its audit event.
 * Idempotent: a retried activity finds its work already done and returns the same answer.
 */
import { recordAudit } from '../prisma/audit';
import { refreshEvidenceDraft } from '../prisma/realization-progress';
import type { PrismaClient } from '../prisma/client';
import type { ActingContext } from '../workflows/delegation-messages';
import type { RoleValue } from '../workflows/messages';
import { delegatedAssignee } from './delegation.activities';
import { createNotifier, type Notifier } from './notification.activities';
import { STEP_WRITES } from './step-writes';
import {
  closeExpiredTask,
  markTaskDone,
  moveStage,
  who,
  type CompleteTaskStepInput,
  type OpenTaskInput,
} from './task-common';

/** Task activities bound to a Prisma client; each step tells the people concerned (notifier). */
export function taskActivities(prisma: PrismaClient, notifier: Notifier = createNotifier(prisma)) {
  return {
    /**
     * Creates the task once per key (a retried activity finds it), audited. While the assignee has an acting superior
     * (Plt. / Plh.) a rating, plan review or appeal decision goes to the acting person: then the answer carries them.
     */
    async openTask(input: OpenTaskInput): Promise<{ id: number; assigneeId?: number | null; acting?: ActingContext }> {
      const held = (t: { id: number; assigneeId: number | null; context: unknown }) => {
        const acting = (t.context as { acting?: ActingContext } | null)?.acting;
        return acting ? { id: t.id, assigneeId: t.assigneeId, acting } : { id: t.id };
      };
      const select = { id: true, assigneeId: true, context: true } as const;
      const existing = await prisma.task.findUnique({ where: { key: input.key }, select });
      if (existing) {
        await notifier.afterCommit({ taskId: existing.id });
        return held(existing);
      }
      try {
        const opened = await prisma.$transaction(async (tx) => {
          if (input.stage && input.appraisalId) await moveStage(tx, input.appraisalId, input.stage, input.actor);
          const delegated = await delegatedAssignee(tx, input);
          const assigneeId = delegated?.assigneeId ?? input.assigneeId;
          const context = delegated?.acting
            ? { ...input.context, acting: delegated.acting }
            : delegated?.skipped
              ? { ...input.context, actingSkipped: delegated.skipped }
              : input.context;
          const task = await tx.task.create({
            data: {
              key: input.key,
              type: input.type,
              title: input.title,
              appraisalId: input.appraisalId,
              cycleId: input.cycleId,
              assigneeId,
              assigneeRole: input.assigneeRole,
              workflowId: input.workflowId,
              updateName: input.updateName,
              dueAt: new Date(input.dueAt),
              context: context as any,
            },
            select,
          });
          await recordAudit(tx, {
            actor: input.actor,
            action: 'task.open',
            entity: 'task',
            entityId: task.id,
            after: {
              key: input.key,
              type: input.type,
              assigneeId,
              assigneeRole: input.assigneeRole,
              dueAt: input.dueAt,
              appraisalId: input.appraisalId,
              ...(delegated?.acting ? { acting: delegated.acting } : {}),
              ...(delegated?.skipped ? { actingSkipped: delegated.skipped } : {}),
            },
          });
          // The evidence step starts from the realisations recorded during the period (context.recorded).
          if (input.type === 'evidence.submit' && input.appraisalId) await refreshEvidenceDraft(tx, input.appraisalId);
          await notifier.taskOpened(tx, task.id);
          return held(task);
        });
        await notifier.afterCommit({ taskId: opened.id });
        return opened;
      } catch (err: any) {
        if (err?.code === 'P2002')
          return held(await prisma.task.findUniqueOrThrow({ where: { key: input.key }, select }));
        throw err;
      }
    },

    /**
     * Records the deadline reminder of an open task (once), or with `round` one of the repeated reminders after the
     * last escalation (once per round: the round is kept in the task's context); the holder and HR are told.
     */
    async remindTask(input: { key: string; actor: string; round?: number }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const task = await tx.task.findUnique({ where: { key: input.key } });
        if (!task || task.status !== 'OPEN') return;
        const context = { ...((task.context as Record<string, unknown>) ?? {}) };
        if (input.round === undefined ? task.remindedAt : Number(context.reminderRound ?? 0) >= input.round) return;
        if (input.round !== undefined) context.reminderRound = input.round;
        await tx.task.update({
          where: { id: task.id },
          data: { remindedAt: new Date(), context: input.round !== undefined ? (context as any) : undefined },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'task.remind',
          entity: 'task',
          entityId: task.id,
          after: {
            key: task.key,
            assigneeId: task.assigneeId,
            assigneeRole: task.assigneeRole,
            dueAt: task.dueAt,
            ...(input.round !== undefined ? { round: input.round } : {}),
          },
        });
        await notifier.taskReminded(tx, task.id, input.round);
      });
      await notifier.afterCommit({ taskKey: input.key });
    },

    /**
     * Escalates an open task to the next level; `reassign` moves it to the new assignee — or to the Plt./Plh. acting
     * for them (own cases excepted). Answers who holds the task now (null when it was no longer open).
     */
    async escalateTask(input: {
      key: string;
      level: number;
      assigneeId: number | null;
      assigneeRole: RoleValue | null;
      reassign: boolean;
      actor: string;
    }): Promise<{ assigneeId: number | null; assigneeRole: RoleValue | null } | null> {
      const now = await prisma.$transaction(async (tx) => {
        const task = await tx.task.findUnique({ where: { key: input.key } });
        if (!task || task.status !== 'OPEN') return null;
        if (task.escalationLevel >= input.level)
          return { assigneeId: task.assigneeId, assigneeRole: task.assigneeRole as RoleValue | null };
        const context = { ...((task.context as any) ?? {}) };
        const acting =
          input.reassign && input.assigneeId !== null
            ? await delegatedAssignee(tx, {
                type: task.type,
                assigneeId: input.assigneeId,
                appraisalId: task.appraisalId,
              })
            : null;
        if (acting?.acting) context.acting = acting.acting;
        const holder = { assigneeId: acting?.assigneeId ?? input.assigneeId, assigneeRole: input.assigneeRole };
        context.escalatedTo = [
          ...(context.escalatedTo ?? []),
          { level: input.level, assigneeId: input.assigneeId, assigneeRole: input.assigneeRole },
        ];
        // Told: whoever now holds it — the acting Plt./Plh. when the target has one (and HR).
        await notifier.taskEscalated(tx, task.id, input.level, {
          employeeId: holder.assigneeId,
          role: input.assigneeRole,
        });
        await tx.task.update({
          where: { id: task.id },
          data: {
            escalationLevel: input.level,
            context,
            ...(input.reassign
              ? holder
              : // An employee's task stays theirs; the person it is escalated to sees it in their inbox too.
                input.assigneeId
                ? { escalatedToId: input.assigneeId }
                : {}),
          },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'task.escalate',
          entity: 'task',
          entityId: task.id,
          before: { assigneeId: task.assigneeId, assigneeRole: task.assigneeRole, level: task.escalationLevel },
          after: {
            level: input.level,
            to: { assigneeId: input.assigneeId, assigneeRole: input.assigneeRole },
            reassigned: input.reassign,
            ...(acting?.acting ? { actingAs: acting.acting } : {}),
          },
        });
        return input.reassign
          ? holder
          : { assigneeId: task.assigneeId, assigneeRole: task.assigneeRole as RoleValue | null };
      });
      await notifier.afterCommit({ taskKey: input.key });
      return now;
    },

    /** Closes an unanswered task whose window has ended (e.g. the appeal window). */
    async expireTask(input: { key: string; actor: string; reason: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const task = await closeExpiredTask(tx, input.key, input.reason);
        if (!task) return;
        await recordAudit(tx, {
          actor: input.actor,
          action: 'task.expire',
          entity: 'task',
          entityId: task.id,
          after: { key: task.key, reason: input.reason },
        });
      });
    },

    /** Writes a completed step (plan, review, appeal, …) and marks its task DONE, in one audited transaction. */
    async completeTaskStep(input: CompleteTaskStepInput): Promise<Record<string, unknown>> {
      const done = await prisma.task.findUnique({ where: { key: input.taskKey } });
      if (!done) throw new Error(`Task ${input.taskKey} not found`);
      if (done.status === 'DONE') return ((done.result as any)?.outcome ?? {}) as Record<string, unknown>;
      // An acting superior completing it: recorded as "Plt./Plh. for <official>" on the task and its audit event.
      const acting = (done.context as { acting?: ActingContext } | null)?.acting;
      const actingAs = acting && acting.actingId === input.actor.employeeId ? acting : null;
      // An escalated employee task completed for the employee by its escalation target or HR (the API admits them
      // where the step allows it: server/tasks/escalation-inbox.ts): recorded as done on the employee's behalf.
      const onBehalf =
        !actingAs && done.escalationLevel > 0 && done.assigneeId !== null && done.assigneeId !== input.actor.employeeId
          ? { employeeId: done.assigneeId, level: done.escalationLevel }
          : null;
      const decided =
        input.type === 'appeal.decide'
          ? 'APPEAL_DECIDED'
          : input.type === 'sanction.decide'
            ? 'SANCTION_DECIDED'
            : null;
      const result = await prisma.$transaction(
        async (tx) => {
          const outcome = await STEP_WRITES[input.type](tx, input);
          await markTaskDone(tx, input.taskKey, input.actor, input.payload, outcome, actingAs);
          if (onBehalf)
            await tx.task.update({
              where: { key: input.taskKey },
              data: { result: { payload: input.payload, outcome, onBehalf } as any },
            });
          if (decided) await notifier.appraisalEvent(tx, input.appraisalId, decided);
          if (input.type === 'peer.feedback') await notifier.peerFeedbackAnswered(tx, done.id);
          await recordAudit(tx, {
            ...who(input.actor),
            action: 'task.complete',
            entity: 'task',
            entityId: done.id,
            after: {
              key: done.key,
              type: done.type,
              outcome,
              ...(actingAs ? { actingAs } : {}),
              ...(onBehalf ? { onBehalf } : {}),
            },
          });
          return outcome;
        },
        { timeout: 30_000 },
      );
      if (decided || input.type === 'peer.feedback') await notifier.afterCommit({ appraisalId: input.appraisalId });
      return result;
    },
  };
}
