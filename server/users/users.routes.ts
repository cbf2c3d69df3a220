/**
 * `/api/users`: accounts and roles for HR (auditors read). `POST /` creates an account and answers its one-time
 * password once; `PUT /:id` replaces the roles; `POST /:id/deactivate`, `/reactivate`, `/reset-password` with a
 * reason. An HR admin cannot change their own account this way (policy row user.manage, notOwnCase).
 */
import { Router } from 'express';
import type { Prisma, Role } from '../../prisma/client';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { createUserSchema, reasonSchema, ROLES, updateUserSchema } from './users.schema';
import { createAccount, resetPassword, setActive, updateRoles, USER_SELECT } from './users.service';

describeRoutes(
  {
    method: 'get',
    path: '/api/users',
    summary: 'Akun pengguna (filter q, role, active, employeeId)',
    tag: 'users',
    list: true,
  },
  { method: 'get', path: '/api/users/:id', summary: 'Satu akun pengguna', tag: 'users' },
  {
    method: 'post',
    path: '/api/users',
    summary:
      'Buat akun untuk pegawai (nama pengguna = NIP); jawabannya memuat kata sandi sekali pakai (oneTimePassword), ' +
      'ditampilkan sekali ini saja dan wajib diganti saat masuk pertama',
    tag: 'users',
    body: createUserSchema,
    responses: { '409': 'Pegawai sudah memiliki akun, atau nama pengguna sudah dipakai' },
  },
  {
    method: 'put',
    path: '/api/users/:id',
    summary: 'Ganti peran akun (CALIBRATOR: calibrationUnitId); bukan akun sendiri',
    tag: 'users',
    body: updateUserSchema,
    responses: { '403': 'Akun sendiri (pemisahan tugas)' },
  },
  {
    method: 'post',
    path: '/api/users/:id/deactivate',
    summary: 'Nonaktifkan akun (semua tokennya berakhir); bukan akun sendiri',
    tag: 'users',
    body: reasonSchema,
  },
  {
    method: 'post',
    path: '/api/users/:id/reactivate',
    summary: 'Aktifkan kembali akun',
    tag: 'users',
    body: reasonSchema,
  },
  {
    method: 'post',
    path: '/api/users/:id/reset-password',
    summary: 'Atur ulang kata sandi: kata sandi sekali pakai baru (oneTimePassword), wajib diganti saat masuk',
    tag: 'users',
    body: reasonSchema,
  },
);

function userWhere(filter: Record<string, unknown>): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {};
  const id = idFilter(filter);
  if (id !== undefined) where.id = id;
  if (typeof filter.q === 'string' && filter.q.trim()) {
    const q = filter.q.trim();
    where.OR = [
      { username: { contains: q, mode: 'insensitive' } },
      { employee: { name: { contains: q, mode: 'insensitive' } } },
      { employee: { nip: { startsWith: q } } },
    ];
  }
  if (typeof filter.role === 'string') {
    if (!(ROLES as readonly string[]).includes(filter.role))
      throw ApiError.badRequest(`filter.role: harus salah satu dari ${ROLES.join(', ')}`, {
        fields: [{ field: 'filter.role', message: `pilihan: ${ROLES.join(', ')}` }],
      });
    where.roles = { has: filter.role as Role };
  }
  if (typeof filter.active === 'boolean') where.active = filter.active;
  if (filter.employeeId !== undefined && filter.employeeId !== null)
    where.employeeId = parseId(filter.employeeId, 'filter.employeeId');
  return where;
}

/** Routes of /api/users. */
export function usersRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.prisma;

  router.get('/', authorize(deps, 'user', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'username', 'active', 'createdAt', 'updatedAt'], ['username', 'ASC']);
    const where = userWhere(q.filter);
    const [rows, total] = await Promise.all([
      db.user.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, select: USER_SELECT }),
      db.user.count({ where }),
    ]);
    sendList(res, 'users', rows, total, q.skip);
  });

  router.get('/:id', authorize(deps, 'user', 'read'), async (req, res) => {
    const row = await db.user.findUnique({ where: { id: parseId(req.params.id) }, select: USER_SELECT });
    if (!row) throw ApiError.notFound('Akun');
    res.json(row);
  });

  router.post('/', authorize(deps, 'user', 'create'), validateBody(createUserSchema), async (req, res) => {
    res.status(201).json(await createAccount(db, currentUser(req), req.body));
  });

  router.put('/:id', authorize(deps, 'user', 'manage'), validateBody(updateUserSchema), async (req, res) => {
    res.json(await updateRoles(db, currentUser(req), parseId(req.params.id), req.body));
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const)
    router.post(`/:id/${path}`, authorize(deps, 'user', 'manage'), validateBody(reasonSchema), async (req, res) => {
      res.json(await setActive(db, currentUser(req), parseId(req.params.id), active, req.body.reason));
    });

  router.post(
    '/:id/reset-password',
    authorize(deps, 'user', 'manage'),
    validateBody(reasonSchema),
    async (req, res) => {
      res.json(await resetPassword(db, currentUser(req), parseId(req.params.id), req.body.reason));
    },
  );
  return router;
}
