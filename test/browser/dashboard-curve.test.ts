/**
 * The HR dashboard draws a unit's actual shares against the limits of its curve (issue 13): a unit rated Butuh
 * Perbaikan with one Sangat Baik in four (25%, the curve allows at most 10%) reads the breach and the limits in words,
 * in Bahasa Indonesia and in English, beside a chart with the shares as bars and the limits as lines (legend in words).
 * Screenshots in test/.artifacts/screenshots/dashboard-curve/.
 */
import type { Predicate } from '../../prisma/client';
import { demoConsole, describeInBrowser, newSession, screenshots, signIn, switchLanguage } from './harness';

describeInBrowser('the distribution chart draws the curve over the unit (Chromium)', () => {
  const demo = demoConsole('browser_dashboard_curve');
  const shots = screenshots('dashboard-curve');
  let unitName = '';

  /** A running quarter whose unit, rated Butuh Perbaikan, has 1 Sangat Baik and 3 Butuh Perbaikan. */
  async function seedUnitOffCurve() {
    const prisma = demo.db.prisma;
    const groups = await prisma.employee.groupBy({ by: ['unitId'], where: { status: 'ACTIVE' }, _count: true });
    const unitId = groups.find((g) => g._count >= 4)!.unitId;
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
    unitName = unit.name;
    const staff = await prisma.employee.findMany({
      where: { unitId, status: 'ACTIVE' },
      orderBy: { id: 'asc' },
      take: 4,
    });
    const curve = await prisma.ruleSetVersion.findFirstOrThrow({
      where: { kind: 'DISTRIBUTION', status: 'PUBLISHED' },
    });
    const period = await prisma.period.findFirstOrThrow({
      where: { type: 'QUARTER', year: new Date().getUTCFullYear() },
      orderBy: { number: 'asc' },
    });
    const cycle = await prisma.cycle.create({
      data: {
        name: `Kalibrasi ${period.label}`,
        unitId,
        periodId: period.id,
        status: 'RUNNING',
        startedAt: new Date(),
        distributionVersionId: curve.id,
      },
    });
    const predicates: Predicate[] = ['SANGAT_BAIK', 'BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN'];
    for (const [i, e] of staff.entries())
      await prisma.appraisal.create({
        data: {
          cycleId: cycle.id,
          periodId: period.id,
          employeeId: e.id,
          unitId,
          raterId: e.superiorId,
          workflowId: `cycle-${cycle.id}-appraisal-${e.id}`,
          stage: 'CALIBRATION',
          predicate: predicates[i],
        },
      });
    await prisma.unitCycleRating.create({
      data: { cycleId: cycle.id, unitId, rating: 'BUTUH_PERBAIKAN', status: 'VIOLATES_CURVE', periodId: period.id },
    });
  }

  it('HR reads the breach and the limits per predicate in both languages', async () => {
    await seedUnitOffCurve();
    const { context, page, errors } = await newSession(demo.browser);
    try {
      await signIn(page, demo.url, 'admin');
      const chart = page.getByTestId('distribution-curve');
      await chart.waitFor();
      const line = async (p: string) => (await chart.getByTestId(`curve-${p}`).innerText()).replace(/\s+/g, ' ').trim();

      await chart.getByText('Sebaran unit terhadap kurva distribusi').waitFor();
      expect(await chart.getByRole('heading', { level: 3 }).innerText()).toContain(`${unitName} (Butuh Perbaikan)`);
      expect(await line('SANGAT_BAIK')).toBe('Sangat Baik: 25% (batas 0–10%) — di atas batas');
      expect(await line('BUTUH_PERBAIKAN')).toBe('Butuh Perbaikan: 75% (batas 60–100%) — dalam batas');
      expect(await line('BAIK')).toBe('Baik: 0% (tanpa batas)');
      // The legend names the bars and both limits; the chart's text alternative says the same sentences.
      for (const words of ['Bagian unit', 'Batas bawah kurva', 'Batas atas kurva'])
        await chart.locator('.recharts-legend-wrapper').getByText(words).waitFor();
      const described = chart.getByRole('img', { name: /^Grafik sebaran predikat/ });
      expect(await described.getAttribute('aria-label')).toContain(
        `Grafik sebaran predikat ${unitName} terhadap batas kurva. Sangat Baik: 25% (batas 0–10%) — di atas batas.`,
      );
      // The limits are drawn: a marker per bound the curve sets (Sangat Baik's upper, Butuh Perbaikan's lower).
      expect(await chart.locator('.recharts-scatter text').allTextContents()).toEqual(['≥ 60%', '≤ 10%']);
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      await shots.shot(page, 'curve-id');

      await switchLanguage(page, 'en');
      await chart.getByText("The unit's spread against the distribution curve").waitFor();
      expect(await line('SANGAT_BAIK')).toBe('Outstanding (Sangat Baik): 25% (limits 0–10%) — above the limit');
      expect(await line('BUTUH_PERBAIKAN')).toBe(
        'Needs improvement (Butuh Perbaikan): 75% (limits 60–100%) — within the limits',
      );
      for (const words of ["Unit's share", "Curve's lower limit", "Curve's upper limit"])
        await chart.locator('.recharts-legend-wrapper').getByText(words).waitFor();
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      await shots.shot(page, 'curve-en');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
