/** The four default rule sets shipped in rules/defaults (the seed publishes them as version 1). */
import distribution from './defaults/distribution.json';
import pay from './defaults/pay.json';
import sanction from './defaults/sanction.json';
import scoring from './defaults/scoring.json';
import type { RuleSetDocument, RuleSetKind } from './ruleset.types';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The default documents by kind (frozen: copy with structuredClone before editing). */
export const defaultRulesets: Readonly<Record<RuleSetKind, RuleSetDocument>> = deepFreeze({
  SCORING: structuredClone(scoring) as unknown as RuleSetDocument,
  DISTRIBUTION: structuredClone(distribution) as unknown as RuleSetDocument,
  PAY: structuredClone(pay) as unknown as RuleSetDocument,
  SANCTION: structuredClone(sanction) as unknown as RuleSetDocument,
});
