/**
 * `/api/sanctions`: sanction and follow-up recommendations (PP 94/2021, PP 30/2019) with their explanation.
 * Read-only: HR decides them through the appraisal's `sanction.decide` task (all recommendations of an
 * appraisal together, through the workflow); each row names that task while it is open.
 */
import { Router } from 'express';
import type { Prisma } from '../../prisma/client';
import { sharedResultWhere } from '../access/disclosure';
import { scopeWhere } from '../access/relations';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { describeRoutes } from '../openapi/registry';

describeRoutes(
  {
    method: 'get',
    path: '/api/sanctions',
    summary:
      'Rekomendasi sanksi dan tindak lanjut (pegawai: miliknya; SDM/auditor: semua); taskId = tugas keputusannya',
    tag: 'pay',
    list: true,
  },
  { method: 'get', path: '/api/sanctions/:id', summary: 'Satu rekomendasi dengan penjelasannya', tag: 'pay' },
);

/** Routes of /api/sanctions. */
export function sanctionsRoutes(deps: AppDeps): Router {
  const router = Router();
  const include = {
    employee: { select: { name: true, nip: true } },
    appraisal: { select: { cycleId: true, cycle: { select: { name: true } } } },
  } satisfies Prisma.SanctionInclude;

  /** The open decision task of each row's appraisal (HR decides there). */
  async function withTasks<T extends { appraisalId: number | null }>(rows: T[]) {
    const ids = [...new Set(rows.map((r) => r.appraisalId).filter((id): id is number => id !== null))];
    const tasks = ids.length
      ? await deps.prisma.task.findMany({
          where: { appraisalId: { in: ids }, type: 'sanction.decide', status: 'OPEN' },
          select: { id: true, appraisalId: true },
        })
      : [];
    const byAppraisal = new Map(tasks.map((t) => [t.appraisalId, t.id]));
    return rows.map((r) => ({ ...r, taskId: (r.appraisalId !== null && byAppraisal.get(r.appraisalId)) || null }));
  }

  router.get('/', authorize(deps, 'sanction', 'list'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'code', 'status', 'employeeId', 'createdAt'], ['id', 'DESC']);
    // The caller's scope and the client's filter are ANDed: a filter narrows the scope, never replaces it.
    const user = currentUser(req);
    const and: Prisma.SanctionWhereInput[] = [
      scopeWhere(user, 'sanction', 'list', { self: 'employeeId' }),
      sharedResultWhere(user, true),
    ];
    const id = idFilter(q.filter);
    if (id !== undefined) and.push({ id });
    for (const k of ['employeeId', 'appraisalId'] as const)
      if (q.filter[k] !== undefined) and.push({ [k]: Number(q.filter[k]) });
    if (typeof q.filter.status === 'string') and.push({ status: q.filter.status as any });
    if (typeof q.filter.code === 'string') and.push({ code: q.filter.code });
    if (q.filter.cycleId !== undefined) and.push({ appraisal: { cycleId: Number(q.filter.cycleId) } });
    const where: Prisma.SanctionWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      deps.prisma.sanction.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, include }),
      deps.prisma.sanction.count({ where }),
    ]);
    sendList(res, 'sanctions', await withTasks(rows), total, q.skip);
  });
  router.get('/:id', authorize(deps, 'sanction', 'read'), async (req, res) => {
    // The access guard has checked the caller's relation to this row (sanction.read).
    const row = await deps.prisma.sanction.findFirst({
      where: { AND: [{ id: parseId(req.params.id) }, sharedResultWhere(currentUser(req), true)] },
      include,
    });
    if (!row) throw ApiError.notFound('Rekomendasi sanksi');
    res.json((await withTasks([row]))[0]);
  });
  return router;
}
