/**
 * The payload of each task type as a strict zod schema: the update validators (workflows), the API's OpenAPI
 * document and the activities all read the same definition, and a key the step does not know is refused by name
 * (a request never reaches a database write with fields it was not meant to set). Pure and deterministic, so it
 * runs inside the workflow sandbox. Checks that need the task's state (the current ratings, the recommended
 * sanction codes) stay in `validation.ts`.
 */
import { z } from 'zod';
import { BERAKHLAK, PREDICATE_VALUES, RATING_VALUES } from './task-values';

export { BERAKHLAK, PREDICATE_VALUES, RATING_VALUES } from './task-values';

const REQUIRED = 'wajib diisi / required';
const OBJECT = { error: 'harus objek / must be an object' };

/** A string of `min`–`max` characters that is not blank. */
const text = (min: number, max: number, message = `${REQUIRED} (${min}–${max} karakter)`) =>
  z
    .string({ error: message })
    .max(max, `maksimal ${max} karakter / at most ${max} characters`)
    .refine((v) => v.trim().length >= min, message);
/** Optional free text (null or absent allowed). */
const note = (max: number) =>
  z.string({ error: 'harus teks / must be text' }).max(max, `maksimal ${max} karakter`).nullish();
const id = (message = REQUIRED) =>
  z.number({ error: message }).int(message).positive(message).max(2_147_483_647, 'id di luar jangkauan');
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `harus salah satu dari ${values.join(', ')}` });
const rating = oneOf(RATING_VALUES);
const finite = z.number({ error: 'harus angka / must be a number' }).finite('harus angka');

export const indicatorInput = z.strictObject({
  aspect: oneOf(['QUANTITY', 'QUALITY', 'TIME']),
  description: text(3, 500, REQUIRED),
  target: text(1, 200, REQUIRED),
  targetValue: finite.nullish(),
  targetUnit: note(50),
});

export const planItemInput = z.strictObject({
  kind: oneOf(['MAIN', 'ADDITIONAL']),
  title: text(3, 500),
  /** The superior's approved plan item this result contributes to (cascading). */
  parentItemId: id('harus id RHK atasan').nullish(),
  indicators: z
    .array(indicatorInput, { error: 'minimal satu indikator (IKI) / at least one indicator' })
    .min(1, 'minimal satu indikator (IKI) / at least one indicator')
    .max(20, 'maksimal 20 indikator per RHK'),
});

/** plan.submit: at least one MAIN work result; each with a title and at least one indicator with a target. */
export const planPayload = z.strictObject(
  {
    expectations: note(4000),
    items: z
      .array(planItemInput, { error: 'minimal satu rencana hasil kerja (RHK) / at least one work result' })
      .min(1, 'minimal satu rencana hasil kerja (RHK) / at least one work result')
      .max(50, 'maksimal 50 RHK')
      .refine(
        (items) => items.length === 0 || items.some((i) => i.kind === 'MAIN'),
        'minimal satu RHK utama / at least one main work result',
      ),
  },
  OBJECT,
);

/** plan.review: APPROVE, or RETURN with a comment saying what to fix. */
export const planReviewPayload = z
  .strictObject({ decision: oneOf(['APPROVE', 'RETURN']), comment: note(4000) }, OBJECT)
  .refine((p) => p.decision !== 'RETURN' || (p.comment ?? '').trim().length >= 5, {
    path: ['comment'],
    message: 'wajib diisi saat mengembalikan SKP (minimal 5 karakter) / required',
  });

/** evidence.submit: realizations of known indicators (ids checked by the activity) and http(s) links. */
export const evidencePayload = z.strictObject(
  {
    realizations: z
      .array(
        z.strictObject({
          indicatorId: id(),
          value: text(1, 500, REQUIRED),
          numericValue: finite.nullish(),
          note: note(2000),
        }),
        { error: 'minimal satu realisasi / at least one realization' },
      )
      .min(1, 'minimal satu realisasi / at least one realization')
      .max(200, 'maksimal 200 realisasi'),
    links: z
      .array(
        z.strictObject({
          indicatorId: id().nullish(),
          title: text(1, 200, REQUIRED),
          url: z
            .string({ error: 'harus URL http(s) / must be an http(s) URL' })
            .max(2000, 'maksimal 2000 karakter')
            .regex(/^https?:\/\/\S+$/, 'harus URL http(s) / must be an http(s) URL'),
        }),
      )
      .max(50, 'maksimal 50 tautan')
      .optional(),
  },
  OBJECT,
);

/** review.submit: result rating, behaviour rating, and all seven BerAKHLAK ratings. */
export const reviewPayload = z.strictObject(
  {
    resultRating: rating,
    behaviourRating: rating,
    berakhlak: z.strictObject(
      Object.fromEntries(BERAKHLAK.map((k) => [k, rating])) as Record<(typeof BERAKHLAK)[number], typeof rating>,
      { error: `${REQUIRED}: ${BERAKHLAK.join(', ')}` },
    ),
    resultComment: note(4000),
    behaviourComment: note(4000),
  },
  OBJECT,
);

/** result.respond: ACCEPT, or APPEAL with the reasons (the window is checked by the workflow). */
export const resultResponsePayload = z
  .strictObject({ action: oneOf(['ACCEPT', 'APPEAL']), reason: note(4000) }, OBJECT)
  .refine((p) => p.action !== 'APPEAL' || (p.reason ?? '').trim().length >= 10, {
    path: ['reason'],
    message: 'alasan keberatan wajib diisi (minimal 10 karakter) / reason required',
  });

/** appeal.decide: a note, and new ratings (whether CHANGED changes one is checked against the current ones). */
export const appealDecisionPayload = z.strictObject(
  {
    decision: oneOf(['CHANGED', 'UNCHANGED']),
    note: text(5, 4000, 'pertimbangan keputusan wajib diisi (minimal 5 karakter)'),
    newResultRating: rating.nullish(),
    newBehaviourRating: rating.nullish(),
  },
  OBJECT,
);

/** sanction.decide: one decision (CONFIRM/DISMISS) per recommended code (the codes are checked by the task). */
export const sanctionDecisionPayload = z.strictObject(
  {
    decisions: z
      .array(
        z.strictObject({
          code: z.string({ error: REQUIRED }).min(1, REQUIRED).max(100, 'maksimal 100 karakter'),
          decision: oneOf(['CONFIRM', 'DISMISS']),
          note: note(2000),
        }),
        { error: REQUIRED },
      )
      .max(50, 'maksimal 50 keputusan'),
  },
  OBJECT,
);

/** calibration.unit: a justification, or adjustments of predicates. */
export const calibrationPayload = z
  .strictObject(
    {
      action: oneOf(['JUSTIFY', 'ADJUST']),
      justification: note(4000),
      adjustments: z
        .array(z.strictObject({ appraisalId: id(), predicate: oneOf(PREDICATE_VALUES), note: note(2000) }))
        .max(1000, 'maksimal 1000 penyesuaian')
        .optional(),
    },
    OBJECT,
  )
  .superRefine((p, ctx) => {
    if (p.action === 'JUSTIFY' && (p.justification ?? '').trim().length < 10)
      ctx.addIssue({
        code: 'custom',
        path: ['justification'],
        message: 'justifikasi wajib diisi (minimal 10 karakter) / required',
      });
    if (p.action === 'ADJUST' && !p.adjustments?.length)
      ctx.addIssue({ code: 'custom', path: ['adjustments'], message: 'minimal satu penyesuaian predikat' });
  });

/** One BerAKHLAK value in a colleague's feedback: a rating and an optional note. */
export const peerValueInput = z.strictObject({ rating, note: note(1000) }, OBJECT);

/** peer.feedback: a colleague's rating (and optional note) of each of the seven BerAKHLAK values, and an overall note. */
export const peerFeedbackPayload = z.strictObject(
  {
    values: z.strictObject(
      Object.fromEntries(BERAKHLAK.map((k) => [k, peerValueInput])) as Record<
        (typeof BERAKHLAK)[number],
        typeof peerValueInput
      >,
      { error: `${REQUIRED}: ${BERAKHLAK.join(', ')}` },
    ),
    note: note(4000),
  },
  OBJECT,
);

/** The payload schema of each task type (the key is the task's `type`). */
export const TASK_PAYLOADS = {
  'plan.submit': planPayload,
  'plan.review': planReviewPayload,
  'evidence.submit': evidencePayload,
  'review.submit': reviewPayload,
  'result.respond': resultResponsePayload,
  'appeal.decide': appealDecisionPayload,
  'sanction.decide': sanctionDecisionPayload,
  'calibration.unit': calibrationPayload,
  'peer.feedback': peerFeedbackPayload,
} as const;

export type IndicatorInput = z.infer<typeof indicatorInput>;
export type PlanItemInput = z.infer<typeof planItemInput>;
export type PlanPayload = z.infer<typeof planPayload>;
export type PlanReviewPayload = z.infer<typeof planReviewPayload>;
export type EvidencePayload = z.infer<typeof evidencePayload>;
export type ReviewPayload = z.infer<typeof reviewPayload>;
export type ResultResponsePayload = z.infer<typeof resultResponsePayload>;
export type AppealDecisionPayload = z.infer<typeof appealDecisionPayload>;
export type SanctionDecisionPayload = z.infer<typeof sanctionDecisionPayload>;
export type CalibrationPayload = z.infer<typeof calibrationPayload>;
export type PeerFeedbackPayload = z.infer<typeof peerFeedbackPayload>;

export interface FieldError {
  field: string;
  message: string;
}

/**
 * zod issues as field errors (`items.0.title: wajib diisi`); an unknown key becomes an error naming it, so a
 * caller learns which field to remove.
 */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => ({
        field: [...at, k].join('.'),
        message: 'kolom tidak dikenal / unknown field',
      }));
    return [{ field: at.join('.') || '(payload)', message: issue.message }];
  });
}

/** Field errors of `value` against `schema` (none when it is valid). */
export function schemaErrors(schema: z.ZodType, value: unknown): FieldError[] {
  const result = schema.safeParse(value);
  return result.success ? [] : zodFieldErrors(result.error);
}
