-- Accounts and roles (issue 11, item 1): HR creates accounts with a one-time password that must be changed at the
-- first sign-in, and a CALIBRATOR role that takes the calibration of one unit subtree instead of HR.
-- The application role (20261201120000_app_role) needs no new grant: no table is added, and the owner's default
-- privileges cover later tables.
ALTER TYPE "Role" ADD VALUE 'CALIBRATOR';

ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "calibration_unit_id" INTEGER;

CREATE INDEX "users_calibration_unit_id_idx" ON "users"("calibration_unit_id");

ALTER TABLE "users" ADD CONSTRAINT "users_calibration_unit_id_fkey" FOREIGN KEY ("calibration_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
