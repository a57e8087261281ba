import type { Migration } from '@samvirke/event-store/postgres/schema';

/**
 * Where a migration was recorded before the one migrations table: each component applied its own
 * ordered SQL list and kept its own table of applied ids. A database that still has such a table is
 * adopted (see migrate-database.ts): what it records counts as applied, and the table is dropped.
 */
export interface LegacyRecord {
  table: LegacyTable;
  id: string;
}

export const LEGACY_TABLES = [
  'es_schema_migrations',
  'privacy_schema_migrations',
  'audit_schema_migrations',
  'case_state_snapshot_migrations',
  'projection_schema_migrations',
  'effects_migrations',
] as const;
export type LegacyTable = (typeof LEGACY_TABLES)[number];

/** The SQL of a migration from a component's frozen list, exactly as that list applied it. */
export function legacySql(list: readonly Migration[], id: string): string {
  const found = list.find((migration) => migration.id === id);
  if (!found) throw new Error(`no migration ${id} in its component's list`);
  return found.sql;
}

/** A migration recorded elsewhere before cannot be undone by code: a rollback is a new migration. */
export function irreversible(name: string): never {
  throw new Error(`migration ${name} is not reversible: write a new migration instead`);
}
