/**
 * Observability against the real services (issue 11, item 6): after some requests, a task completion through the API
 * and workflows whose activity fails, GET /metrics gives request counts by route pattern, open tasks by type and age,
 * appraisals by stage and the audit verification age as the database and the requests made say; the worker's own
 * exporter (the SDK's Prometheus metrics) counts the activity and workflow failures. Who may scrape; liveness apart
 * from readiness.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import request from 'supertest';
import { installWorkerRuntime } from '../../activities/worker-metrics';
import { freePort } from '../../tools/free-port';
import { TASK_QUEUE } from '../../workflows/task-queue';
import {
  complete,
  login,
  openTask,
  PLAN,
  singleEmployeeUnits,
  startSingle,
  assigneeUsername,
} from '../cycle/cycle-driver';
import { createTestApp } from '../helpers/test-app';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Prometheus text format → samples. */
function parse(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** Sum of the samples of `name` whose labels include `labels`. */
function sum(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((a, s) => a + s.value, 0);
}

describe('GET /metrics and readiness (real PostgreSQL, Temporal test server, worker exporter)', () => {
  let t: WorkflowTestContext;
  let workerMetrics: string;
  const scrape = async () => parse((await request(t.app).get('/metrics').expect(200)).text);

  beforeAll(async () => {
    workerMetrics = `127.0.0.1:${await freePort()}`;
    installWorkerRuntime(workerMetrics, 'WARN'); // as `npm run worker` does, before any connection
    t = await setupWorkflowTest('metrics', {
      activities: (real) => ({
        ...real,
        // "sekali gagal" fails its first attempt and is retried; "gagal" fails for good (and so does its workflow).
        recordSkeletonRun: async (input) => {
          if (input.message === 'gagal') throw ApplicationFailure.nonRetryable('uji kegagalan', 'UjiGagal');
          if (input.message === 'sekali gagal' && Context.current().info.attempt === 1)
            throw new Error('uji: percobaan pertama gagal');
          return real.recordSkeletonRun(input);
        },
      }),
    });
  });
  afterAll(() => t?.teardown());

  it('counts requests by route pattern, open tasks by type and age, appraisals by stage, audit verification age', async () => {
    const units = await singleEmployeeUnits(t);
    const { appraisal } = await startSingle(t, units[0]);
    const task = await openTask(t, 'plan.submit', { appraisalId: appraisal.id });
    const done = await complete(t, task, PLAN, await assigneeUsername(t, task));
    expect(done.status).toBe(200);
    // The next step opens; one open task is made 5 days old to fill another age bucket.
    const review = await openTask(t, 'plan.review', { appraisalId: appraisal.id });
    await t.db.prisma.task.update({
      where: { id: review.id },
      data: { createdAt: new Date(Date.now() - 5 * 86400e3) },
    });

    const admin = await login(t, 'admin');
    for (let i = 0; i < 3; i++)
      await request(t.app).get('/api/tasks').set('Authorization', `Bearer ${admin}`).expect(200);
    await request(t.app).get('/api/units/987654').set('Authorization', `Bearer ${admin}`).expect(404);
    await request(t.app).get('/api/no-such-thing/42').set('Authorization', `Bearer ${admin}`).expect(404);
    const auditor = await login(t, 'auditor');
    const verified = await request(t.app).get('/api/audit-events/verify').set('Authorization', `Bearer ${auditor}`);
    expect(verified.body.ok).toBe(true);

    const m = await scrape();
    const count = 'capaian_http_request_duration_seconds_count';
    expect(sum(m, count, { method: 'GET', route: '/api/tasks', status: '200' })).toBe(3);
    expect(sum(m, count, { method: 'POST', route: '/api/tasks/:id/complete', status: '200' })).toBe(1);
    expect(sum(m, count, { method: 'GET', route: '/api/units/:id', status: '404' })).toBe(1);
    expect(sum(m, count, { route: 'unmatched', status: '404' })).toBe(1);
    expect(sum(m, count, { method: 'GET', route: '/api/audit-events/verify', status: '200' })).toBe(1);
    // Route labels are patterns: no id of a request reaches a label.
    const routes = new Set(m.filter((s) => s.name === count).map((s) => s.labels.route));
    expect([...routes].filter((r) => /\d{2,}/.test(r))).toEqual([]);

    // Open tasks: exactly what the database holds, by type and age bucket.
    const open = await t.db.prisma.task.findMany({
      where: { status: 'OPEN' },
      select: { type: true, createdAt: true },
    });
    const bucket = (d: Date) => {
      const days = (Date.now() - d.getTime()) / 86400e3;
      return days < 1 ? '<1d' : days < 3 ? '1-3d' : days < 7 ? '3-7d' : days < 14 ? '7-14d' : '>=14d';
    };
    const expected: Record<string, number> = {};
    for (const o of open)
      expected[`${o.type}|${bucket(o.createdAt)}`] = (expected[`${o.type}|${bucket(o.createdAt)}`] ?? 0) + 1;
    const reported: Record<string, number> = {};
    for (const s of m.filter((x) => x.name === 'capaian_open_tasks'))
      reported[`${s.labels.type}|${s.labels.age}`] = s.value;
    expect(reported).toEqual(expected);
    expect(reported['plan.review|3-7d']).toBe(1);
    expect(reported['plan.submit|<1d']).toBeUndefined();

    const stages = await t.db.prisma.appraisal.groupBy({ by: ['stage'], _count: true });
    expect(stages).toEqual([{ stage: 'PLANNING', _count: 1 }]);
    expect(sum(m, 'capaian_appraisals', { stage: 'PLANNING' })).toBe(1);
    expect(m.filter((s) => s.name === 'capaian_appraisals')).toHaveLength(1);

    expect(sum(m, 'capaian_audit_verification_age_seconds')).toBeLessThan(60);
    expect(sum(m, 'capaian_audit_verifications_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    const checkpointAge = sum(m, 'capaian_audit_checkpoint_age_seconds');
    expect(checkpointAge).toBeGreaterThanOrEqual(0);
    expect(checkpointAge).toBeLessThan(60);
    expect(sum(m, 'capaian_metrics_database_up')).toBe(1);
    expect(sum(m, 'capaian_process_resident_memory_bytes')).toBeGreaterThan(0);
    console.log(
      `metrics: ${m.length} samples; GET /api/tasks ×${sum(m, count, { route: '/api/tasks' })}; open tasks ${JSON.stringify(reported)}; ` +
        `audit verification age ${sum(m, 'capaian_audit_verification_age_seconds').toFixed(2)} s, checkpoint age ${checkpointAge.toFixed(2)} s`,
    );
  });

  it("the worker's exporter counts activity and workflow failures", async () => {
    const run = (message: string) =>
      t.env.client.workflow.execute('skeletonWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: `metrics-${message.replace(/\W/g, '-')}-${Date.now()}`,
        args: [{ message, actor: 'uji' }],
      });
    await expect(run('sekali gagal')).resolves.toMatchObject({ message: 'sekali gagal' });
    await expect(run('gagal')).rejects.toThrow();

    // The SDK exports on its own schedule: poll until both failures show.
    let w: Sample[] = [];
    for (let i = 0; i < 150; i++) {
      w = parse(await (await fetch(`http://${workerMetrics}/metrics`)).text());
      if (sum(w, 'temporal_workflow_failed_total') >= 1 && sum(w, 'temporal_activity_execution_failed_total') >= 2)
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(sum(w, 'temporal_activity_execution_failed_total', { activity_type: 'recordSkeletonRun' })).toBe(2);
    expect(sum(w, 'temporal_workflow_failed_total', { workflow_type: 'skeletonWorkflow' })).toBe(1);
    expect(sum(w, 'temporal_workflow_completed_total', { workflow_type: 'skeletonWorkflow' })).toBe(1);
    console.log(
      `worker metrics: activity failures ${sum(w, 'temporal_activity_execution_failed_total')}, workflow failures ${sum(w, 'temporal_workflow_failed_total')}, ` +
        `workflows completed ${sum(w, 'temporal_workflow_completed_total')}`,
    );
  });

  it('scraping: loopback without METRICS_TOKEN; with it, the bearer token from anywhere and nothing else', async () => {
    // A client behind a loopback proxy is judged by its own address.
    const remote = await request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.7').expect(403);
    expect(remote.body.error.code).toBe('METRICS_LOOPBACK_ONLY');
    const admin = await login(t, 'admin');
    await request(t.app).get('/metrics').set('Authorization', `Bearer ${admin}`).expect(200); // loopback anyway

    const token = 'scrape-token-0123456789abcdef';
    const guarded = createTestApp(t.db, undefined, { METRICS_TOKEN: token }).app;
    const none = await request(guarded).get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    await request(guarded).get('/metrics').set('Authorization', `Bearer ${admin}`).expect(401); // a user token is not it
    const ok = await request(guarded)
      .get('/metrics')
      .set('X-Forwarded-For', '203.0.113.7')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('liveness answers without the database or Temporal; readiness checks both', async () => {
    const live = await request(t.app).get('/api/health').expect(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    const ready = await request(t.app).get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
    const down = createTestApp(t.db).app; // Temporal down
    await request(down).get('/api/health').expect(200);
    const notReady = await request(down).get('/api/health/ready').expect(503);
    expect(notReady.body).toMatchObject({ status: 'degraded', database: 'ok', temporal: 'down' });
  });
});
