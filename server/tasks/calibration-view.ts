/**
 * What a calibrator reads on a unit's calibration task: the unit's predicates counted now (cancelled and failed
 * appraisals left out, as the curve check does), each predicate's share, and every limit of the curve that the unit's
 * rating sets in the DISTRIBUTION rules pinned to the cycle, each with whether it holds.
 */
import type { Task } from '../../prisma/client';
import { checkDistribution, PREDICATES, type BilingualText, type Predicate } from '../../rules';
import type { AppDeps } from '../deps';

/** A share fact of the DISTRIBUTION rules and the predicate it counts. */
const SHARE_OF: Record<string, Predicate> = {
  shareSangatBaik: 'SANGAT_BAIK',
  shareBaik: 'BAIK',
  shareButuhPerbaikan: 'BUTUH_PERBAIKAN',
  shareKurang: 'KURANG',
  shareSangatKurang: 'SANGAT_KURANG',
};

/** One limit of the curve: the rule's own words, what it bounds when it is a plain bound, and whether it holds. */
export interface CurveLimit {
  code: string;
  message: BilingualText;
  /** The predicate a plain bound is about; absent for a combined rule (e.g. "Butuh Perbaikan and/or Kurang"). */
  predicate?: Predicate;
  /** Percent bounds of that predicate's share (the rule is broken above `max` or below `min`). */
  max?: number;
  min?: number;
  /** The predicate must be the largest group. */
  largest?: boolean;
  holds: boolean;
}

export interface UnitDistribution {
  unitId: number;
  unitName: string | null;
  periodLabel: string | null;
  rating: string;
  total: number;
  counts: Record<Predicate, number>;
  /** Shares in percent with one decimal. */
  shares: Record<Predicate, number>;
  limits: CurveLimit[];
}

interface Condition {
  fact?: string;
  operator?: string;
  value?: unknown;
}

/** The plain bound a violation rule states, from its conditions other than the unit rating and "total > 0". */
function boundOf(conditions: Condition[]): Pick<CurveLimit, 'predicate' | 'max' | 'min' | 'largest'> {
  const rest = conditions.filter((c) => c.fact !== 'unitRating' && c.fact !== 'total');
  if (rest.length !== 1) return {};
  const [c] = rest;
  if (c.fact === 'largestPredicates' && c.operator === 'doesNotContain' && typeof c.value === 'string')
    return { predicate: c.value as Predicate, largest: true };
  const predicate = c.fact ? SHARE_OF[c.fact] : undefined;
  if (!predicate || typeof c.value !== 'number') return {};
  if (c.operator === 'greaterThan') return { predicate, max: c.value / 100 };
  if (c.operator === 'lessThan') return { predicate, min: c.value / 100 };
  return {};
}

/**
 * Every limit of the curve that a unit rating sets in a DISTRIBUTION rule document, each with whether the unit's
 * counts keep it (also read by the HR dashboard's distribution chart).
 */
export function curveLimits(document: unknown, rating: string, counts: Record<Predicate, number>): CurveLimit[] {
  const broken = new Set(checkDistribution(document, { unitRating: rating, counts }).violations.map((v) => v.code));
  const rules = ((document as any)?.rules ?? []) as {
    conditions?: { all?: Condition[] };
    event?: { type?: string; params?: { code?: string; message?: BilingualText } };
  }[];
  return rules
    .filter((r) => r.event?.type === 'violation' && r.event.params?.code && r.event.params.message)
    .filter((r) =>
      (r.conditions?.all ?? []).some((c) => c.fact === 'unitRating' && c.operator === 'equal' && c.value === rating),
    )
    .map((r) => ({
      code: r.event!.params!.code!,
      message: r.event!.params!.message!,
      ...boundOf(r.conditions?.all ?? []),
      holds: !broken.has(r.event!.params!.code!),
    }));
}

/** The distribution of a calibration task's unit, or null for any other task (or a cycle without its rules pinned). */
export async function calibrationDistribution(deps: AppDeps, task: Task): Promise<UnitDistribution | null> {
  const ctx = (task.context ?? {}) as { unitId?: number; unitName?: string; periodId?: number; periodLabel?: string };
  if (task.type !== 'calibration.unit' || !task.cycleId || typeof ctx.unitId !== 'number') return null;
  const cycle = await deps.prisma.cycle.findUnique({
    where: { id: task.cycleId },
    select: { distributionVersionId: true, settings: true },
  });
  if (!cycle?.distributionVersionId) return null;
  const version = await deps.prisma.ruleSetVersion.findUnique({ where: { id: cycle.distributionVersionId } });
  if (!version) return null;
  const [stored, groups] = await Promise.all([
    deps.prisma.unitCycleRating.findUnique({
      where: { cycleId_unitId: { cycleId: task.cycleId, unitId: ctx.unitId } },
    }),
    deps.prisma.appraisal.groupBy({
      by: ['predicate'],
      where: {
        cycleId: task.cycleId,
        unitId: ctx.unitId,
        ...(typeof ctx.periodId === 'number' ? { periodId: ctx.periodId } : {}),
        predicate: { not: null },
        stage: { notIn: ['CANCELLED', 'FAILED'] },
      },
      _count: { _all: true },
    }),
  ]);
  const rating =
    stored?.rating ??
    (task.context as any)?.rating ??
    (cycle.settings as { defaultUnitRating?: string } | null)?.defaultUnitRating ??
    'BAIK';
  const counts = Object.fromEntries(PREDICATES.map((p) => [p, 0])) as Record<Predicate, number>;
  for (const g of groups) if (g.predicate) counts[g.predicate] = g._count._all;
  const total = PREDICATES.reduce((s, p) => s + counts[p], 0);
  const shares = Object.fromEntries(
    PREDICATES.map((p) => [p, total ? Math.round((counts[p] * 1000) / total) / 10 : 0]),
  ) as Record<Predicate, number>;
  const limits = curveLimits(version.document, rating, counts);
  return {
    unitId: ctx.unitId,
    unitName: ctx.unitName ?? null,
    periodLabel: ctx.periodLabel ?? null,
    rating,
    total,
    counts,
    shares,
    limits,
  };
}
