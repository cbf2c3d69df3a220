/**
 * Acting superiors (issue 11, item 2) against the real services: a Plt. takes the official's open rating task and
 * completes it, recorded as Plt.; a Plh. whose term ends gives the task back; a task opened while a delegation lasts
 * goes straight to the acting person; an acting person never gets their own case; bad input is refused by field and
 * stores nothing.
 */
import request from 'supertest';
import { DEFAULT_SETTINGS, appraisalStateQuery } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  advanceTo,
  allRatings,
  complete,
  completeOk,
  defaultAnswers,
  login,
  openTask,
  singleEmployeeUnits,
  startSingle,
  until,
} from './cycle-driver';

const DAY = 24 * 60 * 60 * 1000;
/** A local (WIB) date `days` after today, as the API takes it. */
const wibDate = (days = 0) => new Date(Date.now() + 7 * 60 * 60 * 1000 + days * DAY).toISOString().slice(0, 10);
const rating = { resultRating: 'ABOVE', behaviourRating: 'MEETS', berakhlak: allRatings('MEETS') };

describe('acting superiors: Plt / Plh (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let units: number[];
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_delegations');
    units = await singleEmployeeUnits(t);
  });
  afterAll(() => t?.teardown());

  /** An HR admin who is neither of the two people (an HR admin never records a delegation of their own). */
  async function hrToken(...people: number[]) {
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    return login(t, admin.employeeId !== null && people.includes(admin.employeeId) ? 'admin2' : 'admin');
  }
  async function usernameOf(employeeId: number) {
    return (await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId } })).username;
  }
  /** Someone to act for `principalId`: active, not the appraised employee, not the official, not an HR admin. */
  async function someoneElse(...not: number[]) {
    const hr = await t.db.prisma.user.findMany({ where: { roles: { has: 'HR_ADMIN' } } });
    const exclude = [...not, ...hr.map((u) => u.employeeId).filter((id): id is number => id !== null)];
    return t.db.prisma.employee.findFirstOrThrow({
      where: { status: 'ACTIVE', positionType: { in: ['JPT', 'ADMINISTRATOR'] }, id: { notIn: exclude } },
      orderBy: { id: 'asc' },
    });
  }
  async function delegate(body: Record<string, unknown>) {
    const token = await hrToken(Number(body.principalId), Number(body.actingId));
    return request(t.app).post('/api/delegations').set('Authorization', `Bearer ${token}`).send(body);
  }
  /** Drives an appraisal to its open rating task. */
  async function toReview(unitId: number) {
    const started = await startSingle(t, unitId);
    const { appraisal } = started;
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const ev = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    await completeOk(t, appraisal.id, 'evidence.submit', await defaultAnswers(t)['evidence.submit'](ev));
    const review = await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    return { ...started, review };
  }
  /** Waits until the task's row and the workflow both have it with `assigneeId`. */
  async function heldBy(workflowId: string, taskId: number, assigneeId: number) {
    return until(async () => {
      const row = await t.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
      const state = await t.env.client.workflow.getHandle(workflowId).query(appraisalStateQuery);
      const live = state.openTasks.find((o) => o.key === row.key);
      return row.assigneeId === assigneeId && live?.assigneeId === assigneeId && row;
    }, `task ${taskId} held by ${assigneeId}`);
  }

  it('a Plt. takes the open rating task of the official and completes it, recorded as Plt. for the official', async () => {
    const { appraisal, review } = await toReview(units[0]);
    const rater = appraisal.raterId!;
    const acting = await someoneElse(rater, appraisal.employeeId);
    const created = await delegate({
      kind: 'PLT',
      principalId: rater,
      actingId: acting.id,
      startsOn: wibDate(0),
      endsOn: wibDate(30),
      letterNumber: 'SPT/800/12/BKPSDM/2026',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'PLT', label: 'Plt.', principalId: rater, actingId: acting.id });

    const moved = await heldBy(appraisal.workflowId, review.id, acting.id);
    expect(moved.context).toMatchObject({
      acting: { kind: 'PLT', label: 'Plt.', actingId: acting.id, forEmployeeId: rater, delegationId: created.body.id },
    });
    expect((await t.db.prisma.delegation.findUniqueOrThrow({ where: { id: created.body.id } })).status).toBe('ACTIVE');

    // The official no longer holds it; the Plt. does.
    const official = await complete(t, moved, rating, await usernameOf(rater));
    expect(official.status).toBe(403);
    const done = await complete(t, moved, rating, await usernameOf(acting.id));
    expect(done.status).toBe(200);

    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } });
    expect(task.result).toMatchObject({ actingAs: { label: 'Plt.', forEmployeeId: rater } });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'task', entityId: String(review.id), action: 'task.complete' },
    });
    expect(audit.actor).toBe(await usernameOf(acting.id));
    expect(audit.after).toMatchObject({ actingAs: { kind: 'PLT', label: 'Plt.', forEmployeeId: rater } });
    const delegated = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'task', entityId: String(review.id), action: 'task.delegate' },
    });
    expect(delegated.before).toEqual({ assigneeId: rater });
    expect((await t.db.prisma.review.findUniqueOrThrow({ where: { appraisalId: appraisal.id } })).reviewerId).toBe(
      acting.id,
    );

    // HR ends it early: nothing left to give back; a second end is a conflict.
    const token = await hrToken(rater, acting.id);
    const ended = await request(t.app)
      .post(`/api/delegations/${created.body.id}/end`)
      .set('Authorization', `Bearer ${token}`)
      .send({ reason: 'Pejabat definitif kembali bertugas' })
      .expect(200);
    expect(ended.body).toMatchObject({ status: 'ENDED', endReason: 'Pejabat definitif kembali bertugas' });
    await request(t.app)
      .post(`/api/delegations/${created.body.id}/end`)
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(409);
  });

  it('bad input is refused naming the field and stores nothing; only HR records; a future one can be cancelled', async () => {
    const { appraisal } = await startSingle(t, units[1]);
    const rater = appraisal.raterId!;
    const acting = await someoneElse(rater, appraisal.employeeId);
    const base = { kind: 'PLH', principalId: rater, actingId: acting.id, startsOn: wibDate(40), endsOn: wibDate(45) };
    const before = await t.db.prisma.delegation.count();

    const self = await delegate({ ...base, actingId: rater });
    expect(self.status).toBe(400);
    expect(self.body.error.details.fields).toEqual([
      { field: 'actingId', message: expect.stringMatching(/dirinya sendiri/) },
    ]);
    const reversed = await delegate({ ...base, startsOn: wibDate(45), endsOn: wibDate(40) });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details.fields).toEqual([
      { field: 'endsOn', message: expect.stringMatching(/sebelum tanggal mulai/) },
    ]);
    const smuggled = await delegate({ ...base, status: 'ACTIVE' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.error.details.fields[0].field).toBe('status');
    const pegawai = await login(t, 'pegawai');
    await request(t.app).post('/api/delegations').set('Authorization', `Bearer ${pegawai}`).send(base).expect(403);
    expect(await t.db.prisma.delegation.count()).toBe(before);

    const first = await delegate(base);
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('SCHEDULED');
    const other = await someoneElse(rater, appraisal.employeeId, acting.id);
    const overlap = await delegate({ ...base, actingId: other.id, startsOn: wibDate(44), endsOn: wibDate(50) });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.details.fields).toEqual([
      { field: 'startsOn', message: expect.stringMatching(/bertumpang tindih/) },
    ]);
    const covering = await delegate({ ...base, actingId: other.id, startsOn: wibDate(35), endsOn: wibDate(41) });
    expect(covering.status).toBe(400);
    expect(covering.body.error.details.fields[0].field).toBe('endsOn');
    expect(await t.db.prisma.delegation.count()).toBe(before + 1);

    // The people involved read theirs; an unrelated employee does not see it.
    const actingToken = await login(t, await usernameOf(acting.id));
    const theirs = await request(t.app)
      .get('/api/delegations')
      .set('Authorization', `Bearer ${actingToken}`)
      .expect(200);
    expect(theirs.body.map((d: any) => d.id)).toContain(first.body.id);
    const mine = await request(t.app).get('/api/delegations').set('Authorization', `Bearer ${pegawai}`).expect(200);
    expect(mine.body.map((d: any) => d.id)).not.toContain(first.body.id);
    await request(t.app).get(`/api/delegations/${first.body.id}`).set('Authorization', `Bearer ${pegawai}`).expect(404);

    // Cancelled before it starts: nothing moved, the period is free again.
    const token = await hrToken(rater, acting.id);
    const cancelled = await request(t.app)
      .post(`/api/delegations/${first.body.id}/end`)
      .set('Authorization', `Bearer ${token}`)
      .send({ reason: 'Surat perintah dicabut' })
      .expect(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    const again = await delegate({ ...base, actingId: other.id });
    expect(again.status).toBe(201);
    await request(t.app)
      .post(`/api/delegations/${again.body.id}/end`)
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
  });

  it('an acting person never decides their own case: a plan review for their own plan stays with the official', async () => {
    const { appraisal } = await startSingle(t, units[2]);
    const rater = appraisal.raterId!;
    // The appraised employee acts for their own rater while their plan review opens.
    const created = await delegate({
      kind: 'PLH',
      principalId: rater,
      actingId: appraisal.employeeId,
      startsOn: wibDate(0),
      endsOn: wibDate(10),
    });
    expect(created.status).toBe(201);
    await until(
      async () =>
        (await t.db.prisma.delegation.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'ACTIVE',
      'delegation active',
    );
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    expect(review.assigneeId).toBe(rater);
    expect(review.context).toMatchObject({
      actingSkipped: { delegationId: created.body.id, reason: expect.stringMatching(/penilaiannya sendiri/) },
    });
    const own = await complete(t, review, { decision: 'APPROVE' }, await usernameOf(appraisal.employeeId));
    expect(own.status).toBe(403);
    expect((await complete(t, review, { decision: 'APPROVE' }, await usernameOf(rater))).status).toBe(200);
    await request(t.app)
      .post(`/api/delegations/${created.body.id}/end`)
      .set('Authorization', `Bearer ${await hrToken(rater, appraisal.employeeId)}`)
      .send({})
      .expect(200);
  });

  it('a plan review opened while a Plt. is in force goes to the Plt. directly, who approves it as Plt.', async () => {
    const { appraisal } = await startSingle(t, units[4]);
    const rater = appraisal.raterId!;
    const acting = await someoneElse(rater, appraisal.employeeId);
    const created = await delegate({
      kind: 'PLT',
      principalId: rater,
      actingId: acting.id,
      startsOn: wibDate(0),
      endsOn: wibDate(20),
    });
    expect(created.status).toBe(201);
    await until(
      async () =>
        (await t.db.prisma.delegation.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'ACTIVE',
      'delegation active',
    );
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    expect(review.assigneeId).toBe(acting.id);
    expect(review.context).toMatchObject({ acting: { label: 'Plt.', forEmployeeId: rater } });
    const opened = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'task', entityId: String(review.id), action: 'task.open' },
    });
    expect(opened.after).toMatchObject({ assigneeId: acting.id, acting: { delegationId: created.body.id } });
    expect((await complete(t, review, { decision: 'APPROVE' }, await usernameOf(rater))).status).toBe(403);
    expect((await complete(t, review, { decision: 'APPROVE' }, await usernameOf(acting.id))).status).toBe(200);
    const done = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'task', entityId: String(review.id), action: 'task.complete' },
    });
    expect(done.after).toMatchObject({ actingAs: { label: 'Plt.', forEmployeeId: rater } });
    await request(t.app)
      .post(`/api/delegations/${created.body.id}/end`)
      .set('Authorization', `Bearer ${await hrToken(rater, acting.id)}`)
      .send({})
      .expect(200);
  });

  it('a Plh. whose term ends gives the open rating task back to the official', async () => {
    const { appraisal, review } = await toReview(units[3]);
    const rater = appraisal.raterId!;
    const acting = await someoneElse(rater, appraisal.employeeId, appraisal.raterSuperiorId!);
    const actingToken = await login(t, await usernameOf(acting.id));
    const readAppraisal = () =>
      request(t.app).get(`/api/appraisals/${appraisal.id}`).set('Authorization', `Bearer ${actingToken}`);
    expect((await readAppraisal()).status).toBe(404);
    const created = await delegate({
      kind: 'PLH',
      principalId: rater,
      actingId: acting.id,
      startsOn: wibDate(0),
      endsOn: wibDate(0),
    });
    expect(created.status).toBe(201);
    await heldBy(appraisal.workflowId, review.id, acting.id);
    // While the Plh. holds the rating task they can open the appraisal it is about; before and after, not.
    expect((await readAppraisal()).status).toBe(200);
    expect(
      (
        await t.db.prisma.auditEvent.findFirstOrThrow({
          where: { entity: 'delegation', entityId: String(created.body.id), action: 'delegation.start' },
        })
      ).after,
    ).toMatchObject({ movedTaskKeys: [review.key] });

    // The last day passes (the test server skips the time): the task goes back to the official.
    const endsAt = Date.parse(`${wibDate(1)}T00:00:00+07:00`);
    await advanceTo(t, endsAt + 60_000);
    const back = await heldBy(appraisal.workflowId, review.id, rater);
    expect((back.context as any).acting).toBeUndefined();
    expect((back.context as any).actingHistory).toEqual([
      expect.objectContaining({ label: 'Plh.', actingId: acting.id }),
    ]);
    expect(await t.db.prisma.delegation.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({
      status: 'ENDED',
      endReason: expect.stringMatching(/masa penugasan berakhir/),
    });
    const returned = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'task', entityId: String(review.id), action: 'task.delegation-return' },
    });
    expect(returned.after).toMatchObject({ assigneeId: rater, delegationId: created.body.id });

    expect((await complete(t, back, rating, await usernameOf(acting.id))).status).toBe(403);
    expect((await readAppraisal()).status).toBe(404);
    expect((await complete(t, back, rating, await usernameOf(rater))).status).toBe(200);
    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } });
    expect((task.result as any).actingAs).toBeUndefined();
  });
  it('an escalation to a rater’s superior who has a Plt. goes to the Plt., who rates as Plt.', async () => {
    const { appraisal, review } = await toReview(units[4]);
    const superiorId = appraisal.raterSuperiorId!;
    const acting = await someoneElse(superiorId, appraisal.employeeId, appraisal.raterId!);
    const created = await delegate({
      kind: 'PLT',
      principalId: superiorId,
      actingId: acting.id,
      startsOn: wibDate(0),
      endsOn: wibDate(90),
    });
    expect(created.status).toBe(201);
    await until(
      async () =>
        (await t.db.prisma.delegation.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'ACTIVE',
      'delegation to start',
    );
    // The rater stays silent: at the deadline a reminder, `escalationDays` later the escalation — to the Plt.
    await advanceTo(t, review.dueAt!.getTime() + DEFAULT_SETTINGS.escalationDays * DAY + 60_000);
    const moved = await heldBy(appraisal.workflowId, review.id, acting.id);
    expect(moved.escalationLevel).toBe(1);
    expect((moved.context as any).acting).toMatchObject({ label: 'Plt.', forEmployeeId: superiorId });
    // The Plt. is the one told of the escalation (the official, who no longer holds it, is not).
    const told = await t.db.prisma.notification.findMany({
      where: { kind: 'TASK_ESCALATED', taskId: review.id, user: { employeeId: { in: [acting.id, superiorId] } } },
      select: { user: { select: { employeeId: true } } },
    });
    expect(told.map((n) => n.user.employeeId)).toEqual([acting.id]);
    expect((await complete(t, moved, rating, await usernameOf(superiorId))).status).toBe(403);
    expect((await complete(t, moved, rating, await usernameOf(acting.id))).status).toBe(200);
  });
});
