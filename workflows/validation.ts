/**
 * Payload checks of the update validators: pure and deterministic, so a bad request is refused before it
 * enters history, and the caller gets a reason naming each field (Bahasa Indonesia first). The shape of each
 * payload is its strict schema in `task-payloads.ts`; what needs the task's state is checked here.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type * as Payloads from './task-payloads';
import type { AppealDecisionPayload, FieldError, SanctionDecisionPayload } from './task-payloads';

/**
 * The payload schemas, built on the first validation. A workflow instance (each new one, and each one replayed after a
 * cache miss: the SDK gives every workflow its own modules) used to build every schema when its code loaded, and zod's
 * schema building was among the workers' top functions in a month-end surge's profile; a replay runs no validator, so
 * it now builds none. (The SDK's `preloadModules` cannot share them: it freezes shared modules, and zod binds methods
 * such as `safeParse` on first use.)
 */
let payloads: typeof Payloads | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const schemas = (): typeof Payloads => (payloads ??= require('./task-payloads') as typeof Payloads);

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

type SchemaChecked = Exclude<keyof typeof Payloads.TASK_PAYLOADS, 'appeal.decide' | 'sanction.decide'>;

/** Field errors of a payload whose checks are its schema alone. */
export const validatePayload = (type: SchemaChecked, payload: unknown): FieldError[] =>
  schemas().schemaErrors(schemas().TASK_PAYLOADS[type], payload);

/** appeal.decide: the schema, and for CHANGED at least one new rating different from the current one. */
export function validateAppealDecision(
  p: AppealDecisionPayload,
  current: { resultRating: string | null; behaviourRating: string | null },
): FieldError[] {
  const errors = schemas().schemaErrors(schemas().appealDecisionPayload, p);
  if (errors.length || p.decision !== 'CHANGED') return errors;
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

/** sanction.decide: the schema, and one decision for each recommended code, none for another. */
export function validateSanctionDecision(p: SanctionDecisionPayload, codes: string[]): FieldError[] {
  const errors = schemas().schemaErrors(schemas().sanctionDecisionPayload, p);
  if (errors.length) return errors;
  p.decisions.forEach((d, i) => {
    if (!codes.includes(d.code))
      errors.push({
        field: `decisions.${i}.code`,
        message: `bukan rekomendasi tugas ini (pilihan: ${codes.join(', ')})`,
      });
  });
  const decided = new Set(p.decisions.map((d) => d.code));
  const missing = codes.filter((c) => !decided.has(c));
  if (missing.length) errors.push({ field: 'decisions', message: `belum diputus: ${missing.join(', ')}` });
  return errors;
}
