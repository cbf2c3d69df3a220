/** `GET /api/dashboard?cycleId=`: figures for the HR dashboard — stage funnel, predicates per unit against the curve, allowance totals. */
import { Router } from 'express';
import { authorize } from '../access/access.guard';
import type { AppDeps } from '../deps';
import { describeRoutes } from '../openapi/registry';

const STAGES = ['PLANNING', 'EVIDENCE', 'REVIEW', 'SCORING', 'CALIBRATION', 'APPEAL', 'PAY', 'DONE'] as const;

describeRoutes({
  method: 'get',
  path: '/api/dashboard',
  summary: 'Angka dasbor SDM (corong tahap, predikat per unit vs kurva, total TPP)',
  tag: 'dashboard',
  access: ['HR_ADMIN', 'AUDITOR'],
});

/** Routes of /api/dashboard. */
export function dashboardRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.prisma;
  router.use(authorize(deps, 'dashboard', 'read'));
  router.get('/', async (req, res) => {
    const cycleId = req.query.cycleId
      ? Number(req.query.cycleId)
      : (
          await db.cycle.findFirst({
            where: { status: { not: 'DRAFT' } },
            orderBy: { id: 'desc' },
            select: { id: true },
          })
        )?.id;
    const [employees, openTasks, cycles] = await Promise.all([
      db.employee.count({ where: { status: 'ACTIVE' } }),
      db.task.count({ where: { status: 'OPEN' } }),
      db.cycle.findMany({
        orderBy: { id: 'desc' },
        take: 10,
        select: { id: true, name: true, status: true, period: { select: { label: true } } },
      }),
    ]);
    if (!cycleId) return void res.json({ employees, openTasks, cycles, cycle: null });
    const [cycle, byStage, byUnit, ratings, pay] = await Promise.all([
      db.cycle.findUnique({
        where: { id: cycleId },
        select: { id: true, name: true, status: true, period: { select: { label: true } } },
      }),
      db.appraisal.groupBy({ by: ['stage'], where: { cycleId }, _count: { _all: true } }),
      db.appraisal.groupBy({
        by: ['unitId', 'predicate'],
        where: { cycleId, predicate: { not: null } },
        _count: { _all: true },
      }),
      db.unitCycleRating.findMany({
        where: { cycleId },
        select: { unitId: true, rating: true, status: true, violations: true },
      }),
      db.payAdjustment.aggregate({
        where: { cycleId },
        _sum: { amount: true, baseAmount: true, cutAmount: true },
        _count: { _all: true },
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
    const perUnit = units.map((u) => {
      const counts = Object.fromEntries(
        byUnit.filter((b) => b.unitId === u.id).map((b) => [b.predicate!, b._count._all]),
      );
      const r = ratingOf.get(u.id);
      return {
        unitId: u.id,
        code: u.code,
        name: u.name,
        counts,
        unitRating: r?.rating ?? null,
        calibration: r?.status ?? null,
        violations: r?.violations ?? [],
      };
    });
    res.json({
      employees,
      openTasks,
      cycles,
      cycle,
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
