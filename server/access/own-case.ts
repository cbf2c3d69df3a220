/**
 * Separation of duties: an HR admin may not act on their own case (appraisal, sanctions, calibration, pay data);
 * another HR admin can. The guard refuses rows marked `notOwnCase`; handlers use these for field- and payload-level cases.
 */
import type { Employee } from '../../prisma/client';
import { ApiError } from '../http/api-error';

/** 403 naming what the HR admin tried to do on their own case. */
export function ownCaseRefusal(what: string): ApiError {
  return new ApiError(
    403,
    'OWN_CASE',
    `Admin SDM tidak dapat bertindak atas perkaranya sendiri (${what}); mintalah admin SDM lain / ` +
      `an HR admin cannot act on their own case (${what}); ask another HR admin`,
    { rule: 'separation-of-duties', what },
  );
}

/** Fields of an employee's own record that they may not change themselves: pay ceiling, grade, their rater. */
export const OWN_CASE_FIELDS = ['baseAllowance', 'grade', 'superiorId'] as const;

/** The own-case fields that `next` changes on `before` (empty when the editor is not that employee). */
export function ownCaseChanges(
  editorEmployeeId: number | null,
  before: Pick<Employee, 'id' | 'baseAllowance' | 'grade' | 'superiorId'>,
  next: Partial<Record<(typeof OWN_CASE_FIELDS)[number], unknown>>,
): string[] {
  if (editorEmployeeId === null || editorEmployeeId !== before.id) return [];
  return OWN_CASE_FIELDS.filter((f) => next[f] !== undefined && (next[f] ?? null) !== (before[f] ?? null));
}
