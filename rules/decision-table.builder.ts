/** The decision-table model of a matrix rule set (every rule: `equal` on the same two enumerated facts). */
import { compileRuleset, type CompiledRuleset } from './ruleset.compiler';
import { codeWords, eventWords } from './ruleset.explainer';
import type { BilingualText, RuleEvent } from './ruleset.types';

/** One axis of the table. */
export interface DecisionAxis {
  fact: string;
  label?: BilingualText;
  values: unknown[];
  /** Each value in words (same order as `values`). */
  words: BilingualText[];
}

/** One cell: the combination, the rules that match it (priority order) and what it yields. */
export interface DecisionCell {
  row: unknown;
  column: unknown;
  /** The first matching rule (the one whose event comes first), or null when no rule covers the cell. */
  rule: string | null;
  rules: string[];
  events: RuleEvent[];
  /** For SCORING: the predicate of the cell. */
  predicate?: string | null;
  /** What the matching rules yield, in words (their events joined), null when no rule covers the cell. */
  words: BilingualText | null;
}

/** The table model for the console. */
export interface DecisionTable {
  rows: DecisionAxis;
  columns: DecisionAxis;
  cells: DecisionCell[];
  /** Every combination covered by at least one rule. */
  complete: boolean;
  missing: { row: unknown; column: unknown }[];
  /** Combinations covered by more than one rule. */
  overlaps: { row: unknown; column: unknown; rules: string[] }[];
}

type Pair = Map<string, unknown>;

/** The two `equal` leaves of a rule, or undefined when the rule is not a plain conjunction of two equals. */
function equalsOf(conditions: any): Pair | undefined {
  const list = conditions?.all;
  if (!Array.isArray(list) || list.length !== 2 || Object.keys(conditions).some((k) => k !== 'all')) return undefined;
  const pair: Pair = new Map();
  for (const c of list) {
    if (!c || c.operator !== 'equal' || typeof c.fact !== 'string' || 'all' in c || 'any' in c || 'not' in c)
      return undefined;
    if (c.value !== null && typeof c.value === 'object') return undefined;
    if (pair.has(c.fact)) return undefined;
    pair.set(c.fact, c.value);
  }
  return pair;
}

function build(c: CompiledRuleset): DecisionTable | null {
  const pairs = c.rules.map((r) => equalsOf(r.source.conditions));
  if (!pairs.length || pairs.some((p) => !p)) return null;
  const names = [...pairs[0]!.keys()];
  if (pairs.some((p) => names.some((n) => !p!.has(n)))) return null;
  const decls = c.facts.filter((f) => names.includes(f.name));
  if (decls.length !== 2 || decls.some((d) => !d.allowed || d.type === 'array')) return null;
  const [rowFact, colFact] = decls;
  const axis = (f: typeof rowFact): DecisionAxis => ({
    fact: f.name,
    label: f.label,
    values: [...f.allowed!],
    words: f.allowed!.map((v) => ({ id: codeWords(String(v), 'id'), en: codeWords(String(v), 'en') })),
  });
  const rows = axis(rowFact);
  const columns = axis(colFact);
  const cells: DecisionCell[] = [];
  const missing: DecisionTable['missing'] = [];
  const overlaps: DecisionTable['overlaps'] = [];
  for (const row of rows.values)
    for (const column of columns.values) {
      const matching = c.rules.filter(
        (_, k) => pairs[k]!.get(rowFact.name) === row && pairs[k]!.get(colFact.name) === column,
      );
      const events = matching.map((r) => structuredClone(r.event) as RuleEvent);
      const cell: DecisionCell = {
        row,
        column,
        rule: matching[0]?.name ?? null,
        rules: matching.map((r) => r.name),
        events,
        words: events.length
          ? {
              id: events.map((e) => eventWords(c.doc, e).id).join('; '),
              en: events.map((e) => eventWords(c.doc, e).en).join('; '),
            }
          : null,
      };
      if (c.doc.kind === 'SCORING')
        cell.predicate = (events.find((e) => e.type === 'predicate')?.params?.predicate as string) ?? null;
      cells.push(cell);
      if (!matching.length) missing.push({ row, column });
      if (matching.length > 1) overlaps.push({ row, column, rules: cell.rules });
    }
  return { rows, columns, cells, complete: missing.length === 0, missing, overlaps };
}

/** The decision table of a matrix rule set, or null when its rules are not a matrix over two enumerated facts. */
export function toDecisionTable(doc: unknown): DecisionTable | null {
  return build(compileRuleset(doc));
}
