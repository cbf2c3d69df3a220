/** `/api/tasks`: my tasks (ra-data-simple-rest) and their completion through workflow updates. */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import { authorize } from '../access/access.guard';
import { scopeWhere } from '../access/relations';
import { currentUser, hasRole } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, pageTotal, parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { TASK_PAYLOADS } from '../../workflows/task-payloads';
import { calibrationDistribution } from './calibration-view';
import { evidenceRemovalRoutes } from './evidence-removal';
import { completeTask, isAssignee, mineWhere } from './tasks.service';

const completeSchema = z.strictObject({ payload: z.unknown().optional() });
/** What the document states: the payload is the strict schema of the task's type (its validator checks it). */
const completeDoc = z.strictObject({
  payload: z.union(Object.values(TASK_PAYLOADS) as unknown as [z.ZodType, ...z.ZodType[]]),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/tasks',
    summary: 'Tugas saya (filter status, type, appraisalId, cycleId; SDM/auditor: filter scope="all")',
    tag: 'tasks',
    list: true,
  },
  { method: 'get', path: '/api/tasks/:id', summary: 'Satu tugas', tag: 'tasks' },
  {
    method: 'post',
    path: '/api/tasks/:id/complete',
    summary: 'Selesaikan tugas dengan isian langkahnya (update alur kerja dengan validator)',
    tag: 'tasks',
    body: completeDoc,
    responses: {
      '400': 'Isian ditolak validator; alasannya menyebut kolom',
      '403': 'Tugas milik orang lain',
      '409': 'Tugas sudah selesai, dibatalkan atau kedaluwarsa',
    },
  },
);

/** Whose case, which cycle and which evaluation period: what a list of identical task titles needs to be read. */
const include = {
  appraisal: {
    select: {
      id: true,
      stage: true,
      employee: { select: { id: true, name: true, nip: true } },
      period: { select: { id: true, label: true } },
    },
  },
  cycle: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.TaskInclude;

/** Routes of /api/tasks. */
export function tasksRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'task', 'list'), async (req, res) => {
    const user = currentUser(req);
    const q = parseListQuery(req, ['id', 'dueAt', 'createdAt', 'status', 'type', 'completedAt'], ['dueAt', 'ASC']);
    // The access scope first (HR and auditors: every task; others: their own); the filters below only narrow it.
    const mine = mineWhere(user);
    const scope: Prisma.TaskWhereInput = scopeWhere(user, 'task', 'list', { assignee: mine });
    const and: Prisma.TaskWhereInput[] = [scope];
    // "Mine" unless HR or an auditor asks for every task; a scope narrowed to the caller's tasks already says so.
    const unrestricted = Object.keys(scope).length === 0;
    if (q.filter.scope !== 'all' && unrestricted) and.push(mine);
    const id = idFilter(q.filter);
    if (id !== undefined) and.push({ id });
    if (typeof q.filter.status === 'string') and.push({ status: q.filter.status as any });
    if (typeof q.filter.type === 'string') and.push({ type: q.filter.type });
    for (const k of ['appraisalId', 'cycleId', 'assigneeId'] as const)
      if (q.filter[k] !== undefined) and.push({ [k]: Number(q.filter[k]) });
    const where: Prisma.TaskWhereInput = { AND: and };
    const rows = await deps.prisma.task.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, include });
    const total = await pageTotal('tasks', q, rows.length, where, () => deps.prisma.task.count({ where }));
    sendList(res, 'tasks', rows, total, q.skip);
  });
  router.get('/:id', authorize(deps, 'task', 'read'), async (req, res) => {
    const user = currentUser(req);
    const task = await deps.prisma.task.findUnique({ where: { id: parseId(req.params.id) }, include });
    if (!task) throw ApiError.notFound('Tugas');
    if (!isAssignee(user, task) && !hasRole(user, 'HR_ADMIN', 'AUDITOR') && task.completedById !== user.id)
      throw ApiError.forbidden('Tugas ini bukan untuk Anda / this task is assigned to someone else');
    // A unit's calibration: its predicates counted now, against the limits of the curve pinned to the cycle.
    res.json({ ...task, distribution: await calibrationDistribution(deps, task) });
  });
  router.post('/:id/complete', authorize(deps, 'task', 'complete'), validateBody(completeSchema), async (req, res) => {
    const result = await completeTask(deps, currentUser(req), parseId(req.params.id), req.body.payload ?? {});
    res.json(result);
  });
  evidenceRemovalRoutes(deps, router);
  return router;
}
