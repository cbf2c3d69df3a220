/** Units (organisation tree): list/show for everyone signed in, create/update/delete for HR. */
import { Router } from 'express';
import { z } from 'zod';
import { unitScope } from '../../prisma/unit-tree';
import { recordAudit } from '../../prisma/audit';
import type { Prisma } from '../../prisma/client';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { idSchema, parseId } from '../http/params';
import { validateBody } from '../http/validate';
import {
  calibratorsInOwnScope,
  clearCalibratorsWhoLeftScope,
  clearCalibratorsOfUnit,
} from '../users/account-lifecycle';

const unitSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, 'Wajib diisi')
    .max(40)
    .regex(/^[A-Z0-9.\-_]+$/i, 'Hanya huruf, angka, titik, strip'),
  name: z.string().trim().min(3, 'Minimal 3 karakter').max(200),
  parentId: idSchema().nullable().optional(),
});

async function assertNoCycle(db: AppDeps['prisma'], unitId: number, parentId: number | null | undefined) {
  if (!parentId) return;
  if (parentId === unitId)
    throw ApiError.badRequest('parentId: unit tidak boleh menjadi induknya sendiri', {
      fields: [{ field: 'parentId', message: 'tidak boleh diri sendiri' }],
    });
  const below = await unitScope(db, unitId);
  if (below.includes(parentId)) {
    throw ApiError.badRequest('parentId: induk tidak boleh berada di bawah unit ini (siklus)', {
      fields: [{ field: 'parentId', message: 'membentuk siklus' }],
    });
  }
}

/** Routes of /api/units. */
export function unitsRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.prisma;

  router.get('/', authorize(deps, 'unit', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'code', 'name', 'parentId'], ['code', 'ASC']);
    const where: Prisma.UnitWhereInput = {};
    const id = idFilter(q.filter);
    if (id !== undefined) where.id = id;
    if (typeof q.filter.q === 'string')
      where.OR = [
        { name: { contains: q.filter.q, mode: 'insensitive' } },
        { code: { contains: q.filter.q, mode: 'insensitive' } },
      ];
    if (q.filter.parentId === null) where.parentId = null;
    else if (q.filter.parentId !== undefined) where.parentId = Number(q.filter.parentId);
    const [rows, total] = await Promise.all([
      db.unit.findMany({
        where,
        orderBy: q.orderBy,
        skip: q.skip,
        take: q.take,
        include: { _count: { select: { employees: true, children: true } } },
      }),
      db.unit.count({ where }),
    ]);
    sendList(res, 'units', rows, total, q.skip);
  });

  router.get('/:id', authorize(deps, 'unit', 'read'), async (req, res) => {
    const unit = await db.unit.findUnique({
      where: { id: parseId(req.params.id) },
      include: { _count: { select: { employees: true, children: true } } },
    });
    if (!unit) throw ApiError.notFound('Unit');
    res.json(unit);
  });

  router.post('/', authorize(deps, 'unit', 'write'), validateBody(unitSchema), async (req, res) => {
    const user = currentUser(req);
    const unit = await db.$transaction(async (tx) => {
      const created = await tx.unit.create({ data: req.body });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'create',
        entity: 'unit',
        entityId: created.id,
        after: created,
      });
      return created;
    });
    res.status(201).json(unit);
  });

  router.put('/:id', authorize(deps, 'unit', 'write'), validateBody(unitSchema.partial()), async (req, res) => {
    const user = currentUser(req);
    const id = parseId(req.params.id);
    await assertNoCycle(db, id, req.body.parentId);
    const unit = await db.$transaction(async (tx) => {
      const before = await tx.unit.findUnique({ where: { id } });
      if (!before) throw ApiError.notFound('Unit');
      const moves = req.body.parentId !== undefined && req.body.parentId !== before.parentId;
      const calibrators = moves ? await calibratorsInOwnScope(tx) : new Set<number>();
      const after = await tx.unit.update({ where: { id }, data: req.body });
      await clearCalibratorsWhoLeftScope(tx, user, calibrators, `PUT /api/units/${id}`);
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'update',
        entity: 'unit',
        entityId: id,
        before,
        after,
      });
      return after;
    });
    res.json(unit);
  });

  router.delete('/:id', authorize(deps, 'unit', 'write'), async (req, res) => {
    const user = currentUser(req);
    const id = parseId(req.params.id);
    const unit = await db.$transaction(async (tx) => {
      const before = await tx.unit.findUnique({
        where: { id },
        include: { _count: { select: { employees: true, children: true, cycles: true, results: true } } },
      });
      if (!before) throw ApiError.notFound('Unit');
      if (before._count.employees || before._count.children || before._count.cycles || before._count.results) {
        throw ApiError.conflict(
          'Unit masih memiliki pegawai, sub-unit, siklus atau hasil unit (IKM); pindahkan dulu / unit is not empty',
          { counts: before._count },
        );
      }
      // Its calibrators lose the role (audited) rather than keep a CALIBRATOR role without a unit.
      await clearCalibratorsOfUnit(tx, user, id, before.code);
      await tx.unit.delete({ where: { id } });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'delete',
        entity: 'unit',
        entityId: id,
        before,
      });
      return before;
    });
    res.json(unit);
  });
  return router;
}
