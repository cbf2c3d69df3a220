/**
 * Activities of the appraisal year: the next evaluation period's appraisal row with the plan in force, every approved
 * plan version kept, and the year's predicate from its final evaluation. Idempotent under retries (unique keys).
 */
import { recordAudit } from '../prisma/audit';
import type { PrismaClient } from '../prisma/client';
import type { Tx } from './task-common';

/** Stores the plan as approved (work results, indicators, targets) as its version `revision`; once per revision. */
export async function keepPlanVersion(tx: Tx, planId: number, approvedById: number | null): Promise<void> {
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    include: { items: { orderBy: { position: 'asc' }, include: { indicators: { orderBy: { id: 'asc' } } } } },
  });
  const items = plan.items.map((i) => ({
    kind: i.kind,
    title: i.title,
    parentItemId: i.parentItemId,
    indicators: i.indicators.map((ind) => ({
      aspect: ind.aspect,
      description: ind.description,
      target: ind.target,
      targetValue: ind.targetValue === null ? null : ind.targetValue.toString(),
      targetUnit: ind.targetUnit,
    })),
  }));
  await tx.planVersion.upsert({
    where: { planId_revision: { planId, revision: plan.revision } },
    create: { planId, revision: plan.revision, items, expectations: plan.expectations, approvedById },
    update: {},
  });
}

/** Year activities bound to a Prisma client. */
export function yearActivities(prisma: PrismaClient) {
  return {
    /**
     * Opens the next evaluation period of an employee's year: its appraisal row (rater and unit as they are now) and
     * a copy of the plan in force, approved as it was; the evaluation is scored against that copy.
     */
    async openEvaluation(input: {
      cycleId: number;
      employeeId: number;
      fromAppraisalId: number;
      periodId: number;
      sequence: number;
      final: boolean;
      unitId: number;
      raterId: number | null;
      raterSuperiorId: number | null;
      workflowId: string;
      actor: string;
    }): Promise<{ appraisalId: number }> {
      return prisma.$transaction(async (tx) => {
        const key = { cycleId: input.cycleId, employeeId: input.employeeId, periodId: input.periodId };
        const existing = await tx.appraisal.findUnique({ where: { cycleId_employeeId_periodId: key } });
        if (existing) return { appraisalId: existing.id };
        const from = await tx.plan.findUniqueOrThrow({
          where: { appraisalId: input.fromAppraisalId },
          include: { items: { orderBy: { position: 'asc' }, include: { indicators: { orderBy: { id: 'asc' } } } } },
        });
        const row = await tx.appraisal.create({
          data: {
            ...key,
            sequence: input.sequence,
            final: input.final,
            unitId: input.unitId,
            raterId: input.raterId,
            raterSuperiorId: input.raterSuperiorId,
            workflowId: input.workflowId,
            stage: 'PERIOD',
            plan: {
              create: {
                status: 'APPROVED',
                revision: from.revision,
                expectations: from.expectations,
                submittedAt: from.submittedAt,
                approvedAt: from.approvedAt,
                items: {
                  create: from.items.map((i) => ({
                    kind: i.kind,
                    title: i.title,
                    position: i.position,
                    parentItemId: i.parentItemId,
                    indicators: {
                      create: i.indicators.map((ind) => ({
                        aspect: ind.aspect,
                        description: ind.description,
                        target: ind.target,
                        targetValue: ind.targetValue,
                        targetUnit: ind.targetUnit,
                      })),
                    },
                  })),
                },
              },
            },
          },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'evaluation.open',
          entity: 'appraisal',
          entityId: row.id,
          after: {
            cycleId: input.cycleId,
            employeeId: input.employeeId,
            periodId: input.periodId,
            sequence: input.sequence,
            final: input.final,
            planRevision: from.revision,
            previousAppraisalId: input.fromAppraisalId,
          },
        });
        return { appraisalId: row.id };
      });
    },

    /** Stores the final evaluation's predicate and explanation as the employee's predicate of the year (audited). */
    async recordAnnualResult(input: { appraisalId: number; actor: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const a = await tx.appraisal.findUniqueOrThrow({ where: { id: input.appraisalId } });
        if (!a.predicate) return;
        const before = await tx.annualResult.findUnique({
          where: { cycleId_employeeId: { cycleId: a.cycleId, employeeId: a.employeeId } },
        });
        if (before?.appraisalId === a.id && before.predicate === a.predicate) return;
        const explanation = (a.predicateExplanation ?? {}) as object;
        await tx.annualResult.upsert({
          where: { cycleId_employeeId: { cycleId: a.cycleId, employeeId: a.employeeId } },
          create: {
            cycleId: a.cycleId,
            employeeId: a.employeeId,
            appraisalId: a.id,
            predicate: a.predicate,
            explanation,
          },
          update: { appraisalId: a.id, predicate: a.predicate, explanation },
        });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'annual-result.record',
          entity: 'appraisal',
          entityId: a.id,
          before: before ? { predicate: before.predicate, appraisalId: before.appraisalId } : null,
          after: { cycleId: a.cycleId, employeeId: a.employeeId, predicate: a.predicate },
        });
      });
    },
  };
}
