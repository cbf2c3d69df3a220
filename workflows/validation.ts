/**
 * What the update validators check beyond the task being open and the actor's: the rules that need the workflow's
 * state. A payload's shape is its strict schema in `task-payloads.ts`, checked by the API before it sends the update
 * (`server/tasks/task-updates.ts`, a 400 naming each field) and again by the step's write (`parsePayload` in
 * activities/task-common.ts, for a caller that bypasses the API): workflow code builds no schema. The SDK gives every
 * workflow instance its own modules, so a worker answering an update for a workflow it no longer caches built the
 * schemas (zod) anew for each one: 16 % of the workers' CPU in a month-end surge (`bench:surge --profile`, 2026-12-02).
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { FieldError } from './task-payloads';

export type { FieldError } from './task-payloads';

/** Error type the API maps to 400 (the details carry the field errors). */
export const VALIDATION_ERROR = 'ValidationError';
/** Error type the API maps to 409: the task is no longer waiting for an answer. */
export const TASK_NOT_OPEN = 'TaskNotOpen';
/** Error type the API maps to 403: the actor is not the task's assignee. */
export const NOT_ASSIGNEE = 'NotAssignee';

/** Throws a non-retryable validation failure when there are field errors. */
export function rejectIfInvalid(errors: FieldError[]): void {
  if (!errors.length) return;
  throw ApplicationFailure.create({
    type: VALIDATION_ERROR,
    nonRetryable: true,
    message: `Data tidak valid: ${errors.map((e) => `${e.field} — ${e.message}`).join('; ')}`,
    details: [{ fields: errors }],
  });
}

/** appeal.decide: a CHANGED decision needs at least one new rating different from the current one. */
export function appealDecisionErrors(
  payload: unknown,
  current: { resultRating: string | null; behaviourRating: string | null },
): FieldError[] {
  const p = (payload ?? {}) as { decision?: unknown; newResultRating?: unknown; newBehaviourRating?: unknown };
  if (p.decision !== 'CHANGED') return [];
  const changes =
    (p.newResultRating != null && p.newResultRating !== current.resultRating) ||
    (p.newBehaviourRating != null && p.newBehaviourRating !== current.behaviourRating);
  if (changes) return [];
  return [
    {
      field: 'newResultRating',
      message: 'keputusan CHANGED memerlukan rating hasil kerja atau perilaku yang baru / a changed rating is required',
    },
  ];
}

/** sanction.decide: one decision for each recommended code, none for another. */
export function sanctionDecisionErrors(payload: unknown, codes: string[]): FieldError[] {
  const given = (payload as { decisions?: unknown } | null)?.decisions;
  const decisions = Array.isArray(given) ? (given as ({ code?: unknown } | null)[]) : [];
  const errors: FieldError[] = [];
  decisions.forEach((d, i) => {
    if (!codes.includes(d?.code as string))
      errors.push({
        field: `decisions.${i}.code`,
        message: `bukan rekomendasi tugas ini (pilihan: ${codes.join(', ')})`,
      });
  });
  const decided = new Set(decisions.map((d) => d?.code));
  const missing = codes.filter((c) => !decided.has(c));
  if (missing.length) errors.push({ field: 'decisions', message: `belum diputus: ${missing.join(', ')}` });
  return errors;
}
