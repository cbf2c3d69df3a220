/**
 * Disciplinary bands decided once per employee and calendar year (PP 94/2021 counts unexcused days cumulatively per
 * year, and a band once decided is not decided again for the same days). A SANCTION rule marks a band by the integer
 * param `level` (its rank in the ladder, heavier = higher). Of the bands fired for one appraisal only the highest is
 * kept; it is recommended only when no band of that code or of an equal or higher level was recommended for the
 * employee in that year (whatever HR decided), and it then supersedes the lower bands of the year (recorded on them).
 * Recommendations without a level (follow-ups of PP 30/2019) are per appraisal, as before.
 */
import { recordAudit } from '../prisma/audit';
import type { Prisma } from '../prisma/client';

export interface Recommendation {
  code: string;
  title: string;
  params: Record<string, unknown>;
}

export interface StoredBand {
  id: number;
  code: string;
  level: number | null;
  supersededById: number | null;
}

export interface BandDecision {
  /** Recommendations to store for this appraisal. */
  keep: Recommendation[];
  /** Bands fired but not recommended again, with the reason (shown in the explanation and the audit log). */
  skipped: { code: string; reason: string }[];
}

/** The band level of a recommendation, or null for a per-appraisal recommendation. */
export function levelOf(r: Recommendation): number | null {
  const level = r.params?.level;
  return Number.isInteger(level) ? (level as number) : null;
}

/** Decides which fired recommendations to store, given the bands already recommended in the year (pure). */
export function decideBands(fired: readonly Recommendation[], earlier: readonly StoredBand[]): BandDecision {
  const keep = fired.filter((r) => levelOf(r) === null);
  const skipped: BandDecision['skipped'] = [];
  const bands = fired.filter((r) => levelOf(r) !== null);
  if (!bands.length) return { keep, skipped };
  // Highest level first; among equals the first fired (rule priority order).
  const top = bands.reduce((best, r) => (levelOf(r)! > levelOf(best)! ? r : best));
  for (const r of bands)
    if (r !== top)
      skipped.push({ code: r.code, reason: `pita lebih berat ${top.code} berlaku / heavier band applies` });
  const highest = earlier.reduce((m, s) => Math.max(m, s.level ?? 0), 0);
  if (earlier.some((s) => s.code === top.code))
    skipped.push({ code: top.code, reason: 'sudah direkomendasikan tahun ini / already recommended this year' });
  else if (levelOf(top)! <= highest)
    skipped.push({
      code: top.code,
      reason: 'pita yang sama atau lebih berat sudah direkomendasikan tahun ini / an equal or heavier band this year',
    });
  else keep.push(top);
  return { keep, skipped };
}

/** The bands of an employee's year, for `decideBands`. */
export function bandsOfYear(tx: Prisma.TransactionClient, employeeId: number, year: number): Promise<StoredBand[]> {
  return tx.sanction.findMany({
    where: { employeeId, year, level: { not: null } },
    select: { id: true, code: true, level: true, supersededById: true },
    orderBy: { id: 'asc' },
  });
}

/** Marks the year's lower bands as superseded by the new one, each audited. */
export async function supersedeLower(
  tx: Prisma.TransactionClient,
  band: { id: number; code: string; level: number },
  earlier: readonly StoredBand[],
  actor: string,
): Promise<void> {
  const now = new Date();
  for (const s of earlier) {
    if (s.supersededById !== null || (s.level ?? 0) >= band.level) continue;
    await tx.sanction.update({ where: { id: s.id }, data: { supersededById: band.id, supersededAt: now } });
    await recordAudit(tx, {
      actor,
      action: 'sanction.supersede',
      entity: 'sanction',
      entityId: s.id,
      before: { supersededById: null },
      after: { supersededById: band.id, by: band.code, code: s.code },
    });
  }
}

/**
 * When a confirmed sanction runs: from the day after the period it was recommended for (the TPP of the following
 * months, whenever HR decides), for its months; open-ended (null) without months.
 */
export function sanctionTerm(periodEnd: Date, months: number | null): { startsOn: Date; endsOn: Date | null } {
  const startsOn = new Date(periodEnd.getTime() + 24 * 60 * 60 * 1000);
  const endsOn = months
    ? new Date(Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth() + months, startsOn.getUTCDate() - 1))
    : null;
  return { startsOn, endsOn };
}

/** The end of an appraisal's evaluation period. */
export async function periodEndOf(tx: Prisma.TransactionClient, appraisalId: number): Promise<Date> {
  const a = await tx.appraisal.findUniqueOrThrow({
    where: { id: appraisalId },
    select: { period: { select: { endDate: true } } },
  });
  return a.period.endDate;
}
