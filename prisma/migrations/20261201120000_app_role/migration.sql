-- The role the API and the worker connect as (issue 10, item 6): `<database>_app`, e.g. `capaian_app`.
-- Migrations and the seed run as the database owner; the application gets only what it needs. On the audit tables
-- that is SELECT and INSERT: it cannot rewrite, delete or truncate entries, nor switch the append-only triggers off
-- (only the owner may ALTER TABLE). Its password is set by `npm start` (prisma/app-role.ts), or by the operator
-- who then passes DATABASE_APP_URL.
-- Tables created by later migrations get SELECT, INSERT, UPDATE, DELETE by default privileges: a later append-only
-- table must REVOKE UPDATE, DELETE, TRUNCATE from the role itself, as below.
-- An owner without CREATEROLE cannot create the role: the migration then only says so, and the operator creates it
-- (CREATE ROLE <database>_app LOGIN PASSWORD '…') and runs the grants below.

DO $$
DECLARE
  app TEXT := current_database() || '_app';
BEGIN
  BEGIN
    EXECUTE format('CREATE ROLE %I NOLOGIN', app);
  EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
    WHEN insufficient_privilege THEN
      RAISE NOTICE 'role % not created (no CREATEROLE): create it and grant as in this migration', app;
      RETURN;
  END;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), app);
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events, audit_checkpoints FROM %I', app);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM %I', app);
END
$$;
