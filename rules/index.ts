/**
 * Capaian rules: editable, versioned JSON rule sets (json-rules-engine format) — validation, a compiler to synchronous
 * closures with the engine's semantics, explanations, allowance, golden tests, decision tables, diff and simulation.
 * Every function here is synchronous. See rules/README.md.
 */
import { compileRuleset } from './ruleset.compiler';
import type { EvaluationResult } from './ruleset.types';

export * from './ruleset.types';
export { validateRuleset, factValueProblem } from './ruleset.validator';
export {
  compileRuleset,
  CompiledRuleset,
  OPERATOR_FUNCTIONS,
  setEvaluationTimeLimit,
  evaluationTimeLimit,
  setGeneratedCode,
} from './ruleset.compiler';
export type { CompiledRule, EvaluationTrace, FactValues, Shape } from './ruleset.compiler';
export { EVENT_TYPES, OPERATORS, LIMITS, BASIS } from './ruleset.kinds';
export { computeAllowance, computeAllowanceFigures, allowanceFigures } from './allowance.calculator';
export type { AllowanceCut, AllowanceFigures, AllowancePart, AllowanceResult } from './allowance.calculator';
export { runGoldenTests } from './golden-tests.runner';
export type { GoldenTestResult } from './golden-tests.runner';
export { toDecisionTable } from './decision-table.builder';
export type { DecisionAxis, DecisionCell, DecisionTable } from './decision-table.builder';
export { diffRulesets } from './ruleset.differ';
export type { NamedDiff, RulesetDiff, ValueChange } from './ruleset.differ';
export { describeChanges } from './ruleset.words';
export type { RulesetChangeWords, WordedChange, WordedPart, WordedPartChange } from './ruleset.words';
export { simulate } from './ruleset.simulator';
export type { SimulationInput, SimulationItem, SimulationResult, SimulationTotals } from './ruleset.simulator';
export { scorePredicate, checkDistribution, recommendSanctions, distributionFacts } from './policy.helpers';
export { defaultRulesets } from './defaults.loader';
export { formatRupiah, formatBasisPoints } from './ruleset.explainer';
export { canonicalJson, jsonEqual } from './ruleset.canonical';

/**
 * Evaluates a rule set on facts: fired events (priority order) and the explanation (rule set, facts, per-rule results
 * with every condition's fact value and result, plain words in Bahasa Indonesia and English). Throws InvalidRulesetError
 * for an invalid document, FactError (`.fact` names it) for a missing or invalid fact, and RuleEvaluationError (naming
 * the rule set, version and rule) when the rule set runs past the time limit or a rule throws.
 */
export function evaluateRuleset(doc: unknown, facts: unknown): EvaluationResult {
  return compileRuleset(doc).evaluate(facts);
}
