/** Login: `POST /api/auth/login {username, password}` → `{ token, user }`; rate-limited; `GET /api/auth/me`. */
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { validateBody } from '../http/validate';
import { requireAuth, currentUser } from './auth.middleware';
import { dummyHash, verifyPassword } from './password';
import { signToken } from './token';

const loginSchema = z.object({
  username: z.string({ error: 'Wajib diisi / required' }).trim().min(1, 'Wajib diisi / required').max(100),
  password: z.string({ error: 'Wajib diisi / required' }).min(1, 'Wajib diisi / required').max(200),
});

/** Routes of /api/auth. */
export function authRoutes(deps: AppDeps): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.config.LOGIN_RATE_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.username ?? '').toLowerCase()}`,
    handler: (_req, res) =>
      res.status(429).json({
        error: {
          code: 'TOO_MANY_REQUESTS',
          message: 'Terlalu banyak percobaan masuk; coba lagi dalam satu menit / too many login attempts',
        },
      }),
  });

  router.post('/login', validateBody(loginSchema), limiter, async (req, res) => {
    const { username, password } = req.body as z.infer<typeof loginSchema>;
    const user = await deps.prisma.user.findUnique({
      where: { username },
      include: { employee: { select: { id: true, name: true, nip: true, unitId: true } } },
    });
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
    if (!user || !ok || !user.active) {
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
    res.json({
      token: signToken(user.id, deps.config.JWT_SECRET, deps.config.TOKEN_TTL),
      user: {
        id: user.id,
        username: user.username,
        roles: user.roles,
        employeeId: user.employeeId,
        employee: user.employee,
        locale: user.locale,
      },
    });
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
    });
  });
  return router;
}
