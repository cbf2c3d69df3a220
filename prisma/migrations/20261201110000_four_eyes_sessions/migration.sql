-- Four eyes on rule-set versions: every editor and the submitter are recorded, and retiring a published
-- version is asked by one HR admin and confirmed by another.
ALTER TABLE "rule_set_versions" ADD COLUMN "submitted_by_id" INTEGER,
ADD COLUMN "retire_requested_by_id" INTEGER,
ADD COLUMN "retire_requested_at" TIMESTAMP(3),
ADD COLUMN "retired_by_id" INTEGER;

CREATE TABLE "rule_set_version_editors" (
    "version_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "first_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rule_set_version_editors_pkey" PRIMARY KEY ("version_id","user_id")
);

ALTER TABLE "rule_set_version_editors" ADD CONSTRAINT "rule_set_version_editors_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "rule_set_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing versions: their author is their only known editor.
INSERT INTO "rule_set_version_editors" ("version_id", "user_id", "first_at")
  SELECT "id", "author_id", "created_at" FROM "rule_set_versions" WHERE "author_id" IS NOT NULL;

-- Sessions: a per-user token version carried in every token; a token with an older version is refused.
ALTER TABLE "users" ADD COLUMN "token_version" INTEGER NOT NULL DEFAULT 0;

-- Whatever changes a password, the roles or the active flag (the API, an import, a script, plain SQL) ends the
-- user's existing tokens.
CREATE FUNCTION users_revoke_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR NEW.roles IS DISTINCT FROM OLD.roles
     OR NEW.active IS DISTINCT FROM OLD.active THEN
    NEW.token_version := greatest(NEW.token_version, OLD.token_version + 1);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER users_revoke_tokens BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION users_revoke_tokens();
