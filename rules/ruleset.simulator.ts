/** Simulation: re-evaluates a (draft) version over stored facts and compares with the stored results. */
import { allowanceFigures } from './allowance.calculator';
import { canonicalJson } from './ruleset.canonical';
import { compileRuleset, type CompiledRuleset } from './ruleset.compiler';
import type { RuleEvent } from './ruleset.types';

/** One stored case: its facts and the result it had. */
export interface SimulationInput {
  key: string;
  facts: Record<string, unknown>;
  oldResult: unknown;
}

/** One simulated case. */
export interface SimulationItem {
  key: string;
  oldResult: unknown;
  newResult: unknown;
  changed: boolean;
  error?: string;
  errorFact?: string;
}

/** Totals of a simulation (see `simulate`). */
export interface SimulationTotals {
  count: number;
  changed: number;
  errors: number;
  distribution: { old: Record<string, number>; new: Record<string, number> };
  totalOld: number | null;
  totalNew: number | null;
  increased: number;
  decreased: number;
}

/** The result of a simulation. */
export interface SimulationResult {
  items: SimulationItem[];
  totals: SimulationTotals;
}

function resultOf(c: CompiledRuleset, facts: unknown): unknown {
  if (c.doc.kind === 'SCORING') {
    const e = c.events(facts).find((x) => x.type === 'predicate');
    return (e?.params?.predicate as string | undefined) ?? null;
  }
  const values = c.readFacts(facts);
  const events: RuleEvent[] = c.eventsOf(values);
  if (c.doc.kind === 'PAY') return allowanceFigures(c, values, events).amount;
  return events.map((e) => e.params?.code ?? e.type);
}

const bucketKeys = (r: unknown): string[] =>
  r === null || r === undefined ? ['(kosong)'] : Array.isArray(r) ? r.map(String) : [String(r)];

/**
 * Re-evaluates every item with `doc`. Result per kind: SCORING the predicate; PAY the amount in rupiah; DISTRIBUTION and
 * SANCTION the list of codes. Totals: `distribution` counts results (SCORING predicates, codes for the others; not for
 * PAY), `totalOld`/`totalNew` (PAY only) sum the numeric old results and the new results of items without error, so
 * they always equal the sums over `items`.
 */
export function simulate(doc: unknown, items: SimulationInput[]): SimulationResult {
  const c = compileRuleset(doc);
  const pay = c.doc.kind === 'PAY';
  const out: SimulationItem[] = new Array(items.length);
  const totals: SimulationTotals = {
    count: items.length,
    changed: 0,
    errors: 0,
    distribution: { old: {}, new: {} },
    totalOld: pay ? 0 : null,
    totalNew: pay ? 0 : null,
    increased: 0,
    decreased: 0,
  };
  const bump = (m: Record<string, number>, r: unknown) => {
    for (const k of bucketKeys(r)) m[k] = (m[k] ?? 0) + 1;
  };
  for (let i = 0; i < items.length; i++) {
    const { key, facts, oldResult } = items[i];
    if (pay && typeof oldResult === 'number') totals.totalOld! += oldResult;
    else if (!pay) bump(totals.distribution.old, oldResult);
    try {
      const newResult = resultOf(c, facts);
      const changed =
        typeof newResult === 'object' && newResult !== null
          ? canonicalJson(newResult) !== canonicalJson(oldResult)
          : newResult !== oldResult;
      out[i] = { key, oldResult, newResult, changed };
      if (changed) totals.changed++;
      if (pay) {
        totals.totalNew! += newResult as number;
        if (typeof oldResult === 'number') {
          if ((newResult as number) > oldResult) totals.increased++;
          else if ((newResult as number) < oldResult) totals.decreased++;
        }
      } else bump(totals.distribution.new, newResult);
    } catch (e) {
      totals.errors++;
      const item: SimulationItem = { key, oldResult, newResult: null, changed: false, error: (e as Error).message };
      const fact = (e as { fact?: string }).fact;
      if (fact) item.errorFact = fact;
      out[i] = item;
    }
  }
  return { items: out, totals };
}
