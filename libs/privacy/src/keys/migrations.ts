import type { Migration } from '@samvirke/event-store/postgres';

/**
 * The data-key table. One row per (citizen, agency or none, data-key version). The key itself is
 * stored only wrapped (AES-256-GCM under a master key from configuration); the master key version is
 * kept beside it so a rotation knows what to re-wrap.
 *
 * Erasure overwrites the wrapped key, IV and tag with NULL and keeps the row as a tombstone, so a
 * replay can say "erased on DATE" instead of "unknown key". The CHECK constraint makes the database
 * itself refuse a tombstone that still holds key material, or a live key without it.
 *
 * "Really gone" holds for what SQL can read. PostgreSQL keeps the old row version on disk until
 * VACUUM reclaims it, and WAL archives and base backups keep it until they age out: the retention of
 * those must be part of the erasure promise (operations, not code).
 *
 * `agency` NULL is the citizen's general key; the unique index treats NULL as one value, so there is
 * one general key per version. Key ids are derived from (citizen, agency, version), so concurrent
 * creators collide on the primary key and `INSERT ... ON CONFLICT DO NOTHING` picks one winner.
 */
// Frozen: applied by @samvirke/migrations (one TypeORM class per entry, libs/migrations/src/migrations).
// A schema change is a new class there, not a new entry here (README, "Database migrations").
export const PRIVACY_MIGRATIONS: Migration[] = [
  {
    id: '001_privacy_data_keys',
    sql: `
      CREATE TABLE privacy_data_keys (
        key_id text PRIMARY KEY,
        subject_id uuid NOT NULL,
        agency text NULL,
        key_version integer NOT NULL CHECK (key_version >= 1),
        wrapped_key bytea NULL,
        wrap_iv bytea NULL,
        wrap_tag bytea NULL,
        master_key_version text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz NULL,
        destroyed_by text NULL,
        destroyed_reason text NULL,
        CONSTRAINT privacy_data_keys_material_only_while_live CHECK (
          (destroyed_at IS NULL AND wrapped_key IS NOT NULL AND wrap_iv IS NOT NULL AND wrap_tag IS NOT NULL
            AND master_key_version IS NOT NULL)
          OR (destroyed_at IS NOT NULL AND wrapped_key IS NULL AND wrap_iv IS NULL AND wrap_tag IS NULL)
        )
      );
      CREATE UNIQUE INDEX privacy_data_keys_subject_agency_version
        ON privacy_data_keys (subject_id, coalesce(agency, ''), key_version);
      CREATE INDEX privacy_data_keys_live_by_master_version
        ON privacy_data_keys (master_key_version, key_id) WHERE destroyed_at IS NULL;
    `,
  },
];
