/**
 * Generated JavaScript for the two hot paths of a compiled rule set: reading and checking the input facts, and the
 * fired events without a trace. A closure per condition pays for megamorphic property loads and indirect calls; one
 * generated function per rule set reads each fact by its literal name and tests each condition inline, as hand-written
 * code would. Semantics are those of the closures in ruleset.compiler.ts (and so of json-rules-engine); the traced path
 * (the per-rule explanation) keeps the closures. Only validated documents reach here: fact names match
 * `^[A-Za-z][A-Za-z0-9_]{0,63}$`, and every constant is passed in by reference or as a JSON literal, never as code.
 * Where code generation is unavailable (`--disallow-code-generation-from-strings`), callers fall back to the closures.
 */
import type { ConditionNode, FactDeclaration } from './ruleset.types';

/** Reads and checks the facts; calls `fail(index, value)` (which throws) for a missing or invalid fact. */
export type GeneratedReader = (input: unknown) => unknown[] | undefined;
/**
 * Pushes the events of the fired rules, in evaluation order, into `out` and returns it; calls `tick(r)` every few rules
 * (the time limit) and keeps in `at.rule` the index of the rule being evaluated, for error messages.
 */
export type GeneratedEvents<E> = (values: unknown[], out: E[], tick: (r: number) => void, at: { rule: number }) => E[];

const PRIMITIVE = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function literal(v: unknown, constants: unknown[]): string {
  if (PRIMITIVE(v) && (typeof v !== 'number' || Number.isFinite(v))) return JSON.stringify(v);
  constants.push(v);
  return `K[${constants.length - 1}]`;
}

/**
 * A reader for plain objects (prototype Object.prototype or null) whose facts are not names on Object.prototype:
 * returns undefined for any other input so that the caller's general reader handles it (and its exact errors).
 */
export function generateReader(
  facts: FactDeclaration[],
  checkers: ((x: unknown) => string | undefined)[],
  fail: (index: number, value: unknown) => never,
): GeneratedReader | undefined {
  if (!facts.every((f) => NAME.test(f.name))) return undefined;
  const constants: unknown[] = [];
  const lines: string[] = [
    'if (input === null || typeof input !== "object") return undefined;',
    'const proto = Object.getPrototypeOf(input);',
    'if (proto !== Object.prototype && proto !== null) return undefined;',
  ];
  facts.forEach((f, i) => {
    const v = `v${i}`;
    const inherited = f.name in Object.prototype;
    lines.push(
      inherited
        ? `let ${v} = Object.prototype.hasOwnProperty.call(input, ${JSON.stringify(f.name)}) ? input.${f.name} : undefined;`
        : `let ${v} = input.${f.name};`,
    );
    const hasDefault = Object.prototype.hasOwnProperty.call(f, 'default');
    lines.push(
      `if (${v} === undefined) ${hasDefault ? `${v} = ${literal(f.default, constants)};` : `fail(${i}, ${v});`}`,
    );
    // The quick test accepts only what the declaration's checker accepts; anything else goes to the checker for
    // the exact message (or, should the two ever disagree, the checker's verdict).
    let ok: string;
    const allowed = f.allowed;
    const inList = (x: string) =>
      allowed && allowed.length <= 8
        ? `(${allowed.map((a) => `${x} === ${literal(a, constants)}`).join(' || ')})`
        : allowed
          ? `${literal(new Set(allowed), constants)}.has(${x})`
          : 'true';
    switch (f.type) {
      case 'string':
        ok = `typeof ${v} === "string" && ${inList(v)}`;
        break;
      case 'boolean':
        ok = `typeof ${v} === "boolean" && ${inList(v)}`;
        break;
      case 'integer':
      case 'number': {
        const parts = [
          `typeof ${v} === "number"`,
          f.type === 'integer' ? `Number.isInteger(${v})` : `Number.isFinite(${v})`,
        ];
        if (f.min !== undefined) parts.push(`${v} >= ${literal(f.min, constants)}`);
        if (f.max !== undefined) parts.push(`${v} <= ${literal(f.max, constants)}`);
        if (allowed) parts.push(inList(v));
        ok = parts.join(' && ');
        break;
      }
      default:
        ok = 'false';
    }
    lines.push(`if (!(${ok}) && C[${i}](${v}) !== undefined) fail(${i}, ${v});`);
  });
  lines.push(`return [${facts.map((_, i) => `v${i}`).join(', ')}];`);
  try {
    const make = new Function(
      'K',
      'C',
      'fail',
      `"use strict"; return function readFacts(input) {\n${lines.join('\n')}\n};`,
    );
    return make(constants, checkers, fail) as GeneratedReader;
  } catch {
    return undefined;
  }
}

const numeric = (a: unknown): boolean =>
  typeof a === 'number' ? a === a : Number.parseFloat(a as string).toString() !== 'NaN';

/** The fast (untraced) evaluation of the rules (conditions in evaluation order, with their events) as one function. */
export function generateEvents<E>(
  rules: { conditions: ConditionNode; event: E }[],
  factIndex: Map<string, number>,
  operators: Record<string, (a: any, b: any) => boolean>,
  timeCheckEvery: number,
): GeneratedEvents<E> | undefined {
  const constants: unknown[] = [];
  const used = new Set<number>();
  const op = (name: string) => literal(operators[name], constants);
  const expr = (node: ConditionNode): string => {
    const n = node as Record<string, any>;
    if (Array.isArray(n.all) || Array.isArray(n.any)) {
      const kind = Array.isArray(n.all) ? 'all' : 'any';
      const kids = (n[kind] as ConditionNode[]).map(expr);
      if (kids.length === 0) return 'true';
      if (kids.length === 1) return kids[0];
      return `(${kids.join(kind === 'all' ? ' && ' : ' || ')})`;
    }
    if (n.not !== undefined) return `!${expr(n.not)}`;
    const i = factIndex.get(n.fact)!;
    used.add(i);
    const a = `v${i}`;
    const isRef = n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value) && 'fact' in n.value;
    if (isRef) {
      const j = factIndex.get(n.value.fact)!;
      used.add(j);
      return `${op(n.operator)}(${a}, v${j})`;
    }
    const c = literal(n.value, constants);
    switch (n.operator) {
      case 'equal':
        return `(${a} === ${c})`;
      case 'notEqual':
        return `(${a} !== ${c})`;
      case 'in':
        return `(${c}.indexOf(${a}) > -1)`;
      case 'notIn':
        return `(${c}.indexOf(${a}) === -1)`;
      case 'lessThan':
        return `(N(${a}) && ${a} < ${c})`;
      case 'lessThanInclusive':
        return `(N(${a}) && ${a} <= ${c})`;
      case 'greaterThan':
        return `(N(${a}) && ${a} > ${c})`;
      case 'greaterThanInclusive':
        return `(N(${a}) && ${a} >= ${c})`;
      default:
        return `${op(n.operator)}(${a}, ${c})`;
    }
  };
  const body: string[] = [];
  rules.forEach((r, k) => {
    body.push(`at.rule = ${k}; if (${expr(r.conditions)}) out.push(${literal(r.event, constants)});`);
    if (k % timeCheckEvery === timeCheckEvery - 1) body.push(`tick(${k});`);
  });
  const loads = [...used].sort((x, y) => x - y).map((i) => `const v${i} = values[${i}];`);
  try {
    const make = new Function(
      'K',
      'N',
      `"use strict"; return function events(values, out, tick, at) {\n${loads.join('\n')}\n${body.join('\n')}\nreturn out;\n};`,
    );
    return make(constants, numeric) as GeneratedEvents<E>;
  } catch {
    return undefined;
  }
}

/** The compiled shape of a condition (see ruleset.compiler.ts), mirrored here to keep the two files independent. */
type ShapeNode =
  | { kind: 'leaf'; slot: number; factIndex: number; operator: string; value: unknown; refIndex: number }
  | { kind: 'all' | 'any'; slot: number; children: ShapeNode[] }
  | { kind: 'not'; slot: number; child: ShapeNode };

/**
 * Records the trace of one evaluation: `fired[r] = 1` for each fired rule, `t[slot]` 1 (false) or 2 (true) for each
 * condition json-rules-engine would evaluate, and pushes the fired events; returns `events`.
 */
export type GeneratedTrace<E> = (
  values: unknown[],
  t: Uint8Array,
  fired: Uint8Array,
  events: E[],
  tick: (r: number) => void,
  at: { rule: number },
) => E[];

/**
 * The traced evaluation as one function, with the engine's order: all/any children grouped by priority (highest first),
 * every child of a group evaluated (`&` / `|`, no short-circuit inside a group), stopping after the group that decides
 * (`&&` / `||` between groups); a single child stands for its parent; no children is true.
 */
export function generateTrace<E>(
  rules: { conditions: ConditionNode; shape: ShapeNode; event: E }[],
  operators: Record<string, (a: any, b: any) => boolean>,
  timeCheckEvery: number,
): GeneratedTrace<E> | undefined {
  const constants: unknown[] = [];
  const used = new Set<number>();
  const priorityOf = (n: Record<string, any>) => parseInt(n.priority, 10) || 1;
  const mark = (slot: number, e: string) => `((t[${slot}] = ${e} ? 2 : 1) === 2)`;
  const expr = (node: ConditionNode, shape: ShapeNode): string => {
    const n = node as Record<string, any>;
    if (shape.kind === 'all' || shape.kind === 'any') {
      const kids: ConditionNode[] = n[shape.kind];
      if (kids.length === 0) return mark(shape.slot, 'true');
      if (kids.length === 1) return mark(shape.slot, expr(kids[0], shape.children[0]));
      const priorities = [...new Set(kids.map((k) => priorityOf(k as any)))].sort((a, b) => b - a);
      const groups = priorities.map((p) => {
        const parts = kids.flatMap((k, i) => (priorityOf(k as any) === p ? [expr(k, shape.children[i])] : []));
        return parts.length === 1 ? parts[0] : `(${parts.join(shape.kind === 'all' ? ' & ' : ' | ')})`;
      });
      return mark(shape.slot, `(${groups.join(shape.kind === 'all' ? ' && ' : ' || ')})`);
    }
    if (shape.kind === 'not') return mark(shape.slot, `!${expr(n.not, shape.child)}`);
    return leafExpr(shape as Extract<ShapeNode, { kind: 'leaf' }>);
  };
  const leafExpr = (shape: Extract<ShapeNode, { kind: 'leaf' }>): string => {
    const a = `v${shape.factIndex}`;
    used.add(shape.factIndex);
    if (shape.refIndex >= 0) {
      used.add(shape.refIndex);
      return mark(shape.slot, `${literal(operators[shape.operator], constants)}(${a}, v${shape.refIndex})`);
    }
    const c = literal(shape.value, constants);
    const test: Record<string, string> = {
      equal: `(${a} === ${c})`,
      notEqual: `(${a} !== ${c})`,
      in: `(${c}.indexOf(${a}) > -1)`,
      notIn: `(${c}.indexOf(${a}) === -1)`,
      lessThan: `(N(${a}) && ${a} < ${c})`,
      lessThanInclusive: `(N(${a}) && ${a} <= ${c})`,
      greaterThan: `(N(${a}) && ${a} > ${c})`,
      greaterThanInclusive: `(N(${a}) && ${a} >= ${c})`,
    };
    return mark(shape.slot, test[shape.operator] ?? `${literal(operators[shape.operator], constants)}(${a}, ${c})`);
  };
  const body: string[] = [];
  rules.forEach((r, k) => {
    body.push(
      `at.rule = ${k}; if (${expr(r.conditions, r.shape)}) { fired[${k}] = 1; events.push(${literal(r.event, constants)}); }`,
    );
    if (k % timeCheckEvery === timeCheckEvery - 1) body.push(`tick(${k});`);
  });
  const loads = [...used].sort((x, y) => x - y).map((i) => `const v${i} = values[${i}];`);
  try {
    const make = new Function(
      'K',
      'N',
      `"use strict"; return function trace(values, t, fired, events, tick, at) {\n${loads.join('\n')}\n${body.join('\n')}\nreturn events;\n};`,
    );
    return make(constants, numeric) as GeneratedTrace<E>;
  } catch {
    return undefined;
  }
}
