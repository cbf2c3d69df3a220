/**
 * `/api/appraisals/:id/year` and `/plan-revision`: an employee's appraisal year — one row per evaluation period of the
 * cycle, the plan's approved versions, the year's predicate and the TPP per month — and the request to revise the plan
 * in force while a period runs.
 */
import { Router } from 'express';
import { z } from 'zod';
import { requestPlanRevisionUpdate } from '../../workflows/messages';
import { resultWithheld } from '../access/disclosure';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { actorOf, executeUpdate } from '../tasks/task-updates';
import { loadVisible, visibleWhere } from './appraisals.service';

const revisionSchema = z.strictObject({
  reason: z.string({ error: 'Wajib diisi' }).trim().min(5, 'minimal 5 karakter').max(1000),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/appraisals/:id/year',
    summary:
      'Tahun penilaian pegawai: evaluasi tiap periode, versi SKP yang disetujui, predikat tahunan, TPP per bulan',
    tag: 'appraisals',
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/plan-revision',
    summary:
      'Minta revisi SKP yang berlaku selama periode berjalan (pegawai atau penilai); diajukan dan disetujui ulang',
    tag: 'appraisals',
    body: revisionSchema,
  },
);

/** The year's routes, mounted under /api/appraisals. */
export function yearRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/:id/year', authorize(deps, 'appraisal', 'read'), async (req, res) => {
    const user = currentUser(req);
    const a = await loadVisible(deps, user, parseId(req.params.id));
    const rows = await deps.prisma.appraisal.findMany({
      where: { cycleId: a.cycleId, employeeId: a.employeeId, ...visibleWhere(user) },
      orderBy: { sequence: 'asc' },
      include: {
        period: { select: { id: true, label: true, startDate: true, endDate: true } },
        plan: { select: { id: true, revision: true, status: true } },
        appeal: { select: { status: true, decision: true } },
      },
    });
    const [cycle, versions, annual, pay] = await Promise.all([
      deps.prisma.cycle.findUniqueOrThrow({
        where: { id: a.cycleId },
        select: { id: true, name: true, status: true, evaluationFrequency: true, period: { select: { label: true } } },
      }),
      deps.prisma.planVersion.findMany({
        where: { plan: { appraisalId: { in: rows.map((r) => r.id) } } },
        orderBy: [{ revision: 'asc' }, { approvedAt: 'asc' }],
      }),
      deps.prisma.annualResult.findUnique({
        where: { cycleId_employeeId: { cycleId: a.cycleId, employeeId: a.employeeId } },
      }),
      deps.prisma.payAdjustment.findMany({
        where: { appraisalId: { in: rows.filter((r) => !resultWithheld(user, r)).map((r) => r.id) } },
        orderBy: { month: 'asc' },
      }),
    ]);
    const annualRow = annual && rows.find((r) => r.id === annual.appraisalId);
    res.json({
      appraisalId: a.id,
      employeeId: a.employeeId,
      cycle: {
        id: cycle.id,
        name: cycle.name,
        status: cycle.status,
        year: cycle.period.label,
        evaluationFrequency: cycle.evaluationFrequency,
      },
      evaluations: rows.map((r) => {
        const withheld = resultWithheld(user, r);
        return {
          appraisalId: r.id,
          sequence: r.sequence,
          final: r.final,
          period: { id: r.period.id, label: r.period.label, startDate: r.period.startDate, endDate: r.period.endDate },
          stage: r.stage,
          planRevision: r.plan?.revision ?? null,
          predicate: withheld ? null : r.predicate,
          resultWithheld: withheld,
          appeal: withheld ? null : r.appeal,
        };
      }),
      // Every approved plan version once (a period's copy of an unchanged plan is the same version).
      planVersions: [...new Map(versions.map((v) => [v.revision, v])).values()].map((v) => ({
        revision: v.revision,
        approvedAt: v.approvedAt,
        expectations: v.expectations,
        items: v.items,
      })),
      annual:
        annual && annualRow && !resultWithheld(user, annualRow)
          ? { predicate: annual.predicate, explanation: annual.explanation, appraisalId: annual.appraisalId }
          : null,
      pay: pay.map((p) => ({
        month: p.month.toISOString().slice(0, 7),
        appraisalId: p.appraisalId,
        predicate: p.predicate,
        baseAmount: p.baseAmount,
        amount: p.amount,
        cutAmount: p.cutAmount,
      })),
    });
  });

  router.post(
    '/:id/plan-revision',
    authorize(deps, 'appraisal', 'plan-revision'),
    validateBody(revisionSchema),
    async (req, res) => {
      const user = currentUser(req);
      const a = await loadVisible(deps, user, parseId(req.params.id));
      const result = await executeUpdate(deps, a.workflowId, requestPlanRevisionUpdate.name, {
        actor: actorOf(user),
        reason: req.body.reason,
      });
      res.json(result);
    },
  );

  return router;
}
