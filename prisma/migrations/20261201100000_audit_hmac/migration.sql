-- Audit log keyed with HMAC-SHA-256 by a key kept outside the database (issue 10, item 6).
-- The application now computes id, prev_hash and hash itself when it appends (prisma/audit.ts), under the same
-- advisory lock the trigger took; the database no longer computes anything, so the trigger goes. Entries written
-- before this migration keep their unkeyed SHA-256 (keyed = false): the first keyed entry's HMAC covers the last
-- of them, so they stay protected by the chain. audit_event_hash() stays to verify them.

DROP TRIGGER audit_events_chain ON audit_events;
DROP FUNCTION audit_events_chain();
DROP FUNCTION audit_events_first_broken();

ALTER TABLE "audit_events" ADD COLUMN "keyed" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "audit_events" ALTER COLUMN "keyed" SET DEFAULT true;

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "count" BIGINT NOT NULL,
    "head_id" BIGINT NOT NULL,
    "head_hash" TEXT NOT NULL,
    "mac" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
