/**
 * The public served (issue 15, item 4): unit results imported by HR (the citizen-satisfaction index IKM and other
 * results), the unit ratings proposed from them, and the rule words for the facts and the proposal.
 * public-input-en.ts has the same keys.
 */
export const publicInputId = {
  capaian: {
    unitResults: {
      tab: 'Hasil unit (IKM)',
      import_help:
        'Satu baris per unit, periode dan jenis: kodeUnit; periode 2026, 2026-S1, 2026-Q1 atau 2026-03; jenis IKM ' +
        '(indeks kepuasan masyarakat hasil SKM, 0–100, paling banyak dua desimal) atau nama hasil lain (mis. ' +
        'capaianIKU); nilai (titik atau koma desimal); sumber angka (disebut dalam penjelasan aturan). Angka yang ' +
        'sudah tersimpan diganti dan tercatat di log audit.',
      proposals: 'Usulan predikat unit dari hasil unit (IKM)',
      proposals_help:
        'Diusulkan aturan kurva distribusi siklus ini dari hasil unit yang diimpor; predikat unit tetap ditetapkan ' +
        'Admin SDM pada tabel di atas.',
      unit: 'Unit',
      proposed: 'Usulan',
      decided: 'Ditetapkan',
      why: 'Alasan',
      none: 'Tidak ada usulan',
    },
    rulesWords: {
      fact: {
        hasSatisfactionIndex: 'ada indeks kepuasan masyarakat',
        satisfactionIndex: 'Indeks Kepuasan Masyarakat',
        satisfactionSource: 'sumber IKM',
      },
      event: {
        unitRatingProposal: 'Usulan predikat unit: %{rating}',
      },
    },
    records: {
      audit: {
        entity: {
          'unit-result': 'Hasil unit',
        },
      },
    },
  },
};
