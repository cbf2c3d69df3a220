/**
 * The allowance (TPP) from a PAY rule set, in integer rupiah. Money rule: percentages are integer basis points
 * (10000 = 100%); every paid amount is `Math.floor(amount × basisPoints / 10000)`, exact in doubles because
 * amount ≤ 1e11 and basis points ≤ 1e4 keep every product below 2^53; the result is never below zero.
 */
import { compileRuleset, type CompiledRuleset, type FactValues } from './ruleset.compiler';
import { formatBasisPoints, formatRupiah } from './ruleset.explainer';
import { BASIS } from './ruleset.kinds';
import type { BilingualText, Explanation, RuleEvent } from './ruleset.types';

/** Which part of the allowance a cut applies to. */
export type AllowancePart = 'PERFORMANCE' | 'DISCIPLINE' | 'TOTAL';

/** One cut of the allowance; the amounts of all cuts add up to `base − amount`. */
export interface AllowanceCut {
  code: string;
  type: string;
  part: AllowancePart;
  /** The cut in basis points of its part, after capping at 100%. */
  basisPoints: number;
  amount: number;
  rule: string;
  label: BilingualText;
}

/** The computed allowance. */
export interface AllowanceResult {
  amount: number;
  base: number;
  parts: { performance: number; discipline: number; performancePaid: number; disciplinePaid: number };
  cuts: AllowanceCut[];
  events: RuleEvent[];
  explanation: Explanation;
}

/** The allowance without the explanation (the fast path used by simulation and the benchmark). */
export type AllowanceFigures = Omit<AllowanceResult, 'explanation'>;

const PART_OF: Record<string, AllowancePart> = {
  disciplineCut: 'DISCIPLINE',
  sanctionCut: 'TOTAL',
  totalCut: 'TOTAL',
};

const ruleByEvent = new WeakMap<CompiledRuleset, Map<RuleEvent, string>>();
function ruleNames(c: CompiledRuleset): Map<RuleEvent, string> {
  let m = ruleByEvent.get(c);
  if (!m) {
    m = new Map(c.rules.map((r) => [r.event, r.name]));
    ruleByEvent.set(c, m);
  }
  return m;
}

const floorPart = (amount: number, bp: number) => Math.floor((amount * bp) / BASIS);

/** Applies cuts of one part: each gets floor(part × bp); the last absorbs rounding so the sum is exactly the part's cut. */
function applyCuts(
  part: number,
  list: { bp: number; cut: Omit<AllowanceCut, 'amount' | 'basisPoints'> }[],
  out: AllowanceCut[],
) {
  let remaining = BASIS;
  const capped = list.map((x) => {
    const bp = Math.min(x.bp, remaining);
    remaining -= bp;
    return { ...x, bp };
  });
  const totalBp = BASIS - remaining;
  const paid = floorPart(part, BASIS - totalBp);
  const cutTotal = part - paid;
  let given = 0;
  capped.forEach((x, k) => {
    const amount = k === capped.length - 1 ? cutTotal - given : Math.min(floorPart(part, x.bp), cutTotal - given);
    given += amount;
    out.push({ ...x.cut, basisPoints: x.bp, amount });
  });
  return paid;
}

/** Computes the allowance figures from checked fact values and the fired events. */
export function allowanceFigures(c: CompiledRuleset, values: FactValues, events: RuleEvent[]): AllowanceFigures {
  const names = ruleNames(c);
  const base = values[c.factIndex.get('baseAmount')!] as number;
  const shareBp = c.doc.parameters!.performanceShareBasisPoints;
  const performance = floorPart(base, shareBp);
  const discipline = base - performance;
  let factor = BASIS;
  let factorEvent: RuleEvent | undefined;
  const disciplineCuts: Parameters<typeof applyCuts>[1] = [];
  const totalCuts: Parameters<typeof applyCuts>[1] = [];
  for (const e of events) {
    const p = e.params as Record<string, any>;
    if (e.type === 'performanceFactor') {
      // More than one factor: the lowest applies.
      if (!factorEvent || p.factorBasisPoints < factor) {
        factor = p.factorBasisPoints;
        factorEvent = e;
      }
      continue;
    }
    const part = PART_OF[e.type];
    if (!part) continue;
    const units = p.unitsFact !== undefined ? Math.max(0, values[c.factIndex.get(p.unitsFact)!] as number) : 1;
    const bp = p.basisPoints !== undefined ? p.basisPoints : Math.min(BASIS, p.perUnitBasisPoints * units);
    const entry = {
      bp,
      cut: {
        code: p.code,
        type: e.type,
        part,
        rule: names.get(e) ?? '',
        label: p.label ?? { id: p.code, en: p.code },
      },
    };
    (part === 'DISCIPLINE' ? disciplineCuts : totalCuts).push(entry);
  }
  const cuts: AllowanceCut[] = [];
  const performancePaid = floorPart(performance, factor);
  if (factor < BASIS)
    cuts.push({
      code: 'PERFORMANCE_FACTOR',
      type: 'performanceFactor',
      part: 'PERFORMANCE',
      basisPoints: BASIS - factor,
      amount: performance - performancePaid,
      rule: factorEvent ? (names.get(factorEvent) ?? '') : '',
      label: {
        id: `faktor kinerja ${formatBasisPoints(factor, 'id')}`,
        en: `performance factor ${formatBasisPoints(factor, 'en')}`,
      },
    });
  const disciplinePaid = applyCuts(discipline, disciplineCuts, cuts);
  const amount = applyCuts(performancePaid + disciplinePaid, totalCuts, cuts);
  return {
    amount,
    base,
    parts: { performance, discipline, performancePaid, disciplinePaid },
    cuts,
    events,
  };
}

function explainAllowance(c: CompiledRuleset, f: AllowanceFigures, values: FactValues): BilingualText[] {
  const share = c.doc.parameters!.performanceShareBasisPoints;
  const r = (n: number) => [formatRupiah(n, 'id'), formatRupiah(n, 'en')];
  const pct = (bp: number) => [formatBasisPoints(bp, 'id'), formatBasisPoints(bp, 'en')];
  const lines: BilingualText[] = [
    {
      id: `TPP dasar ${r(f.base)[0]}: bagian kinerja ${pct(share)[0]} = ${r(f.parts.performance)[0]}, bagian disiplin ${pct(BASIS - share)[0]} = ${r(f.parts.discipline)[0]}`,
      en: `Base allowance ${r(f.base)[1]}: performance part ${pct(share)[1]} = ${r(f.parts.performance)[1]}, discipline part ${pct(BASIS - share)[1]} = ${r(f.parts.discipline)[1]}`,
    },
  ];
  const partWords: Record<AllowancePart, [string, string]> = {
    PERFORMANCE: ['bagian kinerja', 'the performance part'],
    DISCIPLINE: ['bagian disiplin', 'the discipline part'],
    TOTAL: ['TPP setelah bagian-bagian', 'the allowance after its parts'],
  };
  for (const cut of f.cuts) {
    const rule = cut.rule ? [` (aturan "${cut.rule}")`, ` (rule "${cut.rule}")`] : ['', ''];
    if (cut.type === 'performanceFactor') {
      const factor = BASIS - cut.basisPoints;
      lines.push({
        id: `Bagian kinerja × ${pct(factor)[0]} (predikat ${values[c.factIndex.get('predicate') ?? -1] ?? '-'})${rule[0]}: −${r(cut.amount)[0]}`,
        en: `Performance part × ${pct(factor)[1]} (predicate ${values[c.factIndex.get('predicate') ?? -1] ?? '-'})${rule[1]}: −${r(cut.amount)[1]}`,
      });
    } else {
      lines.push({
        id: `Potongan ${cut.label.id} ${pct(cut.basisPoints)[0]} dari ${partWords[cut.part][0]}${rule[0]}: −${r(cut.amount)[0]}`,
        en: `Cut for ${cut.label.en} ${pct(cut.basisPoints)[1]} of ${partWords[cut.part][1]}${rule[1]}: −${r(cut.amount)[1]}`,
      });
    }
  }
  lines.push({
    id: `TPP dibayar ${r(f.amount)[0]} (dibulatkan ke bawah per rupiah pada setiap bagian)`,
    en: `Allowance paid ${r(f.amount)[1]} (rounded down to the rupiah in each part)`,
  });
  return lines;
}

/** Computes the allowance (TPP) of a PAY rule set: integer rupiah, never below zero, with cuts and an explanation. */
export function computeAllowance(doc: unknown, facts: unknown): AllowanceResult {
  const c = compileRuleset(doc);
  if (c.doc.kind !== 'PAY')
    throw new Error(`computeAllowance butuh aturan PAY, bukan ${c.doc.kind} / needs a PAY rule set`);
  const t = c.trace(facts);
  const figures = allowanceFigures(c, t.values, t.events);
  const { events, explanation } = c.evaluateFromTrace(t);
  const lines = explainAllowance(c, figures, t.values);
  const where = { id: `PAY versi ${c.doc.version}`, en: `PAY version ${c.doc.version}` };
  explanation.lines = lines;
  explanation.text = {
    id: `TPP ${formatRupiah(figures.amount, 'id')} dari TPP dasar ${formatRupiah(figures.base, 'id')} (${where.id}, "${c.doc.name}"): ${
      lines
        .slice(1, -1)
        .map((l) => l.id)
        .join('; ') || 'tanpa potongan'
    }`,
    en: `Allowance ${formatRupiah(figures.amount, 'en')} of base ${formatRupiah(figures.base, 'en')} (${where.en}, "${c.doc.name}"): ${
      lines
        .slice(1, -1)
        .map((l) => l.en)
        .join('; ') || 'no cuts'
    }`,
  };
  return { ...figures, cuts: figures.cuts, events, explanation };
}

/** The allowance amount and cuts without building an explanation (fast path). */
export function computeAllowanceFigures(doc: unknown, facts: unknown): AllowanceFigures {
  const c = compileRuleset(doc);
  if (c.doc.kind !== 'PAY')
    throw new Error(`computeAllowance butuh aturan PAY, bukan ${c.doc.kind} / needs a PAY rule set`);
  const values = c.readFacts(facts);
  return allowanceFigures(c, values, c.eventsOf(values));
}
