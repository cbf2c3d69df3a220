-- The audit chain's lock and its newest entry in one round trip (prisma/audit.ts, appendEntries). The lock is held from
-- here to the commit, and every appended entry waits for it: each round trip the holder spends inside costs every
-- waiting transaction as much. The function is VOLATILE, so its second statement runs on a fresh snapshot taken after
-- the lock was granted: it reads the entry the previous holder committed (one statement taking the lock and reading
-- the newest entry would read it on a snapshot from before the wait).
CREATE FUNCTION audit_chain_head(lock_key BIGINT) RETURNS TABLE (id BIGINT, hash TEXT) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY SELECT e.id, e.hash FROM audit_events e ORDER BY e.id DESC LIMIT 1;
END
$$;
