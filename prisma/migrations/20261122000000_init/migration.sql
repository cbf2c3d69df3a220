-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('PNS', 'PPPK');

-- CreateEnum
CREATE TYPE "PositionType" AS ENUM ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL');

-- CreateEnum
CREATE TYPE "EmployeeStatus" AS ENUM ('ACTIVE', 'TRANSFERRED', 'LEFT');

-- CreateEnum
CREATE TYPE "UnitRating" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('EMPLOYEE', 'HR_ADMIN', 'AUDITOR');

-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('MONTH', 'QUARTER', 'SEMESTER', 'YEAR');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('DRAFT', 'RUNNING', 'CALIBRATION', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CalibrationStatus" AS ENUM ('PENDING', 'FITS_CURVE', 'VIOLATES_CURVE', 'ADJUSTED', 'JUSTIFIED');

-- CreateEnum
CREATE TYPE "AppraisalStage" AS ENUM ('PLANNING', 'EVIDENCE', 'REVIEW', 'SCORING', 'CALIBRATION', 'APPEAL', 'PAY', 'DONE', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('ABOVE', 'MEETS', 'BELOW');

-- CreateEnum
CREATE TYPE "Predicate" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "PlanItemKind" AS ENUM ('MAIN', 'ADDITIONAL');

-- CreateEnum
CREATE TYPE "IndicatorAspect" AS ENUM ('QUANTITY', 'QUALITY', 'TIME');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('FILE', 'LINK');

-- CreateEnum
CREATE TYPE "ReviewSource" AS ENUM ('RATER', 'APPEAL', 'CALIBRATION');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('FILED', 'DECIDED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "AppealDecision" AS ENUM ('CHANGED', 'UNCHANGED');

-- CreateEnum
CREATE TYPE "SanctionStatus" AS ENUM ('RECOMMENDED', 'CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'EXCUSED', 'UNEXCUSED', 'LEAVE');

-- CreateEnum
CREATE TYPE "RuleSetKind" AS ENUM ('SCORING', 'DISTRIBUTION', 'PAY', 'SANCTION');

-- CreateEnum
CREATE TYPE "RuleSetStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employees" (
    "id" SERIAL NOT NULL,
    "nip" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "employment_type" "EmploymentType" NOT NULL,
    "position" TEXT NOT NULL,
    "position_type" "PositionType" NOT NULL,
    "grade" TEXT,
    "unit_id" INTEGER NOT NULL,
    "superior_id" INTEGER,
    "status" "EmployeeStatus" NOT NULL DEFAULT 'ACTIVE',
    "base_allowance" INTEGER NOT NULL DEFAULT 0,
    "email" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "employees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "demo_password" BOOLEAN NOT NULL DEFAULT false,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "employee_id" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "periods" (
    "id" SERIAL NOT NULL,
    "type" "PeriodType" NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,

    CONSTRAINT "periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycles" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "include_descendants" BOOLEAN NOT NULL DEFAULT true,
    "period_id" INTEGER NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'DRAFT',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "scoring_version_id" INTEGER,
    "distribution_version_id" INTEGER,
    "pay_version_id" INTEGER,
    "sanction_version_id" INTEGER,
    "workflow_id" TEXT,
    "schedule_id" TEXT,
    "created_by_id" INTEGER,
    "started_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cycles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_cycle_ratings" (
    "id" SERIAL NOT NULL,
    "cycle_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "rating" "UnitRating" NOT NULL,
    "status" "CalibrationStatus" NOT NULL DEFAULT 'PENDING',
    "violations" JSONB NOT NULL DEFAULT '[]',
    "justification" TEXT,
    "calibrated_by_id" INTEGER,
    "calibrated_at" TIMESTAMP(3),
    "explanation" JSONB,

    CONSTRAINT "unit_cycle_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appraisals" (
    "id" SERIAL NOT NULL,
    "cycle_id" INTEGER NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "rater_id" INTEGER,
    "rater_superior_id" INTEGER,
    "stage" "AppraisalStage" NOT NULL DEFAULT 'PLANNING',
    "workflow_id" TEXT NOT NULL,
    "predicate" "Predicate",
    "predicate_explanation" JSONB,
    "scoring_version_id" INTEGER,
    "result_shared_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appraisals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "expectations" TEXT,
    "return_comment" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMP(3),
    "approved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_items" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "kind" "PlanItemKind" NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "parent_item_id" INTEGER,

    CONSTRAINT "plan_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicators" (
    "id" SERIAL NOT NULL,
    "plan_item_id" INTEGER NOT NULL,
    "aspect" "IndicatorAspect" NOT NULL,
    "description" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "target_value" DECIMAL(18,4),
    "target_unit" TEXT,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "realizations" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "numeric_value" DECIMAL(18,4),
    "note" TEXT,
    "recorded_by_id" INTEGER,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "realizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "indicator_id" INTEGER,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "size_bytes" INTEGER,
    "sha256" TEXT,
    "content" BYTEA,
    "uploaded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "result_rating" "Rating" NOT NULL,
    "behaviour_rating" "Rating" NOT NULL,
    "berorientasi_pelayanan" "Rating" NOT NULL,
    "akuntabel" "Rating" NOT NULL,
    "kompeten" "Rating" NOT NULL,
    "harmonis" "Rating" NOT NULL,
    "loyal" "Rating" NOT NULL,
    "adaptif" "Rating" NOT NULL,
    "kolaboratif" "Rating" NOT NULL,
    "result_comment" TEXT,
    "behaviour_comment" TEXT,
    "reviewer_id" INTEGER,
    "source" "ReviewSource" NOT NULL DEFAULT 'RATER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peer_feedback" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "peer_id" INTEGER NOT NULL,
    "rating" "Rating",
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "peer_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appeals" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'FILED',
    "filed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "AppealDecision",
    "decision_note" TEXT,
    "new_result_rating" "Rating",
    "new_behaviour_rating" "Rating",
    "previous_predicate" "Predicate",
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "appeals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pay_adjustments" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "cycle_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "predicate" "Predicate" NOT NULL,
    "base_amount" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "cut_amount" INTEGER NOT NULL,
    "explanation" JSONB NOT NULL,
    "pay_version_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pay_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanctions" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "appraisal_id" INTEGER,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "severity" TEXT,
    "cut_percent" INTEGER,
    "months" INTEGER,
    "status" "SanctionStatus" NOT NULL DEFAULT 'RECOMMENDED',
    "starts_on" DATE,
    "ends_on" DATE,
    "note" TEXT,
    "explanation" JSONB,
    "sanction_version_id" INTEGER,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sanctions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_records" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "missed_assembly" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "attendance_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_sets" (
    "id" SERIAL NOT NULL,
    "kind" "RuleSetKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "rule_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_set_versions" (
    "id" SERIAL NOT NULL,
    "rule_set_id" INTEGER NOT NULL,
    "kind" "RuleSetKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "effective_from" DATE NOT NULL,
    "document" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "status" "RuleSetStatus" NOT NULL DEFAULT 'DRAFT',
    "author_id" INTEGER,
    "submitted_at" TIMESTAMP(3),
    "approved_by_id" INTEGER,
    "published_at" TIMESTAMP(3),
    "retired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rule_set_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "appraisal_id" INTEGER,
    "cycle_id" INTEGER,
    "assignee_id" INTEGER,
    "assignee_role" "Role",
    "workflow_id" TEXT NOT NULL,
    "update_name" TEXT NOT NULL,
    "due_at" TIMESTAMP(3),
    "reminded_at" TIMESTAMP(3),
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "context" JSONB,
    "result" JSONB,
    "completed_by_id" INTEGER,
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" INTEGER,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prev_hash" TEXT NOT NULL DEFAULT '',
    "hash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skeleton_runs" (
    "id" SERIAL NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "skeleton_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "units_code_key" ON "units"("code");

-- CreateIndex
CREATE INDEX "units_parent_id_idx" ON "units"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "employees_nip_key" ON "employees"("nip");

-- CreateIndex
CREATE INDEX "employees_unit_id_idx" ON "employees"("unit_id");

-- CreateIndex
CREATE INDEX "employees_superior_id_idx" ON "employees"("superior_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_employee_id_key" ON "users"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "periods_type_year_number_key" ON "periods"("type", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "cycles_workflow_id_key" ON "cycles"("workflow_id");

-- CreateIndex
CREATE INDEX "cycles_period_id_idx" ON "cycles"("period_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_cycle_ratings_cycle_id_unit_id_key" ON "unit_cycle_ratings"("cycle_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "appraisals_workflow_id_key" ON "appraisals"("workflow_id");

-- CreateIndex
CREATE INDEX "appraisals_rater_id_idx" ON "appraisals"("rater_id");

-- CreateIndex
CREATE INDEX "appraisals_unit_id_idx" ON "appraisals"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "appraisals_cycle_id_employee_id_key" ON "appraisals"("cycle_id", "employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "plans_appraisal_id_key" ON "plans"("appraisal_id");

-- CreateIndex
CREATE INDEX "plan_items_plan_id_idx" ON "plan_items"("plan_id");

-- CreateIndex
CREATE INDEX "plan_items_parent_item_id_idx" ON "plan_items"("parent_item_id");

-- CreateIndex
CREATE INDEX "indicators_plan_item_id_idx" ON "indicators"("plan_item_id");

-- CreateIndex
CREATE INDEX "realizations_indicator_id_idx" ON "realizations"("indicator_id");

-- CreateIndex
CREATE INDEX "evidence_appraisal_id_idx" ON "evidence"("appraisal_id");

-- CreateIndex
CREATE INDEX "feedback_appraisal_id_idx" ON "feedback"("appraisal_id");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_appraisal_id_key" ON "reviews"("appraisal_id");

-- CreateIndex
CREATE UNIQUE INDEX "peer_feedback_appraisal_id_peer_id_key" ON "peer_feedback"("appraisal_id", "peer_id");

-- CreateIndex
CREATE UNIQUE INDEX "appeals_appraisal_id_key" ON "appeals"("appraisal_id");

-- CreateIndex
CREATE UNIQUE INDEX "pay_adjustments_appraisal_id_key" ON "pay_adjustments"("appraisal_id");

-- CreateIndex
CREATE INDEX "pay_adjustments_cycle_id_idx" ON "pay_adjustments"("cycle_id");

-- CreateIndex
CREATE UNIQUE INDEX "pay_adjustments_employee_id_period_id_key" ON "pay_adjustments"("employee_id", "period_id");

-- CreateIndex
CREATE INDEX "sanctions_employee_id_idx" ON "sanctions"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "sanctions_appraisal_id_code_key" ON "sanctions"("appraisal_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_records_employee_id_date_key" ON "attendance_records"("employee_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "rule_sets_kind_key" ON "rule_sets"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "rule_set_versions_kind_version_key" ON "rule_set_versions"("kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_key_key" ON "tasks"("key");

-- CreateIndex
CREATE INDEX "tasks_assignee_id_status_idx" ON "tasks"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "tasks_appraisal_id_idx" ON "tasks"("appraisal_id");

-- CreateIndex
CREATE INDEX "tasks_status_assignee_role_idx" ON "tasks"("status", "assignee_role");

-- CreateIndex
CREATE INDEX "audit_events_entity_entity_id_idx" ON "audit_events"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE UNIQUE INDEX "skeleton_runs_workflow_id_key" ON "skeleton_runs"("workflow_id");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employees" ADD CONSTRAINT "employees_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employees" ADD CONSTRAINT "employees_superior_id_fkey" FOREIGN KEY ("superior_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_scoring_version_id_fkey" FOREIGN KEY ("scoring_version_id") REFERENCES "rule_set_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_distribution_version_id_fkey" FOREIGN KEY ("distribution_version_id") REFERENCES "rule_set_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_pay_version_id_fkey" FOREIGN KEY ("pay_version_id") REFERENCES "rule_set_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_sanction_version_id_fkey" FOREIGN KEY ("sanction_version_id") REFERENCES "rule_set_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_cycle_ratings" ADD CONSTRAINT "unit_cycle_ratings_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_cycle_ratings" ADD CONSTRAINT "unit_cycle_ratings_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_rater_id_fkey" FOREIGN KEY ("rater_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_rater_superior_id_fkey" FOREIGN KEY ("rater_superior_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_parent_item_id_fkey" FOREIGN KEY ("parent_item_id") REFERENCES "plan_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_item_id_fkey" FOREIGN KEY ("plan_item_id") REFERENCES "plan_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "realizations" ADD CONSTRAINT "realizations_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_peer_id_fkey" FOREIGN KEY ("peer_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pay_adjustments" ADD CONSTRAINT "pay_adjustments_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pay_adjustments" ADD CONSTRAINT "pay_adjustments_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pay_adjustments" ADD CONSTRAINT "pay_adjustments_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pay_adjustments" ADD CONSTRAINT "pay_adjustments_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rule_set_versions" ADD CONSTRAINT "rule_set_versions_rule_set_id_fkey" FOREIGN KEY ("rule_set_id") REFERENCES "rule_sets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

