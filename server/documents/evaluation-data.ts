/**
 * What the evaluation document prints, read from the database for one caller: the appraisal with its plan,
 * realizations and evidence titles, feedback, review, predicate and explanation, appeal and pay; the government and
 * agency above the unit; the unit's rating and, where the caller may see unit counts, the unit's predicates in the period
 * with the curve's limits. Before the result is shared, the employee's document carries the plan, not the result.
 */
import type { Task } from '../../prisma/client';
import { mayShowUnitCounts, resultWithheld } from '../access/disclosure';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { periodPay } from '../pay/period-pay';
import { calibrationDistribution } from '../tasks/calibration-view';
import type { EvaluationDocumentData, PersonLine } from './evaluation-document';
import { tanggal } from './evaluation-words';

/** Words of the predicate explanation stored on the appraisal (see activities/scoring.activities.ts). */
export function explanationWords(stored: unknown, lang: 'id' | 'en' = 'id'): EvaluationDocumentData['explanation'] {
  const s = (stored ?? {}) as any;
  const ex = s.explanation ?? s;
  const rs = ex.ruleSet ?? s.ruleSet;
  return {
    text: ex.text?.[lang] ?? null,
    lines: Array.isArray(ex.lines) ? ex.lines.map((l: any) => l?.[lang]).filter(Boolean) : [],
    ruleSet: rs ? `Aturan ${rs.name ?? rs.kind} versi ${rs.version}${since(rs.effectiveFrom)}` : null,
  };
}

/** `, berlaku sejak 1 Januari 2026` for a rule set's start date, or nothing. */
function since(effectiveFrom: unknown): string {
  const at = effectiveFrom ? new Date(String(effectiveFrom)) : null;
  return at && !Number.isNaN(at.getTime()) ? `, berlaku sejak ${tanggal(at)}` : '';
}

const person = {
  select: { name: true, nip: true, position: true, grade: true, unit: { select: { name: true } } },
} as const;

function line(
  p: { name: string; nip: string; position: string; grade: string | null; unit: { name: string } } | null,
): PersonLine | null {
  return p ? { name: p.name, nip: p.nip, position: p.position, grade: p.grade, unit: p.unit.name } : null;
}

/** The government (the root of the unit tree) and the agency under it on the way to `unitId`, top first. */
async function agencyOf(deps: AppDeps, unitId: number): Promise<string[]> {
  const path: string[] = [];
  let id: number | null = unitId;
  for (let depth = 0; id !== null && depth < 20; depth++) {
    const u: { name: string; parentId: number | null } | null = await deps.prisma.unit.findUnique({
      where: { id },
      select: { name: true, parentId: true },
    });
    if (!u) break;
    path.unshift(u.name);
    id = u.parentId;
  }
  return path.slice(0, 2);
}

/** The document's data for `appraisalId` as `user` may read it (the caller has checked that they may see it). */
export async function evaluationData(
  deps: AppDeps,
  user: AuthUser,
  appraisalId: number,
  generatedAt = new Date(),
): Promise<EvaluationDocumentData> {
  const a = await deps.prisma.appraisal.findUniqueOrThrow({
    where: { id: appraisalId },
    include: {
      employee: person,
      rater: person,
      raterSuperior: person,
      cycle: { select: { name: true, settings: true, period: { select: { label: true, type: true } } } },
      period: true,
      plan: {
        include: {
          items: {
            orderBy: { position: 'asc' },
            include: {
              parentItem: { select: { title: true } },
              indicators: {
                orderBy: { id: 'asc' },
                include: {
                  realizations: { orderBy: { recordedAt: 'asc' } },
                  evidence: { select: { title: true }, orderBy: { createdAt: 'asc' } },
                },
              },
            },
          },
        },
      },
      feedback: { orderBy: { createdAt: 'asc' }, select: { createdAt: true, text: true } },
      review: true,
      appeal: true,
      payAdjustments: true,
    },
  });
  const withheld = resultWithheld(user, a);
  const settings = (a.cycle.settings ?? {}) as { utcOffsetHours?: number; defaultUnitRating?: string };
  const [agency, stored, unit] = await Promise.all([
    agencyOf(deps, a.unitId),
    deps.prisma.unitCycleRating.findUnique({ where: { cycleId_unitId: { cycleId: a.cycleId, unitId: a.unitId } } }),
    deps.prisma.unit.findUnique({ where: { id: a.unitId }, select: { name: true } }),
  ]);
  const unitName = unit?.name ?? a.employee.unit.name;
  const rating = stored?.rating ?? settings.defaultUnitRating ?? null;
  const r = withheld ? null : a.review;
  return {
    appraisalId: a.id,
    cycleName: a.cycle.name,
    evaluation: !a.final ? 'PERIODIC' : a.cycle.period.type === 'YEAR' ? 'ANNUAL' : 'SINGLE',
    yearLabel: a.cycle.period.label,
    periodLabel: a.period.label,
    periodStart: a.period.startDate,
    periodEnd: a.period.endDate,
    agency,
    employee: line(a.employee)!,
    rater: line(a.rater),
    raterSuperior: line(a.raterSuperior),
    planStatus: a.plan?.status ?? null,
    expectations: a.plan?.expectations ?? null,
    items: (a.plan?.items ?? []).map((i) => ({
      kind: i.kind,
      title: i.title,
      parentTitle: i.parentItem?.title ?? null,
      indicators: i.indicators.map((ind) => ({
        aspect: ind.aspect,
        description: ind.description,
        target: ind.target,
        realizations: ind.realizations.map((x) => x.value),
        evidence: ind.evidence.map((e) => e.title),
      })),
    })),
    feedback: a.feedback.map((f) => ({ at: f.createdAt, text: f.text })),
    unitRating: rating ? { rating, unitName, defaulted: !stored } : null,
    distribution: withheld
      ? { withheld: 'ditampilkan setelah hasil penilaian dibagikan' }
      : await distribution(deps, user, a.cycleId, a.unitId, a.periodId),
    review: r
      ? {
          resultRating: r.resultRating,
          behaviourRating: r.behaviourRating,
          behaviours: {
            berorientasiPelayanan: r.berorientasiPelayanan,
            akuntabel: r.akuntabel,
            kompeten: r.kompeten,
            harmonis: r.harmonis,
            loyal: r.loyal,
            adaptif: r.adaptif,
            kolaboratif: r.kolaboratif,
          },
          resultComment: r.resultComment,
          behaviourComment: r.behaviourComment,
          source: r.source,
        }
      : null,
    predicate: withheld ? null : a.predicate,
    explanation: explanationWords(withheld ? null : a.predicateExplanation),
    appeal:
      a.appeal && !withheld
        ? {
            status: a.appeal.status,
            reason: a.appeal.reason,
            decision: a.appeal.decision,
            decisionNote: a.appeal.decisionNote,
          }
        : null,
    pay: withheld ? null : periodPay(a.payAdjustments),
    signedAt: a.resultSharedAt ?? generatedAt,
    utcOffsetHours: settings.utcOffsetHours ?? 7,
    generatedAt,
  };
}

/**
 * The unit's predicates in the period (cancelled and failed appraisals left out, as the curve check does) with the
 * limits of the curve the cycle's DISTRIBUTION rules set for the unit's rating; counts of a unit smaller than the
 * disclosure threshold are not shown to an employee (they would name colleagues).
 */
async function distribution(
  deps: AppDeps,
  user: AuthUser,
  cycleId: number,
  unitId: number,
  periodId: number,
): Promise<EvaluationDocumentData['distribution']> {
  const groups = await deps.prisma.appraisal.groupBy({
    by: ['predicate'],
    where: { cycleId, unitId, periodId, stage: { notIn: ['CANCELLED', 'FAILED'] } },
    _count: { _all: true },
  });
  const size = groups.reduce((s, g) => s + g._count._all, 0);
  const threshold = deps.config.MIN_UNIT_COUNT_SHOWN;
  if (!mayShowUnitCounts(user, size, threshold, unitId))
    return { withheld: `unit dengan kurang dari ${threshold} pegawai tidak ditampilkan` };
  const counts: Record<string, number> = {};
  for (const g of groups) if (g.predicate) counts[g.predicate] = g._count._all;
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  if (!total) return { withheld: 'belum ada predikat di unit ini pada periode ini' };
  // The calibration view reads the curve of a unit's calibration task; the document asks it for the same unit and period.
  const curve = await calibrationDistribution(deps, {
    type: 'calibration.unit',
    cycleId,
    context: { unitId, periodId },
  } as unknown as Task);
  return {
    counts,
    total,
    limits: (curve?.limits ?? []).map((x) => ({ text: x.message.id, holds: x.holds })),
  };
}
