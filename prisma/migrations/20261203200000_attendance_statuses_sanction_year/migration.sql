-- Attendance (issue 11, item 3): the daily statuses as regional attendance systems export them (HADIR, ALPA, IZIN,
-- SAKIT, CUTI, DINAS) instead of PRESENT / UNEXCUSED / EXCUSED / LEAVE; stored rows keep their meaning.
ALTER TYPE "AttendanceStatus" RENAME VALUE 'PRESENT' TO 'HADIR';
ALTER TYPE "AttendanceStatus" RENAME VALUE 'UNEXCUSED' TO 'ALPA';
ALTER TYPE "AttendanceStatus" RENAME VALUE 'EXCUSED' TO 'IZIN';
ALTER TYPE "AttendanceStatus" RENAME VALUE 'LEAVE' TO 'CUTI';
ALTER TYPE "AttendanceStatus" ADD VALUE 'SAKIT';
ALTER TYPE "AttendanceStatus" ADD VALUE 'DINAS';

-- The attendance list by month for HR.
CREATE INDEX "attendance_records_date_idx" ON "attendance_records"("date");

-- Disciplinary bands are decided once per employee and calendar year; a higher band supersedes the lower ones.
ALTER TABLE "sanctions" ADD COLUMN "year" INTEGER,
ADD COLUMN "level" INTEGER,
ADD COLUMN "superseded_by_id" INTEGER,
ADD COLUMN "superseded_at" TIMESTAMP(3);

CREATE UNIQUE INDEX "sanctions_employee_id_year_code_key" ON "sanctions"("employee_id", "year", "code");

ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "sanctions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
