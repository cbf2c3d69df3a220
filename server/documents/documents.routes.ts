/**
 * `/api/documents`: documents of an appraisal.
 * - `GET /appraisals/:id/evaluation.pdf`: the evaluation document (PDF), for whoever may see the appraisal (the
 *   employee, the rater and the rater's superior, HR, auditors).
 * - `POST /appraisals/:id/evidence` (multipart `file`, `title`, `indicatorId`): evidence (bukti dukung) uploaded by the
 *   employee while the appraisal is in its EVIDENCE stage; `GET /evidence/:id` downloads it.
 * A browser opens a download itself through a signed link (`POST /api/auth/download-links`, ≤ 60 s, this path only).
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import { auditDownload } from '../audit/audit-download';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import { loadVisible } from '../appraisals/appraisals.service';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { parseId } from '../http/params';
import { parseOrThrow } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { evaluationData } from './evaluation-data';
import { renderEvaluationDocument } from './evaluation-document';

describeRoutes(
  {
    method: 'get',
    path: '/api/documents/appraisals/:id/evaluation.pdf',
    summary: 'Dokumen evaluasi kinerja pegawai (PDF) satu penilaian: SKP, rating, predikat dan penjelasannya, TPP',
    tag: 'documents',
  },
  {
    method: 'post',
    path: '/api/documents/appraisals/:id/evidence',
    summary: 'Unggah bukti dukung (multipart: file, title, indicatorId) oleh pegawai pada tahap EVIDENCE; maks. 10 MB',
    tag: 'documents',
    responses: {
      '201': 'Bukti tersimpan',
      '409': 'Penilaian tidak pada tahap bukti dukung',
      '413': 'Berkas terlalu besar',
    },
  },
  { method: 'get', path: '/api/documents/evidence/:id', summary: 'Unduh berkas bukti dukung', tag: 'documents' },
);

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const evidenceFields = z.strictObject({
  title: z.string().trim().min(1, 'Wajib diisi').max(200).optional(),
  indicatorId: z.coerce.number().int().positive('harus id indikator').optional(),
});

/** Routes of /api/documents. */
export function documentsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/appraisals/:id/evaluation.pdf', authorize(deps, 'appraisal', 'read'), async (req, res) => {
    const user = currentUser(req);
    const visible = await loadVisible(deps, user, parseId(req.params.id));
    const data = await evaluationData(deps, user, visible.id);
    const pdf = await renderEvaluationDocument(data);
    const file = `evaluasi-kinerja-${data.employee.nip}-${data.periodLabel}`.replace(/[^A-Za-z0-9._-]+/g, '-');
    await auditDownload(deps, req, 'evaluation', {
      entity: 'appraisal',
      entityId: data.appraisalId,
      file: `${file}.pdf`,
    });
    res
      .type('application/pdf')
      .setHeader(
        'Content-Disposition',
        `${req.query.download === '1' ? 'attachment' : 'inline'}; filename="${file}.pdf"`,
      )
      .setHeader('Cache-Control', 'private, no-store')
      .send(pdf);
  });

  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } });
  const single = (req: any, res: any) =>
    new Promise<void>((resolve, reject) =>
      upload.single('file')(req, res, (err: unknown) => {
        if (err && (err as any).code === 'LIMIT_FILE_SIZE')
          reject(
            new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Berkas melebihi 10 MB / file too large', {
              fields: [{ field: 'file', message: 'maksimal 10 MB' }],
            }),
          );
        else if (err) reject(ApiError.badRequest(`Unggahan tidak valid: ${(err as Error).message}`));
        else resolve();
      }),
    );

  router.post('/appraisals/:id/evidence', authorize(deps, 'evidence', 'upload'), async (req, res) => {
    const user = currentUser(req);
    const appraisal = await loadVisible(deps, user, parseId(req.params.id));
    if (appraisal.employeeId !== user.employeeId)
      throw ApiError.forbidden(
        'Hanya pegawai yang dinilai yang mengunggah bukti dukung / only the employee uploads evidence',
      );
    if (appraisal.stage !== 'EVIDENCE')
      throw ApiError.conflict(`Bukti dukung hanya dapat diunggah pada tahap EVIDENCE (sekarang ${appraisal.stage})`, {
        stage: appraisal.stage,
      });
    await single(req, res);
    const file = req.file;
    if (!file || !file.size)
      throw ApiError.badRequest('Pilih berkas / choose a file', {
        fields: [{ field: 'file', message: 'Wajib diisi' }],
      });
    const fields = parseOrThrow(evidenceFields, {
      title: req.body?.title || undefined,
      indicatorId: req.body?.indicatorId || undefined,
    });
    if (fields.indicatorId) {
      const ok = await deps.prisma.indicator.count({
        where: { id: fields.indicatorId, planItem: { plan: { appraisalId: appraisal.id } } },
      });
      if (!ok)
        throw ApiError.badRequest('indicatorId: bukan indikator SKP ini', {
          fields: [{ field: 'indicatorId', message: 'bukan indikator SKP ini' }],
        });
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const evidence = await deps.prisma.$transaction(async (tx) => {
      const created = await tx.evidence.create({
        data: {
          appraisalId: appraisal.id,
          indicatorId: fields.indicatorId ?? null,
          kind: 'FILE',
          title: fields.title ?? file.originalname,
          fileName: file.originalname,
          mimeType: file.mimetype || 'application/octet-stream',
          sizeBytes: file.size,
          sha256,
          content: new Uint8Array(file.buffer),
          uploadedById: user.employeeId,
        },
        select: {
          id: true,
          appraisalId: true,
          indicatorId: true,
          kind: true,
          title: true,
          fileName: true,
          mimeType: true,
          sizeBytes: true,
          sha256: true,
          createdAt: true,
        },
      });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'evidence.upload',
        entity: 'appraisal',
        entityId: appraisal.id,
        after: created,
      });
      return created;
    });
    res.status(201).json(evidence);
  });

  router.get('/evidence/:id', authorize(deps, 'evidence', 'read'), async (req, res) => {
    const user = currentUser(req);
    const ev = await deps.prisma.evidence.findUnique({ where: { id: parseId(req.params.id) } });
    if (!ev) throw ApiError.notFound('Bukti dukung');
    await loadVisible(deps, user, ev.appraisalId); // 404 unless the user may see the appraisal
    if (ev.kind === 'LINK' || !ev.content)
      throw ApiError.badRequest('Bukti ini berupa tautan, bukan berkas / this evidence is a link', { url: ev.url });
    const name = (ev.fileName ?? `bukti-${ev.id}`).replace(/["\\\r\n]/g, '_');
    await auditDownload(deps, req, 'evidence', {
      entity: 'appraisal',
      entityId: ev.appraisalId,
      file: name,
      evidenceId: ev.id,
    });
    res
      .type(ev.mimeType ?? 'application/octet-stream')
      .setHeader('Content-Disposition', `attachment; filename="${name}"`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Cache-Control', 'private, no-store')
      .send(Buffer.from(ev.content));
  });

  return router;
}
