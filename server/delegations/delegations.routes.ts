/**
 * `/api/delegations`: acting superiors (Plt. / Plh.). HR records and ends them; the official, the acting person,
 * HR and auditors read them (ra-data-simple-rest list with a strict filter).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { idSchema, parseId } from '../http/params';
import { parseOrThrow, validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { createDelegation, delegationInclude, endDelegation, present, visibleWhere } from './delegations.service';

const KINDS = ['PLT', 'PLH'] as const;
const STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED'] as const;
const date = z
  .string({ error: 'Wajib diisi' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'tanggal ditulis YYYY-MM-DD / date as YYYY-MM-DD')
  // zod runs this check even when the pattern failed: an invalid date must not throw (toISOString would).
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'tanggal tidak ada / no such date')
  .refine((s) => s >= '2000-01-01' && s <= '2099-12-31', 'tahun 2000–2099 / year 2000–2099');

const createSchema = z.strictObject({
  kind: z.enum(KINDS, { error: 'pilih PLT atau PLH' }),
  principalId: idSchema(),
  actingId: idSchema(),
  startsOn: date,
  endsOn: date,
  letterNumber: z.string().trim().max(100).optional(),
  note: z.string().trim().max(1000).optional(),
});
const endSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

const id = z.coerce.number({ error: 'harus bilangan bulat' }).int('harus bilangan bulat').positive('harus positif');
const filterSchema = z.strictObject({
  id: z.union([id, z.array(id)]).optional(),
  principalId: id.optional(),
  actingId: id.optional(),
  employeeId: id.optional(),
  kind: z.enum(KINDS).optional(),
  status: z.enum(STATUSES).optional(),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/delegations',
    summary:
      'Penugasan Plt/Plh (pejabat dan pelaksananya: miliknya; SDM/auditor: semua); filter principalId, actingId, employeeId (salah satunya), kind, status',
    tag: 'delegations',
    list: true,
  },
  { method: 'get', path: '/api/delegations/:id', summary: 'Satu penugasan Plt/Plh', tag: 'delegations' },
  {
    method: 'post',
    path: '/api/delegations',
    summary:
      'Catat Plt/Plh: selama masa tugasnya, penilaian, persetujuan SKP dan keputusan keberatan untuk pejabat itu diterima pelaksananya',
    tag: 'delegations',
    body: createSchema,
    responses: {
      '400': 'Bertindak untuk diri sendiri, tanggal terbalik atau sudah lewat, tumpang tindih (kolom disebut)',
    },
  },
  {
    method: 'post',
    path: '/api/delegations/:id/end',
    summary: 'Akhiri lebih awal (tugas kembali ke pejabat) atau batalkan sebelum mulai',
    tag: 'delegations',
    body: endSchema,
    responses: { '409': 'Sudah berakhir atau dibatalkan' },
  },
);

/** Routes of /api/delegations. */
export function delegationsRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/', authorize(deps, 'delegation', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'startsOn', 'endsOn', 'status', 'kind', 'createdAt'], ['id', 'DESC']);
    const filter = parseOrThrow(z.strictObject({ filter: filterSchema }), { filter: q.filter }).filter;
    const and: Prisma.DelegationWhereInput[] = [visibleWhere(currentUser(req))];
    const ids = idFilter(q.filter);
    if (ids !== undefined) and.push({ id: ids });
    if (filter.principalId !== undefined) and.push({ principalId: filter.principalId });
    if (filter.actingId !== undefined) and.push({ actingId: filter.actingId });
    if (filter.employeeId !== undefined)
      and.push({ OR: [{ principalId: filter.employeeId }, { actingId: filter.employeeId }] });
    if (filter.kind) and.push({ kind: filter.kind });
    if (filter.status) and.push({ status: filter.status });
    const where: Prisma.DelegationWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      deps.prisma.delegation.findMany({
        where,
        orderBy: q.orderBy,
        skip: q.skip,
        take: q.take,
        include: delegationInclude,
      }),
      deps.prisma.delegation.count({ where }),
    ]);
    sendList(res, 'delegations', rows.map(present), total, q.skip);
  });

  router.get('/:id', authorize(deps, 'delegation', 'read'), async (req, res) => {
    const row = await deps.prisma.delegation.findFirst({
      where: { AND: [{ id: parseId(req.params.id) }, visibleWhere(currentUser(req))] },
      include: delegationInclude,
    });
    if (!row) throw ApiError.notFound('Penugasan Plt/Plh');
    res.json(present(row));
  });

  router.post('/', authorize(deps, 'delegation', 'create'), validateBody(createSchema), async (req, res) => {
    res.status(201).json(await createDelegation(deps, currentUser(req), req.body));
  });

  router.post('/:id/end', authorize(deps, 'delegation', 'end'), validateBody(endSchema), async (req, res) => {
    res.json(await endDelegation(deps, currentUser(req), parseId(req.params.id), req.body.reason ?? null));
  });
  return router;
}
