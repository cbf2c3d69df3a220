import request from 'supertest';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import {
  PLAN,
  allRatings,
  complete,
  completeOk,
  defaultAnswers,
  drive,
  login,
  openTask,
  singleEmployeeUnits,
  startSingle,
} from '../cycle/cycle-driver';

import { committedHistories, historyFromJSON, historyToJSON, saveHistory, type History } from './history-files';

/**
 * Determinism: histories of a finished cycle and of its batch workflow (each: its first run and its last), and of an appraisal that went through every branch (plan returned,
 * peer feedback asked of two colleagues — one answered, one expired with the rating — appeal changing the rating, sanctions decided) replay without a nondeterminism error against today's workflow code —
 * both freshly recorded ones and the ones committed in test/workflows/histories (recorded by an earlier version of
 * the code; each file holds the workflow id and the history) — among them every run of an employee's quarterly year,
 * recorded by test/cycle/year.test.ts. Capaian has never been deployed: after a deliberate
 * change of a workflow's commands, re-record them with `RECORD_HISTORIES=1`; from the first release on, use
 * patching or worker versioning instead.
 */
describe('workflow histories replay deterministically', () => {
  let t: WorkflowTestContext;
  const fresh: { name: string; workflowId: string; history: History }[] = [];

  beforeAll(async () => {
    t = await setupWorkflowTest('replay');
    const [unitId] = await singleEmployeeUnits(t);
    const { cycle, appraisal } = await startSingle(t, unitId);
    const answers = defaultAnswers(t);
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'RETURN', comment: 'Tambahkan indikator kualitas' });
    await completeOk(t, appraisal.id, 'plan.submit', PLAN);
    await completeOk(t, appraisal.id, 'plan.review', { decision: 'APPROVE' });
    const evidence = await openTask(t, 'evidence.submit', { appraisalId: appraisal.id });
    // Peer feedback (360): two colleagues asked; one answers, the other's request expires with the rating.
    const peers = await t.db.prisma.user.findMany({
      where: { employee: { status: 'ACTIVE', id: { notIn: [appraisal.employeeId, appraisal.raterId!] } } },
      orderBy: { id: 'asc' },
      take: 2,
    });
    const rater = await t.db.prisma.user.findUniqueOrThrow({ where: { employeeId: appraisal.raterId! } });
    await request(t.app)
      .post(`/api/appraisals/${appraisal.id}/peer-feedback/requests`)
      .set('Authorization', `Bearer ${await login(t, rater.username)}`)
      .send({ peerIds: peers.map((p) => p.employeeId) })
      .expect(201);
    const peerTask = await openTask(t, 'peer.feedback', { appraisalId: appraisal.id });
    const values = Object.fromEntries(Object.keys(allRatings('MEETS')).map((k) => [k, { rating: 'MEETS' }]));
    expect((await complete(t, peerTask, { values, note: 'Kerja sama baik' })).status).toBe(200);
    await completeOk(t, appraisal.id, 'evidence.submit', await answers['evidence.submit'](evidence));
    await completeOk(t, appraisal.id, 'review.submit', {
      resultRating: 'BELOW',
      behaviourRating: 'BELOW',
      berakhlak: allRatings('BELOW'),
    });
    const calibration = await openTask(t, 'calibration.unit', { cycleId: cycle.id });
    await complete(t, calibration, answers['calibration.unit'](calibration), 'admin');
    await completeOk(t, appraisal.id, 'result.respond', { action: 'APPEAL', reason: 'Bukti kinerja belum dinilai' });
    await completeOk(t, appraisal.id, 'appeal.decide', {
      decision: 'CHANGED',
      note: 'Perilaku kerja sesuai ekspektasi',
      newBehaviourRating: 'MEETS',
    });
    await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
    );
    for (const [name, workflowId] of [
      ['appraisal-appeal', appraisal.workflowId],
      ['cycle-single', cycle.workflowId],
    ]) {
      const handle = t.env.client.workflow.getHandle(workflowId);
      await handle.result();
      fresh.push({ name, workflowId, history: await handle.fetchHistory() });
    }
    // The cycle's first run (which starts the batch, calibrates the period and continues as new).
    fresh.push({ name: 'cycle-single-start', workflowId: cycle.workflowId, history: await firstRun(cycle.workflowId) });
    // The batch workflow the cycle started for its appraisals (named by the cycle and its first appraisal): its first
    // run (which starts the appraisals and continues as new) and its last run (which closes).
    const batchId = `${cycle.workflowId}-batch-${appraisal.id}`;
    const batch = t.env.client.workflow.getHandle(batchId);
    await batch.result();
    fresh.push({ name: 'appraisal-batch-start', workflowId: batchId, history: await firstRun(batchId) });
    fresh.push({ name: 'appraisal-batch', workflowId: batchId, history: await batch.fetchHistory() });
    for (const h of fresh) saveHistory(h.name, h.workflowId, h.history);
  });
  afterAll(() => t?.teardown());

  /** The history of a workflow's first run: from its last run back along the runs it continued from. */
  async function firstRun(workflowId: string): Promise<History> {
    let history = await t.env.client.workflow.getHandle(workflowId).fetchHistory();
    for (;;) {
      const from = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      if (!from) return history;
      history = await t.env.client.workflow.getHandle(workflowId, from).fetchHistory();
    }
  }

  it('the recorded appraisal went through every branch', () => {
    const appraisal = fresh.find((h) => h.name === 'appraisal-appeal')!.history;
    const updates = (appraisal.events ?? [])
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name)
      .filter(Boolean);
    expect(updates).toEqual([
      'submitPlan',
      'reviewPlan',
      'submitPlan',
      'reviewPlan',
      'requestPeerFeedback',
      'submitPeerFeedback',
      'submitEvidence',
      'submitReview',
      'respondToResult',
      'decideAppeal',
      'decideSanctions',
    ]);
  });

  it('fresh histories replay against the current workflow code', async () => {
    const results = [];
    for await (const r of Worker.runReplayHistories(
      { workflowBundle: t.bundle },
      fresh.map((h) => ({ workflowId: h.workflowId, history: h.history })),
    ))
      results.push(r);
    expect(results).toHaveLength(5);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('committed histories (test/workflows/histories) replay against the current workflow code', async () => {
    const saved = committedHistories();
    expect(saved.map((h) => h.name)).toEqual(
      expect.arrayContaining([
        'appraisal-appeal',
        'cycle-single',
        'cycle-single-start',
        'appraisal-batch-start',
        'appraisal-batch',
        'year-quarterly-run-4',
      ]),
    );
    for (const h of saved)
      await expect(
        Worker.runReplayHistory({ workflowBundle: t.bundle }, h.history, h.workflowId),
      ).resolves.toBeUndefined();
  });

  it('a history that code would not produce is caught as nondeterminism', async () => {
    // The cycle's history (its activities are scheduled on the server; the appraisal's run locally, as markers).
    const cycle = fresh.find((h) => h.name === 'cycle-single')!;
    const history = historyFromJSON(JSON.parse(historyToJSON(cycle.history)));
    const first = history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    first.activityTaskScheduledEventAttributes!.activityType!.name = 'anotherActivity';
    await expect(Worker.runReplayHistory({ workflowBundle: t.bundle }, history, 'tampered')).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
