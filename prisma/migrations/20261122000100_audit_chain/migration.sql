-- Audit log: append-only and hash-chained.
-- Each row's hash covers the previous row's hash and the row's own content, so editing, inserting or
-- deleting any row breaks the chain at that row. The id is drawn after taking a transaction-scoped
-- advisory lock, so ids follow commit order and each row chains to the one committed just before it.

CREATE FUNCTION audit_event_hash(
  p_prev_hash TEXT, p_id BIGINT, p_at TIMESTAMP(3), p_actor_user_id INTEGER, p_actor TEXT,
  p_action TEXT, p_entity TEXT, p_entity_id TEXT, p_before JSONB, p_after JSONB
) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    p_prev_hash || '|' || p_id::text || '|' || to_char(p_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '|' ||
    coalesce(p_actor_user_id::text, '') || '|' || p_actor || '|' || p_action || '|' || p_entity || '|' ||
    p_entity_id || '|' || coalesce(p_before::text, 'null') || '|' || coalesce(p_after::text, 'null'),
    'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(72430001);
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  NEW.at := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  SELECT hash INTO last_hash FROM audit_events ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW.id, NEW.at, NEW.actor_user_id, NEW.actor, NEW.action,
                               NEW.entity, NEW.entity_id, NEW.before, NEW.after);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (log audit hanya boleh ditambah)';
END
$$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- The first row whose hash or link does not match: the verification used by `npm run audit:verify` and the API.
CREATE FUNCTION audit_events_first_broken() RETURNS TABLE (id BIGINT, reason TEXT) LANGUAGE sql STABLE AS $$
  SELECT c.id,
         CASE WHEN c.hash <> c.expected THEN 'hash' ELSE 'link' END
  FROM (
    SELECT e.id, e.hash, e.prev_hash,
           audit_event_hash(e.prev_hash, e.id, e.at, e.actor_user_id, e.actor, e.action, e.entity, e.entity_id,
                            e.before, e.after) AS expected,
           coalesce(lag(e.hash) OVER (ORDER BY e.id), '') AS previous_hash
    FROM audit_events e
  ) c
  WHERE c.hash <> c.expected OR c.prev_hash <> c.previous_hash
  ORDER BY c.id
  LIMIT 1
$$;
