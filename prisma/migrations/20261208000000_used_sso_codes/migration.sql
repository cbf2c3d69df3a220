-- A single sign-on code is exchanged once across every API process (API_PROCESSES, several hosts): before, each
-- process remembered the codes it had exchanged, so a replayed code could be taken by another process. A new table: the
-- app role's default privileges (migration 20261201120000_app_role) give it what the API needs.

-- CreateTable
CREATE TABLE "used_sso_codes" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "used_sso_codes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "used_sso_codes_expires_at_idx" ON "used_sso_codes"("expires_at");
