/**
 * What the workflows are started with and carry: the API, the activities and the workflows share these types, so
 * none of them imports a workflow file for its input (and activities never import workflow code).
 */
import type { Actor, CycleSettings, CyclePhase, PredicateValue, RuleVersions, StageValue } from './messages';

// ---------------------------------------------------------------- appraisal

/** One evaluation period of a cycle's year, in order. */
export interface EvaluationPeriod {
  periodId: number;
  label: string;
  /** The first moment after the period in the unit's time zone (ISO): its evaluation opens then. */
  opensAt: string;
}

/**
 * One employee's year: the run evaluating `periods[index]` on appraisal row `appraisalId`; the next period's run
 * (continue-as-new) gets the next row and what the year carries (the plan revision in force, rater, unit).
 */
export interface AppraisalInput {
  appraisalId: number;
  cycleId: number;
  employeeId: number;
  unitId: number;
  periods: EvaluationPeriod[];
  index: number;
  /** The revision of the plan in force (0 until revised). */
  planRevision: number;
  raterId: number | null;
  raterSuperiorId: number | null;
  versions: RuleVersions;
  settings: CycleSettings;
  /** The batch workflow to tell when the appraisal is scored and when it ends; absent when run alone. */
  cycleWorkflowId?: string | null;
}

export interface AppraisalResult {
  appraisalId: number;
  stage: StageValue;
  predicate: PredicateValue | null;
  allowance: number | null;
  appealed: boolean;
}

// ---------------------------------------------------------------- cycle

/** State carried across continue-as-new. */
export interface CycleState {
  phase: CyclePhase;
  prepared: boolean;
  total: number;
  started: number;
  /** Last appraisal id started (appraisals are started in id order). */
  cursor: number;
  finished: number;
  failed: number;
  cancelled: number;
  /** The year's evaluation periods (set when the cycle is prepared) and the one being calibrated. */
  periods: EvaluationPeriod[];
  periodIndex: number;
  /** Per evaluation period: employees scored in it (or whose year ended before it). */
  ready: number[];
  calibrationChecked: boolean;
  /** How often the open calibration tasks have been escalated to HR (one per `escalationDays` after the reminder). */
  calibrationEscalations?: number;
  pendingUnits: { unitId: number; taskKey: string }[];
  /** The current period's calibrated results were released to its appraisals. */
  released: boolean;
  cancelRequest: { actor: Actor; reason: string | null } | null;
}

export interface CycleInput {
  cycleId: number;
  versions: RuleVersions;
  settings: CycleSettings;
  /** Appraisals per batch workflow. */
  batchSize?: number;
  state?: CycleState;
}

// ---------------------------------------------------------------- recurring cycles (Temporal Schedules)

/** The period types of a schedule (as in the database). */
export type PeriodType = 'MONTH' | 'QUARTER' | 'SEMESTER' | 'YEAR';

/** What HR chose when creating the schedule; stored in the schedule's action. */
export interface ScheduledCycleInput {
  scheduleId: string;
  name: string;
  unitId: number;
  periodType: PeriodType;
  /** How often each opened cycle (normally a year) is evaluated; absent: once. */
  evaluationFrequency?: Exclude<PeriodType, 'YEAR'> | null;
  includeDescendants: boolean;
  settings: Partial<CycleSettings>;
  createdById: number;
  /** Offset of the local time zone (WIB = 7) used to find the period that begins now. */
  utcOffsetHours: number;
}
