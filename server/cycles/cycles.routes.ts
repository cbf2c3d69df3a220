/** `/api/cycles`: appraisal cycles — create, start, cancel, progress, unit ratings, payroll export. */
import { Router } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import type { Prisma } from '../../prisma/client';
import { unitScope } from '../../prisma/unit-tree';
import { evaluationPeriods } from '../../prisma/evaluation-periods';
import { mayShowUnitCounts } from '../access/disclosure';
import { auditDownload } from '../audit/audit-download';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { idSchema, parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { parseMonth } from '../pay/period-pay';
import { settingsSchema, unitRating } from './cycle-settings.schema';
import { cancelCycle, cycleProgress, payrollCsv, startCycle, versionFieldErrors } from './cycles.service';

const versionId = idSchema().optional();
const createSchema = z.strictObject({
  name: z.string({ error: 'Wajib diisi' }).trim().min(3, 'minimal 3 karakter').max(200),
  unitId: idSchema(),
  periodId: idSchema(),
  /** How often the year's plan is evaluated; absent: once, over the whole period. */
  evaluationFrequency: z.enum(['MONTH', 'QUARTER', 'SEMESTER']).optional(),
  includeDescendants: z.boolean().default(true),
  settings: settingsSchema.default({}),
  scoringVersionId: versionId,
  distributionVersionId: versionId,
  payVersionId: versionId,
  sanctionVersionId: versionId,
});
const cancelSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });
const ratingsSchema = z.strictObject({
  ratings: z.array(z.strictObject({ unitId: idSchema(), rating: unitRating })).min(1, 'minimal satu unit'),
});
const startSchema = z.strictObject({ batchSize: z.number().int().min(1).max(2000).optional() });

describeRoutes(
  {
    method: 'get',
    path: '/api/cycles',
    summary: 'Daftar siklus (filter status, periodId, unitId)',
    tag: 'cycles',
    list: true,
  },
  { method: 'get', path: '/api/cycles/:id', summary: 'Satu siklus', tag: 'cycles' },
  {
    method: 'post',
    path: '/api/cycles',
    summary:
      'Buat siklus (DRAFT): unit (dan turunannya), tahun (periode) dan frekuensi evaluasi (bulanan, triwulanan, semesteran), tenggat tiap tahap, versi aturan opsional',
    tag: 'cycles',
    access: ['HR_ADMIN'],
    body: createSchema,
  },
  {
    method: 'post',
    path: '/api/cycles/:id/start',
    summary: 'Mulai siklus: versi aturan dipatok, satu alur kerja per pegawai',
    tag: 'cycles',
    access: ['HR_ADMIN'],
    responses: { '409': 'Bukan DRAFT atau tidak ada aturan terbit' },
  },
  {
    method: 'post',
    path: '/api/cycles/:id/cancel',
    summary: 'Batalkan siklus (penilaian berjalan dibatalkan, tugas ditutup)',
    tag: 'cycles',
    access: ['HR_ADMIN'],
    body: cancelSchema,
  },
  {
    method: 'get',
    path: '/api/cycles/:id/progress',
    summary: 'Kemajuan: dimulai, per tahap, selesai, gagal, unit yang terblokir kurva',
    tag: 'cycles',
  },
  {
    method: 'post',
    path: '/api/cycles/:id/unit-ratings',
    summary: 'Tetapkan rating unit (dasar kurva distribusi) sebelum kalibrasi',
    tag: 'cycles',
    access: ['HR_ADMIN'],
    body: ratingsSchema,
  },
  {
    method: 'get',
    path: '/api/cycles/:id/unit-ratings',
    summary: 'Rating unit dan hasil pemeriksaan kurvanya',
    tag: 'cycles',
  },
  {
    method: 'get',
    path: '/api/cycles/:id/payroll.csv',
    summary: 'Ekspor penggajian (TPP) siklus, CSV: satu baris per pegawai dan bulan (?month=YYYY-MM: satu bulan)',
    tag: 'cycles',
    access: ['HR_ADMIN', 'AUDITOR'],
  },
);

/** Routes of /api/cycles. */
export function cyclesRoutes(deps: AppDeps): Router {
  const router = Router();
  const include = {
    unit: { select: { id: true, name: true, code: true } },
    period: { select: { id: true, label: true, type: true, startDate: true, endDate: true } },
    _count: { select: { appraisals: true } },
  } satisfies Prisma.CycleInclude;

  router.get('/', authorize(deps, 'cycle', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id', 'name', 'status', 'createdAt', 'startedAt'], ['id', 'DESC']);
    const where: Prisma.CycleWhereInput = {};
    const id = idFilter(q.filter);
    if (id !== undefined) where.id = id;
    if (typeof q.filter.status === 'string') where.status = q.filter.status as any;
    if (q.filter.periodId !== undefined) where.periodId = Number(q.filter.periodId);
    if (q.filter.unitId !== undefined) where.unitId = Number(q.filter.unitId);
    if (typeof q.filter.q === 'string') where.name = { contains: q.filter.q, mode: 'insensitive' };
    const [rows, total] = await Promise.all([
      deps.prisma.cycle.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, include }),
      deps.prisma.cycle.count({ where }),
    ]);
    sendList(res, 'cycles', rows, total, q.skip);
  });
  router.get('/:id', authorize(deps, 'cycle', 'read'), async (req, res) => {
    const row = await deps.prisma.cycle.findUnique({ where: { id: parseId(req.params.id) }, include });
    if (!row) throw ApiError.notFound('Siklus');
    res.json(row);
  });
  router.post('/', authorize(deps, 'cycle', 'manage'), validateBody(createSchema), async (req, res) => {
    const user = currentUser(req);
    const body = req.body as z.infer<typeof createSchema>;
    const [unit, period] = await Promise.all([
      deps.prisma.unit.findUnique({ where: { id: body.unitId } }),
      deps.prisma.period.findUnique({ where: { id: body.periodId } }),
    ]);
    const evaluations =
      period &&
      (await evaluationPeriods(
        deps.prisma,
        period.id,
        body.evaluationFrequency ?? null,
        body.settings.utcOffsetHours ?? 7,
      ));
    const fields = [
      ...(unit ? [] : [{ field: 'unitId', message: 'unit tidak ditemukan' }]),
      ...(period ? [] : [{ field: 'periodId', message: 'periode tidak ditemukan' }]),
      ...(period && !evaluations
        ? [
            {
              field: 'evaluationFrequency',
              message: `frekuensi evaluasi harus lebih pendek dari periode ${period.label} dan periodenya harus tersedia / the frequency must divide the period, and its periods must exist`,
            },
          ]
        : []),
      ...(await versionFieldErrors(deps, body)),
    ];
    if (fields.length) throw ApiError.invalidFields(fields);
    const cycle = await deps.prisma.$transaction(async (tx) => {
      const row = await tx.cycle.create({
        data: {
          name: body.name,
          unitId: body.unitId,
          periodId: body.periodId,
          evaluationFrequency: body.evaluationFrequency ?? null,
          includeDescendants: body.includeDescendants,
          settings: body.settings as any,
          scoringVersionId: body.scoringVersionId,
          distributionVersionId: body.distributionVersionId,
          payVersionId: body.payVersionId,
          sanctionVersionId: body.sanctionVersionId,
          createdById: user.id,
        },
        include,
      });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'cycle.create',
        entity: 'cycle',
        entityId: row.id,
        after: {
          name: row.name,
          unitId: row.unitId,
          periodId: row.periodId,
          evaluationFrequency: row.evaluationFrequency,
          evaluations: evaluations ? evaluations.length : 0,
          settings: body.settings,
        },
      });
      return row;
    });
    res.status(201).json(cycle);
  });
  router.post('/:id/start', authorize(deps, 'cycle', 'manage'), validateBody(startSchema), async (req, res) => {
    res.json(await startCycle(deps, currentUser(req), parseId(req.params.id), req.body));
  });
  router.post('/:id/cancel', authorize(deps, 'cycle', 'manage'), validateBody(cancelSchema), async (req, res) => {
    res.json(await cancelCycle(deps, currentUser(req), parseId(req.params.id), req.body.reason ?? null));
  });
  router.get('/:id/progress', authorize(deps, 'cycle', 'read'), async (req, res) => {
    res.json(await cycleProgress(deps, parseId(req.params.id)));
  });
  router.get('/:id/unit-ratings', authorize(deps, 'cycle', 'unit-ratings'), async (req, res) => {
    const user = currentUser(req);
    const cycleId = parseId(req.params.id);
    const [rows, sizes] = await Promise.all([
      deps.prisma.unitCycleRating.findMany({
        where: { cycleId },
        include: { unit: { select: { name: true, code: true } } },
        orderBy: { unitId: 'asc' },
      }),
      deps.prisma.appraisal.groupBy({ by: ['unitId'], where: { cycleId }, _count: { _all: true } }),
    ]);
    const sizeOf = new Map(sizes.map((s) => [s.unitId, s._count._all]));
    // The violations and the explanation carry the unit's predicate counts: in a small unit they name colleagues.
    res.json(
      rows.map((r) =>
        mayShowUnitCounts(user, sizeOf.get(r.unitId) ?? 0, deps.config.MIN_UNIT_COUNT_SHOWN, r.unitId)
          ? r
          : { ...r, violations: [], explanation: null, countsWithheld: true },
      ),
    );
  });
  router.post(
    '/:id/unit-ratings',
    authorize(deps, 'cycle', 'manage'),
    validateBody(ratingsSchema),
    async (req, res) => {
      const user = currentUser(req);
      const cycleId = parseId(req.params.id);
      const cycle = await deps.prisma.cycle.findUnique({ where: { id: cycleId } });
      if (!cycle) throw ApiError.notFound('Siklus');
      if (cycle.status === 'CLOSED' || cycle.status === 'CANCELLED') throw ApiError.conflict('Siklus sudah selesai');
      const body = req.body as z.infer<typeof ratingsSchema>;
      const inCycle = new Set(await unitScope(deps.prisma, cycle.unitId, cycle.includeDescendants));
      const outside = body.ratings.flatMap((r, i) =>
        inCycle.has(r.unitId)
          ? []
          : [
              {
                field: `ratings.${i}.unitId`,
                message: `unit ${r.unitId} bukan unit siklus ini / not a unit of this cycle`,
              },
            ],
      );
      if (outside.length) throw ApiError.invalidFields(outside);
      await deps.prisma.$transaction(async (tx) => {
        for (const r of body.ratings) {
          const existing = await tx.unitCycleRating.findUnique({
            where: { cycleId_unitId: { cycleId, unitId: r.unitId } },
          });
          if (existing && existing.status !== 'PENDING')
            throw ApiError.conflict(
              `Unit ${r.unitId} sudah dikalibrasi (${existing.status}); rating tidak dapat diubah`,
            );
          await tx.unitCycleRating.upsert({
            where: { cycleId_unitId: { cycleId, unitId: r.unitId } },
            create: { cycleId, unitId: r.unitId, rating: r.rating },
            update: { rating: r.rating },
          });
        }
        await recordAudit(tx, {
          actorUserId: user.id,
          actor: user.username,
          action: 'cycle.unit-ratings',
          entity: 'cycle',
          entityId: cycleId,
          after: { ratings: body.ratings },
        });
      });
      res.json(await deps.prisma.unitCycleRating.findMany({ where: { cycleId } }));
    },
  );
  router.get('/:id/payroll.csv', authorize(deps, 'payroll', 'export'), async (req, res) => {
    const id = parseId(req.params.id);
    const month = req.query.month === undefined ? undefined : parseMonth(req.query.month);
    const csv = await payrollCsv(deps, id, month);
    const file = `tpp-siklus-${id}${month ? `-${month.toISOString().slice(0, 7)}` : ''}.csv`;
    await auditDownload(deps, req, 'payroll', { entity: 'cycle', entityId: id, file });
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${file}"`);
    res.send(csv);
  });
  return router;
}
