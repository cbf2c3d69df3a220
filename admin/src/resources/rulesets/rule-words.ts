/**
 * Rules in words for the console, in the chosen language: fact labels, operators, values (ratings, predicates, unit
 * ratings, position types), events and whole explanations, rendered from the structured data the server stores
 * (facts, condition traces, events) — never from codes. Stored explanation text (kept intact for auditors) is only the
 * last resort, with its bracketed codes removed.
 */
import type { TranslateFunction } from 'react-admin';

const K = 'capaian.rulesWords';
type Lang = 'id' | 'en';
type Bilingual = { id?: string; en?: string } | undefined | null;

const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
/** Every code the console words (what `valueWords` knows). */
export const KNOWN_CODES = [
  'ABOVE',
  'MEETS',
  'BELOW',
  'ISTIMEWA',
  ...PREDICATES,
  'JPT',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL',
];

/** Words for the console: `translate` and the chosen language (`id` or `en`). */
export interface Words {
  translate: TranslateFunction;
  lang: Lang;
}

export const langOf = (locale: string): Lang => (locale === 'en' ? 'en' : 'id');
const pick = (b: Bilingual, lang: Lang) => (b ? (b[lang] ?? b.id ?? b.en) : undefined);

/** A number in the chosen language (Intl). */
export function numberWords(n: number, { lang }: Words): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(n);
}

/** Basis points as a percentage in the chosen language: 250 → "2,5%" / "2.5%". */
export function percentWords(bp: number, w: Words): string {
  return `${numberWords(bp / 100, w)}%`;
}

/** One value in words: a known code, a number, yes/no, a list. */
export function valueWords(v: unknown, w: Words): string {
  const { translate } = w;
  if (Array.isArray(v)) return v.map((x) => valueWords(x, w)).join(', ');
  if (typeof v === 'number') return numberWords(v, w);
  if (typeof v === 'boolean') return translate(`${K}.value.${v ? 'yes' : 'no'}`);
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') {
    if (PREDICATES.includes(v)) return translate(`capaian.enum.predicate.${v}`);
    return translate(`${K}.value.${v}`, { _: v });
  }
  return '—';
}

/** A fact's label: the one the rule set declares, else the console's own words, else its name. */
export function factWords(name: string, w: Words, labels?: Record<string, Bilingual>): string {
  return pick(labels?.[name], w.lang) ?? w.translate(`${K}.fact.${name}`, { _: name });
}

/** A rule set named in words: "aturan Predikat kinerja versi 2". */
export function rulesetWords(kind: string, version: number | string, w: Words): string {
  return w.translate(`${K}.ruleset`, { kind: w.translate(`capaian.enum.rulesetKind.${kind}`, { _: kind }), version });
}

/** Indonesian words for codes inside names: a name is the author's own text, in its own language. */
const NAME_WORDS: Record<string, string> = {
  ABOVE: 'di atas ekspektasi',
  MEETS: 'sesuai ekspektasi',
  BELOW: 'di bawah ekspektasi',
  ISTIMEWA: 'Istimewa',
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/**
 * A rule or test name with the codes in it written as words ("…: SANGAT_BAIK" → "…: Sangat Baik"). Names are written
 * by the rule set's author in Bahasa Indonesia, so the words put in are Indonesian in either language.
 */
export function nameWords(name: string, _w?: Words): string {
  return name.replace(/\b[A-Z][A-Z_]*[A-Z]\b/g, (code) => NAME_WORDS[code] ?? code);
}

/** An event in words ("Predikat Baik", "Faktor kinerja 85%", "Pelanggaran kurva: …"). */
export function eventWords(e: { type?: string; params?: Record<string, any> } | null | undefined, w: Words): string {
  const { translate, lang } = w;
  const p = e?.params ?? {};
  switch (e?.type) {
    case 'predicate':
      return translate(`${K}.event.predicate`, { predicate: valueWords(p.predicate, w) });
    case 'violation':
      return translate(`${K}.event.violation`, { message: pick(p.message, lang) ?? nameWords(String(p.code), w) });
    case 'recommendation':
      return translate(`${K}.event.recommendation`, { title: lang === 'en' ? (p.titleEn ?? p.title) : p.title });
    case 'unitRatingProposal':
      return translate(`${K}.event.unitRatingProposal`, { rating: valueWords(p.rating, w) });
    case 'performanceFactor':
      return translate(`${K}.event.performanceFactor`, { percent: percentWords(Number(p.factorBasisPoints), w) });
    case 'disciplineCut':
    case 'sanctionCut':
    case 'totalCut': {
      const rate =
        p.basisPoints !== undefined
          ? percentWords(Number(p.basisPoints), w)
          : translate(`${K}.event.per_unit`, {
              percent: percentWords(Number(p.perUnitBasisPoints), w),
              unit: factWords(String(p.unitsFact), w),
            });
      return translate(`${K}.event.${e.type}`, { label: pick(p.label, lang) ?? p.code ?? '', rate })
        .replace(/\s+/g, ' ')
        .trim();
    }
    default:
      return translate(`${K}.event.other`, { type: e?.type ?? '—' });
  }
}

/** A condition trace node as json-rules-engine records it (the server's `ConditionTrace`). */
export interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  factValue?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/**
 * The conditions that made a rule fire, in words: "rating hasil kerja di atas ekspektasi dan rating perilaku kerja
 * sesuai ekspektasi"; a comparison names the actual value ("hari mangkir setahun (12) paling sedikit 11"); of an `any`
 * only the alternatives that held.
 */
export function conditionWords(
  node: ConditionNode,
  w: Words,
  labels?: Record<string, Bilingual>,
  nested = false,
): string {
  const { translate } = w;
  if (typeof node.fact === 'string') {
    const op = node.operator ?? 'equal';
    const word = translate(`${K}.op.${op}`, { _: op });
    const ref = node.value && typeof node.value === 'object' && typeof (node.value as any).fact === 'string';
    const right = ref
      ? `${factWords((node.value as any).fact, w, labels)}${'valueResult' in node ? ` (${valueWords(node.valueResult, w)})` : ''}`
      : valueWords(node.value, w);
    const actual = op !== 'equal' && 'factValue' in node ? ` (${valueWords(node.factValue, w)})` : '';
    return [`${factWords(node.fact, w, labels)}${actual}`, word, right].filter(Boolean).join(' ');
  }
  if (node.not) return translate(`${K}.not`, { condition: conditionWords(node.not, w, labels, true) });
  const list = node.all ?? node.any ?? [];
  const held = node.any ? list.filter((c) => c.result === true) : list;
  const parts = (held.length ? held : list).map((c) => conditionWords(c, w, labels, true));
  const text = parts.join(` ${translate(`${K}.${node.all ? 'and' : 'or'}`)} `);
  return nested && parts.length > 1 ? `(${text})` : text;
}

/** The codes the server's explanation text used to carry in brackets, and "SCORING versi 2". */
export function withoutCodes(text: string, w: Words): string {
  return text
    .replace(new RegExp(`\\s\\((${KNOWN_CODES.join('|')})\\)`, 'g'), '')
    .replace(/\b(SCORING|DISTRIBUTION|PAY|SANCTION) (versi|version) (\d+)/g, (_m, kind: string, _v, n: string) =>
      rulesetWords(kind, n, w),
    );
}

/** A stored explanation (`{ ruleSet, facts, rules, fired, text }`, as rules/ruleset.explainer.ts builds it). */
export interface StoredExplanation {
  ruleSet?: { kind?: string; version?: number; name?: string; effectiveFrom?: string };
  rules?: { name: string; fired: boolean; event?: any; conditions?: ConditionNode }[];
  text?: Bilingual;
}

/**
 * An explanation in words: one sentence per rule that fired ("Predikat Baik karena rating hasil kerja di atas
 * ekspektasi dan …"), the rules that decided, and the rule set. Falls back to the stored text without codes when the
 * explanation has no rule trace.
 */
export function explanationWords(
  ex: StoredExplanation | null | undefined,
  w: Words,
  labels?: Record<string, Bilingual>,
): { sentences: string[]; fired: string[] } {
  const fired = (ex?.rules ?? []).filter((r) => r.fired);
  if (fired.length)
    return {
      sentences: fired.map((r) =>
        w.translate(`${K}.because`, {
          outcome: eventWords(r.event, w),
          conditions: r.conditions ? conditionWords(r.conditions, w, labels) : '',
        }),
      ),
      fired: fired.map((r) => nameWords(r.name, w)),
    };
  if (ex?.rules) return { sentences: [w.translate(`${K}.no_rule`)], fired: [] };
  const text = pick(ex?.text, w.lang);
  return { sentences: text ? [withoutCodes(text, w)] : [], fired: [] };
}
