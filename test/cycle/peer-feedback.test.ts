import request from 'supertest';
import type { Employee } from '../../prisma/client';
import { appraisalStateQuery } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  advanceTo,
  complete,
  completeOk,
  defaultAnswers,
  drive,
  isAdminsOwn,
  login,
  openTask,
  singleEmployeeUnits,
  startSingle,
  until,
} from './cycle-driver';

const DAY = 24 * 60 * 60 * 1000;
const VALUES = ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];
const answer = (rating: string, note: string) => ({
  values: Object.fromEntries(VALUES.map((k) => [k, { rating, note: k === 'harmonis' ? note : null }])),
  note: `Secara umum: ${note}`,
});

/**
 * Peer feedback (360) against the real services: the rater asks three colleagues, two answer, the third's deadline
 * passes; the rater's rating form reads the two answers with names, the employee only the anonymous summary.
 */
describe('peer feedback, 360 (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let units: number[];
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_peer_feedback');
    units = await singleEmployeeUnits(t);
  });
  afterAll(() => t?.teardown());

  it('three colleagues asked, two answer, one expires; the rater reads the answers, the employee no names', async () => {
    const { cycle, appraisal } = await startSingle(t, units[1], { peerFeedbackMax: 3, peerFeedbackDays: 7 });
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const evidence = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });

    const account = async (employeeId: number) =>
      (await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId } })).username;
    const raterUser = await account(appraisal.raterId!);
    const employeeUser = await account(appraisal.employeeId);
    const employee = await t.db.prisma.employee.findUniqueOrThrow({ where: { id: appraisal.employeeId } });
    const colleagues: (Employee & { username: string })[] = (
      await t.db.prisma.user.findMany({
        where: {
          employee: { status: 'ACTIVE', id: { notIn: [appraisal.employeeId, appraisal.raterId!] } },
          roles: { equals: ['EMPLOYEE'] },
        },
        include: { employee: true },
        orderBy: { id: 'asc' },
        take: 5,
      })
    ).map((u) => ({ ...u.employee!, username: u.username }));
    expect(colleagues).toHaveLength(5);
    const [a, b, c, d, outsider] = colleagues;
    const as = async (username: string) => `Bearer ${await login(t, username)}`;
    const expecting = (status: number) => (res: request.Response) => {
      if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    const ask = async (peerIds: number[], status: number, username = raterUser) =>
      request(t.app)
        .post(`/api/appraisals/${appraisal.id}/peer-feedback/requests`)
        .set('Authorization', await as(username))
        .send({ peerIds })
        .then(expecting(status));
    const read = async (username: string, status: number, path = '/peer-feedback') =>
      request(t.app)
        .get(`/api/appraisals/${appraisal.id}${path}`)
        .set('Authorization', await as(username))
        .then(expecting(status));

    // Refusals name the field: a fourth colleague over N = 3, the employee themselves, a duplicate, an unknown id;
    // the employee cannot ask (not the rater).
    const four = await ask([a.id, b.id, c.id, d.id], 400);
    expect(four.body.error.message).toMatch(/peerIds — paling banyak 3 rekan per periode/);
    const self = await ask([a.id, appraisal.employeeId], 400);
    expect(self.body.error.message).toMatch(/peerIds\.1 — pegawai yang dinilai tidak dapat menjadi rekan/);
    expect((await ask([a.id, a.id], 400)).body.error.message).toMatch(/peerIds\.1 — rekan yang sama dua kali/);
    expect((await ask([999999], 400)).body.error.message).toMatch(/peerIds\.0 — pegawai 999999 tidak ditemukan/);
    // The employee holds a task of their own appraisal (the evidence), yet never asks about their own case.
    expect((await ask([a.id], 403, employeeUser)).body.error.code).toBe('OWN_CASE');
    expect(await t.db.prisma.peerFeedback.count()).toBe(0);

    const asked = await ask([a.id, b.id, c.id], 201);
    expect(asked.body.requested.map((r: { peerId: number }) => r.peerId)).toEqual([a.id, b.id, c.id]);
    // Asked once this period: not again, and no room for a fourth.
    expect((await ask([a.id], 400)).body.error.message).toMatch(/paling banyak 3 rekan/);

    const tasks = await until(async () => {
      const rows = await t.db.prisma.task.findMany({
        where: { appraisalId: appraisal.id, type: 'peer.feedback' },
        orderBy: { id: 'asc' },
      });
      return rows.length === 3 ? rows : null;
    }, 'three peer tasks');
    expect(tasks.map((x) => x.assigneeId)).toEqual([a.id, b.id, c.id]);
    const [ta, tb, tc] = tasks;

    // A colleague not asked can neither answer nor read; a colleague asked reads only their own task.
    expect((await complete(t, ta, answer('ABOVE', 'x'), outsider.username)).status).toBe(403);
    await read(outsider.username, 404);
    await read(a.username, 404);
    await read(a.username, 404, '');
    await request(t.app)
      .get(`/api/tasks/${tb.id}`)
      .set('Authorization', await as(a.username))
      .expect(403);
    await request(t.app)
      .get(`/api/tasks/${ta.id}`)
      .set('Authorization', await as(a.username))
      .expect(200);

    // Answers: a strict payload (a value missing is refused by name), then two colleagues answer.
    const missing = await complete(t, ta, { values: { loyal: { rating: 'ABOVE' } } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/values/);
    expect((await complete(t, ta, answer('ABOVE', 'Selalu membantu rekan satu tim'))).status).toBe(200);
    expect((await complete(t, tb, answer('MEETS', 'Ramah kepada pemohon layanan'))).status).toBe(200);
    // Whoever asked is told of each answer: how many of those asked have answered, linked to the appraisal (not the
    // colleague's task), naming no colleague; the appraised employee is told nothing of it.
    const told = await t.db.prisma.notification.findMany({
      where: { kind: 'PEER_FEEDBACK_ANSWERED' },
      include: { user: { select: { username: true } } },
      orderBy: { id: 'asc' },
    });
    expect(told.map((n) => [n.user.username, n.taskId, n.appraisalId, n.title])).toEqual([
      [raterUser, null, appraisal.id, `Umpan balik rekan masuk: ${employee.name}`],
      [raterUser, null, appraisal.id, `Umpan balik rekan masuk: ${employee.name}`],
    ]);
    expect(told.map((n) => n.body.replace(/^.*\. (\d)/, '$1'))).toEqual([
      '1 dari 3 rekan yang diminta sudah menjawab; jawabannya ada di tab 360 penilaian ini.',
      '2 dari 3 rekan yang diminta sudah menjawab; jawabannya ada di tab 360 penilaian ini.',
    ]);
    expect(told[1].bodyEn).toMatch(
      /2 of the 3 colleagues asked have answered; read them in the appraisal's 360 tab\.$/,
    );
    for (const n of told) for (const peer of [a, b, c]) expect(`${n.body} ${n.bodyEn}`).not.toContain(peer.name);

    // The third colleague's deadline passes: reminded the day before, then expired.
    await advanceTo(t, tc.dueAt!.getTime() + DAY);
    const expired = await until(async () => {
      const row = await t.db.prisma.task.findUniqueOrThrow({ where: { id: tc.id } });
      return row.status === 'CANCELLED' ? row : null;
    }, 'the third request expired');
    expect(expired.result).toMatchObject({ expired: true });
    expect(expired.remindedAt).not.toBeNull();
    expect(await t.db.prisma.peerFeedback.findMany({ orderBy: { id: 'asc' }, select: { status: true } })).toEqual([
      { status: 'ANSWERED' },
      { status: 'ANSWERED' },
      { status: 'EXPIRED' },
    ]);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { action: { startsWith: 'peer-feedback.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((x) => x.action)).toEqual([
      'peer-feedback.request',
      'peer-feedback.answer',
      'peer-feedback.answer',
      'peer-feedback.expire',
    ]);
    expect((await complete(t, expired, answer('MEETS', 'terlambat'))).status).toBe(409);

    // The rating form's data: the two answers with names, who was asked and who did not answer.
    await completeOk(t, appraisal.id, 'evidence.submit', await defaultAnswers(t)['evidence.submit'](evidence));
    await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    const rater = await read(raterUser, 200);
    expect(rater.body).toMatchObject({ anonymous: false, max: 3, summary: { answered: 2 } });
    expect(
      rater.body.requests.map((r: any) => [r.peer.name, r.status, r.values?.harmonis?.note ?? null, r.note]),
    ).toEqual([
      [a.name, 'ANSWERED', 'Selalu membantu rekan satu tim', 'Secara umum: Selalu membantu rekan satu tim'],
      [b.name, 'ANSWERED', 'Ramah kepada pemohon layanan', 'Secara umum: Ramah kepada pemohon layanan'],
      [c.name, 'EXPIRED', null, null],
    ]);
    expect(rater.body.summary.values.loyal.counts).toEqual({ ABOVE: 1, MEETS: 1, BELOW: 0 });
    // Asking is over once the rating task is done; still open now (REVIEW), but no room is left.
    expect((await ask([d.id], 400)).body.error.message).toMatch(/paling banyak 3 rekan/);

    // The employee: the anonymous summary, and no colleague's id, name or NIP anywhere in their view.
    const mine = await read(employeeUser, 200);
    expect(mine.body).toMatchObject({ anonymous: true, requests: [], summary: { answered: 2 } });
    expect(mine.body.summary.values.harmonis.notes).toEqual([
      'Ramah kepada pemohon layanan',
      'Selalu membantu rekan satu tim',
    ]);
    await completeOk(t, appraisal.id, 'review.submit', defaultAnswers(t)['review.submit'](tasks[0]));
    // Once the result is shared the employee's appraisal and timeline are whole — still without their colleagues.
    await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } })).stage === 'APPEAL',
      { 'result.respond': null },
    );
    const views = [mine, await read(employeeUser, 200, ''), await read(employeeUser, 200, '/history')];
    for (const view of views) {
      const text = JSON.stringify(view.body);
      for (const peer of [a, b, c]) {
        expect(text).not.toContain(peer.name);
        expect(text).not.toContain(peer.nip);
        expect(text).not.toContain(JSON.stringify(peer.username));
      }
      expect(text).not.toMatch(/peer\.feedback|"peerId"|requestedBy/);
    }
    // HR sees the names.
    const hr = await read('admin2', 200);
    expect(hr.body.requests.map((r: any) => r.peer.id)).toEqual([a.id, b.id, c.id]);
  });

  it('peerFeedbackNamed: the employee sees who said what; 0 colleagues turns the round off', async () => {
    const named = await startSingle(t, units[2], { peerFeedbackMax: 1, peerFeedbackNamed: true });
    const off = await startSingle(t, units[3], { peerFeedbackMax: 0 });
    for (const { appraisal } of [named, off]) {
      await completeOk(t, appraisal.id, 'plan.submit', PLAN);
      await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
      await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    }
    const users = async (employeeId: number) =>
      (await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId } })).username;
    const peer = await t.db.prisma.user.findFirstOrThrow({
      where: {
        roles: { equals: ['EMPLOYEE'] },
        employee: {
          status: 'ACTIVE',
          id: { notIn: [named, off].flatMap(({ appraisal: x }) => [x.employeeId, x.raterId!]) },
        },
      },
      include: { employee: true },
      orderBy: { id: 'desc' },
    });
    const post = async (appraisalId: number, raterId: number) =>
      request(t.app)
        .post(`/api/appraisals/${appraisalId}/peer-feedback/requests`)
        .set('Authorization', `Bearer ${await login(t, await users(raterId))}`)
        .send({ peerIds: [peer.employeeId] });
    const refused = await post(off.appraisal.id, off.appraisal.raterId!);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/peerIds — umpan balik rekan tidak dipakai/);
    expect((await post(named.appraisal.id, named.appraisal.raterId!)).status).toBe(201);
    const task = await openTask(t, 'peer.feedback', { appraisalId: named.appraisal.id });
    expect((await complete(t, task, answer('ABOVE', 'Sangat membantu'))).status).toBe(200);
    const mine = await request(t.app)
      .get(`/api/appraisals/${named.appraisal.id}/peer-feedback`)
      .set('Authorization', `Bearer ${await login(t, await users(named.appraisal.employeeId))}`)
      .expect(200);
    expect(mine.body).toMatchObject({ anonymous: false, named: true, summary: { answered: 1 } });
    expect(mine.body.requests).toEqual([
      { peer: { name: peer.employee!.name }, values: expect.any(Object), note: 'Secara umum: Sangat membantu' },
    ]);
  });

  it('an acting Plt. holding the rating task asks colleagues and reads the answers with names', async () => {
    const { appraisal } = await startSingle(t, units[4]);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const ev = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    await completeOk(t, appraisal.id, 'evidence.submit', await defaultAnswers(t)['evidence.submit'](ev));
    const review = await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    const rater = appraisal.raterId!;
    const hrIds = (await t.db.prisma.user.findMany({ where: { roles: { has: 'HR_ADMIN' } } })).map((u) => u.employeeId);
    const acting = await t.db.prisma.employee.findFirstOrThrow({
      where: {
        status: 'ACTIVE',
        positionType: { in: ['JPT', 'ADMINISTRATOR'] },
        id: { notIn: [rater, appraisal.employeeId, ...hrIds.filter((id): id is number => id !== null)] },
      },
      orderBy: { id: 'asc' },
    });
    const wibDate = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
    const hr = (await isAdminsOwn(t, appraisal.id)) ? 'admin2' : 'admin';
    await request(t.app)
      .post('/api/delegations')
      .set('Authorization', `Bearer ${await login(t, hr)}`)
      .send({
        kind: 'PLT',
        principalId: rater,
        actingId: acting.id,
        startsOn: wibDate(0),
        endsOn: wibDate(30),
      })
      .expect(201);
    await until(async () => {
      const row = await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } });
      const state = await t.env.client.workflow.getHandle(appraisal.workflowId).query(appraisalStateQuery);
      return (
        row.assigneeId === acting.id && state.openTasks.some((o) => o.key === row.key && o.assigneeId === acting.id)
      );
    }, 'the rating task held by the Plt.');
    const actingUser = (await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: acting.id } })).username;
    const peer = await t.db.prisma.user.findFirstOrThrow({
      where: {
        roles: { equals: ['EMPLOYEE'] },
        employee: { status: 'ACTIVE', id: { notIn: [appraisal.employeeId, rater, acting.id] } },
      },
    });
    const asked = await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/peer-feedback/requests`)
      .set('Authorization', `Bearer ${await login(t, actingUser)}`)
      .send({ peerIds: [peer.employeeId] });
    expect(asked.status).toBe(201);
    const read = await request(t.app)
      .get(`/api/appraisals/${appraisal.id}/peer-feedback`)
      .set('Authorization', `Bearer ${await login(t, actingUser)}`)
      .expect(200);
    expect(read.body).toMatchObject({
      anonymous: false,
      requests: [{ peer: { id: peer.employeeId }, status: 'REQUESTED' }],
    });
    expect(read.body.requests[0].requestedBy.id).toBe(acting.id);
  });
});
