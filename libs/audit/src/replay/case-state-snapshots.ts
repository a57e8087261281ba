import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { Migration } from '@samvirke/event-store/postgres';

// Frozen: applied by @samvirke/migrations (one TypeORM class per entry, libs/migrations/src/migrations).
// A schema change is a new class there, not a new entry here (README, "Database migrations").
export const CASE_STATE_SNAPSHOT_MIGRATIONS: Migration[] = [
  {
    id: '0001-case-state-snapshot',
    sql: `
CREATE TABLE case_state_snapshot (
  stream_id     text NOT NULL,
  -- The code that folded it (CASE_FOLD_VERSION); other versions are never read.
  fold_version  text NOT NULL,
  -- The state after the event with this revision; used for instants at or after recorded_at.
  revision      integer NOT NULL,
  recorded_at   timestamptz NOT NULL,
  -- json, not jsonb: kept as written, key order included, and no conversion on the way in or out.
  state         json NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, fold_version, revision)
);`,
  },
  {
    // Snapshots carry an authentication code, so one altered in the database is never folded on.
    // The ones written before it cannot be vouched for; they are only a cache, so they go.
    id: '0002-case-state-snapshot-mac',
    sql: `
DELETE FROM case_state_snapshot;
ALTER TABLE case_state_snapshot ADD COLUMN mac text NOT NULL;`,
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
 *
 * The events are tamper-evident (a hash chain); a snapshot, being derived, is not chained, so each
 * carries an HMAC over its stream, fold version, revision, recording time and state, under a key
 * the database does not hold. One that fails the check (altered state, or moved to an earlier time
 * so it would apply to instants before its events) is reported and ignored: the reader folds from
 * the first event instead, and the answer stays what the events say.
 */
export class CaseStateSnapshots {
  constructor(
    private readonly pool: Pool,
    private readonly foldVersion: string,
    private readonly macKey: Buffer,
    private readonly onRejected: (streamId: string, revision: number) => void = () => undefined,
  ) {}

  /**
   * The latest snapshot whose last event was recorded at or before `asOf` (any, without it). Events
   * of a stream are recorded in revision order (the append takes its time under the stream's lock),
   * so every event up to the snapshot's revision was recorded by then too.
   */
  async latest(streamId: string, asOf?: Date): Promise<CaseStateSnapshot | undefined> {
    const { rows } = await this.pool.query<{ revision: number; recorded_at: Date; state: string; mac: string }>(
      `SELECT revision, recorded_at, state::text AS state, mac FROM case_state_snapshot
       WHERE stream_id = $1 AND fold_version = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY revision DESC LIMIT 1`,
      [streamId, this.foldVersion, asOf ?? null],
    );
    const row = rows[0];
    if (!row) return undefined;
    const expected = Buffer.from(this.mac(streamId, row.revision, row.recorded_at, row.state), 'hex');
    const stored = Buffer.from(row.mac, 'hex');
    if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
      this.onRejected(streamId, row.revision);
      return undefined;
    }
    return { revision: row.revision, state: JSON.parse(row.state) as unknown };
  }

  /** `appliesFrom`: no earlier than the recording of the event at `revision`. */
  async save(streamId: string, revision: number, appliesFrom: Date, state: unknown): Promise<void> {
    const text = JSON.stringify(state);
    await this.pool.query(
      `INSERT INTO case_state_snapshot (stream_id, fold_version, revision, recorded_at, state, mac) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [streamId, this.foldVersion, revision, appliesFrom, text, this.mac(streamId, revision, appliesFrom, text)],
    );
  }

  private mac(streamId: string, revision: number, recordedAt: Date, stateText: string): string {
    return createHmac('sha256', this.macKey)
      .update([streamId, this.foldVersion, String(revision), recordedAt.toISOString(), ''].join('\u001f'))
      .update(stateText)
      .digest('hex');
  }
}
