/**
 * Messages an appraisal answers: the update completing each task type (validator: the task is open, the caller is
 * its assignee, the payload is valid; then the audited step write), HR's interventions (reassigning the rater, a
 * transfer or the employee leaving), the release after calibration and the state query.
 */
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  appraisalStateQuery,
  calibratedSignal,
  changeEmploymentUpdate,
  decideAppealUpdate,
  decideSanctionsUpdate,
  reassignRaterUpdate,
  requestPlanRevisionUpdate,
  respondToResultUpdate,
  reviewPlanUpdate,
  submitEvidenceUpdate,
  submitPlanUpdate,
  submitPeerFeedbackUpdate,
  submitReviewUpdate,
  type Actor,
  type TaskType,
  type TaskUpdateInput,
  type TaskUpdateResult,
} from '../messages';
import {
  NOT_ASSIGNEE,
  TASK_NOT_OPEN,
  VALIDATION_ERROR,
  appealDecisionErrors,
  rejectIfInvalid,
  sanctionDecisionErrors,
} from '../validation';
import { mayActOnBehalf } from '../on-behalf';
import { registerPeerFeedback } from './peers';
import { updateActs, type AppraisalRun } from './run';
import type { OpenTask } from './tasks';

const refuse = (type: string, message: string) => ApplicationFailure.create({ type, nonRetryable: true, message });
const notOpen = () => refuse(TASK_NOT_OPEN, 'Tugas ini tidak lagi menunggu jawaban / this task is no longer open');
const appraisalOver = () => refuse(TASK_NOT_OPEN, 'Penilaian sudah selesai / appraisal already finished');
const hrOnly = (actor: Actor | undefined) => {
  if (!actor?.roles?.includes('HR_ADMIN')) throw refuse(NOT_ASSIGNEE, 'Memerlukan peran HR_ADMIN');
};

/** Registers the update of a task type: validator (open task, assignee, payload), then an audited local activity. */
function taskHandler<P>(
  run: AppraisalRun,
  def: UpdateDefinition<TaskUpdateResult, [TaskUpdateInput<P>]>,
  type: TaskType,
  validate: (payload: P, t: OpenTask) => void,
) {
  setHandler(
    def,
    async (u) => {
      const t = run.open.get(u.taskKey)!;
      t.busy = true;
      try {
        const outcome = await updateActs.completeTaskStep({
          appraisalId: run.appraisalId,
          cycleId: run.input.cycleId,
          taskKey: u.taskKey,
          type,
          payload: u.payload,
          actor: u.actor,
          context: {
            ...t.context,
            raterId: run.raterId,
            raterSuperiorId: run.raterSuperiorId,
            employeeId: run.input.employeeId,
          },
        });
        t.done = { payload: u.payload, actor: u.actor, outcome };
        return { taskKey: u.taskKey, status: 'DONE', outcome };
      } finally {
        t.busy = false;
      }
    },
    {
      validator: (u) => {
        const t = u && typeof u.taskKey === 'string' ? run.open.get(u.taskKey) : undefined;
        if (!t || t.type !== type || t.done || t.busy || run.stopped) throw notOpen();
        const a = u.actor;
        const allowed =
          !!a &&
          ((t.assigneeId !== null && a.employeeId === t.assigneeId) ||
            (t.assigneeRole !== null && a.roles?.includes(t.assigneeRole)) ||
            mayActOnBehalf({ employeeId: a.employeeId, roles: a.roles ?? [] }, t));
        if (!allowed) throw refuse(NOT_ASSIGNEE, 'Tugas ini bukan untuk Anda / this task is assigned to someone else');
        validate(u.payload, t);
      },
    },
  );
}

/** The updates of the human steps (each payload's schema is checked by the API first: validation.ts). */
function registerTaskUpdates(run: AppraisalRun) {
  const stateless = () => undefined;
  taskHandler(run, submitPlanUpdate, 'plan.submit', stateless);
  taskHandler(run, reviewPlanUpdate, 'plan.review', stateless);
  taskHandler(run, submitEvidenceUpdate, 'evidence.submit', stateless);
  taskHandler(run, submitReviewUpdate, 'review.submit', stateless);
  taskHandler(run, respondToResultUpdate, 'result.respond', (p) => {
    const ends = run.appealWindowEndsAt;
    if (p?.action === 'APPEAL' && ends !== null && Date.now() > ends)
      throw ApplicationFailure.create({
        type: VALIDATION_ERROR,
        nonRetryable: true,
        message: `Batas waktu keberatan (${run.settings.appealWindowDays} hari) sudah lewat pada ${new Date(ends).toISOString()} / the appeal window has closed`,
        details: [{ fields: [{ field: 'action', message: 'batas waktu keberatan sudah lewat' }] }],
      });
  });
  taskHandler(run, submitPeerFeedbackUpdate, 'peer.feedback', stateless);
  taskHandler(run, decideAppealUpdate, 'appeal.decide', (p) => rejectIfInvalid(appealDecisionErrors(p, run.ratings)));
  taskHandler(run, decideSanctionsUpdate, 'sanction.decide', (p) =>
    rejectIfInvalid(sanctionDecisionErrors(p, run.sanctionCodes)),
  );
}

/** HR's interventions: another rater, a transfer, the employee leaving. */
function registerInterventions(run: AppraisalRun) {
  setHandler(
    reassignRaterUpdate,
    async (u) => {
      const moved = await updateActs.reassignRater({
        appraisalId: run.appraisalId,
        fromRaterId: run.raterId,
        fromRaterSuperiorId: run.raterSuperiorId,
        toRaterId: u.raterId,
        toRaterSuperiorId: u.raterSuperiorId ?? null,
        actor: u.actor,
        reason: u.reason ?? null,
      });
      const oldRater = run.raterId;
      const oldSuperior = run.raterSuperiorId;
      run.raterId = moved.raterId;
      run.raterSuperiorId = moved.raterSuperiorId;
      for (const t of run.open.values()) {
        if (t.assigneeId !== null && t.assigneeId === oldRater) t.assigneeId = run.raterId;
        else if (
          t.assigneeId !== null &&
          t.assigneeId === oldSuperior &&
          t.audience !== 'EMPLOYEE' &&
          t.audience !== 'PEER'
        )
          t.assigneeId = run.raterSuperiorId ?? t.assigneeId;
      }
      return moved;
    },
    {
      validator: (u) => {
        const errors = [];
        if (!u || !Number.isInteger(u.raterId) || u.raterId < 1)
          errors.push({ field: 'raterId', message: 'wajib diisi / required' });
        else if (u.raterId === run.input.employeeId)
          errors.push({ field: 'raterId', message: 'pegawai tidak dapat menilai dirinya sendiri' });
        hrOnly(u?.actor);
        rejectIfInvalid(errors);
        if (run.over) throw appraisalOver();
      },
    },
  );

  setHandler(
    changeEmploymentUpdate,
    async (u) => {
      if (u.kind === 'LEAVE') {
        // The departure is recorded before the appraisal stops, so its audit entry precedes the cancellation's.
        const reason = u.reason?.trim() || 'pegawai berhenti / employee left';
        run.leaving = true;
        await updateActs.recordEmploymentChange({
          appraisalId: run.appraisalId,
          kind: 'LEAVE',
          actor: u.actor,
          reason,
        });
        run.stopped = reason;
        return { stage: run.stage };
      }
      const moved = await updateActs.recordEmploymentChange({
        appraisalId: run.appraisalId,
        kind: 'TRANSFER',
        actor: u.actor,
        reason: u.reason ?? null,
        newUnitId: u.newUnitId ?? null,
        newRaterId: u.newRaterId ?? null,
      });
      if (moved.raterId !== run.raterId)
        for (const t of run.open.values())
          if (t.assigneeId !== null && t.assigneeId === run.raterId) t.assigneeId = moved.raterId;
      run.raterId = moved.raterId;
      run.raterSuperiorId = moved.raterSuperiorId;
      run.unitId = moved.unitId;
      return { stage: run.stage };
    },
    {
      validator: (u) => {
        hrOnly(u?.actor);
        if (u.kind !== 'TRANSFER' && u.kind !== 'LEAVE')
          rejectIfInvalid([{ field: 'kind', message: 'harus TRANSFER atau LEAVE' }]);
        if (u.kind === 'TRANSFER' && !u.newUnitId && !u.newRaterId)
          rejectIfInvalid([{ field: 'newUnitId', message: 'unit atau penilai baru wajib diisi untuk mutasi' }]);
        if (run.over) throw appraisalOver();
      },
    },
  );
}

/** Every message handler of the appraisal. */
export function registerHandlers(run: AppraisalRun): void {
  registerTaskUpdates(run);
  registerInterventions(run);
  registerPeerFeedback(run);
  setHandler(calibratedSignal, (s) => {
    if (s?.periodId === undefined || s.periodId === run.period.periodId) run.calibrated = true;
  });
  setHandler(
    requestPlanRevisionUpdate,
    () => {
      run.revisionRequested = true;
      return { revision: run.planRevision + 1 };
    },
    {
      validator: (u) => {
        const a = u?.actor;
        const mayRevise =
          !!a &&
          (a.employeeId === run.input.employeeId ||
            (a.employeeId !== null && a.employeeId === run.raterId) ||
            a.roles?.includes('HR_ADMIN'));
        if (!mayRevise)
          throw refuse(NOT_ASSIGNEE, 'Hanya pegawai, penilainya atau HR / only the employee, the rater or HR');
        if (run.over) throw appraisalOver();
        if (run.stage !== 'PERIOD' || run.revisionRequested)
          throw refuse(
            TASK_NOT_OPEN,
            'SKP hanya dapat direvisi selama periode berjalan, sebelum evaluasinya dibuka / the plan can be revised only while the period runs',
          );
      },
    },
  );
  setHandler(appraisalStateQuery, () => ({
    appraisalId: run.appraisalId,
    stage: run.stage,
    raterId: run.raterId,
    raterSuperiorId: run.raterSuperiorId,
    unitId: run.unitId,
    planRevision: run.planRevision,
    predicate: run.predicate,
    appealWindowEndsAt: run.appealWindowEndsAt === null ? null : new Date(run.appealWindowEndsAt).toISOString(),
    openTasks: [...run.open.values()].map((t) => ({
      key: t.key,
      type: t.type,
      assigneeId: t.assigneeId,
      assigneeRole: t.assigneeRole,
      escalationLevel: t.escalationLevel,
      dueAt: t.dueAt,
    })),
  }));
}
