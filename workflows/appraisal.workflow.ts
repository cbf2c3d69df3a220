/**
 * One employee's appraisal in one cycle: planning → evidence → review → scoring → calibration → appeal → pay →
 * sanctions. Every human step is a Task completed through an update with a validator; every deadline first
 * reminds, then escalates (rater's superior, then HR).
 */
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import type { StageMove } from '../activities/tasks.activities';
import { followDelegations } from './acting';
import {
  SCORED_STAGES,
  appraisalStageSignal,
  appraisalStateQuery,
  calibratedSignal,
  changeEmploymentUpdate,
  decideAppealUpdate,
  decideSanctionsUpdate,
  reassignRaterUpdate,
  respondToResultUpdate,
  reviewPlanUpdate,
  submitEvidenceUpdate,
  submitPlanUpdate,
  submitReviewUpdate,
  type Actor,
  type AppealDecisionPayload,
  type CycleSettings,
  type EvidencePayload,
  type PlanPayload,
  type PlanReviewPayload,
  type PredicateValue,
  type RatingValue,
  type ResultResponsePayload,
  type ReviewPayload,
  type RoleValue,
  type RuleVersions,
  type SanctionDecisionPayload,
  type StageValue,
  type TaskType,
  type TaskUpdateInput,
  type TaskUpdateResult,
} from './messages';
import {
  NOT_ASSIGNEE,
  TASK_NOT_OPEN,
  VALIDATION_ERROR,
  rejectIfInvalid,
  validateAppealDecision,
  validatePayload,
  validateSanctionDecision,
} from './validation';

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 } as const;
/** Activities as the first versions ran them: each one a server round trip (kept for histories recorded then). */
const remoteActs = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });
/**
 * The same activities run as local activities: short database transactions, run by the worker that runs the
 * workflow, recorded as markers in its history. A human step (update, its write, the next stage and the next task)
 * then costs one workflow task instead of a server round trip per activity. Longer retries wait on durable timers
 * (localRetryThreshold), so a database outage is waited out as before.
 */
const localActs = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry,
});

export interface AppraisalInput {
  appraisalId: number;
  cycleId: number;
  employeeId: number;
  unitId: number;
  periodId: number;
  raterId: number | null;
  raterSuperiorId: number | null;
  versions: RuleVersions;
  settings: CycleSettings;
  /**
   * The workflow to notify of stage changes — the cycle, or since the cycle-batches patch the appraisal's batch —
   * before calibration is released; absent when run alone.
   */
  cycleWorkflowId?: string | null;
}

export interface AppraisalResult {
  appraisalId: number;
  stage: StageValue;
  predicate: PredicateValue | null;
  allowance: number | null;
  appealed: boolean;
}

type Audience = 'EMPLOYEE' | 'RATER' | 'RATER_SUPERIOR' | 'HR';

interface OpenTask {
  key: string;
  type: TaskType;
  audience: Audience;
  assigneeId: number | null;
  assigneeRole: RoleValue | null;
  escalationLevel: number;
  dueAt: string;
  busy: boolean;
  done: { payload: any; actor: Actor; outcome?: Record<string, unknown> } | null;
  context: Record<string, unknown>;
}

class AppraisalStopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const DAY = 24 * 60 * 60 * 1000;
/** Stages from which an appraisal counts as scored for the cycle (same set as the cycle's). */
const CYCLE_WAITS_ON = new Set<StageValue>(SCORED_STAGES);
const ENDED = new Set<StageValue>(['DONE', 'CANCELLED', 'FAILED']);
const SYSTEM = (wf: string) => `system:${wf}`;

/** End of the local day (UTC offset in hours) that is `days` after `from`: the last moment of a window. */
export function windowEnd(from: number, days: number, utcOffsetHours: number): number {
  const offset = utcOffsetHours * 60 * 60 * 1000;
  const localMidnight = Math.floor((from + offset) / DAY) * DAY;
  return localMidnight + (days + 1) * DAY - offset - 1;
}

/** The appraisal of one employee in one cycle. */
export async function appraisalWorkflow(input: AppraisalInput): Promise<AppraisalResult> {
  const { appraisalId, settings } = input;
  // Since this patch the database writes run as local activities, and a stage is stored with the write that causes
  // it (the next task, the score, the shared result, the pay): one transaction instead of two.
  const fast = patched('local-db-activities');
  const acts = fast ? localActs : remoteActs;
  const workflowId = workflowInfo().workflowId;
  const actorName = SYSTEM(workflowId);
  let stage: StageValue = 'PLANNING';
  let raterId = input.raterId;
  let raterSuperiorId = input.raterSuperiorId;
  let unitId = input.unitId;
  let planRevision = 0;
  let predicate: PredicateValue | null = null;
  let ratings: { resultRating: RatingValue | null; behaviourRating: RatingValue | null } = {
    resultRating: null,
    behaviourRating: null,
  };
  let appealWindowEndsAt: number | null = null;
  let calibrated = !input.cycleWorkflowId;
  let stopped: string | null = null;
  let appealed = false;
  let allowance: number | null = null;
  let sanctionCodes: string[] = [];
  const open = new Map<string, OpenTask>();
  // Acting superiors (Plt. / Plh.): their tasks move in and out of this state by signal (workflows/acting.ts).
  const delegations = followDelegations(open);

  // ------------------------------------------------------------ who does what

  const resolve = (audience: Audience): { assigneeId: number | null; assigneeRole: RoleValue | null } => {
    if (audience === 'EMPLOYEE') return { assigneeId: input.employeeId, assigneeRole: null };
    if (audience === 'RATER' && raterId) return { assigneeId: raterId, assigneeRole: null };
    if ((audience === 'RATER' || audience === 'RATER_SUPERIOR') && raterSuperiorId)
      return { assigneeId: raterSuperiorId, assigneeRole: null };
    return { assigneeId: null, assigneeRole: 'HR_ADMIN' };
  };
  /** Escalation targets after the reminder: rater's superior, then HR (employee tasks stay with the employee). */
  const escalationChain = (t: OpenTask): { assigneeId: number | null; assigneeRole: RoleValue | null }[] => {
    const hr = { assigneeId: null, assigneeRole: 'HR_ADMIN' as RoleValue };
    if (t.audience === 'HR') return [];
    if (t.audience === 'RATER_SUPERIOR') return t.assigneeRole ? [] : [hr];
    const chain: { assigneeId: number | null; assigneeRole: RoleValue | null }[] = [];
    if (raterSuperiorId && raterSuperiorId !== t.assigneeId)
      chain.push({ assigneeId: raterSuperiorId, assigneeRole: null });
    if (!t.assigneeRole) chain.push(hr);
    return chain;
  };

  // ------------------------------------------------------------ stages and parent notification

  /** The stage the cycle last heard of (with coarse signals, the cycle only hears the stages it waits for). */
  let reported: StageValue = 'PLANNING';
  const notifyCycle = async (from: StageValue, to: StageValue) => {
    if (!input.cycleWorkflowId || from === to) return;
    // One cycle workflow hears every appraisal: signalling each stage change made it a hot spot (7 signals per
    // employee). Since this patch only the transitions it waits on are signalled — scored (calibration may start) and
    // ended — and per-stage counts come from the database.
    if (patched('coarse-cycle-signals')) {
      if (!(CYCLE_WAITS_ON.has(to) && !CYCLE_WAITS_ON.has(reported)) && !ENDED.has(to)) return;
      from = reported;
    }
    reported = to;
    try {
      await getExternalWorkflowHandle(input.cycleWorkflowId).signal(appraisalStageSignal, { appraisalId, from, to });
    } catch {
      // The cycle may be closed (cancelled): progress is then read from the database.
    }
  };
  const setStage = async (to: StageValue, extra: { finished?: boolean } = {}) => {
    const from = stage;
    stage = to;
    await acts.setAppraisalStage({ appraisalId, stage: to, actor: actorName, finished: extra.finished ?? false });
    await notifyCycle(from, to);
  };
  /**
   * Enters stage `to` with the write that causes it: one activity given the move (since the local-activities patch),
   * or, in histories recorded before, the stage write first and then the write.
   */
  const enter = async <T>(to: StageValue, write: (move: { stage?: StageMove }) => Promise<T>): Promise<T> => {
    if (!fast) {
      await setStage(to);
      return write({});
    }
    const from = stage;
    stage = to;
    const out = await write({ stage: { stage: to } });
    await notifyCycle(from, to);
    return out;
  };
  /** Closes the appraisal as CANCELLED or FAILED: open tasks cancelled, stage stored, cycle notified. */
  const close = async (to: 'CANCELLED' | 'FAILED', reason: string) => {
    const from = stage;
    stage = to;
    await acts.closeAppraisal({ appraisalId, stage: to, reason, actor: actorName });
    await notifyCycle(from, to);
  };

  // ------------------------------------------------------------ human steps

  const openTask = async (spec: {
    type: TaskType;
    key: string;
    title: string;
    audience: Audience;
    dueAt: number;
    updateName: string;
    context?: Record<string, unknown>;
    /** The stage the appraisal enters with this task. */
    stage?: StageValue;
  }): Promise<OpenTask> => {
    const who = resolve(spec.audience);
    const t: OpenTask = {
      key: spec.key,
      type: spec.type,
      audience: spec.audience,
      ...who,
      escalationLevel: 0,
      dueAt: new Date(spec.dueAt).toISOString(),
      busy: false,
      done: null,
      context: spec.context ?? {},
    };
    open.set(t.key, t);
    const write = (move: { stage?: StageMove }) =>
      acts.openTask({
        key: t.key,
        type: t.type,
        title: spec.title,
        appraisalId,
        cycleId: input.cycleId,
        assigneeId: t.assigneeId,
        assigneeRole: t.assigneeRole,
        workflowId,
        updateName: spec.updateName,
        dueAt: t.dueAt,
        context: t.context,
        actor: actorName,
        ...move,
      });
    delegations.opened(t.key, await (spec.stage ? enter(spec.stage, write) : write({})));
    return t;
  };

  const finished = (t: OpenTask) => () => t.done !== null || (stopped !== null && !t.busy);

  /** Waits for the task: at the deadline a reminder, then one escalation per `escalationDays`, then waits on. */
  const awaitTask = async (
    t: OpenTask,
    options: { escalate?: boolean } = {},
  ): Promise<NonNullable<OpenTask['done']>> => {
    const isDone = finished(t);
    const untilDue = Math.max(0, Date.parse(t.dueAt) - Date.now());
    if (!(await condition(isDone, untilDue))) {
      await acts.remindTask({ key: t.key, actor: actorName });
      if (options.escalate !== false) {
        for (const target of escalationChain(t)) {
          if (await condition(isDone, settings.escalationDays * DAY)) break;
          t.escalationLevel++;
          const reassign = t.audience !== 'EMPLOYEE';
          await acts.escalateTask({
            key: t.key,
            level: t.escalationLevel,
            assigneeId: target.assigneeId,
            assigneeRole: target.assigneeRole,
            reassign,
            actor: actorName,
          });
          if (reassign) {
            t.assigneeId = target.assigneeId;
            t.assigneeRole = target.assigneeRole;
          }
        }
      }
      await condition(isDone);
    }
    open.delete(t.key);
    if (t.done) return t.done;
    throw new AppraisalStopped(stopped ?? 'dihentikan');
  };

  const step = async <P>(spec: {
    type: TaskType;
    title: string;
    audience: Audience;
    days: number;
    update: UpdateDefinition<TaskUpdateResult, [TaskUpdateInput<P>]>;
    keySuffix?: string;
    context?: Record<string, unknown>;
    escalate?: boolean;
    stage?: StageValue;
  }) => {
    const t = await openTask({
      type: spec.type,
      key: `appraisal-${appraisalId}:${spec.type}${spec.keySuffix ? `:${spec.keySuffix}` : ''}`,
      title: spec.title,
      audience: spec.audience,
      dueAt: Date.now() + spec.days * DAY,
      updateName: spec.update.name,
      context: spec.context,
      stage: spec.stage,
    });
    const done = await awaitTask(t, { escalate: spec.escalate });
    return done as { payload: P; actor: Actor; outcome?: Record<string, unknown> };
  };

  /** Registers the update of a task type: validator (open task, assignee, payload), then an audited activity. */
  const taskHandler = <P>(
    def: UpdateDefinition<TaskUpdateResult, [TaskUpdateInput<P>]>,
    type: TaskType,
    validate: (payload: P, t: OpenTask) => void,
  ) => {
    setHandler(
      def,
      async (u) => {
        const t = open.get(u.taskKey)!;
        t.busy = true;
        try {
          const outcome = await acts.completeTaskStep({
            appraisalId,
            cycleId: input.cycleId,
            taskKey: u.taskKey,
            type,
            payload: u.payload,
            actor: u.actor,
            context: { ...t.context, raterId, raterSuperiorId, employeeId: input.employeeId },
          });
          t.done = { payload: u.payload, actor: u.actor, outcome };
          return { taskKey: u.taskKey, status: 'DONE', outcome };
        } finally {
          t.busy = false;
        }
      },
      {
        validator: (u) => {
          const t = u && typeof u.taskKey === 'string' ? open.get(u.taskKey) : undefined;
          if (!t || t.type !== type || t.done || t.busy || stopped)
            throw ApplicationFailure.create({
              type: TASK_NOT_OPEN,
              nonRetryable: true,
              message: 'Tugas ini tidak lagi menunggu jawaban / this task is no longer open',
            });
          const a = u.actor;
          const allowed =
            !!a &&
            ((t.assigneeId !== null && a.employeeId === t.assigneeId) ||
              (t.assigneeRole !== null && a.roles?.includes(t.assigneeRole)));
          if (!allowed)
            throw ApplicationFailure.create({
              type: NOT_ASSIGNEE,
              nonRetryable: true,
              message: 'Tugas ini bukan untuk Anda / this task is assigned to someone else',
            });
          validate(u.payload, t);
        },
      },
    );
  };

  taskHandler<PlanPayload>(submitPlanUpdate, 'plan.submit', (p) => rejectIfInvalid(validatePayload('plan.submit', p)));
  taskHandler<PlanReviewPayload>(reviewPlanUpdate, 'plan.review', (p) =>
    rejectIfInvalid(validatePayload('plan.review', p)),
  );
  taskHandler<EvidencePayload>(submitEvidenceUpdate, 'evidence.submit', (p) =>
    rejectIfInvalid(validatePayload('evidence.submit', p)),
  );
  taskHandler<ReviewPayload>(submitReviewUpdate, 'review.submit', (p) =>
    rejectIfInvalid(validatePayload('review.submit', p)),
  );
  taskHandler<ResultResponsePayload>(respondToResultUpdate, 'result.respond', (p) => {
    rejectIfInvalid(validatePayload('result.respond', p));
    if (p.action === 'APPEAL' && appealWindowEndsAt !== null && Date.now() > appealWindowEndsAt)
      throw ApplicationFailure.create({
        type: VALIDATION_ERROR,
        nonRetryable: true,
        message: `Batas waktu keberatan (${settings.appealWindowDays} hari) sudah lewat pada ${new Date(appealWindowEndsAt).toISOString()} / the appeal window has closed`,
        details: [{ fields: [{ field: 'action', message: 'batas waktu keberatan sudah lewat' }] }],
      });
  });
  taskHandler<AppealDecisionPayload>(decideAppealUpdate, 'appeal.decide', (p) =>
    rejectIfInvalid(validateAppealDecision(p, ratings)),
  );
  taskHandler<SanctionDecisionPayload>(decideSanctionsUpdate, 'sanction.decide', (p) =>
    rejectIfInvalid(validateSanctionDecision(p, sanctionCodes)),
  );

  // ------------------------------------------------------------ HR interventions

  setHandler(
    reassignRaterUpdate,
    async (u) => {
      const moved = await acts.reassignRater({
        appraisalId,
        fromRaterId: raterId,
        fromRaterSuperiorId: raterSuperiorId,
        toRaterId: u.raterId,
        toRaterSuperiorId: u.raterSuperiorId ?? null,
        actor: u.actor,
        reason: u.reason ?? null,
      });
      const oldRater = raterId;
      const oldSuperior = raterSuperiorId;
      raterId = moved.raterId;
      raterSuperiorId = moved.raterSuperiorId;
      for (const t of open.values()) {
        if (t.assigneeId !== null && t.assigneeId === oldRater) t.assigneeId = raterId;
        else if (t.assigneeId !== null && t.assigneeId === oldSuperior && t.audience !== 'EMPLOYEE')
          t.assigneeId = raterSuperiorId ?? t.assigneeId;
      }
      return moved;
    },
    {
      validator: (u) => {
        const errors = [];
        if (!u || !Number.isInteger(u.raterId) || u.raterId < 1)
          errors.push({ field: 'raterId', message: 'wajib diisi / required' });
        else if (u.raterId === input.employeeId)
          errors.push({ field: 'raterId', message: 'pegawai tidak dapat menilai dirinya sendiri' });
        if (!u?.actor?.roles?.includes('HR_ADMIN'))
          throw ApplicationFailure.create({
            type: NOT_ASSIGNEE,
            nonRetryable: true,
            message: 'Memerlukan peran HR_ADMIN',
          });
        rejectIfInvalid(errors);
        if (['DONE', 'CANCELLED', 'FAILED'].includes(stage) || stopped)
          throw ApplicationFailure.create({
            type: TASK_NOT_OPEN,
            nonRetryable: true,
            message: 'Penilaian sudah selesai / appraisal already finished',
          });
      },
    },
  );

  setHandler(
    changeEmploymentUpdate,
    async (u) => {
      if (u.kind === 'LEAVE') {
        stopped = u.reason?.trim() || 'pegawai berhenti / employee left';
        await acts.recordEmploymentChange({ appraisalId, kind: 'LEAVE', actor: u.actor, reason: stopped });
        return { stage };
      }
      const moved = await acts.recordEmploymentChange({
        appraisalId,
        kind: 'TRANSFER',
        actor: u.actor,
        reason: u.reason ?? null,
        newUnitId: u.newUnitId ?? null,
        newRaterId: u.newRaterId ?? null,
      });
      if (moved.raterId !== raterId) {
        for (const t of open.values())
          if (t.assigneeId !== null && t.assigneeId === raterId) t.assigneeId = moved.raterId;
      }
      raterId = moved.raterId;
      raterSuperiorId = moved.raterSuperiorId;
      unitId = moved.unitId;
      return { stage };
    },
    {
      validator: (u) => {
        if (!u?.actor?.roles?.includes('HR_ADMIN'))
          throw ApplicationFailure.create({
            type: NOT_ASSIGNEE,
            nonRetryable: true,
            message: 'Memerlukan peran HR_ADMIN',
          });
        if (u.kind !== 'TRANSFER' && u.kind !== 'LEAVE')
          rejectIfInvalid([{ field: 'kind', message: 'harus TRANSFER atau LEAVE' }]);
        if (u.kind === 'TRANSFER' && !u.newUnitId && !u.newRaterId)
          rejectIfInvalid([{ field: 'newUnitId', message: 'unit atau penilai baru wajib diisi untuk mutasi' }]);
        if (['DONE', 'CANCELLED', 'FAILED'].includes(stage) || stopped)
          throw ApplicationFailure.create({
            type: TASK_NOT_OPEN,
            nonRetryable: true,
            message: 'Penilaian sudah selesai / appraisal already finished',
          });
      },
    },
  );

  setHandler(calibratedSignal, () => {
    calibrated = true;
  });
  setHandler(appraisalStateQuery, () => ({
    appraisalId,
    stage,
    raterId,
    raterSuperiorId,
    unitId,
    planRevision,
    predicate,
    appealWindowEndsAt: appealWindowEndsAt === null ? null : new Date(appealWindowEndsAt).toISOString(),
    openTasks: [...open.values()].map((t) => ({
      key: t.key,
      type: t.type,
      assigneeId: t.assigneeId,
      assigneeRole: t.assigneeRole,
      escalationLevel: t.escalationLevel,
      dueAt: t.dueAt,
    })),
  }));

  // ------------------------------------------------------------ the stages

  try {
    // 1. Planning: submit, then approve or return — as often as needed.
    for (;;) {
      await step<PlanPayload>({
        type: 'plan.submit',
        title: planRevision ? `Perbaiki dan ajukan ulang SKP (revisi ${planRevision})` : 'Susun dan ajukan SKP',
        audience: 'EMPLOYEE',
        days: settings.planningDays,
        update: submitPlanUpdate,
        keySuffix: String(planRevision),
        context: { revision: planRevision },
      });
      const review = await step<PlanReviewPayload>({
        type: 'plan.review',
        title: 'Setujui atau kembalikan SKP bawahan',
        audience: 'RATER',
        days: settings.planReviewDays,
        update: reviewPlanUpdate,
        keySuffix: String(planRevision),
        context: { revision: planRevision },
      });
      if (review.payload.decision === 'APPROVE') break;
      planRevision++;
    }

    // 2. Evidence: realizations and evidence per indicator.
    await step<EvidencePayload>({
      stage: 'EVIDENCE',
      type: 'evidence.submit',
      title: 'Isi realisasi dan unggah bukti dukung',
      audience: 'EMPLOYEE',
      days: settings.evidenceDays,
      update: submitEvidenceUpdate,
    });

    // 3. Review: result, the seven BerAKHLAK values and overall behaviour.
    const review = await step<ReviewPayload>({
      stage: 'REVIEW',
      type: 'review.submit',
      title: 'Nilai hasil kerja dan perilaku kerja (BerAKHLAK)',
      audience: 'RATER',
      days: settings.reviewDays,
      update: submitReviewUpdate,
    });
    ratings = { resultRating: review.payload.resultRating, behaviourRating: review.payload.behaviourRating };

    // 4. Scoring with the pinned SCORING version (stored with the move to calibration, since the patch).
    if (fast) stage = 'SCORING';
    else await setStage('SCORING');
    const score = await acts.scoreAppraisal({
      appraisalId,
      scoringVersionId: input.versions.scoringVersionId,
      resultRating: ratings.resultRating!,
      behaviourRating: ratings.behaviourRating!,
      source: 'RATER',
      actor: actorName,
      ...(fast ? { stageAfter: { stage: 'CALIBRATION' as const } } : {}),
    });
    predicate = score.predicate;

    // 5. Calibration: the cycle checks the unit's curve and releases the unit.
    if (fast) {
      stage = 'CALIBRATION';
      await notifyCycle('SCORING', 'CALIBRATION');
    } else await setStage('CALIBRATION');
    await condition(() => calibrated || stopped !== null);
    if (stopped) throw new AppraisalStopped(stopped);

    // 6. Result shared; appeal window (end of the local day, `appealWindowDays` after sharing).
    let windowEndsAt = 0;
    const shared = await enter('APPEAL', (move) => {
      const sharedAt = Date.now();
      appealWindowEndsAt = windowEndsAt = windowEnd(sharedAt, settings.appealWindowDays, settings.utcOffsetHours);
      return acts.shareResult({ appraisalId, sharedAt: new Date(sharedAt).toISOString(), actor: actorName, ...move });
    });
    predicate = shared.predicate;
    const respond = await openTask({
      type: 'result.respond',
      key: `appraisal-${appraisalId}:result.respond`,
      title: 'Terima hasil penilaian atau ajukan keberatan',
      audience: 'EMPLOYEE',
      dueAt: windowEndsAt,
      updateName: respondToResultUpdate.name,
      context: { predicate, appealWindowEndsAt: new Date(windowEndsAt).toISOString() },
    });
    const answered = await condition(finished(respond), Math.max(0, windowEndsAt - Date.now()));
    open.delete(respond.key);
    if (!answered) {
      await acts.expireTask({ key: respond.key, actor: actorName, reason: 'batas waktu keberatan berakhir' });
    } else if (stopped && !respond.done) {
      throw new AppraisalStopped(stopped);
    } else if (respond.done?.payload.action === 'APPEAL') {
      appealed = true;
      const decision = await step<AppealDecisionPayload>({
        type: 'appeal.decide',
        title: 'Putuskan keberatan atas hasil penilaian',
        audience: 'RATER_SUPERIOR',
        days: settings.appealDecisionDays,
        update: decideAppealUpdate,
        context: { reason: respond.done.payload.reason, predicate },
      });
      if (decision.payload.decision === 'CHANGED') {
        ratings = {
          resultRating: decision.payload.newResultRating ?? ratings.resultRating,
          behaviourRating: decision.payload.newBehaviourRating ?? ratings.behaviourRating,
        };
        const rescored = await acts.scoreAppraisal({
          appraisalId,
          scoringVersionId: input.versions.scoringVersionId,
          resultRating: ratings.resultRating!,
          behaviourRating: ratings.behaviourRating!,
          source: 'APPEAL',
          actor: actorName,
        });
        predicate = rescored.predicate;
      }
    }

    // 7. Pay: exactly one adjustment per employee and period.
    // The pay activity stays scheduled on the server, whichever way the others run: its attempts are in the history
    // for auditors, and a worker that dies inside it hands it to another after its timeout (exactly once, unique key).
    const pay = await enter('PAY', (move) =>
      remoteActs.computePay({ appraisalId, payVersionId: input.versions.payVersionId, actor: actorName, ...move }),
    );
    allowance = pay.amount;
    predicate = pay.predicate;

    // 8. Sanctions and follow-up: recommendations that HR confirms or dismisses.
    const recs = await acts.recommendSanctions({
      appraisalId,
      sanctionVersionId: input.versions.sanctionVersionId,
      actor: actorName,
    });
    sanctionCodes = recs.codes;
    if (sanctionCodes.length) {
      await step<SanctionDecisionPayload>({
        type: 'sanction.decide',
        title: 'Konfirmasi atau tolak rekomendasi sanksi/tindak lanjut',
        audience: 'HR',
        days: settings.sanctionDecisionDays,
        update: decideSanctionsUpdate,
        context: { recommendations: recs.recommendations },
      });
    }

    await setStage('DONE', { finished: true });
    await condition(allHandlersFinished);
    return { appraisalId, stage, predicate, allowance, appealed };
  } catch (err) {
    if (err instanceof AppraisalStopped || isCancellation(err)) {
      const reason = err instanceof AppraisalStopped ? err.reason : 'siklus dibatalkan / cycle cancelled';
      await CancellationScope.nonCancellable(() => close('CANCELLED', reason));
      await condition(allHandlersFinished);
      return { appraisalId, stage: 'CANCELLED', predicate, allowance, appealed };
    }
    const message = err instanceof Error ? err.message : String(err);
    await CancellationScope.nonCancellable(() => close('FAILED', message));
    throw err;
  }
}
