/**
 * A running period for the progress tests, written straight into the tables the API reads (the workflow that writes
 * them is proven in test/cycle): a cycle over this year's span (last year's in the first days of January, so that
 * three days of work have gone by), and for the demo employee and two colleagues of the same rater an appraisal in
 * stage PERIOD with an approved plan — a quantity indicator (12 laporan), a quality indicator (nilai 90) and one
 * whose target has no number.
 */
import type { PrismaClient } from '../../prisma/client';
import { localDay } from '../../prisma/realization-progress';
import { ensurePeriods } from '../../prisma/seed/seed-database';

const DAY = 24 * 60 * 60 * 1000;

export const ITEM = 'Laporan evaluasi program pendidikan tersusun';
export const QUANTITY = {
  description: 'Jumlah laporan evaluasi sekolah',
  target: '12 laporan',
  value: 12,
  unit: 'laporan',
};
export const QUALITY = { description: 'Nilai mutu laporan', target: 'nilai 90', value: 90, unit: 'nilai' };
export const TEXT = { description: 'Laporan diterima kepala dinas', target: 'diterima tanpa revisi' };

export interface ProgressFixture {
  cycleId: number;
  period: { id: number; startDate: Date; endDate: Date; label: string };
  /** Three different days of work inside the period, none after today (WIB): first, second, third. */
  days: [string, string, string];
  /** Whole percent of the period's days gone by today (WIB). */
  elapsedPercent: number;
  /** appraisal and indicator ids per employee id. */
  appraisals: Map<number, { appraisalId: number; quantityId: number; qualityId: number; textId: number }>;
  members: { id: number; name: string }[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Seeds the running period for `employeeId` and up to two colleagues with the same rater. */
export async function seedRunningPeriod(prisma: PrismaClient, employeeId: number): Promise<ProgressFixture> {
  const today = localDay(new Date(), 7);
  const thisYear = today.getUTCFullYear();
  const dayOfYear = Math.round((today.getTime() - Date.UTC(thisYear, 0, 1)) / DAY) + 1;
  const year = dayOfYear >= 3 ? thisYear : thisYear - 1;
  await ensurePeriods(prisma, year);
  const period = await prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year } });
  const end = today < period.endDate ? today : period.endDate;
  const days: [string, string, string] = [
    iso(period.startDate),
    iso(new Date(period.startDate.getTime() + DAY)),
    iso(end),
  ];
  const daysTotal = Math.round((period.endDate.getTime() - period.startDate.getTime()) / DAY) + 1;
  const daysElapsed = Math.min(daysTotal, Math.round((today.getTime() - period.startDate.getTime()) / DAY) + 1);
  const elapsedPercent = Math.floor((daysElapsed * 100) / daysTotal);

  const me = await prisma.employee.findUniqueOrThrow({ where: { id: employeeId } });
  const colleagues = await prisma.employee.findMany({
    where: { superiorId: me.superiorId, id: { not: me.id }, status: 'ACTIVE' },
    orderBy: { id: 'asc' },
    take: 2,
  });
  const people = [me, ...colleagues];
  const rater = await prisma.employee.findUniqueOrThrow({ where: { id: me.superiorId! } });
  const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
  const cycle = await prisma.cycle.create({
    data: {
      name: `Penilaian Kinerja ${year} (progres)`,
      unitId: root.id,
      periodId: period.id,
      status: 'RUNNING',
      startedAt: period.startDate,
      workflowId: `cycle-progress-${year}`,
    },
  });
  const appraisals: ProgressFixture['appraisals'] = new Map();
  for (const p of people) {
    const a = await prisma.appraisal.create({
      data: {
        cycleId: cycle.id,
        employeeId: p.id,
        periodId: period.id,
        unitId: p.unitId,
        raterId: rater.id,
        raterSuperiorId: rater.superiorId,
        workflowId: `appraisal-progress-${cycle.id}-${p.id}`,
        stage: 'PERIOD',
        plan: { create: { status: 'APPROVED', approvedAt: period.startDate } },
      },
      include: { plan: true },
    });
    const item = await prisma.planItem.create({
      data: {
        planId: a.plan!.id,
        kind: 'MAIN',
        title: ITEM,
        indicators: {
          create: [
            {
              aspect: 'QUANTITY',
              description: QUANTITY.description,
              target: QUANTITY.target,
              targetValue: QUANTITY.value,
              targetUnit: QUANTITY.unit,
            },
            {
              aspect: 'QUALITY',
              description: QUALITY.description,
              target: QUALITY.target,
              targetValue: QUALITY.value,
              targetUnit: QUALITY.unit,
            },
            { aspect: 'TIME', description: TEXT.description, target: TEXT.target },
          ],
        },
      },
      include: { indicators: { orderBy: { id: 'asc' } } },
    });
    const [quantity, quality, text] = item.indicators;
    appraisals.set(p.id, { appraisalId: a.id, quantityId: quantity.id, qualityId: quality.id, textId: text.id });
  }
  return {
    cycleId: cycle.id,
    period,
    days,
    elapsedPercent,
    appraisals,
    members: people.map((p) => ({ id: p.id, name: p.name })),
  };
}
