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

/** What the calculator needs of one rule's event, worked out once per compiled rule set. */
interface EventMeta {
  rule: string;
  /** 0 = not an allowance event, 1 = performance factor, 2 = cut. */
  role: 0 | 1 | 2;
  factor: number;
  part: AllowancePart;
  code: string;
  type: string;
  label: BilingualText;
  /** Fixed basis points, or -1 when the cut is per unit of `unitsIndex`. */
  basisPoints: number;
  perUnitBasisPoints: number;
  unitsIndex: number;
}

interface PayMeta {
  baseIndex: number;
  shareBp: number;
  events: Map<RuleEvent, EventMeta>;
  factorLabels: Map<number, BilingualText>;
}

const payMetas = new WeakMap<CompiledRuleset, PayMeta>();
function payMeta(c: CompiledRuleset): PayMeta {
  let m = payMetas.get(c);
  if (m) return m;
  const events = new Map<RuleEvent, EventMeta>();
  for (const r of c.rules) {
    const p = (r.event.params ?? {}) as Record<string, any>;
    const part = PART_OF[r.event.type];
    events.set(r.event, {
      rule: r.name,
      role: r.event.type === 'performanceFactor' ? 1 : part ? 2 : 0,
      factor: p.factorBasisPoints,
      part: part ?? 'TOTAL',
      code: p.code,
      type: r.event.type,
      label: p.label ?? { id: p.code, en: p.code },
      basisPoints: p.basisPoints !== undefined ? p.basisPoints : -1,
      perUnitBasisPoints: p.perUnitBasisPoints ?? 0,
      unitsIndex: p.unitsFact !== undefined ? c.factIndex.get(p.unitsFact)! : -1,
    });
  }
  m = {
    baseIndex: c.factIndex.get('baseAmount')!,
    shareBp: c.doc.parameters!.performanceShareBasisPoints,
    events,
    factorLabels: new Map(),
  };
  payMetas.set(c, m);
  return m;
}

/** The label of a performance factor, built once per factor and shared (frozen). */
function factorLabel(m: PayMeta, factor: number): BilingualText {
  let label = m.factorLabels.get(factor);
  if (!label) {
    label = Object.freeze({
      id: `faktor kinerja ${formatBasisPoints(factor, 'id')}`,
      en: `performance factor ${formatBasisPoints(factor, 'en')}`,
    });
    m.factorLabels.set(factor, label);
  }
  return label;
}

const floorPart = (amount: number, bp: number) => Math.floor((amount * bp) / BASIS);

/**
 * Applies the cuts of one part in event order: each is capped so the part's cuts never pass 100%; each gets
 * floor(part × bp) and the last absorbs rounding so the cuts add up exactly to the part minus what is paid.
 */
function applyCuts(part: number, list: { meta: EventMeta; bp: number }[], out: AllowanceCut[]): number {
  if (list.length === 0) return part;
  let remaining = BASIS;
  for (const x of list) {
    const bp = x.bp < remaining ? x.bp : remaining;
    remaining -= bp;
    x.bp = bp;
  }
  const paid = floorPart(part, remaining);
  const cutTotal = part - paid;
  let given = 0;
  for (let k = 0; k < list.length; k++) {
    const { meta, bp } = list[k];
    const amount = k === list.length - 1 ? cutTotal - given : Math.min(floorPart(part, bp), cutTotal - given);
    given += amount;
    out.push({
      code: meta.code,
      type: meta.type,
      part: meta.part,
      basisPoints: bp,
      amount,
      rule: meta.rule,
      label: meta.label,
    });
  }
  return paid;
}

/** Computes the allowance figures from checked fact values and the fired events. */
export function allowanceFigures(c: CompiledRuleset, values: FactValues, events: RuleEvent[]): AllowanceFigures {
  const m = payMeta(c);
  const base = values[m.baseIndex] as number;
  const performance = floorPart(base, m.shareBp);
  const discipline = base - performance;
  let factor = BASIS;
  let factorMeta: EventMeta | undefined;
  let disciplineCuts: { meta: EventMeta; bp: number }[] | undefined;
  let totalCuts: { meta: EventMeta; bp: number }[] | undefined;
  for (const e of events) {
    let meta = m.events.get(e);
    if (!meta) {
      // An event not produced by this compiled rule set (e.g. from the reference engine): describe it on the fly.
      const p = (e.params ?? {}) as Record<string, any>;
      const part = PART_OF[e.type];
      meta = {
        rule:
          c.rules.find((r) => r.event.type === e.type && JSON.stringify(r.event.params) === JSON.stringify(e.params))
            ?.name ?? '',
        role: e.type === 'performanceFactor' ? 1 : part ? 2 : 0,
        factor: p.factorBasisPoints,
        part: part ?? 'TOTAL',
        code: p.code,
        type: e.type,
        label: p.label ?? { id: p.code, en: p.code },
        basisPoints: p.basisPoints !== undefined ? p.basisPoints : -1,
        perUnitBasisPoints: p.perUnitBasisPoints ?? 0,
        unitsIndex: p.unitsFact !== undefined ? c.factIndex.get(p.unitsFact)! : -1,
      };
    }
    if (meta.role === 1) {
      // More than one factor: the lowest applies.
      if (!factorMeta || meta.factor < factor) {
        factor = meta.factor;
        factorMeta = meta;
      }
    } else if (meta.role === 2) {
      let bp = meta.basisPoints;
      if (bp < 0) {
        const units = meta.unitsIndex >= 0 ? Math.max(0, values[meta.unitsIndex] as number) : 1;
        bp = Math.min(BASIS, meta.perUnitBasisPoints * units);
      }
      if (meta.part === 'DISCIPLINE') (disciplineCuts ??= []).push({ meta, bp });
      else (totalCuts ??= []).push({ meta, bp });
    }
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
      rule: factorMeta ? factorMeta.rule : '',
      label: factorLabel(m, factor),
    });
  const disciplinePaid = disciplineCuts ? applyCuts(discipline, disciplineCuts, cuts) : discipline;
  const amount = totalCuts
    ? applyCuts(performancePaid + disciplinePaid, totalCuts, cuts)
    : performancePaid + disciplinePaid;
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
