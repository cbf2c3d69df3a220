/**
 * Progress at any time (issue 15, item 2). During the period the employee records realisations per indicator whenever
 * work is done and reads, per indicator, the target, the realisation so far and the share reached; the rater reads the
 * same for the team, members behind first. Every entry recorded or removed is audited; what was recorded pre-fills the
 * evidence step (prisma/realization-progress.ts, where the arithmetic is).
 *
 * - `GET    /api/appraisals/:id/progress`               progress per indicator and the entries
 * - `POST   /api/appraisals/:id/realizations`           records an entry (the employee, or on their behalf)
 * - `DELETE /api/appraisals/:id/realizations/:entryId`  removes one's own entry while the period runs
 * - `GET    /api/progress/team`                         the caller's team as rater, behind first
 */
import { Router } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import type { Prisma } from '../../prisma/client';
import { progressOf, refreshEvidenceDraft } from '../../prisma/realization-progress';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { MAX_ID, idSchema, parseId } from '../http/params';
import { parseOrThrow, validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { entryGate, loadEntries, teamOf, validEntry } from './progress.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One realisation: the indicator, the day the work was done, the value in the indicator's unit, a note. */
export const entrySchema = z.strictObject({
  indicatorId: idSchema(),
  workDate: z
    .string({ error: 'Wajib diisi: tanggal ditulis YYYY-MM-DD / required: date as YYYY-MM-DD' })
    .regex(DATE, 'tanggal ditulis YYYY-MM-DD / date as YYYY-MM-DD'),
  value: z
    .number({ error: 'Wajib diisi: angka dalam satuan indikator / required: a number in the indicator’s unit' })
    .finite('harus angka / must be a number')
    .min(0, 'tidak boleh negatif / must not be negative')
    .max(99_999_999_999_999, 'terlalu besar / too large')
    .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, {
      message: 'maksimal 4 angka desimal / at most 4 decimals',
    }),
  note: z.string().trim().max(2000, 'maksimal 2000 karakter / at most 2000 characters').optional(),
});

const teamQuery = z.strictObject({ periodId: z.coerce.number().int().positive().max(MAX_ID).optional() });

describeRoutes(
  {
    method: 'get',
    path: '/api/appraisals/:id/progress',
    summary:
      'Progres selama periode: per indikator target, realisasi sejauh ini (kuantitas dijumlah; kualitas dan waktu ' +
      'yang terakhir), persentase tercapai, tertinggal atau tidak dibanding bagian periode yang sudah berjalan; ' +
      'dengan catatan realisasi',
    tag: 'progress',
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/realizations',
    summary:
      'Catat realisasi sebuah indikator pada hari kerja tertentu selama periode berjalan (tahap PERIOD atau EVIDENCE)',
    tag: 'progress',
    body: entrySchema,
    responses: {
      '400': 'Indikator bukan dari SKP ini, atau tanggal di luar periode / setelah hari ini',
      '403': 'Bukan pegawai yang bersangkutan (atau yang menyelesaikan langkah realisasinya atas namanya)',
      '409': 'Periode tidak sedang berjalan',
    },
  },
  {
    method: 'delete',
    path: '/api/appraisals/:id/realizations/:entryId',
    summary: 'Hapus catatan realisasi sendiri selama periode berjalan',
    tag: 'progress',
    params: { entryId: { type: 'integer', minimum: 1, maximum: MAX_ID } },
    responses: {
      '403': 'Bukan pencatatnya',
      '404': 'Catatan tidak ada pada penilaian ini',
      '409': 'Periode tidak sedang berjalan',
    },
  },
  {
    method: 'get',
    path: '/api/progress/team',
    summary:
      'Progres tim pejabat penilai: tiap anggota dengan persentase per indikator, yang tertinggal lebih dulu ' +
      '(periodId: periode tertentu; tanpa itu: periode yang sedang berjalan)',
    tag: 'progress',
  },
);

/** Routes mounted at /api/appraisals (an appraisal's progress and entries). */
export function progressRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/:id/progress', authorize(deps, 'progress', 'read'), async (req, res) => {
    const user = currentUser(req);
    const id = parseId(req.params.id);
    const [progress] = await progressOf(deps.prisma, [id], new Date());
    if (!progress) throw ApiError.notFound('Penilaian');
    res.json({ ...progress, entries: await loadEntries(deps.prisma, id, user, progress.open) });
  });

  router.post(
    '/:id/realizations',
    authorize(deps, 'progress', 'record'),
    validateBody(entrySchema),
    async (req, res) => {
      const user = currentUser(req);
      const appraisalId = parseId(req.params.id);
      const body = req.body as z.infer<typeof entrySchema>;
      const now = new Date();
      const entry = await deps.prisma.$transaction(async (tx) => {
        const gate = await entryGate(tx, appraisalId, user);
        const indicator = await validEntry(tx, appraisalId, gate, body, now);
        const row = await tx.realizationEntry.create({
          data: {
            appraisalId,
            indicatorId: indicator.id,
            itemTitle: indicator.planItem.title,
            indicatorDescription: indicator.description,
            aspect: indicator.aspect,
            workDate: new Date(`${body.workDate}T00:00:00Z`),
            value: body.value,
            note: body.note || null,
            recordedByUserId: user.id,
            recordedByEmployeeId: user.employeeId,
            onBehalf: gate.onBehalf,
          },
        });
        await recordAudit(tx, {
          actorUserId: user.id,
          actor: user.username,
          action: 'realization.record',
          entity: 'appraisal',
          entityId: appraisalId,
          after: {
            entryId: row.id,
            indicatorId: indicator.id,
            indicator: indicator.description,
            workDate: body.workDate,
            value: body.value,
            unit: indicator.targetUnit,
            note: row.note,
            ...(gate.onBehalf ? { onBehalf: true } : {}),
          },
        });
        await refreshEvidenceDraft(tx, appraisalId, now);
        return row;
      });
      const [progress] = await progressOf(deps.prisma, [appraisalId], now);
      res.status(201).json({
        entry: { ...entry, value: entry.value.toNumber(), workDate: body.workDate },
        indicator: progress?.indicators.find((i) => i.indicatorId === entry.indicatorId) ?? null,
      });
    },
  );

  router.delete('/:id/realizations/:entryId', authorize(deps, 'progress', 'record'), async (req, res) => {
    const user = currentUser(req);
    const appraisalId = parseId(req.params.id);
    const entryId = parseId(req.params.entryId, 'entryId');
    await deps.prisma.$transaction(async (tx) => {
      await entryGate(tx, appraisalId, user);
      const e = await tx.realizationEntry.findUnique({ where: { id: entryId } });
      if (!e || e.appraisalId !== appraisalId) throw ApiError.notFound('Catatan realisasi');
      if (e.recordedByUserId !== user.id)
        throw ApiError.forbidden('Hanya pencatatnya yang dapat menghapus catatan ini / only its author may remove it');
      await tx.realizationEntry.delete({ where: { id: e.id } });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'realization.remove',
        entity: 'appraisal',
        entityId: appraisalId,
        before: {
          entryId: e.id,
          indicatorId: e.indicatorId,
          indicator: e.indicatorDescription,
          workDate: e.workDate.toISOString().slice(0, 10),
          value: e.value.toNumber(),
          note: e.note,
          recordedAt: e.createdAt.toISOString(),
        },
      });
      await refreshEvidenceDraft(tx, appraisalId);
    });
    res.json({ id: entryId, removed: true });
  });
  return router;
}

/** Routes mounted at /api/progress (the rater's team). */
export function teamProgressRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/team', authorize(deps, 'progress', 'team'), async (req, res) => {
    const user = currentUser(req);
    const q = parseOrThrow(teamQuery, req.query);
    const where: Prisma.AppraisalWhereInput = q.periodId
      ? { periodId: q.periodId }
      : { stage: { in: ['PERIOD', 'EVIDENCE'] } };
    res.json(await teamOf(deps.prisma, user, where, new Date()));
  });
  return router;
}
