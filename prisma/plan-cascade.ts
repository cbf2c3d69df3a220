/**
 * The plan cascade (RHK atasan yang diintervensi): an employee's work result may contribute only to an item of an
 * approved plan (SKP) of their superior — the appraisal's rater — in the same year. One definition serves the API
 * that lists those items and the plan step's write that refuses any other link, so the console never offers an item
 * that the write refuses.
 */
import type { Db, Prisma } from './client';

/** Why an appraisal has no superior's items to link to (the API words it; the console translates the code). */
export type NoSuperiorItems = 'NO_RATER' | 'NO_SUPERIOR_PLAN' | 'SUPERIOR_PLAN_NOT_APPROVED';

/** Why a parent item is refused: not the rater's, the rater's plan of another year, a plan not approved. */
export type ParentRefusal =
  { kind: 'NOT_SUPERIOR' } | { kind: 'OTHER_YEAR'; year: number } | { kind: 'NOT_APPROVED'; status: string };

/** The rater of an appraisal and the year of its cycle's period. */
export async function cascadeScope(db: Db, appraisalId: number): Promise<{ raterId: number | null; year: number }> {
  const a = await db.appraisal.findUniqueOrThrow({
    where: { id: appraisalId },
    select: { raterId: true, cycle: { select: { period: { select: { year: true } } } } },
  });
  return { raterId: a.raterId, year: a.cycle.period.year };
}

const cycleWords = { select: { name: true, period: { select: { label: true } } } } as const;

/**
 * Items of the rater's approved plan in force in the year: the plan of their current evaluation row in each cycle of
 * the year (a year's earlier evaluation rows hold copies of the same plan, finished).
 */
export function superiorItemsWhere(raterId: number, year: number): Prisma.PlanItemWhereInput {
  return {
    plan: {
      status: 'APPROVED',
      appraisal: { employeeId: raterId, cycle: { period: { year } }, NOT: { stage: 'DONE', final: false } },
    },
  };
}

/** The superior's approved items an appraisal's plan may link to, or why there are none. */
export async function superiorItems(db: Db, appraisalId: number) {
  const { raterId, year } = await cascadeScope(db, appraisalId);
  const superior =
    raterId === null
      ? null
      : await db.employee.findUnique({
          where: { id: raterId },
          select: { id: true, name: true, nip: true, position: true },
        });
  const rows =
    raterId === null
      ? []
      : await db.planItem.findMany({
          where: superiorItemsWhere(raterId, year),
          orderBy: [{ planId: 'asc' }, { position: 'asc' }],
          select: {
            id: true,
            kind: true,
            title: true,
            indicators: { orderBy: { id: 'asc' }, select: { id: true, aspect: true, description: true, target: true } },
            plan: { select: { id: true, approvedAt: true, appraisal: { select: { id: true, cycle: cycleWords } } } },
          },
        });
  const items = rows.map(({ plan, ...item }) => ({
    ...item,
    planId: plan.id,
    appraisalId: plan.appraisal.id,
    cycleName: plan.appraisal.cycle.name,
    periodLabel: plan.appraisal.cycle.period.label,
  }));
  let reasonCode: NoSuperiorItems | null = null;
  if (raterId === null) reasonCode = 'NO_RATER';
  else if (!items.length) {
    const plans = await db.plan.count({
      where: { appraisal: { employeeId: raterId, cycle: { period: { year } } } },
    });
    reasonCode = plans ? 'SUPERIOR_PLAN_NOT_APPROVED' : 'NO_SUPERIOR_PLAN';
  }
  return { appraisalId, year, superior, items, reasonCode };
}

/**
 * The refusal of each parent item id that is not an item of the rater's approved plan in the year (ids absent from
 * the map are accepted). The rater is judged first, then the year, then the plan's approval.
 */
export async function parentItemRefusals(
  db: Db,
  scope: { raterId: number | null; year: number },
  ids: number[],
): Promise<Map<number, ParentRefusal>> {
  const refusals = new Map<number, ParentRefusal>();
  if (!ids.length) return refusals;
  const parents = await db.planItem.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      plan: {
        select: {
          status: true,
          appraisal: { select: { employeeId: true, cycle: { select: { period: { select: { year: true } } } } } },
        },
      },
    },
  });
  const byId = new Map(parents.map((p) => [p.id, p.plan]));
  for (const id of ids) {
    const plan = byId.get(id);
    if (!plan || scope.raterId === null || plan.appraisal.employeeId !== scope.raterId)
      refusals.set(id, { kind: 'NOT_SUPERIOR' });
    else if (plan.appraisal.cycle.period.year !== scope.year)
      refusals.set(id, { kind: 'OTHER_YEAR', year: plan.appraisal.cycle.period.year });
    else if (plan.status !== 'APPROVED') refusals.set(id, { kind: 'NOT_APPROVED', status: plan.status });
  }
  return refusals;
}
