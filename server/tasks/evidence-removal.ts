/**
 * `DELETE /api/tasks/:id/evidence/:evidenceId`: the employee removes a file they uploaded by mistake, while their
 * evidence task is open (before it is sent). Only a file of that task's appraisal uploaded by the caller; audited with
 * what was removed (its name, size and SHA-256), so the log still tells that it was there.
 */
import type { Router } from 'express';
import { recordAudit } from '../../prisma/audit';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { MAX_ID, parseId } from '../http/params';
import { describeRoutes } from '../openapi/registry';

describeRoutes({
  method: 'delete',
  path: '/api/tasks/:id/evidence/:evidenceId',
  summary: 'Hapus berkas bukti dukung yang diunggah sendiri sebelum tugas realisasi dikirim',
  tag: 'tasks',
  params: { evidenceId: { type: 'integer', minimum: 1, maximum: MAX_ID } },
  responses: {
    '403': 'Bukan berkas yang Anda unggah',
    '404': 'Berkas tidak ada pada penilaian tugas ini',
    '409': 'Tugas realisasi sudah dikirim atau ditutup',
  },
});

/** Adds the route to the tasks router. */
export function evidenceRemovalRoutes(deps: AppDeps, router: Router): void {
  router.delete('/:id/evidence/:evidenceId', authorize(deps, 'task', 'complete'), async (req, res) => {
    const user = currentUser(req);
    const task = await deps.prisma.task.findUnique({ where: { id: parseId(req.params.id) } });
    if (!task) throw ApiError.notFound('Tugas');
    const evidenceId = parseId(req.params.evidenceId, 'evidenceId');
    if (task.type !== 'evidence.submit' || task.appraisalId === null)
      throw ApiError.conflict(
        'Berkas hanya dapat dihapus dari tugas realisasi dan bukti dukung / not an evidence task',
      );
    if (task.status !== 'OPEN')
      throw ApiError.conflict('Tugas realisasi sudah dikirim atau ditutup; berkas tidak dapat dihapus / task closed');
    const ev = await deps.prisma.evidence.findUnique({
      where: { id: evidenceId },
      select: {
        id: true,
        appraisalId: true,
        kind: true,
        title: true,
        fileName: true,
        sizeBytes: true,
        sha256: true,
        uploadedById: true,
      },
    });
    if (!ev || ev.appraisalId !== task.appraisalId || ev.kind !== 'FILE')
      throw ApiError.notFound('Berkas bukti dukung');
    if (user.employeeId === null || ev.uploadedById !== user.employeeId)
      throw ApiError.forbidden('Hanya pengunggah berkas yang dapat menghapusnya / only the uploader may remove it');
    await deps.prisma.$transaction(async (tx) => {
      await tx.evidence.delete({ where: { id: ev.id } });
      const before = { id: ev.id, title: ev.title, fileName: ev.fileName, sizeBytes: ev.sizeBytes, sha256: ev.sha256 };
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'evidence.remove',
        entity: 'appraisal',
        entityId: ev.appraisalId,
        before,
      });
    });
    res.json({ id: ev.id, removed: true });
  });
}
