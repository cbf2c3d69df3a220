/** `/api/rulesets`: rule-set versions (CRUD of drafts, lifecycle, diff, dry-run evaluation, golden tests, decision table, simulation). */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma, RuleSetKind } from '../../prisma/client';
import * as rules from '../../rules';
import { currentUser, requireAuth, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { idSchema, parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { replacedVersion, reviewOf } from './rulesets-review';
import { createDraft, deleteDraft, saveDraft, simulateOnCycle, transition, versionInForce } from './rulesets.service';

const kindSchema = z.enum(['SCORING', 'DISTRIBUTION', 'PAY', 'SANCTION'], {
  error: 'Harus SCORING, DISTRIBUTION, PAY atau SANCTION',
});
const createSchema = z.strictObject({
  kind: kindSchema,
  document: z.record(z.string(), z.unknown()).optional(),
  basedOnId: idSchema().optional(),
});
const saveSchema = z.strictObject({
  document: z.record(z.string(), z.unknown(), { error: 'Wajib berupa objek JSON' }),
});
const evaluateSchema = z.strictObject({
  facts: z.record(z.string(), z.unknown(), { error: 'Wajib berupa objek JSON' }),
  locale: z.enum(['id', 'en']).optional(),
});
const simulateSchema = z.strictObject({ cycleId: idSchema() });
const commentSchema = z.strictObject({ comment: z.string().max(2000).optional() });

describeRoutes(
  {
    method: 'get',
    path: '/api/rulesets',
    summary: 'Daftar versi aturan (filter kind, status)',
    tag: 'rulesets',
    list: true,
  },
  { method: 'get', path: '/api/rulesets/:id', summary: 'Satu versi aturan dengan dokumennya', tag: 'rulesets' },
  {
    method: 'post',
    path: '/api/rulesets',
    summary: 'Buat draf (dari dokumen, dari versi lain, atau dari versi terakhir)',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
    body: createSchema,
  },
  {
    method: 'put',
    path: '/api/rulesets/:id',
    summary: 'Simpan dokumen draf (divalidasi; kesalahan dengan JSON pointer)',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
    body: saveSchema,
    responses: { '409': 'Bukan draf' },
  },
  { method: 'delete', path: '/api/rulesets/:id', summary: 'Hapus draf', tag: 'rulesets', access: ['HR_ADMIN'] },
  {
    method: 'post',
    path: '/api/rulesets/:id/submit',
    summary: 'Ajukan (kasus uji emas harus lulus)',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/approve',
    summary: 'Setujui dan terbitkan: bukan penyusun, penyunting atau pengaju versi ini (aturan empat mata)',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
    responses: { '409': 'Status bukan SUBMITTED, atau aturan empat mata (FOUR_EYES)' },
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/return',
    summary: 'Kembalikan pengajuan ke draf',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/retire',
    summary: 'Minta pensiun versi terbit; admin SDM lain mengonfirmasi lewat retire-approve (aturan empat mata)',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
    body: commentSchema,
    responses: { '409': 'Bukan versi terbit, atau pensiun sudah diminta' },
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/retire-approve',
    summary: 'Konfirmasi pensiun yang diminta admin SDM lain (aturan empat mata)',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
    body: commentSchema,
    responses: { '409': 'Tidak ada permintaan pensiun, atau peminta sendiri mengonfirmasi (FOUR_EYES)' },
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/retire-withdraw',
    summary: 'Batalkan permintaan pensiun',
    tag: 'rulesets',
    access: ['HR_ADMIN'],
  },
  {
    method: 'get',
    path: '/api/rulesets/:id/review',
    summary: 'Bahan tinjauan: penyusun, penyunting, pengaju, versi yang diganti, perbedaan aturan dan kasus uji emas',
    tag: 'rulesets',
  },
  {
    method: 'get',
    path: '/api/rulesets/:id/diff',
    summary: 'Perbedaan dengan versi lain (?against=id; tanpa against: versi yang diganti)',
    tag: 'rulesets',
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/evaluate',
    summary: 'Uji coba kering: fakta → event + penjelasan',
    tag: 'rulesets',
    body: evaluateSchema,
  },
  { method: 'post', path: '/api/rulesets/:id/test', summary: 'Jalankan kasus uji emas', tag: 'rulesets' },
  {
    method: 'get',
    path: '/api/rulesets/:id/decision-table',
    summary: 'Model tabel keputusan (null bila bukan matriks)',
    tag: 'rulesets',
  },
  {
    method: 'post',
    path: '/api/rulesets/:id/simulate',
    summary: 'Simulasi atas fakta tersimpan siklus lampau',
    tag: 'rulesets',
    access: ['HR_ADMIN', 'AUDITOR'],
    body: simulateSchema,
  },
  {
    method: 'get',
    path: '/api/rulesets/in-force/:kind',
    params: { kind: { type: 'string', enum: kindSchema.options } },
    summary: 'Versi terbit yang berlaku pada tanggal (?on=YYYY-MM-DD)',
    tag: 'rulesets',
  },
);

const summary = {
  id: true,
  kind: true,
  version: true,
  name: true,
  description: true,
  effectiveFrom: true,
  status: true,
  authorId: true,
  approvedById: true,
  submittedAt: true,
  publishedAt: true,
  retiredAt: true,
  contentHash: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.RuleSetVersionSelect;

/** Routes of /api/rulesets. */
export function rulesetsRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.prisma;
  router.use(requireAuth(deps));

  router.get('/', async (req, res) => {
    const q = parseListQuery(req, ['id', 'kind', 'version', 'status', 'effectiveFrom', 'updatedAt'], ['id', 'DESC']);
    const where: Prisma.RuleSetVersionWhereInput = {};
    const id = idFilter(q.filter);
    if (id !== undefined) where.id = id;
    if (typeof q.filter.kind === 'string') where.kind = q.filter.kind as RuleSetKind;
    if (typeof q.filter.status === 'string') where.status = q.filter.status as any;
    if (typeof q.filter.q === 'string') where.name = { contains: q.filter.q, mode: 'insensitive' };
    const [rows, total] = await Promise.all([
      db.ruleSetVersion.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, select: summary }),
      db.ruleSetVersion.count({ where }),
    ]);
    sendList(res, 'rulesets', rows, total, q.skip);
  });

  router.get('/in-force/:kind', async (req, res) => {
    const kind = kindSchema.safeParse(req.params.kind).data;
    if (!kind)
      throw ApiError.notFound(
        `Jenis aturan ${req.params.kind} (pilihan: ${kindSchema.options.join(', ')}) / rule kind`,
      );
    const on = typeof req.query.on === 'string' ? new Date(req.query.on) : new Date();
    if (Number.isNaN(on.getTime()))
      throw ApiError.badRequest('on: harus tanggal ISO 8601 / must be an ISO 8601 date', {
        fields: [{ field: 'on', message: 'harus tanggal ISO 8601' }],
      });
    const row = await versionInForce(db, kind, on);
    if (!row) throw ApiError.notFound(`Versi terbit ${kind}`);
    res.json(row);
  });

  router.get('/:id', async (req, res) => {
    const row = await db.ruleSetVersion.findUnique({ where: { id: parseId(req.params.id) } });
    if (!row) throw ApiError.notFound('Versi aturan');
    res.json({ ...row, validation: rules.validateRuleset(row.document) });
  });

  router.post('/', requireRole('HR_ADMIN'), validateBody(createSchema), async (req, res) => {
    res.status(201).json(await createDraft(db, currentUser(req), req.body));
  });

  router.put('/:id', requireRole('HR_ADMIN'), validateBody(saveSchema), async (req, res) => {
    res.json(await saveDraft(db, currentUser(req), parseId(req.params.id), req.body.document));
  });

  router.delete('/:id', requireRole('HR_ADMIN'), async (req, res) => {
    res.json(await deleteDraft(db, currentUser(req), parseId(req.params.id)));
  });

  for (const action of ['submit', 'approve', 'return', 'retire', 'retire-approve', 'retire-withdraw'] as const) {
    router.post(`/:id/${action}`, requireRole('HR_ADMIN'), validateBody(commentSchema), async (req, res) => {
      res.json(await transition(db, currentUser(req), parseId(req.params.id), action, req.body.comment));
    });
  }

  router.get('/:id/review', async (req, res) => {
    res.json(await reviewOf(db, currentUser(req), parseId(req.params.id)));
  });

  router.get('/:id/diff', async (req, res) => {
    const b = await db.ruleSetVersion.findUnique({ where: { id: parseId(req.params.id) } });
    if (!b) throw ApiError.notFound('Versi aturan');
    const a =
      req.query.against === undefined
        ? await replacedVersion(db, b)
        : await db.ruleSetVersion.findUnique({ where: { id: parseId(req.query.against, 'against') } });
    if (!a && req.query.against !== undefined) throw ApiError.notFound('Versi aturan');
    // Always older → newer, whichever of the two the caller stands on: the older version is "before".
    const [older, newer] = a && a.version > b.version ? [b, a] : [a, b];
    res.json({
      from: older ? { id: older.id, version: older.version } : null,
      to: { id: newer!.id, version: newer!.version },
      diff: rules.diffRulesets(older?.document ?? {}, newer!.document as any),
      /** The same changes in words (id and en), part by part, as the review shows them. */
      words: rules.describeChanges(older?.document ?? {}, newer!.document),
    });
  });

  router.post('/:id/evaluate', validateBody(evaluateSchema), async (req, res) => {
    const row = await db.ruleSetVersion.findUnique({ where: { id: parseId(req.params.id) } });
    if (!row) throw ApiError.notFound('Versi aturan');
    try {
      const doc = row.document as any;
      const result =
        row.kind === 'PAY' ? rules.computeAllowance(doc, req.body.facts) : rules.evaluateRuleset(doc, req.body.facts);
      res.json(result);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (err instanceof rules.RuleEvaluationError)
        // The rule set itself failed (too slow or a rule threw): name it, its version and the rule, not the facts.
        throw new ApiError(422, 'RULESET_FAILED', err.message, {
          ruleSet: err.ruleSet,
          rule: err.rule ?? null,
          reason: err.reason,
        });
      const e = err as Error & { fact?: string };
      throw ApiError.badRequest(e.message, {
        fields: [{ field: e.fact ? `facts.${e.fact}` : 'facts', message: e.message }],
      });
    }
  });

  router.post('/:id/test', async (req, res) => {
    const row = await db.ruleSetVersion.findUnique({ where: { id: parseId(req.params.id) } });
    if (!row) throw ApiError.notFound('Versi aturan');
    const results = rules.runGoldenTests(row.document as any);
    res.json({ passed: results.every((r: { passed: boolean }) => r.passed), results });
  });

  router.get('/:id/decision-table', async (req, res) => {
    const row = await db.ruleSetVersion.findUnique({ where: { id: parseId(req.params.id) } });
    if (!row) throw ApiError.notFound('Versi aturan');
    res.json({ table: rules.toDecisionTable(row.document as any) });
  });

  router.post('/:id/simulate', requireRole('HR_ADMIN', 'AUDITOR'), validateBody(simulateSchema), async (req, res) => {
    res.json(await simulateOnCycle(db, parseId(req.params.id), req.body.cycleId));
  });
  return router;
}
