import { computeAllowance, defaultRulesets, diffRulesets, simulate, evaluateRuleset } from '../../rules';

const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const payFacts = () => ({
  baseAmount: int(0, 1_000_000_000),
  predicate: PREDICATES[int(0, 4)],
  employmentType: rand() < 0.5 ? 'PNS' : 'PPPK',
  unexcusedAbsenceDays: int(0, 31),
  consecutiveAbsenceDays: int(0, 12),
  missedAssemblies: int(0, 31),
  sanctionCutPercent: [0, 0, 25, 100, int(0, 100)][int(0, 4)],
});

describe('allowance (TPP) in integer rupiah', () => {
  it('the case of the API test: BUTUH_PERBAIKAN, 7.8 million, 2 days absent', () => {
    const r = computeAllowance(defaultRulesets.PAY, {
      predicate: 'BUTUH_PERBAIKAN',
      baseAmount: 7_800_000,
      unexcusedAbsenceDays: 2,
      consecutiveAbsenceDays: 0,
      missedAssemblies: 0,
      sanctionCutPercent: 0,
      employmentType: 'PNS',
    });
    // 70% = 5,460,000 × 85% = 4,641,000; 30% = 2,340,000 − 5% = 2,223,000
    expect(r.amount).toBe(6_864_000);
    expect(r.parts).toEqual({
      performance: 5_460_000,
      discipline: 2_340_000,
      performancePaid: 4_641_000,
      disciplinePaid: 2_223_000,
    });
    expect(r.cuts.map((c) => [c.code, c.basisPoints, c.amount])).toEqual([
      ['PERFORMANCE_FACTOR', 1500, 819_000],
      ['ABSENCE_DAYS', 500, 117_000],
    ]);
    expect(r.explanation.text.id).toMatch(/^TPP Rp6\.864\.000 dari TPP dasar Rp7\.800\.000 \(PAY versi 1/);
    expect(r.explanation.text.en).toMatch(/^Allowance IDR 6,864,000 of base IDR 7,800,000/);
    expect(r.explanation.facts).toMatchObject({ predicate: 'BUTUH_PERBAIKAN', baseAmount: 7_800_000 });
  });

  it('rounds down to the rupiah in each part', () => {
    const r = computeAllowance(defaultRulesets.PAY, {
      predicate: 'BUTUH_PERBAIKAN',
      baseAmount: 1_000_001,
      employmentType: 'PNS',
      unexcusedAbsenceDays: 1,
    });
    // performance floor(700000.7) = 700000 → ×85% = 595000; discipline 300001 × 97.5% = 292500.975 → 292500
    expect(r.amount).toBe(595_000 + 292_500);
  });

  it('10 consecutive days: nothing is paid, and the cut says why', () => {
    const r = computeAllowance(defaultRulesets.PAY, {
      predicate: 'SANGAT_BAIK',
      baseAmount: 9_000_000,
      consecutiveAbsenceDays: 10,
      unexcusedAbsenceDays: 10,
      employmentType: 'PNS',
    });
    expect(r.amount).toBe(0);
    expect(r.cuts).toEqual([
      expect.objectContaining({ code: 'ABSENCE_CONSECUTIVE_10', part: 'TOTAL', basisPoints: 10000, amount: 9_000_000 }),
    ]);
  });

  it('5,000 random cases: integer, never negative, never above the base, cuts add up to base − amount', () => {
    for (let k = 0; k < 5000; k++) {
      const facts = payFacts();
      const r = computeAllowance(defaultRulesets.PAY, facts);
      expect(Number.isInteger(r.amount)).toBe(true);
      expect(r.amount).toBeGreaterThanOrEqual(0);
      expect(r.amount).toBeLessThanOrEqual(facts.baseAmount);
      for (const c of r.cuts) {
        expect(Number.isInteger(c.amount)).toBe(true);
        expect(c.amount).toBeGreaterThanOrEqual(0);
      }
      expect(r.cuts.reduce((s, c) => s + c.amount, 0)).toBe(facts.baseAmount - r.amount);
    }
  });

  it('cuts beyond 100% of a part are capped (the discipline part cannot go below zero)', () => {
    const r = computeAllowance(defaultRulesets.PAY, {
      predicate: 'BAIK',
      baseAmount: 10_000_000,
      unexcusedAbsenceDays: 31,
      missedAssemblies: 31,
      consecutiveAbsenceDays: 1,
      employmentType: 'PNS',
    });
    expect(r.amount).toBe(7_000_000);
    expect(r.cuts.map((c) => c.basisPoints)).toEqual([7750, 2250]);
  });

  it('computeAllowance refuses a rule set of another kind', () => {
    expect(() =>
      computeAllowance(defaultRulesets.SCORING, { resultRating: 'ABOVE', behaviourRating: 'ABOVE' }),
    ).toThrow(/PAY/);
  });
});

describe('simulation', () => {
  it('SCORING: 10,000 stored results against a changed matrix; totals equal the per-item sums', () => {
    const draft = structuredClone(defaultRulesets.SCORING) as any;
    const rule = draft.rules.find(
      (r: any) => r.conditions.all[0].value === 'MEETS' && r.conditions.all[1].value === 'ABOVE',
    );
    rule.event.params.predicate = 'SANGAT_BAIK'; // MEETS/ABOVE becomes SANGAT_BAIK
    const R = ['ABOVE', 'MEETS', 'BELOW'];
    const items = Array.from({ length: 10_000 }, (_, i) => {
      const facts = { resultRating: R[i % 3], behaviourRating: R[Math.floor(i / 3) % 3] };
      const old = evaluateRuleset(defaultRulesets.SCORING, facts).events[0].params!.predicate;
      return { key: String(i), facts, oldResult: old };
    });
    items[17].facts = { resultRating: 'LUAR_BIASA', behaviourRating: 'ABOVE' } as any;
    const { items: out, totals } = simulate(draft, items);
    expect(totals.count).toBe(10_000);
    expect(totals.errors).toBe(1);
    expect(out[17]).toMatchObject({ newResult: null, changed: false, errorFact: 'resultRating' });
    expect(totals.changed).toBe(out.filter((i) => i.changed).length);
    const meetsAbove = items.filter(
      (x, i) => i !== 17 && x.facts.resultRating === 'MEETS' && x.facts.behaviourRating === 'ABOVE',
    ).length;
    expect(totals.changed).toBe(meetsAbove);
    const count = (pick: (i: (typeof out)[number]) => unknown, list = out) =>
      list.reduce<Record<string, number>>(
        (m, i) => ((m[String(pick(i) ?? '(kosong)')] = (m[String(pick(i) ?? '(kosong)')] ?? 0) + 1), m),
        {},
      );
    expect(totals.distribution.new).toEqual(
      count(
        (i) => i.newResult,
        out.filter((i) => !i.error),
      ),
    );
    expect(totals.distribution.old).toEqual(count((i) => i.oldResult));
    expect(Object.values(totals.distribution.new).reduce((a, b) => a + b, 0)).toBe(10_000 - 1);
  });

  it('PAY: 10,000 employees; total rupiah equals the sum of the items (speed: scripts/bench-simulate.ts)', () => {
    const draft = structuredClone(defaultRulesets.PAY) as any;
    draft.parameters.performanceShareBasisPoints = 6000; // Kepahiang 60/40
    const items = Array.from({ length: 10_000 }, (_, i) => {
      const facts = payFacts();
      return { key: String(i), facts, oldResult: computeAllowance(defaultRulesets.PAY, facts).amount };
    });
    const { items: out, totals } = simulate(draft, items);
    expect(totals.errors).toBe(0);
    expect(totals.totalNew).toBe(out.reduce((s, i) => s + (i.newResult as number), 0));
    expect(totals.totalOld).toBe(items.reduce((s, i) => s + i.oldResult, 0));
    expect(totals.changed).toBe(out.filter((i) => i.newResult !== i.oldResult).length);
    expect(totals.changed).toBeGreaterThan(0);
    expect(totals.increased + totals.decreased).toBe(totals.changed);
    for (const i of out) expect(i.newResult).toBe(computeAllowance(draft, items[Number(i.key)].facts).amount);
  });
});

describe('diff of two versions', () => {
  it('names the changed rule with pointers and old/new values, and metadata, facts and tests changes', () => {
    const a = defaultRulesets.PAY;
    const b = structuredClone(a) as any;
    b.version = 2;
    b.rules[2].event.params.factorBasisPoints = 9000;
    b.rules.push({ ...structuredClone(b.rules[6]), name: 'Aturan baru' });
    b.rules.splice(5, 1);
    b.facts[0].max = 2_000_000_000;
    b.tests = b.tests.slice(1);
    const d = diffRulesets(a, b);
    expect(d.identical).toBe(false);
    expect(d.metadata).toEqual([{ pointer: '/version', old: 1, new: 2 }]);
    expect(d.rules.changed).toEqual([
      {
        name: a.rules[2].name,
        pointer: '/rules/2',
        oldPointer: '/rules/2',
        changes: [{ pointer: '/rules/2/event/params/factorBasisPoints', old: 8500, new: 9000 }],
      },
    ]);
    expect(d.rules.added.map((x) => x.name)).toEqual(['Aturan baru']);
    expect(d.rules.removed.map((x) => [x.name, x.pointer])).toEqual([[a.rules[5].name, '/rules/5']]);
    expect(d.rules.moved).toEqual([{ name: a.rules[6].name, from: 6, to: 5 }]);
    expect(d.facts.changed[0].changes).toEqual([{ pointer: '/facts/0/max', old: 1_000_000_000, new: 2_000_000_000 }]);
    expect(d.tests.removed.map((x) => x.name)).toEqual([a.tests![0].name]);
    expect(diffRulesets(a, structuredClone(a)).identical).toBe(true);
  });
});
