/**
 * Payload checks of the update validators: pure and deterministic, so a bad request is refused before it
 * enters history, and the caller gets a reason naming each field (Bahasa Indonesia first).
 */
import { ApplicationFailure } from '@temporalio/workflow';
import {
  BERAKHLAK,
  PREDICATES,
  RATINGS,
  type AppealDecisionPayload,
  type CalibrationPayload,
  type EvidencePayload,
  type PlanPayload,
  type PlanReviewPayload,
  type ResultResponsePayload,
  type ReviewPayload,
  type SanctionDecisionPayload,
} from './messages';

export interface FieldError {
  field: string;
  message: string;
}

/** Error type the API maps to 400 (the details carry the field errors). */
export const VALIDATION_ERROR = 'ValidationError';
/** Error type the API maps to 409: the task is no longer waiting for an answer. */
export const TASK_NOT_OPEN = 'TaskNotOpen';
/** Error type the API maps to 403: the actor is not the task's assignee. */
export const NOT_ASSIGNEE = 'NotAssignee';

/** Throws a non-retryable validation failure when there are field errors. */
export function rejectIfInvalid(errors: FieldError[]): void {
  if (!errors.length) return;
  throw ApplicationFailure.create({
    type: VALIDATION_ERROR,
    nonRetryable: true,
    message: `Data tidak valid: ${errors.map((e) => `${e.field} — ${e.message}`).join('; ')}`,
    details: [{ fields: errors }],
  });
}

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, min = 1, max = 2000) => typeof v === 'string' && v.trim().length >= min && v.length <= max;
const REQUIRED = 'wajib diisi / required';

function ratingErrors(value: unknown, field: string, out: FieldError[], optional = false) {
  if (optional && (value === undefined || value === null)) return;
  if (!RATINGS.includes(value as any)) out.push({ field, message: `harus salah satu dari ${RATINGS.join(', ')}` });
}

/** plan.submit: at least one MAIN work result; each with a title and at least one indicator with a target. */
export function validatePlan(p: PlanPayload): FieldError[] {
  const e: FieldError[] = [];
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  if (p.expectations != null && !text(p.expectations, 0, 4000))
    e.push({ field: 'expectations', message: 'maksimal 4000 karakter' });
  if (!Array.isArray(p.items) || p.items.length === 0) {
    e.push({ field: 'items', message: 'minimal satu rencana hasil kerja (RHK) / at least one work result' });
    return e;
  }
  if (p.items.length > 50) e.push({ field: 'items', message: 'maksimal 50 RHK' });
  if (!p.items.some((i) => isObj(i) && i.kind === 'MAIN'))
    e.push({ field: 'items', message: 'minimal satu RHK utama (MAIN) / at least one main work result' });
  p.items.forEach((item, i) => {
    const f = `items.${i}`;
    if (!isObj(item)) return void e.push({ field: f, message: 'harus objek' });
    if (item.kind !== 'MAIN' && item.kind !== 'ADDITIONAL')
      e.push({ field: `${f}.kind`, message: 'harus MAIN atau ADDITIONAL' });
    if (!text(item.title, 3, 500)) e.push({ field: `${f}.title`, message: `${REQUIRED} (3–500 karakter)` });
    if (item.parentItemId != null && !(Number.isInteger(item.parentItemId) && item.parentItemId > 0))
      e.push({ field: `${f}.parentItemId`, message: 'harus id RHK atasan' });
    if (!Array.isArray(item.indicators) || item.indicators.length === 0)
      return void e.push({
        field: `${f}.indicators`,
        message: 'minimal satu indikator (IKI) / at least one indicator',
      });
    item.indicators.forEach((ind, j) => {
      const g = `${f}.indicators.${j}`;
      if (!isObj(ind)) return void e.push({ field: g, message: 'harus objek' });
      if (!['QUANTITY', 'QUALITY', 'TIME'].includes(ind.aspect))
        e.push({ field: `${g}.aspect`, message: 'harus QUANTITY, QUALITY atau TIME' });
      if (!text(ind.description, 3, 500)) e.push({ field: `${g}.description`, message: REQUIRED });
      if (!text(ind.target, 1, 200)) e.push({ field: `${g}.target`, message: REQUIRED });
      if (ind.targetValue != null && !Number.isFinite(ind.targetValue))
        e.push({ field: `${g}.targetValue`, message: 'harus angka' });
    });
  });
  return e;
}

/** plan.review: APPROVE, or RETURN with a comment saying what to fix. */
export function validatePlanReview(p: PlanReviewPayload): FieldError[] {
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  if (p.decision !== 'APPROVE' && p.decision !== 'RETURN')
    return [{ field: 'decision', message: 'harus APPROVE atau RETURN' }];
  if (p.decision === 'RETURN' && !text(p.comment, 5))
    return [{ field: 'comment', message: 'wajib diisi saat mengembalikan SKP (minimal 5 karakter) / required' }];
  return [];
}

/** evidence.submit: realizations of known indicators (ids checked by the activity) and http(s) links. */
export function validateEvidence(p: EvidencePayload): FieldError[] {
  const e: FieldError[] = [];
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  if (!Array.isArray(p.realizations) || p.realizations.length === 0)
    return [{ field: 'realizations', message: 'minimal satu realisasi / at least one realization' }];
  p.realizations.forEach((r, i) => {
    if (!isObj(r)) return void e.push({ field: `realizations.${i}`, message: 'harus objek' });
    if (!(Number.isInteger(r.indicatorId) && r.indicatorId > 0))
      e.push({ field: `realizations.${i}.indicatorId`, message: REQUIRED });
    if (!text(r.value, 1, 500)) e.push({ field: `realizations.${i}.value`, message: REQUIRED });
    if (r.numericValue != null && !Number.isFinite(r.numericValue))
      e.push({ field: `realizations.${i}.numericValue`, message: 'harus angka' });
  });
  (p.links ?? []).forEach((l, i) => {
    if (!isObj(l)) return void e.push({ field: `links.${i}`, message: 'harus objek' });
    if (!text(l.title, 1, 200)) e.push({ field: `links.${i}.title`, message: REQUIRED });
    if (typeof l.url !== 'string' || !/^https?:\/\/\S+$/.test(l.url))
      e.push({ field: `links.${i}.url`, message: 'harus URL http(s) / must be an http(s) URL' });
  });
  return e;
}

/** review.submit: result rating, behaviour rating, and all seven BerAKHLAK ratings. */
export function validateReview(p: ReviewPayload): FieldError[] {
  const e: FieldError[] = [];
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  ratingErrors(p.resultRating, 'resultRating', e);
  ratingErrors(p.behaviourRating, 'behaviourRating', e);
  if (!isObj(p.berakhlak)) e.push({ field: 'berakhlak', message: `${REQUIRED}: ${BERAKHLAK.join(', ')}` });
  else for (const k of BERAKHLAK) ratingErrors(p.berakhlak[k], `berakhlak.${k}`, e);
  if (p.resultComment != null && !text(p.resultComment, 0, 4000))
    e.push({ field: 'resultComment', message: 'maksimal 4000 karakter' });
  if (p.behaviourComment != null && !text(p.behaviourComment, 0, 4000))
    e.push({ field: 'behaviourComment', message: 'maksimal 4000 karakter' });
  return e;
}

/** result.respond: ACCEPT, or APPEAL with the reasons (the window is checked by the workflow). */
export function validateResultResponse(p: ResultResponsePayload): FieldError[] {
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  if (p.action !== 'ACCEPT' && p.action !== 'APPEAL') return [{ field: 'action', message: 'harus ACCEPT atau APPEAL' }];
  if (p.action === 'APPEAL' && !text(p.reason, 10, 4000))
    return [{ field: 'reason', message: 'alasan keberatan wajib diisi (minimal 10 karakter) / reason required' }];
  return [];
}

/** appeal.decide: a note, and for CHANGED at least one new rating different from the current one. */
export function validateAppealDecision(
  p: AppealDecisionPayload,
  current: { resultRating: string | null; behaviourRating: string | null },
): FieldError[] {
  const e: FieldError[] = [];
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  if (p.decision !== 'CHANGED' && p.decision !== 'UNCHANGED')
    return [{ field: 'decision', message: 'harus CHANGED atau UNCHANGED' }];
  if (!text(p.note, 5, 4000))
    e.push({ field: 'note', message: 'pertimbangan keputusan wajib diisi (minimal 5 karakter)' });
  ratingErrors(p.newResultRating, 'newResultRating', e, true);
  ratingErrors(p.newBehaviourRating, 'newBehaviourRating', e, true);
  if (p.decision === 'CHANGED') {
    const changes =
      (p.newResultRating != null && p.newResultRating !== current.resultRating) ||
      (p.newBehaviourRating != null && p.newBehaviourRating !== current.behaviourRating);
    if (!changes)
      e.push({
        field: 'newResultRating',
        message:
          'keputusan CHANGED memerlukan rating hasil kerja atau perilaku yang baru / a changed rating is required',
      });
  }
  return e;
}

/** sanction.decide: one decision (CONFIRM/DISMISS) for each recommended code. */
export function validateSanctionDecision(p: SanctionDecisionPayload, codes: string[]): FieldError[] {
  const e: FieldError[] = [];
  if (!isObj(p) || !Array.isArray(p.decisions)) return [{ field: 'decisions', message: REQUIRED }];
  p.decisions.forEach((d, i) => {
    if (!isObj(d)) return void e.push({ field: `decisions.${i}`, message: 'harus objek' });
    if (!codes.includes(d.code))
      e.push({ field: `decisions.${i}.code`, message: `bukan rekomendasi tugas ini (pilihan: ${codes.join(', ')})` });
    if (d.decision !== 'CONFIRM' && d.decision !== 'DISMISS')
      e.push({ field: `decisions.${i}.decision`, message: 'harus CONFIRM atau DISMISS' });
  });
  const decided = new Set(p.decisions.map((d) => d?.code));
  const missing = codes.filter((c) => !decided.has(c));
  if (missing.length) e.push({ field: 'decisions', message: `belum diputus: ${missing.join(', ')}` });
  return e;
}

/** calibration.unit: a justification, or adjustments of predicates. */
export function validateCalibration(p: CalibrationPayload): FieldError[] {
  const e: FieldError[] = [];
  if (!isObj(p)) return [{ field: '(payload)', message: 'harus objek / must be an object' }];
  if (p.action === 'JUSTIFY') {
    if (!text(p.justification, 10, 4000))
      e.push({ field: 'justification', message: 'justifikasi wajib diisi (minimal 10 karakter) / required' });
  } else if (p.action === 'ADJUST') {
    if (!Array.isArray(p.adjustments) || !p.adjustments.length)
      e.push({ field: 'adjustments', message: 'minimal satu penyesuaian predikat' });
    else
      p.adjustments.forEach((a, i) => {
        if (!isObj(a)) return void e.push({ field: `adjustments.${i}`, message: 'harus objek' });
        if (!(Number.isInteger(a.appraisalId) && a.appraisalId > 0))
          e.push({ field: `adjustments.${i}.appraisalId`, message: REQUIRED });
        if (!PREDICATES.includes(a.predicate))
          e.push({ field: `adjustments.${i}.predicate`, message: `harus salah satu dari ${PREDICATES.join(', ')}` });
      });
  } else e.push({ field: 'action', message: 'harus JUSTIFY atau ADJUST' });
  return e;
}
