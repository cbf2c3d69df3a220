/**
 * Activities of the appraisal workflow's human steps: tasks (opened once per key, reminded, escalated, expired,
 * completed) and the domain writes of each step, each in one transaction with its audit event. Idempotent:
 * a retried activity finds its work already done and returns the same answer.
 */
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit } from '../prisma/audit';
import type { Prisma, PrismaClient } from '../prisma/client';
import { periodEndOf, sanctionTerm } from './sanction-bands';
import { delegatedAssignee } from './delegation.activities';
import { createNotifier, type Notifier } from './notification.activities';
import type { ActingContext } from '../workflows/delegation-messages';
import type { z } from 'zod';
import type { Actor, RoleValue, StageValue, TaskType } from '../workflows/messages';
import { TASK_PAYLOADS, zodFieldErrors } from '../workflows/task-payloads';
import { VALIDATION_ERROR } from '../workflows/validation';

type Tx = Prisma.TransactionClient;

/** A non-retryable refusal naming a field; the API turns it into a 400. */
export function invalid(field: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: VALIDATION_ERROR,
    nonRetryable: true,
    message: `Data tidak valid: ${field} — ${message}`,
    details: [{ fields: [{ field, message }] }],
  });
}

/**
 * The step's payload parsed by its strict schema (the update validator checked it already; parsing again here
 * means a write only ever sees the fields the schema names).
 */
export function parsePayload<T extends keyof typeof TASK_PAYLOADS>(
  type: T,
  payload: unknown,
): z.infer<(typeof TASK_PAYLOADS)[T]> {
  const result = TASK_PAYLOADS[type].safeParse(payload);
  if (result.success) return result.data as z.infer<(typeof TASK_PAYLOADS)[T]>;
  const [first] = zodFieldErrors(result.error);
  throw invalid(first.field, first.message);
}

const who = (actor: Actor | string) =>
  typeof actor === 'string'
    ? { actor, actorUserId: null }
    : { actor: actor.username, actorUserId: actor.userId ?? null };

export interface OpenTaskInput {
  key: string;
  type: TaskType;
  title: string;
  appraisalId: number | null;
  cycleId: number | null;
  assigneeId: number | null;
  assigneeRole: RoleValue | null;
  workflowId: string;
  updateName: string;
  dueAt: string;
  context: Record<string, unknown>;
  actor: string;
  /** The appraisal enters this stage with the task (one transaction instead of two). */
  stage?: StageMove;
}

export interface CompleteTaskStepInput {
  appraisalId: number;
  cycleId: number;
  taskKey: string;
  type: TaskType;
  payload: any;
  actor: Actor;
  context: Record<string, unknown>;
}

/** A move of an appraisal to another stage, made inside the transaction of the step that causes it. */
export interface StageMove {
  stage: StageValue;
  /** Also stamps the finish time (DONE). */
  finished?: boolean;
}

/** Stores the appraisal's stage (and finish time) in the transaction, audited; nothing when it is already there. */
export async function moveStage(tx: Tx, appraisalId: number, move: StageMove, actor: string): Promise<void> {
  const before = await tx.appraisal.findUniqueOrThrow({ where: { id: appraisalId }, select: { stage: true } });
  if (before.stage === move.stage) return;
  await tx.appraisal.update({
    where: { id: appraisalId },
    data: { stage: move.stage, ...(move.finished ? { finishedAt: new Date() } : {}) },
  });
  await recordAudit(tx, {
    actor,
    action: 'appraisal.stage',
    entity: 'appraisal',
    entityId: appraisalId,
    before: { stage: before.stage },
    after: { stage: move.stage },
  });
}

/** Marks a task DONE with its result, inside the transaction of the step that completes it. */
export async function markTaskDone(
  tx: Tx,
  key: string,
  actor: Actor,
  payload: unknown,
  outcome: Record<string, unknown>,
  /** Set when an acting superior (Plt. / Plh.) completed it for the official. */
  actingAs: ActingContext | null = null,
): Promise<void> {
  await tx.task.update({
    where: { key },
    data: {
      status: 'DONE',
      result: (actingAs ? { payload, outcome, actingAs } : { payload, outcome }) as any,
      completedById: actor.userId,
      completedAt: new Date(),
    },
  });
}

/** Task and step activities bound to a Prisma client; each step tells the people concerned (notifier). */
export function taskActivities(prisma: PrismaClient, notifier: Notifier = createNotifier(prisma)) {
  const steps: Record<TaskType, (tx: Tx, input: CompleteTaskStepInput) => Promise<Record<string, unknown>>> = {
    async 'plan.submit'(tx, { appraisalId, payload, actor, context }) {
      const p = parsePayload('plan.submit', payload);
      const parentIds = p.items.map((i) => i.parentItemId).filter((x): x is number => !!x);
      if (parentIds.length) {
        const appraisal = await tx.appraisal.findUniqueOrThrow({ where: { id: appraisalId } });
        const parents = await tx.planItem.findMany({
          where: { id: { in: parentIds } },
          select: {
            id: true,
            plan: { select: { status: true, appraisal: { select: { employeeId: true, cycleId: true } } } },
          },
        });
        for (const [i, item] of p.items.entries()) {
          if (!item.parentItemId) continue;
          const parent = parents.find((x) => x.id === item.parentItemId);
          if (!parent || parent.plan.appraisal.employeeId !== (context.raterId ?? appraisal.raterId))
            throw invalid(`items.${i}.parentItemId`, 'bukan RHK atasan langsung / not a work result of your superior');
          if (parent.plan.status !== 'APPROVED')
            throw invalid(
              `items.${i}.parentItemId`,
              'SKP atasan belum disetujui: RHK belum dapat diintervensi / the superior plan is not approved yet',
            );
        }
      }
      const before = await tx.plan.findUnique({ where: { appraisalId }, select: { status: true, revision: true } });
      const plan = await tx.plan.upsert({
        where: { appraisalId },
        create: { appraisalId, status: 'SUBMITTED', revision: Number(context.revision ?? 0) },
        update: { status: 'SUBMITTED', revision: Number(context.revision ?? 0) },
      });
      await tx.planItem.deleteMany({ where: { planId: plan.id } });
      for (const [position, item] of p.items.entries()) {
        await tx.planItem.create({
          data: {
            planId: plan.id,
            kind: item.kind,
            title: item.title.trim(),
            position,
            parentItemId: item.parentItemId ?? null,
            indicators: {
              create: item.indicators.map((ind) => ({
                aspect: ind.aspect,
                description: ind.description.trim(),
                target: ind.target.trim(),
                targetValue: ind.targetValue ?? null,
                targetUnit: ind.targetUnit ?? null,
              })),
            },
          },
        });
      }
      await tx.plan.update({
        where: { id: plan.id },
        data: { expectations: p.expectations ?? null, submittedAt: new Date(), returnComment: null },
      });
      await recordAudit(tx, {
        ...who(actor),
        action: 'plan.submit',
        entity: 'appraisal',
        entityId: appraisalId,
        before,
        after: { status: 'SUBMITTED', revision: plan.revision, items: p.items.length },
      });
      return { planId: plan.id, items: p.items.length };
    },

    async 'plan.review'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('plan.review', payload);
      const before = await tx.plan.findUniqueOrThrow({ where: { appraisalId } });
      const approved = p.decision === 'APPROVE';
      await tx.plan.update({
        where: { appraisalId },
        data: approved
          ? { status: 'APPROVED', approvedAt: new Date(), returnComment: p.comment ?? null }
          : { status: 'RETURNED', returnComment: p.comment ?? null },
      });
      await recordAudit(tx, {
        ...who(actor),
        action: approved ? 'plan.approve' : 'plan.return',
        entity: 'appraisal',
        entityId: appraisalId,
        before: { status: before.status },
        after: { status: approved ? 'APPROVED' : 'RETURNED', comment: p.comment ?? null, revision: before.revision },
      });
      return { decision: p.decision };
    },

    async 'evidence.submit'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('evidence.submit', payload);
      const indicators = await tx.indicator.findMany({
        where: { planItem: { plan: { appraisalId } } },
        select: { id: true },
      });
      const known = new Set(indicators.map((i) => i.id));
      p.realizations.forEach((r, i) => {
        if (!known.has(r.indicatorId))
          throw invalid(`realizations.${i}.indicatorId`, 'bukan indikator SKP ini / not an indicator of this plan');
      });
      (p.links ?? []).forEach((l, i) => {
        if (l.indicatorId && !known.has(l.indicatorId))
          throw invalid(`links.${i}.indicatorId`, 'bukan indikator SKP ini / not an indicator of this plan');
      });
      await tx.realization.createMany({
        data: p.realizations.map((r) => ({
          indicatorId: r.indicatorId,
          value: r.value,
          numericValue: r.numericValue ?? null,
          note: r.note ?? null,
          recordedById: actor.employeeId,
        })),
      });
      if (p.links?.length)
        await tx.evidence.createMany({
          data: p.links.map((l) => ({
            appraisalId,
            indicatorId: l.indicatorId ?? null,
            kind: 'LINK' as const,
            title: l.title,
            url: l.url,
            uploadedById: actor.employeeId,
          })),
        });
      await recordAudit(tx, {
        ...who(actor),
        action: 'evidence.submit',
        entity: 'appraisal',
        entityId: appraisalId,
        after: { realizations: p.realizations.length, links: p.links?.length ?? 0 },
      });
      return { realizations: p.realizations.length };
    },

    async 'review.submit'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('review.submit', payload);
      const data = {
        resultRating: p.resultRating,
        behaviourRating: p.behaviourRating,
        berorientasiPelayanan: p.berakhlak.berorientasiPelayanan,
        akuntabel: p.berakhlak.akuntabel,
        kompeten: p.berakhlak.kompeten,
        harmonis: p.berakhlak.harmonis,
        loyal: p.berakhlak.loyal,
        adaptif: p.berakhlak.adaptif,
        kolaboratif: p.berakhlak.kolaboratif,
        resultComment: p.resultComment ?? null,
        behaviourComment: p.behaviourComment ?? null,
        reviewerId: actor.employeeId,
        source: 'RATER' as const,
      };
      const before = await tx.review.findUnique({ where: { appraisalId } });
      await tx.review.upsert({ where: { appraisalId }, create: { appraisalId, ...data }, update: data });
      await recordAudit(tx, {
        ...who(actor),
        action: 'review.submit',
        entity: 'appraisal',
        entityId: appraisalId,
        before: before ? { resultRating: before.resultRating, behaviourRating: before.behaviourRating } : undefined,
        after: { resultRating: p.resultRating, behaviourRating: p.behaviourRating, berakhlak: p.berakhlak },
      });
      return { resultRating: p.resultRating, behaviourRating: p.behaviourRating };
    },

    async 'result.respond'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('result.respond', payload);
      const appraisal = await tx.appraisal.findUniqueOrThrow({ where: { id: appraisalId } });
      if (p.action === 'APPEAL') {
        const appeal = await tx.appeal.upsert({
          where: { appraisalId },
          create: { appraisalId, reason: p.reason!.trim(), previousPredicate: appraisal.predicate },
          update: {},
        });
        await recordAudit(tx, {
          ...who(actor),
          action: 'appeal.file',
          entity: 'appraisal',
          entityId: appraisalId,
          after: { appealId: appeal.id, reason: appeal.reason, predicate: appraisal.predicate },
        });
        return { action: 'APPEAL', appealId: appeal.id };
      }
      await recordAudit(tx, {
        ...who(actor),
        action: 'result.accept',
        entity: 'appraisal',
        entityId: appraisalId,
        after: { predicate: appraisal.predicate },
      });
      return { action: 'ACCEPT' };
    },

    async 'appeal.decide'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('appeal.decide', payload);
      const before = await tx.appeal.findUniqueOrThrow({ where: { appraisalId } });
      const after = await tx.appeal.update({
        where: { appraisalId },
        data: {
          status: 'DECIDED',
          decision: p.decision,
          decisionNote: p.note.trim(),
          newResultRating: p.decision === 'CHANGED' ? (p.newResultRating ?? null) : null,
          newBehaviourRating: p.decision === 'CHANGED' ? (p.newBehaviourRating ?? null) : null,
          decidedById: actor.employeeId,
          decidedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        ...who(actor),
        action: 'appeal.decide',
        entity: 'appraisal',
        entityId: appraisalId,
        before: { status: before.status },
        after: {
          status: after.status,
          decision: after.decision,
          note: after.decisionNote,
          newResultRating: after.newResultRating,
          newBehaviourRating: after.newBehaviourRating,
        },
      });
      return { decision: p.decision };
    },

    async 'sanction.decide'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('sanction.decide', payload);
      const now = new Date();
      const decided: Record<string, string> = {};
      for (const d of p.decisions) {
        const row = await tx.sanction.findUnique({ where: { appraisalId_code: { appraisalId, code: d.code } } });
        if (!row) throw invalid('decisions.code', `rekomendasi ${d.code} tidak ditemukan`);
        const confirm = d.decision === 'CONFIRM';
        // The sanction runs from the month after the period it was recommended for (attendance-sanctions.test.ts).
        const term = sanctionTerm(await periodEndOf(tx, appraisalId), row.months);
        await tx.sanction.update({
          where: { id: row.id },
          data: {
            status: confirm ? 'CONFIRMED' : 'DISMISSED',
            note: d.note ?? null,
            decidedById: actor.userId,
            decidedAt: now,
            startsOn: confirm ? term.startsOn : null,
            endsOn: confirm ? term.endsOn : null,
          },
        });
        decided[d.code] = confirm ? 'CONFIRMED' : 'DISMISSED';
        await recordAudit(tx, {
          ...who(actor),
          action: confirm ? 'sanction.confirm' : 'sanction.dismiss',
          entity: 'sanction',
          entityId: row.id,
          before: { status: row.status },
          after: { status: decided[d.code], code: d.code, appraisalId, note: d.note ?? null },
        });
      }
      return { decided };
    },

    async 'calibration.unit'() {
      throw new Error('calibration.unit is completed by the cycle activities');
    },
  };

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
          data: { remindedAt: new Date(), ...(input.round !== undefined ? { context: context as any } : {}) },
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
        await notifier.taskEscalated(tx, task.id, input.level, {
          employeeId: input.assigneeId,
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
        const task = await tx.task.findUnique({ where: { key: input.key } });
        if (!task || task.status !== 'OPEN') return;
        await tx.task.update({
          where: { id: task.id },
          data: { status: 'CANCELLED', result: { expired: true, reason: input.reason } },
        });
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
          const outcome = await steps[input.type](tx, input);
          await markTaskDone(tx, input.taskKey, input.actor, input.payload, outcome, actingAs);
          if (onBehalf)
            await tx.task.update({
              where: { key: input.taskKey },
              data: { result: { payload: input.payload, outcome, onBehalf } as any },
            });
          if (decided) await notifier.appraisalEvent(tx, input.appraisalId, decided);
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
      if (decided) await notifier.afterCommit({ appraisalId: input.appraisalId });
      return result;
    },

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
