/**
 * Signals, updates and queries of the cycle and appraisal workflows, defined once and imported by both the
 * workflows and the server so names are checked on both sides. Wire names never change once released.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { BERAKHLAK, PREDICATE_VALUES, RATING_VALUES } from './task-values';

export { BERAKHLAK } from './task-values';

export type RatingValue = (typeof RATING_VALUES)[number];
export type PredicateValue = (typeof PREDICATE_VALUES)[number];
export type StageValue =
  | 'PLANNING'
  | 'PERIOD'
  | 'EVIDENCE'
  | 'REVIEW'
  | 'SCORING'
  | 'CALIBRATION'
  | 'APPEAL'
  | 'PAY'
  | 'DONE'
  | 'CANCELLED'
  | 'FAILED';
export type RoleValue = 'EMPLOYEE' | 'HR_ADMIN' | 'AUDITOR' | 'CALIBRATOR';

export const RATINGS: readonly RatingValue[] = RATING_VALUES;
export const PREDICATES: readonly PredicateValue[] = PREDICATE_VALUES;
export const STAGES: readonly StageValue[] = [
  'PLANNING',
  'PERIOD',
  'EVIDENCE',
  'REVIEW',
  'SCORING',
  'CALIBRATION',
  'APPEAL',
  'PAY',
  'DONE',
  'CANCELLED',
  'FAILED',
];
export type BerakhlakKey = (typeof BERAKHLAK)[number];

/** Deadlines and windows of each stage, in days (a cycle's `settings`; every field optional there). */
export interface CycleSettings {
  planningDays: number;
  planReviewDays: number;
  evidenceDays: number;
  reviewDays: number;
  calibrationDays: number;
  /** PP 30/2019 art. 59: the employee may appeal within 14 days of receiving the result. */
  appealWindowDays: number;
  /** Not set by law: a setting, escalating to HR. */
  appealDecisionDays: number;
  sanctionDecisionDays: number;
  /** After the reminder, how long before escalating to the next level (rater's superior, then HR). */
  escalationDays: number;
  /** Rating of a unit that HR did not rate before calibration. */
  defaultUnitRating: 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
  /** Offset of local time from UTC in hours (WIB = 7): the appeal window ends at local midnight. */
  utcOffsetHours: number;
  /** Peer feedback (360): how many colleagues the rater may ask per evaluation period (0: no peer feedback). */
  peerFeedbackMax: number;
  /** Days a colleague has to answer (to the end of that local day); unanswered, the request expires. */
  peerFeedbackDays: number;
  /** True: the employee sees who said what; false (default): only the anonymous summary. */
  peerFeedbackNamed: boolean;
}

export const DEFAULT_SETTINGS: CycleSettings = {
  planningDays: 14,
  planReviewDays: 7,
  evidenceDays: 30,
  reviewDays: 14,
  calibrationDays: 7,
  appealWindowDays: 14,
  appealDecisionDays: 14,
  sanctionDecisionDays: 14,
  escalationDays: 3,
  defaultUnitRating: 'BAIK',
  utcOffsetHours: 7,
  peerFeedbackMax: 3,
  peerFeedbackDays: 7,
  peerFeedbackNamed: false,
};

/** Fills missing settings with the defaults. */
export function withDefaultSettings(settings: Partial<CycleSettings> | null | undefined): CycleSettings {
  return { ...DEFAULT_SETTINGS, ...(settings ?? {}) };
}

/** The rule-set versions pinned when the cycle starts (ids of RuleSetVersion rows). */
/** Workflow id of a cycle (the API and scheduled cycles both start it under this id). */
export const cycleWorkflowId = (cycleId: number) => `cycle-${cycleId}`;

/** The cycle field that pins each kind of rule set. */
export const VERSION_FIELDS = {
  SCORING: 'scoringVersionId',
  DISTRIBUTION: 'distributionVersionId',
  PAY: 'payVersionId',
  SANCTION: 'sanctionVersionId',
} as const satisfies Record<string, keyof RuleVersions>;

export interface RuleVersions {
  scoringVersionId: number;
  distributionVersionId: number;
  payVersionId: number;
  sanctionVersionId: number;
}

/** Who acts: passed by the API with each update so the workflow and the audit log know. */
export interface Actor {
  userId: number | null;
  employeeId: number | null;
  username: string;
  roles: RoleValue[];
}

/** Input of every task-completing update: the task's key, who completes it, and the step's payload. */
export interface TaskUpdateInput<P> {
  taskKey: string;
  actor: Actor;
  payload: P;
}

export interface TaskUpdateResult {
  taskKey: string;
  status: 'DONE';
  /** Step-specific outcome (e.g. the new predicate after an appeal decision). */
  outcome?: Record<string, unknown>;
}

// ---------------------------------------------------------------- step payloads

import type {
  AppealDecisionPayload,
  CalibrationPayload,
  EvidencePayload,
  PlanPayload,
  PlanReviewPayload,
  ResultResponsePayload,
  PeerFeedbackPayload,
  ReviewPayload,
  SanctionDecisionPayload,
} from './task-payloads';

export type {
  PeerFeedbackPayload,
  AppealDecisionPayload,
  CalibrationPayload,
  EvidencePayload,
  PlanPayload,
  PlanReviewPayload,
  ResultResponsePayload,
  ReviewPayload,
  SanctionDecisionPayload,
};
export type { IndicatorInput, PlanItemInput } from './task-payloads';

// ---------------------------------------------------------------- appraisal workflow messages

/** Task types, each completed by the update of the same row in TASK_UPDATES. */
export type TaskType =
  | 'plan.submit'
  | 'plan.review'
  | 'evidence.submit'
  | 'review.submit'
  | 'result.respond'
  | 'appeal.decide'
  | 'sanction.decide'
  | 'calibration.unit'
  | 'peer.feedback';

export const submitPlanUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<PlanPayload>]>('submitPlan');
export const reviewPlanUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<PlanReviewPayload>]>('reviewPlan');
export const submitEvidenceUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<EvidencePayload>]>(
  'submitEvidence',
);
export const submitReviewUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<ReviewPayload>]>('submitReview');
export const respondToResultUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<ResultResponsePayload>]>(
  'respondToResult',
);
export const decideAppealUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<AppealDecisionPayload>]>(
  'decideAppeal',
);
export const decideSanctionsUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<SanctionDecisionPayload>]>(
  'decideSanctions',
);
export const calibrateUnitUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<CalibrationPayload>]>(
  'calibrateUnit',
);

/** A colleague answers the rater's request for peer feedback (360) on the seven BerAKHLAK values. */
export const submitPeerFeedbackUpdate = defineUpdate<TaskUpdateResult, [TaskUpdateInput<PeerFeedbackPayload>]>(
  'submitPeerFeedback',
);

/** The update that completes each task type. */
export const TASK_UPDATES: Record<TaskType, string> = {
  'plan.submit': submitPlanUpdate.name,
  'plan.review': reviewPlanUpdate.name,
  'evidence.submit': submitEvidenceUpdate.name,
  'review.submit': submitReviewUpdate.name,
  'result.respond': respondToResultUpdate.name,
  'appeal.decide': decideAppealUpdate.name,
  'sanction.decide': decideSanctionsUpdate.name,
  'calibration.unit': calibrateUnitUpdate.name,
  'peer.feedback': submitPeerFeedbackUpdate.name,
};

export interface ReassignRaterInput {
  actor: Actor;
  raterId: number;
  /** Defaults to the new rater's own superior. */
  raterSuperiorId?: number | null;
  reason?: string | null;
}
export interface ReassignRaterResult {
  raterId: number;
  raterSuperiorId: number | null;
  movedTaskKeys: string[];
}
/** HR moves an appraisal to another rater mid-flight: open tasks move, nothing restarts. */
export const reassignRaterUpdate = defineUpdate<ReassignRaterResult, [ReassignRaterInput]>('reassignRater');

export interface EmploymentChangeInput {
  actor: Actor;
  kind: 'TRANSFER' | 'LEAVE';
  /** TRANSFER: the new unit and rater inside the cycle. */
  newUnitId?: number | null;
  newRaterId?: number | null;
  reason?: string | null;
}
/** An employee transferred (appraisal continues with the new unit and rater) or leaving (appraisal closes). */
export const changeEmploymentUpdate = defineUpdate<{ stage: StageValue }, [EmploymentChangeInput]>('changeEmployment');

/** Sent by the cycle once the employee's unit is calibrated for an evaluation period: the result may be shared. */
export const calibratedSignal = defineSignal<[{ unitId?: number; periodId?: number }]>('calibrated');

export interface PlanRevisionInput {
  actor: Actor;
  reason?: string | null;
}
/** The employee or the rater opens a revision of the plan in force (a new position, a transfer, a changed target). */
export const requestPlanRevisionUpdate = defineUpdate<{ revision: number }, [PlanRevisionInput]>('requestPlanRevision');

export interface PeerFeedbackRequestInput {
  actor: Actor;
  /** The colleagues asked (employee ids): at most `peerFeedbackMax` per period, counting those asked before. */
  peerIds: number[];
}
export interface PeerFeedbackRequestResult {
  requested: { peerId: number; taskKey: string; dueAt: string }[];
}
/** The rater (or the acting rater holding the rating) asks colleagues for feedback before the rating is done. */
export const requestPeerFeedbackUpdate = defineUpdate<PeerFeedbackRequestResult, [PeerFeedbackRequestInput]>(
  'requestPeerFeedback',
);

export interface OpenTaskView {
  key: string;
  type: TaskType;
  assigneeId: number | null;
  assigneeRole: RoleValue | null;
  escalationLevel: number;
  dueAt: string;
}
export interface AppraisalView {
  appraisalId: number;
  stage: StageValue;
  raterId: number | null;
  raterSuperiorId: number | null;
  unitId: number;
  planRevision: number;
  predicate: PredicateValue | null;
  appealWindowEndsAt: string | null;
  openTasks: OpenTaskView[];
}
/** The appraisal's live state. */
export const appraisalStateQuery = defineQuery<AppraisalView>('appraisalState');

// ---------------------------------------------------------------- cycle workflow messages

export interface StageChange {
  appraisalId: number;
  /** The evaluation period (index into the cycle's periods) the change belongs to. */
  index: number;
  /** True on the year's final evaluation: its DONE ends the year. */
  final: boolean;
  from: StageValue;
  to: StageValue;
}
/** Sent by each appraisal to its cycle (or its batch) on every stage change it reports (progress counts). */
export const appraisalStageSignal = defineSignal<[StageChange]>('appraisalStage');

/** Stages from which an appraisal counts as scored: calibration may start once every appraisal is in one. */
export const SCORED_STAGES: readonly StageValue[] = ['CALIBRATION', 'APPEAL', 'PAY', 'DONE', 'CANCELLED', 'FAILED'];

/** How many employees' years are scored in each evaluation period (index), and how many ended each way. */
export interface StageCounts {
  scored: number[];
  finished: number;
  failed: number;
  cancelled: number;
}
const SCORED = new Set<StageValue>(SCORED_STAGES);
/**
 * What one stage change adds to the counts of a year of `periods` evaluations: scored in its period — and, when the
 * year stops early (cancelled, failed), in every later period too, which it will never reach — and ended.
 */
export function countsOfChange({ index, final, from, to }: StageChange, periods: number): StageCounts {
  const scored = new Array<number>(periods).fill(0);
  const stopped = to === 'CANCELLED' || to === 'FAILED';
  if (SCORED.has(to) && !SCORED.has(from)) scored[index] = 1;
  if (stopped) for (let k = index + 1; k < periods; k++) scored[k] = 1;
  return {
    scored,
    finished: to === 'DONE' && final ? 1 : 0,
    failed: to === 'FAILED' ? 1 : 0,
    cancelled: to === 'CANCELLED' ? 1 : 0,
  };
}

/** What a batch of appraisals tells its cycle: how many more are scored, and how many more ended each way. */
export interface BatchStages extends StageCounts {
  batchId: string;
}
/** Sent by a batch workflow to its cycle when all its appraisals are scored, and when all have ended. */
export const batchStagesSignal = defineSignal<[BatchStages]>('batchStages');

export type CyclePhase = 'STARTING' | 'RUNNING' | 'CALIBRATION' | 'CLOSING' | 'CLOSED' | 'CANCELLED';
export interface CycleProgress {
  cycleId: number;
  phase: CyclePhase;
  /** The evaluation period being waited for or calibrated (index from 0 of `count`). */
  evaluation?: { index: number; count: number; label: string } | null;
  total: number;
  started: number;
  perStage: Record<string, number>;
  finished: number;
  failed: number;
  cancelled: number;
  /** Units whose distribution still blocks closing. */
  blockedUnits: number[];
}
/** Progress for the console's progress bar. */
export const cycleProgressQuery = defineQuery<CycleProgress>('cycleProgress');

/** HR cancels the cycle: running appraisals are cancelled, open tasks closed. */
export const cancelCycleUpdate = defineUpdate<{ phase: CyclePhase }, [{ actor: Actor; reason?: string | null }]>(
  'cancelCycle',
);
