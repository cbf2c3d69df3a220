/**
 * A unit's rating proposed by a DISTRIBUTION rule set from the unit's results (issue 15, item 4): the first
 * `unitRatingProposal` event in priority order, and words that name the figure and its source, e.g.
 * "Indeks Kepuasan Masyarakat 88,5 (Survei SKM Triwulan I, BPS Kota) ≥ 88,31 → usulan predikat unit Istimewa".
 * The proposal is for HR to decide; it changes no rating by itself.
 */
import { compileRuleset } from './ruleset.compiler';
import { codeWords, rulesetWords } from './ruleset.explainer';
import type { BilingualText, ConditionTrace, Explanation, FactDeclaration } from './ruleset.types';

const SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

/** The satisfaction index's name when a document gives it no label. */
const INDEX_WORDS: BilingualText = { id: 'Indeks Kepuasan Masyarakat', en: 'Community Satisfaction Index' };

/** 88.5 → "88,5" / "88.5"; other values as words. */
function valueWords(v: unknown, lang: 'id' | 'en'): string {
  if (typeof v === 'number')
    return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(v);
  if (typeof v === 'boolean') return lang === 'id' ? (v ? 'ya' : 'tidak') : v ? 'yes' : 'no';
  return typeof v === 'string' ? codeWords(v, lang) : JSON.stringify(v);
}

/** Capitalised label of a fact ("Indeks Kepuasan Masyarakat"). */
function labelOf(decl: FactDeclaration | undefined, name: string, lang: 'id' | 'en'): string {
  if (name === 'satisfactionIndex' && !decl?.label) return INDEX_WORDS[lang];
  const l = decl?.label?.[lang] ?? name;
  return l.charAt(0).toUpperCase() + l.slice(1);
}

function leaves(t: ConditionTrace | undefined, out: ConditionTrace[] = []): ConditionTrace[] {
  if (!t) return out;
  if (t.fact !== undefined) out.push(t);
  for (const c of [...(t.all ?? []), ...(t.any ?? [])]) leaves(c, out);
  if (t.not) leaves(t.not, out);
  return out;
}

export interface UnitRatingProposal {
  /** The proposed rating, or null when no proposal rule applies (e.g. no index imported). */
  rating: string | null;
  /** The figures and thresholds that made it, with the source, in both languages. */
  text: BilingualText | null;
  rule: string | null;
  explanation: Explanation;
}

/** Evaluates the DISTRIBUTION document on the unit's facts (distributionFacts) and words the proposal. */
export function proposeUnitRating(doc: unknown, facts: Record<string, unknown>): UnitRatingProposal {
  const c = compileRuleset(doc);
  if (c.doc.kind !== 'DISTRIBUTION') throw new Error('butuh aturan DISTRIBUTION / needs a DISTRIBUTION rule set');
  const { events, explanation } = c.evaluate(facts);
  const event = events.find((e) => e.type === 'unitRatingProposal');
  if (!event) return { rating: null, text: null, rule: null, explanation };
  const rating = String(event.params!.rating);
  const rule = explanation.rules.find(
    (r) => r.fired && r.event.type === 'unitRatingProposal' && r.event.params?.rating === rating,
  )!;
  const decls = new Map(c.doc.facts.map((f) => [f.name, f]));
  const source = typeof facts.satisfactionSource === 'string' ? facts.satisfactionSource : '';
  const words = (lang: 'id' | 'en') => {
    // A fact is named once, with its value (and source); a second bound on it reads "… ≥ 76,61 dan < 88,31".
    const named = new Set<string>();
    const parts = leaves(rule.conditions)
      .filter((l) => l.result === true && l.fact !== 'hasSatisfactionIndex' && l.fact !== 'satisfactionSource')
      .map((l) => {
        const name = String(l.fact);
        const symbol = SYMBOLS[String(l.operator)] ?? String(l.operator);
        const bound = `${symbol} ${valueWords(l.valueResult ?? l.value, lang)}`;
        if (named.has(name)) return bound;
        named.add(name);
        const from = name === 'satisfactionIndex' && source ? ` (${source})` : '';
        return `${labelOf(decls.get(name), name, lang)} ${valueWords(l.factValue, lang)}${from} ${bound}`;
      });
    const label = (event.params!.label as BilingualText | undefined)?.[lang];
    const outcome =
      lang === 'id'
        ? `usulan predikat unit ${codeWords(rating, 'id')}${label ? ` (${label})` : ''}`
        : `proposed unit rating ${codeWords(rating, 'en')}${label ? ` (${label})` : ''}`;
    const where = rulesetWords(c.doc.kind, c.doc.version)[lang];
    const ruleWords = lang === 'id' ? `aturan "${rule.name}", ${where}` : `rule "${rule.name}", ${where}`;
    return `${parts.join(lang === 'id' ? ' dan ' : ' and ')} → ${outcome} (${ruleWords})`;
  };
  return { rating, text: { id: words('id'), en: words('en') }, rule: rule.name, explanation };
}
