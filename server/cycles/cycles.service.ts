/** Cycles: created by HR as DRAFT, started (rule-set versions pinned, cycle workflow started), cancelled, exported. */
import { withinQueryDeadline } from '../temporal-client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { stringify } from 'csv-stringify/sync';
import { recordAudit } from '../../prisma/audit';
import { evaluationPeriods } from '../../prisma/evaluation-periods';
import type { Cycle, Prisma, RuleSetKind } from '../../prisma/client';
import { TASK_QUEUE } from '../../workflows/task-queue';
import {
  cancelCycleUpdate,
  cycleProgressQuery,
  cycleWorkflowId,
  VERSION_FIELDS,
  withDefaultSettings,
  type CycleProgress,
  type RuleVersions,
} from '../../workflows/messages';
import type { CycleInput } from '../../workflows/inputs';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { versionInForce } from '../rulesets/rulesets.service';
import { actorOf, executeUpdate } from '../tasks/task-updates';

async function load(deps: AppDeps, id: number): Promise<Cycle> {
  const cycle = await deps.prisma.cycle.findUnique({ where: { id } });
  if (!cycle) throw ApiError.notFound('Siklus');
  return cycle;
}

/**
 * Field errors of the rule-set versions a new cycle names: each must exist and be of its kind (whether it is
 * published is checked when the cycle starts, since a submitted version may be approved in between).
 */
export async function versionFieldErrors(
  deps: AppDeps,
  chosen: Partial<RuleVersions>,
): Promise<{ field: string; message: string }[]> {
  const errors: { field: string; message: string }[] = [];
  for (const [kind, field] of Object.entries(VERSION_FIELDS) as [RuleSetKind, keyof RuleVersions][]) {
    const id = chosen[field];
    if (id === undefined) continue;
    const row = await deps.prisma.ruleSetVersion.findUnique({ where: { id }, select: { kind: true } });
    if (!row) errors.push({ field, message: `versi ${id} tidak ditemukan / not found` });
    else if (row.kind !== kind) errors.push({ field, message: `versi ${id} adalah aturan ${row.kind}, bukan ${kind}` });
  }
  return errors;
}

/** Starts a DRAFT cycle: pins the rule-set versions in force on the period's first day and starts its workflow. */
export async function startCycle(deps: AppDeps, user: AuthUser, id: number, options: { batchSize?: number } = {}) {
  const cycle = await load(deps, id);
  if (cycle.status !== 'DRAFT')
    throw ApiError.conflict(`Siklus berstatus ${cycle.status}; hanya DRAFT yang dapat dimulai / only drafts can start`);
  const period = await deps.prisma.period.findUniqueOrThrow({ where: { id: cycle.periodId } });
  const versions = {} as RuleVersions;
  for (const [kind, field] of Object.entries(VERSION_FIELDS) as [RuleSetKind, keyof RuleVersions][]) {
    const chosen = cycle[field];
    if (chosen) {
      const row = await deps.prisma.ruleSetVersion.findUnique({ where: { id: chosen } });
      if (!row || row.kind !== kind || row.status !== 'PUBLISHED')
        throw ApiError.conflict(
          `${field}: versi ${chosen} bukan versi ${kind} yang terbit / not a published ${kind} version`,
          {
            fields: [{ field, message: 'bukan versi terbit' }],
          },
        );
      versions[field] = row.id;
    } else {
      const row = await versionInForce(deps.prisma, kind, period.startDate);
      if (!row)
        throw ApiError.conflict(
          `Belum ada aturan ${kind} yang terbit dan berlaku pada ${period.startDate.toISOString().slice(0, 10)} / no published ${kind} rule set in force`,
          { fields: [{ field, message: 'tidak ada versi berlaku' }] },
        );
      versions[field] = row.id;
    }
  }
  const workflowId = cycleWorkflowId(cycle.id);
  await deps.prisma.$transaction(async (tx) => {
    await tx.cycle.update({ where: { id: cycle.id }, data: { ...versions, workflowId, startedAt: new Date() } });
    await recordAudit(tx, {
      actorUserId: user.id,
      actor: user.username,
      action: 'cycle.start',
      entity: 'cycle',
      entityId: cycle.id,
      before: { status: cycle.status },
      after: { workflowId, versions },
    });
  });
  const client = await deps.temporal();
  const input: CycleInput = {
    cycleId: cycle.id,
    versions,
    settings: withDefaultSettings(cycle.settings as any),
    batchSize: options.batchSize,
  };
  try {
    await client.workflow.start('cycleWorkflow', { taskQueue: TASK_QUEUE, workflowId, args: [input] });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      throw ApiError.conflict('Siklus sudah dimulai / already started');
    throw err;
  }
  return deps.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } });
}

/** Cancels a cycle: a draft directly, a running one through its workflow (appraisals cancelled, tasks closed). */
export async function cancelCycle(deps: AppDeps, user: AuthUser, id: number, reason: string | null) {
  const cycle = await load(deps, id);
  if (cycle.status === 'CLOSED' || cycle.status === 'CANCELLED')
    throw ApiError.conflict(`Siklus sudah ${cycle.status === 'CLOSED' ? 'ditutup' : 'dibatalkan'} / already finished`);
  if (!cycle.workflowId) {
    await deps.prisma.$transaction(async (tx) => {
      await tx.cycle.update({ where: { id }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
      await recordAudit(tx, {
        actorUserId: user.id,
        actor: user.username,
        action: 'cycle.cancel',
        entity: 'cycle',
        entityId: id,
        before: { status: cycle.status },
        after: { status: 'CANCELLED', reason },
      });
    });
    return { phase: 'CANCELLED' };
  }
  return executeUpdate(deps, cycle.workflowId, cancelCycleUpdate.name, { actor: actorOf(user), reason });
}

/**
 * The appraisal rows that say where each employee stands: every row but the finished evaluations of earlier periods
 * (an employee's year has one row per evaluation period, and only its latest is still moving or ended the year).
 */
const currentRows = (cycleId: number): Prisma.AppraisalWhereInput => ({
  cycleId,
  NOT: { stage: 'DONE', final: false },
});

/** Per evaluation period: its label and how many employees stand in each stage of it. */
async function progressPerPeriod(deps: AppDeps, cycleId: number) {
  const groups = await deps.prisma.appraisal.groupBy({
    by: ['periodId', 'stage'],
    where: { cycleId },
    _count: { _all: true },
  });
  const periods = await deps.prisma.period.findMany({
    where: { id: { in: [...new Set(groups.map((g) => g.periodId))] } },
    orderBy: { startDate: 'asc' },
    select: { id: true, label: true },
  });
  return periods.map((p) => ({
    periodId: p.id,
    label: p.label,
    perStage: Object.fromEntries(groups.filter((g) => g.periodId === p.id).map((g) => [g.stage, g._count._all])),
  }));
}

type Progress = CycleProgress & {
  percent: number;
  source: string;
  perPeriod: Awaited<ReturnType<typeof progressPerPeriod>>;
};

/** Progress from the cycle workflow's query; from the database when the workflow has closed. */
export async function cycleProgress(deps: AppDeps, id: number): Promise<Progress> {
  const cycle = await load(deps, id);
  const perPeriod = await progressPerPeriod(deps, id);
  const percent = (p: CycleProgress) =>
    p.total ? Math.round(((p.finished + p.failed + p.cancelled) / p.total) * 1000) / 10 : 0;
  if (cycle.workflowId && (cycle.status === 'RUNNING' || cycle.status === 'CALIBRATION' || cycle.status === 'DRAFT')) {
    try {
      const client = await deps.temporal();
      const p = await withinQueryDeadline(client, () =>
        client.workflow.getHandle(cycle.workflowId!).query(cycleProgressQuery),
      );
      // The workflow hears only the stages it waits on (scored, ended): the stage of each appraisal is in the database.
      const stages = await deps.prisma.appraisal.groupBy({
        by: ['stage'],
        where: currentRows(id),
        _count: { _all: true },
      });
      const perStage = Object.fromEntries(stages.map((g) => [g.stage, g._count._all]));
      // The workflow hears of ended appraisals per batch: the database has them as they end.
      const live = {
        ...p,
        perStage,
        finished: perStage.DONE ?? 0,
        failed: perStage.FAILED ?? 0,
        cancelled: perStage.CANCELLED ?? 0,
      };
      return { ...live, percent: percent(live), source: 'workflow', perPeriod };
    } catch (err: any) {
      if (err?.name === 'TemporalUnavailable') throw err;
      // closed or not yet running: fall back to the database
    }
  }
  const groups = await deps.prisma.appraisal.groupBy({ by: ['stage'], where: currentRows(id), _count: { _all: true } });
  const perStage = Object.fromEntries(groups.map((g) => [g.stage, g._count._all]));
  const total = groups.reduce((n, g) => n + g._count._all, 0);
  const blocked = await deps.prisma.unitCycleRating.findMany({
    where: { cycleId: id, status: 'VIOLATES_CURVE' },
    select: { unitId: true },
  });
  const evaluations = await evaluationPeriods(
    deps.prisma,
    cycle.periodId,
    cycle.evaluationFrequency,
    (cycle.settings as { utcOffsetHours?: number } | null)?.utcOffsetHours ?? 7,
  );
  const reached = perPeriod.at(-1);
  const p: CycleProgress = {
    cycleId: id,
    phase:
      cycle.status === 'DRAFT' ? 'STARTING' : cycle.status === 'CALIBRATION' ? 'CALIBRATION' : (cycle.status as any),
    // The latest evaluation period any employee has reached (the workflow, when it runs, knows the one it waits on).
    evaluation:
      reached && evaluations
        ? {
            index: Math.max(
              0,
              evaluations.findIndex((e) => e.periodId === reached.periodId),
            ),
            count: evaluations.length,
            label: reached.label,
          }
        : null,
    total,
    started: total,
    perStage,
    finished: perStage.DONE ?? 0,
    failed: perStage.FAILED ?? 0,
    cancelled: perStage.CANCELLED ?? 0,
    blockedUnits: blocked.map((b) => b.unitId),
  };
  return { ...p, percent: percent(p), source: 'database', perPeriod };
}

/**
 * The payroll export of a cycle: one line per employee and month paid (a quarter's cycle has three per employee),
 * amounts in integer rupiah; `month` limits it to one month's payroll.
 */
export async function payrollCsv(deps: AppDeps, id: number, month?: Date): Promise<string> {
  await load(deps, id);
  const rows = await deps.prisma.payAdjustment.findMany({
    where: { cycleId: id, ...(month ? { month } : {}) },
    orderBy: [{ month: 'asc' }, { id: 'asc' }],
    include: {
      employee: {
        select: { nip: true, name: true, employmentType: true, unit: { select: { code: true, name: true } } },
      },
      period: { select: { label: true } },
    },
  });
  return stringify(
    rows.map((r) => [
      r.employee.nip,
      r.employee.name,
      r.employee.employmentType,
      r.employee.unit.code,
      r.employee.unit.name,
      r.period.label,
      r.month.toISOString().slice(0, 7),
      r.predicate,
      r.baseAmount,
      r.cutAmount,
      r.amount,
      r.payVersionId,
    ]),
    {
      header: true,
      columns: [
        'nip',
        'nama',
        'jenis_asn',
        'kode_unit',
        'unit',
        'periode',
        'bulan',
        'predikat',
        'tpp_dasar',
        'potongan',
        'tpp_dibayar',
        'versi_aturan_tpp',
      ],
    },
  );
}
