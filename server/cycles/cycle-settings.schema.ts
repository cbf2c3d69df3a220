/** The settings of a cycle (stage deadlines in days, default unit rating, local time): cycles and schedules share it. */
import { z } from 'zod';

const days = (max: number) => z.number({ error: 'harus angka (hari)' }).positive('harus > 0').max(max).optional();
export const unitRating = z.enum(['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'], {
  error: 'harus ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG atau SANGAT_KURANG',
});
export const settingsSchema = z.strictObject({
  planningDays: days(365),
  planReviewDays: days(365),
  evidenceDays: days(366),
  reviewDays: days(365),
  calibrationDays: days(365),
  appealWindowDays: days(90),
  appealDecisionDays: days(365),
  sanctionDecisionDays: days(365),
  escalationDays: days(90),
  defaultUnitRating: unitRating.optional(),
  utcOffsetHours: z.number().int().min(-12).max(14).optional(),
  /** Peer feedback (360): colleagues the rater may ask per period (0: off), days to answer, named to the employee. */
  peerFeedbackMax: z
    .number({ error: 'harus angka' })
    .int('harus bilangan bulat')
    .min(0, 'harus ≥ 0')
    .max(10)
    .optional(),
  peerFeedbackDays: days(60),
  peerFeedbackNamed: z.boolean({ error: 'harus true atau false' }).optional(),
});
