/** `/api/periods`: the appraisal periods (months, quarters, semesters, years). */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import { ensurePeriods } from '../../prisma/seed/seed-database';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { recordAudit } from '../../prisma/audit';
import { describeRoutes } from '../openapi/registry';

const yearSchema = z.strictObject({ year: z.number({ error: 'Wajib diisi' }).int().min(2000).max(2100) });

describeRoutes(
  { method: 'get', path: '/api/periods', summary: 'Daftar periode (filter type, year)', tag: 'periods', list: true },
  {
    method: 'post',
    path: '/api/periods/year',
    summary: 'Buat semua periode satu tahun',
    tag: 'periods',
    access: ['HR_ADMIN'],
    body: yearSchema,
  },
);

/** Routes of /api/periods. */
export function periodsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'period', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'year', 'type', 'number', 'startDate'], ['startDate', 'ASC']);
    const where: Prisma.PeriodWhereInput = {};
    const id = idFilter(q.filter);
    if (id !== undefined) where.id = id;
    if (typeof q.filter.type === 'string') where.type = q.filter.type as any;
    if (q.filter.year !== undefined) where.year = Number(q.filter.year);
    const [rows, total] = await Promise.all([
      deps.prisma.period.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take }),
      deps.prisma.period.count({ where }),
    ]);
    sendList(res, 'periods', rows, total, q.skip);
  });
  router.get('/:id', authorize(deps, 'period', 'read'), async (req, res) => {
    const row = await deps.prisma.period.findUnique({ where: { id: parseId(req.params.id) } });
    if (!row) throw ApiError.notFound('Periode');
    res.json(row);
  });
  router.post('/year', authorize(deps, 'period', 'create'), validateBody(yearSchema), async (req, res) => {
    const user = currentUser(req);
    await ensurePeriods(deps.prisma, req.body.year);
    await recordAudit(deps.prisma, {
      actorUserId: user.id,
      actor: user.username,
      action: 'create-periods',
      entity: 'period',
      entityId: req.body.year,
    });
    res
      .status(201)
      .json(await deps.prisma.period.findMany({ where: { year: req.body.year }, orderBy: { startDate: 'asc' } }));
  });
  return router;
}
