import type { Pool } from 'pg';
import { applyMigrations, type Migration } from '@samvirke/event-store/postgres';

export const CASE_STATE_SNAPSHOT_MIGRATIONS: Migration[] = [
  {
    id: '0001-case-state-snapshot',
    sql: `
CREATE TABLE case_state_snapshot (
  stream_id     text NOT NULL,
  -- The code that folded it (CASE_FOLD_VERSION); other versions are never read.
  fold_version  text NOT NULL,
  -- The state after the event with this revision, recorded at recorded_at.
  revision      integer NOT NULL,
  recorded_at   timestamptz NOT NULL,
  -- json, not jsonb: kept as written, key order included, and no conversion on the way in or out.
  state         json NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, fold_version, revision)
);`,
  },
];

export interface CaseStateSnapshot {
  revision: number;
  state: unknown;
}

/**
 * Folded case states kept for as-of reconstruction, so an auditor's question about a long case
 * folds only the events after the nearest snapshot. A cache of what the events say, never a source
 * of truth: it holds what `evolve` made of them (sealed references and codes, no personal data, as
 * the state itself), a snapshot is only read by the code version that wrote it, and deleting any
 * or all of them changes no answer, only its speed.
 */
export class CaseStateSnapshots {
  constructor(
    private readonly pool: Pool,
    private readonly foldVersion: string,
  ) {}

  async migrate(): Promise<void> {
    await applyMigrations(this.pool, 'case_state_snapshot_migrations', CASE_STATE_SNAPSHOT_MIGRATIONS);
  }

  /**
   * The latest snapshot whose last event was recorded at or before `asOf` (any, without it). Events
   * of a stream are recorded in revision order (the append takes its time under the stream's lock),
   * so every event up to the snapshot's revision was recorded by then too.
   */
  async latest(streamId: string, asOf?: Date): Promise<CaseStateSnapshot | undefined> {
    const { rows } = await this.pool.query<{ revision: number; state: unknown }>(
      `SELECT revision, state FROM case_state_snapshot
       WHERE stream_id = $1 AND fold_version = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY revision DESC LIMIT 1`,
      [streamId, this.foldVersion, asOf ?? null],
    );
    return rows[0];
  }

  async save(streamId: string, revision: number, recordedAt: Date, state: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO case_state_snapshot (stream_id, fold_version, revision, recorded_at, state) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [streamId, this.foldVersion, revision, recordedAt, JSON.stringify(state)],
    );
  }
}
