/**
 * The state of one running appraisal — one employee's year, one evaluation period per workflow run — and what every
 * stage shares: who does what, the stage it is in and how the batch (or cycle) hears of it. One object per workflow
 * run; the stages, task machinery and handlers take it.
 */
import { getExternalWorkflowHandle, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { StageMove } from '../../activities/task-common';
import { followDelegations } from '../acting';
import {
  SCORED_STAGES,
  appraisalStageSignal,
  type PredicateValue,
  type RatingValue,
  type RoleValue,
  type StageValue,
} from '../messages';
import type { AppraisalInput, EvaluationPeriod } from '../inputs';
import type { OpenTask } from './tasks';

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 } as const;
/**
 * The database writes run as local activities: short transactions, run by the worker that runs the workflow,
 * recorded as markers in its history. A human step (update, its write, the next stage and the next task) then costs
 * one workflow task instead of a server round trip per activity. Longer retries wait on durable timers
 * (localRetryThreshold), so a database outage is waited out.
 */
export const acts = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry,
});
/**
 * Activities scheduled on the server: the pay computation, whose attempts stay in the history for auditors and which a
 * dying worker hands to another after its timeout (exactly once through its unique key).
 */
export const serverActs = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });
/**
 * The writes an update makes (a task's answer, HR's interventions) are scheduled on the server, never local: the
 * server holds an update only in memory until the workflow task that accepts it completes, so a local write could
 * commit an answer whose update a Temporal restart then forgets — the task DONE in the database, the workflow still
 * waiting for it, and nobody left to send it again (found by `chaos:cycle`). Scheduled, the write starts only once
 * the acceptance is in the history, and a restart at any point retries it (each write is idempotent by task key).
 */
export const updateActs = serverActs;

/** Who a task is for; PEER: the one colleague asked for feedback (peers.ts), never escalated. */
export type Audience = 'EMPLOYEE' | 'RATER' | 'RATER_SUPERIOR' | 'HR' | 'PEER';
export interface Assignee {
  assigneeId: number | null;
  assigneeRole: RoleValue | null;
}

/** Stages from which an appraisal counts as scored for the cycle (same set as the cycle's). */
const CYCLE_WAITS_ON = new Set<StageValue>(SCORED_STAGES);
const ENDED = new Set<StageValue>(['DONE', 'CANCELLED', 'FAILED']);
const HR: Assignee = { assigneeId: null, assigneeRole: 'HR_ADMIN' };

/** Thrown when the appraisal is stopped (the employee left, the cycle was cancelled) while a stage waits. */
export class AppraisalStopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class AppraisalRun {
  readonly appraisalId: number;
  readonly workflowId = workflowInfo().workflowId;
  /** The actor name of the workflow's own writes in the audit log. */
  readonly actorName = `system:${workflowInfo().workflowId}`;
  stage: StageValue;
  raterId: number | null;
  raterSuperiorId: number | null;
  unitId: number;
  /** The revision of the plan in force; a requested revision is worked through before the evaluation opens. */
  planRevision: number;
  revisionRequested = false;
  /** The evaluation period of this run, and whether it is the year's last (annual) evaluation. */
  readonly period: EvaluationPeriod;
  readonly final: boolean;
  predicate: PredicateValue | null = null;
  ratings: { resultRating: RatingValue | null; behaviourRating: RatingValue | null } = {
    resultRating: null,
    behaviourRating: null,
  };
  appealWindowEndsAt: number | null = null;
  /** Released by the cycle once the unit's calibration is done (at once when the appraisal runs alone). */
  calibrated: boolean;
  stopped: string | null = null;
  /** A departure is being recorded: HR interventions are refused from then on. */
  leaving = false;
  appealed = false;
  allowance: number | null = null;
  sanctionCodes: string[] = [];
  readonly open = new Map<string, OpenTask>();
  /** Peer feedback (360) of this period: the colleagues asked, their watches, and whether the round is over. */
  readonly peersAsked = new Set<number>();
  readonly peerWatches: Promise<void>[] = [];
  peerRoundClosed = false;
  /** Acting superiors (Plt. / Plh.): their tasks move in and out of this state by signal (workflows/acting.ts). */
  readonly delegations = followDelegations(this.open);
  /** The stage the batch last heard of: it only hears the transitions it waits on (scored, ended). */
  private reported: StageValue;

  constructor(readonly input: AppraisalInput) {
    this.appraisalId = input.appraisalId;
    this.raterId = input.raterId;
    this.raterSuperiorId = input.raterSuperiorId;
    this.unitId = input.unitId;
    this.planRevision = input.planRevision;
    // A later period's row is opened in PERIOD (openEvaluation) before its run starts.
    this.stage = input.index === 0 ? 'PLANNING' : 'PERIOD';
    this.reported = this.stage;
    this.period = input.periods[input.index];
    this.final = input.index === input.periods.length - 1;
    this.calibrated = !input.cycleWorkflowId;
  }

  get settings() {
    return this.input.settings;
  }

  /** Who a task for this audience goes to now. */
  resolve(audience: Audience): Assignee {
    if (audience === 'EMPLOYEE') return { assigneeId: this.input.employeeId, assigneeRole: null };
    if (audience === 'RATER' && this.raterId) return { assigneeId: this.raterId, assigneeRole: null };
    if ((audience === 'RATER' || audience === 'RATER_SUPERIOR') && this.raterSuperiorId)
      return { assigneeId: this.raterSuperiorId, assigneeRole: null };
    return HR;
  }

  /** Escalation targets after the reminder: rater's superior, then HR (employee tasks stay with the employee). */
  escalationChain(t: OpenTask): Assignee[] {
    if (t.audience === 'HR' || t.audience === 'PEER') return [];
    if (t.audience === 'RATER_SUPERIOR') return t.assigneeRole ? [] : [HR];
    const chain: Assignee[] = [];
    if (this.raterSuperiorId && this.raterSuperiorId !== t.assigneeId)
      chain.push({ assigneeId: this.raterSuperiorId, assigneeRole: null });
    if (!t.assigneeRole) chain.push(HR);
    return chain;
  }

  /**
   * Tells the batch of the transitions it waits on (scored: calibration may start; ended). Per-stage counts come from
   * the database, so one batch hears two signals per appraisal rather than one per stage.
   */
  async notifyCycle(to: StageValue): Promise<void> {
    const target = this.input.cycleWorkflowId;
    if (!target || this.reported === to) return;
    if (!(CYCLE_WAITS_ON.has(to) && !CYCLE_WAITS_ON.has(this.reported)) && !ENDED.has(to)) return;
    if (to === 'DONE' && !this.final) return; // a period's evaluation done; the year goes on
    const from = this.reported;
    this.reported = to;
    try {
      await getExternalWorkflowHandle(target).signal(appraisalStageSignal, {
        appraisalId: this.appraisalId,
        index: this.input.index,
        final: this.final,
        from,
        to,
      });
    } catch {
      // The batch may be closed (the cycle was cancelled): progress is then read from the database.
    }
  }

  /** Enters stage `to` with the write that causes it (one local activity given the move), then tells the batch. */
  async enter<T>(to: StageValue, write: (move: { stage: StageMove }) => Promise<T>): Promise<T> {
    this.stage = to;
    const out = await write({ stage: { stage: to } });
    await this.notifyCycle(to);
    return out;
  }

  /** Stores a stage with no other write (DONE). */
  async setStage(to: StageValue, finished = false): Promise<void> {
    this.stage = to;
    await acts.setAppraisalStage({ appraisalId: this.appraisalId, stage: to, actor: this.actorName, finished });
    await this.notifyCycle(to);
  }

  /** Closes the appraisal as CANCELLED or FAILED: open tasks cancelled, stage stored, batch told. */
  async close(to: 'CANCELLED' | 'FAILED', reason: string): Promise<void> {
    this.stage = to;
    await acts.closeAppraisal({ appraisalId: this.appraisalId, stage: to, reason, actor: this.actorName });
    await this.notifyCycle(to);
  }

  /** True when the appraisal has ended or been stopped (HR interventions are refused then). */
  get over(): boolean {
    return ENDED.has(this.stage) || this.stopped !== null || this.leaving;
  }
}
