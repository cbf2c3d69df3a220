/**
 * Recurring cycles as Temporal Schedules: at the start of every month, quarter, semester or year (local
 * time of the chosen zone) the schedule starts `scheduledCycleWorkflow`, which opens and starts that
 * period's cycle. Temporal holds the schedules; every change here is audited.
 */
import { randomBytes } from 'node:crypto';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { recordAudit } from '../../prisma/audit';
import { PERIOD_MONTHS } from '../../prisma/evaluation-periods';
import { TASK_QUEUE } from '../../workflows/task-queue';
import type { PeriodType, ScheduledCycleInput } from '../../workflows/inputs';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';

/** Prefix of the ids of cycle schedules (other schedules of the namespace are not listed). */
export const SCHEDULE_PREFIX = 'cycle-schedule-';

/** Indonesia's three zones and their offsets. */
export const TIME_ZONES = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 } as const;
export type TimeZone = keyof typeof TIME_ZONES;

/** Five minutes past midnight on the first day of each period. */
const CRON: Record<PeriodType, string> = {
  MONTH: '5 0 1 * *',
  QUARTER: '5 0 1 1,4,7,10 *',
  SEMESTER: '5 0 1 1,7 *',
  YEAR: '5 0 1 1 *',
};

export interface CreateScheduleInput {
  name: string;
  unitId: number;
  periodType: PeriodType;
  evaluationFrequency?: Exclude<PeriodType, 'YEAR'>;
  includeDescendants: boolean;
  settings: ScheduledCycleInput['settings'];
  timeZone: TimeZone;
}

/** A schedule as the console lists it. */
export interface CycleScheduleView {
  id: string;
  name: string;
  unitId: number;
  periodType: PeriodType;
  evaluationFrequency: Exclude<PeriodType, 'YEAR'> | null;
  timeZone: string;
  paused: boolean;
  note: string | null;
  nextRunAt: string | null;
  lastRunAt: string | null;
}

async function audit(deps: AppDeps, user: AuthUser, action: string, id: string, after?: unknown) {
  await recordAudit(deps.prisma, {
    actorUserId: user.id,
    actor: user.username,
    action,
    entity: 'cycle-schedule',
    entityId: id,
    after,
  });
}

/** Creates the schedule; the unit must exist. */
export async function createSchedule(deps: AppDeps, user: AuthUser, body: CreateScheduleInput) {
  const unit = await deps.prisma.unit.findUnique({ where: { id: body.unitId } });
  if (!unit)
    throw ApiError.badRequest('unitId: unit tidak ditemukan', {
      fields: [{ field: 'unitId', message: 'unit tidak ditemukan' }],
    });
  if (body.evaluationFrequency && PERIOD_MONTHS[body.evaluationFrequency] >= PERIOD_MONTHS[body.periodType])
    throw ApiError.invalidFields([
      {
        field: 'evaluationFrequency',
        message: `harus lebih pendek dari ${body.periodType} / must be shorter than the period it evaluates`,
      },
    ]);
  const id = `${SCHEDULE_PREFIX}${unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${body.periodType.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const input: ScheduledCycleInput = {
    scheduleId: id,
    name: body.name,
    unitId: body.unitId,
    periodType: body.periodType,
    evaluationFrequency: body.evaluationFrequency ?? null,
    includeDescendants: body.includeDescendants,
    settings: body.settings,
    createdById: user.id,
    utcOffsetHours: TIME_ZONES[body.timeZone],
  };
  const client = await deps.temporal();
  try {
    await client.schedule.create({
      scheduleId: id,
      spec: { cronExpressions: [CRON[body.periodType]], timezone: body.timeZone },
      action: { type: 'startWorkflow', workflowType: 'scheduledCycleWorkflow', taskQueue: TASK_QUEUE, args: [input] },
      // A period's cycle is opened once; a firing missed while the cluster was down runs when it returns.
      policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '7 days' },
      memo: {
        name: body.name,
        unitId: body.unitId,
        periodType: body.periodType,
        evaluationFrequency: body.evaluationFrequency ?? null,
        timeZone: body.timeZone,
      },
      state: { note: `dibuat oleh ${user.username}` },
    });
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) throw ApiError.conflict('Jadwal dengan id itu sudah ada / exists');
    throw err;
  }
  await audit(deps, user, 'cycle-schedule.create', id, { ...body });
  return getSchedule(deps, id);
}

/** One schedule with its next and last runs. */
export async function getSchedule(deps: AppDeps, id: string): Promise<CycleScheduleView> {
  if (!id.startsWith(SCHEDULE_PREFIX)) throw ApiError.notFound('Jadwal siklus');
  const client = await deps.temporal();
  try {
    const d = await client.schedule.getHandle(id).describe();
    const memo = (d.memo ?? {}) as Record<string, any>;
    return {
      id,
      name: String(memo.name ?? id),
      unitId: Number(memo.unitId),
      periodType: memo.periodType as PeriodType,
      evaluationFrequency: (memo.evaluationFrequency ?? null) as CycleScheduleView['evaluationFrequency'],
      timeZone: String(memo.timeZone ?? ''),
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextRunAt: d.info.nextActionTimes[0]?.toISOString() ?? null,
      lastRunAt: d.info.recentActions.at(-1)?.takenAt.toISOString() ?? null,
    };
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw ApiError.notFound('Jadwal siklus');
    throw err;
  }
}

/** Every cycle schedule of the namespace. */
export async function listSchedules(deps: AppDeps): Promise<CycleScheduleView[]> {
  const client = await deps.temporal();
  const ids: string[] = [];
  for await (const s of client.schedule.list()) if (s.scheduleId.startsWith(SCHEDULE_PREFIX)) ids.push(s.scheduleId);
  ids.sort();
  // The list comes from Temporal's visibility store, which lags a deletion: a schedule gone since is left out.
  const views = await Promise.all(
    ids.map((id) =>
      getSchedule(deps, id).catch((err) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    ),
  );
  return views.filter((v): v is CycleScheduleView => v !== null);
}

/** Pause, resume, run now, or delete. */
export async function changeSchedule(
  deps: AppDeps,
  user: AuthUser,
  id: string,
  action: 'pause' | 'unpause' | 'trigger' | 'delete',
  note?: string,
) {
  await getSchedule(deps, id);
  const handle = (await deps.temporal()).schedule.getHandle(id);
  const text = note?.trim() || `${action} oleh ${user.username}`;
  if (action === 'pause') await handle.pause(text);
  else if (action === 'unpause') await handle.unpause(text);
  else if (action === 'trigger') await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
  else await handle.delete();
  await audit(deps, user, `cycle-schedule.${action}`, id, { note: text });
  return action === 'delete' ? { id } : getSchedule(deps, id);
}
