/**
 * Data for the appraisal-year browser scenario, written straight into the tables the API reads (the workflows that
 * write them are proven in test/cycle/year.test.ts): a quarterly year closed last year — four evaluations per employee,
 * a plan revision in the second quarter, an appeal that changed the third quarter's predicate, the annual predicate and
 * twelve months of TPP — and a quarterly year running this year, its first quarter evaluated and the second running.
 */
import type { Predicate, PrismaClient } from '../../prisma/client';
import { ensurePeriods } from '../../prisma/seed/seed-database';

/** Predicates per quarter of the closed year: the employee (first) and up to four colleagues. */
const CLOSED_PREDICATES: Predicate[][] = [
  ['BAIK', 'BAIK', 'BAIK', 'SANGAT_BAIK'],
  ['BAIK', 'SANGAT_BAIK', 'BAIK', 'BAIK'],
  ['BUTUH_PERBAIKAN', 'BAIK', 'BAIK', 'BAIK'],
  ['SANGAT_BAIK', 'BAIK', 'SANGAT_BAIK', 'BAIK'],
  ['BAIK', 'BUTUH_PERBAIKAN', 'BAIK', 'KURANG'],
];
/** The employee's third quarter: Butuh Perbaikan, changed to Baik on appeal. */
const APPEALED: Predicate = 'BUTUH_PERBAIKAN';
/** Monthly TPP ceiling and the cut of one month (an unexcused day, 2.5%). */
export const BASE = 6_500_000;
export const CUT_MONTH = 3;
export const CUT = 162_500;

const item = (target: string, value: string) => ({
  kind: 'MAIN',
  title: 'Laporan realisasi anggaran bidang tersusun tepat waktu',
  parentItemId: null,
  indicators: [
    {
      aspect: 'QUANTITY',
      description: 'Jumlah laporan realisasi anggaran',
      target,
      targetValue: value,
      targetUnit: 'laporan',
    },
  ],
});
const VERSIONS = [
  { revision: 0, items: [item('4 laporan', '4')], expectations: 'Laporan tepat waktu dan akurat' },
  { revision: 1, items: [item('6 laporan', '6')], expectations: 'Laporan tepat waktu, ditambah laporan semester' },
];

export async function seedYears(prisma: PrismaClient, employeeId: number) {
  const year = new Date().getUTCFullYear();
  await ensurePeriods(prisma, year - 1);
  await ensurePeriods(prisma, year);
  const me = await prisma.employee.findUniqueOrThrow({ where: { id: employeeId } });
  const colleagues = await prisma.employee.findMany({
    where: { superiorId: me.superiorId, id: { not: me.id }, status: 'ACTIVE' },
    orderBy: { id: 'asc' },
    take: 4,
  });
  const people = [me, ...colleagues];
  const raters = await prisma.employee.findMany({ where: { id: { in: people.map((p) => p.superiorId!) } } });
  const superiorOf = new Map(raters.map((r) => [r.id, r.superiorId]));
  const [scoring, pay] = await Promise.all(
    (['SCORING', 'PAY'] as const).map((kind) =>
      prisma.ruleSetVersion.findFirstOrThrow({ where: { kind, status: 'PUBLISHED' } }),
    ),
  );
  const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });

  async function cycleOf(y: number, status: 'CLOSED' | 'RUNNING') {
    const span = await prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year: y } });
    const quarters = await prisma.period.findMany({ where: { type: 'QUARTER', year: y }, orderBy: { number: 'asc' } });
    const cycle = await prisma.cycle.create({
      data: {
        name: `Penilaian Kinerja ${y}`,
        unitId: root.id,
        periodId: span.id,
        evaluationFrequency: 'QUARTER',
        status,
        scoringVersionId: scoring.id,
        payVersionId: pay.id,
        startedAt: span.startDate,
        closedAt: status === 'CLOSED' ? span.endDate : null,
        workflowId: `cycle-year-ui-${y}`,
      },
    });
    return { cycle, quarters };
  }

  /** One evaluation row with its plan (and the plan's approved versions up to `revision`). */
  async function evaluation(
    cycleId: number,
    p: (typeof people)[number],
    period: { id: number; startDate: Date; endDate: Date },
    sequence: number,
    stage: 'DONE' | 'PERIOD',
    predicate: Predicate | null,
    revision: number,
  ) {
    const a = await prisma.appraisal.create({
      data: {
        cycleId,
        employeeId: p.id,
        periodId: period.id,
        sequence,
        final: sequence === 4,
        unitId: p.unitId,
        raterId: p.superiorId,
        raterSuperiorId: superiorOf.get(p.superiorId!) ?? null,
        workflowId: `appraisal-year-ui-${cycleId}-${p.id}`,
        stage,
        predicate,
        predicateExplanation: predicate
          ? { ruleSet: { kind: 'SCORING', versionId: scoring.id, version: scoring.version, name: scoring.name } }
          : undefined,
        scoringVersionId: predicate ? scoring.id : null,
        resultSharedAt: predicate ? period.endDate : null,
        finishedAt: stage === 'DONE' ? period.endDate : null,
        plan: {
          create: {
            status: 'APPROVED',
            revision,
            approvedAt: period.startDate,
            expectations: VERSIONS[revision].expectations,
          },
        },
      },
      include: { plan: true },
    });
    for (const v of VERSIONS.slice(0, revision + 1))
      await prisma.planVersion.create({
        data: {
          planId: a.plan!.id,
          revision: v.revision,
          items: v.items,
          expectations: v.expectations,
          approvedById: p.superiorId,
          approvedAt: new Date(Date.UTC(period.startDate.getUTCFullYear(), v.revision === 0 ? 0 : 4, 15)),
        },
      });
    return a;
  }

  // The closed year: four quarters each, the annual predicate from the fourth, TPP for twelve months.
  const closed = await cycleOf(year - 1, 'CLOSED');
  for (const [i, p] of people.entries()) {
    const predicates = CLOSED_PREDICATES[i % CLOSED_PREDICATES.length];
    for (const [k, q] of closed.quarters.entries()) {
      const a = await evaluation(closed.cycle.id, p, q, k + 1, 'DONE', predicates[k], k === 0 ? 0 : 1);
      if (i === 0 && k === 2)
        await prisma.appeal.create({
          data: {
            appraisalId: a.id,
            reason: 'Laporan triwulan selesai lebih cepat dan melampaui target; mohon ditinjau kembali.',
            status: 'DECIDED',
            decision: 'CHANGED',
            previousPredicate: APPEALED,
            decidedById: superiorOf.get(p.superiorId!) ?? null,
            decidedAt: q.endDate,
          },
        });
      if (k === 3)
        await prisma.annualResult.create({
          data: {
            cycleId: closed.cycle.id,
            employeeId: p.id,
            appraisalId: a.id,
            predicate: predicates[3],
            explanation: {
              text: {
                id: `Predikat tahunan adalah predikat evaluasi periode akhir (Triwulan IV-Akhir ${year - 1}).`,
                en: `The annual predicate is the final period's (Triwulan IV-Akhir ${year - 1}).`,
              },
            },
          },
        });
      for (let m = k * 3; m < k * 3 + 3; m++) {
        const cut = m + 1 === CUT_MONTH ? CUT : 0;
        await prisma.payAdjustment.create({
          data: {
            appraisalId: a.id,
            employeeId: p.id,
            cycleId: closed.cycle.id,
            periodId: q.id,
            month: new Date(Date.UTC(year - 1, m, 1)),
            predicate: predicates[k],
            baseAmount: BASE,
            cutAmount: cut,
            amount: BASE - cut,
            explanation: {},
            payVersionId: pay.id,
          },
        });
      }
    }
  }

  // This year: the first quarter evaluated (Baik), the second running with the plan in force.
  const running = await cycleOf(year, 'RUNNING');
  const current = new Map<number, number>();
  for (const p of people) {
    await evaluation(running.cycle.id, p, running.quarters[0], 1, 'DONE', 'BAIK', 0);
    const a = await evaluation(running.cycle.id, p, running.quarters[1], 2, 'PERIOD', null, 0);
    current.set(p.id, a.id);
  }
  return { year, people, closed, running, current };
}
