/** Types of rule-set documents (one JSON document per version), their evaluation results and explanations. */

/** The four kinds of policy kept as editable rule sets. */
export type RuleSetKind = 'SCORING' | 'DISTRIBUTION' | 'PAY' | 'SANCTION';

/** The five performance predicates, best first. */
export type Predicate = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

/** The predicates in order, best first. */
export const PREDICATES: readonly Predicate[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** A text in Bahasa Indonesia (`id`) and English (`en`). */
export interface BilingualText {
  id: string;
  en: string;
}

/** The type of a declared input fact. `array` holds strings or numbers (for `contains`). */
export type FactType = 'string' | 'number' | 'integer' | 'boolean' | 'array';

/** A declared input fact: every fact used by a condition must be declared. */
export interface FactDeclaration {
  name: string;
  type: FactType;
  /** Allowed values (for `array`: allowed items). */
  allowed?: (string | number | boolean)[];
  min?: number;
  max?: number;
  /** Used when the fact is absent from the input; without it the fact is required. */
  default?: unknown;
  /** Words used for the fact in plain-language explanations. */
  label?: BilingualText;
  description: string;
}

/** The built-in json-rules-engine operators a rule may use. */
export type OperatorName =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain';

/** A leaf condition: `fact operator value`; `value` may be `{ fact: name }` to compare two facts. */
export interface LeafCondition {
  fact: string;
  operator: OperatorName;
  value: unknown;
  priority?: number;
  name?: string;
}

/** A json-rules-engine condition tree node. */
export type ConditionNode =
  | LeafCondition
  | { all: ConditionNode[]; priority?: number; name?: string }
  | { any: ConditionNode[]; priority?: number; name?: string }
  | { not: ConditionNode; priority?: number; name?: string };

/** An event a rule emits when its conditions hold. */
export interface RuleEvent {
  type: string;
  params?: Record<string, any>;
}

/** A json-rules-engine rule with the name and priority Capaian requires. */
export interface RuleDefinition {
  name: string;
  priority: number;
  description?: string;
  conditions: ConditionNode;
  event: RuleEvent;
}

/** A golden test case: facts and what must come out. */
export interface GoldenTest {
  name: string;
  facts: Record<string, unknown>;
  expect: { events?: RuleEvent[]; amount?: number; errorFact?: string };
}

/** Parameters of a PAY rule set (see rules/README.md). */
export interface PayParameters {
  /** Share of the base amount that is the performance part, in basis points (7000 = 70%); the rest is discipline. */
  performanceShareBasisPoints: number;
}

/** One version of a rule set. */
export interface RuleSetDocument {
  kind: RuleSetKind;
  version: number;
  name: string;
  description?: string;
  effectiveFrom: string;
  source?: string;
  facts: FactDeclaration[];
  rules: RuleDefinition[];
  tests?: GoldenTest[];
  parameters?: PayParameters & Record<string, unknown>;
}

/** An error of a document, placed by JSON pointer. */
export interface ValidationError {
  pointer: string;
  message: string;
}

/** The result of validating a document. */
export interface ValidationResult {
  ok: boolean;
  errors: ValidationError[];
}

/** The trace of one condition: leaf (fact/operator/value) or boolean node; `result` is absent when not evaluated. */
export interface ConditionTrace {
  all?: ConditionTrace[];
  any?: ConditionTrace[];
  not?: ConditionTrace;
  fact?: string;
  operator?: string;
  value?: unknown;
  factValue?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/** What one rule did in one evaluation. */
export interface RuleTrace {
  name: string;
  priority: number;
  fired: boolean;
  event: RuleEvent;
  conditions: ConditionTrace;
  text?: BilingualText;
}

/** Why a result came out as it did: which rule set, which facts, which rules, in plain words. */
export interface Explanation {
  ruleSet: { kind: RuleSetKind; version: number; name: string; effectiveFrom: string };
  facts: Record<string, unknown>;
  rules: RuleTrace[];
  fired: string[];
  text: BilingualText;
  lines?: BilingualText[];
}

/** The result of evaluating a rule set. */
export interface EvaluationResult {
  events: RuleEvent[];
  explanation: Explanation;
}

/** An error in the input facts; `fact` names the offending fact. */
export class FactError extends Error {
  /** The offending fact's name. */
  readonly fact: string;
  constructor(fact: string, message: string) {
    super(message);
    this.name = 'FactError';
    this.fact = fact;
  }
}

/** A document that failed validation, raised when one is evaluated. */
export class InvalidRulesetError extends Error {
  /** The validation errors. */
  readonly errors: ValidationError[];
  constructor(errors: ValidationError[]) {
    super(
      `Dokumen aturan tidak valid / invalid rule set: ${errors
        .slice(0, 3)
        .map((e) => `${e.pointer || '/'}: ${e.message}`)
        .join('; ')}`,
    );
    this.name = 'InvalidRulesetError';
    this.errors = errors;
  }
}

/** Which rule set (and version) an evaluation error belongs to. */
export interface RuleSetRef {
  kind: RuleSetKind;
  version: number;
  name: string;
}

/**
 * A rule set that failed while evaluating valid facts: it ran past the time limit (`reason` TIMEOUT) or one of its
 * rules threw (`reason` THREW). The message names the rule set, its version and the rule, in Bahasa Indonesia and
 * English; the fix is a new version (a published one never changes), so retrying with the same version cannot help.
 */
export class RuleEvaluationError extends Error {
  readonly ruleSet: RuleSetRef;
  /** The rule being evaluated when it failed, when known. */
  readonly rule?: string;
  readonly reason: 'TIMEOUT' | 'THREW';
  constructor(ruleSet: RuleSetRef, reason: 'TIMEOUT' | 'THREW', detail: string, rule?: string, cause?: unknown) {
    const where = `${ruleSet.kind} versi ${ruleSet.version} "${ruleSet.name}"`;
    const whereEn = `${ruleSet.kind} version ${ruleSet.version} "${ruleSet.name}"`;
    const atRule = rule ? [`, aturan "${rule}"`, `, rule "${rule}"`] : ['', ''];
    super(
      reason === 'TIMEOUT'
        ? `Evaluasi aturan ${where}${atRule[0]} melewati batas waktu ${detail} / evaluation of rule set ${whereEn}${atRule[1]} exceeded the time limit of ${detail}`
        : `Aturan ${where}${atRule[0]} gagal dievaluasi: ${detail} / rule set ${whereEn}${atRule[1]} failed: ${detail}`,
      { cause },
    );
    this.name = 'RuleEvaluationError';
    this.ruleSet = ruleSet;
    this.rule = rule;
    this.reason = reason;
  }
}
