-- The public served (issue 15, item 4): HR imports per unit and period the citizen-satisfaction index (SKM → IKM) and
-- other unit results; DISTRIBUTION rules read them as facts and may propose a unit's rating from them. A new table: the
-- app role's default privileges (migration 20261201120000_app_role) give it what the API needs.

-- CreateEnum
CREATE TYPE "UnitResultKind" AS ENUM ('SATISFACTION_INDEX', 'OTHER');

-- CreateTable
CREATE TABLE "unit_results" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "kind" "UnitResultKind" NOT NULL,
    "name" TEXT NOT NULL,
    "value" DECIMAL(18,2) NOT NULL,
    "source" TEXT NOT NULL,
    "imported_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "unit_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_results_unit_id_period_id_kind_name_key" ON "unit_results"("unit_id", "period_id", "kind", "name");

-- CreateIndex
CREATE INDEX "unit_results_period_id_idx" ON "unit_results"("period_id");

-- AddForeignKey
ALTER TABLE "unit_results" ADD CONSTRAINT "unit_results_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_results" ADD CONSTRAINT "unit_results_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
