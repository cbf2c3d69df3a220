import request from 'supertest';
import { appraisalStateQuery } from '../../workflows/messages';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  allRatings,
  assigneeUsername,
  complete,
  completeOk,
  defaultAnswers,
  drive,
  login,
  openTask,
  singleEmployeeUnits,
  startSingle,
} from './cycle-driver';

/** Tasks through POST /api/tasks/:id/complete: the validator's refusals, plan returns, rater reassignment, history. */
describe('appraisal tasks through the API (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let units: number[];
  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_tasks');
    units = await singleEmployeeUnits(t);
  });
  afterAll(() => t?.teardown());

  const updatesAccepted = async (workflowId: string) =>
    ((await t.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? []).filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
    ).length;

  const finish = (cycleId: number) =>
    drive(
      t,
      cycleId,
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status === 'CLOSED',
    );

  it('invalid payload → 400 with the validator reason (nothing enters history); someone else → 403; done → 409', async () => {
    const { cycle, appraisal } = await startSingle(t, units[0]);
    const task = await openTask(t, 'plan.submit', { appraisalId: appraisal.id });
    const owner = await assigneeUsername(t, task);

    const empty = await complete(t, task, { items: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/minimal satu rencana hasil kerja/);
    expect(empty.body.error.details.fields).toEqual([{ field: 'items', message: expect.stringContaining('RHK') }]);

    const noIndicator = await complete(t, task, {
      items: [{ kind: 'MAIN', title: 'Laporan kinerja', indicators: [{ aspect: 'SPEED', description: 'x' }] }],
    });
    expect(noIndicator.status).toBe(400);
    expect(noIndicator.body.error.details.fields.map((f: any) => f.field)).toEqual([
      'items.0.indicators.0.aspect',
      'items.0.indicators.0.description',
      'items.0.indicators.0.target',
    ]);
    // Strict payloads: a key the step does not know is refused by name before anything is written.
    const smuggled = await complete(t, task, { ...PLAN, planId: 7 });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.error.details.fields).toEqual([
      { field: 'planId', message: 'kolom tidak dikenal / unknown field' },
    ]);
    expect(await updatesAccepted(appraisal.workflowId)).toBe(0);

    // The API checks the schema; a caller that reaches Temporal without it is refused by the step's write, with the
    // same field, and nothing is written: the task stays open and no plan is stored.
    const owner_ = await t.db.prisma.user.findUniqueOrThrow({ where: { username: owner } });
    const bypass = t.env.client.workflow.getHandle(appraisal.workflowId).executeUpdate(task.updateName, {
      args: [
        {
          taskKey: task.key,
          actor: { userId: owner_.id, employeeId: owner_.employeeId, username: owner, roles: ['EMPLOYEE'] },
          payload: { items: [] },
        },
      ],
    });
    await expect(bypass).rejects.toMatchObject({
      cause: { cause: { type: 'ValidationError', message: expect.stringMatching(/^Data tidak valid: items — /) } },
    });
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
    expect(await t.db.prisma.plan.count({ where: { appraisalId: appraisal.id } })).toBe(0);

    const other = await complete(t, task, PLAN, 'pegawai');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/bukan untuk Anda/);

    const ok = await complete(t, task, PLAN, owner);
    expect(ok.status).toBe(200);
    expect(ok.body.task).toMatchObject({ id: task.id, status: 'DONE' });
    expect(await updatesAccepted(appraisal.workflowId)).toBe(2);

    const again = await complete(t, task, PLAN, owner);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/sudah diselesaikan/);

    // A refusal by the step's activity (an indicator of another plan) also reaches the caller as a 400 naming the field.
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const evidence = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    const foreign = await complete(t, evidence, { realizations: [{ indicatorId: 999999, value: 'selesai' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.fields).toEqual([
      { field: 'realizations.0.indicatorId', message: expect.stringContaining('bukan indikator SKP ini') },
    ]);
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: evidence.id } })).status).toBe('OPEN');

    // The review validator names every missing BerAKHLAK value.
    const answers = defaultAnswers(t);
    await completeOk(t, appraisal.id, 'evidence.submit', await answers['evidence.submit'](evidence));
    const review = await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    const partial = await complete(t, review, {
      resultRating: 'MEETS',
      behaviourRating: 'GOOD',
      berakhlak: { ...allRatings('MEETS'), kompeten: undefined },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.details.fields.map((f: any) => f.field)).toEqual([
      'behaviourRating',
      'berakhlak.kompeten',
    ]);
    // A column smuggled into the BerAKHLAK ratings never reaches the review row.
    const extra = await complete(t, review, {
      resultRating: 'MEETS',
      behaviourRating: 'MEETS',
      berakhlak: { ...allRatings('MEETS'), reviewerId: 1 },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.fields).toEqual([
      { field: 'berakhlak.reviewerId', message: 'kolom tidak dikenal / unknown field' },
    ]);

    await finish(cycle.id);
    expect(await t.db.prisma.payAdjustment.count({ where: { appraisalId: appraisal.id } })).toBe(3);
  });

  it('a plan returned twice, then approved: three revisions, each return audited with its comment', async () => {
    const { cycle, appraisal } = await startSingle(t, units[1]);
    const noComment = await complete(
      t,
      await completeOk(t, appraisal.id, 'plan.submit', PLAN).then(() =>
        openTask(t, 'plan.review', { appraisalId: appraisal.id }),
      ),
      { decision: 'RETURN' },
    );
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details.fields[0].field).toBe('comment');

    await completeOk(t, appraisal.id, 'plan.review', { decision: 'RETURN', comment: 'Indikator kualitas belum ada' });
    const second = await openTask(t, 'plan.submit', { appraisalId: appraisal.id });
    expect(second.key).toBe(`appraisal-${appraisal.id}:plan.submit:1`);
    expect(second.title).toMatch(/revisi 1/);
    expect((await t.db.prisma.plan.findUniqueOrThrow({ where: { appraisalId: appraisal.id } })).status).toBe(
      'RETURNED',
    );

    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'RETURN', comment: 'Target waktu harus tanggal' });
    const withQuality = {
      ...PLAN,
      items: [
        {
          ...PLAN.items[0],
          indicators: [
            ...PLAN.items[0].indicators,
            { aspect: 'QUALITY', description: 'Laporan tanpa revisi pimpinan', target: '100%', targetValue: 100 },
          ],
        },
        { ...PLAN.items[1], indicators: [{ ...PLAN.items[1].indicators[0], target: '31 Maret' }] },
      ],
    };
    await completeOk(t, appraisal.id, 'plan.submit', withQuality);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });

    const plan = await t.db.prisma.plan.findUniqueOrThrow({
      where: { appraisalId: appraisal.id },
      include: { items: { include: { indicators: true } } },
    });
    expect(plan).toMatchObject({ status: 'APPROVED', revision: 2 });
    expect(plan.items.flatMap((i) => i.indicators)).toHaveLength(3);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { entity: 'appraisal', entityId: String(appraisal.id), action: { startsWith: 'plan.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'plan.submit',
      'plan.return',
      'plan.submit',
      'plan.return',
      'plan.submit',
      'plan.approve',
    ]);
    expect(audit.filter((a) => a.action === 'plan.return').map((a) => (a.after as any).comment)).toEqual([
      'Indikator kualitas belum ada',
      'Target waktu harus tanggal',
    ]);
    const state = await t.env.client.workflow.getHandle(appraisal.workflowId).query(appraisalStateQuery);
    expect(state).toMatchObject({ stage: 'EVIDENCE', planRevision: 2 });
    await finish(cycle.id);
  });

  it('HR reassigns the rater with the review task open: the task moves, history records it, nothing restarts', async () => {
    const { cycle, appraisal } = await startSingle(t, units[2]);
    const answers = defaultAnswers(t);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const ev = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    await completeOk(t, appraisal.id, 'evidence.submit', await answers['evidence.submit'](ev));
    const review = await openTask(t, 'review.submit', { appraisalId: appraisal.id });
    expect(review.assigneeId).toBe(appraisal.raterId);
    const oldRater = await assigneeUsername(t, review);
    const { runId } = await t.env.client.workflow.getHandle(appraisal.workflowId).describe();

    // The new rater: the head of another OPD (not the employee, not the old rater).
    const newRater = await t.db.prisma.employee.findFirstOrThrow({
      where: {
        positionType: 'JPT',
        id: { notIn: [appraisal.raterId!, appraisal.employeeId] },
        superiorId: { not: null },
      },
      orderBy: { id: 'asc' },
    });
    const admin = await login(t, 'admin');
    const pegawai = await login(t, 'pegawai');
    await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/reassign-rater`)
      .set('Authorization', `Bearer ${pegawai}`)
      .send({ raterId: newRater.id })
      .expect(403);
    const self = await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/reassign-rater`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ raterId: appraisal.employeeId })
      .expect(400);
    expect(self.body.error.details.fields[0].field).toBe('raterId');
    const moved = await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/reassign-rater`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ raterId: newRater.id, reason: 'Penilai lama dimutasi' })
      .expect(200);
    expect(moved.body).toEqual({
      raterId: newRater.id,
      raterSuperiorId: newRater.superiorId,
      movedTaskKeys: [review.key],
    });

    const after = await t.db.prisma.task.findUniqueOrThrow({ where: { id: review.id } });
    expect(after).toMatchObject({ status: 'OPEN', assigneeId: newRater.id });
    expect(await t.db.prisma.appraisal.findUniqueOrThrow({ where: { id: appraisal.id } })).toMatchObject({
      raterId: newRater.id,
      raterSuperiorId: newRater.superiorId,
    });
    const rating = { resultRating: 'ABOVE', behaviourRating: 'ABOVE', berakhlak: allRatings('ABOVE') };
    expect((await complete(t, after, rating, oldRater)).status).toBe(403);
    const newUser = await assigneeUsername(t, after);
    expect((await complete(t, after, rating, newUser)).status).toBe(200);
    const reviewRow = await t.db.prisma.review.findUniqueOrThrow({ where: { appraisalId: appraisal.id } });
    expect(reviewRow.reviewerId).toBe(newRater.id);

    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'appraisal', entityId: String(appraisal.id), action: 'appraisal.reassign-rater' },
    });
    expect(audit).toMatchObject({ actor: 'admin' });
    expect(audit.after).toMatchObject({
      raterId: newRater.id,
      movedTaskKeys: [review.key],
      reason: 'Penilai lama dimutasi',
    });
    await finish(cycle.id);

    // Same run from start to end: nothing restarted.
    const handle = t.env.client.workflow.getHandle(appraisal.workflowId);
    const desc = await handle.describe();
    expect(desc.runId).toBe(runId);
    expect(desc.status.name).toBe('COMPLETED');
    expect(await handle.result()).toMatchObject({ predicate: 'SANGAT_BAIK', stage: 'DONE' });
  });

  it('GET /api/appraisals/:id/history merges audit and workflow events in time order, with a Temporal UI link', async () => {
    const { cycle, appraisal } = await startSingle(t, units[3]);
    await finish(cycle.id);
    const pegawai = await login(t, 'pegawai');
    await request(t.app)
      .get(`/api/appraisals/${appraisal.id}/history`)
      .set('Authorization', `Bearer ${pegawai}`)
      .expect(404);
    const token = await login(t, 'auditor');
    const res = await request(t.app)
      .get(`/api/appraisals/${appraisal.id}/history`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.body).toMatchObject({
      appraisalId: appraisal.id,
      workflowId: appraisal.workflowId,
      workflowAvailable: true,
    });
    expect(res.body.temporalUiUrl).toContain(`/workflows/${encodeURIComponent(appraisal.workflowId)}`);
    const entries: { at: string; source: string; kind: string; summary: string }[] = res.body.entries;
    const kinds = (source: string) => entries.filter((e) => e.source === source).map((e) => e.kind);
    for (const k of [
      'task.open',
      'plan.submit',
      'plan.approve',
      'evidence.submit',
      'review.submit',
      'appraisal.score',
      'result.share',
      'pay.compute',
      'task.complete',
    ])
      expect(kinds('audit')).toContain(k);
    for (const k of ['workflow.started', 'activity.scheduled', 'update.accepted', 'signal', 'workflow.completed'])
      expect(kinds('workflow')).toContain(k);
    expect(entries.filter((e) => e.kind === 'update.accepted').map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('submitPlan'), expect.stringContaining('submitReview')]),
    );
    const times = entries.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    // Every audit event of the appraisal is in the timeline.
    const auditCount = await t.db.prisma.auditEvent.count({
      where: { entity: 'appraisal', entityId: String(appraisal.id) },
    });
    expect(entries.filter((e) => e.source === 'audit').length).toBeGreaterThan(auditCount);
  });
});
