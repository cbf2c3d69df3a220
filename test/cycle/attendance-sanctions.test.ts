import request from 'supertest';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { drive, login, singleEmployeeUnits } from './cycle-driver';

/**
 * Attendance drives PAY and SANCTION (issue 11, item 3): four monthly cycles on a single-employee unit, the month's
 * attendance imported through POST /api/imports/attendance before each. 3, then 7, then 11 cumulative unexcused days
 * (ALPA) give TEGURAN_LISAN, then PERNYATAAN_TIDAK_PUAS, then POTONGAN_TPP_25_6, each recommended once in the year,
 * each superseding the one before; HR confirms them, and the 25% cut runs from April to September: April's TPP
 * (no absence that month, nothing new recommended) is cut by it.
 */
describe('attendance → TPP cuts and yearly PP 94/2021 bands over monthly cycles (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_attendance');
  });
  afterAll(() => t?.teardown());

  it('3, 7, 11 unexcused days give each band once, the higher superseding the lower, and the cut reaches April', async () => {
    const unitId = (await singleEmployeeUnits(t))[0];
    const employee = await t.db.prisma.employee.findFirstOrThrow({ where: { unitId } });
    const admin = await login(t, 'admin');
    const year = (await t.db.prisma.period.findFirstOrThrow({ where: { type: 'MONTH' }, orderBy: { year: 'asc' } }))
      .year;
    const day = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

    /** Imports the month's days (ALPA on the given days, HADIR on a few others) and runs its cycle to the end. */
    async function month(m: number, alpa: number[]) {
      const lines = ['nip,tanggal,status,tidakApel'];
      for (const d of alpa) lines.push(`${employee.nip},${day(m, d)},ALPA,tidak`);
      lines.push(`${employee.nip},${day(m, 20)},HADIR,tidak`, `${employee.nip},${day(m, 21)},SAKIT,`);
      const imported = await request(t.app)
        .post('/api/imports/attendance?dryRun=false')
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'text/csv')
        .send(lines.join('\n'));
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ invalid: 0, created: alpa.length + 2 });

      const period = await t.db.prisma.period.findFirstOrThrow({ where: { type: 'MONTH', year, number: m } });
      const created = await request(t.app)
        .post('/api/cycles')
        .set('Authorization', `Bearer ${admin}`)
        .send({ name: `Penilaian bulan ${m}`, unitId, periodId: period.id, includeDescendants: false, settings: {} })
        .expect(201);
      await request(t.app)
        .post(`/api/cycles/${created.body.id}/start`)
        .set('Authorization', `Bearer ${admin}`)
        .send({});
      const decided: string[] = [];
      await drive(
        t,
        created.body.id,
        async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'CLOSED',
        {
          'sanction.decide': (task) => ({
            decisions: ((task.context as any)?.recommendations ?? []).map((r: any) => {
              decided.push(r.code);
              return { code: r.code, decision: 'CONFIRM', note: 'Ditetapkan sesuai PP 94/2021' };
            }),
          }),
        },
        180_000,
      );
      const appraisal = await t.db.prisma.appraisal.findFirstOrThrow({ where: { cycleId: created.body.id } });
      const pay = await t.db.prisma.payAdjustment.findFirstOrThrow({ where: { appraisalId: appraisal.id } });
      const sanctions = await t.db.prisma.sanction.findMany({ where: { appraisalId: appraisal.id } });
      return { appraisal, pay, sanctions, decided };
    }

    // January: 3 days (5–7, a run of 3) → verbal reprimand; the month's TPP is cut 2.5% of its discipline part a day.
    const jan = await month(1, [5, 6, 7]);
    expect(jan.decided).toEqual(['TEGURAN_LISAN']);
    expect((jan.pay.explanation as any).facts).toMatchObject({ unexcusedAbsenceDays: 3, consecutiveAbsenceDays: 3 });
    expect(jan.pay.amount).toBeLessThan(employee.baseAllowance);

    // February: 4 more (7 in the year) → statement of dissatisfaction, superseding the reprimand.
    const feb = await month(2, [2, 4, 10, 12]);
    expect(feb.decided).toEqual(['PERNYATAAN_TIDAK_PUAS']);
    expect((feb.pay.explanation as any).facts).toMatchObject({ unexcusedAbsenceDays: 4 });
    expect((feb.sanctions[0].explanation as any).facts).toMatchObject({ unexcusedAbsenceDaysYear: 7 });

    // March: 4 more (11) → 25% TPP cut for 6 months, running April to September.
    const mar = await month(3, [3, 5, 17, 19]);
    expect(mar.decided).toEqual(['POTONGAN_TPP_25_6']);
    const cut = mar.sanctions[0];
    expect(cut).toMatchObject({ status: 'CONFIRMED', cutPercent: 25, months: 6, year, level: 4 });
    expect(cut.startsOn!.toISOString().slice(0, 10)).toBe(day(4, 1));
    expect(cut.endsOn!.toISOString().slice(0, 10)).toBe(day(9, 30));
    // March's own TPP is not cut by it (it runs from April); only by March's four days.
    expect((mar.pay.explanation as any).facts).toMatchObject({ unexcusedAbsenceDays: 4, sanctionCutPercent: 0 });

    // April: no unexcused day; still 11 in the year → nothing recommended again; the TPP is cut 25%.
    const apr = await month(4, []);
    expect(apr.decided).toEqual([]);
    expect(apr.sanctions).toEqual([]);
    expect((apr.pay.explanation as any).facts).toMatchObject({ unexcusedAbsenceDays: 0, sanctionCutPercent: 25 });
    expect(apr.pay.amount).toBe(Math.round(employee.baseAllowance * 0.75));
    expect(apr.pay.cutAmount).toBe(employee.baseAllowance - apr.pay.amount);

    // Each band once in the year; each lower one superseded by the next, recorded and audited.
    const all = await t.db.prisma.sanction.findMany({ where: { employeeId: employee.id }, orderBy: { id: 'asc' } });
    expect(all.map((s) => [s.code, s.status, s.year])).toEqual([
      ['TEGURAN_LISAN', 'CONFIRMED', year],
      ['PERNYATAAN_TIDAK_PUAS', 'CONFIRMED', year],
      ['POTONGAN_TPP_25_6', 'CONFIRMED', year],
    ]);
    expect(all[0].supersededById).toBe(all[1].id);
    expect(all[1].supersededById).toBe(all[2].id);
    expect(all[2].supersededById).toBeNull();
    expect(await t.db.prisma.auditEvent.count({ where: { entity: 'sanction', action: 'sanction.supersede' } })).toBe(2);

    // The employee (who heads the unit, so also sees the team's days) finds their own through the API.
    const user = await t.db.prisma.user.findUnique({ where: { employeeId: employee.id } });
    if (user) {
      const mine = await request(t.app)
        .get(
          `/api/attendance?filter=${encodeURIComponent(JSON.stringify({ status: 'ALPA', employeeId: employee.id }))}&range=[0,99]`,
        )
        .set('Authorization', `Bearer ${await login(t, user.username)}`)
        .expect(200);
      expect(mine.body).toHaveLength(11);
    }
  }, 900_000);
});
