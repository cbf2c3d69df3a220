/**
 * The evaluation periods of a cycle's year: the periods of its evaluation frequency (MONTH, QUARTER, SEMESTER) inside
 * the cycle's span, in order — or the span itself when the cycle has no frequency (one evaluation). Each evaluation
 * opens at the first moment after its period in the unit's time zone.
 */
import type { PeriodType, PrismaClient } from './client';

const DAY = 24 * 60 * 60 * 1000;

/** How long each period type is, in months: a frequency must be shorter than the span it divides. */
export const PERIOD_MONTHS: Record<PeriodType, number> = { MONTH: 1, QUARTER: 3, SEMESTER: 6, YEAR: 12 };

export interface EvaluationPeriodRow {
  periodId: number;
  label: string;
  /** ISO: the first moment after the period, local time (`utcOffsetHours`). */
  opensAt: string;
}

/** The first moment after a period that ends on `endDate` (a date), in a time zone `utcOffsetHours` east of UTC. */
export const opensAfter = (endDate: Date, utcOffsetHours: number) =>
  new Date(endDate.getTime() + DAY - utcOffsetHours * 60 * 60 * 1000).toISOString();

/**
 * The evaluation periods of a span; `null` when a period of the frequency inside the span is missing from the
 * database (the caller says which), or the frequency is not finer than the span.
 */
export async function evaluationPeriods(
  prisma: Pick<PrismaClient, 'period'>,
  spanPeriodId: number,
  frequency: PeriodType | null,
  utcOffsetHours: number,
): Promise<EvaluationPeriodRow[] | null> {
  const span = await prisma.period.findUniqueOrThrow({ where: { id: spanPeriodId } });
  const row = (p: { id: number; label: string; endDate: Date }) => ({
    periodId: p.id,
    label: p.label,
    opensAt: opensAfter(p.endDate, utcOffsetHours),
  });
  if (!frequency || frequency === span.type) return [row(span)];
  if (PERIOD_MONTHS[frequency] >= PERIOD_MONTHS[span.type]) return null;
  const inside = await prisma.period.findMany({
    where: { type: frequency, startDate: { gte: span.startDate }, endDate: { lte: span.endDate } },
    orderBy: { startDate: 'asc' },
  });
  const expected = Math.round(PERIOD_MONTHS[span.type] / PERIOD_MONTHS[frequency]);
  return inside.length === expected ? inside.map(row) : null;
}
