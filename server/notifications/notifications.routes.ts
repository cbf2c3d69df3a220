/**
 * `/api/notifications`: the caller's own notifications (the console's bell), newest first in ra-data-simple-rest
 * form (filter `unread`, `kind`), the unread count, and marking them read — some by id, or all. Written by the
 * workflow activities (activities/notification.activities.ts); nobody reads another user's notifications.
 */
import { Router } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import { NotificationKind, type Prisma } from '../../prisma/client';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { idSchema } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';

const readSchema = z.strictObject({
  ids: z
    .array(idSchema('Wajib diisi / required'), { error: 'Wajib diisi: daftar id / required: a list of ids' })
    .min(1, 'Minimal satu id / at least one id')
    .max(500, 'Paling banyak 500 id / at most 500 ids'),
});
const readAllSchema = z.strictObject({});

const KINDS: string[] = Object.values(NotificationKind);

describeRoutes(
  {
    method: 'get',
    path: '/api/notifications',
    summary: 'Notifikasi saya, terbaru dulu (filter unread=true, kind); header X-Unread-Count',
    tag: 'notifications',
    list: true,
  },
  {
    method: 'get',
    path: '/api/notifications/unread-count',
    summary: 'Jumlah notifikasi saya yang belum dibaca (lonceng konsol)',
    tag: 'notifications',
  },
  {
    method: 'post',
    path: '/api/notifications/read',
    summary: 'Tandai notifikasi saya sebagai sudah dibaca (id milik orang lain diabaikan)',
    tag: 'notifications',
    body: readSchema,
  },
  {
    method: 'post',
    path: '/api/notifications/read-all',
    summary: 'Tandai semua notifikasi saya sebagai sudah dibaca',
    tag: 'notifications',
    body: readAllSchema,
  },
);

const SELECT = {
  id: true,
  kind: true,
  title: true,
  titleEn: true,
  body: true,
  bodyEn: true,
  taskId: true,
  appraisalId: true,
  readAt: true,
  mailStatus: true,
  mailSentAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

/** Routes of /api/notifications. */
export function notificationsRoutes(deps: AppDeps): Router {
  const router = Router();
  const unread = (userId: number) => deps.prisma.notification.count({ where: { userId, readAt: null } });

  router.get('/', authorize(deps, 'notification', 'read'), async (req, res) => {
    const user = currentUser(req);
    const q = parseListQuery(req, ['id', 'createdAt', 'readAt', 'kind'], ['createdAt', 'DESC']);
    // Own only: the caller's id first, filters can only narrow it.
    const and: Prisma.NotificationWhereInput[] = [{ userId: user.id }];
    const id = idFilter(q.filter);
    if (id !== undefined) and.push({ id });
    if (q.filter.unread === true || q.filter.unread === 'true') and.push({ readAt: null });
    if (typeof q.filter.kind === 'string' && KINDS.includes(q.filter.kind)) and.push({ kind: q.filter.kind as any });
    const where = { AND: and };
    const [rows, total, count] = await Promise.all([
      deps.prisma.notification.findMany({
        where,
        select: SELECT,
        orderBy: [q.orderBy, { id: 'desc' }],
        skip: q.skip,
        take: q.take,
      }),
      deps.prisma.notification.count({ where }),
      unread(user.id),
    ]);
    res.setHeader('X-Unread-Count', String(count));
    sendList(res, 'notifications', rows, total, q.skip);
  });

  router.get('/unread-count', authorize(deps, 'notification', 'read'), async (req, res) => {
    res.json({ unread: await unread(currentUser(req).id) });
  });

  const markRead = async (userId: number, actor: string, ids: number[] | null) => {
    return deps.prisma.$transaction(async (tx) => {
      const marked = await tx.notification.updateMany({
        where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
        data: { readAt: new Date() },
      });
      if (marked.count)
        await recordAudit(tx, {
          actorUserId: userId,
          actor,
          action: 'notification.read',
          entity: 'user',
          entityId: userId,
          after: { marked: marked.count, ...(ids ? { ids } : { all: true }) },
        });
      return marked.count;
    });
  };

  router.post('/read', authorize(deps, 'notification', 'mark-read'), validateBody(readSchema), async (req, res) => {
    const user = currentUser(req);
    const marked = await markRead(user.id, user.username, (req.body as z.infer<typeof readSchema>).ids);
    res.json({ marked, unread: await unread(user.id) });
  });

  router.post(
    '/read-all',
    authorize(deps, 'notification', 'mark-read'),
    validateBody(readAllSchema),
    async (req, res) => {
      const user = currentUser(req);
      const marked = await markRead(user.id, user.username, null);
      res.json({ marked, unread: await unread(user.id) });
    },
  );
  return router;
}
