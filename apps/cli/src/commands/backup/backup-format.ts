/**
 * A Samvirke backup: one gzipped tar holding `manifest.json` first, then one file per table in
 * PostgreSQL's COPY text format (`NNN-schema.table.copy`), taken in one consistent snapshot. Written
 * and read by the project itself, over the ordinary client protocol, so it works against any server
 * version the application supports, the embedded PostgreSQL 18 included (this machine's pg_dump 15
 * refuses it, and the embedded package ships no pg_dump).
 */
export const BACKUP_FORMAT = 'samvirke-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface BackupTable {
  /** The entry in the archive. */
  file: string;
  schema: string;
  table: string;
  columns: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface BackupProjection {
  name: string;
  version: number;
  generation: number;
  schema: string;
  tables: string[];
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  server: { version: string; versionNum: number };
  /** The newest migration applied (a class name as `samvirke_migrations` records it), and all of them. */
  migration: string;
  migrations: string[];
  /**
   * Transaction ids (xid8, as text). `snapshotXmax` is the first id not yet assigned when the
   * snapshot was taken: every stored `transaction_id` is below it, so a restore advances the target's
   * counter to at least this before anything writes.
   */
  xid: { snapshotXmax: string; maxEventTransactionId: string | null };
  /** In load order (a table comes after the tables its foreign keys reference). */
  tables: BackupTable[];
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
  /** The read models' active generations (their tables are among `tables`). */
  projections: BackupProjection[];
}

/** The schema every migration-created table lives in. */
export const APP_SCHEMA = 'public';

export function qualified(schema: string, table: string): string {
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  return `${quote(schema)}.${quote(table)}`;
}

export function quoteColumns(columns: string[]): string {
  return columns.map((column) => `"${column.replace(/"/g, '""')}"`).join(', ');
}
