/** The public served in English (public-input-id.ts has the same keys). */
import type { publicInputId } from './public-input-id';

export const publicInputEn: typeof publicInputId = {
  capaian: {
    unitResults: {
      tab: 'Unit results (IKM)',
      import_help:
        'One row per unit, period and kind: kodeUnit; periode 2026, 2026-S1, 2026-Q1 or 2026-03; jenis IKM (the ' +
        'community satisfaction index from the SKM survey, 0–100, at most two decimals) or the name of another ' +
        'result (e.g. capaianIKU); nilai (decimal point or comma); sumber, the source of the figure (quoted in the ' +
        'rules’ explanations). A figure already stored is replaced and recorded in the audit log.',
      proposals: 'Unit ratings proposed from unit results (IKM)',
      proposals_help:
        'Proposed by this cycle’s distribution rules from the imported unit results; HR still sets the unit rating ' +
        'in the table above.',
      unit: 'Unit',
      proposed: 'Proposed',
      decided: 'Set',
      why: 'Why',
      none: 'No proposal',
    },
    rulesWords: {
      fact: {
        hasSatisfactionIndex: 'has a community satisfaction index',
        satisfactionIndex: 'Community Satisfaction Index',
        satisfactionSource: 'source of the index',
      },
      event: {
        unitRatingProposal: 'Proposed unit rating: %{rating}',
      },
    },
    records: {
      audit: {
        entity: {
          'unit-result': 'Unit result',
        },
      },
    },
  },
};
