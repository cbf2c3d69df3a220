import request from 'supertest';
import { ensurePeriods } from '../../prisma/seed/seed-database';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { PLAN, complete, completeOk, createAndStartCycle, login, openTask, until } from './cycle-driver';

/**
 * The plan cascade (issue 12): the plan form lists the superior's approved work results of the same year
 * (GET /api/appraisals/:id/superior-items), and the plan step stores a link to one of them but refuses, naming the
 * field and nothing stored, a link to an unapproved plan's item, to the superior's plan of another year, or to an
 * item of someone who is not the superior. Real time-skipping server and PostgreSQL; the demo employee's section.
 */
describe('plan cascade: the superior’s approved items of the year (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_cascade');
  });
  afterAll(() => t?.teardown());

  const employeeOf = async (username: string) =>
    (await t.db.prisma.user.findUniqueOrThrow({ where: { username }, include: { employee: true } })).employee!;

  /** An approved plan with one work result, in a closed cycle of `periodId` (a plan of another cycle or year). */
  async function approvedPlan(employeeId: number, periodId: number, title: string) {
    const p = t.db.prisma;
    const employee = await p.employee.findUniqueOrThrow({ where: { id: employeeId } });
    const cycle = await p.cycle.create({
      data: { name: `Siklus lain ${title}`, unitId: employee.unitId, periodId, status: 'CLOSED' },
    });
    const appraisal = await p.appraisal.create({
      data: {
        cycleId: cycle.id,
        periodId,
        employeeId,
        unitId: employee.unitId,
        raterId: employee.superiorId,
        stage: 'DONE',
        workflowId: `uji-kaskade-${cycle.id}`,
      },
    });
    const plan = await p.plan.create({
      data: { appraisalId: appraisal.id, status: 'APPROVED', approvedAt: new Date() },
    });
    return p.planItem.create({
      data: {
        planId: plan.id,
        kind: 'MAIN',
        title,
        indicators: { create: [{ aspect: 'QUANTITY', description: 'Jumlah dokumen', target: '1 dokumen' }] },
      },
    });
  }

  const superiorItems = async (appraisalId: number, username: string) =>
    request(t.app)
      .get(`/api/appraisals/${appraisalId}/superior-items`)
      .set('Authorization', `Bearer ${await login(t, username)}`);

  /** A plan whose first work result links to `parentItemId` (and whose others to the ids after it). */
  const linkedPlan = (...parentItemIds: (number | null)[]) => ({
    ...PLAN,
    items: parentItemIds.map((parentItemId, i) => ({
      ...PLAN.items[i % PLAN.items.length],
      kind: 'MAIN',
      title: `${PLAN.items[i % PLAN.items.length].title} ${i + 1}`,
      parentItemId,
    })),
  });

  it('lists the superior’s approved items, stores a link to one, refuses any other link by name and stores nothing', async () => {
    const [pegawai, penilai, atasan] = await Promise.all(['pegawai', 'penilai', 'atasan'].map(employeeOf));
    expect(pegawai.superiorId).toBe(penilai.id);
    expect(penilai.superiorId).toBe(atasan.id);
    const { cycle, period } = await createAndStartCycle(t, { unitId: pegawai.unitId });
    const [mine, raters] = await until(async () => {
      const rows = await t.db.prisma.appraisal.findMany({
        where: { cycleId: cycle.id, employeeId: { in: [pegawai.id, penilai.id] } },
      });
      const a = rows.find((r) => r.employeeId === pegawai.id);
      const r = rows.find((x) => x.employeeId === penilai.id);
      return a && r ? ([a, r] as const) : null;
    }, 'appraisals of pegawai and penilai');
    expect(mine.raterId).toBe(penilai.id);

    // Nothing to link to yet: an empty list that says why.
    const none = await superiorItems(mine.id, 'pegawai');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ year: period.year, items: [], reasonCode: 'NO_SUPERIOR_PLAN' });
    expect(none.body.reason).toMatch(/Atasan belum menyusun SKP tahun \d{4}/);
    expect(none.body.superior).toMatchObject({ id: penilai.id, name: penilai.name });

    // The superior's approved plan of the previous year, and an approved plan of the superior's own superior.
    await ensurePeriods(t.db.prisma, period.year - 1);
    const lastYear = await t.db.prisma.period.findFirstOrThrow({
      where: { type: 'QUARTER', number: 1, year: period.year - 1 },
    });
    const otherYear = await approvedPlan(penilai.id, lastYear.id, 'Terlaksananya program tahun lalu');
    const q2 = await t.db.prisma.period.findFirstOrThrow({ where: { type: 'QUARTER', number: 2, year: period.year } });
    const notSuperior = await approvedPlan(atasan.id, q2.id, 'Tercapainya target bidang');

    // The superior submits a plan; it is not approved yet.
    await completeOk(t, raters.id, 'plan.submit', PLAN);
    const submitted = await t.db.prisma.planItem.findMany({
      where: { plan: { appraisalId: raters.id } },
      orderBy: { position: 'asc' },
    });
    expect(submitted).toHaveLength(2);
    const waiting = await superiorItems(mine.id, 'pegawai');
    expect(waiting.body).toMatchObject({ items: [], reasonCode: 'SUPERIOR_PLAN_NOT_APPROVED' });
    expect(waiting.body.reason).toMatch(/SKP atasan tahun \d{4} belum disetujui/);

    // Links to the unapproved plan, to last year's plan and to the superior's superior: each refused by name.
    const task = await openTask(t, 'plan.submit', { appraisalId: mine.id });
    const refused = await complete(t, task, linkedPlan(submitted[0].id, otherYear.id, notSuperior.id, 999_999));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields).toEqual([
      { field: 'items.0.parentItemId', message: expect.stringContaining('SKP atasan belum disetujui') },
      {
        field: 'items.1.parentItemId',
        message: expect.stringContaining(`RHK atasan dari SKP tahun ${period.year - 1}, bukan tahun ${period.year}`),
      },
      { field: 'items.2.parentItemId', message: expect.stringContaining('bukan RHK atasan langsung') },
      { field: 'items.3.parentItemId', message: expect.stringContaining('bukan RHK atasan langsung') },
    ]);
    expect(refused.body.error.message).toMatch(/^Data tidak valid: items\.0\.parentItemId — /);
    expect(await t.db.prisma.plan.findUnique({ where: { appraisalId: mine.id } })).toBeNull();
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');

    // The superior's superior approves; the list now holds its items in words, with their indicators.
    await completeOk(t, raters.id, 'plan.review', { decision: 'APPROVE' });
    const listed = await superiorItems(mine.id, 'pegawai');
    expect(listed.status).toBe(200);
    expect(listed.body.reasonCode).toBeNull();
    expect(listed.body.reason).toBeNull();
    expect(listed.body.items).toEqual(
      submitted.map((s, i) => ({
        id: s.id,
        kind: PLAN.items[i].kind,
        title: PLAN.items[i].title,
        indicators: [expect.objectContaining({ description: PLAN.items[i].indicators[0].description })],
        planId: s.planId,
        appraisalId: raters.id,
        cycleName: expect.any(String),
        periodLabel: period.label,
      })),
    );
    // The rater, the rater's superior, HR and the auditor read the same list; the rater's own appraisal lists the
    // approved items of the rater's superior (here the plan of Q2); the employee may not read the rater's appraisal.
    for (const username of ['penilai', 'atasan', 'admin', 'auditor'])
      expect((await superiorItems(mine.id, username)).body.items.map((i: any) => i.id)).toEqual(
        submitted.map((s) => s.id),
      );
    expect((await superiorItems(raters.id, 'penilai')).body.items.map((i: any) => i.title)).toEqual([
      'Tercapainya target bidang',
    ]);
    const outsider = await superiorItems(raters.id, 'pegawai');
    expect(outsider.status).toBe(404);
    expect(outsider.body.items).toBeUndefined();

    // A link to an approved item of the superior, in the same year: stored with the plan.
    const ok = await complete(t, task, linkedPlan(submitted[1].id, null));
    expect(ok.status).toBe(200);
    const stored = await t.db.prisma.planItem.findMany({
      where: { plan: { appraisalId: mine.id } },
      orderBy: { position: 'asc' },
    });
    expect(stored.map((s) => s.parentItemId)).toEqual([submitted[1].id, null]);
    const shown = await request(t.app)
      .get(`/api/appraisals/${mine.id}`)
      .set('Authorization', `Bearer ${await login(t, 'pegawai')}`);
    expect(shown.body.plan.items[0].parentItem).toEqual({ id: submitted[1].id, title: PLAN.items[1].title });
  });
});
