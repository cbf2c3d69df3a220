/**
 * One appraisal cycle — a year evaluated every month, quarter or semester (or a span evaluated once): starts one
 * workflow per employee and year in batches, calibrates units against the distribution curve in each evaluation
 * period once every employee is scored in it, and closes when every year is done. HR can cancel it.
 *
 * Its history stays short: it continues as new after each period and whenever it passes HISTORY_LIMIT events. Every
 * unit's calibration answer is an update with its write (about seven events), so one run used to hold every period's
 * calibrations: at 1,000 employees a quarter added ≈ 2,100 events, and in `chaos:cycle` the second quarter's
 * calibration stalled for good — its workflow tasks, each a full replay of 2,400 events on a worker that had lost it
 * from its cache, took longer than the server kept the speculative task carrying the updates ("workflow task not
 * found"), every update was aborted and retried, and no calibration was taken again. So the batches are started by an
 * activity, not as children (the cycle's runs come and go).
 */
import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  batchStagesSignal,
  calibrateUnitUpdate,
  cancelCycleUpdate,
  cycleProgressQuery,
  type Actor,
  type CalibrationPayload,
  type CycleProgress,
  type StageCounts,
} from './messages';
import type { CycleInput, CycleState } from './inputs';
import { NOT_ASSIGNEE, TASK_NOT_OPEN } from './validation';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});
/**
 * Activities over a whole period (checking calibration, releasing results in waves of 100, cancelling). They heartbeat,
 * so a dead worker is noticed within a minute; the start-to-close timeout only bounds a run that still heartbeats,
 * and a province's period (100,000 appraisals, 1,000 waves) takes well over the 30 minutes it used to be.
 */
const longActs = proxyActivities<Activities>({
  startToCloseTimeout: '12 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

const DAY = 24 * 60 * 60 * 1000;
/** Events after which a run continues as new: a replay after a cache miss stays near a second on a busy worker. */
const HISTORY_LIMIT = 1000;

/** Runs a whole appraisal cycle. */
export async function cycleWorkflow(input: CycleInput): Promise<CycleProgress> {
  const { cycleId } = input;
  const workflowId = workflowInfo().workflowId;
  const actor = `system:${workflowId}`;
  const batchSize = input.batchSize ?? 200;
  const s: CycleState = input.state ?? {
    phase: 'STARTING',
    prepared: false,
    total: 0,
    started: 0,
    cursor: 0,
    finished: 0,
    failed: 0,
    cancelled: 0,
    periods: [],
    periodIndex: 0,
    ready: [],
    calibrationChecked: false,
    pendingUnits: [],
    released: false,
    cancelRequest: null,
  };
  const busyUnits = new Set<number>();

  const progress = (): CycleProgress => ({
    cycleId,
    phase: s.phase,
    evaluation: s.periods.length
      ? {
          index: Math.min(s.periodIndex, s.periods.length - 1),
          count: s.periods.length,
          label: s.periods[Math.min(s.periodIndex, s.periods.length - 1)].label,
        }
      : null,
    total: s.total,
    started: s.started,
    // The cycle hears only what it waits on (scored, ended, per batch); each appraisal's stage is in the database.
    perStage: {},
    finished: s.finished,
    failed: s.failed,
    cancelled: s.cancelled,
    blockedUnits: s.pendingUnits.map((u) => u.unitId),
  });

  setHandler(cycleProgressQuery, progress);
  const add = (d: StageCounts) => {
    d.scored.forEach((n, k) => (s.ready[k] = (s.ready[k] ?? 0) + n));
    s.finished += d.finished;
    s.failed += d.failed;
    s.cancelled += d.cancelled;
  };
  setHandler(batchStagesSignal, add);
  setHandler(
    cancelCycleUpdate,
    (u) => {
      s.cancelRequest = { actor: u.actor, reason: u.reason ?? null };
      return { phase: s.phase };
    },
    {
      validator: (u) => {
        if (!u?.actor?.roles?.includes('HR_ADMIN'))
          throw ApplicationFailure.create({
            type: NOT_ASSIGNEE,
            nonRetryable: true,
            message: 'Memerlukan peran HR_ADMIN',
          });
        if (s.phase === 'CLOSED' || s.phase === 'CANCELLED' || s.cancelRequest)
          throw ApplicationFailure.create({
            type: TASK_NOT_OPEN,
            nonRetryable: true,
            message: `Siklus sudah ${s.phase === 'CLOSED' ? 'ditutup' : 'dibatalkan'} / cycle already finished`,
          });
      },
    },
  );
  setHandler(
    calibrateUnitUpdate,
    async (u) => {
      // The calibration tasks are stored by checkCalibration before its result reaches this workflow; an update
      // sent for one in between waits here for the result instead of being refused.
      if (!s.calibrationChecked) await condition(() => s.calibrationChecked || !!s.cancelRequest);
      const unit = s.pendingUnits.find((p) => p.taskKey === u.taskKey);
      if (!unit || busyUnits.has(unit.unitId) || s.cancelRequest) throw calibrationNotOpen();
      busyUnits.add(unit.unitId);
      try {
        const outcome = await acts.applyCalibration({
          cycleId,
          unitId: unit.unitId,
          taskKey: u.taskKey,
          payload: u.payload,
          actor: u.actor,
          distributionVersionId: input.versions.distributionVersionId,
          periodId: s.periods[s.periodIndex].periodId,
        });
        s.pendingUnits = s.pendingUnits.filter((p) => p.taskKey !== u.taskKey);
        return { taskKey: u.taskKey, status: 'DONE', outcome };
      } finally {
        busyUnits.delete(unit.unitId);
      }
    },
    {
      validator: (u: { taskKey: string; actor: Actor; payload: CalibrationPayload }) => {
        const unit = s.pendingUnits.find((p) => p.taskKey === u?.taskKey);
        const checking = s.phase === 'CALIBRATION' && !s.calibrationChecked && typeof u?.taskKey === 'string';
        if ((!unit && !checking) || (unit && busyUnits.has(unit.unitId)) || s.cancelRequest) throw calibrationNotOpen();
        // A CALIBRATOR's unit subtree is checked by the API (tasks.service isAssignee) before the update is sent.
        if (!u.actor?.roles?.some((r) => r === 'HR_ADMIN' || r === 'CALIBRATOR'))
          throw ApplicationFailure.create({
            type: NOT_ASSIGNEE,
            nonRetryable: true,
            message: 'Memerlukan peran HR_ADMIN atau CALIBRATOR',
          });
        // The payload's schema is checked by the API before the update is sent (validation.ts).
      },
    },
  );

  const historyTooLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_LIMIT;
  const rollOver = async (): Promise<never> => {
    await condition(allHandlersFinished);
    return continueAsNew<typeof cycleWorkflow>({ ...input, state: s });
  };
  /** Waits until `pred` holds; continues as new when the history grows too long meanwhile. */
  const waitFor = async (pred: () => boolean, timeoutMs?: number): Promise<boolean> => {
    const wake = () => pred() || s.cancelRequest !== null || historyTooLong();
    const ok = timeoutMs === undefined ? (await condition(wake), true) : await condition(wake, timeoutMs);
    if (s.cancelRequest) return false;
    if (!pred() && historyTooLong()) await rollOver();
    return ok && pred();
  };

  /** Calibrates period k: checks each unit, waits for the violating ones (reminded, then escalated), releases. */
  const calibratePeriod = async (k: number) => {
    const periodId = s.periods[k].periodId;
    if (!s.cancelRequest && !s.calibrationChecked) {
      s.phase = 'CALIBRATION';
      const checked = await longActs.checkCalibration({
        cycleId,
        periodId,
        workflowId,
        distributionVersionId: input.versions.distributionVersionId,
        defaultUnitRating: input.settings.defaultUnitRating,
        dueAt: new Date(Date.now() + input.settings.calibrationDays * DAY).toISOString(),
        actor,
      });
      s.pendingUnits = checked.violating;
      s.calibrationChecked = true;
    }
    // A unit's calibration is reminded at its deadline, then escalated to HR every `escalationDays` (HR and the unit's
    // calibrators are told each time): no single silent calibrator holds the cycle.
    let reminded = false;
    while (!s.cancelRequest && s.pendingUnits.length) {
      const done = await waitFor(
        () => s.pendingUnits.length === 0,
        (reminded ? input.settings.escalationDays : input.settings.calibrationDays) * DAY,
      );
      if (done || s.cancelRequest) continue;
      if (!reminded) {
        reminded = true;
        for (const u of s.pendingUnits) await acts.remindTask({ key: u.taskKey, actor });
        continue;
      }
      s.calibrationEscalations = (s.calibrationEscalations ?? 0) + 1;
      for (const u of s.pendingUnits)
        await acts.escalateTask({
          key: u.taskKey,
          level: s.calibrationEscalations,
          assigneeId: null,
          assigneeRole: 'HR_ADMIN',
          reassign: false,
          actor,
        });
    }
    if (!s.cancelRequest && !s.released) {
      await longActs.releaseCalibrated({ cycleId, periodId, actor });
      s.released = true;
      s.phase = k === s.periods.length - 1 ? 'CLOSING' : 'RUNNING';
    }
  };

  try {
    // Start: create the appraisal rows, then start their batch workflows one by one.
    if (!s.prepared) {
      const prepared = await acts.prepareCycle({
        cycleId,
        workflowId,
        actor,
        utcOffsetHours: input.settings.utcOffsetHours,
      });
      s.total = prepared.total;
      s.periods = prepared.periods;
      s.ready = prepared.periods.map(() => 0);
      s.prepared = true;
      s.phase = 'RUNNING';
    }
    while (s.started < s.total && !s.cancelRequest) {
      // The appraisals run in batch workflows, which read their rows, hear their signals and report per batch: the
      // cycle's history holds a few small events per batch, however large the cycle.
      const ids = await acts.appraisalIdsAfter({ cycleId, afterId: s.cursor, limit: batchSize });
      if (!ids.length) {
        s.total = s.started;
        break;
      }
      await acts.startCycleBatch({
        workflowId: `${workflowId}-batch-${ids[0]}`,
        batch: {
          cycleWorkflowId: workflowId,
          cycleId,
          periods: s.periods,
          versions: input.versions,
          settings: input.settings,
          appraisalIds: ids,
        },
      });
      s.started += ids.length;
      s.cursor = ids[ids.length - 1];
      if (historyTooLong()) await rollOver();
    }

    // Each evaluation period in turn: wait until every employee is scored in it (or their year ended), then calibrate
    // each unit against the curve and release the period's results.
    while (s.periodIndex < s.periods.length && !s.cancelRequest) {
      const k = s.periodIndex;
      while (!(await waitFor(() => s.ready[k] >= s.total)) && !s.cancelRequest);
      await calibratePeriod(k);
      if (s.cancelRequest) break;
      Object.assign(s, {
        periodIndex: k + 1,
        calibrationChecked: false,
        pendingUnits: [],
        released: false,
        calibrationEscalations: 0,
      });
      // The next period (or the wait for the year's end) starts on a fresh history.
      await rollOver();
    }

    // Close once every appraisal is done (appeal windows, pay and sanction decisions).
    while (!(await waitFor(() => s.finished + s.failed + s.cancelled >= s.total)) && !s.cancelRequest);
    if (s.cancelRequest) throw new CycleCancelled();
    await acts.closeCycle({ cycleId, status: 'CLOSED', actor, reason: null });
    s.phase = 'CLOSED';
    await condition(allHandlersFinished);
    return progress();
  } catch (err) {
    if (err instanceof CycleCancelled || isCancellation(err)) {
      await CancellationScope.nonCancellable(async () => {
        // The cycle's own open tasks are cancelled in the name of whoever cancelled it (the workflow, when it was cancelled).
        await longActs.cancelCycleAppraisals({ cycleId, actor: s.cancelRequest?.actor.username ?? actor });
        await acts.closeCycle({
          cycleId,
          status: 'CANCELLED',
          actor: s.cancelRequest?.actor.username ?? actor,
          actorUserId: s.cancelRequest?.actor.userId ?? null,
          reason: s.cancelRequest?.reason ?? null,
        });
      });
      s.phase = 'CANCELLED';
      await condition(allHandlersFinished);
      return progress();
    }
    throw err;
  }
}

class CycleCancelled extends Error {}

const calibrationNotOpen = () =>
  ApplicationFailure.create({
    type: TASK_NOT_OPEN,
    nonRetryable: true,
    message: 'Tugas kalibrasi ini tidak lagi menunggu jawaban / this task is no longer open',
  });
