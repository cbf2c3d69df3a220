/** Structural diff of two rule-set versions for the console: metadata, facts, rules and tests, by name, with JSON pointers. */
import { canonicalJson } from './ruleset.canonical';
import { pointerSegment } from './ruleset.validator';

/** One changed value: `pointer` locates it in the new document (or the old one when removed). */
export interface ValueChange {
  pointer: string;
  old?: unknown;
  new?: unknown;
}

/** Named items (facts, rules, tests) added, removed, changed or moved between versions. */
export interface NamedDiff {
  added: { name: string; pointer: string; value: unknown }[];
  removed: { name: string; pointer: string; value: unknown }[];
  changed: { name: string; pointer: string; oldPointer: string; changes: ValueChange[] }[];
  moved: { name: string; from: number; to: number }[];
}

/** The diff of two versions. */
export interface RulesetDiff {
  identical: boolean;
  metadata: ValueChange[];
  facts: NamedDiff;
  rules: NamedDiff;
  tests: NamedDiff;
  summary: { id: string; en: string };
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Leaf-level differences between two JSON values; `at` is the pointer of `b`'s position. */
export function diffValues(a: unknown, b: unknown, at: string, out: ValueChange[] = []): ValueChange[] {
  if (canonicalJson(a) === canonicalJson(b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) out.push({ pointer: `${at}/${i}`, new: b[i] });
      else if (i >= b.length) out.push({ pointer: `${at}/${i}`, old: a[i] });
      else diffValues(a[i], b[i], `${at}/${i}`, out);
    }
    return out;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const p = `${at}/${pointerSegment(k)}`;
      if (!(k in b)) out.push({ pointer: p, old: a[k] });
      else if (!(k in a)) out.push({ pointer: p, new: b[k] });
      else diffValues(a[k], b[k], p, out);
    }
    return out;
  }
  out.push({ pointer: at, old: a, new: b });
  return out;
}

function diffNamed(listA: unknown, listB: unknown, key: string): NamedDiff {
  const a = Array.isArray(listA) ? listA : [];
  const b = Array.isArray(listB) ? listB : [];
  const name = (x: any, i: number) => (typeof x?.name === 'string' ? x.name : `#${i}`);
  const indexA = new Map(a.map((x, i) => [name(x, i), i]));
  const indexB = new Map(b.map((x, i) => [name(x, i), i]));
  const out: NamedDiff = { added: [], removed: [], changed: [], moved: [] };
  b.forEach((x, i) => {
    const n = name(x, i);
    const j = indexA.get(n);
    if (j === undefined) return out.added.push({ name: n, pointer: `/${key}/${i}`, value: x });
    const changes = diffValues(a[j], x, `/${key}/${i}`);
    if (changes.length) out.changed.push({ name: n, pointer: `/${key}/${i}`, oldPointer: `/${key}/${j}`, changes });
    if (i !== j) out.moved.push({ name: n, from: j, to: i });
  });
  a.forEach((x, i) => {
    const n = name(x, i);
    if (!indexB.has(n)) out.removed.push({ name: n, pointer: `/${key}/${i}`, value: x });
  });
  return out;
}

const METADATA = ['kind', 'version', 'name', 'description', 'source', 'effectiveFrom', 'parameters'];

/** Compares version `a` (old) with `b` (new). */
export function diffRulesets(a: unknown, b: unknown): RulesetDiff {
  const A = isObj(a) ? a : {};
  const B = isObj(b) ? b : {};
  const metadata: ValueChange[] = [];
  for (const k of METADATA) diffValues(A[k], B[k], `/${k}`, metadata);
  const facts = diffNamed(A.facts, B.facts, 'facts');
  const rules = diffNamed(A.rules, B.rules, 'rules');
  const tests = diffNamed(A.tests, B.tests, 'tests');
  const count = (d: NamedDiff) => [d.added.length, d.removed.length, d.changed.length];
  const [ra, rr, rc] = count(rules);
  const [fa, fr, fc] = count(facts);
  const [ta, tr, tc] = count(tests);
  const identical =
    !metadata.length && [ra, rr, rc, fa, fr, fc, ta, tr, tc].every((n) => n === 0) && !rules.moved.length;
  return {
    identical,
    metadata,
    facts,
    rules,
    tests,
    summary: {
      id: `${metadata.length} perubahan metadata; aturan: +${ra} −${rr} ~${rc}; fakta: +${fa} −${fr} ~${fc}; uji: +${ta} −${tr} ~${tc}`,
      en: `${metadata.length} metadata changes; rules: +${ra} −${rr} ~${rc}; facts: +${fa} −${fr} ~${fc}; tests: +${ta} −${tr} ~${tc}`,
    },
  };
}
