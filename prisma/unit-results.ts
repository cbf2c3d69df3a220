/**
 * Unit results as facts for the rules (issue 15, item 4): the citizen-satisfaction index (IKM, from the survey SKM) and
 * other named results HR imported per unit and period. For an evaluation period a unit's figure is that period's, or
 * else the one of the shortest imported period that contains it (a yearly index serves each quarter of its year).
 */
import type { Db } from './client';

/** The name a satisfaction index is stored under. */
export const SATISFACTION_NAME = 'IKM';

export interface UnitFigure {
  kind: 'SATISFACTION_INDEX' | 'OTHER';
  name: string;
  value: number;
  source: string;
  periodId: number;
  periodLabel: string;
}

const DAY = 24 * 60 * 60 * 1000;
const span = (p: { startDate: Date; endDate: Date }) => (p.endDate.getTime() - p.startDate.getTime()) / DAY;

/** Each unit's figures for the evaluation period (per name, the closest period that contains it). */
export async function unitFiguresOf(db: Db, unitIds: number[], periodId: number): Promise<Map<number, UnitFigure[]>> {
  const period = await db.period.findUniqueOrThrow({ where: { id: periodId } });
  const rows = await db.unitResult.findMany({
    where: {
      unitId: { in: unitIds },
      period: { startDate: { lte: period.startDate }, endDate: { gte: period.endDate } },
    },
    include: { period: { select: { id: true, label: true, startDate: true, endDate: true } } },
  });
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.unitId} ${r.kind} ${r.name}`;
    const held = best.get(key);
    if (!held || span(r.period) < span(held.period)) best.set(key, r);
  }
  const out = new Map<number, UnitFigure[]>();
  for (const r of best.values())
    out.set(r.unitId, [
      ...(out.get(r.unitId) ?? []),
      {
        kind: r.kind,
        name: r.name,
        value: r.value.toNumber(),
        source: r.source,
        periodId: r.period.id,
        periodLabel: r.period.label,
      },
    ]);
  return out;
}

/**
 * The facts of a unit's figures: `hasSatisfactionIndex`, `satisfactionIndex` (0–100) and `satisfactionSource` (the
 * source with the survey's period), and each other result under its name.
 */
export function unitResultFacts(figures: UnitFigure[] = []): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const f of figures)
    if (f.kind === 'SATISFACTION_INDEX') {
      facts.hasSatisfactionIndex = true;
      facts.satisfactionIndex = f.value;
      facts.satisfactionSource = f.source;
    } else facts[f.name] = f.value;
  return facts;
}
