/** The reference: the real json-rules-engine Engine.run, and comparison of its results with the compiled evaluator. */
import { Engine } from 'json-rules-engine';
import { buildExplanation } from '../../rules/ruleset.explainer';
import type { CompiledRuleset } from '../../rules/ruleset.compiler';
import type { ConditionTrace, RuleEvent, RuleSetDocument } from '../../rules/ruleset.types';

/** One reusable engine per document, built from a copy of its rules. */
export function referenceEngine(doc: RuleSetDocument): Engine {
  return new Engine(structuredClone(doc.rules) as any);
}

/** What the engine reports: events in emission order and per rule its result and condition tree. */
export interface ReferenceOutcome {
  events: RuleEvent[];
  rules: Map<string, { fired: boolean; priority: number; conditions: any }>;
}

/** Runs the real engine (async) on the fact values the compiled evaluator read. */
export async function runReference(engine: Engine, c: CompiledRuleset, input: unknown): Promise<ReferenceOutcome> {
  const values = c.readFacts(input);
  const facts: Record<string, unknown> = {};
  c.facts.forEach((f, i) => (facts[f.name] = values[i]));
  const out = await engine.run(facts);
  const rules = new Map<string, { fired: boolean; priority: number; conditions: any }>();
  for (const r of [...out.results, ...out.failureResults] as any[])
    rules.set(r.name, { fired: r.result === true, priority: r.priority, conditions: r.conditions });
  return {
    events: out.events.map((e: any) => (e.params ? { type: e.type, params: e.params } : { type: e.type })),
    rules,
  };
}

/** Flattens a condition tree into comparable lines: pointer, evaluated result and (leaves) the fact value seen. */
function flattenEngine(node: any, at: string, root: boolean, out: string[]): string[] {
  for (const op of ['all', 'any'] as const)
    if (Array.isArray(node[op])) {
      if (!root) out.push(`${at} ${node.result === undefined ? '-' : node.result}`);
      node[op].forEach((c: any, i: number) => flattenEngine(c, `${at}/${op}/${i}`, false, out));
      return out;
    }
  if (node.not !== undefined && typeof node.not === 'object' && !('fact' in node && 'operator' in node)) {
    if (!root) out.push(`${at} ${node.result === undefined ? '-' : node.result}`);
    return flattenEngine(node.not, `${at}/not`, false, out);
  }
  out.push(
    `${at} ${node.result === undefined ? '-' : node.result} ${node.result === undefined ? '' : JSON.stringify(node.factResult)}`,
  );
  return out;
}

function flattenCompiled(node: ConditionTrace, at: string, root: boolean, out: string[]): string[] {
  for (const op of ['all', 'any'] as const)
    if (node[op]) {
      if (!root) out.push(`${at} ${node.result === undefined ? '-' : node.result}`);
      node[op]!.forEach((c, i) => flattenCompiled(c, `${at}/${op}/${i}`, false, out));
      return out;
    }
  if (node.not) {
    if (!root) out.push(`${at} ${node.result === undefined ? '-' : node.result}`);
    return flattenCompiled(node.not, `${at}/not`, false, out);
  }
  out.push(
    `${at} ${node.result === undefined ? '-' : node.result} ${node.result === undefined ? '' : JSON.stringify(node.factValue)}`,
  );
  return out;
}

/** Differences between the engine and the compiled evaluator on one input ([] when they agree). */
export function compareWithReference(
  c: CompiledRuleset,
  ref: ReferenceOutcome,
  input: unknown,
  orderWithinPriority: 'exact' | 'set',
): string[] {
  const problems: string[] = [];
  const t = c.trace(input);
  const key = (e: RuleEvent) => JSON.stringify(e);
  if (orderWithinPriority === 'exact') {
    if (JSON.stringify(t.events.map(key)) !== JSON.stringify(ref.events.map(key)))
      problems.push(`events ${JSON.stringify(t.events)} ≠ engine ${JSON.stringify(ref.events)}`);
  } else {
    // Same events; in order of priority; within one priority as a multiset (the engine's order there is promise timing).
    const prio = new Map(c.rules.map((r) => [r.event, r.priority]));
    const group = (events: RuleEvent[], priorities: number[]) =>
      events.map((e, i) => `${String(priorities[i]).padStart(8, '0')}|${key(e)}`);
    const mine = group(
      t.events,
      t.events.map((e) => prio.get(e)!),
    );
    const refPriorities = ref.events.map((e) => {
      const r = c.rules.find((x) => key(x.event) === key(e));
      return r ? r.priority : -1;
    });
    const theirs = group(ref.events, refPriorities);
    const sortedDesc = (xs: string[]) => [...xs].sort().reverse();
    if (JSON.stringify(sortedDesc(mine)) !== JSON.stringify(sortedDesc(theirs)))
      problems.push(`events ${JSON.stringify(t.events)} ≠ engine ${JSON.stringify(ref.events)}`);
    const nonIncreasing = (ps: number[]) => ps.every((p, i) => i === 0 || ps[i - 1] >= p);
    if (!nonIncreasing(refPriorities)) problems.push('engine events not in priority order');
  }
  const explained = buildExplanation(c, t);
  explained.rules.forEach((r) => {
    const e = ref.rules.get(r.name);
    if (!e) return problems.push(`rule ${r.name} missing in engine results`);
    if (e.fired !== r.fired) problems.push(`rule ${r.name}: fired ${r.fired} ≠ engine ${e.fired}`);
    const a = flattenCompiled(r.conditions, '', true, []).join('\n');
    const b = flattenEngine(e.conditions, '', true, []).join('\n');
    if (a !== b) problems.push(`rule ${r.name}: conditions\n${a}\n≠ engine\n${b}`);
  });
  return problems;
}
