/**
 * `/api/auth`: `POST /login {username, password}` → `{ token, user }` (failed attempts limited per username from any
 * address and per address, and audited; `user.mustChangePassword` after a one-time or reset password); `GET /me`;
 * `POST /logout` (ends every token of the user); `POST /change-password` (the password policy of password-policy.ts;
 * ends the other tokens, answers a new one); `POST /download-links {path}` (a signed link ≤ 60 s for one download).
 */
import { Router, type Request } from 'express';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import type { AppDeps } from '../deps';
import { inApiCluster } from '../http/api-cluster';
import { ApiError } from '../http/api-error';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { requireAuth, currentUser } from './auth.middleware';
import { downloadOf, LINK_PARAM, pathOf } from './download-links';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { assertAcceptable, changePasswordSchema } from './password-policy';
import { sessionAnswer, signDownloadToken, signToken } from './token';

const loginSchema = z.strictObject({
  username: z.string({ error: 'Wajib diisi / required' }).trim().min(1, 'Wajib diisi / required').max(100),
  password: z.string({ error: 'Wajib diisi / required' }).min(1, 'Wajib diisi / required').max(200),
});
const linkSchema = z.strictObject({
  path: z.string({ error: 'Wajib diisi / required' }).startsWith('/api/', 'Harus diawali /api/').max(2000),
});

describeRoutes(
  { method: 'post', path: '/api/auth/logout', summary: 'Keluar: semua token pengguna ini berakhir', tag: 'auth' },
  {
    method: 'post',
    path: '/api/auth/change-password',
    summary:
      'Ganti kata sandi (minimal 10 karakter, huruf dan angka, bukan nama pengguna/NIP); wajib setelah kata sandi ' +
      'sekali pakai. Token lain berakhir; jawabannya token baru',
    tag: 'auth',
    body: changePasswordSchema,
    responses: { '400': 'Kata sandi sekarang salah, atau kata sandi baru tidak memenuhi aturan (kolom disebut)' },
  },
  {
    method: 'post',
    path: '/api/auth/download-links',
    summary: 'Tautan unduhan bertanda tangan (≤ 60 detik) untuk satu PDF, bukti, CSV TPP atau ekspor audit',
    tag: 'auth',
    body: linkSchema,
  },
);

const tooMany = {
  error: {
    code: 'TOO_MANY_REQUESTS',
    message: 'Terlalu banyak percobaan masuk; coba lagi dalam satu menit / too many login attempts',
  },
};

/** Routes of /api/auth. */
export function authRoutes(deps: AppDeps): Router {
  const router = Router();
  const username = (req: Request) =>
    String(req.body?.username ?? '')
      .trim()
      .toLowerCase();
  // Only failed attempts count: one person guessing many passwords of one account from many addresses, and one
  // address guessing across many accounts, are both held back; colleagues behind one office NAT sign in freely.
  // Under API_PROCESSES the counts live in the cluster's primary: the limits hold for all processes together.
  const limiter = (limit: number, key: (req: Request) => string, prefix: string) =>
    rateLimit({
      ...(inApiCluster() ? { store: new ClusterMemoryStoreWorker({ prefix }) } : {}),
      windowMs: 60_000,
      limit,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: key,
      handler: (req, res) => {
        req.log?.warn({ username: username(req) }, 'login throttled');
        res.status(429).json(tooMany);
      },
    });
  const perUsername = limiter(deps.config.LOGIN_RATE_LIMIT, (req) => `user|${username(req)}`, 'login-user');
  const perAddress = limiter(
    deps.config.LOGIN_RATE_LIMIT_PER_ADDRESS,
    (req) => `ip|${ipKeyGenerator(req.ip ?? '')}`,
    'login-address',
  );

  router.post('/login', validateBody(loginSchema), perAddress, perUsername, async (req, res) => {
    const { username: name, password } = req.body as z.infer<typeof loginSchema>;
    const user = await deps.prisma.user.findUnique({
      where: { username: name },
      include: { employee: { select: { id: true, name: true, nip: true, unitId: true } } },
    });
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
    if (!user || !ok || !user.active) {
      await recordAudit(deps.prisma, {
        actorUserId: user?.id ?? null,
        actor: `anonymous:${req.ip ?? '?'}`,
        action: 'login-failed',
        entity: 'user',
        entityId: user?.id ?? `username:${name.slice(0, 100)}`,
        after: {
          username: name,
          address: req.ip ?? null,
          reason: !user ? 'unknown-user' : !ok ? 'password' : 'inactive',
        },
      });
      throw new ApiError(
        401,
        'INVALID_CREDENTIALS',
        'Nama pengguna atau kata sandi salah / wrong username or password',
      );
    }
    await recordAudit(deps.prisma, {
      actorUserId: user.id,
      actor: user.username,
      action: 'login',
      entity: 'user',
      entityId: user.id,
    });
    res.json(sessionAnswer(user, deps.config));
  });

  router.get('/me', requireAuth(deps), async (req, res) => {
    const me = currentUser(req);
    const user = await deps.prisma.user.findUniqueOrThrow({
      where: { id: me.id },
      include: { employee: { select: { id: true, name: true, nip: true, unitId: true, superiorId: true } } },
    });
    const subordinates = user.employeeId
      ? await deps.prisma.employee.count({ where: { superiorId: user.employeeId } })
      : 0;
    res.json({
      id: user.id,
      username: user.username,
      roles: user.roles,
      employeeId: user.employeeId,
      employee: user.employee,
      locale: user.locale,
      isRater: subordinates > 0,
      mustChangePassword: user.mustChangePassword,
      calibrationUnitId: user.calibrationUnitId,
    });
  });

  router.post('/logout', requireAuth(deps), async (req, res) => {
    const me = currentUser(req);
    await deps.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: me.id }, data: { tokenVersion: { increment: 1 } } });
      await recordAudit(tx, {
        actorUserId: me.id,
        actor: me.username,
        action: 'logout',
        entity: 'user',
        entityId: me.id,
      });
    });
    res.status(204).end();
  });

  router.post('/change-password', requireAuth(deps), validateBody(changePasswordSchema), async (req, res) => {
    const me = currentUser(req);
    const { currentPassword, newPassword } = req.body as z.infer<typeof changePasswordSchema>;
    const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    if (!(await verifyPassword(currentPassword, user.passwordHash)))
      throw ApiError.badRequest('Kata sandi sekarang salah / current password is wrong', {
        fields: [{ field: 'currentPassword', message: 'Kata sandi sekarang salah / current password is wrong' }],
      });
    assertAcceptable(newPassword, user.username, newPassword === currentPassword);
    const passwordHash = await hashPassword(newPassword);
    // The users trigger raises token_version with the hash: every earlier token ends.
    const after = await deps.prisma.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: me.id },
        data: { passwordHash, demoPassword: false, mustChangePassword: false },
      });
      await recordAudit(tx, {
        actorUserId: me.id,
        actor: me.username,
        action: 'password-change',
        entity: 'user',
        entityId: me.id,
        after: { afterOneTimePassword: user.mustChangePassword },
      });
      return updated;
    });
    res.json({ token: signToken(after.id, after.tokenVersion, deps.config.JWT_SECRET, deps.config.TOKEN_TTL) });
  });

  router.post('/download-links', requireAuth(deps), validateBody(linkSchema), async (req, res) => {
    const me = currentUser(req);
    const { path: target } = req.body as z.infer<typeof linkSchema>;
    const url = new URL(target, 'http://capaian.invalid');
    const path = pathOf(target);
    const found = downloadOf(path);
    if (!found || url.searchParams.has(LINK_PARAM) || url.searchParams.has('access_token'))
      throw ApiError.badRequest('path: bukan rute unduhan / not a download route', {
        fields: [{ field: 'path', message: 'bukan rute unduhan' }],
      });
    await found.download.check(deps, me, found.id);
    const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: me.id }, select: { tokenVersion: true } });
    const seconds = deps.config.DOWNLOAD_LINK_TTL_SECONDS;
    const sig = signDownloadToken(
      { userId: me.id, tokenVersion: user.tokenVersion, path },
      deps.config.JWT_SECRET,
      seconds,
    );
    url.searchParams.set(LINK_PARAM, sig);
    res
      .status(201)
      .json({ url: `${path}?${url.searchParams.toString()}`, expiresAt: new Date(Date.now() + seconds * 1000) });
  });
  return router;
}
