/** Walking skeleton: `POST /api/skeleton-runs` runs a workflow that writes a row through an activity. */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { TASK_QUEUE } from '../../workflows/task-queue';
import { authorize } from '../access/access.guard';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { parseListQuery, sendList } from '../http/list-query';
import { validateBody } from '../http/validate';

const bodySchema = z.strictObject({ message: z.string().trim().min(1).max(200).default('Halo dari Capaian') });

/** Routes of /api/skeleton-runs. */
export function skeletonRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'skeleton', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'createdAt'], ['id', 'DESC']);
    const [rows, total] = await Promise.all([
      deps.prisma.skeletonRun.findMany({ orderBy: q.orderBy, skip: q.skip, take: q.take }),
      deps.prisma.skeletonRun.count(),
    ]);
    sendList(res, 'skeleton-runs', rows, total, q.skip);
  });
  router.post('/', authorize(deps, 'skeleton', 'run'), validateBody(bodySchema), async (req, res) => {
    const client = await deps.temporal();
    const workflowId = `skeleton-${randomUUID()}`;
    const handle = await client.workflow.start('skeletonWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [{ message: req.body.message, actor: req.user!.username }],
    });
    const result = await Promise.race([
      handle.result(),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new ApiError(504, 'TIMEOUT', 'Workflow belum selesai dalam 30 detik — apakah worker berjalan?')),
          30_000,
        ).unref(),
      ),
    ]);
    const row = await deps.prisma.skeletonRun.findUnique({ where: { workflowId } });
    res.status(201).json({ workflowId, result, row });
  });
  return router;
}
