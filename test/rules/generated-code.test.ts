import { CompiledRuleset, FactError, defaultRulesets, setGeneratedCode, type RuleSetDocument } from '../../rules';
import { validateRuleset } from '../../rules/ruleset.validator';

// A small deterministic generator so that a failure can be replayed.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const FACTS = [
  { name: 's', type: 'string', allowed: ['A', 'B', 'C'], description: 's' },
  { name: 'n', type: 'integer', min: 0, max: 20, default: 3, description: 'n' },
  { name: 'm', type: 'number', min: -5, max: 5, description: 'm' },
  { name: 'b', type: 'boolean', description: 'b' },
  { name: 'arr', type: 'array', allowed: ['X', 'Y', 'Z'], default: [], description: 'arr' },
  { name: 'constructor', type: 'string', default: 'x', description: 'a name that Object.prototype also has' },
];

function leaf(): any {
  switch (int(0, 5)) {
    case 0:
      return { fact: 's', operator: pick(['equal', 'notEqual']), value: pick(['A', 'B', 'C']) };
    case 1:
      return {
        fact: 's',
        operator: pick(['in', 'notIn']),
        value: ['A', 'B', 'C'].filter(() => rand() < 0.6).concat('A'),
      };
    case 2:
      return { fact: 'b', operator: pick(['equal', 'notEqual']), value: rand() < 0.5 };
    case 3:
      return { fact: 'arr', operator: pick(['contains', 'doesNotContain']), value: pick(['X', 'Y', 'Z']) };
    case 4:
      return {
        fact: pick(['n', 'm']),
        operator: pick(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']),
        value: rand() < 0.25 ? { fact: pick(['n', 'm']) } : int(-5, 5),
      };
    default:
      return { fact: 'n', operator: pick(['equal', 'notEqual']), value: int(0, 20) };
  }
}
function node(depth: number): any {
  if (depth >= 3 || rand() < 0.35) return leaf();
  const r = rand();
  if (r < 0.15) return { not: node(depth + 1) };
  const kids = Array.from({ length: int(1, 4) }, () => node(depth + 1));
  return r < 0.6 ? { all: kids, priority: int(1, 3) } : { any: kids };
}

function randomDoc(d: number): RuleSetDocument {
  const rules = Array.from({ length: int(3, 40) }, (_, i) => {
    const root = node(1);
    return {
      name: `r${i}`,
      priority: int(1, 3),
      conditions: 'all' in root || 'any' in root ? root : { all: [root] },
      event: { type: 'recommendation', params: { code: `R${i}`, title: `aturan ${i}` } },
    };
  });
  return { kind: 'SANCTION', version: 1, name: `acak ${d}`, effectiveFrom: '2026-01-01', facts: FACTS, rules } as any;
}

function randomInput(): Record<string, unknown> {
  const x: Record<string, unknown> = {
    s: pick(['A', 'B', 'C']),
    n: int(0, 20),
    m: int(-10, 10) / 2,
    b: rand() < 0.5,
    arr: ['X', 'Y', 'Z'].filter(() => rand() < 0.5),
  };
  if (rand() < 0.2) delete x.n; // default 3
  if (rand() < 0.2) delete x.arr; // default []
  if (rand() < 0.3) x['constructor'] = pick(['a', 'b']);
  return x;
}

function outcome(c: CompiledRuleset, input: unknown): string {
  try {
    const t = c.trace(input);
    return JSON.stringify({
      values: c.readFacts(input),
      events: c.events(input),
      traced: t.events,
      fired: [...t.fired],
      conditions: [...t.conditions],
    });
  } catch (e) {
    return `${(e as Error).name} ${(e as FactError).fact} ${(e as Error).message}`;
  }
}

function both(doc: RuleSetDocument): { generated: CompiledRuleset; closures: CompiledRuleset } {
  const previous = setGeneratedCode(false);
  try {
    const closures = new CompiledRuleset(doc);
    setGeneratedCode(true);
    const generated = new CompiledRuleset(doc);
    // Otherwise the comparison would compare the closures with themselves.
    expect(generated.usesGeneratedCode).toBe(true);
    expect(closures.usesGeneratedCode).toBe(false);
    return { generated, closures };
  } finally {
    setGeneratedCode(previous);
  }
}

describe('generated code for reading facts, events and the per-condition trace gives exactly what the closures give', () => {
  it('random documents (nested all/any/not, every operator, fact references, up to 40 rules) on valid inputs', () => {
    for (let d = 0; d < 60; d++) {
      const doc = randomDoc(d);
      expect(validateRuleset(doc).errors).toEqual([]);
      const { generated, closures } = both(doc);
      for (let k = 0; k < 80; k++) {
        const input = randomInput();
        const a = outcome(generated, input);
        expect(a).toBe(outcome(closures, input));
        // The untraced events are those of the traced path (which the equivalence tests hold to json-rules-engine).
        expect(JSON.stringify(generated.events(input))).toBe(JSON.stringify(generated.trace(input).events));
      }
    }
  });

  it('invalid and unusual inputs: the same FactError (fact and message), defaults, inherited and prototype names', () => {
    const { generated, closures } = both(randomDoc(1000));
    const base = { s: 'A', n: 1, m: 0, b: true, arr: ['X'] };
    const inputs: unknown[] = [
      null,
      42,
      'teks',
      ['A'],
      {},
      { ...base },
      { ...base, s: 'D' },
      { ...base, s: 1 },
      { ...base, n: 21 },
      { ...base, n: 1.5 },
      { ...base, n: -1 },
      { ...base, n: undefined },
      { ...base, m: Number.NaN },
      { ...base, m: Infinity },
      { ...base, m: '1' },
      { ...base, b: 'true' },
      { ...base, arr: 'X' },
      { ...base, arr: ['W'] },
      { ...base, arr: [{}] },
      { ...base, constructor: 7 },
      { ...base, constructor: 'z' },
      Object.assign(Object.create(null), base),
      Object.assign(Object.create({ s: 'B' }), { n: 1, m: 0, b: true }),
      Object.assign(Object.create({ inherited: true }), base),
    ];
    for (const input of inputs) expect(outcome(generated, input)).toBe(outcome(closures, input));
    expect(outcome(generated, { ...base, n: 21 })).toMatch(/^FactError n fakta "n" tidak valid \(21\): maksimal 20/);
    expect(outcome(generated, { ...base, s: undefined })).toMatch(/^FactError s fakta "s" wajib diisi/);
  });

  it('the default rule sets, on their golden facts and on every PAY boundary', () => {
    for (const doc of Object.values(defaultRulesets)) {
      const { generated, closures } = both(doc);
      for (const t of doc.tests ?? []) expect(outcome(generated, t.facts)).toBe(outcome(closures, t.facts));
    }
    const { generated, closures } = both(defaultRulesets.PAY);
    for (const predicate of ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', 'ISTIMEWA'])
      for (const days of [0, 1, 9, 10, 31, 32])
        for (const sanction of [0, 25, 100, 101]) {
          const facts = {
            baseAmount: 4_321_987,
            predicate,
            unexcusedAbsenceDays: days,
            consecutiveAbsenceDays: days,
            missedAssemblies: days % 7,
            sanctionCutPercent: sanction,
          };
          expect(outcome(generated, facts)).toBe(outcome(closures, facts));
        }
  });
});
