-- The appraisal year (issue 12): a cycle covers a year (its period) and evaluates the year's plan every MONTH,
-- QUARTER or SEMESTER (evaluation_frequency; null: once over the whole span). One appraisal row per employee and
-- evaluation period, all of them carried by the employee's one workflow for the year; every approved plan version
-- is kept; the final evaluation's predicate is the year's.

-- AlterEnum
ALTER TYPE "AppraisalStage" ADD VALUE 'PERIOD' AFTER 'PLANNING';

-- AlterTable
ALTER TABLE "cycles" ADD COLUMN "evaluation_frequency" "PeriodType";

-- The unit's calibration status, violations and justification are per evaluation period; its rating is the year's.
ALTER TABLE "unit_cycle_ratings" ADD COLUMN "period_id" INTEGER;

ALTER TABLE "appraisals" ADD COLUMN "period_id" INTEGER;
UPDATE "appraisals" a SET "period_id" = c."period_id" FROM "cycles" c WHERE c."id" = a."cycle_id";
ALTER TABLE "appraisals" ALTER COLUMN "period_id" SET NOT NULL;
ALTER TABLE "appraisals" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "appraisals" ADD COLUMN "final" BOOLEAN NOT NULL DEFAULT true;

-- DropIndex
DROP INDEX "appraisals_cycle_id_employee_id_key";
DROP INDEX "appraisals_workflow_id_key";

-- CreateIndex
CREATE UNIQUE INDEX "appraisals_cycle_id_employee_id_period_id_key" ON "appraisals"("cycle_id", "employee_id", "period_id");
CREATE INDEX "appraisals_workflow_id_idx" ON "appraisals"("workflow_id");

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "plan_versions" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "expectations" TEXT,
    "approved_by_id" INTEGER,
    "approved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_versions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "plan_versions_plan_id_revision_key" ON "plan_versions"("plan_id", "revision");
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "annual_results" (
    "id" SERIAL NOT NULL,
    "cycle_id" INTEGER NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "predicate" "Predicate" NOT NULL,
    "explanation" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "annual_results_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "annual_results_appraisal_id_key" ON "annual_results"("appraisal_id");
CREATE UNIQUE INDEX "annual_results_cycle_id_employee_id_key" ON "annual_results"("cycle_id", "employee_id");
ALTER TABLE "annual_results" ADD CONSTRAINT "annual_results_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "annual_results" ADD CONSTRAINT "annual_results_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
