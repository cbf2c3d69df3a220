-- The inbox and the appraisal list over a region (issue 14, `npm run bench:api`, EXPLAIN in the commit):
-- appraisals a person may read are found by employee, rater or rater's superior: each needs an index for
-- PostgreSQL to combine them (BitmapOr) instead of reading every appraisal;
-- the open tasks in due order (the console's default sort) are read from an index and stop after a page;
-- the open escalated tasks HR sees are found by escalation level, not among every open task.

-- CreateIndex
CREATE INDEX "appraisals_employee_id_idx" ON "appraisals"("employee_id");

-- CreateIndex
CREATE INDEX "appraisals_rater_superior_id_idx" ON "appraisals"("rater_superior_id");

-- CreateIndex
CREATE INDEX "tasks_status_due_at_idx" ON "tasks"("status", "due_at");

-- CreateIndex
CREATE INDEX "tasks_status_escalation_level_idx" ON "tasks"("status", "escalation_level");
