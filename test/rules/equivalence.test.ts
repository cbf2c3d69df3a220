import { CompiledRuleset, compileRuleset, defaultRulesets, distributionFacts, type RuleSetDocument } from '../../rules';
import { compareWithReference, referenceEngine, runReference } from './engine-reference.helper';

/** A small deterministic PRNG so failures reproduce. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20260101);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

async function assertEquivalent(doc: RuleSetDocument, inputs: unknown[], order: 'exact' | 'set') {
  const c = compileRuleset(doc);
  const engine = referenceEngine(doc);
  let compared = 0;
  for (const input of inputs) {
    const ref = await runReference(engine, c, input);
    const problems = compareWithReference(c, ref, input, order);
    if (problems.length) throw new Error(`${doc.name} on ${JSON.stringify(input)}:\n${problems.join('\n')}`);
    compared++;
  }
  expect(compared).toBe(inputs.length);
}

describe('the compiled evaluator gives what the real json-rules-engine gives', () => {
  it('SCORING: all 9 combinations, same events, per-rule results and condition results', async () => {
    const inputs = [];
    for (const r of ['ABOVE', 'MEETS', 'BELOW'])
      for (const b of ['ABOVE', 'MEETS', 'BELOW']) inputs.push({ resultRating: r, behaviourRating: b });
    await assertEquivalent(defaultRulesets.SCORING, inputs, 'exact');
  });

  it('PAY: every predicate × employment type × boundary and random numbers (3,000 fact sets)', async () => {
    const boundary = [0, 1, 9, 10, 11, 31];
    const inputs = [];
    for (let k = 0; k < 3000; k++) {
      const num = () => (rand() < 0.4 ? pick(boundary) : int(0, 31));
      inputs.push({
        baseAmount: rand() < 0.1 ? 0 : int(0, 1_000_000_000),
        predicate: PREDICATES[k % 5],
        employmentType: k % 2 ? 'PNS' : 'PPPK',
        unexcusedAbsenceDays: num(),
        consecutiveAbsenceDays: num(),
        missedAssemblies: num(),
        sanctionCutPercent: rand() < 0.5 ? 0 : pick([25, 50, 100, int(0, 100)]),
      });
    }
    await assertEquivalent(defaultRulesets.PAY, inputs, 'exact');
  });

  it('DISTRIBUTION: every unit rating × random predicate counts (2,500 units)', async () => {
    const inputs = [];
    for (let k = 0; k < 2500; k++) {
      const counts = Object.fromEntries(PREDICATES.map((p) => [p, rand() < 0.3 ? 0 : int(0, 12)]));
      inputs.push(distributionFacts(pick(['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']), counts));
    }
    await assertEquivalent(defaultRulesets.DISTRIBUTION, inputs, 'exact');
  });

  it('SANCTION: every enumerated combination × absence days 0–40 and consecutive 0–12 samples (4,000 fact sets)', async () => {
    const inputs = [];
    for (const predicate of PREDICATES)
      for (const employmentType of ['PNS', 'PPPK'])
        for (const positionType of ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'])
          for (const improvementPlanEnded of [false, true])
            for (let k = 0; k < 20; k++)
              inputs.push({
                predicate,
                employmentType,
                positionType,
                improvementPlanEnded,
                unexcusedAbsenceDaysYear:
                  k < 10 ? pick([2, 3, 4, 6, 7, 10, 11, 13, 14, 16, 17, 20, 21, 24, 25, 27, 28]) : int(0, 40),
                consecutiveAbsenceDays: pick([0, 9, 10, int(0, 12)]),
              });
    await assertEquivalent(defaultRulesets.SANCTION, inputs, 'exact');
  });

  it('random documents: nested all/any/not, every operator, condition priorities (short-circuit), fact references, tied rule priorities', async () => {
    const facts = [
      { name: 's', type: 'string', allowed: ['A', 'B', 'C'], description: 's' },
      { name: 'n', type: 'integer', min: 0, max: 20, description: 'n' },
      { name: 'm', type: 'number', min: -5, max: 5, description: 'm' },
      { name: 'b', type: 'boolean', description: 'b' },
      { name: 'arr', type: 'array', allowed: ['X', 'Y', 'Z'], description: 'arr' },
    ] as const;
    const leaf = (): any => {
      const f = pick(facts);
      const priority = rand() < 0.3 ? { priority: int(1, 3) } : {};
      switch (f.type) {
        case 'string':
          return rand() < 0.5
            ? { fact: 's', operator: pick(['equal', 'notEqual']), value: pick(f.allowed), ...priority }
            : {
                fact: 's',
                operator: pick(['in', 'notIn']),
                value: f.allowed.filter(() => rand() < 0.6).concat(['A']),
                ...priority,
              };
        case 'boolean':
          return { fact: 'b', operator: pick(['equal', 'notEqual']), value: rand() < 0.5, ...priority };
        case 'array':
          return { fact: 'arr', operator: pick(['contains', 'doesNotContain']), value: pick(f.allowed), ...priority };
        default: {
          const op = pick([
            'lessThan',
            'lessThanInclusive',
            'greaterThan',
            'greaterThanInclusive',
            'equal',
            'notEqual',
          ]);
          const value =
            rand() < 0.2
              ? { fact: f.name === 'n' ? 'm' : 'n' }
              : f.name === 'n'
                ? int(0, 20)
                : int(-5, 5) + (op === 'equal' || op === 'notEqual' ? 0 : rand() < 0.5 ? 0.5 : 0);
          if (f.name === 'n' && typeof value === 'number' && (op === 'equal' || op === 'notEqual'))
            return { fact: 'n', operator: op, value: Math.round(value), ...priority };
          return { fact: f.name, operator: op, value, ...priority };
        }
      }
    };
    const node = (depth: number): any => {
      if (depth >= 3 || rand() < 0.35) return leaf();
      const r = rand();
      const priority = rand() < 0.3 ? { priority: int(1, 3) } : {};
      if (r < 0.15) return { not: node(depth + 1), ...priority };
      const kids = Array.from({ length: int(1, 4) }, () => node(depth + 1));
      return r < 0.6 ? { all: kids, ...priority } : { any: kids, ...priority };
    };
    for (let d = 0; d < 40; d++) {
      const rules = Array.from({ length: int(3, 10) }, (_, i) => {
        const root = node(1);
        const conditions = 'all' in root || 'any' in root ? root : { all: [root] };
        return {
          name: `r${i}`,
          priority: int(1, 3),
          conditions,
          event: { type: 'recommendation', params: { code: `R${i}`, title: `aturan ${i}` } },
        };
      });
      const doc = {
        kind: 'SANCTION',
        version: 1,
        name: `acak ${d}`,
        effectiveFrom: '2026-01-01',
        facts,
        rules,
      } as unknown as RuleSetDocument;
      const inputs = Array.from({ length: 60 }, () => ({
        s: pick(['A', 'B', 'C']),
        n: int(0, 20),
        m: int(-10, 10) / 2,
        b: rand() < 0.5,
        arr: ['X', 'Y', 'Z'].filter(() => rand() < 0.5),
      }));
      await assertEquivalent(doc, inputs, 'set');
    }
  });

  it('engine quirks reproduced: empty all/any are true (the validator refuses them, the compiler still agrees)', async () => {
    const doc = {
      kind: 'SANCTION',
      version: 1,
      name: 'kosong',
      effectiveFrom: '2026-01-01',
      facts: [{ name: 'n', type: 'integer', description: 'n' }],
      rules: [
        {
          name: 'any kosong',
          priority: 2,
          conditions: { any: [] },
          event: { type: 'recommendation', params: { code: 'A', title: 'a' } },
        },
        {
          name: 'all kosong',
          priority: 1,
          conditions: { all: [] },
          event: { type: 'recommendation', params: { code: 'B', title: 'b' } },
        },
        {
          name: 'not any kosong',
          priority: 1,
          conditions: { not: { any: [] } },
          event: { type: 'recommendation', params: { code: 'C', title: 'c' } },
        },
      ],
    } as unknown as RuleSetDocument;
    const c = new CompiledRuleset(doc);
    const ref = await runReference(referenceEngine(doc), c, { n: 1 });
    expect(ref.events.map((e) => e.params!.code)).toEqual(['A', 'B']);
    expect(c.events({ n: 1 }).map((e) => e.params!.code)).toEqual(['A', 'B']);
    expect(compareWithReference(c, ref, { n: 1 }, 'exact')).toEqual([]);
  });
});
