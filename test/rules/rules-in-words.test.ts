/**
 * The server's words for rules carry no codes (issue 13, con-rules): explanations, the decision table's cells and the
 * review's changes say "di atas ekspektasi", "Predikat Baik", "Predikat kinerja versi 1" — the codes stay in the
 * structured part (facts, condition traces, events) that auditors read.
 */
import { defaultRulesets, describeChanges, evaluateRuleset, scorePredicate, toDecisionTable } from '../../rules';

const CODES = /\b(ABOVE|MEETS|BELOW|SANGAT_BAIK|BAIK|BUTUH_PERBAIKAN|KURANG|SANGAT_KURANG|ISTIMEWA|SCORING|SANCTION)\b/;

describe('rules in words, without codes', () => {
  it('every predicate explanation is in words, the codes only in its facts and trace', () => {
    for (const resultRating of ['ABOVE', 'MEETS', 'BELOW'])
      for (const behaviourRating of ['ABOVE', 'MEETS', 'BELOW']) {
        const { explanation } = scorePredicate(defaultRulesets.SCORING, { resultRating, behaviourRating });
        // The rule's own name is quoted as written; the rest is words.
        const words = (t: string) => t.replace(/"[^"]*"/g, '""');
        expect(words(explanation.text.id)).not.toMatch(CODES);
        expect(words(explanation.text.en)).not.toMatch(CODES);
        expect(explanation.text.id).toContain('Predikat kinerja versi 1');
        expect(explanation.text.en).toContain('Performance predicate version 1');
        expect(explanation.facts).toEqual({ resultRating, behaviourRating });
        const fired = explanation.rules.find((r) => r.fired)!;
        expect(JSON.stringify(fired.conditions)).toContain(`"value":"${resultRating}"`);
      }
    const { explanation } = scorePredicate(defaultRulesets.SCORING, {
      resultRating: 'BELOW',
      behaviourRating: 'MEETS',
    });
    expect(explanation.text.id).toMatch(
      /^Predikat Butuh Perbaikan karena rating hasil kerja di bawah ekspektasi dan rating perilaku sesuai ekspektasi \(aturan "[^"]+", Predikat kinerja versi 1\)$/,
    );
  });

  it('sanction and curve explanations name position types, unit ratings and violations in words', () => {
    const sanction = evaluateRuleset(defaultRulesets.SANCTION, {
      unexcusedAbsenceDaysYear: 0,
      consecutiveAbsenceDays: 0,
      predicate: 'KURANG',
      employmentType: 'PNS',
      positionType: 'JPT',
      improvementPlanEnded: true,
      annualEvaluation: true,
    });
    const text = sanction.explanation.text.id.replace(/"[^"]*"/g, '""');
    expect(text).not.toMatch(CODES);
    expect(text).toContain('Sanksi & tindak lanjut versi 1');
    const curve = evaluateRuleset(defaultRulesets.DISTRIBUTION, {
      unitRating: 'ISTIMEWA',
      total: 10,
      shareSangatBaik: 2000,
      shareBaik: 8000,
      shareButuhPerbaikan: 0,
      shareKurang: 0,
      shareSangatKurang: 0,
      shareButuhPerbaikanAndKurang: 0,
      largestPredicates: ['BAIK'],
    });
    expect(curve.explanation.text.id).toContain('Pelanggaran kurva: Unit Istimewa: Sangat Baik harus menjadi kelompok');
    expect(curve.explanation.text.id.replace(/"[^"]*"/g, '""')).not.toMatch(CODES);
  });

  it('the decision table gives each axis value and each cell in words', () => {
    const table = toDecisionTable(defaultRulesets.SCORING)!;
    expect(table.rows.words.map((w) => w.id)).toEqual([
      'di atas ekspektasi',
      'sesuai ekspektasi',
      'di bawah ekspektasi',
    ]);
    expect(table.columns.words.map((w) => w.en)).toEqual([
      'above expectations',
      'meets expectations',
      'below expectations',
    ]);
    const cell = table.cells.find((c) => c.row === 'ABOVE' && c.column === 'ABOVE')!;
    expect(cell.words).toEqual({ id: 'Predikat Sangat Baik', en: 'Predicate Outstanding' });
    expect(cell.predicate).toBe('SANGAT_BAIK');
  });

  it('the review words of a changed outcome carry no code', () => {
    const b = structuredClone(defaultRulesets.SCORING) as any;
    b.rules[1].event.params.predicate = 'SANGAT_BAIK';
    const words = describeChanges(defaultRulesets.SCORING, b);
    expect(words.rules).toEqual([
      {
        op: 'changed',
        name: b.rules[1].name,
        parts: [
          {
            part: 'outcome',
            before: { id: 'Predikat Baik', en: 'Predicate Good' },
            after: { id: 'Predikat Sangat Baik', en: 'Predicate Outstanding' },
          },
        ],
      },
    ]);
  });
});
