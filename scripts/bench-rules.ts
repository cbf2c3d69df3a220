/**
 * `npm run bench:rules [-- --n 100000]`: evaluations per second of the default SCORING and PAY rule sets on generated
 * fact sets, for (a) json-rules-engine used naively (engine.run per fact set, awaited; and a new Engine per fact set on
 * a sample), (b) the compiled evaluator (events only, with the per-rule trace kept, with the full explanation object),
 * (c) a hand-written TypeScript function computing the same thing. Prints the ratios and checks that every path gives
 * the same result on every fact set; exits 1 when any disagree. Synchronous paths: best of 5 passes; json-rules-engine
 * (seconds per pass): one pass. A script that prints figures, not a timed test.
 */
import { Engine } from 'json-rules-engine';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  allowanceFigures,
  compileRuleset,
  defaultRulesets,
  type CompiledRuleset,
  type EvaluationResult,
  type RuleEvent,
  type RuleSetDocument,
} from '../rules';

const argN = process.argv.indexOf('--n');
const N = argN > 0 ? Number(process.argv[argN + 1]) : 100_000;
/** json-rules-engine with a new Engine per fact set is slow: timed on a sample. */
const NEW_ENGINE_SAMPLE = Math.min(N, 5_000);

// A small deterministic generator (mulberry32) so every run measures the same fact sets.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;
const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

interface ScoringFacts {
  resultRating: (typeof RATINGS)[number];
  behaviourRating: (typeof RATINGS)[number];
}
interface PayFacts {
  baseAmount: number;
  predicate: (typeof PREDICATES)[number];
  unexcusedAbsenceDays: number;
  consecutiveAbsenceDays: number;
  missedAssemblies: number;
  sanctionCutPercent: number;
  employmentType: 'PNS' | 'PPPK';
}

function generate(n: number) {
  const r = rng(20260101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const scoring: ScoringFacts[] = new Array(n);
  const pay: PayFacts[] = new Array(n);
  for (let i = 0; i < n; i++) {
    scoring[i] = { resultRating: pick(RATINGS), behaviourRating: pick(RATINGS) };
    // Most employees have no absence; some have a few days, a few have long runs (10+ consecutive).
    const absent = r() < 0.7 ? 0 : r() < 0.9 ? Math.floor(r() * 6) : Math.floor(r() * 32);
    const consecutive = absent === 0 ? 0 : Math.min(absent, Math.floor(r() * (absent + 1)));
    pay[i] = {
      baseAmount: 1_500_000 + Math.floor(r() * 30_000) * 500 + (r() < 0.1 ? Math.floor(r() * 1000) : 0),
      predicate: pick(PREDICATES),
      unexcusedAbsenceDays: absent,
      consecutiveAbsenceDays: consecutive,
      missedAssemblies: r() < 0.75 ? 0 : Math.floor(r() * 12),
      sanctionCutPercent: r() < 0.95 ? 0 : 25,
      employmentType: r() < 0.8 ? 'PNS' : 'PPPK',
    };
  }
  return { scoring, pay };
}

// ---- (c) hand-written: the default policies as plain TypeScript --------------------------------------------------

const MATRIX: Record<string, Record<string, string>> = {
  ABOVE: { ABOVE: 'SANGAT_BAIK', MEETS: 'BAIK', BELOW: 'KURANG' },
  MEETS: { ABOVE: 'BAIK', MEETS: 'BAIK', BELOW: 'KURANG' },
  BELOW: { ABOVE: 'BUTUH_PERBAIKAN', MEETS: 'BUTUH_PERBAIKAN', BELOW: 'SANGAT_KURANG' },
};
function handScoring(f: ScoringFacts): string {
  return MATRIX[f.resultRating][f.behaviourRating];
}

function handPay(f: PayFacts): number {
  if (f.consecutiveAbsenceDays >= 10) return 0;
  const base = f.baseAmount;
  const performance = Math.floor((base * 7000) / 10000);
  const discipline = base - performance;
  const p = f.predicate;
  const factor = p === 'SANGAT_BAIK' || p === 'BAIK' ? 10000 : p === 'BUTUH_PERBAIKAN' ? 8500 : 6000;
  const performancePaid = Math.floor((performance * factor) / 10000);
  const disciplineBp = Math.min(10000, 250 * f.unexcusedAbsenceDays + 100 * f.missedAssemblies);
  const disciplinePaid = Math.floor((discipline * (10000 - disciplineBp)) / 10000);
  const sanctionBp = Math.min(10000, 100 * f.sanctionCutPercent);
  return Math.floor(((performancePaid + disciplinePaid) * (10000 - sanctionBp)) / 10000);
}

// ---- results of each path -----------------------------------------------------------------------------------------

const predicateOf = (events: readonly RuleEvent[]): string =>
  (events.find((e) => e.type === 'predicate')?.params?.predicate as string | undefined) ?? '(none)';

function payAmount(c: CompiledRuleset, facts: PayFacts, events: RuleEvent[]): number {
  return allowanceFigures(c, c.readFacts(facts), events).amount;
}

interface Measured {
  label: string;
  n: number;
  ms: number;
  perSecond: number;
}
const rows: Measured[] = [];
function record(label: string, n: number, ms: number): Measured {
  const m = { label, n, ms, perSecond: (n / ms) * 1000 };
  rows.push(m);
  return m;
}

/** Synchronous paths are timed REPEAT times (the machine is shared); the best pass is kept, and its output. */
const REPEAT = 5;
function timeSync<T>(label: string, n: number, body: () => T): T {
  let best = Infinity;
  let out!: T;
  for (let k = 0; k < REPEAT; k++) {
    const t0 = performance.now();
    out = body();
    best = Math.min(best, performance.now() - t0);
  }
  record(label, n, best);
  return out;
}

async function timeAsync<T>(label: string, n: number, body: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await body();
  record(label, n, performance.now() - t0);
  return out;
}

const disagreements: string[] = [];
function agree(what: string, a: readonly unknown[], b: readonly unknown[], n = Math.min(a.length, b.length)) {
  let bad = 0;
  for (let i = 0; i < n; i++)
    if (a[i] !== b[i]) {
      if (bad++ < 5) disagreements.push(`${what} #${i}: ${JSON.stringify(a[i])} ≠ ${JSON.stringify(b[i])}`);
    }
  if (bad > 5) disagreements.push(`${what}: ${bad} disagreements in all`);
  console.log(`  check ${what}: ${bad === 0 ? `all ${n} agree` : `${bad} DISAGREE`}`);
}

function fmt(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0);
}

async function benchScoring(doc: RuleSetDocument, facts: ScoringFacts[]) {
  const n = facts.length;
  const c = compileRuleset(doc);
  console.log(`\nSCORING "${doc.name}" v${doc.version}: ${doc.rules.length} rules, ${n} fact sets`);

  // (a) json-rules-engine, naive: one engine, engine.run per fact set, awaited.
  const engine = new Engine(structuredClone(doc.rules) as any);
  const engineOut: string[] = new Array(n);
  await timeAsync('SCORING (a) json-rules-engine, engine.run per fact set', n, async () => {
    for (let i = 0; i < n; i++) {
      const r = await engine.run(facts[i] as any);
      engineOut[i] = predicateOf(r.events as RuleEvent[]);
    }
  });
  const newEngineOut: string[] = new Array(NEW_ENGINE_SAMPLE);
  await timeAsync('SCORING (a) json-rules-engine, new Engine per fact set', NEW_ENGINE_SAMPLE, async () => {
    for (let i = 0; i < NEW_ENGINE_SAMPLE; i++) {
      const r = await new Engine(structuredClone(doc.rules) as any).run(facts[i] as any);
      newEngineOut[i] = predicateOf(r.events as RuleEvent[]);
    }
  });

  // (b) compiled.
  const warm = (f: () => void) => {
    for (let k = 0; k < 3; k++) f();
  };
  const small = facts.slice(0, 2000);
  warm(() => small.forEach((x) => c.events(x)));
  const fastOut = timeSync('SCORING (b) compiled, events only', n, () => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = predicateOf(c.events(facts[i]));
    return out;
  });
  warm(() => small.forEach((x) => c.trace(x)));
  const traceOut = timeSync('SCORING (b) compiled, per-rule and per-condition trace kept', n, () => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = predicateOf(c.trace(facts[i]).events);
    return out;
  });
  warm(() => small.forEach((x) => c.evaluateShared(x)));
  const sharedOut = timeSync('SCORING (b) compiled, full explanation (shared, tabulated)', n, () => {
    const out: EvaluationResult[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = c.evaluateShared(facts[i]);
    return out;
  });
  const fullN = Math.min(n, 20_000);
  warm(() => small.slice(0, 500).forEach((x) => c.evaluate(x)));
  // Like the PAY loop below, only the result is kept (retaining 20,000 explanations would measure the GC instead).
  const fullOut = timeSync('SCORING (b) compiled, full explanation (fresh object + text)', fullN, () => {
    const out: string[] = new Array(fullN);
    for (let i = 0; i < fullN; i++) {
      const r = c.evaluate(facts[i]);
      if (!r.explanation.text.id) throw new Error('no explanation');
      out[i] = predicateOf(r.events);
    }
    return out;
  });

  // (c) hand-written.
  warm(() => small.forEach((x) => handScoring(x)));
  const handOut = timeSync('SCORING (c) hand-written TypeScript', n, () => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = handScoring(facts[i]);
    return out;
  });

  agree('SCORING engine.run = hand-written', engineOut, handOut);
  agree('SCORING new Engine = hand-written', newEngineOut, handOut);
  agree('SCORING compiled events = hand-written', fastOut, handOut);
  agree('SCORING compiled trace = hand-written', traceOut, handOut);
  agree(
    'SCORING compiled shared explanation = hand-written',
    sharedOut.map((r) => predicateOf(r.events)),
    handOut,
  );
  agree('SCORING compiled full explanation = hand-written', fullOut, handOut, fullN);
  // The explanation names the rule that fired, its facts and the version.
  const bad = sharedOut.findIndex(
    (r, i) =>
      r.explanation.fired.length !== 1 ||
      r.explanation.facts.resultRating !== facts[i].resultRating ||
      r.explanation.ruleSet.version !== doc.version ||
      !r.explanation.text.id.includes(handOut[i]),
  );
  if (bad >= 0) disagreements.push(`SCORING explanation #${bad}: ${JSON.stringify(sharedOut[bad].explanation.text)}`);
}

async function benchPay(doc: RuleSetDocument, facts: PayFacts[]) {
  const n = facts.length;
  const c = compileRuleset(doc);
  console.log(`\nPAY "${doc.name}" v${doc.version}: ${doc.rules.length} rules, ${n} fact sets`);
  const engine = new Engine(structuredClone(doc.rules) as any);
  const engineEvents: RuleEvent[][] = new Array(n);
  await timeAsync('PAY (a) json-rules-engine, engine.run per fact set', n, async () => {
    for (let i = 0; i < n; i++) engineEvents[i] = (await engine.run(facts[i] as any)).events as RuleEvent[];
  });
  // The engine only emits events; the rupiah arithmetic on them is the calculator's (the same for (a) and (b)).
  const engineOut = engineEvents.map((e, i) => payAmount(c, facts[i], e));
  const newEngineOut: number[] = new Array(NEW_ENGINE_SAMPLE);
  await timeAsync('PAY (a) json-rules-engine, new Engine per fact set', NEW_ENGINE_SAMPLE, async () => {
    for (let i = 0; i < NEW_ENGINE_SAMPLE; i++) {
      const r = await new Engine(structuredClone(doc.rules) as any).run(facts[i] as any);
      newEngineOut[i] = payAmount(c, facts[i], r.events as RuleEvent[]);
    }
  });

  const warm = (f: () => void) => {
    for (let k = 0; k < 3; k++) f();
  };
  const small = facts.slice(0, 2000);
  const figures = (x: PayFacts) => {
    const v = c.readFacts(x);
    return allowanceFigures(c, v, c.eventsOf(v)).amount;
  };
  warm(() => small.forEach(figures));
  const fastOut = timeSync('PAY (b) compiled, events + amount', n, () => {
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = figures(facts[i]);
    return out;
  });
  const traced = (x: PayFacts) => {
    const t = c.trace(x);
    return allowanceFigures(c, t.values, t.events).amount;
  };
  warm(() => small.forEach(traced));
  const traceOut = timeSync('PAY (b) compiled, amount + per-rule and per-condition trace kept', n, () => {
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = traced(facts[i]);
    return out;
  });
  const fullN = Math.min(n, 20_000);
  warm(() => small.slice(0, 500).forEach((x) => c.evaluate(x)));
  const fullOut = timeSync('PAY (b) compiled, amount + full explanation (object + text)', fullN, () => {
    const out: number[] = new Array(fullN);
    for (let i = 0; i < fullN; i++) {
      const t = c.trace(facts[i]);
      const amount = allowanceFigures(c, t.values, t.events).amount;
      const r = c.evaluateFromTrace(t);
      if (!r.explanation.ruleSet) throw new Error('no explanation');
      out[i] = amount;
    }
    return out;
  });

  warm(() => small.forEach(handPay));
  const handOut = timeSync('PAY (c) hand-written TypeScript', n, () => {
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = handPay(facts[i]);
    return out;
  });

  agree('PAY engine.run = hand-written', engineOut, handOut);
  agree('PAY new Engine = hand-written', newEngineOut, handOut);
  agree('PAY compiled = hand-written', fastOut, handOut);
  agree('PAY compiled with trace = hand-written', traceOut, handOut);
  agree('PAY compiled with explanation = hand-written', fullOut, handOut, fullN);
  // Same events as the engine, in the same order.
  let eventDiff = 0;
  for (let i = 0; i < n; i++) {
    const mine = c.events(facts[i]);
    if (JSON.stringify(mine) !== JSON.stringify(engineEvents[i]) && eventDiff++ < 3)
      disagreements.push(`PAY events #${i}: ${JSON.stringify(mine)} ≠ engine ${JSON.stringify(engineEvents[i])}`);
  }
  console.log(`  check PAY compiled events = engine events: ${eventDiff === 0 ? `all ${n} agree` : 'DISAGREE'}`);
}

async function main() {
  console.log(
    `bench:rules — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}, ${N} generated fact sets per rule set`,
  );
  const { scoring, pay } = generate(N);
  await benchScoring(defaultRulesets.SCORING, scoring);
  await benchPay(defaultRulesets.PAY, pay);

  console.log('\nevaluations per second (higher is better)');
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows)
    console.log(`  ${r.label.padEnd(width)}  ${fmt(r.perSecond).padStart(8)}/s  (${r.n} in ${r.ms.toFixed(0)} ms)`);
  console.log('\nratios to hand-written TypeScript (hand-written ÷ path: how many times slower)');
  for (const kind of ['SCORING', 'PAY']) {
    const hand = rows.find((r) => r.label.startsWith(`${kind} (c)`))!;
    for (const r of rows.filter((x) => x.label.startsWith(kind) && x !== hand))
      console.log(`  ${r.label.padEnd(width)}  ${(hand.perSecond / r.perSecond).toFixed(1).padStart(8)}×`);
    const naive = rows.find((r) => r.label.startsWith(`${kind} (a) json-rules-engine, engine.run`))!;
    const compiledTrace = rows.find((r) => r.label.startsWith(`${kind} (b)`) && r.label.includes('trace kept'))!;
    console.log(
      `  ${kind}: compiled with trace is ${(compiledTrace.perSecond / naive.perSecond).toFixed(0)}× json-rules-engine engine.run`,
    );
  }
  if (disagreements.length) {
    console.log('\nRESULTS DISAGREE:');
    for (const d of disagreements) console.log(`  ${d}`);
    process.exit(1);
  }
  console.log('\nall paths agree on every fact set');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
