/**
 * The stages of an appraisal, in order, each in one function: planning (submit, approve or return; once a year, and
 * again on a revision), the period in force, evidence, the rater's review, scoring and calibration, the shared result
 * with its appeal window, pay, sanctions, and the move to the next evaluation period or the year's predicate.
 */
import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import {
  decideAppealUpdate,
  decideSanctionsUpdate,
  respondToResultUpdate,
  reviewPlanUpdate,
  submitEvidenceUpdate,
  submitPlanUpdate,
  submitReviewUpdate,
  type AppealDecisionPayload,
  type EvidencePayload,
  type PlanPayload,
  type PlanReviewPayload,
  type ResultResponsePayload,
  type ReviewPayload,
  type SanctionDecisionPayload,
} from '../messages';
import { AppraisalStopped, acts, serverActs, type AppraisalRun } from './run';
import { closePeerRound } from './peers';
import { finished, openTask, step } from './tasks';

const DAY = 24 * 60 * 60 * 1000;

/** End of the local day (UTC offset in hours) that is `days` after `from`: the last moment of a window. */
export function windowEnd(from: number, days: number, utcOffsetHours: number): number {
  const offset = utcOffsetHours * 60 * 60 * 1000;
  const localMidnight = Math.floor((from + offset) / DAY) * DAY;
  return localMidnight + (days + 1) * DAY - offset - 1;
}

/**
 * 1. Planning: the employee submits the plan (SKP), the rater approves or returns it — as often as needed. Once a
 * year; a revision during the year (`stage` PLANNING again) goes through the same steps with the next revision number.
 */
export async function planning(run: AppraisalRun, stage?: 'PLANNING'): Promise<void> {
  for (let first = true; ; first = false) {
    const revision = run.planRevision;
    await step<PlanPayload>(run, {
      stage: first ? stage : undefined,
      type: 'plan.submit',
      title: revision ? `Perbaiki dan ajukan ulang SKP (revisi ${revision})` : 'Susun dan ajukan SKP',
      audience: 'EMPLOYEE',
      days: run.settings.planningDays,
      update: submitPlanUpdate,
      keySuffix: String(revision),
      context: { revision },
    });
    const review = await step<PlanReviewPayload>(run, {
      type: 'plan.review',
      title: 'Setujui atau kembalikan SKP bawahan',
      audience: 'RATER',
      days: run.settings.planReviewDays,
      update: reviewPlanUpdate,
      keySuffix: String(revision),
      context: { revision },
    });
    if (review.payload.decision === 'APPROVE') return;
    run.planRevision++;
  }
}

/**
 * 2. The period runs with the plan in force until its evaluation opens at the period's end (at once for a period
 * already over). Meanwhile the employee or the rater may open a revision of the plan (requestPlanRevision): it is
 * submitted and approved like the first plan, and the evaluation uses the version approved last.
 */
export async function periodInForce(run: AppraisalRun): Promise<void> {
  const opensAt = Date.parse(run.period.opensAt);
  while (Date.now() < opensAt || run.revisionRequested) {
    if (run.revisionRequested) {
      run.revisionRequested = false;
      run.planRevision++;
      await planning(run, 'PLANNING');
      continue;
    }
    if (run.stage !== 'PERIOD') await run.setStage('PERIOD');
    await condition(() => run.revisionRequested || run.stopped !== null, opensAt - Date.now());
    if (run.stopped) throw new AppraisalStopped(run.stopped);
  }
}

/** 3. Evidence: realizations and evidence per indicator. */
export async function evidence(run: AppraisalRun): Promise<void> {
  await step<EvidencePayload>(run, {
    stage: 'EVIDENCE',
    type: 'evidence.submit',
    title: 'Isi realisasi dan unggah bukti dukung',
    audience: 'EMPLOYEE',
    days: run.settings.evidenceDays,
    update: submitEvidenceUpdate,
  });
}

/**
 * 4. Review: the rater rates the results, the seven BerAKHLAK values and the overall behaviour — with the colleagues'
 * answers received so far (peers.ts); a request still open when the rating is submitted expires then.
 */
export async function rating(run: AppraisalRun): Promise<void> {
  const review = await step<ReviewPayload>(run, {
    stage: 'REVIEW',
    type: 'review.submit',
    title: 'Nilai hasil kerja dan perilaku kerja (BerAKHLAK)',
    audience: 'RATER',
    days: run.settings.reviewDays,
    update: submitReviewUpdate,
  });
  await closePeerRound(run);
  run.ratings = { resultRating: review.payload.resultRating, behaviourRating: review.payload.behaviourRating };
}

/**
 * 5–6. Scoring with the pinned SCORING version, stored with the move to calibration; then the appraisal waits until
 * the cycle has calibrated its unit against the curve and releases it.
 */
export async function scoringAndCalibration(run: AppraisalRun): Promise<void> {
  run.stage = 'SCORING';
  const score = await acts.scoreAppraisal({
    appraisalId: run.appraisalId,
    scoringVersionId: run.input.versions.scoringVersionId,
    resultRating: run.ratings.resultRating!,
    behaviourRating: run.ratings.behaviourRating!,
    source: 'RATER',
    actor: run.actorName,
    stageAfter: { stage: 'CALIBRATION' },
  });
  run.predicate = score.predicate;
  run.stage = 'CALIBRATION';
  await run.notifyCycle('CALIBRATION');
  await condition(() => run.calibrated || run.stopped !== null);
  if (run.stopped) throw new AppraisalStopped(run.stopped);
}

/**
 * 7. The result is shared and the appeal window runs to the end of the local day `appealWindowDays` later; an appeal
 * goes to the rater's superior, whose changed rating is scored again.
 */
export async function resultAndAppeal(run: AppraisalRun): Promise<void> {
  let windowEndsAt = 0;
  const shared = await run.enter('APPEAL', (move) => {
    const sharedAt = Date.now();
    run.appealWindowEndsAt = windowEndsAt = windowEnd(
      sharedAt,
      run.settings.appealWindowDays,
      run.settings.utcOffsetHours,
    );
    return acts.shareResult({
      appraisalId: run.appraisalId,
      sharedAt: new Date(sharedAt).toISOString(),
      actor: run.actorName,
      ...move,
    });
  });
  run.predicate = shared.predicate;
  const respond = await openTask(run, {
    type: 'result.respond',
    key: `appraisal-${run.appraisalId}:result.respond`,
    title: 'Terima hasil penilaian atau ajukan keberatan',
    audience: 'EMPLOYEE',
    dueAt: windowEndsAt,
    updateName: respondToResultUpdate.name,
    context: { predicate: run.predicate, appealWindowEndsAt: new Date(windowEndsAt).toISOString() },
  });
  const answered = await condition(finished(run, respond), Math.max(0, windowEndsAt - Date.now()));
  run.open.delete(respond.key);
  if (!answered) {
    await acts.expireTask({ key: respond.key, actor: run.actorName, reason: 'batas waktu keberatan berakhir' });
    return;
  }
  if (run.stopped && !respond.done) throw new AppraisalStopped(run.stopped);
  const response = respond.done!.payload as ResultResponsePayload;
  if (response.action !== 'APPEAL') return;
  run.appealed = true;
  const decision = await step<AppealDecisionPayload>(run, {
    type: 'appeal.decide',
    title: 'Putuskan keberatan atas hasil penilaian',
    audience: 'RATER_SUPERIOR',
    days: run.settings.appealDecisionDays,
    update: decideAppealUpdate,
    context: { reason: response.reason, predicate: run.predicate },
  });
  if (decision.payload.decision !== 'CHANGED') return;
  run.ratings = {
    resultRating: decision.payload.newResultRating ?? run.ratings.resultRating,
    behaviourRating: decision.payload.newBehaviourRating ?? run.ratings.behaviourRating,
  };
  const rescored = await acts.scoreAppraisal({
    appraisalId: run.appraisalId,
    scoringVersionId: run.input.versions.scoringVersionId,
    resultRating: run.ratings.resultRating!,
    behaviourRating: run.ratings.behaviourRating!,
    source: 'APPEAL',
    actor: run.actorName,
  });
  run.predicate = rescored.predicate;
}

/** 8. Pay: exactly one adjustment per employee and month of the period (a server-scheduled activity, see run.ts). */
export async function pay(run: AppraisalRun): Promise<void> {
  const paid = await run.enter('PAY', (move) =>
    serverActs.computePay({
      appraisalId: run.appraisalId,
      payVersionId: run.input.versions.payVersionId,
      actor: run.actorName,
      ...move,
    }),
  );
  run.allowance = paid.amount;
  run.predicate = paid.predicate;
}

/** 9. Sanctions and follow-up: recommendations that HR confirms or dismisses. */
export async function sanctions(run: AppraisalRun): Promise<void> {
  const recs = await acts.recommendSanctions({
    appraisalId: run.appraisalId,
    sanctionVersionId: run.input.versions.sanctionVersionId,
    actor: run.actorName,
  });
  run.sanctionCodes = recs.codes;
  if (!run.sanctionCodes.length) return;
  await step<SanctionDecisionPayload>(run, {
    type: 'sanction.decide',
    title: 'Konfirmasi atau tolak rekomendasi sanksi/tindak lanjut',
    audience: 'HR',
    days: run.settings.sanctionDecisionDays,
    update: decideSanctionsUpdate,
    context: { recommendations: recs.recommendations },
  });
}

/**
 * 10. The year goes on: the next period's appraisal row is opened with the plan in force, this period's row is done,
 * and the workflow continues as new for the next period, carrying only what it needs (plan revision, rater, unit).
 */
export async function nextPeriod(run: AppraisalRun): Promise<never> {
  const index = run.input.index + 1;
  const next = await acts.openEvaluation({
    cycleId: run.input.cycleId,
    employeeId: run.input.employeeId,
    fromAppraisalId: run.appraisalId,
    periodId: run.input.periods[index].periodId,
    sequence: index + 1,
    final: index === run.input.periods.length - 1,
    unitId: run.unitId,
    raterId: run.raterId,
    raterSuperiorId: run.raterSuperiorId,
    workflowId: run.workflowId,
    actor: run.actorName,
  });
  await run.setStage('DONE', true);
  await condition(allHandlersFinished);
  return continueAsNew<(input: typeof run.input) => Promise<unknown>>({
    ...run.input,
    appraisalId: next.appraisalId,
    index,
    planRevision: run.planRevision,
    unitId: run.unitId,
    raterId: run.raterId,
    raterSuperiorId: run.raterSuperiorId,
  });
}

/** 10. The year's end: the final evaluation's predicate, with its explanation, is stored as the year's. */
export async function annualResult(run: AppraisalRun): Promise<void> {
  await acts.recordAnnualResult({ appraisalId: run.appraisalId, actor: run.actorName });
}
