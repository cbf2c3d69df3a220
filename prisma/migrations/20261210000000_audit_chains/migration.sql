-- Eight audit chains instead of one (issue 14). One chain serialised every audited write behind one advisory lock:
-- under a month-end surge dozens of transactions queued for it. Now an append takes the first free of eight chain
-- locks (audit_chain_take) and chains to that chain's newest entry; `seq` numbers a chain's entries 1, 2, 3, … and
-- ids come from the table's sequence, so they stay roughly in time order across chains. Each chain is verified as the
-- one chain was (server/audit/audit-verification.ts) and has its own signed checkpoints.
-- The log written so far becomes chain 0, in id order. Its checkpoints are dropped: a checkpoint's signature now
-- covers its chain, and the next verification signs each chain's head again.
-- Unkeyed entries (SHA-256 in the database, before migration 20261201100000) are not accepted any more: the column
-- that marked them and the function that recomputed them go.

ALTER TABLE "audit_events" DISABLE TRIGGER USER;
ALTER TABLE "audit_events" ADD COLUMN "chain" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "seq" BIGINT;
UPDATE "audit_events" e SET "seq" = n.seq
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM "audit_events") n WHERE n.id = e.id;
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "chain" DROP DEFAULT;
ALTER TABLE "audit_events" DROP COLUMN "keyed";
ALTER TABLE "audit_events" ENABLE TRIGGER USER;
DROP FUNCTION audit_event_hash(TEXT, BIGINT, TIMESTAMP(3), INTEGER, TEXT, TEXT, TEXT, TEXT, JSONB, JSONB);
CREATE UNIQUE INDEX "audit_events_chain_seq_key" ON "audit_events"("chain", "seq");
-- Ids were set by the application (newest + 1); from now on the table's sequence numbers them.
SELECT setval(pg_get_serial_sequence('audit_events', 'id'), coalesce(max(id), 0) + 1, false) FROM "audit_events";

ALTER TABLE "audit_checkpoints" DISABLE TRIGGER USER;
DELETE FROM "audit_checkpoints";
ALTER TABLE "audit_checkpoints" ENABLE TRIGGER USER;
ALTER TABLE "audit_checkpoints" ADD COLUMN "chain" INTEGER NOT NULL;
CREATE INDEX "audit_checkpoints_chain_head_id_idx" ON "audit_checkpoints"("chain", "head_id");

DROP FUNCTION audit_chain_head(BIGINT);

-- Takes a chain for this transaction's entries and returns its newest entry (seq 0 and '' for an empty chain) with
-- `entries` ids. The first free chain lock (lock_base + 0, 1, …) is taken without waiting, so a quiet system writes
-- chain 0 only; when all are held, it waits for a random one. The lock is held to the commit. The function is
-- VOLATILE, so the statement that reads the head runs on a snapshot taken after the lock was granted: it sees the
-- entry the previous holder committed. A transaction appending twice finds its own lock free (locks are re-entrant),
-- so it never waits while holding a chain.
CREATE FUNCTION audit_chain_take(lock_base BIGINT, chains INTEGER, entries INTEGER)
RETURNS TABLE (chain INTEGER, seq BIGINT, hash TEXT, ids BIGINT[]) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  k INTEGER := -1;
BEGIN
  FOR i IN 0 .. chains - 1 LOOP
    IF pg_try_advisory_xact_lock(lock_base + i) THEN
      k := i;
      EXIT;
    END IF;
  END LOOP;
  IF k < 0 THEN
    k := floor(random() * chains)::INTEGER;
    PERFORM pg_advisory_xact_lock(lock_base + k);
  END IF;
  RETURN QUERY
    SELECT k, coalesce(h.seq, 0::BIGINT), coalesce(h.hash, ''),
           ARRAY(SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) FROM generate_series(1, entries))
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT e.seq, e.hash FROM audit_events e WHERE e.chain = k ORDER BY e.seq DESC LIMIT 1) h
      ON true;
END
$$;
