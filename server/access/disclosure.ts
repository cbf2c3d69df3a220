/**
 * Least privilege in what is returned: which fields of a directory row, which parts of an appraisal and which unit
 * counts the caller may receive, and who gets the Temporal Web UI link.
 */
import type { Appraisal, Employee, Prisma } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import { calibrates } from './calibration-scope';
import { readsAll, relationsOf } from './relations';

/** Directory fields every signed-in user may see; the rest (pay ceiling, e-mail, grade, …) only self, chain, HR. */
export const DIRECTORY_FIELDS = ['id', 'nip', 'name', 'position', 'positionType', 'unitId', 'unit'] as const;

type DirectoryRow = Pick<Employee, 'id' | 'superiorId'> & { superior?: { superiorId?: number | null } | null };

/**
 * A directory row as the caller may see it: the whole row for HR, auditors, the employee themself and their own
 * chain (rater = direct superior, rater's superior); name, NIP, position and unit for everyone else.
 */
export function directoryRow<T extends DirectoryRow>(user: AuthUser, row: T): T | Partial<T> {
  if (readsAll(user)) return row;
  const me = user.employeeId;
  if (me !== null && (row.id === me || row.superiorId === me || row.superior?.superiorId === me)) return row;
  const out: Partial<T> = {};
  for (const k of DIRECTORY_FIELDS) if (k in row) (out as any)[k] = (row as any)[k];
  return out;
}

/**
 * True when the result of this appraisal is withheld from the caller: the appraised employee (with no other
 * relation: not rater, rater's superior, HR or auditor) before the result is shared.
 */
export function resultWithheld(
  user: AuthUser,
  a: Pick<Appraisal, 'employeeId' | 'raterId' | 'raterSuperiorId' | 'resultSharedAt'>,
): boolean {
  if (a.resultSharedAt) return false;
  const r = relationsOf(user, a);
  return r.has('self') && !['rater', 'raterSuperior', 'hr', 'auditor'].some((x) => r.has(x as never));
}

/** Fields of an appraisal row that carry its result. */
const RESULT_FIELDS = ['predicate', 'predicateExplanation', 'review', 'payAdjustments', 'sanctions', 'appeal'] as const;

/** An appraisal row without its result when it is withheld from the caller (the keys stay, as null). */
export function withoutWithheldResult<T extends Pick<Appraisal, 'employeeId' | 'resultSharedAt'>>(
  user: AuthUser,
  row: T & Partial<Pick<Appraisal, 'raterId' | 'raterSuperiorId'>>,
): T & { resultWithheld?: true } {
  const full = { raterId: null, raterSuperiorId: null, ...row };
  if (!resultWithheld(user, full)) return row;
  const out: any = { ...row, resultWithheld: true };
  for (const k of RESULT_FIELDS) if (k in out) out[k] = Array.isArray(out[k]) ? [] : null;
  return out;
}

/**
 * Rows that follow from an appraisal's result (TPP, sanction recommendations) that the caller may list: all for HR
 * and auditors; for the employee only those of a shared result (or of no appraisal, e.g. an absence sanction).
 */
export function sharedResultWhere(user: AuthUser, appraisalOptional: true): Prisma.SanctionWhereInput;
export function sharedResultWhere(user: AuthUser, appraisalOptional: false): Prisma.PayAdjustmentWhereInput;
export function sharedResultWhere(
  user: AuthUser,
  appraisalOptional: boolean,
): Prisma.SanctionWhereInput | Prisma.PayAdjustmentWhereInput {
  if (readsAll(user)) return {};
  const shared = { appraisal: { resultSharedAt: { not: null } } };
  return appraisalOptional ? { OR: [{ appraisalId: null }, shared] } : shared;
}

/** The Temporal Web UI has no login and shows every payload: only HR and auditors get its link. */
export function mayOpenTemporalUi(user: AuthUser): boolean {
  return readsAll(user);
}

/**
 * True when per-unit counts of this size may be shown to the caller: HR and auditors always, a CALIBRATOR for the units
 * of their calibration subtree, everyone else from `threshold` employees up.
 */
export function mayShowUnitCounts(user: AuthUser, unitSize: number, threshold: number, unitId?: number): boolean {
  return readsAll(user) || calibrates(user, unitId) || unitSize >= threshold;
}

/**
 * True when the caller may see the colleagues asked for peer feedback (their tasks, their audit entries): anyone
 * related to the appraisal other than the appraised employee alone (the rater's chain, HR, auditors, a task holder).
 * The employee sees only the anonymous summary (server/appraisals/peer-feedback.routes.ts).
 */
export function peerTasksVisible(user: AuthUser, a: Pick<Appraisal, 'employeeId' | 'raterId' | 'raterSuperiorId'>) {
  const r = relationsOf(user, a);
  return !r.has('self') || ['rater', 'raterSuperior', 'hr', 'auditor'].some((x) => r.has(x as never));
}
