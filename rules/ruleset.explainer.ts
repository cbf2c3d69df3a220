/** Explanations: per-rule results (as json-rules-engine records them) and plain words in Bahasa Indonesia and English. */
import type { CompiledRuleset, EvaluationTrace, Shape } from './ruleset.compiler';
import type {
  BilingualText,
  ConditionTrace,
  Explanation,
  FactDeclaration,
  RuleEvent,
  RuleSetDocument,
  RuleTrace,
} from './ruleset.types';

/** Words for each operator in Bahasa Indonesia and English (`equal` says nothing: "X ABOVE"). */
export const OPERATOR_WORDS: Record<string, [string, string]> = {
  equal: ['', ''],
  notEqual: ['bukan', 'is not'],
  lessThan: ['kurang dari', 'below'],
  lessThanInclusive: ['paling banyak', 'at most'],
  greaterThan: ['lebih dari', 'above'],
  greaterThanInclusive: ['paling sedikit', 'at least'],
  in: ['salah satu dari', 'one of'],
  notIn: ['bukan salah satu dari', 'none of'],
  contains: ['memuat', 'contains'],
  doesNotContain: ['tidak memuat', 'does not contain'],
};

/** Formats integer rupiah: `Rp6.864.000` / `IDR 6,864,000`. */
export function formatRupiah(amount: number, lang: 'id' | 'en' = 'id'): string {
  const digits = Math.abs(Math.trunc(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  return `${amount < 0 ? '-' : ''}${lang === 'id' ? 'Rp' : 'IDR '}${digits}`;
}

/** Formats basis points as a percentage: 250 → `2,5%` / `2.5%`. */
export function formatBasisPoints(bp: number, lang: 'id' | 'en' = 'id'): string {
  const whole = Math.trunc(bp / 100);
  const frac = Math.abs(bp % 100);
  const fracText = frac === 0 ? '' : `${lang === 'id' ? ',' : '.'}${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${fracText}%`;
}

/**
 * Plain words for the domain's fixed codes (DOMAIN.md): the ratings, the five predicates, the unit ratings and the
 * position types. The words carry no code: the structured trace (facts, conditions, events) keeps the codes for
 * auditors. Any other value is shown as it is.
 */
const CODE_WORDS: Record<string, [id: string, en: string]> = {
  ABOVE: ['di atas ekspektasi', 'above expectations'],
  MEETS: ['sesuai ekspektasi', 'meets expectations'],
  BELOW: ['di bawah ekspektasi', 'below expectations'],
  // A unit's rating is worded apart from a person's predicate.
  ISTIMEWA: ['Istimewa', 'Exceptional'],
  // The predicates in English as DOMAIN.md and the console's chips have them (Kurang / Misconduct).
  SANGAT_BAIK: ['Sangat Baik', 'Outstanding'],
  BAIK: ['Baik', 'Good'],
  BUTUH_PERBAIKAN: ['Butuh Perbaikan', 'Needs improvement'],
  KURANG: ['Kurang', 'Misconduct'],
  SANGAT_KURANG: ['Sangat Kurang', 'Very poor'],
  JPT: ['jabatan pimpinan tinggi', 'senior executive post'],
  ADMINISTRATOR: ['administrator', 'administrator'],
  PENGAWAS: ['pengawas', 'supervisor'],
  PELAKSANA: ['pelaksana', 'executive staff'],
  FUNGSIONAL: ['jabatan fungsional', 'functional post'],
};

/** `ABOVE` → `di atas ekspektasi`; other strings unchanged. */
export function codeWords(code: string, lang: 'id' | 'en' = 'id'): string {
  const words = CODE_WORDS[code];
  return words ? words[lang === 'id' ? 0 : 1] : code;
}

/** The kinds of rule set in words (as the console's menu names them). */
export const KIND_WORDS: Record<string, [id: string, en: string]> = {
  SCORING: ['Predikat kinerja', 'Performance predicate'],
  DISTRIBUTION: ['Kurva distribusi', 'Distribution curve'],
  PAY: ['TPP', 'Allowance (TPP)'],
  SANCTION: ['Sanksi & tindak lanjut', 'Sanctions & follow-up'],
};

/** `Predikat kinerja versi 2` / `Performance predicate version 2`. */
export function rulesetWords(kind: string, version: number): BilingualText {
  const [id, en] = KIND_WORDS[kind] ?? [kind, kind];
  return { id: `${id} versi ${version}`, en: `${en} version ${version}` };
}

const scalarWords = (v: unknown, lang: 'id' | 'en'): string =>
  typeof v === 'string'
    ? codeWords(v, lang)
    : typeof v === 'boolean'
      ? lang === 'id'
        ? v
          ? 'ya'
          : 'tidak'
        : v
          ? 'yes'
          : 'no'
      : JSON.stringify(v);
const showValue = (v: unknown, lang: 'id' | 'en') =>
  Array.isArray(v) ? v.map((x) => scalarWords(x, lang)).join(', ') : scalarWords(v, lang);

function factLabel(decl: FactDeclaration | undefined, name: string, lang: 'id' | 'en'): string {
  return decl?.label?.[lang] ?? name;
}

/** Builds the json-rules-engine-style condition result tree (`result` absent when the engine would not evaluate it). */
function conditionTrace(shape: Shape, t: EvaluationTrace): ConditionTrace {
  const r = t.conditions[shape.slot];
  const out: ConditionTrace = {};
  if (shape.kind === 'leaf') {
    out.fact = shape.fact;
    out.operator = shape.operator;
    out.value = shape.value;
    if (r) {
      out.factValue = t.values[shape.factIndex];
      out.valueResult = shape.refIndex >= 0 ? t.values[shape.refIndex] : shape.value;
    }
  } else if (shape.kind === 'not') {
    out.not = conditionTrace(shape.child, t);
  } else {
    out[shape.kind] = shape.children.map((c) => conditionTrace(c, t));
  }
  if (r) out.result = r === 2;
  return out;
}

/** Words for the conditions that made a rule fire: for `any` only the alternatives that held. */
function conditionWords(
  shape: Shape,
  t: EvaluationTrace,
  c: CompiledRuleset,
  lang: 'id' | 'en',
  nested = false,
): string {
  if (shape.kind === 'leaf') {
    const decl = c.facts[shape.factIndex];
    const [wid, wen] = OPERATOR_WORDS[shape.operator] ?? [shape.operator, shape.operator];
    const word = lang === 'id' ? wid : wen;
    const value =
      shape.refIndex >= 0
        ? `${factLabel(c.facts[shape.refIndex], c.facts[shape.refIndex].name, lang)} (${showValue(t.values[shape.refIndex], lang)})`
        : showValue(shape.value, lang);
    const actual = shape.operator === 'equal' ? '' : ` (${showValue(t.values[shape.factIndex], lang)})`;
    return `${factLabel(decl, decl.name, lang)}${actual} ${word ? `${word} ` : ''}${value}`;
  }
  if (shape.kind === 'not') {
    return `${lang === 'id' ? 'tidak benar bahwa' : 'not'} (${conditionWords(shape.child, t, c, lang, true)})`;
  }
  const parts = shape.kind === 'any' ? shape.children.filter((ch) => t.conditions[ch.slot] === 2) : shape.children;
  const list = (parts.length ? parts : shape.children).map((ch) => conditionWords(ch, t, c, lang, true));
  const joiner = shape.kind === 'all' ? (lang === 'id' ? ' dan ' : ' and ') : lang === 'id' ? ' atau ' : ' or ';
  const text = list.join(joiner);
  return nested && list.length > 1 ? `(${text})` : text;
}

/** How an event is named in plain words. */
export function eventWords(doc: RuleSetDocument, e: RuleEvent): BilingualText {
  const p = (e.params ?? {}) as Record<string, any>;
  switch (e.type) {
    case 'predicate':
      return { id: `Predikat ${codeWords(p.predicate, 'id')}`, en: `Predicate ${codeWords(p.predicate, 'en')}` };
    case 'violation':
      return {
        id: `Pelanggaran kurva: ${p.message?.id ?? p.code}`,
        en: `Curve violation: ${p.message?.en ?? p.message?.id ?? p.code}`,
      };
    case 'unitRatingProposal':
      return {
        id: `Usulan predikat unit ${codeWords(p.rating, 'id')}${p.label?.id ? ` (${p.label.id})` : ''}`,
        en: `Proposed unit rating ${codeWords(p.rating, 'en')}${p.label?.en ? ` (${p.label.en})` : ''}`,
      };
    case 'recommendation':
      return { id: `Rekomendasi: ${p.title}`, en: `Recommendation: ${p.titleEn ?? p.title}` };
    case 'performanceFactor':
      return {
        id: `Faktor kinerja ${formatBasisPoints(p.factorBasisPoints, 'id')}`,
        en: `Performance factor ${formatBasisPoints(p.factorBasisPoints, 'en')}`,
      };
    default: {
      const rate =
        p.basisPoints !== undefined
          ? [formatBasisPoints(p.basisPoints, 'id'), formatBasisPoints(p.basisPoints, 'en')]
          : [
              `${formatBasisPoints(p.perUnitBasisPoints, 'id')} per satuan ${p.unitsFact}`,
              `${formatBasisPoints(p.perUnitBasisPoints, 'en')} per unit of ${p.unitsFact}`,
            ];
      const names: Record<string, [string, string]> = {
        disciplineCut: ['Potongan disiplin', 'Discipline cut'],
        sanctionCut: ['Potongan hukuman disiplin', 'Disciplinary sanction cut'],
        totalCut: ['Potongan seluruh TPP', 'Cut of the whole allowance'],
      };
      const [nid, nen] = names[e.type] ?? [e.type, e.type];
      return {
        id: `${nid} ${p.label?.id ?? p.code} ${rate[0]}`,
        en: `${nen} ${p.label?.en ?? p.code} ${rate[1]}`,
      };
    }
  }
}

/** Per compiled rule set: for each rule, the fact indexes its conditions read, and a cache of its texts by their values. */
const textCaches = new WeakMap<CompiledRuleset, { facts: number[]; texts: Map<string, BilingualText> }[]>();
const TEXT_CACHE_SIZE = 512;

function factsOfShape(shape: Shape, out: Set<number>): Set<number> {
  if (shape.kind === 'leaf') {
    out.add(shape.factIndex);
    if (shape.refIndex >= 0) out.add(shape.refIndex);
  } else if (shape.kind === 'not') factsOfShape(shape.child, out);
  else for (const ch of shape.children) factsOfShape(ch, out);
  return out;
}

/**
 * The plain words of a fired rule. They depend only on the values of the facts its conditions read (those decide every
 * condition's result), so they are cached per rule by those values; a copy is returned.
 */
function firedText(c: CompiledRuleset, k: number, t: EvaluationTrace, where: BilingualText): BilingualText {
  let caches = textCaches.get(c);
  if (!caches) {
    caches = c.rules.map((r) => ({
      facts: [...factsOfShape(r.shape, new Set())].sort((a, b) => a - b),
      texts: new Map(),
    }));
    textCaches.set(c, caches);
  }
  const cache = caches[k];
  let key = '';
  for (const i of cache.facts) {
    const v = t.values[i];
    key += `${JSON.stringify(v)},`;
  }
  let text = cache.texts.get(key);
  if (!text) {
    const r = c.rules[k];
    const ev = eventWords(c.doc, r.event);
    text = {
      id: `${ev.id} karena ${conditionWords(r.shape, t, c, 'id')} (aturan "${r.name}", ${where.id})`,
      en: `${ev.en} because ${conditionWords(r.shape, t, c, 'en')} (rule "${r.name}", ${where.en})`,
    };
    if (cache.texts.size >= TEXT_CACHE_SIZE) cache.texts.clear();
    cache.texts.set(key, text);
  }
  return { id: text.id, en: text.en };
}

/** Builds the full explanation of one evaluation from its trace. */
export function buildExplanation(c: CompiledRuleset, t: EvaluationTrace): Explanation {
  const doc = c.doc;
  const facts: Record<string, unknown> = {};
  c.facts.forEach((f, i) => (facts[f.name] = t.values[i]));
  const where = rulesetWords(doc.kind, doc.version);
  const rules: RuleTrace[] = c.rules.map((r, k) => {
    const fired = t.fired[k] === 1;
    const trace: RuleTrace = {
      name: r.name,
      priority: r.priority,
      fired,
      // The rule's own event: static data of the version, shared deep-frozen (the fired `events` are fresh copies).
      event: r.event,
      conditions: conditionTrace(r.shape, t),
    };
    if (fired) trace.text = firedText(c, k, t, where);
    return trace;
  });
  const firedRules = rules.filter((r) => r.fired);
  const text: BilingualText = firedRules.length
    ? { id: firedRules.map((r) => r.text!.id).join('; '), en: firedRules.map((r) => r.text!.en).join('; ') }
    : {
        id: `Tidak ada aturan yang terpenuhi (aturan ${where.id})`,
        en: `No rule applies (rule set ${where.en})`,
      };
  return {
    ruleSet: { kind: doc.kind, version: doc.version, name: doc.name, effectiveFrom: doc.effectiveFrom },
    facts,
    rules,
    fired: firedRules.map((r) => r.name),
    text,
  };
}
