import request from 'supertest';
import * as rules from '../../rules';
import type { Task } from '../../prisma/client';
import { DEFAULT_SETTINGS } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  advanceTo as advanceClockTo,
  allRatings,
  assigneeUsername,
  complete,
  completeOk,
  defaultAnswers,
  drive,
  isAdminsOwn,
  login,
  openTask,
  singleEmployeeUnits,
  sleep,
  startSingle,
  until,
} from './cycle-driver';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/**
 * Deadlines and the appeal window at their real durations on the time-skipping test server: each deadline first
 * reminds, then escalates every `escalationDays` (rater's superior, then HR); an appeal on day 14 is heard, on day 15
 * refused; an appeal that changes the rating changes the predicate and the allowance.
 */
describe('deadlines and appeals at their real durations (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let units: number[];
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_deadlines');
    units = await singleEmployeeUnits(t);
  });
  afterAll(() => t?.teardown());

  const advanceTo = (at: number) => advanceClockTo(t, at);
  const task = (id: number) => t.db.prisma.task.findUniqueOrThrow({ where: { id } });
  const closed = (cycleId: number) => async () =>
    (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status === 'CLOSED';

  /**
   * Checks one task's deadline: nothing a minute before it is due, a reminder at the due time, then one escalation per
   * `escalationDays` to each target of `chain` (moving the task when `reassign`), never earlier; past the chain, every
   * `escalationDays` a reminder again (`then: 'remind'`, appraisal tasks) or an escalation to HR (`'escalate'`, a
   * unit's calibration), so that nobody silent holds the cycle.
   */
  async function expectDeadline(
    open: Task,
    days: number,
    chain: { assigneeId: number | null; assigneeRole: string | null }[],
    reassign: boolean,
    then: 'remind' | 'escalate' = 'remind',
  ) {
    const now = await t.env.currentTimeMs();
    const due = open.dueAt!.getTime();
    // The due date is `days` after the task was opened (the clock is locked while the test drives).
    expect(Math.abs(due - days * DAY - now)).toBeLessThan(MINUTE);
    await advanceTo(due - MINUTE);
    await sleep(300);
    expect((await task(open.id)).remindedAt).toBeNull();
    await advanceTo(due + MINUTE);
    const reminded = await until(async () => (await task(open.id)).remindedAt, `reminder of ${open.key}`);
    expect(reminded).toBeTruthy();
    let level = 0;
    const every = DEFAULT_SETTINGS.escalationDays * DAY;
    for (const target of chain) {
      // The k-th escalation is due k × escalationDays after the reminder.
      await advanceTo(due + (level + 1) * every - MINUTE);
      await sleep(300);
      expect((await task(open.id)).escalationLevel).toBe(level);
      await advanceTo(due + (level + 1) * every + MINUTE);
      level++;
      const escalated = await until(async () => {
        const row = await task(open.id);
        return row.escalationLevel === level ? row : null;
      }, `escalation ${level} of ${open.key}`);
      const moved = reassign ? target : { assigneeId: open.assigneeId, assigneeRole: open.assigneeRole };
      expect({ assigneeId: escalated.assigneeId, assigneeRole: escalated.assigneeRole }).toEqual(moved);
      expect((escalated.context as any).escalatedTo[level - 1]).toEqual({ level, ...target });
    }
    // Past the chain: every `escalationDays` another reminder (or escalation) — three in the next ten days.
    await advanceTo((await t.env.currentTimeMs()) + 10 * DAY);
    const more =
      then === 'remind'
        ? ['task.remind', 'task.remind', 'task.remind']
        : ['task.escalate', 'task.escalate', 'task.escalate'];
    const expected = ['task.remind', ...chain.map(() => 'task.escalate'), ...more];
    const audit = await until(async () => {
      const rows = await t.db.prisma.auditEvent.findMany({
        where: { entity: 'task', entityId: String(open.id), action: { in: ['task.remind', 'task.escalate'] } },
        orderBy: { id: 'asc' },
      });
      return rows.length >= expected.length ? rows : null;
    }, `reminders past the chain of ${open.key}`);
    expect(audit.map((a) => a.action)).toEqual(expected);
    if (then === 'remind') expect(audit.slice(-3).map((a) => (a.after as any).round)).toEqual([1, 2, 3]);
    const last = await task(open.id);
    expect(last).toMatchObject({
      status: 'OPEN',
      escalationLevel: chain.length + (then === 'escalate' ? 3 : 0),
    });
    return last;
  }

  it('every step reminds at its deadline, then escalates to the rater’s superior, then HR', async () => {
    const { cycle, appraisal } = await startSingle(t, units[0]);
    // The first field unit's only employee is the HR admin `admin`: HR steps of this appraisal are another HR
    // admin's (`admin` may not decide their own case).
    const hrUser = (await isAdminsOwn(t, appraisal.id)) ? 'admin2' : 'admin';
    const s = DEFAULT_SETTINGS;
    const superior = { assigneeId: appraisal.raterSuperiorId, assigneeRole: null };
    const hr = { assigneeId: null, assigneeRole: 'HR_ADMIN' };
    expect(appraisal.raterSuperiorId).not.toBeNull();
    const answers = defaultAnswers(t);

    // Employee steps: escalations notify upwards but the task stays with the employee; the person it was escalated
    // to (or HR) may complete it on the employee's behalf, recorded as such.
    const plan = await openTask(t, 'plan.submit', { appraisalId: appraisal.id });
    await expectDeadline(plan, s.planningDays, [superior, hr], false);
    const superiorUser = await t.db.prisma.user.findFirstOrThrow({ where: { employeeId: appraisal.raterSuperiorId! } });
    expect((await complete(t, plan, PLAN, superiorUser.username)).status).toBe(200);
    expect((await task(plan.id)).result).toMatchObject({ onBehalf: expect.anything() });

    // Rater steps move: rater → rater's superior → HR, who can then complete them.
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    const last = await expectDeadline(review, s.planReviewDays, [superior, hr], true);
    expect((await complete(t, last, { decision: 'APPROVE' }, await assigneeUsername(t, review))).status).toBe(403);
    expect((await complete(t, last, { decision: 'APPROVE' }, hrUser)).status).toBe(200);

    const evidence = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    await expectDeadline(evidence, s.evidenceDays, [superior, hr], false);
    expect((await complete(t, evidence, await answers['evidence.submit'](evidence), hrUser)).status).toBe(200);

    const rate = await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    await expectDeadline(rate, s.reviewDays, [superior, hr], true);
    await completeOk(t, appraisal.id, 'review.submit', {
      resultRating: 'BELOW',
      behaviourRating: 'BELOW',
      berakhlak: allRatings('BELOW'),
    });

    // Calibration (HR, cycle level): a reminder at its deadline.
    const calibration = await openTask(t, 'calibration.unit', { cycleId: cycle.id });
    expect(calibration.assigneeRole).toBe('HR_ADMIN');
    await expectDeadline(calibration, s.calibrationDays, [], false, 'escalate');
    expect((await complete(t, calibration, answers['calibration.unit'](calibration), hrUser)).status).toBe(200);

    // Appeal and its decision (rater's superior → HR).
    const respond = await openTask(t, 'result.respond', { appraisalId: appraisal.id });
    expect(
      (await complete(t, respond, { action: 'APPEAL', reason: 'Bukti pelayanan belum dipertimbangkan' })).status,
    ).toBe(200);
    const decide = await openTask(t, 'appeal.decide', { appraisalId: appraisal.id });
    expect(decide.assigneeId).toBe(appraisal.raterSuperiorId);
    await expectDeadline(decide, s.appealDecisionDays, [hr], true);
    expect((await complete(t, decide, { decision: 'UNCHANGED', note: 'Diputus SDM: tetap' }, hrUser)).status).toBe(200);

    // SANGAT_KURANG → follow-up recommendations that HR decides; its deadline only reminds (HR is the top).
    const sanctions = await openTask(t, 'sanction.decide', { appraisalId: appraisal.id });
    await expectDeadline(sanctions, s.sanctionDecisionDays, [], false);
    await drive(t, cycle.id, closed(cycle.id));
    expect(await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } })).toMatchObject({
      stage: 'DONE',
      predicate: 'SANGAT_KURANG',
    });
  });

  /** Drives a single appraisal to its shared result (rating `result`/`behaviour`) and returns the respond task. */
  async function toSharedResult(unitId: number, result: 'BELOW' | 'MEETS', behaviour: 'MEETS') {
    const { cycle, appraisal } = await startSingle(t, unitId);
    await drive(
      t,
      cycle.id,
      async () =>
        !!(await t.db.prisma.task.findFirst({ where: { appraisalId: appraisal.id, type: 'result.respond' } })),
      {
        'review.submit': () => ({ resultRating: result, behaviourRating: behaviour, berakhlak: allRatings('MEETS') }),
        'result.respond': null, // the test answers it
      },
    );
    const respond = await openTask(t, 'result.respond', { appraisalId: appraisal.id });
    const shared = await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } });
    expect(shared.resultSharedAt).not.toBeNull();
    return { cycle, appraisal: shared, respond };
  }

  it('an appeal on day 14 is heard; the superior changes the rating, which changes predicate and allowance', async () => {
    const { cycle, appraisal, respond } = await toSharedResult(units[1], 'BELOW', 'MEETS');
    expect(appraisal.predicate).toBe('BUTUH_PERBAIKAN');
    const sharedAt = appraisal.resultSharedAt!.getTime();
    // The window ends at local midnight (WIB) of day 14 after sharing.
    expect(respond.dueAt!.getTime()).toBeGreaterThanOrEqual(sharedAt + 14 * DAY);
    expect(respond.dueAt!.getTime()).toBeLessThan(sharedAt + 15 * DAY);

    await advanceTo(sharedAt + 14 * DAY);
    const employee = await login(t, await assigneeUsername(t, respond));
    const short = await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/appeal`)
      .set('Authorization', `Bearer ${employee}`)
      .send({ reason: 'kurang' })
      .expect(400);
    expect(short.body.error.details.fields[0].field).toBe('reason');
    const filed = await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/appeal`)
      .set('Authorization', `Bearer ${employee}`)
      .send({ reason: 'Laporan triwulan sudah selesai; bukti terlampir di arsip' })
      .expect(201);
    expect(filed.body.appeal).toMatchObject({ status: 'FILED', previousPredicate: 'BUTUH_PERBAIKAN' });

    const decide = await openTask(t, 'appeal.decide', { appraisalId: appraisal.id });
    expect(decide.assigneeId).toBe(appraisal.raterSuperiorId);
    // The rater (not the superior) may not decide; CHANGED without a new rating is refused.
    expect((await complete(t, decide, { decision: 'CHANGED', note: 'x' }, 'pegawai')).status).toBe(403);
    const same = await complete(t, decide, {
      decision: 'CHANGED',
      note: 'Hasil kerja ditinjau',
      newResultRating: 'BELOW',
    });
    expect(same.status).toBe(400);
    expect(same.body.error.details.fields.map((f: any) => f.field)).toEqual(['newResultRating']);
    expect(
      (
        await complete(t, decide, {
          decision: 'CHANGED',
          note: 'Bukti laporan diterima; hasil kerja sesuai ekspektasi',
          newResultRating: 'MEETS',
        })
      ).status,
    ).toBe(200);
    await drive(t, cycle.id, closed(cycle.id));

    const after = await t.db.prisma.appraisal.findUniqueOrThrow({
      where: { id: appraisal.id },
      include: { review: true, appeal: true, payAdjustments: true, employee: true },
    });
    expect(after.predicate).toBe('BAIK');
    expect(after.review).toMatchObject({ resultRating: 'MEETS', behaviourRating: 'MEETS', source: 'APPEAL' });
    expect(after.appeal).toMatchObject({ status: 'DECIDED', decision: 'CHANGED', newResultRating: 'MEETS' });
    expect((after.predicateExplanation as any).source).toBe('APPEAL');
    expect((after.predicateExplanation as any).facts).toEqual({ resultRating: 'MEETS', behaviourRating: 'MEETS' });

    // The allowance is the pinned PAY rules' figure for BAIK, not the one for BUTUH_PERBAIKAN.
    const payDoc = (await t.db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id: cycle.payVersionId } })).document;
    const facts = (p: string) => ({
      baseAmount: after.employee.baseAllowance,
      predicate: p,
      employmentType: after.employee.employmentType,
    });
    const baik = rules.computeAllowance(payDoc, facts('BAIK')).amount;
    const bp = rules.computeAllowance(payDoc, facts('BUTUH_PERBAIKAN')).amount;
    expect(bp).toBeLessThan(baik);
    // The quarter's three months, each at the BAIK figure.
    expect(after.payAdjustments.map((p) => [p.predicate, p.amount])).toEqual([
      ['BAIK', baik],
      ['BAIK', baik],
      ['BAIK', baik],
    ]);
    expect(await t.db.prisma.payAdjustment.count({ where: { employeeId: after.employeeId } })).toBe(3);
    expect(await t.db.prisma.sanction.count({ where: { appraisalId: appraisal.id } })).toBe(0);
    expect(await t.env.client.workflow.getHandle(appraisal.workflowId).result()).toMatchObject({
      predicate: 'BAIK',
      allowance: 3 * baik,
      appealed: true,
    });
  });

  it('an appeal on day 15 is refused with a clear error; the original predicate is paid', async () => {
    const { cycle, appraisal, respond } = await toSharedResult(units[2], 'BELOW', 'MEETS');
    await advanceTo(appraisal.resultSharedAt!.getTime() + 15 * DAY);
    await until(async () => (await task(respond.id)).status === 'CANCELLED', 'appeal window to close');
    const employee = await login(t, await assigneeUsername(t, respond));
    const late = await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/appeal`)
      .set('Authorization', `Bearer ${employee}`)
      .send({ reason: 'Saya baru sempat membaca hasil penilaian' })
      .expect(409);
    expect(late.body.error.message).toMatch(/Batas waktu keberatan sudah lewat/);
    const viaTask = await complete(t, respond, { action: 'APPEAL', reason: 'Saya baru sempat membaca hasilnya' });
    expect(viaTask.status).toBe(409);
    expect(viaTask.body.error.message).toMatch(/Batas waktu keberatan sudah lewat/);

    await drive(t, cycle.id, closed(cycle.id));
    expect(await t.db.prisma.appeal.count({ where: { appraisalId: appraisal.id } })).toBe(0);
    const pay = await t.db.prisma.payAdjustment.findMany({ where: { appraisalId: appraisal.id } });
    expect(pay.map((p) => p.predicate)).toEqual(['BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN']);
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { entity: 'task', entityId: String(respond.id), action: 'task.expire' },
    });
    expect(audit?.after).toMatchObject({ reason: 'batas waktu keberatan berakhir' });
  });
});
