/**
 * Progress against the year's targets (real PostgreSQL): the plan's targets are annual, so the progress of a later
 * evaluation of the year counts the year so far — its own entries and those of the year's earlier evaluations of the
 * same employee, matched by work result, description and aspect — against the share of the year gone by. An earlier
 * evaluation does not count a later one's entries, another employee's entries never count, and an indicator that a
 * revision changed starts afresh.
 */
import type { Prisma } from '../../prisma/client';
import { elapsedOf, progressOf } from '../../prisma/realization-progress';
import { ensurePeriods, seedDemo } from '../../prisma/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { ITEM, QUALITY, QUANTITY } from '../helpers/progress-fixtures';

describe('progress over the year of quarterly evaluations (real PostgreSQL)', () => {
  let db: TestDatabase;
  const YEAR = 2025;
  /** appraisal ids per employee: [Q1, Q2]. */
  const rows = new Map<number, [number, number]>();
  let employees: number[];

  /** An evaluation row of the year with an approved plan of one work result and its indicators. */
  async function evaluation(
    cycleId: number,
    employeeId: number,
    quarter: { id: number },
    sequence: number,
    stage: 'DONE' | 'PERIOD',
    indicators: Prisma.IndicatorCreateWithoutPlanItemInput[],
  ) {
    const me = await db.prisma.employee.findUniqueOrThrow({ where: { id: employeeId } });
    const a = await db.prisma.appraisal.create({
      data: {
        cycleId,
        employeeId,
        periodId: quarter.id,
        sequence,
        final: false,
        unitId: me.unitId,
        raterId: me.superiorId,
        workflowId: `appraisal-year-progress-${cycleId}-${employeeId}`,
        stage,
        plan: {
          create: {
            status: 'APPROVED',
            items: { create: [{ kind: 'MAIN', title: ITEM, position: 0, indicators: { create: indicators } }] },
          },
        },
      },
    });
    return a.id;
  }

  /** Entries written as the API writes them, keyed to the row's indicator by its description. */
  async function entries(appraisalId: number, list: { description: string; workDate: string; value: number }[]) {
    const indicators = await db.prisma.indicator.findMany({ where: { planItem: { plan: { appraisalId } } } });
    const user = await db.prisma.user.findFirstOrThrow({ where: { username: 'pegawai' } });
    for (const e of list) {
      const ind = indicators.find((i) => i.description === e.description)!;
      await db.prisma.realizationEntry.create({
        data: {
          appraisalId,
          indicatorId: ind.id,
          itemTitle: ITEM,
          indicatorDescription: ind.description,
          aspect: ind.aspect,
          workDate: new Date(`${e.workDate}T00:00:00Z`),
          value: e.value,
          recordedByUserId: user.id,
        },
      });
    }
  }

  const quantity = (description = QUANTITY.description) => ({
    aspect: 'QUANTITY' as const,
    description,
    target: QUANTITY.target,
    targetValue: QUANTITY.value,
    targetUnit: QUANTITY.unit,
  });
  const quality = {
    aspect: 'QUALITY' as const,
    description: QUALITY.description,
    target: QUALITY.target,
    targetValue: QUALITY.value,
    targetUnit: QUALITY.unit,
  };

  beforeAll(async () => {
    db = await createTestDatabase('progress-year');
    await seedDemo(db.prisma);
    await ensurePeriods(db.prisma, YEAR);
    const year = await db.prisma.period.findFirstOrThrow({ where: { type: 'YEAR', year: YEAR } });
    const [q1, q2] = await db.prisma.period.findMany({
      where: { type: 'QUARTER', year: YEAR },
      orderBy: { startDate: 'asc' },
    });
    const root = await db.prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
    const cycle = await db.prisma.cycle.create({
      data: {
        name: `Penilaian Kinerja ${YEAR} (triwulanan)`,
        unitId: root.id,
        periodId: year.id,
        evaluationFrequency: 'QUARTER',
        status: 'RUNNING',
        workflowId: `cycle-year-progress-${YEAR}`,
      },
    });
    const pegawai = await db.prisma.user.findFirstOrThrow({ where: { username: 'pegawai' } });
    const colleague = await db.prisma.employee.findFirstOrThrow({
      where: { id: { not: pegawai.employeeId! }, superiorId: { not: null } },
    });
    employees = [pegawai.employeeId!, colleague.id];
    for (const employeeId of employees) {
      const first = await evaluation(cycle.id, employeeId, q1, 1, 'DONE', [quantity(), quality]);
      // The second quarter's plan was revised: the quantity indicator kept, a new one beside it.
      const second = await evaluation(cycle.id, employeeId, q2, 2, 'PERIOD', [
        quantity(),
        quality,
        quantity('Jumlah sekolah yang didampingi'),
      ]);
      rows.set(employeeId, [first, second]);
    }
    const [mineQ1, mineQ2] = rows.get(employees[0])!;
    await entries(mineQ1, [
      { description: QUANTITY.description, workDate: `${YEAR}-02-10`, value: 3 },
      { description: QUALITY.description, workDate: `${YEAR}-03-20`, value: 70 },
    ]);
    await entries(mineQ2, [
      { description: QUANTITY.description, workDate: `${YEAR}-04-15`, value: 2 },
      { description: QUALITY.description, workDate: `${YEAR}-05-02`, value: 85 },
    ]);
    // The colleague's own entries of the first quarter count for the colleague only.
    await entries(rows.get(employees[1])![0], [
      { description: QUANTITY.description, workDate: `${YEAR}-01-20`, value: 9 },
    ]);
  });
  afterAll(() => db.drop());

  it("a later quarter counts the year so far against the year's target and the year's elapsed share", async () => {
    const [, mineQ2] = rows.get(employees[0])!;
    const [p] = await progressOf(db.prisma, [mineQ2], new Date(`${YEAR}-05-15T05:00:00Z`));
    expect(p.span).toEqual({
      label: expect.stringContaining(String(YEAR)),
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
    });
    // 15 May: day 135 of 365 of the year, not day 45 of the quarter's 91.
    expect(p.elapsed).toEqual({ daysElapsed: 135, daysTotal: 365, percent: 36 });
    const byDescription = new Map(p.indicators.map((i) => [i.description, i]));
    // 3 in February and 2 in April: 5 of 12 laporan, 41 % — ahead of the 36 % of the year gone by.
    expect(byDescription.get(QUANTITY.description)).toMatchObject({
      realized: 5,
      entries: 2,
      earlierEntries: 1,
      percent: 41,
      behind: false,
    });
    // Quality is the latest reading of the year: May's 85, not March's 70.
    expect(byDescription.get(QUALITY.description)).toMatchObject({ realized: 85, entries: 2, earlierEntries: 1 });
    // The indicator added by the revision has no earlier entries: nothing reached yet, behind.
    expect(byDescription.get('Jumlah sekolah yang didampingi')).toMatchObject({
      realized: null,
      entries: 0,
      earlierEntries: 0,
      percent: 0,
      behind: true,
    });
    expect(p.elapsed).toEqual(
      elapsedOf(
        { startDate: new Date(`${YEAR}-01-01`), endDate: new Date(`${YEAR}-12-31`) },
        new Date(`${YEAR}-05-15T05:00:00Z`),
      ),
    );
  });

  it("the first quarter counts only its own entries, and nobody counts another employee's", async () => {
    const [mineQ1] = rows.get(employees[0])!;
    const [, colleagueQ2] = rows.get(employees[1])!;
    const [mine, theirs] = await progressOf(db.prisma, [mineQ1, colleagueQ2], new Date(`${YEAR}-05-15T05:00:00Z`));
    const quantityOf = (p: typeof mine) => p.indicators.find((i) => i.description === QUANTITY.description)!;
    expect(quantityOf(mine)).toMatchObject({ realized: 3, entries: 1, earlierEntries: 0 });
    expect(quantityOf(theirs)).toMatchObject({ realized: 9, entries: 1, earlierEntries: 1, percent: 75 });
  });
});
