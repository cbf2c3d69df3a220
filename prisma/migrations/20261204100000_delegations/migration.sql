-- Acting superiors (issue 11, item 2): HR records that one employee acts for another (Plt. / Plh.) between two dates;
-- while it lasts the principal's rating, plan-review and appeal-decision tasks go to the acting employee.
-- A new table: the app role's default privileges (migration 20261201120000_app_role) give it SELECT, INSERT, UPDATE,
-- DELETE and the sequence, which is what the API and the worker need.

-- CreateEnum
CREATE TYPE "DelegationKind" AS ENUM ('PLT', 'PLH');

-- CreateEnum
CREATE TYPE "DelegationStatus" AS ENUM ('SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED');

-- CreateTable
CREATE TABLE "delegations" (
    "id" SERIAL NOT NULL,
    "kind" "DelegationKind" NOT NULL,
    "principal_id" INTEGER NOT NULL,
    "acting_id" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "status" "DelegationStatus" NOT NULL DEFAULT 'SCHEDULED',
    "letter_number" TEXT,
    "note" TEXT,
    "workflow_id" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "started_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "ended_by_id" INTEGER,
    "end_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "delegations_workflow_id_key" ON "delegations"("workflow_id");

-- CreateIndex
CREATE INDEX "delegations_principal_id_status_idx" ON "delegations"("principal_id", "status");

-- CreateIndex
CREATE INDEX "delegations_acting_id_status_idx" ON "delegations"("acting_id", "status");

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_principal_id_fkey" FOREIGN KEY ("principal_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_acting_id_fkey" FOREIGN KEY ("acting_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
