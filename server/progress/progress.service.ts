/**
 * The checks and reads behind the progress routes: who may record on an appraisal and whether its period runs, what
 * makes an entry valid (an indicator of this plan, a day of the period not after today), the entries as listed, and
 * the rater's team.
 */
import type { Prisma, PrismaClient } from '../../prisma/client';
import {
  RECORDING_STAGES,
  localDay,
  progressOf,
  utcOffsetOf,
  type AppraisalProgress,
} from '../../prisma/realization-progress';
import { mayActOnBehalf } from '../../workflows/on-behalf';
import type { AuthUser } from '../auth/auth.middleware';
import { ApiError } from '../http/api-error';

type Tx = Prisma.TransactionClient;

/** Stage names in words, for the refusal after the period (the console shows the half in its language). */
const STAGE_WORDS: Record<string, string> = {
  PLANNING: 'penyusunan SKP / planning',
  REVIEW: 'penilaian oleh pejabat penilai / the rater’s review',
  SCORING: 'penetapan predikat / scoring',
  CALIBRATION: 'kalibrasi / calibration',
  APPEAL: 'hasil dan keberatan / result and appeal',
  PAY: 'TPP / pay',
  DONE: 'selesai / done',
  CANCELLED: 'dibatalkan / cancelled',
  FAILED: 'gagal / failed',
};

/** 409 in words: realisations are recorded only while the period runs. */
export function periodNotRunning(stage: string): ApiError {
  const [id, en] = (STAGE_WORDS[stage] ?? `${stage} / ${stage}`).split(' / ');
  return new ApiError(
    409,
    'PERIOD_NOT_RUNNING',
    `Realisasi hanya dapat dicatat atau dihapus selama periode berjalan, sampai realisasi dikirim; penilaian ini ` +
      `sudah pada tahap ${id} / realisations can be recorded or removed only while the period runs, until the ` +
      `evidence is sent; this appraisal is at the stage: ${en}`,
    { stage },
    { stage },
  );
}

export interface EntryGate {
  onBehalf: boolean;
  period: { startDate: Date; endDate: Date };
  utcOffsetHours: number;
}

/**
 * Locks the appraisal row (a stage move waits for this entry, or this entry sees the move) and checks: the caller is
 * the employee, or completes the employee's escalated evidence step on their behalf; the period runs.
 */
export async function entryGate(tx: Tx, appraisalId: number, user: AuthUser): Promise<EntryGate> {
  await tx.$queryRaw`SELECT id FROM appraisals WHERE id = ${appraisalId} FOR UPDATE`;
  const a = await tx.appraisal.findUnique({
    where: { id: appraisalId },
    select: {
      employeeId: true,
      stage: true,
      period: { select: { startDate: true, endDate: true } },
      cycle: { select: { settings: true } },
      tasks: {
        where: { type: 'evidence.submit', status: 'OPEN' },
        select: { type: true, assigneeId: true, escalationLevel: true, escalatedToId: true },
      },
    },
  });
  if (!a) throw ApiError.notFound('Penilaian');
  const self = user.employeeId !== null && user.employeeId === a.employeeId;
  const onBehalf = !self && a.tasks.some((t) => mayActOnBehalf(user, t));
  if (!self && !onBehalf)
    throw new ApiError(
      403,
      'FORBIDDEN',
      'Realisasi dicatat oleh pegawai yang bersangkutan, atau atas namanya oleh penerima eskalasi langkah realisasi ' +
        'yang terlambat / realisations are recorded by the employee, or on their behalf by whoever an overdue ' +
        'evidence step was escalated to',
    );
  if (!(RECORDING_STAGES as readonly string[]).includes(a.stage)) throw periodNotRunning(a.stage);
  return { onBehalf, period: a.period, utcOffsetHours: utcOffsetOf(a.cycle.settings) };
}

const field = (name: string, message: string) => ApiError.invalidFields([{ field: name, message }]);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The indicator of this appraisal's plan the entry is for; 400 naming the field when the entry is not valid. */
export async function validEntry(
  tx: Tx,
  appraisalId: number,
  gate: EntryGate,
  body: { indicatorId: number; workDate: string },
  now: Date,
) {
  const indicator = await tx.indicator.findFirst({
    where: { id: body.indicatorId, planItem: { plan: { appraisalId } } },
    select: { id: true, aspect: true, description: true, targetUnit: true, planItem: { select: { title: true } } },
  });
  if (!indicator) throw field('indicatorId', 'bukan indikator SKP ini / not an indicator of this plan');
  const date = new Date(`${body.workDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || day(date) !== body.workDate)
    throw field('workDate', `${body.workDate} bukan tanggal yang valid / not a valid date`);
  if (date < gate.period.startDate || date > gate.period.endDate)
    throw field(
      'workDate',
      `di luar periode ${day(gate.period.startDate)} s.d. ${day(gate.period.endDate)} / outside the period ` +
        `${day(gate.period.startDate)} to ${day(gate.period.endDate)}`,
    );
  const today = localDay(now, gate.utcOffsetHours);
  if (date > today) throw field('workDate', `setelah hari ini (${day(today)}) / after today (${day(today)})`);
  return indicator;
}

/** The entries of an appraisal, newest work first, each saying who recorded it and whether the caller may remove it. */
export async function loadEntries(db: PrismaClient, appraisalId: number, user: AuthUser, open: boolean) {
  const rows = await db.realizationEntry.findMany({
    where: { appraisalId },
    orderBy: [{ workDate: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
  });
  const userIds = [...new Set(rows.map((r) => r.recordedByUserId))];
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, username: true, employee: { select: { name: true } } },
  });
  const names = new Map(users.map((u) => [u.id, u.employee?.name ?? u.username]));
  return rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicatorId,
    itemTitle: r.itemTitle,
    indicatorDescription: r.indicatorDescription,
    aspect: r.aspect,
    workDate: day(r.workDate),
    value: r.value.toNumber(),
    note: r.note,
    recordedBy: names.get(r.recordedByUserId) ?? null,
    onBehalf: r.onBehalf,
    recordedAt: r.createdAt.toISOString(),
    mayRemove: open && r.recordedByUserId === user.id,
  }));
}

export interface TeamProgress {
  members: AppraisalProgress[];
  /** Members with at least one indicator behind. */
  behind: number;
}

/** The caller's team as rater (appraisals they rate, narrowed by `where`), members behind first, then by name. */
export async function teamOf(
  db: PrismaClient,
  user: AuthUser,
  where: Prisma.AppraisalWhereInput,
  now: Date,
): Promise<TeamProgress> {
  if (user.employeeId === null) return { members: [], behind: 0 };
  const rows = await db.appraisal.findMany({
    where: { AND: [where, { raterId: user.employeeId }] },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 500,
  });
  const members = (
    await progressOf(
      db,
      rows.map((r) => r.id),
      now,
    )
  ).sort(
    (a, b) =>
      Number(b.behindCount > 0) - Number(a.behindCount > 0) ||
      b.behindCount - a.behindCount ||
      a.employee.name.localeCompare(b.employee.name, 'id'),
  );
  return { members, behind: members.filter((m) => m.behindCount > 0).length };
}
