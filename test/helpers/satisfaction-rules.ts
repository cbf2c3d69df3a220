/**
 * A DISTRIBUTION document that proposes a unit's rating from its citizen-satisfaction index (issue 15, item 4): the
 * published curve plus the satisfaction facts and one proposal rule per IKM quality band, for the tests.
 */

/** IKM quality bands (PermenPANRB 14/2017: A 88,31–100, B 76,61–88,30, C 65–76,60, D 25–64,99) as unit ratings. */
const BANDS = [
  {
    min: 88.31,
    rating: 'ISTIMEWA',
    label: { id: 'mutu pelayanan A, Sangat Baik', en: 'service quality A, very good' },
  },
  { min: 76.61, rating: 'BAIK', label: { id: 'mutu pelayanan B, Baik', en: 'service quality B, good' } },
  { min: 65, rating: 'BUTUH_PERBAIKAN', label: { id: 'mutu pelayanan C, Kurang Baik', en: 'service quality C' } },
  { min: 0, rating: 'KURANG', label: { id: 'mutu pelayanan D, Tidak Baik', en: 'service quality D' } },
];

/** The satisfaction facts a rule set declares to read a unit's index (defaults for units without one). */
export const SATISFACTION_FACTS = [
  {
    name: 'hasSatisfactionIndex',
    type: 'boolean',
    default: false,
    label: { id: 'ada indeks kepuasan masyarakat', en: 'has a satisfaction index' },
    description: 'Unit memiliki IKM yang diimpor untuk periode ini.',
  },
  {
    name: 'satisfactionIndex',
    type: 'number',
    min: 0,
    max: 100,
    default: 0,
    label: { id: 'Indeks Kepuasan Masyarakat', en: 'Community Satisfaction Index' },
    description: 'IKM unit (SKM), 0–100 dengan dua desimal.',
  },
  {
    name: 'satisfactionSource',
    type: 'string',
    default: '',
    label: { id: 'sumber IKM', en: 'source of the index' },
    description: 'Sumber angka IKM.',
  },
];

/** The published curve with the satisfaction facts and one proposal rule per IKM band (highest band first). */
export function withSatisfaction(doc: any) {
  return {
    ...doc,
    name: 'Kurva distribusi dan usulan predikat unit dari IKM',
    facts: [...doc.facts, ...SATISFACTION_FACTS],
    rules: [
      ...doc.rules,
      ...BANDS.map((b, i) => ({
        name: `IKM ≥ ${b.min}: usulan ${b.rating}`,
        priority: 100 - i,
        conditions: {
          all: [
            { fact: 'hasSatisfactionIndex', operator: 'equal', value: true },
            { fact: 'satisfactionIndex', operator: 'greaterThanInclusive', value: b.min },
            ...(i > 0 ? [{ fact: 'satisfactionIndex', operator: 'lessThan', value: BANDS[i - 1].min }] : []),
          ],
        },
        event: { type: 'unitRatingProposal', params: { rating: b.rating, label: b.label } },
      })),
    ],
    tests: [
      ...(doc.tests ?? []),
      {
        name: 'IKM 88,5: usulan Istimewa',
        facts: {
          unitRating: 'BAIK',
          total: 0,
          shareSangatBaik: 0,
          shareBaik: 0,
          shareButuhPerbaikan: 0,
          shareKurang: 0,
          shareSangatKurang: 0,
          shareButuhPerbaikanAndKurang: 0,
          largestPredicates: [],
          hasSatisfactionIndex: true,
          satisfactionIndex: 88.5,
          satisfactionSource: 'uji',
        },
        expect: { events: [{ type: 'unitRatingProposal', params: { rating: 'ISTIMEWA', label: BANDS[0].label } }] },
      },
    ],
  };
}

/**
 * The scoring matrix plus one rule that reads the unit's index: a MEETS result with ABOVE behaviour in a unit whose
 * citizen-satisfaction index is at least band B (76,61) scores SANGAT_BAIK instead of BAIK (a policy an agency may
 * choose; not the regulation's matrix).
 */
export function scoringWithSatisfaction(doc: any) {
  return {
    ...doc,
    name: 'Matriks predikat dengan IKM unit',
    facts: [...doc.facts, ...SATISFACTION_FACTS],
    rules: [
      {
        name: 'Hasil sesuai, perilaku di atas ekspektasi, IKM unit ≥ 76,61: SANGAT_BAIK',
        priority: 10,
        conditions: {
          all: [
            { fact: 'resultRating', operator: 'equal', value: 'MEETS' },
            { fact: 'behaviourRating', operator: 'equal', value: 'ABOVE' },
            { fact: 'hasSatisfactionIndex', operator: 'equal', value: true },
            { fact: 'satisfactionIndex', operator: 'greaterThanInclusive', value: 76.61 },
          ],
        },
        event: { type: 'predicate', params: { predicate: 'SANGAT_BAIK' } },
      },
      ...doc.rules,
    ],
    tests: [
      ...(doc.tests ?? []),
      {
        name: 'MEETS × ABOVE dengan IKM 80 → SANGAT_BAIK',
        facts: {
          resultRating: 'MEETS',
          behaviourRating: 'ABOVE',
          hasSatisfactionIndex: true,
          satisfactionIndex: 80,
          satisfactionSource: 'uji',
        },
        expect: {
          events: [
            { type: 'predicate', params: { predicate: 'SANGAT_BAIK' } },
            { type: 'predicate', params: { predicate: 'BAIK' } },
          ],
        },
      },
    ],
  };
}
