/** The HR dashboard's chart of one unit's shares against its curve (DistributionCurve.tsx), Bahasa Indonesia. */
export const dashboardCurveId = {
  capaian: {
    curve: {
      title: 'Sebaran unit terhadap kurva distribusi',
      help: 'Batang: bagian pegawai unit per predikat. Garis: batas bawah dan atas yang ditetapkan kurva untuk unit bernilai %{rating}.',
      assumed: 'Unit ini belum dinilai: batasnya dari nilai unit bawaan siklus (%{rating}).',
      unit: 'Unit',
      share: 'Bagian unit',
      lower: 'Batas bawah kurva',
      upper: 'Batas atas kurva',
      chart_label: 'Grafik sebaran predikat %{unit} terhadap batas kurva. %{summary}',
      range: '%{min}–%{max}',
      sentence: '%{predicate}: %{share} (batas %{range}) — %{state}',
      sentence_free: '%{predicate}: %{share} (tanpa batas)',
      above: 'di atas batas',
      below: 'di bawah batas',
      within: 'dalam batas',
      not_largest: 'bukan kelompok terbesar',
      largest: 'harus kelompok terbesar',
      holds: 'terpenuhi',
      broken: 'dilanggar',
    },
  },
};
