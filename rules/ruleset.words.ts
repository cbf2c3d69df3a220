/**
 * The changes between two rule-set versions in plain words (Bahasa Indonesia and English), for the four-eyes review:
 * each rule, golden test and fact declaration added, removed or changed, part by part (conditions, outcome, priority,
 * facts, expectation), the older wording under `before` and the newer under `after`. A rule or test renamed without
 * other changes to its conditions (or facts) is one changed item, not a removal and an addition.
 */
import { canonicalJson } from './ruleset.canonical';
import { codeWords, eventWords, formatBasisPoints, OPERATOR_WORDS } from './ruleset.explainer';
import type {
  BilingualText,
  ConditionNode,
  FactDeclaration,
  GoldenTest,
  RuleDefinition,
  RuleSetDocument,
} from './ruleset.types';

type Lang = 'id' | 'en';

/** The parts of an item that the review names (the console words each part's label). */
export type WordedPart =
  | 'name'
  | 'description'
  | 'conditions'
  | 'outcome'
  | 'priority'
  | 'facts'
  | 'expect'
  | 'declaration'
  | 'source'
  | 'effectiveFrom'
  | 'parameters';

/** One part of an item, in words: `before` in the older version, `after` in the newer (null where absent). */
export interface WordedPartChange {
  part: WordedPart;
  before: BilingualText | null;
  after: BilingualText | null;
}

/** One rule, golden test or fact declaration added, removed or changed. */
export interface WordedChange {
  op: 'added' | 'removed' | 'changed';
  /** The item's name in the newer version (the older one when removed). */
  name: string;
  parts: WordedPartChange[];
}

/** Counts of one section. */
export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

/** The whole review in words. */
export interface RulesetChangeWords {
  metadata: WordedPartChange[];
  facts: WordedChange[];
  rules: WordedChange[];
  tests: WordedChange[];
  counts: { facts: ChangeCounts; rules: ChangeCounts; tests: ChangeCounts };
}

const both = (f: (lang: Lang) => string): BilingualText => ({ id: f('id'), en: f('en') });
const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

function number(n: number, lang: Lang): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? (lang === 'id' ? ',' : '.') + frac : ''}`;
}

function value(v: unknown, lang: Lang): string {
  if (Array.isArray(v)) return v.map((x) => value(x, lang)).join(', ');
  if (typeof v === 'string') return codeWords(v, lang);
  if (typeof v === 'number') return number(v, lang);
  if (typeof v === 'boolean') return lang === 'id' ? (v ? 'ya' : 'tidak') : v ? 'yes' : 'no';
  if (v === null || v === undefined) return '—';
  return JSON.stringify(v);
}

function labelOf(doc: RuleSetDocument, name: string, lang: Lang): string {
  return doc.facts?.find((f) => f.name === name)?.label?.[lang] ?? name;
}

function conditionText(doc: RuleSetDocument, node: ConditionNode, lang: Lang, nested = false): string {
  const n = node as any;
  if (typeof n.fact === 'string') {
    const [wid, wen] = OPERATOR_WORDS[n.operator] ?? [n.operator, n.operator];
    const word = n.operator === 'equal' ? (lang === 'id' ? 'adalah' : 'is') : lang === 'id' ? wid : wen;
    const right =
      isObj(n.value) && typeof n.value.fact === 'string' ? labelOf(doc, n.value.fact, lang) : value(n.value, lang);
    return `${labelOf(doc, n.fact, lang)} ${word} ${right}`;
  }
  if (n.not) return `${lang === 'id' ? 'tidak benar bahwa' : 'not'} (${conditionText(doc, n.not, lang, true)})`;
  const list: ConditionNode[] = n.all ?? n.any ?? [];
  const joiner = n.all ? (lang === 'id' ? ' dan ' : ' and ') : lang === 'id' ? ' atau ' : ' or ';
  const text = list.map((c) => conditionText(doc, c, lang, true)).join(joiner);
  return nested && list.length > 1 ? `(${text})` : text;
}

function ruleParts(doc: RuleSetDocument, r: RuleDefinition): Map<WordedPart, BilingualText> {
  const parts = new Map<WordedPart, BilingualText>();
  parts.set('name', { id: r.name, en: r.name });
  parts.set(
    'conditions',
    both((lang) => conditionText(doc, r.conditions, lang)),
  );
  parts.set('outcome', eventWords(doc, r.event));
  parts.set(
    'priority',
    both((lang) => number(r.priority, lang)),
  );
  if (r.description) parts.set('description', { id: r.description, en: r.description });
  return parts;
}

function expectText(doc: RuleSetDocument, t: GoldenTest, lang: Lang): string {
  const e = t.expect ?? {};
  const out: string[] = [];
  if (e.errorFact !== undefined)
    out.push(
      lang === 'id'
        ? `ditolak: ${labelOf(doc, e.errorFact, lang)} tidak sah`
        : `refused: invalid ${labelOf(doc, e.errorFact, lang)}`,
    );
  if (e.events !== undefined)
    out.push(
      e.events.length
        ? e.events.map((ev) => eventWords(doc, ev)[lang]).join('; ')
        : lang === 'id'
          ? 'tidak ada aturan yang berlaku'
          : 'no rule applies',
    );
  if (e.amount !== undefined) out.push(`${lang === 'id' ? 'TPP Rp' : 'allowance IDR '}${number(e.amount, lang)}`);
  return out.join('; ');
}

function testParts(doc: RuleSetDocument, t: GoldenTest): Map<WordedPart, BilingualText> {
  const parts = new Map<WordedPart, BilingualText>();
  parts.set('name', { id: t.name, en: t.name });
  const facts = Object.entries(isObj(t.facts) ? t.facts : {});
  parts.set(
    'facts',
    both((lang) => facts.map(([k, v]) => `${labelOf(doc, k, lang)}: ${value(v, lang)}`).join('; ')),
  );
  parts.set(
    'expect',
    both((lang) => expectText(doc, t, lang)),
  );
  return parts;
}

function factParts(f: FactDeclaration): Map<WordedPart, BilingualText> {
  const text = (lang: Lang) => {
    const out = [`${f.label?.[lang] ?? f.name} (${f.name})`];
    if (f.allowed) out.push(`${lang === 'id' ? 'salah satu dari' : 'one of'} ${value(f.allowed, lang)}`);
    if (f.min !== undefined || f.max !== undefined)
      out.push(`${value(f.min ?? '−∞', lang)}–${value(f.max ?? '∞', lang)}`);
    if (f.default !== undefined) out.push(`${lang === 'id' ? 'bawaan' : 'default'} ${value(f.default, lang)}`);
    return out.join('; ');
  };
  return new Map([['declaration', both(text)]]);
}

type PartsOf<T> = (doc: RuleSetDocument, item: T) => Map<WordedPart, BilingualText>;

function all(parts: Map<WordedPart, BilingualText>, side: 'before' | 'after'): WordedPartChange[] {
  return [...parts]
    .filter(([part]) => part !== 'name')
    .map(([part, text]) => ({
      part,
      before: side === 'before' ? text : null,
      after: side === 'after' ? text : null,
    }));
}

function changedParts(a: Map<WordedPart, BilingualText>, b: Map<WordedPart, BilingualText>): WordedPartChange[] {
  const out: WordedPartChange[] = [];
  for (const part of new Set([...a.keys(), ...b.keys()])) {
    const before = a.get(part) ?? null;
    const after = b.get(part) ?? null;
    if (before?.id !== after?.id || before?.en !== after?.en) out.push({ part, before, after });
  }
  return out;
}

/**
 * Items of two lists matched by name, then the unmatched ones paired by `sameKey` (a renamed rule with the same
 * conditions, a renamed test with the same facts); the rest are added or removed.
 */
function compareNamed<T extends { name: string }>(
  docA: RuleSetDocument,
  docB: RuleSetDocument,
  listA: T[],
  listB: T[],
  partsOf: PartsOf<T>,
  sameKey: (doc: RuleSetDocument, item: T) => string,
): WordedChange[] {
  const out: WordedChange[] = [];
  const byName = new Map(listA.map((x) => [x.name, x]));
  const unmatchedA = listA.filter((x) => !listB.some((y) => y.name === x.name));
  const pending: T[] = [];
  for (const b of listB) {
    const a = byName.get(b.name);
    if (!a) pending.push(b);
    else if (canonicalJson(a) !== canonicalJson(b)) {
      const parts = changedParts(partsOf(docA, a), partsOf(docB, b));
      if (parts.length) out.push({ op: 'changed', name: b.name, parts });
    }
  }
  for (const b of pending) {
    const key = sameKey(docB, b);
    const k = unmatchedA.findIndex((a) => sameKey(docA, a) === key);
    if (k >= 0) {
      const [a] = unmatchedA.splice(k, 1);
      out.push({ op: 'changed', name: b.name, parts: changedParts(partsOf(docA, a), partsOf(docB, b)) });
    } else out.push({ op: 'added', name: b.name, parts: all(partsOf(docB, b), 'after') });
  }
  for (const a of unmatchedA) out.push({ op: 'removed', name: a.name, parts: all(partsOf(docA, a), 'before') });
  return out;
}

function metadataText(doc: RuleSetDocument, part: WordedPart, lang: Lang): string | null {
  if (part === 'parameters') {
    const p = isObj(doc.parameters) ? doc.parameters : null;
    if (!p) return null;
    return Object.entries(p)
      .map(([k, v]) =>
        k === 'performanceShareBasisPoints' && typeof v === 'number'
          ? `${lang === 'id' ? 'porsi kinerja' : 'performance share'} ${formatBasisPoints(v, lang)}, ${lang === 'id' ? 'porsi disiplin' : 'discipline share'} ${formatBasisPoints(10_000 - v, lang)}`
          : `${k}: ${value(v, lang)}`,
      )
      .join('; ');
  }
  const v = (doc as any)[part];
  return typeof v === 'string' ? v : v === undefined ? null : value(v, lang);
}

const asDoc = (d: unknown): RuleSetDocument =>
  (isObj(d)
    ? { facts: [], rules: [], tests: [], ...d }
    : { facts: [], rules: [], tests: [] }) as unknown as RuleSetDocument;
const list = <T>(v: unknown): T[] =>
  Array.isArray(v) ? (v as T[]).filter((x: any) => typeof x?.name === 'string') : [];
const count = (changes: WordedChange[]): ChangeCounts => ({
  added: changes.filter((c) => c.op === 'added').length,
  removed: changes.filter((c) => c.op === 'removed').length,
  changed: changes.filter((c) => c.op === 'changed').length,
});

/** The changes from version `a` (older; `{}` for none) to version `b`, in words. */
export function describeChanges(a: unknown, b: unknown): RulesetChangeWords {
  const A = asDoc(a);
  const B = asDoc(b);
  const metadata: WordedPartChange[] = [];
  for (const part of ['name', 'description', 'source', 'effectiveFrom', 'parameters'] as const) {
    const before = both((lang) => metadataText(A, part, lang) ?? '');
    const after = both((lang) => metadataText(B, part, lang) ?? '');
    if (before.id !== after.id || before.en !== after.en)
      metadata.push({ part, before: before.id ? before : null, after: after.id ? after : null });
  }
  const facts = compareNamed(
    A,
    B,
    list<FactDeclaration>(A.facts),
    list<FactDeclaration>(B.facts),
    (_d, f) => factParts(f),
    (_d, f) => `fact:${f.name}`,
  );
  const rules = compareNamed(A, B, list<RuleDefinition>(A.rules), list<RuleDefinition>(B.rules), ruleParts, (_d, r) =>
    canonicalJson(r.conditions),
  );
  const tests = compareNamed(A, B, list<GoldenTest>(A.tests), list<GoldenTest>(B.tests), testParts, (_d, t) =>
    canonicalJson(t.facts),
  );
  return { metadata, facts, rules, tests, counts: { facts: count(facts), rules: count(rules), tests: count(tests) } };
}
