/**
 * CSV import of daily attendance: `nip,tanggal,status,tidakApel` as regional attendance systems export it (the
 * English `date` and `missedAssembly`, and headers such as `NIP`, `Tanggal`, `Tidak Apel`, are read too). Status is
 * HADIR, ALPA, IZIN, SAKIT, CUTI or DINAS; `tidakApel` (missed assembly) is ya/tidak (yes/no, 1/0; empty = tidak)
 * and only for a HADIR day. The date is YYYY-MM-DD or DD/MM/YYYY and must fall inside a period.
 * A day already stored for the employee is replaced (audited with the value before); the same value is left as is.
 */
import { recordAudit } from '../../prisma/audit';
import type { AttendanceStatus, Db } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import type { CsvRow } from './csv';
import { summarize, type ImportReport, type RowReport } from './report';

export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['HADIR', 'ALPA', 'IZIN', 'SAKIT', 'CUTI', 'DINAS'];

/** Header names of other exports, compared without case, spaces or punctuation. */
const ALIASES: Record<string, string> = {
  nip: 'nip',
  tanggal: 'tanggal',
  tgl: 'tanggal',
  date: 'tanggal',
  status: 'status',
  tidakapel: 'tidakApel',
  missedassembly: 'tidakApel',
};

export const ATTENDANCE_COLUMNS = {
  required: ['nip', 'tanggal', 'status'],
  optional: ['tidakApel'],
  alias: (header: string) => ALIASES[header.toLowerCase().replace(/[^a-z]/g, '')],
};

const YES = ['ya', 'y', 'yes', '1', 'true'];
const NO = ['tidak', 't', 'no', 'n', '0', 'false', ''];

/** Reads YYYY-MM-DD or DD/MM/YYYY (or DD-MM-YYYY) as a UTC date; null when it is no calendar date. */
export function parseDay(text: string): Date | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let [y, mo, d] = m ? [+m[1], +m[2], +m[3]] : [0, 0, 0];
  if (!m) {
    m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
    if (!m) return null;
    [y, mo, d] = [+m[3], +m[2], +m[1]];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

interface AttendancePlan {
  report: RowReport;
  employeeId: number;
  date: Date;
  status: AttendanceStatus;
  missedAssembly: boolean;
  existing: { id: number; status: AttendanceStatus; missedAssembly: boolean } | null;
}

/** Validates every row against the file and the database; nothing is written. */
export async function validateAttendance(db: Db, rows: CsvRow[]): Promise<AttendancePlan[]> {
  const nips = [...new Set(rows.map((r) => r.values.nip).filter(Boolean))];
  const [employees, periods] = await Promise.all([
    db.employee.findMany({ where: { nip: { in: nips } }, select: { id: true, nip: true } }),
    db.period.findMany({ select: { startDate: true, endDate: true } }),
  ]);
  const idByNip = new Map(employees.map((e) => [e.nip, e.id]));
  const firstLine = new Map<string, number>();
  const plans = rows.map((r): AttendancePlan => {
    const v = r.values;
    const report: RowReport = { row: r.line, ok: true, key: v.nip || undefined, errors: [] };
    const err = (field: string, message: string) => report.errors.push({ field, message });
    if (r.shapeError) err('(baris)', r.shapeError);

    const employeeId = v.nip ? idByNip.get(v.nip) : undefined;
    if (!v.nip) err('nip', 'Wajib diisi');
    else if (employeeId === undefined) err('nip', `NIP ${v.nip} tidak dikenal / unknown NIP`);

    const date = v.tanggal ? parseDay(v.tanggal) : null;
    if (!v.tanggal) err('tanggal', 'Wajib diisi');
    else if (!date) err('tanggal', `tanggal ${v.tanggal} tidak valid: tulis YYYY-MM-DD atau DD/MM/YYYY / invalid date`);
    else if (!periods.some((p) => p.startDate <= date && date <= p.endDate))
      err('tanggal', `tanggal ${iso(date)} di luar periode mana pun / date outside any period`);
    if (date && v.nip) {
      const key = `${v.nip} ${iso(date)}`;
      const seen = firstLine.get(key);
      if (seen !== undefined) err('tanggal', `hari yang sama untuk NIP ini sudah ada di baris ${seen} / duplicate day`);
      else firstLine.set(key, r.line);
    }

    const status = (v.status ?? '').toUpperCase() as AttendanceStatus;
    if (!v.status) err('status', 'Wajib diisi');
    else if (!ATTENDANCE_STATUSES.includes(status))
      err('status', `status ${v.status} tidak dikenal; pilih ${ATTENDANCE_STATUSES.join(', ')} / unknown status`);

    const apel = (v.tidakApel ?? '').toLowerCase();
    const missedAssembly = YES.includes(apel);
    if (!missedAssembly && !NO.includes(apel))
      err('tidakApel', `isi ya atau tidak (yes/no), bukan "${v.tidakApel}" / yes or no`);
    else if (missedAssembly && ATTENDANCE_STATUSES.includes(status) && status !== 'HADIR')
      err('tidakApel', `apel terlewat hanya untuk hari HADIR, bukan ${status} / missed assembly only on a HADIR day`);

    return { report, employeeId: employeeId ?? 0, date: date ?? new Date(0), status, missedAssembly, existing: null };
  });

  // Days already stored: replaced (update) or, with the same values, left as they are.
  const valid = plans.filter((p) => !p.report.errors.length);
  const stored = valid.length
    ? await db.attendanceRecord.findMany({
        where: {
          employeeId: { in: [...new Set(valid.map((p) => p.employeeId))] },
          date: {
            gte: new Date(Math.min(...valid.map((p) => p.date.getTime()))),
            lte: new Date(Math.max(...valid.map((p) => p.date.getTime()))),
          },
        },
        select: { id: true, employeeId: true, date: true, status: true, missedAssembly: true },
      })
    : [];
  const byDay = new Map(stored.map((s) => [`${s.employeeId} ${iso(s.date)}`, s]));
  for (const p of plans) {
    p.report.ok = p.report.errors.length === 0;
    if (!p.report.ok) continue;
    p.existing = byDay.get(`${p.employeeId} ${iso(p.date)}`) ?? null;
    p.report.action = !p.existing
      ? 'create'
      : p.existing.status === p.status && p.existing.missedAssembly === p.missedAssembly
        ? 'unchanged'
        : 'update';
  }
  return plans;
}

/**
 * Validates and, unless it is a dry run and when every row is valid, writes all rows in the given transaction: new days
 * in bulk (one audit event per employee naming the days), replaced days one by one (audited with the value before).
 */
export async function importAttendance(db: Db, user: AuthUser, rows: CsvRow[], dryRun: boolean): Promise<ImportReport> {
  const plans = await validateAttendance(db, rows);
  const report = summarize(
    'attendance',
    dryRun,
    plans.map((p) => p.report),
  );
  if (dryRun || report.invalid > 0) return report;
  const who = { actorUserId: user.id, actor: user.username };

  const created = plans.filter((p) => p.report.action === 'create');
  await db.attendanceRecord.createMany({
    data: created.map((p) => ({
      employeeId: p.employeeId,
      date: p.date,
      status: p.status,
      missedAssembly: p.missedAssembly,
    })),
  });
  const perEmployee = new Map<number, AttendancePlan[]>();
  for (const p of created) perEmployee.set(p.employeeId, [...(perEmployee.get(p.employeeId) ?? []), p]);
  for (const [employeeId, days] of perEmployee)
    await recordAudit(db, {
      ...who,
      action: 'import-create',
      entity: 'attendance',
      entityId: employeeId,
      after: {
        nip: days[0].report.key,
        days: days.map((d) => ({ date: iso(d.date), status: d.status, missedAssembly: d.missedAssembly })),
      },
    });

  for (const p of plans.filter((x) => x.report.action === 'update')) {
    const before = p.existing!;
    await db.attendanceRecord.update({
      where: { id: before.id },
      data: { status: p.status, missedAssembly: p.missedAssembly },
    });
    await recordAudit(db, {
      ...who,
      action: 'import-update',
      entity: 'attendance',
      entityId: p.employeeId,
      before: { date: iso(p.date), status: before.status, missedAssembly: before.missedAssembly },
      after: { nip: p.report.key, date: iso(p.date), status: p.status, missedAssembly: p.missedAssembly },
    });
  }
  return report;
}
