/** Runs a document's own golden tests (facts → expected events, amount or a named fact error). */
import { allowanceFigures } from './allowance.calculator';
import { jsonEqual } from './ruleset.canonical';
import { compileRuleset, type CompiledRuleset } from './ruleset.compiler';
import { FactError, InvalidRulesetError, type GoldenTest } from './ruleset.types';

/** The outcome of one golden test. */
export interface GoldenTestResult {
  name: string;
  passed: boolean;
  expected: unknown;
  actual: unknown;
  error?: string;
}

function runOne(c: CompiledRuleset, test: GoldenTest): GoldenTestResult {
  const expected = test.expect;
  try {
    const values = c.readFacts(test.facts);
    const events = c.eventsOf(values).map((e) => (e.params ? { type: e.type, params: e.params } : { type: e.type }));
    const actual: Record<string, unknown> = { events };
    if (c.doc.kind === 'PAY') actual.amount = allowanceFigures(c, values, c.eventsOf(values)).amount;
    let passed = expected.errorFact === undefined;
    if (expected.events !== undefined && !jsonEqual(expected.events, events)) passed = false;
    if (expected.amount !== undefined && expected.amount !== actual.amount) passed = false;
    return { name: test.name, passed, expected, actual };
  } catch (e) {
    if (e instanceof FactError) {
      const actual = { errorFact: e.fact };
      return { name: test.name, passed: expected.errorFact === e.fact, expected, actual, error: e.message };
    }
    return { name: test.name, passed: false, expected, actual: null, error: (e as Error).message };
  }
}

/** Runs every golden test of the document; an invalid document fails each test with the validation message. */
export function runGoldenTests(doc: unknown): GoldenTestResult[] {
  const tests: GoldenTest[] = Array.isArray((doc as any)?.tests) ? (doc as any).tests : [];
  let c: CompiledRuleset;
  try {
    c = compileRuleset(doc);
  } catch (e) {
    const message = e instanceof InvalidRulesetError ? e.message : (e as Error).message;
    return tests.map((t) => ({
      name: String(t?.name),
      passed: false,
      expected: t?.expect,
      actual: null,
      error: message,
    }));
  }
  return tests.map((t) => runOne(c, t));
}
