/** The HR dashboard's chart of one unit's shares against its curve (DistributionCurve.tsx), English. */
export const dashboardCurveEn = {
  capaian: {
    curve: {
      title: "The unit's spread against the distribution curve",
      help: "Bars: the unit's share of employees per predicate. Lines: the lower and upper limits the curve sets for a unit rated %{rating}.",
      assumed: "This unit is not rated yet: its limits are those of the cycle's default unit rating (%{rating}).",
      unit: 'Unit',
      share: "Unit's share",
      lower: "Curve's lower limit",
      upper: "Curve's upper limit",
      chart_label: 'Chart of the predicates of %{unit} against the limits of the curve. %{summary}',
      range: '%{min}–%{max}',
      sentence: '%{predicate}: %{share} (limits %{range}) — %{state}',
      sentence_free: '%{predicate}: %{share} (no limit)',
      above: 'above the limit',
      below: 'below the limit',
      within: 'within the limits',
      not_largest: 'not the largest group',
      largest: 'must be the largest group',
      holds: 'kept',
      broken: 'broken',
    },
  },
};
