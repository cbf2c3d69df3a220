/**
 * Peer feedback (360): before the rating is done, the rater (or whoever holds the rating task: an acting Plt./Plh.,
 * the superior it was escalated to) asks up to `peerFeedbackMax` colleagues for feedback on the seven BerAKHLAK
 * values. Each colleague gets a `peer.feedback` task due at the end of the local day `peerFeedbackDays` later, a
 * reminder the day before, and at the deadline an unanswered request expires. The rating never waits for them: once
 * it is submitted, what is still open expires with it.
 */
import { ApplicationFailure, condition, isCancellation, setHandler } from '@temporalio/workflow';
import { requestPeerFeedbackUpdate, submitPeerFeedbackUpdate, type PeerFeedbackRequestInput } from '../messages';
import { NOT_ASSIGNEE, TASK_NOT_OPEN, rejectIfInvalid } from '../validation';
import type { FieldError } from '../task-payloads';
import { acts, updateActs, type AppraisalRun } from './run';
import type { OpenTask } from './tasks';

const DAY = 24 * 60 * 60 * 1000;
/** Stages in which the rater may still ask: the rating is not done yet. */
const ASKING_STAGES = new Set(['PERIOD', 'EVIDENCE', 'REVIEW']);

export const peerTaskKey = (appraisalId: number, peerId: number) => `appraisal-${appraisalId}:peer.feedback:${peerId}`;

/** End of the local day `days` after `from` (same rule as the appeal window's). */
function dayEnd(from: number, days: number, utcOffsetHours: number): number {
  const offset = utcOffsetHours * 60 * 60 * 1000;
  return Math.floor((from + offset) / DAY) * DAY + (days + 1) * DAY - offset - 1;
}

/** Who may ask: the rater, or the holder of the open rating task (an acting Plt./Plh., an escalation target). */
function mayAsk(run: AppraisalRun, employeeId: number | null): boolean {
  if (employeeId === null) return false;
  if (employeeId === run.raterId) return true;
  return [...run.open.values()].some((t) => t.type === 'review.submit' && !t.done && t.assigneeId === employeeId);
}

/** Field errors of a request: at most N in the period, not the employee, not the asker, no duplicates, not asked before. */
export function peerRequestErrors(run: AppraisalRun, u: PeerFeedbackRequestInput): FieldError[] {
  const max = run.settings.peerFeedbackMax;
  const ids = Array.isArray(u?.peerIds) ? u.peerIds : null;
  if (!ids || !ids.length || ids.some((id) => !Number.isInteger(id) || id < 1))
    return [{ field: 'peerIds', message: 'minimal satu rekan (id pegawai) / at least one colleague' }];
  const errors: FieldError[] = [];
  if (run.peersAsked.size + ids.length > max)
    errors.push({
      field: 'peerIds',
      message:
        `paling banyak ${max} rekan per periode (sudah diminta ${run.peersAsked.size}) / ` +
        `at most ${max} colleagues per period (${run.peersAsked.size} asked already)`,
    });
  ids.forEach((id, i) => {
    const field = `peerIds.${i}`;
    if (id === run.input.employeeId)
      errors.push({ field, message: 'pegawai yang dinilai tidak dapat menjadi rekan / not the appraised employee' });
    else if (id === u.actor?.employeeId || id === run.raterId)
      errors.push({ field, message: 'penilai tidak dapat meminta umpan balik dari dirinya / not the rater' });
    else if (ids.indexOf(id) !== i) errors.push({ field, message: 'rekan yang sama dua kali / duplicate colleague' });
    else if (run.peersAsked.has(id))
      errors.push({ field, message: 'rekan ini sudah diminta pada periode ini / already asked this period' });
  });
  return errors;
}

/** Waits for one colleague's answer: a reminder the day before the deadline, then expiry unless answered. */
async function watch(run: AppraisalRun, t: OpenTask): Promise<void> {
  const settled = () => t.done !== null || ((run.peerRoundClosed || run.stopped !== null) && !t.busy);
  try {
    const due = Date.parse(t.dueAt);
    if (due - DAY > Date.now() && !(await condition(settled, due - DAY - Date.now())))
      await acts.remindTask({ key: t.key, actor: run.actorName });
    if (!(await condition(settled, Math.max(0, due - Date.now())))) await condition(() => !t.busy);
    run.open.delete(t.key);
    if (t.done || run.stopped !== null) return;
    await acts.expirePeerFeedback({
      key: t.key,
      actor: run.actorName,
      reason: run.peerRoundClosed
        ? 'penilaian sudah diberikan sebelum rekan menjawab / rated before the colleague answered'
        : 'batas waktu umpan balik rekan berakhir / the deadline passed',
    });
  } catch (err) {
    // The appraisal is being cancelled: closing it cancels the open tasks.
    if (!isCancellation(err)) throw err;
  }
}

/** Registers the request update and keeps the colleagues' watches on the run. */
export function registerPeerFeedback(run: AppraisalRun): void {
  setHandler(
    requestPeerFeedbackUpdate,
    async (u) => {
      const dueAt = new Date(dayEnd(Date.now(), run.settings.peerFeedbackDays, run.settings.utcOffsetHours));
      for (const id of u.peerIds) run.peersAsked.add(id);
      let written;
      try {
        written = await updateActs.requestPeerFeedback({
          appraisalId: run.appraisalId,
          cycleId: run.input.cycleId,
          workflowId: run.workflowId,
          updateName: submitPeerFeedbackUpdate.name,
          peerIds: u.peerIds,
          dueAt: dueAt.toISOString(),
          actor: u.actor,
          keys: u.peerIds.map((id) => peerTaskKey(run.appraisalId, id)),
          named: run.settings.peerFeedbackNamed,
        });
      } catch (err) {
        for (const id of u.peerIds) run.peersAsked.delete(id);
        throw err;
      }
      for (const r of written.requested) {
        const t: OpenTask = {
          key: r.taskKey,
          type: 'peer.feedback',
          audience: 'PEER',
          assigneeId: r.peerId,
          assigneeRole: null,
          escalationLevel: 0,
          escalatedToId: null,
          dueAt: r.dueAt,
          busy: false,
          done: null,
          context: { peerId: r.peerId },
        };
        run.open.set(t.key, t);
        run.peerWatches.push(watch(run, t));
      }
      return written;
    },
    {
      validator: (u) => {
        if (!mayAsk(run, u?.actor?.employeeId ?? null))
          throw ApplicationFailure.create({
            type: NOT_ASSIGNEE,
            nonRetryable: true,
            message: 'Hanya penilai yang dapat meminta umpan balik rekan / only the rater may ask colleagues',
          });
        if (run.over || !ASKING_STAGES.has(run.stage) || run.peerRoundClosed)
          throw ApplicationFailure.create({
            type: TASK_NOT_OPEN,
            nonRetryable: true,
            message:
              'Umpan balik rekan hanya dapat diminta sebelum penilaian diberikan / peer feedback can be asked only before the rating',
          });
        if (run.settings.peerFeedbackMax < 1)
          rejectIfInvalid([{ field: 'peerIds', message: 'umpan balik rekan tidak dipakai siklus ini / not enabled' }]);
        rejectIfInvalid(peerRequestErrors(run, u));
      },
    },
  );
}

/** The rating is done: what is still open expires now (the rating never waits for colleagues). */
export async function closePeerRound(run: AppraisalRun): Promise<void> {
  run.peerRoundClosed = true;
  await Promise.all(run.peerWatches);
}
