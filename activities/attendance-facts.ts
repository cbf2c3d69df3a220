/**
 * Attendance facts for the PAY and SANCTION rules, computed from the stored AttendanceRecord rows: PAY counts the
 * month it pays (unexcused days, longest run, missed assemblies), SANCTION the calendar year up to the period's end
 * (PP 94/2021 counts unexcused days cumulatively per year). Only ALPA is unexcused.
 */
import type { AttendanceStatus, PrismaClient } from '../prisma/client';

export interface AttendanceDay {
  date: Date;
  status: AttendanceStatus;
  missedAssembly: boolean;
}

export interface AttendanceSummary {
  /** Days with status ALPA. */
  unexcused: number;
  /** Longest run of consecutive working days with ALPA. */
  longest: number;
  /** Missed assemblies on other days than Monday (daily assembly). */
  missedAssemblies: number;
  /** Missed Monday assemblies (the weekly one). */
  missedMondayAssemblies: number;
  /** Days recorded in the range, whatever their status. */
  recorded: number;
}

const DAY = 24 * 60 * 60 * 1000;
const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay());

/**
 * Sums up days sorted by date. Two ALPA days are consecutive when only Saturdays and Sundays without a record lie
 * between them: a weekend does not break a run, any other day does (a recorded day that is not ALPA, or a weekday
 * without a record such as a public holiday — in the employee's favour, as a run of 10 days means discharge).
 */
export function summarizeAttendance(days: readonly AttendanceDay[]): AttendanceSummary {
  let unexcused = 0;
  let run = 0;
  let longest = 0;
  let last: number | null = null;
  let missedAssemblies = 0;
  let missedMondayAssemblies = 0;
  for (const d of days) {
    if (d.missedAssembly) {
      if (d.date.getUTCDay() === 1) missedMondayAssemblies++;
      else missedAssemblies++;
    }
    const t = d.date.getTime();
    if (d.status !== 'ALPA') {
      run = 0;
      last = null;
      continue;
    }
    unexcused++;
    let joined = last !== null;
    for (let between = (last ?? t) + DAY; joined && between < t; between += DAY) joined = isWeekend(between);
    run = joined ? run + 1 : 1;
    last = t;
    longest = Math.max(longest, run);
  }
  return { unexcused, longest, missedAssemblies, missedMondayAssemblies, recorded: days.length };
}

/** Attendance facts of an employee over a date range (both ends included). */
export async function attendanceFacts(
  prisma: PrismaClient,
  employeeId: number,
  from: Date,
  to: Date,
): Promise<AttendanceSummary> {
  const days = await prisma.attendanceRecord.findMany({
    where: { employeeId, date: { gte: from, lte: to } },
    orderBy: { date: 'asc' },
    select: { date: true, status: true, missedAssembly: true },
  });
  return summarizeAttendance(days);
}

/** The calendar months of a period (a month, quarter, semester or year), each from its first to its last day. */
export function monthsOf(start: Date, end: Date): { month: Date; from: Date; to: Date }[] {
  const out: { month: Date; from: Date; to: Date }[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= end.getTime(); m++) {
    const from = new Date(Date.UTC(y, m, 1));
    out.push({ month: from, from, to: new Date(Date.UTC(y, m + 1, 0)) });
  }
  return out;
}

/** The calendar year a sanction counts, up to the period's end: 1 January of the period's end year to its end. */
export function sanctionYear(periodEnd: Date): { year: number; from: Date; to: Date } {
  const year = periodEnd.getUTCFullYear();
  return { year, from: new Date(Date.UTC(year, 0, 1)), to: periodEnd };
}

/** PAY facts of the month (the fact names the default and regional PAY rules use). */
export function payAttendanceFacts(att: AttendanceSummary): Record<string, number> {
  return {
    unexcusedAbsenceDays: att.unexcused,
    unexcusedDays: att.unexcused,
    consecutiveUnexcusedDays: att.longest,
    consecutiveAbsenceDays: att.longest,
    missedAssemblies: att.missedAssemblies + att.missedMondayAssemblies,
    missedDailyAssemblies: att.missedAssemblies,
    missedMondayAssemblies: att.missedMondayAssemblies,
  };
}
