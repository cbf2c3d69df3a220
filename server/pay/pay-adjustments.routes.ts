/** `/api/pay-adjustments`: allowances (TPP) per employee and period, in integer rupiah, with their explanation. */
import { Router } from 'express';
import type { Prisma } from '../../prisma/client';
import { hasRole, requireAuth } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { describeRoutes } from '../openapi/registry';

describeRoutes(
  {
    method: 'get',
    path: '/api/pay-adjustments',
    summary: 'TPP per pegawai dan periode (pegawai: miliknya; SDM/auditor: semua)',
    tag: 'pay',
    list: true,
  },
  { method: 'get', path: '/api/pay-adjustments/:id', summary: 'Satu TPP dengan penjelasannya', tag: 'pay' },
);

/** Routes of /api/pay-adjustments. */
export function payAdjustmentsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(requireAuth(deps));
  const scope = (req: Parameters<Parameters<typeof router.get>[1]>[0]): Prisma.PayAdjustmentWhereInput =>
    hasRole(req.user, 'HR_ADMIN', 'AUDITOR') ? {} : { employeeId: req.user!.employeeId ?? -1 };
  router.get('/', async (req, res) => {
    const q = parseListQuery(req, ['id', 'amount', 'employeeId', 'cycleId', 'periodId', 'createdAt'], ['id', 'DESC']);
    const where: Prisma.PayAdjustmentWhereInput = { ...scope(req) };
    const id = idFilter(q.filter);
    if (id !== undefined) where.id = id;
    for (const k of ['cycleId', 'periodId', 'employeeId'] as const)
      if (q.filter[k] !== undefined) (where as any)[k] = Number(q.filter[k]);
    if (typeof q.filter.predicate === 'string') where.predicate = q.filter.predicate as any;
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
  router.get('/:id', async (req, res) => {
    const row = await deps.prisma.payAdjustment.findFirst({
      where: { id: parseId(req.params.id), ...scope(req) },
      include: { employee: { select: { name: true, nip: true } }, period: true },
    });
    if (!row) throw ApiError.notFound('TPP');
    res.json(row);
  });
  return router;
}
