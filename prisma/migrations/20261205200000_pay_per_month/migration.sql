-- TPP per month (issue 12 item 2): one pay adjustment per employee and month, whatever the evaluation period; a
-- quarter's or semester's evaluation pays each of its months. Existing rows (monthly cycles) get the month of their
-- period's end.

-- AlterTable
ALTER TABLE "pay_adjustments" ADD COLUMN "month" DATE;
UPDATE "pay_adjustments" pa SET "month" = date_trunc('month', p."end_date")::date
  FROM "periods" p WHERE p."id" = pa."period_id";
ALTER TABLE "pay_adjustments" ALTER COLUMN "month" SET NOT NULL;

-- DropIndex
DROP INDEX "pay_adjustments_appraisal_id_key";
DROP INDEX "pay_adjustments_employee_id_period_id_key";

-- CreateIndex
CREATE UNIQUE INDEX "pay_adjustments_employee_id_month_key" ON "pay_adjustments"("employee_id", "month");
CREATE UNIQUE INDEX "pay_adjustments_appraisal_id_month_key" ON "pay_adjustments"("appraisal_id", "month");
CREATE INDEX "pay_adjustments_period_id_idx" ON "pay_adjustments"("period_id");
