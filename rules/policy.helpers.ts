/** Convenience calls for the workflow activities: predicate, curve check, sanction recommendations. */
import { compileRuleset, type CompiledRuleset } from './ruleset.compiler';
import { NO_UNIT_RESULTS } from './ruleset.kinds';
import { PREDICATES, type BilingualText, type Explanation, type Predicate, type RuleSetKind } from './ruleset.types';

function ofKind(doc: unknown, kind: RuleSetKind): CompiledRuleset {
  const c = compileRuleset(doc);
  if (c.doc.kind !== kind) throw new Error(`butuh aturan ${kind}, bukan ${c.doc.kind} / needs a ${kind} rule set`);
  return c;
}

/**
 * The predicate from the two ratings with a SCORING rule set (`ABOVE` | `MEETS` | `BELOW` each) and, for a rule that
 * reads them, the unit's results (`unitResults`, as prisma/unit-results.ts gives them). The first predicate event in
 * priority order wins; throws when no rule gives a predicate or a rating is invalid (error `.fact` names it).
 */
export function scorePredicate(
  doc: unknown,
  ratings: { resultRating: string; behaviourRating: string },
  unitResults: Record<string, unknown> = NO_UNIT_RESULTS,
): { predicate: Predicate; explanation: Explanation } {
  const c = ofKind(doc, 'SCORING');
  const { events, explanation } = c.evaluate({ ...NO_UNIT_RESULTS, ...unitResults, ...ratings });
  const e = events.find((x) => x.type === 'predicate');
  if (!e)
    throw new Error(
      `Tidak ada aturan SCORING versi ${c.doc.version} yang memberi predikat untuk ${ratings.resultRating}/${ratings.behaviourRating} / no rule gives a predicate`,
    );
  return { predicate: e.params!.predicate as Predicate, explanation };
}

/** The facts a DISTRIBUTION rule set receives, computed from the predicate counts of a unit (see rules/README.md). */
export function distributionFacts(
  unitRating: string,
  counts: Partial<Record<Predicate, number>>,
  unitResults: Record<string, unknown> = NO_UNIT_RESULTS,
): Record<string, unknown> {
  const n: Record<Predicate, number> = Object.fromEntries(PREDICATES.map((p) => [p, counts[p] ?? 0])) as any;
  for (const p of PREDICATES)
    if (!Number.isInteger(n[p]) || n[p] < 0)
      throw Object.assign(new Error(`jumlah ${p} harus bilangan bulat ≥ 0 / count must be a non-negative integer`), {
        fact: `counts.${p}`,
      });
  const total = PREDICATES.reduce((s, p) => s + n[p], 0);
  // Shares in basis points, rounded down: exact for "at least" limits, at most 0.01 point lenient for "at most".
  const share = (k: number) => (total ? Math.floor((k * 10_000) / total) : 0);
  const max = Math.max(...PREDICATES.map((p) => n[p]));
  return {
    unitRating,
    total,
    shareSangatBaik: share(n.SANGAT_BAIK),
    shareBaik: share(n.BAIK),
    shareButuhPerbaikan: share(n.BUTUH_PERBAIKAN),
    shareKurang: share(n.KURANG),
    shareSangatKurang: share(n.SANGAT_KURANG),
    shareButuhPerbaikanAndKurang: share(n.BUTUH_PERBAIKAN + n.KURANG),
    largestPredicates: total ? PREDICATES.filter((p) => n[p] === max) : [],
    ...NO_UNIT_RESULTS,
    ...unitResults,
  };
}

/**
 * Checks a unit's predicate counts against the distribution curve for its rating. A violation does not change anyone's
 * predicate: it blocks closing the unit until a calibrator adjusts ratings or records a justification.
 */
export function checkDistribution(
  doc: unknown,
  input: { unitRating: string; counts: Partial<Record<Predicate, number>> },
): { violations: { code: string; message: BilingualText }[]; explanation: Explanation } {
  const c = ofKind(doc, 'DISTRIBUTION');
  const { events, explanation } = c.evaluate(distributionFacts(input.unitRating, input.counts));
  explanation.facts = { ...explanation.facts, counts: { ...input.counts } };
  const violations = events
    .filter((e) => e.type === 'violation')
    .map((e) => ({ code: String(e.params!.code), message: e.params!.message as BilingualText }));
  return { violations, explanation };
}

/**
 * Sanction and follow-up recommendations (PP 94/2021 absence bands, PP 30/2019 follow-up) for a human decision:
 * `params` carries severity, cutPercent, months, titleEn and the legal basis as the rule set states them.
 */
export function recommendSanctions(
  doc: unknown,
  facts: Record<string, unknown>,
): { recommendations: { code: string; title: string; params: Record<string, unknown> }[]; explanation: Explanation } {
  const c = ofKind(doc, 'SANCTION');
  const { events, explanation } = c.evaluate(facts);
  const recommendations = events
    .filter((e) => e.type === 'recommendation')
    .map((e) => ({ code: String(e.params!.code), title: String(e.params!.title), params: e.params! }));
  return { recommendations, explanation };
}
