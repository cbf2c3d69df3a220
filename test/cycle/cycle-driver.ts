/** Simulated actors for cycle tests: they find open tasks and complete them through the API, as their assignee. */
import request from 'supertest';
import type { Task } from '../../prisma/client';
import type { WorkflowTestContext } from '../helpers/temporal-env';

export type Answer = (task: Task) => Promise<unknown> | unknown;

/** A valid plan with one main and one additional work result. */
export const PLAN = {
  expectations: 'Laporan tepat waktu dan layanan tanpa keluhan',
  items: [
    {
      kind: 'MAIN',
      title: 'Tersusunnya laporan kinerja bulanan',
      indicators: [
        { aspect: 'QUANTITY', description: 'Jumlah laporan yang disusun', target: '3 laporan', targetValue: 3 },
      ],
    },
    {
      kind: 'ADDITIONAL',
      title: 'Terlaksananya pendampingan magang',
      indicators: [{ aspect: 'TIME', description: 'Pendampingan selesai tepat waktu', target: 'akhir triwulan' }],
    },
  ],
};

export const allRatings = (r: 'ABOVE' | 'MEETS' | 'BELOW') => ({
  berorientasiPelayanan: r,
  akuntabel: r,
  kompeten: r,
  harmonis: r,
  loyal: r,
  adaptif: r,
  kolaboratif: r,
});

/** Default answers of every task type: approve, rate MEETS/MEETS, accept, justify, dismiss. */
export function defaultAnswers(t: WorkflowTestContext): Record<string, Answer> {
  return {
    'plan.submit': () => PLAN,
    'plan.review': () => ({ decision: 'APPROVE' }),
    'evidence.submit': async (task) => {
      const indicators = await t.db.prisma.indicator.findMany({
        where: { planItem: { plan: { appraisalId: task.appraisalId! } } },
      });
      return {
        realizations: indicators.map((i) => ({ indicatorId: i.id, value: 'tercapai', note: 'sesuai target' })),
        links: [{ indicatorId: indicators[0].id, title: 'Laporan di arsip', url: 'https://arsip.example.go.id/lap/1' }],
      };
    },
    'review.submit': () => ({ resultRating: 'MEETS', behaviourRating: 'MEETS', berakhlak: allRatings('MEETS') }),
    'result.respond': () => ({ action: 'ACCEPT' }),
    'appeal.decide': () => ({ decision: 'UNCHANGED', note: 'Penilaian sudah sesuai bukti' }),
    'sanction.decide': (task) => ({
      decisions: ((task.context as any)?.recommendations ?? []).map((r: any) => ({
        code: r.code,
        decision: 'DISMISS',
      })),
    }),
    'calibration.unit': () => ({ action: 'JUSTIFY', justification: 'Unit kecil; sebaran wajar menurut pimpinan' }),
  };
}

const tokenCache = new WeakMap<WorkflowTestContext, Map<string, Promise<string>>>();
/** Signs in once per username and context (the login endpoint is rate-limited). */
export function login(t: WorkflowTestContext, username: string): Promise<string> {
  let cache = tokenCache.get(t);
  if (!cache) tokenCache.set(t, (cache = new Map()));
  if (!cache.has(username)) cache.set(username, t.login(username));
  return cache.get(username)!;
}

/**
 * The username that may complete a task: its assignee's account; for HR tasks `admin`, or `admin2` when the task's
 * appraisal is `admin`'s own (an HR admin never acts on their own case).
 */
export async function assigneeUsername(t: WorkflowTestContext, task: Task): Promise<string> {
  if (task.assigneeRole === 'HR_ADMIN') return (await isAdminsOwn(t, task.appraisalId)) ? 'admin2' : 'admin';
  const user = await t.db.prisma.user.findUnique({ where: { employeeId: task.assigneeId! } });
  if (!user) throw new Error(`no user for employee ${task.assigneeId}`);
  return user.username;
}

/** Whether the appraisal is that of the demo HR admin `admin` (the head of a BKPSDM field unit). */
export async function isAdminsOwn(t: WorkflowTestContext, appraisalId: number | null): Promise<boolean> {
  if (appraisalId === null) return false;
  const [appraisal, admin] = await Promise.all([
    t.db.prisma.appraisal.findUnique({ where: { id: appraisalId }, select: { employeeId: true } }),
    t.db.prisma.user.findUnique({ where: { username: 'admin' }, select: { employeeId: true } }),
  ]);
  return !!appraisal && appraisal.employeeId === admin?.employeeId;
}

/** Completes a task through the API as `username` (default: its assignee); returns the response. */
export async function complete(t: WorkflowTestContext, task: Task, payload: unknown, username?: string) {
  const token = await login(t, username ?? (await assigneeUsername(t, task)));
  return request(t.app)
    .post(`/api/tasks/${task.id}/complete`)
    .set('Authorization', `Bearer ${token}`)
    .send({ payload });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns a truthy value (real time, not workflow time). */
export async function until<T>(
  fn: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Waits for an open task of a type (optionally of one appraisal). */
export function openTask(t: WorkflowTestContext, type: string, where: { appraisalId?: number; cycleId?: number } = {}) {
  return until(
    () => t.db.prisma.task.findFirst({ where: { type, status: 'OPEN', ...where }, orderBy: { id: 'asc' } }),
    `open ${type} task`,
  );
}

/**
 * Drives a cycle: completes every open task with `answers` (overriding the defaults) until `done()` holds; a type
 * answered with `null` is left open (a task can open between the `done()` check and the listing).
 * Returns the completed tasks in order.
 */
export async function drive(
  t: WorkflowTestContext,
  cycleId: number,
  done: () => Promise<boolean>,
  answers: Partial<Record<string, Answer | null>> = {},
  timeoutMs = 90_000,
): Promise<Task[]> {
  const all = { ...defaultAnswers(t), ...answers };
  const completed: Task[] = [];
  const end = Date.now() + timeoutMs;
  const seen = new Set<number>();
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`drive: timed out; completed ${completed.length} tasks`);
    const open = await t.db.prisma.task.findMany({ where: { cycleId, status: 'OPEN' }, orderBy: { id: 'asc' } });
    const fresh = open.filter((o) => !seen.has(o.id));
    if (!fresh.length) {
      await sleep(50);
      continue;
    }
    await Promise.all(
      fresh.map(async (task) => {
        seen.add(task.id);
        const answer = all[task.type];
        if (answer === null) return;
        if (!answer) throw new Error(`no answer for ${task.type}`);
        const res = await complete(t, task, await answer(task));
        if (res.status !== 200) throw new Error(`complete ${task.type} → ${res.status} ${JSON.stringify(res.body)}`);
        completed.push(task);
      }),
    );
  }
  return completed;
}

/** Creates a cycle through the API for a unit (without descendants unless asked) and starts it. */
export async function createAndStartCycle(
  t: WorkflowTestContext,
  options: {
    unitId: number;
    includeDescendants?: boolean;
    settings?: Record<string, unknown>;
    name?: string;
    /** The span (default: the first quarter of the earliest year, evaluated once) and how often it is evaluated. */
    periodId?: number;
    evaluationFrequency?: 'MONTH' | 'QUARTER' | 'SEMESTER';
  },
) {
  const admin = await login(t, 'admin');
  const period = options.periodId
    ? await t.db.prisma.period.findUniqueOrThrow({ where: { id: options.periodId } })
    : await t.db.prisma.period.findFirstOrThrow({ where: { type: 'QUARTER', number: 1 }, orderBy: { year: 'asc' } });
  const created = await request(t.app)
    .post('/api/cycles')
    .set('Authorization', `Bearer ${admin}`)
    .send({
      name: options.name ?? 'Penilaian Triwulan I',
      unitId: options.unitId,
      periodId: period.id,
      evaluationFrequency: options.evaluationFrequency,
      includeDescendants: options.includeDescendants ?? false,
      settings: options.settings ?? {},
    });
  if (created.status !== 201) throw new Error(`create cycle → ${created.status} ${JSON.stringify(created.body)}`);
  const started = await request(t.app)
    .post(`/api/cycles/${created.body.id}/start`)
    .set('Authorization', `Bearer ${admin}`)
    .send({});
  if (started.status !== 200) throw new Error(`start cycle → ${started.status} ${JSON.stringify(started.body)}`);
  return {
    cycle: started.body as { id: number; workflowId: string; payVersionId: number; scoringVersionId: number },
    period,
  };
}

/** Waits until every appraisal of the cycle has a row and they are all in one of `stages`. */
export function allInStage(t: WorkflowTestContext, cycleId: number, stages: string[], expected?: number) {
  return async () => {
    const rows = await t.db.prisma.appraisal.findMany({ where: { cycleId }, select: { stage: true } });
    return (
      rows.length > 0 &&
      (expected === undefined || rows.length === expected) &&
      rows.every((r) => stages.includes(r.stage))
    );
  };
}

/**
 * Advances the test server's clock to `at` (ms since epoch), firing every timer on the way. The server answers once
 * its clock is there, which takes as long as the workflow and activity tasks it waits for (it skips time only while
 * none is outstanding): seconds. Once in a few hundred runs on a loaded machine its clock stood still for a while with
 * nothing outstanding that the test can see; a stalled attempt is given up after `limitMs` and the rest of the way
 * asked for again (the clock it reached counts), up to `attempts` times. A clock still not there fails the test with
 * the clock, the target and the work outstanding, instead of hanging until jest's timeout.
 */
export async function advanceTo(t: WorkflowTestContext, at: number, limitMs = 30_000, attempts = 3) {
  const stalls: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const now = await t.env.currentTimeMs();
    if (at <= now) return;
    try {
      await t.env.connection.withDeadline(Date.now() + limitMs, () => t.env.sleep(at - now));
      return;
    } catch (err) {
      const reached = await t.env.currentTimeMs();
      stalls.push(
        `attempt ${attempt}: at ${new Date(reached).toISOString()} after ${limitMs / 1000} s (${(err as Error).message})`,
      );
      if (reached >= at) return;
      if (attempt >= attempts)
        throw new Error(
          `the test server's clock did not reach ${new Date(at).toISOString()}: ${stalls.join('; ')}; ` +
            `outstanding: ${await outstandingWork(t)}`,
          { cause: err },
        );
      console.warn(`advanceTo ${new Date(at).toISOString()}: ${stalls.at(-1)}; asking again`);
    }
  }
}

/** The workflows of the test's cycles and appraisals that have a workflow task or an activity outstanding. */
async function outstandingWork(t: WorkflowTestContext): Promise<string> {
  const ids = [
    ...(await t.db.prisma.cycle.findMany({ select: { workflowId: true } })).map((c) => c.workflowId),
    ...(await t.db.prisma.appraisal.findMany({ select: { workflowId: true } })).map((a) => a.workflowId),
  ].filter((id): id is string => !!id);
  const busy: string[] = [];
  for (const workflowId of ids) {
    const d = await t.env.client.workflowService
      .describeWorkflowExecution({ namespace: t.env.namespace ?? 'default', execution: { workflowId } })
      .catch(() => null);
    if (!d) continue;
    const parts = [
      d.pendingWorkflowTask ? `workflow task ${d.pendingWorkflowTask.state}` : '',
      ...(d.pendingActivities ?? []).map((a) => `activity ${a.activityType?.name} attempt ${a.attempt}`),
    ].filter(Boolean);
    if (parts.length) busy.push(`${workflowId}: ${parts.join(', ')}`);
  }
  return busy.join('; ') || 'none';
}

/** Waits until the workflow has started `n` timers in total (so a following `env.sleep` skips past them). */
export async function timersStarted(t: WorkflowTestContext, workflowId: string, n: number) {
  await until(async () => {
    const history = await t.env.client.workflow.getHandle(workflowId).fetchHistory();
    const count = (history.events ?? []).filter((e) => e.timerStartedEventAttributes).length;
    return count >= n;
  }, `${n} timers in ${workflowId}`);
}

/** Field units (Bidang) of the demo city: each holds only its head, so a cycle on one has a single appraisal. */
export async function singleEmployeeUnits(t: WorkflowTestContext): Promise<number[]> {
  const units = await t.db.prisma.unit.findMany({
    where: { code: { contains: '.B' }, NOT: { code: { contains: '.S' } } },
    include: { _count: { select: { employees: true } } },
    orderBy: { id: 'asc' },
  });
  return units.filter((u) => u._count.employees === 1).map((u) => u.id);
}

/** Starts a cycle on a single-employee unit and returns it with its only appraisal (once its row exists). */
export async function startSingle(t: WorkflowTestContext, unitId: number, settings: Record<string, unknown> = {}) {
  const { cycle, period } = await createAndStartCycle(t, { unitId, settings });
  const appraisal = await until(
    () => t.db.prisma.appraisal.findFirst({ where: { cycleId: cycle.id } }),
    `appraisal of cycle ${cycle.id}`,
  );
  return { cycle, period, appraisal };
}

/** Completes the open task of a type of an appraisal through the API, expecting 200; returns the task. */
export async function completeOk(
  t: WorkflowTestContext,
  appraisalId: number,
  type: string,
  payload: unknown,
  username?: string,
) {
  const task = await openTask(t, type, { appraisalId });
  const res = await complete(t, task, payload, username);
  if (res.status !== 200) throw new Error(`complete ${type} → ${res.status} ${JSON.stringify(res.body)}`);
  return task;
}
