/**
 * Activities of the cycle workflow: the appraisal rows of a cycle, calibration of units against the pinned
 * DISTRIBUTION version, releasing calibrated appraisals, cancelling and closing. Idempotent.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit } from '../prisma/audit';
import { evaluationPeriods, type EvaluationPeriodRow } from '../prisma/evaluation-periods';
import { unitScope } from '../prisma/unit-tree';
import type { PrismaClient, UnitRating } from '../prisma/client';
import * as rules from '../rules';
import { PREDICATES, type Actor, type CalibrationPayload, type PredicateValue } from '../workflows/messages';
import { createNotifier, type Notifier } from './notification.activities';
import { cancelInWaves, releaseInWaves } from './appraisal-waves';
import { cancelCycleTasks, moveCycleStatus } from './cycle-status';
import { loadVersion } from './scoring.activities';
import { invalid, markTaskDone } from './task-common';

/** Workflow id of an employee's appraisal in a cycle. */
export const appraisalWorkflowId = (cycleId: number, employeeId: number) => `cycle-${cycleId}-appraisal-${employeeId}`;

const emptyCounts = (): Record<PredicateValue, number> =>
  Object.fromEntries(PREDICATES.map((p) => [p, 0])) as Record<PredicateValue, number>;

async function checkUnit(document: any, unitRating: UnitRating, counts: Record<PredicateValue, number>) {
  try {
    const r = await rules.checkDistribution(document, { unitRating, counts });
    return { violations: (r.violations ?? []) as unknown[], explanation: r.explanation as unknown };
  } catch (err: any) {
    if (err?.name === 'FactError' || err?.name === 'InvalidRulesetError' || err?.name === 'RuleEvaluationError')
      throw ApplicationFailure.create({ type: err.name, nonRetryable: true, message: err.message });
    throw err;
  }
}

/** Cycle activities bound to a Prisma client; new calibration tasks are notified (notifier). */
export function cycleActivities(prisma: PrismaClient, notifier: Notifier = createNotifier(prisma)) {
  /** Predicate counts of a unit's appraisals in a cycle's evaluation period (cancelled and failed ones excluded). */
  const unitCounts = async (cycleId: number, periodId: number, unitId: number) => {
    const rows = await prisma.appraisal.findMany({
      where: { cycleId, periodId, unitId, predicate: { not: null }, stage: { notIn: ['CANCELLED', 'FAILED'] } },
      select: { id: true, predicate: true },
    });
    const counts = emptyCounts();
    for (const r of rows) counts[r.predicate!]++;
    return { rows, counts };
  };
  return {
    /**
     * The year's evaluation periods, and the appraisal rows of its first one (active employees of the unit tree, with
     * rater and rater's superior); each employee's workflow opens the rows of the later periods itself.
     */
    async prepareCycle(input: {
      cycleId: number;
      workflowId: string;
      actor: string;
      utcOffsetHours: number;
    }): Promise<{ total: number; periods: EvaluationPeriodRow[] }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId } });
      const periods = await evaluationPeriods(prisma, cycle.periodId, cycle.evaluationFrequency, input.utcOffsetHours);
      if (!periods?.length)
        throw ApplicationFailure.nonRetryable(
          `Periode evaluasi siklus ${cycle.id} tidak lengkap / the cycle's evaluation periods are missing`,
        );
      const units = await unitScope(prisma, cycle.unitId, cycle.includeDescendants);
      const employees = await prisma.employee.findMany({
        where: { unitId: { in: units }, status: 'ACTIVE' },
        select: { id: true, unitId: true, superiorId: true, superior: { select: { superiorId: true } } },
        orderBy: { id: 'asc' },
      });
      for (let i = 0; i < employees.length; i += 5000) {
        await prisma.appraisal.createMany({
          skipDuplicates: true,
          data: employees.slice(i, i + 5000).map((e) => ({
            cycleId: cycle.id,
            employeeId: e.id,
            periodId: periods[0].periodId,
            sequence: 1,
            final: periods.length === 1,
            unitId: e.unitId,
            raterId: e.superiorId,
            raterSuperiorId: e.superior?.superiorId ?? null,
            workflowId: appraisalWorkflowId(cycle.id, e.id),
          })),
        });
      }
      const total = await prisma.appraisal.count({ where: { cycleId: cycle.id, sequence: 1 } });
      await prisma.$transaction(async (tx) => {
        const before = await tx.cycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { status: true } });
        if (before.status !== 'DRAFT') return;
        await tx.cycle.update({ where: { id: cycle.id }, data: { status: 'RUNNING' } });
        await recordAudit(tx, {
          actor: input.actor,
          action: 'cycle.prepare',
          entity: 'cycle',
          entityId: cycle.id,
          before,
          after: { status: 'RUNNING', appraisals: total, units: units.length, evaluations: periods.length },
        });
      });
      return { total, periods };
    },

    /** The ids of the next batch of first-period appraisals to start, in id order (a batch loads their rows). */
    async appraisalIdsAfter(input: { cycleId: number; afterId: number; limit: number }): Promise<number[]> {
      const rows = await prisma.appraisal.findMany({
        where: { cycleId: input.cycleId, sequence: 1, id: { gt: input.afterId } },
        orderBy: { id: 'asc' },
        take: input.limit,
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    /**
     * Checks every unit's predicates of an evaluation period against the curve for its rating; opens a calibration task
     * per violating unit.
     */
    async checkCalibration(input: {
      cycleId: number;
      periodId: number;
      workflowId: string;
      distributionVersionId: number;
      defaultUnitRating: UnitRating;
      dueAt: string;
      actor: string;
    }): Promise<{ violating: { unitId: number; taskKey: string }[] }> {
      const v = await loadVersion(prisma, input.distributionVersionId, 'DISTRIBUTION');
      const period = await prisma.period.findUniqueOrThrow({ where: { id: input.periodId } });
      const groups = await prisma.appraisal.groupBy({
        by: ['unitId', 'predicate'],
        where: {
          cycleId: input.cycleId,
          periodId: input.periodId,
          predicate: { not: null },
          stage: { notIn: ['CANCELLED', 'FAILED'] },
        },
        _count: { _all: true },
      });
      const byUnit = new Map<number, Record<PredicateValue, number>>();
      for (const g of groups) {
        const c = byUnit.get(g.unitId) ?? emptyCounts();
        c[g.predicate!] = g._count._all;
        byUnit.set(g.unitId, c);
      }
      await moveCycleStatus(prisma, input.cycleId, {
        from: 'RUNNING',
        to: 'CALIBRATION',
        actor: input.actor,
        periodId: input.periodId,
      });
      const ratings = await prisma.unitCycleRating.findMany({ where: { cycleId: input.cycleId } });
      const unitNames = new Map(
        (
          await prisma.unit.findMany({ where: { id: { in: [...byUnit.keys()] } }, select: { id: true, name: true } })
        ).map((u) => [u.id, u.name]),
      );
      const violating: { unitId: number; taskKey: string }[] = [];
      let i = 0;
      for (const [unitId, counts] of byUnit) {
        if (++i % 50 === 0) Context.current().heartbeat(i);
        const existing = ratings.find((r) => r.unitId === unitId);
        const calibrated = existing?.periodId === input.periodId && ['ADJUSTED', 'JUSTIFIED'].includes(existing.status);
        if (calibrated) continue;
        const rating = existing?.rating ?? input.defaultUnitRating;
        const { violations, explanation } = await checkUnit(v.document, rating, counts);
        const status = violations.length ? 'VIOLATES_CURVE' : 'FITS_CURVE';
        const taskKey = `cycle-${input.cycleId}:calibration.unit:${unitId}:period-${input.periodId}`;
        await prisma.$transaction(async (tx) => {
          await tx.unitCycleRating.upsert({
            where: { cycleId_unitId: { cycleId: input.cycleId, unitId } },
            create: {
              cycleId: input.cycleId,
              unitId,
              rating,
              status,
              violations: violations as any,
              explanation: explanation as any,
              periodId: input.periodId,
            },
            update: {
              status,
              violations: violations as any,
              explanation: explanation as any,
              periodId: input.periodId,
              ...(existing?.periodId === input.periodId
                ? {}
                : { justification: null, calibratedById: null, calibratedAt: null }),
            },
          });
          await recordAudit(tx, {
            actor: input.actor,
            action: 'calibration.check',
            entity: 'cycle',
            entityId: input.cycleId,
            after: { unitId, periodId: input.periodId, rating, counts, status, violations: violations.length },
          });
          if (violations.length) {
            const task = await tx.task.findUnique({ where: { key: taskKey } });
            if (!task) {
              const created = await tx.task.create({
                data: {
                  key: taskKey,
                  type: 'calibration.unit',
                  title: `Kalibrasi unit ${unitNames.get(unitId) ?? unitId} (${period.label}): sebaran predikat melanggar kurva`,
                  cycleId: input.cycleId,
                  assigneeRole: 'HR_ADMIN',
                  workflowId: input.workflowId,
                  updateName: 'calibrateUnit',
                  dueAt: new Date(input.dueAt),
                  context: {
                    unitId,
                    unitName: unitNames.get(unitId),
                    periodId: input.periodId,
                    periodLabel: period.label,
                    rating,
                    counts,
                    violations,
                  } as any,
                },
              });
              await notifier.taskOpened(tx, created.id);
            }
          }
        });
        if (violations.length) {
          violating.push({ unitId, taskKey });
          await notifier.afterCommit({ taskKey });
        }
      }
      return { violating };
    },

    /** A calibrator justifies the unit's spread, or adjusts predicates so that it fits; audited. */
    async applyCalibration(input: {
      cycleId: number;
      unitId: number;
      taskKey: string;
      payload: CalibrationPayload;
      actor: Actor;
      distributionVersionId: number;
      periodId: number;
    }): Promise<Record<string, unknown>> {
      const task = await prisma.task.findUniqueOrThrow({ where: { key: input.taskKey } });
      if (task.status === 'DONE') return ((task.result as any)?.outcome ?? {}) as Record<string, unknown>;
      const rating = await prisma.unitCycleRating.findUniqueOrThrow({
        where: { cycleId_unitId: { cycleId: input.cycleId, unitId: input.unitId } },
      });
      const who = { actor: input.actor.username, actorUserId: input.actor.userId };
      const p = input.payload;
      if (p.action === 'JUSTIFY') {
        const outcome = { status: 'JUSTIFIED' };
        await prisma.$transaction(async (tx) => {
          await tx.unitCycleRating.update({
            where: { id: rating.id },
            data: {
              status: 'JUSTIFIED',
              justification: p.justification!.trim(),
              calibratedById: input.actor.userId,
              calibratedAt: new Date(),
            },
          });
          await markTaskDone(tx, input.taskKey, input.actor, p, outcome);
          await recordAudit(tx, {
            ...who,
            action: 'calibration.justify',
            entity: 'cycle',
            entityId: input.cycleId,
            before: { unitId: input.unitId, status: rating.status },
            after: { unitId: input.unitId, status: 'JUSTIFIED', justification: p.justification },
          });
        });
        return outcome;
      }
      // ADJUST: apply the adjustments hypothetically; refuse (writing nothing) if the unit still breaks the curve.
      const { rows, counts } = await unitCounts(input.cycleId, input.periodId, input.unitId);
      const byId = new Map(rows.map((r) => [r.id, r.predicate!]));
      const next = { ...counts };
      (p.adjustments ?? []).forEach((adj, i) => {
        const current = byId.get(adj.appraisalId);
        if (!current) throw invalid(`adjustments.${i}.appraisalId`, 'bukan penilaian di unit ini / not in this unit');
        next[current]--;
        next[adj.predicate]++;
        byId.set(adj.appraisalId, adj.predicate);
      });
      const v = await loadVersion(prisma, input.distributionVersionId, 'DISTRIBUTION');
      const check = await checkUnit(v.document, rating.rating, next);
      if (check.violations.length)
        throw ApplicationFailure.create({
          type: 'ValidationError',
          nonRetryable: true,
          message: `Setelah penyesuaian, sebaran unit masih melanggar kurva (${check.violations.length} pelanggaran) / still violates the curve`,
          details: [
            { fields: [{ field: 'adjustments', message: 'masih melanggar kurva' }], violations: check.violations },
          ],
        });
      const outcome = { status: 'ADJUSTED', counts: next };
      await prisma.$transaction(async (tx) => {
        for (const adj of p.adjustments ?? []) {
          const a = await tx.appraisal.findUniqueOrThrow({ where: { id: adj.appraisalId } });
          await tx.appraisal.update({
            where: { id: a.id },
            data: {
              predicate: adj.predicate,
              predicateExplanation: {
                ...((a.predicateExplanation as any) ?? {}),
                calibration: { from: a.predicate, to: adj.predicate, note: adj.note ?? null, by: input.actor.username },
              },
            },
          });
          await recordAudit(tx, {
            ...who,
            action: 'calibration.adjust',
            entity: 'appraisal',
            entityId: a.id,
            before: { predicate: a.predicate },
            after: { predicate: adj.predicate, note: adj.note ?? null },
          });
        }
        await tx.unitCycleRating.update({
          where: { id: rating.id },
          data: {
            status: 'ADJUSTED',
            violations: [],
            explanation: check.explanation as any,
            calibratedById: input.actor.userId,
            calibratedAt: new Date(),
          },
        });
        await markTaskDone(tx, input.taskKey, input.actor, p, outcome);
      });
      return outcome;
    },

    /**
     * Signals every appraisal of the period waiting in CALIBRATION that its result may be shared, in waves the workers
     * can take (appraisal-waves.ts); idempotent.
     */
    async releaseCalibrated(input: {
      cycleId: number;
      periodId: number;
      actor: string;
    }): Promise<{ signalled: number }> {
      const signalled = await releaseInWaves(prisma, input.cycleId, input.periodId);
      await moveCycleStatus(prisma, input.cycleId, {
        from: 'CALIBRATION',
        to: 'RUNNING',
        actor: input.actor,
        periodId: input.periodId,
      });
      return { signalled };
    },

    /** Cancels every running appraisal workflow of the cycle, waiting until each has closed, and its open tasks. */
    async cancelCycleAppraisals(input: { cycleId: number; actor: string }): Promise<{ cancelled: number }> {
      const cancelled = await cancelInWaves(prisma, input.cycleId);
      await cancelCycleTasks(prisma, input.cycleId, input.actor);
      return { cancelled };
    },

    /** Stores the cycle's end (CLOSED or CANCELLED), audited. */
    async closeCycle(input: {
      cycleId: number;
      status: 'CLOSED' | 'CANCELLED';
      actor: string;
      actorUserId?: number | null;
      reason: string | null;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const before = await tx.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, select: { status: true } });
        if (before.status === input.status) return;
        await tx.cycle.update({
          where: { id: input.cycleId },
          data:
            input.status === 'CLOSED'
              ? { status: 'CLOSED', closedAt: new Date() }
              : { status: 'CANCELLED', cancelledAt: new Date() },
        });
        await recordAudit(tx, {
          actor: input.actor,
          actorUserId: input.actorUserId ?? null,
          action: input.status === 'CLOSED' ? 'cycle.close' : 'cycle.cancel',
          entity: 'cycle',
          entityId: input.cycleId,
          before,
          after: { status: input.status, reason: input.reason },
        });
      });
    },
  };
}
