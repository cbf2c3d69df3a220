/** Employees: search and filters for everyone signed in; create/update (incl. the direct superior) for HR. */
import { Router } from 'express';
import { recordAudit } from '../../prisma/audit';
import type { Prisma } from '../../prisma/client';
import { ownCaseChanges, ownCaseRefusal } from '../access/own-case';
import { directoryRow } from '../access/disclosure';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { calibratorsInOwnScope, clearCalibratorsWhoLeftScope, deactivateIfDeparted } from '../users/account-lifecycle';
import { employeeColumns, employeeSchema, type EmployeeInput } from './employee.schema';

const include = {
  unit: { select: { id: true, code: true, name: true } },
  superior: { select: { id: true, name: true, nip: true, position: true, superiorId: true } },
  _count: { select: { subordinates: true } },
} satisfies Prisma.EmployeeInclude;

/** Refuses a superior that is the employee or one of the employee's own subordinates (a loop in the reporting line). */
export async function assertValidSuperior(
  db: AppDeps['prisma'],
  employeeId: number | null,
  superiorId: number | null | undefined,
) {
  if (!superiorId) return;
  const fail = (message: string) =>
    ApiError.badRequest(`superiorId: ${message}`, { fields: [{ field: 'superiorId', message }] });
  if (employeeId === superiorId) throw fail('pegawai tidak boleh menjadi atasannya sendiri');
  const superior = await db.employee.findUnique({ where: { id: superiorId }, select: { id: true, status: true } });
  if (!superior) throw fail('atasan tidak ditemukan');
  if (superior.status !== 'ACTIVE') throw fail('atasan tidak aktif');
  if (employeeId === null) return;
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE up(id, depth) AS (SELECT superior_id, 1 FROM employees WHERE id = ${superiorId}
      UNION ALL SELECT e.superior_id, up.depth + 1 FROM employees e JOIN up ON e.id = up.id WHERE up.depth < 50)
    SELECT id FROM up WHERE id = ${employeeId} LIMIT 1`;
  if (rows.length)
    throw fail('atasan ini adalah bawahan (langsung atau tidak langsung) dari pegawai: rantai atasan berputar');
}

function employeeWhere(filter: Record<string, unknown>): Prisma.EmployeeWhereInput {
  const where: Prisma.EmployeeWhereInput = {};
  const id = idFilter(filter);
  if (id !== undefined) where.id = id;
  if (typeof filter.q === 'string' && filter.q.trim()) {
    where.OR = [
      { name: { contains: filter.q.trim(), mode: 'insensitive' } },
      { nip: { startsWith: filter.q.trim() } },
      { position: { contains: filter.q.trim(), mode: 'insensitive' } },
    ];
  }
  if (filter.unitId !== undefined && filter.unitId !== null) where.unitId = Number(filter.unitId);
  if (filter.superiorId === null) where.superiorId = null;
  else if (filter.superiorId !== undefined) where.superiorId = Number(filter.superiorId);
  if (typeof filter.positionType === 'string') where.positionType = filter.positionType as any;
  if (typeof filter.employmentType === 'string') where.employmentType = filter.employmentType as any;
  if (typeof filter.status === 'string') where.status = filter.status as any;
  return where;
}

/** Routes of /api/employees. */
export function employeesRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.prisma;

  router.get('/', authorize(deps, 'employee', 'list'), async (req, res) => {
    const q = parseListQuery(
      req,
      ['id', 'nip', 'name', 'position', 'positionType', 'unitId', 'employmentType', 'status'],
      ['name', 'ASC'],
    );
    const where = employeeWhere(q.filter);
    const [rows, total] = await Promise.all([
      db.employee.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, include }),
      db.employee.count({ where }),
    ]);
    const user = currentUser(req);
    sendList(
      res,
      'employees',
      rows.map((r) => directoryRow(user, r)),
      total,
      q.skip,
    );
  });

  router.get('/:id', authorize(deps, 'employee', 'read'), async (req, res) => {
    const employee = await db.employee.findUnique({ where: { id: parseId(req.params.id) }, include });
    if (!employee) throw ApiError.notFound('Pegawai');
    res.json(directoryRow(currentUser(req), employee));
  });

  router.post('/', authorize(deps, 'employee', 'create'), validateBody(employeeSchema), async (req, res) => {
    const user = currentUser(req);
    await assertValidSuperior(db, null, req.body.superiorId);
    const employee = await db.$transaction(async (tx) => {
      const created = await tx.employee.create({ data: employeeColumns(req.body as EmployeeInput), include });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'create',
        entity: 'employee',
        entityId: created.id,
        after: req.body,
      });
      return created;
    });
    res.status(201).json(employee);
  });

  router.put(
    '/:id',
    authorize(deps, 'employee', 'update'),
    validateBody(employeeSchema.partial()),
    async (req, res) => {
      const user = currentUser(req);
      const id = parseId(req.params.id);
      await assertValidSuperior(db, id, req.body.superiorId);
      const employee = await db.$transaction(async (tx) => {
        const before = await tx.employee.findUnique({ where: { id } });
        if (!before) throw ApiError.notFound('Pegawai');
        const own = ownCaseChanges(user.employeeId, before, req.body);
        if (own.length) throw ownCaseRefusal(`mengubah ${own.join(', ')} datanya sendiri / own ${own.join(', ')}`);
        const moves = req.body.unitId !== undefined && req.body.unitId !== before.unitId;
        const calibrators = moves ? await calibratorsInOwnScope(tx) : new Set<number>();
        const after = await tx.employee.update({ where: { id }, data: employeeColumns(req.body), include });
        // Leaving or transferring out ends the account; moving out of a calibrated unit ends that role.
        await deactivateIfDeparted(tx, user, after, `PUT /api/employees/${id}`);
        await clearCalibratorsWhoLeftScope(tx, user, calibrators, `PUT /api/employees/${id}`);
        const action =
          req.body.superiorId !== undefined && req.body.superiorId !== before.superiorId ? 'change-superior' : 'update';
        await recordAudit(tx, {
          actorUserId: user.id,
          actor: user.username,
          action,
          entity: 'employee',
          entityId: id,
          before,
          after: { ...before, ...req.body },
        });
        return after;
      });
      res.json(employee);
    },
  );
  return router;
}
