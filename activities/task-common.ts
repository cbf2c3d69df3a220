/**
 * What the task and appraisal activities share: refusals that name a field, a step's payload parsed by its strict
 * schema, the audit actor, the stage move made inside a step's transaction, and marking a task done.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { recordAudit } from '../prisma/audit';
import type { Prisma } from '../prisma/client';
import type { ActingContext } from '../workflows/delegation-messages';
import type { Actor, RoleValue, StageValue, TaskType } from '../workflows/messages';
import { TASK_PAYLOADS, zodFieldErrors } from '../workflows/task-payloads';
import { VALIDATION_ERROR } from '../workflows/validation';

export type Tx = Prisma.TransactionClient;

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
 * The step's payload parsed by its strict schema (the API checked it already; parsing again here means a write only
 * ever sees the fields the schema names, also from a caller that reached Temporal without the API).
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

/** The audit actor: a user who acted, or the workflow (`system:<workflow id>`). */
export const who = (actor: Actor | string) =>
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
    data: { stage: move.stage, finishedAt: move.finished ? new Date() : undefined },
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

/** Closes a task whose window ended unanswered (CANCELLED, `result.expired`), in the transaction; null when not open. */
export async function closeExpiredTask(tx: Tx, key: string, reason: string) {
  const task = await tx.task.findUnique({ where: { key } });
  if (!task || task.status !== 'OPEN') return null;
  await tx.task.update({ where: { id: task.id }, data: { status: 'CANCELLED', result: { expired: true, reason } } });
  return task;
}
