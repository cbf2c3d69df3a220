import {
  checkDistribution,
  defaultRulesets,
  evaluateRuleset,
  recommendSanctions,
  runGoldenTests,
  scorePredicate,
  toDecisionTable,
  validateRuleset,
  type RuleSetKind,
} from '../../rules';

const KINDS: RuleSetKind[] = ['SCORING', 'DISTRIBUTION', 'PAY', 'SANCTION'];

describe('default rule sets', () => {
  it.each(KINDS)('%s is valid, version 1 from 2026-01-01, and passes every golden case', (kind) => {
    const doc = defaultRulesets[kind];
    expect(validateRuleset(doc)).toEqual({ ok: true, errors: [] });
    expect(doc).toMatchObject({ kind, version: 1, effectiveFrom: '2026-01-01' });
    const results = runGoldenTests(doc);
    expect(results.length).toBeGreaterThanOrEqual(kind === 'SCORING' ? 9 : 15);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('a golden test that expects the wrong thing fails (the runner can fail)', () => {
    const doc = structuredClone(defaultRulesets.SCORING);
    doc.tests![0].expect = { events: [{ type: 'predicate', params: { predicate: 'KURANG' } }] };
    const [first] = runGoldenTests(doc);
    expect(first.passed).toBe(false);
    expect(first.actual).toEqual({ events: [{ type: 'predicate', params: { predicate: 'SANGAT_BAIK' } }] });
  });

  it('the scoring matrix is complete: 9 combinations, no gap, no overlap, as in DOMAIN.md', () => {
    const table = toDecisionTable(defaultRulesets.SCORING)!;
    expect(table.rows.fact).toBe('resultRating');
    expect(table.columns.fact).toBe('behaviourRating');
    expect(table.cells).toHaveLength(9);
    expect(table.complete).toBe(true);
    expect(table.missing).toEqual([]);
    expect(table.overlaps).toEqual([]);
    const grid = Object.fromEntries(table.cells.map((c) => [`${c.row}/${c.column}`, c.predicate]));
    expect(grid).toEqual({
      'ABOVE/BELOW': 'KURANG',
      'ABOVE/MEETS': 'BAIK',
      'ABOVE/ABOVE': 'SANGAT_BAIK',
      'MEETS/BELOW': 'KURANG',
      'MEETS/MEETS': 'BAIK',
      'MEETS/ABOVE': 'BAIK',
      'BELOW/BELOW': 'SANGAT_KURANG',
      'BELOW/MEETS': 'BUTUH_PERBAIKAN',
      'BELOW/ABOVE': 'BUTUH_PERBAIKAN',
    });
  });

  it('the decision table reports gaps and overlaps, and is null for a non-matrix rule set', () => {
    const doc = structuredClone(defaultRulesets.SCORING);
    doc.rules.splice(0, 1); // ABOVE/ABOVE gone
    doc.rules[0].conditions = structuredClone(doc.rules[1].conditions); // ABOVE/MEETS now duplicates ABOVE/BELOW
    doc.tests = [];
    const table = toDecisionTable(doc)!;
    expect(table.complete).toBe(false);
    expect(table.missing).toEqual(expect.arrayContaining([{ row: 'ABOVE', column: 'ABOVE' }]));
    expect(table.overlaps).toHaveLength(1);
    expect(table.overlaps[0].rules).toHaveLength(2);
    expect(toDecisionTable(defaultRulesets.PAY)).toBeNull();
    expect(toDecisionTable(defaultRulesets.SANCTION)).toBeNull();
  });

  it('scorePredicate explains in Bahasa Indonesia and English with rule name and version', () => {
    const { predicate, explanation } = scorePredicate(defaultRulesets.SCORING, {
      resultRating: 'ABOVE',
      behaviourRating: 'ABOVE',
    });
    expect(predicate).toBe('SANGAT_BAIK');
    expect(explanation.text.id).toMatch(
      /^Predikat Sangat Baik karena rating hasil kerja di atas ekspektasi dan rating perilaku di atas ekspektasi \(aturan ".+", Predikat kinerja versi 1\)$/,
    );
    expect(explanation.text.en).toMatch(
      /^Predicate Outstanding because work-result rating above expectations and behaviour rating above expectations \(rule ".+", Performance predicate version 1\)$/,
    );
    expect(explanation.ruleSet).toEqual({
      kind: 'SCORING',
      version: 1,
      name: defaultRulesets.SCORING.name,
      effectiveFrom: '2026-01-01',
    });
    expect(explanation.facts).toEqual({ resultRating: 'ABOVE', behaviourRating: 'ABOVE' });
    expect(explanation.rules).toHaveLength(9);
    expect(explanation.rules.filter((r) => r.fired).map((r) => r.name)).toEqual(explanation.fired);
    const fired = explanation.rules.find((r) => r.fired)!;
    expect(fired.conditions.all).toEqual([
      {
        fact: 'resultRating',
        operator: 'equal',
        value: 'ABOVE',
        factValue: 'ABOVE',
        valueResult: 'ABOVE',
        result: true,
      },
      {
        fact: 'behaviourRating',
        operator: 'equal',
        value: 'ABOVE',
        factValue: 'ABOVE',
        valueResult: 'ABOVE',
        result: true,
      },
    ]);
  });

  it('evaluation errors name the fact', () => {
    const bad = (facts: unknown) => {
      try {
        evaluateRuleset(defaultRulesets.SCORING, facts);
      } catch (e) {
        return { fact: (e as any).fact, message: (e as Error).message };
      }
      throw new Error('no error');
    };
    expect(bad({ resultRating: 'LUAR_BIASA', behaviourRating: 'ABOVE' })).toMatchObject({
      fact: 'resultRating',
      message: expect.stringMatching(/ABOVE, MEETS, BELOW/),
    });
    expect(bad({ resultRating: 'ABOVE' })).toMatchObject({
      fact: 'behaviourRating',
      message: expect.stringMatching(/wajib/),
    });
    expect(() =>
      evaluateRuleset(defaultRulesets.PAY, { baseAmount: -1, predicate: 'BAIK', employmentType: 'PNS' }),
    ).toThrow(expect.objectContaining({ fact: 'baseAmount' }));
    expect(() =>
      evaluateRuleset(defaultRulesets.PAY, { baseAmount: 1000, predicate: 'BAIK', unexcusedAbsenceDays: '2' }),
    ).toThrow(expect.objectContaining({ fact: 'unexcusedAbsenceDays' }));
  });

  it('checkDistribution turns counts into shares and reports curve violations', () => {
    const doc = defaultRulesets.DISTRIBUTION;
    expect(checkDistribution(doc, { unitRating: 'ISTIMEWA', counts: { SANGAT_BAIK: 7, BAIK: 3 } }).violations).toEqual(
      [],
    );
    expect(
      checkDistribution(doc, { unitRating: 'ISTIMEWA', counts: { SANGAT_BAIK: 8, BAIK: 2 } }).violations.map(
        (v) => v.code,
      ),
    ).toEqual(['ISTIMEWA_SANGAT_BAIK_OVER_70']);
    const r = checkDistribution(doc, { unitRating: 'BAIK', counts: { SANGAT_BAIK: 3, BAIK: 7 } });
    expect(r.violations).toEqual([
      {
        code: 'BAIK_NO_LOWER_PREDICATES',
        message: expect.objectContaining({ id: expect.stringMatching(/Butuh Perbaikan/), en: expect.any(String) }),
      },
    ]);
    expect(r.explanation.facts).toMatchObject({ total: 10, shareBaik: 7000, largestPredicates: ['BAIK'] });
    expect(
      checkDistribution(doc, {
        unitRating: 'SANGAT_KURANG',
        counts: { SANGAT_BAIK: 1, KURANG: 4, SANGAT_KURANG: 5 },
      }).violations.map((v) => v.code),
    ).toEqual(['SANGAT_KURANG_UNDER_60', 'SANGAT_KURANG_HAS_SANGAT_BAIK']);
    expect(checkDistribution(doc, { unitRating: 'KURANG', counts: {} }).violations).toEqual([]);
  });

  it('recommendSanctions follows the PP 94/2021 bands at every boundary and PP 30/2019 follow-up', () => {
    const doc = defaultRulesets.SANCTION;
    const base = { predicate: 'BAIK', employmentType: 'PNS', positionType: 'PELAKSANA' };
    const codes = (days: number, extra: Record<string, unknown> = {}) =>
      recommendSanctions(doc, { ...base, unexcusedAbsenceDaysYear: days, ...extra }).recommendations.map((r) => r.code);
    const expected: [number, string[]][] = [
      [2, []],
      [3, ['TEGURAN_LISAN']],
      [4, ['TEGURAN_TERTULIS']],
      [6, ['TEGURAN_TERTULIS']],
      [7, ['PERNYATAAN_TIDAK_PUAS']],
      [10, ['PERNYATAAN_TIDAK_PUAS']],
      [11, ['POTONGAN_TPP_25_6']],
      [13, ['POTONGAN_TPP_25_6']],
      [14, ['POTONGAN_TPP_25_9']],
      [16, ['POTONGAN_TPP_25_9']],
      [17, ['POTONGAN_TPP_25_12']],
      [20, ['POTONGAN_TPP_25_12']],
      [21, ['PENURUNAN_JABATAN_12']],
      [24, ['PENURUNAN_JABATAN_12']],
      [25, ['PEMBEBASAN_JABATAN_PELAKSANA_12']],
      [27, ['PEMBEBASAN_JABATAN_PELAKSANA_12']],
      [28, ['PDH_ABSENCE_28']],
      [100, ['PDH_ABSENCE_28']],
    ];
    for (const [days, want] of expected) expect([days, codes(days)]).toEqual([days, want]);
    expect(codes(2, { consecutiveAbsenceDays: 10 })).toEqual(['PDH_CONSECUTIVE_10']);
    expect(codes(0, { predicate: 'KURANG' })).toEqual(['PERBAIKAN_KINERJA_6_BULAN']);
    expect(codes(0, { predicate: 'KURANG', improvementPlanEnded: true, positionType: 'JPT' })).toEqual([
      'UJI_KOMPETENSI_JPT',
    ]);
    expect(codes(0, { predicate: 'SANGAT_KURANG', employmentType: 'PPPK' })).toEqual([
      'PERBAIKAN_KINERJA_6_BULAN',
      'TINJAU_PERJANJIAN_KERJA',
    ]);
    expect(codes(0, { predicate: 'BUTUH_PERBAIKAN' })).toEqual(['PENGEMBANGAN_KOMPETENSI']);
    expect(codes(0, { predicate: 'SANGAT_BAIK' })).toEqual(['TALENT_POOL']);
    const cut = recommendSanctions(doc, { ...base, unexcusedAbsenceDaysYear: 15 }).recommendations[0];
    expect(cut.params).toMatchObject({ severity: 'SEDANG', cutPercent: 25, months: 9 });
  });
});
