/**
 * Recurring cycles as Temporal Schedules, on the real Temporal dev server (the time-skipping test server
 * has no schedules): created through the API with its next run at the start of the next period in WIB,
 * a firing opens and starts the period's cycle with pinned versions, a second firing adds nothing,
 * pause and delete work, and bad input names the field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeConnection, type Worker } from '@temporalio/worker';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { temporalClientProvider } from '../../server/temporal-client';
import { bundleWorkflows, createWorker } from '../../activities/worker';
import { ensureTemporalCli } from '../../tools/temporal-cli';
import { freePort } from '../../tools/free-port';
import { startTemporalDevServer } from '../../tools/temporal-dev-server';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { DEMO_PASSWORD } from '../../prisma/seed/seed-database';

jest.setTimeout(240_000);

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('recurring cycles as Temporal Schedules (real dev server, PostgreSQL)', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startTemporalDevServer>>;
  let provider: ReturnType<typeof temporalClientProvider>;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const token: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'capaian-schedules-'));
    const [cliPath, port, uiPort] = await Promise.all([ensureTemporalCli(() => undefined), freePort(), freePort()]);
    [server, db] = await Promise.all([
      startTemporalDevServer({
        cliPath,
        dbFile: join(dir, 'temporal.sqlite'),
        port,
        uiPort,
        namespace: 'default',
        logFile: join(dir, 'temporal.log'),
      }),
      createTestDatabase('schedules'),
    ]);
    await seedDemo(db.prisma);
    provider = temporalClientProvider(server.address, 'default');
    connection = await NativeConnection.connect({ address: server.address });
    worker = await createWorker({ connection, prisma: db.prisma, workflowBundle: await bundleWorkflows() });
    running = worker.run();
    app = createTestApp(db, provider.get).app;
    for (const u of ['admin', 'pegawai']) {
      const res = await request(app).post('/api/auth/login').send({ username: u, password: DEMO_PASSWORD });
      token[u] = res.body.token;
    }
  });

  afterAll(async () => {
    worker?.shutdown();
    await running?.catch(() => undefined);
    await connection?.close().catch(() => undefined);
    await provider?.close();
    await server?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens and starts the year when it fires (1 January, unit time zone), once per year; pause and delete', async () => {
    // The smallest unit with staff keeps the cycle light.
    const units = await db.prisma.unit.findMany({ include: { _count: { select: { employees: true } } } });
    const unit = units.filter((u) => u._count.employees > 0).sort((a, b) => a._count.employees - b._count.employees)[0];

    const bad = await request(app)
      .post('/api/cycle-schedules')
      .set('Authorization', `Bearer ${token.admin}`)
      .send({ name: 'SKP bulanan', unitId: unit.id, periodType: 'WEEK' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('periodType');
    // A frequency must divide the period it evaluates.
    const coarse = await request(app)
      .post('/api/cycle-schedules')
      .set('Authorization', `Bearer ${token.admin}`)
      .send({ name: 'SKP triwulan', unitId: unit.id, periodType: 'QUARTER', evaluationFrequency: 'SEMESTER' })
      .expect(400);
    expect(coarse.body.error.details.fields[0].field).toBe('evaluationFrequency');
    await request(app)
      .post('/api/cycle-schedules')
      .set('Authorization', `Bearer ${token.pegawai}`)
      .send({ name: 'SKP bulanan', unitId: unit.id, periodType: 'MONTH' })
      .expect(403);

    const created = await request(app)
      .post('/api/cycle-schedules')
      .set('Authorization', `Bearer ${token.admin}`)
      .send({
        name: 'SKP tahunan',
        unitId: unit.id,
        periodType: 'YEAR',
        evaluationFrequency: 'QUARTER',
        includeDescendants: false,
      })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({
      paused: false,
      periodType: 'YEAR',
      evaluationFrequency: 'QUARTER',
      timeZone: 'Asia/Jakarta',
    });
    // Next run: 00:05 WIB (UTC+7) on 1 January of the next year.
    const wib = new Date(Date.now() + 7 * 3600_000);
    const next = new Date(Date.UTC(wib.getUTCFullYear() + 1, 0, 1, 0, 5) - 7 * 3600_000);
    expect(created.body.nextRunAt).toBe(next.toISOString());
    const list = await request(app)
      .get('/api/cycle-schedules')
      .set('Authorization', `Bearer ${token.admin}`)
      .expect(200);
    expect(list.headers['content-range']).toBe('cycle-schedules 0-0/1');

    // Fire it now: the current year (WIB) opens, evaluated quarterly, with every kind of rule pinned, and runs.
    await request(app)
      .post(`/api/cycle-schedules/${id}/trigger`)
      .set('Authorization', `Bearer ${token.admin}`)
      .expect(200);
    const period = await db.prisma.period.findUniqueOrThrow({
      where: { type_year_number: { type: 'YEAR', year: wib.getUTCFullYear(), number: 1 } },
    });
    const cycle = await until('the scheduled cycle to run', () =>
      db.prisma.cycle.findFirst({ where: { unitId: unit.id, periodId: period.id, status: 'RUNNING' } }),
    );
    expect(cycle.name).toBe(`SKP tahunan — ${period.label}`);
    expect(cycle).toMatchObject({
      workflowId: `cycle-${cycle.id}`,
      includeDescendants: false,
      evaluationFrequency: 'QUARTER',
    });
    for (const v of [cycle.scoringVersionId, cycle.distributionVersionId, cycle.payVersionId, cycle.sanctionVersionId])
      expect(v).toEqual(expect.any(Number));
    const appraisals = await until('appraisals', async () => {
      // The first quarter's rows (each employee's workflow opens the later quarters' rows itself).
      const n = await db.prisma.appraisal.count({ where: { cycleId: cycle.id, sequence: 1 } });
      return n === unit._count.employees && n;
    });
    expect(appraisals).toBe(unit._count.employees);
    expect(
      await db.prisma.auditEvent.count({ where: { action: 'cycle.scheduled-start', entityId: String(cycle.id) } }),
    ).toBe(1);

    // A second firing for the same period adds no cycle.
    await request(app)
      .post(`/api/cycle-schedules/${id}/trigger`)
      .set('Authorization', `Bearer ${token.admin}`)
      .expect(200);
    const client = await provider.get();
    const runs = await until('two scheduled runs', async () => {
      const d = await client.schedule.getHandle(id).describe();
      return d.info.recentActions.length === 2 && d.info.recentActions;
    });
    const second = await client.workflow.getHandle(runs[1].action.workflow.workflowId).result();
    expect(second).toEqual({ cycleId: cycle.id, started: false });
    expect(await db.prisma.cycle.count({ where: { periodId: period.id, unitId: unit.id } })).toBe(1);

    const paused = await request(app)
      .post(`/api/cycle-schedules/${id}/pause`)
      .set('Authorization', `Bearer ${token.admin}`)
      .send({ note: 'libur akhir tahun' })
      .expect(200);
    expect(paused.body).toMatchObject({ paused: true, note: 'libur akhir tahun' });
    await request(app).delete(`/api/cycle-schedules/${id}`).set('Authorization', `Bearer ${token.admin}`).expect(200);
    await request(app).get(`/api/cycle-schedules/${id}`).set('Authorization', `Bearer ${token.admin}`).expect(404);
    const actions = await db.prisma.auditEvent.findMany({ where: { entity: 'cycle-schedule', entityId: id } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      ['create', 'delete', 'pause', 'trigger', 'trigger'].map((a) => `cycle-schedule.${a}`),
    );
  });
});
