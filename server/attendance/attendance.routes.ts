/**
 * `/api/attendance`: daily attendance as imported from the attendance system (POST /api/imports/attendance), in
 * ra-data-simple-rest style. An employee sees their own days, a rater and the rater's superior their team's, HR and
 * auditors all; the client's filter (employee, month, date, status) only narrows that scope.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import { ruleOf } from '../access/access.policy';
import { scopeWhere } from '../access/relations';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { parseOrThrow } from '../http/validate';
import { describeRoutes } from '../openapi/registry';

const STATUSES = ['HADIR', 'ALPA', 'IZIN', 'SAKIT', 'CUTI', 'DINAS'] as const;
const id = z.coerce.number({ error: 'harus bilangan bulat' }).int('harus bilangan bulat').positive('harus positif');

/** The query: only ra-data-simple-rest's parameters. */
const querySchema = z.strictObject({
  sort: z.string().optional(),
  range: z.string().optional(),
  filter: z.string().optional(),
});

/** The filter object inside `filter` (strict: an unknown key is refused, not ignored). */
const filterSchema = z.strictObject({
  id: z.union([id, z.array(id)]).optional(),
  employeeId: id.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bulan ditulis YYYY-MM / month as YYYY-MM')
    .optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal ditulis YYYY-MM-DD / date as YYYY-MM-DD')
    .optional(),
  status: z.enum(STATUSES, { error: `pilih ${STATUSES.join(', ')}` }).optional(),
  missedAssembly: z.boolean().optional(),
});

describeRoutes({
  method: 'get',
  path: '/api/attendance',
  summary:
    'Kehadiran harian (pegawai: miliknya; penilai dan atasannya: timnya; SDM/auditor: semua); filter employeeId, month (YYYY-MM), date, status, missedAssembly',
  tag: 'attendance',
  list: true,
});

/** Routes of /api/attendance. */
export function attendanceRoutes(deps: AppDeps): Router {
  const router = Router();

  /** Lists attendance days within the caller's scope, narrowed by the filter. */
  router.get('/', authorize(deps, 'attendance', 'list'), async (req, res) => {
    parseOrThrow(querySchema, req.query);
    const q = parseListQuery(req, ['id', 'date', 'employeeId', 'status'], ['date', 'DESC']);
    const filter = parseOrThrow(z.strictObject({ filter: filterSchema }), { filter: q.filter }).filter;
    const user = currentUser(req);
    // The caller's scope: own days by the table's row; a rater's (and the rater's superior's) team through the
    // employee's reporting line, when the same row allows those relations.
    const scope = scopeWhere(user, 'attendance', 'list', { self: 'employeeId' }) as Prisma.AttendanceRecordWhereInput;
    const allow = ruleOf('attendance', 'list').allow;
    const me = user.employeeId;
    if (Array.isArray(scope.OR) && me !== null) {
      if (allow.includes('rater')) scope.OR.push({ employee: { superiorId: me } });
      if (allow.includes('raterSuperior')) scope.OR.push({ employee: { superior: { superiorId: me } } });
    }
    const and: Prisma.AttendanceRecordWhereInput[] = [scope];
    const ids = idFilter(q.filter);
    if (ids !== undefined) and.push({ id: ids });
    if (filter.employeeId !== undefined) and.push({ employeeId: filter.employeeId });
    if (filter.status) and.push({ status: filter.status });
    if (filter.missedAssembly !== undefined) and.push({ missedAssembly: filter.missedAssembly });
    if (filter.date) and.push({ date: new Date(`${filter.date}T00:00:00Z`) });
    if (filter.month) {
      const [y, m] = filter.month.split('-').map(Number);
      and.push({ date: { gte: new Date(Date.UTC(y, m - 1, 1)), lte: new Date(Date.UTC(y, m, 0)) } });
    }
    const where: Prisma.AttendanceRecordWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      deps.prisma.attendanceRecord.findMany({
        where,
        orderBy: [q.orderBy, { id: 'asc' }],
        skip: q.skip,
        take: q.take,
        include: { employee: { select: { name: true, nip: true } } },
      }),
      deps.prisma.attendanceRecord.count({ where }),
    ]);
    sendList(
      res,
      'attendance',
      rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) })),
      total,
      q.skip,
    );
  });
  return router;
}
