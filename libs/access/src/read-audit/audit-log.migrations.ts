import type { Migration } from '@samvirke/event-store/postgres';
import { AUDIT_PURPOSES } from './audit-vocabulary';

/** The actions as this (frozen) migration shipped them; later ones are added by migrations of their own. */
const AUDIT_ACTIONS_AT_0001 = ['read', 'search', 'export', 'change'] as const;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The access log. Append-only is enforced by the database, not by the code that writes it: a
 * trigger refuses every UPDATE, DELETE and TRUNCATE, except the deletes made by
 * `audit_purge_before(cutoff)`, the retention function. That function raises a transaction-local
 * flag and the cutoff, and the trigger lets through only deletes of rows older than that cutoff
 * while the flag is up. A bug, a stray script or an operator's slip cannot rewrite who looked at
 * what. A deliberate act by a database superuser can (they can drop triggers); against that,
 * production gives the application role INSERT and SELECT on audit_log and EXECUTE on the function
 * only (see the README's database roles), and SECURITY DEFINER lets the function delete as its owner.
 *
 * `recorded_at` is the database's clock, not the app's CLOCK: when an access happened must not be
 * something the application can state for itself.
 */
// Frozen: applied by @samvirke/migrations (one TypeORM class per entry, libs/migrations/src/migrations).
// A schema change is a new class there, not a new entry here (README, "Database migrations").
export const AUDIT_LOG_MIGRATIONS: Migration[] = [
  {
    id: '0001-audit-log',
    sql: `
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  request_id   text,
  user_id      text NOT NULL,
  agency       text NOT NULL,
  roles        text[] NOT NULL,
  action       text NOT NULL CHECK (action IN (${list(AUDIT_ACTIONS_AT_0001)})),
  method       text NOT NULL,
  -- The route pattern (/cases/:caseId/timeline), never the concrete URL.
  route        text NOT NULL,
  case_id      uuid,
  entry_id     uuid,
  -- Query parameters only; bodies are never logged.
  criteria     jsonb NOT NULL DEFAULT '{}'::jsonb,
  purpose      text NOT NULL CHECK (purpose IN (${list(AUDIT_PURPOSES)})),
  -- The HTTP status the caller got.
  outcome      integer NOT NULL
);
CREATE INDEX audit_log_by_case ON audit_log (case_id, recorded_at) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_by_user ON audit_log (user_id, recorded_at);
CREATE INDEX audit_log_by_agency ON audit_log (agency, recorded_at);
CREATE INDEX audit_log_by_time ON audit_log (recorded_at);

CREATE FUNCTION audit_log_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- Nested IFs, not AND: the cutoff setting is only meaningful (and castable) while the flag is up.
  IF TG_OP = 'DELETE' THEN
    IF current_setting('samvirke.audit_purge', true) = 'on' THEN
      IF OLD.recorded_at < current_setting('samvirke.audit_purge_before', true)::timestamptz THEN
        RETURN OLD;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_rewrite();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_rewrite();

CREATE FUNCTION audit_purge_before(cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $fn$
DECLARE
  purged bigint;
BEGIN
  PERFORM set_config('samvirke.audit_purge', 'on', true);
  PERFORM set_config('samvirke.audit_purge_before', cutoff::text, true);
  DELETE FROM audit_log WHERE recorded_at < cutoff;
  GET DIAGNOSTICS purged = ROW_COUNT;
  PERFORM set_config('samvirke.audit_purge', 'off', true);
  RETURN purged;
END
$fn$;
`,
  },
];
