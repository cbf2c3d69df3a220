/**
 * `GET /api/dashboard?cycleId=&periodId=`: figures for the HR dashboard — stage funnel, predicates per unit against the
 * curve, allowance totals. A year cycle has one appraisal row per employee and evaluation period: the funnel counts
 * each employee once (their current row), the distribution is of one evaluation period (`periodId`, by default the
 * latest with predicates), each unit's with the limits its rating sets in the cycle's DISTRIBUTION rules (`curve`);
 * `periodId` narrows every figure to that period. Open tasks are the shown cycle's (and
 * period's); a unit's calibration status is that of the period shown, so a justified spread is no longer "off the
 * curve"; `waitingSanctionDecision` counts the appraisals whose sanction decision HR has still to take.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import { authorize } from '../access/access.guard';
import type { AppDeps } from '../deps';
import { MAX_ID } from '../http/params';
import { parseOrThrow } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { PREDICATES, type Predicate } from '../../rules';
import { curveLimits } from '../tasks/calibration-view';

const STAGES = ['PLANNING', 'PERIOD', 'EVIDENCE', 'REVIEW', 'SCORING', 'CALIBRATION', 'APPEAL', 'PAY', 'DONE'] as const;

/** A row id in the query string: digits only, within a database integer. */
const queryId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'harus bilangan bulat positif / must be a positive integer')
  .transform(Number)
  .refine((n) => n <= MAX_ID, `id di luar jangkauan (maksimal ${MAX_ID}) / id out of range`);
const querySchema = z.strictObject({ cycleId: queryId.optional(), periodId: queryId.optional() });

describeRoutes({
  method: 'get',
  path: '/api/dashboard',
  summary:
    'Angka dasbor SDM (corong tahap: tiap pegawai sekali; predikat per unit vs kurva per periode evaluasi; total TPP); ' +
    'filter cycleId, periodId',
  tag: 'dashboard',
  access: ['HR_ADMIN', 'AUDITOR'],
});

/** The DISTRIBUTION rules pinned to the cycle and its default unit rating, or null when none are pinned. */
async function curveRules(db: AppDeps['prisma'], cycleId: number) {
  const cycle = await db.cycle.findUnique({
    where: { id: cycleId },
    select: { distributionVersionId: true, settings: true },
  });
  if (!cycle?.distributionVersionId) return null;
  const version = await db.ruleSetVersion.findUnique({
    where: { id: cycle.distributionVersionId },
    select: { document: true },
  });
  if (!version) return null;
  const defaultRating = (cycle.settings as { defaultUnitRating?: string } | null)?.defaultUnitRating ?? 'BAIK';
  return { document: version.document, defaultRating };
}

/**
 * The curve a unit's shares are drawn against: the limits its rating sets (the cycle's default rating while the unit
 * has none, as the calibration does), each with whether the counts keep it.
 */
function curveOf(
  rules: NonNullable<Awaited<ReturnType<typeof curveRules>>>,
  unitRating: string | null,
  counts: Record<string, number>,
) {
  const rating = unitRating ?? rules.defaultRating;
  const full = Object.fromEntries(PREDICATES.map((p) => [p, counts[p] ?? 0])) as Record<Predicate, number>;
  return { rating, assumed: unitRating === null, limits: curveLimits(rules.document, rating, full) };
}

/** Routes of /api/dashboard. */
export function dashboardRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.prisma;
  router.use(authorize(deps, 'dashboard', 'read'));
  router.get('/', async (req, res) => {
    const query = parseOrThrow(querySchema, req.query);
    const cycleId =
      query.cycleId ??
      (
        await db.cycle.findFirst({
          where: { status: { not: 'DRAFT' } },
          orderBy: { id: 'desc' },
          select: { id: true },
        })
      )?.id;
    const [employees, allOpenTasks, cycles] = await Promise.all([
      db.employee.count({ where: { status: 'ACTIVE' } }),
      db.task.count({ where: { status: 'OPEN' } }),
      db.cycle.findMany({
        orderBy: { id: 'desc' },
        take: 10,
        select: { id: true, name: true, status: true, period: { select: { label: true } } },
      }),
    ]);
    if (!cycleId) return void res.json({ employees, openTasks: allOpenTasks, cycles, cycle: null });
    // The evaluation periods of the cycle (one for a cycle evaluated once), and the one the distribution is of.
    const periodGroups = await db.appraisal.groupBy({ by: ['periodId'], where: { cycleId }, _count: { _all: true } });
    const periods = await db.period.findMany({
      where: { id: { in: periodGroups.map((g) => g.periodId) } },
      orderBy: { startDate: 'asc' },
      select: { id: true, label: true },
    });
    const periodId =
      query.periodId ??
      (
        await db.appraisal.findFirst({
          where: { cycleId, predicate: { not: null } },
          orderBy: [{ period: { startDate: 'desc' } }, { id: 'desc' }],
          select: { periodId: true },
        })
      )?.periodId;
    // The caller's period narrows every figure; without one the funnel counts each employee's current row (not the
    // finished evaluations of earlier periods) and the allowance is the whole cycle's.
    const narrow: Prisma.AppraisalWhereInput = query.periodId
      ? { cycleId, periodId: query.periodId }
      : { cycleId, NOT: { stage: 'DONE', final: false } };
    // The cycle's own tasks: its appraisals' (of the period, when one is chosen) and its calibrations (of that period).
    const tasksOfCycle: Prisma.TaskWhereInput = {
      status: 'OPEN',
      OR: [
        { appraisal: query.periodId ? { cycleId, periodId: query.periodId } : { cycleId } },
        {
          cycleId,
          appraisalId: null,
          ...(query.periodId ? { key: { endsWith: `:period-${query.periodId}` } } : {}),
        },
      ],
    };
    const [cycle, byStage, byUnit, ratings, pay, openTasks, waitingSanctionDecision] = await Promise.all([
      db.cycle.findUnique({
        where: { id: cycleId },
        select: {
          id: true,
          name: true,
          status: true,
          evaluationFrequency: true,
          period: { select: { label: true } },
        },
      }),
      db.appraisal.groupBy({ by: ['stage'], where: narrow, _count: { _all: true } }),
      db.appraisal.groupBy({
        by: ['unitId', 'predicate'],
        // As calibration counts them: an appraisal cancelled (the employee left) or failed after scoring is no part of
        // the unit's distribution.
        where: {
          cycleId,
          periodId: periodId ?? -1,
          predicate: { not: null },
          stage: { notIn: ['CANCELLED', 'FAILED'] },
        },
        _count: { _all: true },
      }),
      db.unitCycleRating.findMany({
        where: { cycleId },
        select: { unitId: true, rating: true, status: true, violations: true, periodId: true, justification: true },
      }),
      db.payAdjustment.aggregate({
        where: { cycleId, ...(query.periodId ? { periodId: query.periodId } : {}) },
        _sum: { amount: true, baseAmount: true, cutAmount: true },
        _count: { _all: true },
      }),
      db.task.count({ where: tasksOfCycle }),
      db.task.count({
        where: {
          status: 'OPEN',
          type: 'sanction.decide',
          appraisal: query.periodId ? { cycleId, periodId: query.periodId } : { cycleId },
        },
      }),
    ]);
    const stageCount = new Map(byStage.map((s) => [s.stage, s._count._all]));
    // The funnel counts how many appraisals reached each stage (an appraisal in APPEAL has passed PLANNING…CALIBRATION).
    const funnel = STAGES.map((stage, i) => ({
      stage,
      count: STAGES.slice(i).reduce((n, s) => n + (stageCount.get(s) ?? 0), 0),
    }));
    const unitIds = [...new Set(byUnit.map((u) => u.unitId))];
    const units = await db.unit.findMany({
      where: { id: { in: unitIds } },
      select: { id: true, code: true, name: true },
    });
    const ratingOf = new Map(ratings.map((r) => [r.unitId, r]));
    const rules = await curveRules(db, cycleId);
    const perUnit = units.map((u) => {
      const counts = Object.fromEntries(
        byUnit.filter((b) => b.unitId === u.id).map((b) => [b.predicate!, b._count._all]),
      );
      const r = ratingOf.get(u.id);
      // The rating is the year's; the calibration status and violations are of the period they were found in.
      const ofPeriod = r && (r.periodId === null || r.periodId === periodId);
      return {
        unitId: u.id,
        code: u.code,
        name: u.name,
        counts,
        unitRating: r?.rating ?? null,
        calibration: ofPeriod ? r.status : null,
        violations: ofPeriod ? r.violations : [],
        justification: ofPeriod ? r.justification : null,
        curve: rules && curveOf(rules, r?.rating ?? null, counts),
      };
    });
    res.json({
      employees,
      openTasks,
      allOpenTasks,
      waitingSanctionDecision,
      cycles,
      cycle,
      periods,
      period: periods.find((p) => p.id === periodId) ?? null,
      funnel,
      failed: stageCount.get('FAILED') ?? 0,
      cancelled: stageCount.get('CANCELLED') ?? 0,
      perUnit,
      allowance: {
        count: pay._count._all,
        total: pay._sum.amount ?? 0,
        base: pay._sum.baseAmount ?? 0,
        cuts: pay._sum.cutAmount ?? 0,
      },
    });
  });
  return router;
}
