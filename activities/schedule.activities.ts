/** Activity of scheduled cycles: opens the cycle of the period beginning at the scheduled time. */
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit } from '../prisma/audit';
import { PERIOD_MONTHS } from '../prisma/evaluation-periods';
import type { PrismaClient, RuleSetKind } from '../prisma/client';
import { versionInForce } from '../prisma/rule-versions';
import { ensurePeriods } from '../prisma/seed/seed-database';
import { VERSION_FIELDS, cycleWorkflowId, withDefaultSettings, type RuleVersions } from '../workflows/messages';
import type { CycleInput, PeriodType, ScheduledCycleInput } from '../workflows/inputs';

/** The period of `type` containing the local date of `at` (UTC shifted by `utcOffsetHours`). */
export function periodAt(type: PeriodType, at: Date, utcOffsetHours: number): { year: number; number: number } {
  const local = new Date(at.getTime() + utcOffsetHours * 3600_000);
  // A period of type T numbered n starts in month (n-1)·months.
  return { year: local.getUTCFullYear(), number: Math.floor(local.getUTCMonth() / PERIOD_MONTHS[type]) + 1 };
}

/** Activities of scheduled cycles bound to `prisma`. */
export function scheduleActivities(prisma: PrismaClient) {
  return {
    /**
     * Finds or creates the period beginning at `at` and this schedule's cycle for it; a new cycle gets
     * the rule-set versions in force on the period's first day pinned, and an audit event. Idempotent:
     * a retry or a second firing for the same period returns the same cycle.
     */
    async openScheduledCycle(
      input: ScheduledCycleInput & { at: string },
    ): Promise<{ workflowId: string; input: CycleInput; created: boolean }> {
      const { year, number } = periodAt(input.periodType, new Date(input.at), input.utcOffsetHours);
      await ensurePeriods(prisma, year);
      const period = await prisma.period.findUniqueOrThrow({
        where: { type_year_number: { type: input.periodType, year, number } },
      });
      const name = `${input.name} — ${period.label}`;
      const existing = await prisma.cycle.findFirst({ where: { unitId: input.unitId, periodId: period.id, name } });
      const cycle =
        existing ??
        (await prisma.$transaction(async (tx) => {
          const versions = {} as RuleVersions;
          for (const [kind, field] of Object.entries(VERSION_FIELDS) as [RuleSetKind, keyof RuleVersions][]) {
            const row = await versionInForce(tx, kind, period.startDate);
            if (!row)
              throw ApplicationFailure.nonRetryable(
                `Belum ada aturan ${kind} yang terbit dan berlaku pada ${period.startDate.toISOString().slice(0, 10)} / no published ${kind} rule set in force`,
                'NoRulesInForce',
              );
            versions[field] = row.id;
          }
          const created = await tx.cycle.create({
            data: {
              name,
              unitId: input.unitId,
              periodId: period.id,
              evaluationFrequency: input.evaluationFrequency ?? null,
              includeDescendants: input.includeDescendants,
              settings: input.settings as object,
              createdById: input.createdById,
              ...versions,
            },
          });
          const workflowId = cycleWorkflowId(created.id);
          const row = await tx.cycle.update({ where: { id: created.id }, data: { workflowId, startedAt: new Date() } });
          await recordAudit(tx, {
            actor: `jadwal:${input.scheduleId}`,
            action: 'cycle.scheduled-start',
            entity: 'cycle',
            entityId: row.id,
            after: { name, periodId: period.id, unitId: input.unitId, workflowId, versions },
          });
          return row;
        }));
      return {
        workflowId: cycle.workflowId!,
        created: !existing,
        input: {
          cycleId: cycle.id,
          versions: {
            scoringVersionId: cycle.scoringVersionId!,
            distributionVersionId: cycle.distributionVersionId!,
            payVersionId: cycle.payVersionId!,
            sanctionVersionId: cycle.sanctionVersionId!,
          },
          settings: withDefaultSettings(cycle.settings as object),
        },
      };
    },
  };
}
