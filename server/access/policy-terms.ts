/** The terms of the access policy (access.policy.ts): who may act, on which record, and the shape of a row. */

/**
 * Who may act. Roles: `hr` (HR_ADMIN), `auditor` (AUDITOR), `signedIn` (any valid session), `public` (no session).
 * Relations to the record named by the route's `:id`: `self` (the record is about the caller's own employee),
 * `rater` (the caller rates that employee), `raterSuperior` (the caller is the rater's superior), `assignee`
 * (the task is assigned to the caller or to one of the caller's roles, or the caller completed it, or it is a
 * calibration task of the caller's calibration subtree), `calibrator` (the record's unit lies in the subtree a
 * CALIBRATOR calibrates: server/access/calibration-scope.ts).
 */
export type Relation =
  'public' | 'signedIn' | 'self' | 'rater' | 'raterSuperior' | 'assignee' | 'calibrator' | 'hr' | 'auditor';

/** Records whose relation to the caller is loaded from the route's `:id`. */
export type RecordKind = 'appraisal' | 'employee' | 'payAdjustment' | 'sanction' | 'evidence' | 'task' | 'user';

export interface AccessRule {
  resource: string;
  action: string;
  /** Any one of these grants the action. */
  allow: readonly Relation[];
  /** The record the relations are judged against (route parameter `:id`). */
  record?: RecordKind;
  /** Separation of duties: an HR admin may not do this on a record about themselves (403 with the reason). */
  notOwnCase?: boolean;
  /** The own-case refusal's words (default: `resource.action`). */
  ownCaseWords?: string;
  /** The refusal's words when they say more than the row (default: who may do it). */
  refusal?: string;
  /** A caller unrelated to the record gets 403 with the refusal instead of 404 (its existence is no secret). */
  refuseUnrelated?: boolean;
  /** Open while the caller must still replace a one-time or reset password (every other row answers 403). */
  duringPasswordChange?: boolean;
  /** `METHOD /api/path` as express registers them. */
  routes: readonly string[];
}

/** HR admins and auditors, who read every record. */
export const READ_ALL = ['hr', 'auditor'] as const;
/** The employee and their chain: the rater and the rater's superior. */
export const CHAIN = ['self', 'rater', 'raterSuperior'] as const;
