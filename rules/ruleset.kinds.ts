/** What each rule-set kind allows: its closed list of event types and how their params are checked. */
import { PREDICATES, type FactDeclaration, type RuleSetKind } from './ruleset.types';

/** The closed list of event types per kind. */
export const EVENT_TYPES: Record<RuleSetKind, readonly string[]> = {
  SCORING: ['predicate'],
  // unitRatingProposal: a unit's rating proposed from its results (the satisfaction index …) for HR to decide.
  DISTRIBUTION: ['violation', 'unitRatingProposal'],
  PAY: ['performanceFactor', 'disciplineCut', 'sanctionCut', 'totalCut'],
  SANCTION: ['recommendation'],
};

/** A unit's ratings (by the superior organisation), best first. */
export const UNIT_RATINGS: readonly string[] = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/**
 * The unit-result facts when the unit has none imported (prisma/unit-results.ts gives them when it has): a rule on the
 * satisfaction index checks `hasSatisfactionIndex` first. Other named results are facts only when imported, so a
 * DISTRIBUTION document declaring one gives it a default (the validator asks for it).
 */
export const NO_UNIT_RESULTS = { hasSatisfactionIndex: false, satisfactionIndex: 0, satisfactionSource: '' } as const;

/** The facts the scoring activity always gives: the two ratings and the unit's results for the period. */
export const SCORING_FACTS: readonly string[] = ['resultRating', 'behaviourRating', ...Object.keys(NO_UNIT_RESULTS)];

/** The facts `distributionFacts` always gives (a DISTRIBUTION document's other facts need a default). */
export const DISTRIBUTION_FACTS: readonly string[] = [
  'unitRating',
  'total',
  'shareSangatBaik',
  'shareBaik',
  'shareButuhPerbaikan',
  'shareKurang',
  'shareSangatKurang',
  'shareButuhPerbaikanAndKurang',
  'largestPredicates',
  ...Object.keys(NO_UNIT_RESULTS),
];

/** The json-rules-engine built-in operators allowed in conditions. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

/** Size limits of a document. */
export const LIMITS = { maxBytes: 256 * 1024, maxRules: 500, maxFacts: 100, maxTests: 1000, maxDepth: 12 };

/** Basis points in one whole (100%). */
export const BASIS = 10_000;

type Problem = { at: string; message: string };

const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown) => isObj(v) && typeof v.id === 'string' && typeof v.en === 'string';
const isBp = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= BASIS;

/** Checks an event's params for its kind and type; returns problems relative to `/event/params`. */
export function checkEventParams(
  kind: RuleSetKind,
  type: string,
  params: unknown,
  facts: Map<string, FactDeclaration>,
): Problem[] {
  const out: Problem[] = [];
  const p = isObj(params) ? params : undefined;
  if (!p) return [{ at: '', message: 'params wajib berupa objek / params must be an object' }];
  const needCode = () => {
    if (typeof p.code !== 'string' || !/^[A-Z0-9_]{2,64}$/.test(p.code))
      out.push({ at: '/code', message: 'kode wajib, huruf besar/angka/_ / code required: A-Z, 0-9, _' });
  };
  if (kind === 'SCORING') {
    if (!PREDICATES.includes(p.predicate))
      out.push({
        at: '/predicate',
        message: `predikat harus salah satu dari / must be one of ${PREDICATES.join(', ')}`,
      });
  } else if (kind === 'DISTRIBUTION' && type === 'unitRatingProposal') {
    if (!UNIT_RATINGS.includes(p.rating))
      out.push({ at: '/rating', message: `predikat unit: salah satu dari / one of ${UNIT_RATINGS.join(', ')}` });
    if (p.label !== undefined && !isText(p.label))
      out.push({ at: '/label', message: 'label berupa { id, en } / label must be { id, en }' });
  } else if (kind === 'DISTRIBUTION') {
    needCode();
    if (!isText(p.message))
      out.push({ at: '/message', message: 'pesan wajib { id, en } / message { id, en } required' });
  } else if (kind === 'SANCTION') {
    needCode();
    if (typeof p.title !== 'string' || !p.title) out.push({ at: '/title', message: 'judul wajib / title required' });
    if (p.titleEn !== undefined && typeof p.titleEn !== 'string')
      out.push({ at: '/titleEn', message: 'harus teks / must be a string' });
    if (p.severity !== undefined && !['RINGAN', 'SEDANG', 'BERAT', 'PEMBINAAN', 'PENGHARGAAN'].includes(p.severity))
      out.push({
        at: '/severity',
        message: 'tingkat: RINGAN, SEDANG, BERAT, PEMBINAAN atau PENGHARGAAN / severity: one of these',
      });
    for (const k of ['cutPercent', 'months', 'level'])
      if (p[k] !== undefined && !(Number.isInteger(p[k]) && p[k] >= 0 && p[k] <= 120))
        out.push({ at: `/${k}`, message: 'harus bilangan bulat 0–120 / must be an integer 0–120' });
  } else if (kind === 'PAY') {
    if (type === 'performanceFactor') {
      if (!isBp(p.factorBasisPoints))
        out.push({
          at: '/factorBasisPoints',
          message: 'faktor dalam basis poin, bilangan bulat 0–10000 / factor in basis points, integer 0–10000',
        });
    } else {
      needCode();
      if (p.label !== undefined && !isText(p.label))
        out.push({ at: '/label', message: 'label berupa { id, en } / label must be { id, en }' });
      const fixed = p.basisPoints !== undefined;
      const perUnit = p.perUnitBasisPoints !== undefined;
      if (fixed === perUnit)
        out.push({
          at: '',
          message:
            'isi tepat satu: basisPoints atau perUnitBasisPoints (+ unitsFact) / exactly one of basisPoints or perUnitBasisPoints',
        });
      if (fixed && !isBp(p.basisPoints))
        out.push({ at: '/basisPoints', message: 'bilangan bulat 0–10000 / integer 0–10000' });
      if (perUnit) {
        if (!isBp(p.perUnitBasisPoints))
          out.push({ at: '/perUnitBasisPoints', message: 'bilangan bulat 0–10000 / integer 0–10000' });
        const f = typeof p.unitsFact === 'string' ? facts.get(p.unitsFact) : undefined;
        if (!f || f.type !== 'integer')
          out.push({
            at: '/unitsFact',
            message: 'harus nama fakta bertipe integer yang dideklarasikan / must name a declared integer fact',
          });
      }
    }
  }
  return out;
}
