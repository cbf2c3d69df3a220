/** `/api/appraisals`: appraisals, their result and explanation, timeline, appeal, feedback, HR interventions. */
import { withinQueryDeadline } from '../temporal-client';
import { Router } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import type { Prisma } from '../../prisma/client';
import { superiorItems, type NoSuperiorItems } from '../../prisma/plan-cascade';
import {
  appraisalStateQuery,
  changeEmploymentUpdate,
  reassignRaterUpdate,
  respondToResultUpdate,
  type AppraisalView,
} from '../../workflows/messages';
import { peerTasksVisible, resultWithheld, withoutWithheldResult } from '../access/disclosure';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, pageTotal, parseListQuery, sendList } from '../http/list-query';
import { idSchema, parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { periodPay } from '../pay/period-pay';
import { actorOf, executeUpdate, refuseInvalidPayload } from '../tasks/task-updates';
import { assertOpen } from '../tasks/tasks.service';
import { recordDeparture } from '../users/account-lifecycle';
import { appraisalHistory, fewVisible, loadVisible, temporalUiLink, visibleListWhere } from './appraisals.service';

const appealSchema = z.strictObject({
  reason: z.string({ error: 'Wajib diisi' }).trim().min(10, 'minimal 10 karakter').max(4000),
});
const reassignSchema = z.strictObject({
  raterId: idSchema(),
  raterSuperiorId: idSchema().nullable().optional(),
  reason: z.string().trim().max(1000).optional(),
});
const employmentSchema = z.strictObject({
  kind: z.enum(['TRANSFER', 'LEAVE'], { error: 'harus TRANSFER atau LEAVE' }),
  newUnitId: idSchema().nullable().optional(),
  newRaterId: idSchema().nullable().optional(),
  reason: z.string().trim().max(1000).optional(),
});
/** Why the list of the superior's items is empty, Bahasa Indonesia first. */
const NO_SUPERIOR_ITEMS: Record<NoSuperiorItems, (year: number) => string> = {
  NO_RATER: () => 'Penilaian ini belum memiliki pejabat penilai / this appraisal has no rater',
  NO_SUPERIOR_PLAN: (y) => `Atasan belum menyusun SKP tahun ${y} / the superior has no plan for ${y} yet`,
  SUPERIOR_PLAN_NOT_APPROVED: (y) =>
    `SKP atasan tahun ${y} belum disetujui / the superior's plan for ${y} is not approved yet`,
};
const feedbackSchema = z.strictObject({
  text: z.string({ error: 'Wajib diisi' }).trim().min(1, 'Wajib diisi').max(4000),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/appraisals',
    summary:
      'Daftar penilaian, tiap baris dengan periode evaluasinya (filter cycleId, periodId, stage, unitId, employeeId, ' +
      'raterId, predicate; terlihat sesuai peran)',
    tag: 'appraisals',
    list: true,
  },
  {
    method: 'get',
    path: '/api/appraisals/:id',
    summary: 'Satu penilaian: SKP, bukti, ulasan, keberatan, TPP',
    tag: 'appraisals',
  },
  {
    method: 'get',
    path: '/api/appraisals/:id/result',
    summary: 'Hasil: predikat dan TPP dengan penjelasannya (aturan dan versi, fakta, aturan yang berlaku)',
    tag: 'appraisals',
  },
  {
    method: 'get',
    path: '/api/appraisals/:id/history',
    summary: 'Linimasa: peristiwa audit + peristiwa alur kerja, dengan tautan ke Temporal Web UI',
    tag: 'appraisals',
  },
  {
    method: 'get',
    path: '/api/appraisals/:id/superior-items',
    summary:
      'RHK atasan yang dapat diintervensi: butir SKP atasan (pejabat penilai) yang disetujui pada tahun yang sama, ' +
      'dengan indikatornya; daftar kosong dengan alasan (reasonCode, reason) bila belum ada',
    tag: 'appraisals',
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/appeal',
    summary: 'Ajukan keberatan dalam batas waktunya (pegawai)',
    tag: 'appraisals',
    body: appealSchema,
    responses: { '409': 'Batas waktu keberatan sudah lewat atau hasil belum dibagikan' },
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/feedback',
    summary: 'Catatan umpan balik berkelanjutan dari penilai',
    tag: 'appraisals',
    body: feedbackSchema,
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/reassign-rater',
    summary: 'Ganti pejabat penilai di tengah jalan (tugas terbuka ikut pindah)',
    tag: 'appraisals',
    access: ['HR_ADMIN'],
    body: reassignSchema,
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/employment',
    summary:
      'Mutasi (unit/penilai baru) atau berhenti (penilaian ditutup; status pegawai menjadi LEFT dan akunnya dinonaktifkan)',
    tag: 'appraisals',
    access: ['HR_ADMIN'],
    body: employmentSchema,
  },
);

/** Routes of /api/appraisals. */
export function appraisalsRoutes(deps: AppDeps): Router {
  const router = Router();
  const person = { select: { id: true, name: true, nip: true, position: true } } as const;

  router.get('/', authorize(deps, 'appraisal', 'list'), async (req, res) => {
    const user = currentUser(req);
    const q = parseListQuery(req, ['id', 'stage', 'predicate', 'employeeId', 'updatedAt', 'createdAt'], ['id', 'ASC']);
    const scope = await visibleListWhere(deps, user);
    const where: Prisma.AppraisalWhereInput = { AND: [scope] };
    const and = where.AND as Prisma.AppraisalWhereInput[];
    const id = idFilter(q.filter);
    if (id !== undefined) and.push({ id });
    for (const k of ['cycleId', 'unitId', 'employeeId', 'raterId'] as const)
      if (q.filter[k] !== undefined) and.push({ [k]: Number(q.filter[k]) });
    // The evaluation period: the rows of one employee's year are one per period.
    if (q.filter.periodId !== undefined) and.push({ periodId: parseId(q.filter.periodId, 'filter.periodId') });
    if (typeof q.filter.stage === 'string') and.push({ stage: q.filter.stage as any });
    if (typeof q.filter.predicate === 'string') and.push({ predicate: q.filter.predicate as any });
    if (typeof q.filter.q === 'string')
      and.push({
        employee: {
          OR: [{ name: { contains: q.filter.q, mode: 'insensitive' } }, { nip: { startsWith: q.filter.q } }],
        },
      });
    // A caller who sees a few appraisals gets them by id: sorted by id, PostgreSQL would walk the whole table.
    const few = Object.keys(scope).length ? await fewVisible(deps, where) : null;
    const rows = await deps.prisma.appraisal.findMany({
      where: few ? { AND: [where, { id: { in: few } }] } : where,
      orderBy: q.orderBy,
      skip: q.skip,
      take: q.take,
      include: { employee: person, rater: person, period: { select: { label: true } } },
    });
    const total =
      few?.length ??
      (await pageTotal('appraisals', q, rows.length, where, () => deps.prisma.appraisal.count({ where })));
    sendList(
      res,
      'appraisals',
      rows.map((r) => withoutWithheldResult(user, r)),
      total,
      q.skip,
    );
  });

  router.get('/:id', authorize(deps, 'appraisal', 'read'), async (req, res) => {
    const user = currentUser(req);
    const a = await loadVisible(deps, user, parseId(req.params.id));
    const withheld = resultWithheld(user, a);
    const row = await deps.prisma.appraisal.findUniqueOrThrow({
      where: { id: a.id },
      include: {
        employee: person,
        rater: person,
        raterSuperior: person,
        cycle: { select: { id: true, name: true, status: true, period: { select: { label: true } } } },
        plan: {
          include: {
            items: {
              orderBy: { position: 'asc' },
              include: {
                indicators: { include: { realizations: true } },
                parentItem: { select: { id: true, title: true } },
              },
            },
          },
        },
        review: true,
        appeal: true,
        feedback: { orderBy: { createdAt: 'asc' } },
        evidence: {
          select: { id: true, indicatorId: true, kind: true, title: true, url: true, fileName: true, createdAt: true },
        },
        payAdjustments: { orderBy: { month: 'asc' } },
        sanctions: true,
        tasks: { orderBy: { id: 'asc' } },
      },
    });
    let live: AppraisalView | null = null;
    if (req.query.live === '1' && !withheld && !['DONE', 'CANCELLED', 'FAILED'].includes(row.stage)) {
      try {
        const client = await deps.temporal();
        live = await withinQueryDeadline(client, () =>
          client.workflow.getHandle(row.workflowId).query(appraisalStateQuery),
        );
      } catch {
        live = null;
      }
    }
    // Withheld: the rater's tasks carry the ratings in their result, so the employee sees only their own tasks; the
    // colleagues' peer-feedback tasks name them and carry their answers: only those who see names get them.
    const peers = peerTasksVisible(user, row);
    if (live && !peers) live = { ...live, openTasks: live.openTasks.filter((t) => t.type !== 'peer.feedback') };
    const tasks = (withheld ? row.tasks.filter((t) => t.assigneeId === user.employeeId) : row.tasks).filter(
      (t) => peers || t.type !== 'peer.feedback',
    );
    res.json({
      ...withoutWithheldResult(user, { ...row, tasks }),
      live,
      temporalUiUrl: temporalUiLink(deps, user, row.workflowId),
    });
  });

  router.get('/:id/result', authorize(deps, 'appraisal', 'read'), async (req, res) => {
    const user = currentUser(req);
    const a = await loadVisible(deps, user, parseId(req.params.id));
    if (resultWithheld(user, a))
      return void res.json({
        appraisalId: a.id,
        stage: a.stage,
        resultWithheld: true,
        message: 'Hasil penilaian belum dibagikan / the result has not been shared yet',
        predicate: null,
        resultSharedAt: null,
        appealWindowEndsAt: null,
        ratings: null,
        explanation: null,
        appeal: null,
        pay: null,
        sanctions: [],
      });
    const [review, appeal, pay, sanctions, respond] = await Promise.all([
      deps.prisma.review.findUnique({ where: { appraisalId: a.id } }),
      deps.prisma.appeal.findUnique({ where: { appraisalId: a.id } }),
      deps.prisma.payAdjustment.findMany({ where: { appraisalId: a.id } }).then(periodPay),
      deps.prisma.sanction.findMany({ where: { appraisalId: a.id } }),
      deps.prisma.task.findFirst({ where: { appraisalId: a.id, type: 'result.respond' } }),
    ]);
    res.json({
      appraisalId: a.id,
      stage: a.stage,
      predicate: a.predicate,
      resultSharedAt: a.resultSharedAt,
      appealWindowEndsAt: respond?.dueAt ?? null,
      ratings: review
        ? { resultRating: review.resultRating, behaviourRating: review.behaviourRating, source: review.source }
        : null,
      explanation: a.predicateExplanation,
      appeal,
      // The period's allowance and each month paid, with its own explanation (one adjustment per month).
      pay: pay && {
        amount: pay.amount,
        baseAmount: pay.baseAmount,
        cutAmount: pay.cutAmount,
        months: pay.months.map((m) => ({
          month: m.month.toISOString().slice(0, 7),
          amount: m.amount,
          baseAmount: m.baseAmount,
          cutAmount: m.cutAmount,
          explanation: m.explanation,
        })),
      },
      sanctions,
    });
  });

  // The plan form's choices of "RHK atasan yang diintervensi"; the plan step refuses any other link (same rule).
  router.get('/:id/superior-items', authorize(deps, 'appraisal', 'read'), async (req, res) => {
    const a = await loadVisible(deps, currentUser(req), parseId(req.params.id));
    const found = await superiorItems(deps.prisma, a.id);
    res.json({ ...found, reason: found.reasonCode && NO_SUPERIOR_ITEMS[found.reasonCode](found.year) });
  });

  router.get('/:id/history', authorize(deps, 'appraisal', 'read'), async (req, res) => {
    const user = currentUser(req);
    const a = await loadVisible(deps, user, parseId(req.params.id));
    res.json(await appraisalHistory(deps, user, a));
  });

  router.post('/:id/appeal', authorize(deps, 'appraisal', 'appeal'), validateBody(appealSchema), async (req, res) => {
    const user = currentUser(req);
    const a = await loadVisible(deps, user, parseId(req.params.id));
    if (a.employeeId !== user.employeeId)
      throw ApiError.forbidden(
        'Hanya pegawai yang dinilai yang dapat mengajukan keberatan / only the appraised employee',
      );
    const task = await deps.prisma.task.findFirst({ where: { appraisalId: a.id, type: 'result.respond' } });
    if (!task)
      throw ApiError.conflict(
        'Hasil penilaian belum dibagikan; keberatan belum dapat diajukan / result not shared yet',
      );
    assertOpen(task);
    const payload = { action: 'APPEAL', reason: req.body.reason };
    refuseInvalidPayload(task.type, payload);
    const result = await executeUpdate(deps, task.workflowId, respondToResultUpdate.name, {
      taskKey: task.key,
      actor: actorOf(user),
      payload,
    });
    res.status(201).json({ result, appeal: await deps.prisma.appeal.findUnique({ where: { appraisalId: a.id } }) });
  });

  router.post(
    '/:id/feedback',
    authorize(deps, 'appraisal', 'feedback'),
    validateBody(feedbackSchema),
    async (req, res) => {
      const user = currentUser(req);
      const a = await loadVisible(deps, user, parseId(req.params.id));
      if (!user.employeeId || (a.raterId !== user.employeeId && a.raterSuperiorId !== user.employeeId))
        throw ApiError.forbidden('Hanya penilai yang dapat memberi umpan balik / only the rater');
      const row = await deps.prisma.$transaction(async (tx) => {
        const fb = await tx.feedback.create({
          data: { appraisalId: a.id, authorId: user.employeeId, text: req.body.text },
        });
        await recordAudit(tx, {
          actorUserId: user.id,
          actor: user.username,
          action: 'feedback.add',
          entity: 'appraisal',
          entityId: a.id,
          after: { feedbackId: fb.id, text: fb.text },
        });
        return fb;
      });
      res.status(201).json(row);
    },
  );

  router.post(
    '/:id/reassign-rater',
    authorize(deps, 'appraisal', 'reassign-rater'),
    validateBody(reassignSchema),
    async (req, res) => {
      const user = currentUser(req);
      const a = await loadVisible(deps, user, parseId(req.params.id));
      const result = await executeUpdate(deps, a.workflowId, reassignRaterUpdate.name, {
        actor: actorOf(user),
        raterId: req.body.raterId,
        raterSuperiorId: req.body.raterSuperiorId ?? null,
        reason: req.body.reason ?? null,
      });
      res.json(result);
    },
  );

  router.post(
    '/:id/employment',
    authorize(deps, 'appraisal', 'employment'),
    validateBody(employmentSchema),
    async (req, res) => {
      const user = currentUser(req);
      const a = await loadVisible(deps, user, parseId(req.params.id));
      const result = await executeUpdate(deps, a.workflowId, changeEmploymentUpdate.name, {
        actor: actorOf(user),
        kind: req.body.kind,
        newUnitId: req.body.newUnitId ?? null,
        newRaterId: req.body.newRaterId ?? null,
        reason: req.body.reason ?? null,
      });
      // The employee left the service: their record says so and their account ends (account-lifecycle.ts).
      if (req.body.kind === 'LEAVE') await recordDeparture(deps.prisma, user, a.employeeId, req.body.reason ?? null);
      res.json(result);
    },
  );
  return router;
}
