/** Messages of daily attendance (list, import tab, statuses), English. */
import type { attendanceId, attendanceResourceId, attendanceStatusId } from './attendance-id';

export const attendanceResourceEn: typeof attendanceResourceId = {
  name: 'Attendance |||| Attendance',
  fields: {
    date: 'Date',
    employeeId: 'Employee',
    status: 'Status',
    missedAssembly: 'Missed assembly',
    month: 'Month',
  },
};

export const attendanceEn: typeof attendanceId = {
  title: 'Attendance',
  empty: 'No attendance yet. HR imports it from the attendance system (CSV import → Attendance).',
  yes: 'Yes',
  no: 'No',
  import_help:
    'One row per employee and day. status: HADIR (present), ALPA (absent without a valid reason), IZIN (permitted), SAKIT (sick), CUTI (leave) or DINAS (official travel); tidakApel (missed assembly): ya or tidak (only on a HADIR day). Date YYYY-MM-DD or DD/MM/YYYY, inside a period. A day already stored is replaced (recorded in the audit log). Only ALPA counts for the TPP cut and PP 94/2021 disciplinary sanctions.',
};

export const attendanceStatusEn: typeof attendanceStatusId = {
  HADIR: 'Present',
  ALPA: 'Absent without reason',
  IZIN: 'Permitted',
  SAKIT: 'Sick',
  CUTI: 'Leave',
  DINAS: 'Official travel',
};
