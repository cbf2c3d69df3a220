/**
 * The compiler: turns a validated rule-set document into synchronous closures with json-rules-engine's semantics
 * (see rules/README.md, "Compiler semantics"), cached per document object and per content.
 */
import { cloneJson } from './ruleset.canonical';
import {
  generateEvents,
  generateReader,
  generateTrace,
  type GeneratedEvents,
  type GeneratedReader,
  type GeneratedTrace,
} from './ruleset.codegen';
import { buildExplanation } from './ruleset.explainer';
import { validateRuleset } from './ruleset.validator';
import {
  FactError,
  InvalidRulesetError,
  RuleEvaluationError,
  type ConditionNode,
  type EvaluationResult,
  type Explanation,
  type FactDeclaration,
  type RuleDefinition,
  type RuleEvent,
  type RuleSetDocument,
  type RuleSetRef,
} from './ruleset.types';

/** Fact values in declaration order (index = position in `facts`). */
export type FactValues = unknown[];
type Fast = (v: FactValues) => boolean;
type Traced = (v: FactValues, t: Uint8Array) => boolean;

/** The compiled shape of a condition, kept for explanations: `slot` indexes the trace array. */
export type Shape =
  | { kind: 'leaf'; slot: number; fact: string; factIndex: number; operator: string; value: unknown; refIndex: number }
  | { kind: 'all' | 'any'; slot: number; children: Shape[] }
  | { kind: 'not'; slot: number; child: Shape };

/** One compiled rule. */
export interface CompiledRule {
  /** Position of the rule in the document. */
  index: number;
  name: string;
  priority: number;
  /** The event as json-rules-engine emits it (`params` only when truthy), deep-frozen. */
  event: RuleEvent;
  shape: Shape;
  fast: Fast;
  traced: Traced;
  source: RuleDefinition;
}

/** Trace values: 0 = not evaluated (short-circuited), 1 = false, 2 = true. */
export const NOT_EVALUATED = 0;

/** A trace of one evaluation: which rules fired and every condition's result. */
export interface EvaluationTrace {
  values: FactValues;
  /** Per compiled rule (evaluation order): 1 when it fired. */
  fired: Uint8Array;
  /** Per condition slot: 0 not evaluated, 1 false, 2 true. */
  conditions: Uint8Array;
  events: RuleEvent[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// The engine's numeric fact validator: Number.parseFloat(factValue).toString() !== 'NaN'.
const numeric = (a: unknown): boolean =>
  typeof a === 'number' ? a === a : Number.parseFloat(a as string).toString() !== 'NaN';

/** The built-in operators, exactly as json-rules-engine 7.3.1 defines them (validator && callback). */
export const OPERATOR_FUNCTIONS: Record<string, (a: any, b: any) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => b.indexOf(a) > -1,
  notIn: (a, b) => b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && a < b,
  lessThanInclusive: (a, b) => numeric(a) && a <= b,
  greaterThan: (a, b) => numeric(a) && a > b,
  greaterThanInclusive: (a, b) => numeric(a) && a >= b,
};

/** A leaf specialised by operator so the hot path has no operator lookup. */
function leafFast(op: string, i: number, c: any, ref: number): Fast {
  if (ref >= 0) {
    const f = OPERATOR_FUNCTIONS[op];
    return (v) => f(v[i], v[ref]);
  }
  switch (op) {
    case 'equal':
      return (v) => v[i] === c;
    case 'notEqual':
      return (v) => v[i] !== c;
    case 'in':
      return (v) => c.indexOf(v[i]) > -1;
    case 'notIn':
      return (v) => c.indexOf(v[i]) === -1;
    case 'lessThan':
      return (v) => numeric(v[i]) && (v[i] as any) < c;
    case 'lessThanInclusive':
      return (v) => numeric(v[i]) && (v[i] as any) <= c;
    case 'greaterThan':
      return (v) => numeric(v[i]) && (v[i] as any) > c;
    case 'greaterThanInclusive':
      return (v) => numeric(v[i]) && (v[i] as any) >= c;
    default: {
      const f = OPERATOR_FUNCTIONS[op];
      return (v) => f(v[i], c);
    }
  }
}

/** Condition priority as the engine computes it: explicit, else 1 (no engine-level facts carry priorities). */
const conditionPriority = (node: Record<string, any>): number => parseInt(node.priority, 10) || 1;

class RuleCompiler {
  slots = 0;
  constructor(private readonly factIndex: Map<string, number>) {}

  compile(node: ConditionNode): { fast: Fast; traced: Traced; shape: Shape } {
    const n = node as Record<string, any>;
    const slot = this.slots++;
    if (Array.isArray(n.all) || Array.isArray(n.any)) {
      const kind = Array.isArray(n.all) ? 'all' : 'any';
      const parts = (n[kind] as ConditionNode[]).map((c) => ({ p: conditionPriority(c), ...this.compile(c) }));
      const shape: Shape = { kind, slot, children: parts.map((x) => x.shape) };
      return { ...this.bool(kind, parts, slot), shape };
    }
    if (n.not !== undefined) {
      const child = this.compile(n.not);
      const cf = child.fast;
      const ct = child.traced;
      return {
        fast: (v) => !cf(v),
        traced: (v, t) => {
          const r = !ct(v, t);
          t[slot] = r ? 2 : 1;
          return r;
        },
        shape: { kind: 'not', slot, child: child.shape },
      };
    }
    const i = this.factIndex.get(n.fact)!;
    const isRef = n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value) && 'fact' in n.value;
    const ref = isRef ? this.factIndex.get(n.value.fact)! : -1;
    const c = isRef ? undefined : n.value;
    const fast = leafFast(n.operator, i, c, ref);
    return {
      fast,
      traced: (v, t) => {
        const r = fast(v);
        t[slot] = r ? 2 : 1;
        return r;
      },
      shape: { kind: 'leaf', slot, fact: n.fact, factIndex: i, operator: n.operator, value: n.value, refIndex: ref },
    };
  }

  /**
   * all/any as the engine runs them: no children → true (both); one child → that child's result; otherwise children
   * grouped by priority (highest first), each group evaluated completely, stopping after the group that decides.
   */
  private bool(kind: 'all' | 'any', parts: { p: number; fast: Fast; traced: Traced }[], slot: number) {
    const mark = (t: Uint8Array, r: boolean) => {
      t[slot] = r ? 2 : 1;
      return r;
    };
    if (parts.length === 0) return { fast: () => true, traced: (_v: FactValues, t: Uint8Array) => mark(t, true) };
    if (parts.length === 1) {
      const only = parts[0];
      return { fast: only.fast, traced: (v: FactValues, t: Uint8Array) => mark(t, only.traced(v, t)) };
    }
    const priorities = [...new Set(parts.map((x) => x.p))].sort((a, b) => b - a);
    const sets = priorities.map((p) => parts.filter((x) => x.p === p));
    const fastList = parts.map((x) => x.fast);
    const tracedSets = sets.map((s) => s.map((x) => x.traced));
    const n = fastList.length;
    const fast: Fast =
      kind === 'all'
        ? n === 2
          ? (
              (a, b) => (v: FactValues) =>
                a(v) && b(v)
            )(fastList[0], fastList[1])
          : (v) => {
              for (let k = 0; k < n; k++) if (!fastList[k](v)) return false;
              return true;
            }
        : (v) => {
            for (let k = 0; k < n; k++) if (fastList[k](v)) return true;
            return false;
          };
    const traced: Traced = (v, t) => {
      let r = kind === 'all';
      for (const set of tracedSets) {
        if (kind === 'all' ? !r : r) break;
        let setResult = kind === 'all';
        for (const c of set) {
          const x = c(v, t);
          if (kind === 'all') setResult = setResult && x;
          else setResult = setResult || x;
        }
        r = setResult;
      }
      return mark(t, r);
    };
    return { fast, traced };
  }
}

type Checker = (x: unknown) => string | undefined;

function factChecker(d: FactDeclaration): Checker {
  const allowed = d.allowed ? new Set<unknown>(d.allowed) : undefined;
  const list = d.allowed?.join(', ');
  const notAllowed = `harus salah satu dari ${list} / must be one of ${list}`;
  switch (d.type) {
    case 'string':
      return (x) =>
        typeof x !== 'string' ? 'harus teks / must be a string' : allowed && !allowed.has(x) ? notAllowed : undefined;
    case 'boolean':
      return (x) =>
        typeof x !== 'boolean'
          ? 'harus true atau false / must be a boolean'
          : allowed && !allowed.has(x)
            ? notAllowed
            : undefined;
    case 'number':
    case 'integer': {
      const integer = d.type === 'integer';
      const min = d.min ?? -Infinity;
      const max = d.max ?? Infinity;
      return (x) => {
        if (typeof x !== 'number' || !Number.isFinite(x)) return 'harus angka / must be a number';
        if (integer && !Number.isInteger(x)) return 'harus bilangan bulat / must be an integer';
        if (x < min) return `minimal ${min} / must be ≥ ${min}`;
        if (x > max) return `maksimal ${max} / must be ≤ ${max}`;
        return allowed && !allowed.has(x) ? notAllowed : undefined;
      };
    }
    default:
      return (x) => {
        if (!Array.isArray(x)) return 'harus larik / must be an array';
        for (const y of x) {
          if (!['string', 'number', 'boolean'].includes(typeof y))
            return 'butir harus nilai tunggal / items must be scalars';
          if (allowed && !allowed.has(y)) return notAllowed;
        }
        return undefined;
      };
  }
}

/** Rules between two looks at the clock in a large rule set. */
const TIME_CHECK_EVERY = 16;
// Wall-clock time, so it also counts GC pauses and a busy machine: generous, for pathological rule sets only (a default
// rule set takes microseconds; a 50 ms limit tripped in tests on a loaded two-core machine).
let evaluationTimeLimitMs = 1000;
let useGeneratedCode = true;

/**
 * Whether rule sets compiled from now on use generated code for reading facts and for events without a trace
 * (default true; false keeps the closures everywhere, e.g. to compare the two). Returns the previous setting.
 */
export function setGeneratedCode(on: boolean): boolean {
  const previous = useGeneratedCode;
  useGeneratedCode = on;
  return previous;
}

/**
 * Sets the time limit of one evaluation in milliseconds (default 1000; a default rule set takes microseconds). Past it,
 * evaluation stops with a RuleEvaluationError (reason TIMEOUT) naming the rule set, its version and the rule reached.
 * Returns the previous limit.
 */
export function setEvaluationTimeLimit(ms: number): number {
  if (!(ms > 0)) throw new Error('batas waktu harus > 0 ms / the time limit must be > 0 ms');
  const previous = evaluationTimeLimitMs;
  evaluationTimeLimitMs = ms;
  return previous;
}

/** The current time limit of one evaluation, in milliseconds. */
export function evaluationTimeLimit(): number {
  return evaluationTimeLimitMs;
}

/** Finite domains up to this many combinations are tabulated: every result is computed once, at compile time. */
const TABULATION_LIMIT = 4096;

/** A compiled rule set: synchronous evaluation with json-rules-engine's semantics. */
export class CompiledRuleset {
  readonly facts: FactDeclaration[];
  readonly factIndex = new Map<string, number>();
  /** Rules in evaluation order: priority descending, document order within a priority. */
  readonly rules: CompiledRule[];
  readonly slotCount: number;
  private readonly checkers: Checker[];
  private readonly defaults: { has: boolean; value: unknown }[];
  private readonly fastRules: Fast[];
  private readonly ruleEvents: RuleEvent[];
  /** Generated code for the hot paths (undefined where code generation is unavailable: the closures are used). */
  private readonly generatedReader?: GeneratedReader;
  private readonly generatedEvents?: GeneratedEvents<RuleEvent>;
  private readonly generatedTrace?: GeneratedTrace<RuleEvent>;
  private deadline = 0;
  private readonly at = { rule: 0 };
  private readonly tick = (r: number) => this.checkDeadline(this.deadline, r);
  private readonly table?: {
    maps: Map<unknown, number>[];
    strides: number[];
    events: RuleEvent[][];
    explained: (EvaluationResult | undefined)[];
  };

  constructor(readonly doc: RuleSetDocument) {
    this.facts = doc.facts;
    doc.facts.forEach((f, i) => this.factIndex.set(f.name, i));
    this.checkers = doc.facts.map(factChecker);
    this.defaults = doc.facts.map((f) => ({
      has: Object.prototype.hasOwnProperty.call(f, 'default'),
      value: f.default,
    }));
    const compiler = new RuleCompiler(this.factIndex);
    const compiled = doc.rules.map((r, index) => {
      const c = compiler.compile(r.conditions);
      const event: RuleEvent = { type: r.event.type };
      if (r.event.params) event.params = structuredClone(r.event.params);
      return {
        index,
        name: r.name,
        priority: parseInt(String(r.priority), 10) || 1,
        event: deepFreeze(event),
        shape: c.shape,
        fast: c.fast,
        traced: c.traced,
        source: r,
      };
    });
    // Stable sort: equal priorities keep document order.
    this.rules = compiled.sort((a, b) => b.priority - a.priority || a.index - b.index);
    this.slotCount = compiler.slots;
    this.fastRules = this.rules.map((r) => r.fast);
    this.ruleEvents = this.rules.map((r) => r.event);
    if (useGeneratedCode) {
      this.generatedReader = generateReader(doc.facts, this.checkers, (i, x) => this.factFailure(i, x));
      this.generatedEvents = generateEvents(
        this.rules.map((r) => ({ conditions: r.source.conditions, event: r.event })),
        this.factIndex,
        OPERATOR_FUNCTIONS,
        TIME_CHECK_EVERY,
      );
      this.generatedTrace = generateTrace(
        this.rules.map((r) => ({ conditions: r.source.conditions, shape: r.shape, event: r.event })),
        OPERATOR_FUNCTIONS,
        TIME_CHECK_EVERY,
      );
    }
    this.table = this.tabulate();
  }

  /** Reads and checks the input facts against the declarations; throws a FactError naming the bad fact. */
  readFacts(input: unknown): FactValues {
    if (this.generatedReader) {
      const values = this.generatedReader(input);
      if (values) return values;
    }
    return this.readFactsGeneral(input);
  }

  /** The reader for any input (the generated one handles plain objects only). */
  readFactsGeneral(input: unknown): FactValues {
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw new FactError('*', `fakta harus berupa objek / facts must be an object (${this.where})`);
    const n = this.checkers.length;
    const values = new Array(n);
    for (let i = 0; i < n; i++) {
      const name = this.facts[i].name;
      let x = Object.prototype.hasOwnProperty.call(input, name) ? (input as any)[name] : undefined;
      if (x === undefined) {
        const d = this.defaults[i];
        if (!d.has) this.factFailure(i, undefined);
        x = d.value;
      }
      if (this.checkers[i](x)) this.factFailure(i, x);
      values[i] = x;
    }
    return values;
  }

  /** Throws the FactError of fact `i`: missing (`x` undefined) or invalid. */
  private factFailure(i: number, x: unknown): never {
    const name = this.facts[i].name;
    if (x === undefined)
      throw new FactError(name, `fakta "${name}" wajib diisi / fact "${name}" is required (${this.where})`);
    const problem = this.checkers[i](x) ?? 'tidak valid / invalid';
    throw new FactError(name, `fakta "${name}" tidak valid (${JSON.stringify(x)}): ${problem} (${this.where})`);
  }

  /** The fired events (no explanation): the fastest path. Events are shared and frozen. */
  events(input: unknown): RuleEvent[] {
    // Generated code beats the table lookup (a Map per fact); the table serves the closures and shared explanations.
    if (this.table && !this.generatedEvents) {
      const k = this.tableIndex(input);
      if (k >= 0) return this.table.events[k];
    }
    return this.eventsOf(this.readFacts(input));
  }

  /** Events for already-checked fact values. */
  eventsOf(values: FactValues): RuleEvent[] {
    const out: RuleEvent[] = [];
    const rules = this.fastRules;
    const n = rules.length;
    const generated = this.generatedEvents;
    if (generated) {
      if (n >= TIME_CHECK_EVERY) this.deadline = performance.now() + evaluationTimeLimitMs;
      try {
        return generated(values, out, this.tick, this.at);
      } catch (e) {
        throw this.failure(e, this.at.rule);
      }
    }
    // Large rule sets check the clock every TIME_CHECK_EVERY rules; small ones are bounded by the size limits.
    const deadline = n >= TIME_CHECK_EVERY ? performance.now() + evaluationTimeLimitMs : 0;
    let r = 0;
    try {
      for (; r < n; r++) {
        if (rules[r](values)) out.push(this.ruleEvents[r]);
        if (deadline && r % TIME_CHECK_EVERY === TIME_CHECK_EVERY - 1) this.checkDeadline(deadline, r);
      }
    } catch (e) {
      throw this.failure(e, r);
    }
    return out;
  }

  /** Where an error happened, for messages: `SCORING v1 "name"`. */
  private get where(): string {
    return `${this.doc.kind} v${this.doc.version} "${this.doc.name}"`;
  }

  /** The rule set's name for error messages. */
  get ref(): RuleSetRef {
    return { kind: this.doc.kind, version: this.doc.version, name: this.doc.name };
  }

  private checkDeadline(deadline: number, r: number) {
    if (performance.now() > deadline)
      throw new RuleEvaluationError(this.ref, 'TIMEOUT', `${evaluationTimeLimitMs} ms`, this.rules[r]?.name);
  }

  /** Turns anything a rule threw into a RuleEvaluationError naming the rule set, its version and the rule. */
  private failure(e: unknown, r: number): Error {
    if (e instanceof RuleEvaluationError) return e;
    const detail = e instanceof Error ? e.message : String(e);
    return new RuleEvaluationError(this.ref, 'THREW', detail, this.rules[r]?.name, e);
  }

  /** Evaluates with the engine's full per-condition trace (as json-rules-engine records it), without text. */
  trace(input: unknown): EvaluationTrace {
    return this.traceOf(this.readFacts(input));
  }

  /** The trace for already-checked fact values. */
  traceOf(values: FactValues): EvaluationTrace {
    const fired = new Uint8Array(this.rules.length);
    const conditions = new Uint8Array(this.slotCount);
    const events: RuleEvent[] = [];
    const n = this.rules.length;
    const generated = this.generatedTrace;
    if (generated) {
      if (n >= TIME_CHECK_EVERY) this.deadline = performance.now() + evaluationTimeLimitMs;
      try {
        generated(values, conditions, fired, events, this.tick, this.at);
      } catch (e) {
        throw this.failure(e, this.at.rule);
      }
      return { values, fired, conditions, events };
    }
    const deadline = n >= TIME_CHECK_EVERY ? performance.now() + evaluationTimeLimitMs : 0;
    let r = 0;
    try {
      for (; r < n; r++) {
        if (this.rules[r].traced(values, conditions)) {
          fired[r] = 1;
          events.push(this.ruleEvents[r]);
        }
        if (deadline && r % TIME_CHECK_EVERY === TIME_CHECK_EVERY - 1) this.checkDeadline(deadline, r);
      }
    } catch (e) {
      throw this.failure(e, r);
    }
    return { values, fired, conditions, events };
  }

  /** Evaluates and explains: a fresh, mutable result (events and explanation are the caller's to keep). */
  evaluate(input: unknown): EvaluationResult {
    return this.evaluateFromTrace(this.trace(input));
  }

  /** Builds the fresh result (cloned events and explanation) of a trace. */
  evaluateFromTrace(t: EvaluationTrace): EvaluationResult {
    return { events: t.events.map((e) => structuredCloneEvent(e)), explanation: buildExplanation(this, t) };
  }

  /**
   * Evaluates and explains, sharing frozen results: for rule sets whose facts are all enumerated the result of every
   * combination is built once and returned again (do not mutate it); otherwise the same as `evaluate`.
   */
  evaluateShared(input: unknown): EvaluationResult {
    if (this.table) {
      const k = this.tableIndex(input);
      if (k >= 0) {
        let r = this.table.explained[k];
        if (!r) r = this.table.explained[k] = deepFreeze(this.evaluate(input));
        return r;
      }
    }
    return this.evaluate(input);
  }

  /** Whether reading facts, untraced events and the trace run generated code (else closures). */
  get usesGeneratedCode(): boolean {
    return !!this.generatedReader && !!this.generatedEvents && !!this.generatedTrace;
  }

  /** Whether results are tabulated (every fact enumerated, few combinations). */
  get tabulated(): boolean {
    return !!this.table;
  }

  private tabulate() {
    const facts = this.facts;
    if (!facts.length || facts.some((f) => !f.allowed || f.type === 'array')) return undefined;
    let size = 1;
    for (const f of facts) size *= f.allowed!.length;
    if (size > TABULATION_LIMIT) return undefined;
    const maps: Map<unknown, number>[] = [];
    const strides: number[] = [];
    let stride = 1;
    for (let i = facts.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= facts[i].allowed!.length;
    }
    facts.forEach((f, i) => {
      const m = new Map<unknown, number>();
      f.allowed!.forEach((v, j) => {
        // Only values that pass the declaration (type, bounds) are tabulated; others go the checked path.
        if (!m.has(v) && !this.checkers[i](v)) m.set(v, j);
      });
      maps.push(m);
    });
    const events: RuleEvent[][] = new Array(size);
    for (let k = 0; k < size; k++) {
      const values = facts.map((f, i) => f.allowed![Math.floor(k / strides[i]) % f.allowed!.length]);
      events[k] = Object.freeze(this.eventsOf(values)) as RuleEvent[];
    }
    return { maps, strides, events, explained: new Array(size) as (EvaluationResult | undefined)[] };
  }

  /** Index of the input's combination in the table, or -1 (absent, default or invalid values: the checked path). */
  private tableIndex(input: unknown): number {
    if (!input || typeof input !== 'object') return -1;
    const t = this.table!;
    let k = 0;
    for (let i = 0; i < t.maps.length; i++) {
      const j = t.maps[i].get((input as any)[this.facts[i].name]);
      if (j === undefined || !Object.prototype.hasOwnProperty.call(input, this.facts[i].name)) return -1;
      k += j * t.strides[i];
    }
    return k;
  }
}

function structuredCloneEvent(e: RuleEvent): RuleEvent {
  return e.params ? { type: e.type, params: cloneJson(e.params) } : { type: e.type };
}

const byObject = new WeakMap<object, CompiledRuleset>();
const byContent = new Map<string, CompiledRuleset>();
const CONTENT_CACHE = 64;

/**
 * Compiles a document (validating it first; throws InvalidRulesetError), cached by object identity and by content.
 * Treat documents as immutable once evaluated: a mutated object keeps its old compilation.
 */
export function compileRuleset(doc: unknown): CompiledRuleset {
  if (doc && typeof doc === 'object') {
    const hit = byObject.get(doc);
    if (hit) return hit;
  }
  let key: string | undefined;
  try {
    key = JSON.stringify(doc);
  } catch {
    key = undefined;
  }
  let compiled = key !== undefined ? byContent.get(key) : undefined;
  if (!compiled) {
    const validation = validateRuleset(doc);
    if (!validation.ok) throw new InvalidRulesetError(validation.errors);
    compiled = new CompiledRuleset(structuredClone(doc) as RuleSetDocument);
    if (key !== undefined) {
      if (byContent.size >= CONTENT_CACHE) byContent.delete(byContent.keys().next().value!);
      byContent.set(key, compiled);
    }
  }
  if (doc && typeof doc === 'object') byObject.set(doc, compiled);
  return compiled;
}

export type { Explanation };
