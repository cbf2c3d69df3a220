/**
 * `/api/auth/me/notifications`: the caller's own e-mail choice (Akun Saya). `GET` answers whether notifications also
 * go by e-mail, to which address (the employee record's) and whether this server sends mail at all (SMTP_URL);
 * `PUT { emailNotifications }` turns the e-mails on or off, audited. In-app notifications (the bell) always stay.
 */
import { Router } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';

const preferencesSchema = z.strictObject({
  emailNotifications: z.boolean({ error: 'Wajib diisi: true atau false / required: true or false' }),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/auth/me/notifications',
    summary: 'Pilihan notifikasi saya: e-mail ya/tidak, alamatnya, dan apakah server mengirim e-mail',
    tag: 'auth',
  },
  {
    method: 'put',
    path: '/api/auth/me/notifications',
    summary: 'Nyalakan atau matikan notifikasi e-mail saya (notifikasi di lonceng tetap ada)',
    tag: 'auth',
    body: preferencesSchema,
  },
);

/** Routes of /api/auth/me/notifications. */
export function notificationPreferencesRoutes(deps: AppDeps): Router {
  const router = Router();
  const answer = async (userId: number) => {
    const u = await deps.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { emailNotifications: true, employee: { select: { email: true } } },
    });
    return {
      emailNotifications: u.emailNotifications,
      email: u.employee?.email ?? null,
      mailEnabled: !!deps.config.SMTP_URL,
    };
  };

  router.get('/', authorize(deps, 'notification-preferences', 'read'), async (req, res) => {
    res.json(await answer(currentUser(req).id));
  });

  router.put(
    '/',
    authorize(deps, 'notification-preferences', 'update'),
    validateBody(preferencesSchema),
    async (req, res) => {
      const me = currentUser(req);
      const { emailNotifications } = req.body as z.infer<typeof preferencesSchema>;
      await deps.prisma.$transaction(async (tx) => {
        const before = await tx.user.findUniqueOrThrow({ where: { id: me.id }, select: { emailNotifications: true } });
        if (before.emailNotifications === emailNotifications) return;
        await tx.user.update({ where: { id: me.id }, data: { emailNotifications } });
        await recordAudit(tx, {
          actorUserId: me.id,
          actor: me.username,
          action: 'user.notification-preferences',
          entity: 'user',
          entityId: me.id,
          before,
          after: { emailNotifications },
        });
      });
      res.json(await answer(me.id));
    },
  );
  return router;
}
