/** `/api/pay-adjustments`: allowances (TPP) per employee and month, in integer rupiah, with their explanation. */
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
import { parseMonth } from './period-pay';

describeRoutes(
  {
    method: 'get',
    path: '/api/pay-adjustments',
    summary: 'TPP per pegawai dan bulan (filter month=YYYY-MM, cycleId, periodId, employeeId; pegawai: miliknya)',
    tag: 'pay',
    list: true,
  },
  { method: 'get', path: '/api/pay-adjustments/:id', summary: 'Satu TPP dengan penjelasannya', tag: 'pay' },
);

/** Routes of /api/pay-adjustments. */
export function payAdjustmentsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'pay-adjustment', 'list'), async (req, res) => {
    const q = parseListQuery(
      req,
      ['id', 'amount', 'employeeId', 'cycleId', 'periodId', 'month', 'createdAt'],
      ['id', 'DESC'],
    );
    // The caller's scope and the client's filter are ANDed: a filter narrows the scope, never replaces it.
    const user = currentUser(req);
    const and: Prisma.PayAdjustmentWhereInput[] = [
      scopeWhere(user, 'pay-adjustment', 'list', { self: 'employeeId' }),
      sharedResultWhere(user, false),
    ];
    const id = idFilter(q.filter);
    if (id !== undefined) and.push({ id });
    for (const k of ['cycleId', 'periodId', 'employeeId'] as const)
      if (q.filter[k] !== undefined) and.push({ [k]: Number(q.filter[k]) });
    if (typeof q.filter.predicate === 'string') and.push({ predicate: q.filter.predicate as any });
    if (q.filter.month !== undefined) and.push({ month: parseMonth(q.filter.month, 'filter.month') });
    const where: Prisma.PayAdjustmentWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      deps.prisma.payAdjustment.findMany({
        where,
        orderBy: q.orderBy,
        skip: q.skip,
        take: q.take,
        include: { employee: { select: { name: true, nip: true } }, period: { select: { label: true } } },
      }),
      deps.prisma.payAdjustment.count({ where }),
    ]);
    sendList(res, 'pay-adjustments', rows, total, q.skip);
  });
  router.get('/:id', authorize(deps, 'pay-adjustment', 'read'), async (req, res) => {
    // The access guard has checked the caller's relation to this row (pay-adjustment.read).
    const row = await deps.prisma.payAdjustment.findFirst({
      where: { AND: [{ id: parseId(req.params.id) }, sharedResultWhere(currentUser(req), false)] },
      include: { employee: { select: { name: true, nip: true } }, period: true },
    });
    if (!row) throw ApiError.notFound('TPP');
    res.json(row);
  });
  return router;
}
