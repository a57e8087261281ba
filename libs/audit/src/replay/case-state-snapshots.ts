import { createHmac, timingSafeEqual } from 'node:crypto';
import { Pool, TypeOverrides, types, type PoolClient } from 'pg';
import type { Migration } from '@samvirke/event-store/postgres';
import { surviveConnectionLoss } from '@samvirke/platform/database/pool-connection-loss';
import { copyRowsOut, fieldInt4, fieldText, type BinaryCopyField } from './binary-copy';

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

/** Which snapshot applies, before its contents are read: they are read for what comes next. */
export interface CaseStateSnapshotHeader {
  revision: number;
  recordedAt: Date;
}

/** A snapshot's state as auditors read it: the stored JSON text, exactly as written, and its SSP level. */
export interface StoredStateView {
  /** The stored text's UTF-8 bytes in the pieces PostgreSQL sent them in: never joined, decoded or parsed. */
  json: Buffer[];
  sspLevel: number | null;
}

/** What a snapshot stores: the encoded state to fold on, and the view (and its SSP level) to answer with. */
export interface CaseStateSnapshotContents {
  /** encodeCaseState's result. */
  state: unknown;
  /** JSON.stringify(stateAsJson(state)): the text an answer with nothing after the snapshot sends. */
  viewJson: string;
  sspLevel: number | null;
}

/**
 * The encoded state's json column comes back as the text PostgreSQL stored (pg would JSON.parse it),
 * and without a `::text` cast in the statement, which copies megabytes on the server (about 2 ms for
 * 1.6 MB): its code is over that exact text. (The view is read by COPY, as bytes: see `view`.)
 */
const JSON_AS_TEXT = new TypeOverrides();
JSON_AS_TEXT.setTypeParser(types.builtins.JSON, (text: string) => text);

/**
 * Folded case states kept for as-of reconstruction, so an auditor's question about a long case
 * folds only the events after the nearest snapshot. A cache of what the events say, never a source
 * of truth: it holds what `evolve` made of them (sealed references and codes, no personal data, as
 * the state itself), a snapshot is only read by the code version that wrote it, and deleting any
 * or all of them changes no answer, only its speed.
 *
 * Each snapshot holds the state twice: encoded (Maps kept) to fold later events onto, and as the
 * JSON view an answer shows, so an answer with nothing after the snapshot is the stored text as it
 * is, with no parse and no serialisation of megabytes. Each is read only when needed.
 *
 * The events are tamper-evident (a hash chain); a snapshot, being derived, is not chained, so each
 * part carries an HMAC over its stream, fold version, revision, recording time and the exact stored
 * text, under a key the database does not hold (the view's under a key derived from it, so neither
 * code can stand for the other). One that fails the check (altered, or moved to an earlier time so
 * it would apply to instants before its events) is reported and ignored: the reader folds from the
 * first event instead, and the answer stays what the events say.
 */
export class CaseStateSnapshots {
  private readonly viewMacKey: Buffer;
  /** For `view`'s COPY when `pool` pipelines (see viewConnection); opened when first needed. */
  private copyPool: Pool | undefined;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly foldVersion: string,
    private readonly macKey: Buffer,
    private readonly onRejected: (streamId: string, revision: number) => void = () => undefined,
  ) {
    this.viewMacKey = createHmac('sha256', macKey).update('case-state-snapshot-view').digest();
  }

  /**
   * The latest snapshot whose last event was recorded at or before `asOf` (any, without it). Events
   * of a stream are recorded in revision order (the append takes its time under the stream's lock),
   * so every event up to the snapshot's revision was recorded by then too. Not yet checked: its
   * contents, read by `state` or `view`, are checked with this header.
   */
  async latest(streamId: string, asOf?: Date): Promise<CaseStateSnapshotHeader | undefined> {
    const { rows } = await this.pool.query<{ revision: number; recorded_at: Date }>(
      `SELECT revision, recorded_at FROM case_state_snapshot
       WHERE stream_id = $1 AND fold_version = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY revision DESC LIMIT 1`,
      [streamId, this.foldVersion, asOf ?? null],
    );
    const row = rows[0];
    return row && { revision: row.revision, recordedAt: row.recorded_at };
  }

  /** The encoded state, to fold later events onto; undefined (reported) when it fails its check or is gone. */
  async state(streamId: string, header: CaseStateSnapshotHeader): Promise<unknown> {
    const row = await this.row<{ state: string; mac: string }>('state, mac', streamId, header);
    if (!row) return undefined;
    if (!this.verified(this.mac(streamId, header.revision, header.recordedAt, row.state), row.mac, streamId, header)) return undefined;
    return JSON.parse(row.state) as unknown;
  }

  /**
   * The state's JSON view as stored, never decoded or parsed; undefined (reported) when it fails its
   * check or is gone. Read by COPY, which hands over the stored bytes as they arrive (binary-copy.ts).
   */
  async view(streamId: string, header: CaseStateSnapshotHeader): Promise<StoredStateView | undefined> {
    const client = await this.viewConnection();
    let rows: BinaryCopyField[][];
    try {
      rows = await copyRowsOut(
        client,
        'SELECT ssp_level, view_mac, view FROM case_state_snapshot WHERE stream_id = $1 AND fold_version = $2 AND revision = $3',
        [streamId, this.foldVersion, header.revision],
      );
    } catch (error) {
      // The connection may be left inside the COPY: it goes, not back to the pool.
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    client.release();
    const [row] = rows;
    if (!row) return undefined;
    const [level, mac, view] = row;
    const sspLevel = fieldInt4(level);
    if (view === null || !this.verified(this.viewMac(streamId, header.revision, header.recordedAt, sspLevel, view), fieldText(mac) ?? '', streamId, header)) {
      return undefined;
    }
    return { json: view, sspLevel };
  }

  /** Closes the connections `view` opened for itself, if any; `view` opens none after it. */
  async close(): Promise<void> {
    this.closed = true;
    const copyPool = this.copyPool;
    this.copyPool = undefined;
    await copyPool?.end();
  }

  /**
   * A connection that can COPY. pg refuses COPY on a pipelined connection (the API's pool pipelines
   * for the projections' writes), so with such a pool the view reads get one of their own, of at
   * most two connections, each closed after 10 s unused: an auditor's reads come in bursts.
   */
  private viewConnection(): Promise<PoolClient> {
    if (!this.pool.options.pipeline) return this.pool.connect();
    if (this.closed) return Promise.reject(new Error('case state snapshots are closed'));
    // The pool keeps an explicit password out of its enumerable options: carried over by name.
    this.copyPool ??= surviveConnectionLoss(
      new Pool({
        ...this.pool.options,
        password: this.pool.options.password,
        pipeline: false,
        max: 2,
        idleTimeoutMillis: 10_000,
        application_name: 'samvirke-snapshot-views',
      }),
    );
    return this.copyPool.connect();
  }

  /** `appliesFrom`: no earlier than the recording of the event at `revision`. */
  async save(streamId: string, revision: number, appliesFrom: Date, contents: CaseStateSnapshotContents): Promise<void> {
    const text = JSON.stringify(contents.state);
    await this.pool.query(
      `INSERT INTO case_state_snapshot (stream_id, fold_version, revision, recorded_at, state, mac, view, ssp_level, view_mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING`,
      [
        streamId,
        this.foldVersion,
        revision,
        appliesFrom,
        text,
        this.mac(streamId, revision, appliesFrom, text),
        contents.viewJson,
        contents.sspLevel,
        this.viewMac(streamId, revision, appliesFrom, contents.sspLevel, contents.viewJson),
      ],
    );
  }

  /**
   * The header's row. Its codes are checked against the header's recording time, the one the reader
   * chose the snapshot by: contents that verify belong to the state after `revision` as of then.
   */
  private async row<Row extends object>(columns: string, streamId: string, header: CaseStateSnapshotHeader): Promise<Row | undefined> {
    const { rows } = await this.pool.query<Row>({
      text: `SELECT ${columns} FROM case_state_snapshot WHERE stream_id = $1 AND fold_version = $2 AND revision = $3`,
      values: [streamId, this.foldVersion, header.revision],
      types: JSON_AS_TEXT,
    });
    return rows[0];
  }

  private verified(expectedHex: string, storedHex: string, streamId: string, header: CaseStateSnapshotHeader): boolean {
    const expected = Buffer.from(expectedHex, 'hex');
    const stored = Buffer.from(storedHex, 'hex');
    if (stored.length === expected.length && timingSafeEqual(stored, expected)) return true;
    this.onRejected(streamId, header.revision);
    return false;
  }

  private mac(streamId: string, revision: number, recordedAt: Date, stateText: string): string {
    return createHmac('sha256', this.macKey)
      .update([streamId, this.foldVersion, String(revision), recordedAt.toISOString(), ''].join('\u001f'))
      .update(stateText)
      .digest('hex');
  }

  /** Over the view's text as written, or the same text's UTF-8 bytes as read back (in pieces). */
  private viewMac(streamId: string, revision: number, recordedAt: Date, sspLevel: number | null, view: string | readonly Buffer[]): string {
    const hmac = createHmac('sha256', this.viewMacKey).update(
      [streamId, this.foldVersion, String(revision), recordedAt.toISOString(), sspLevel === null ? 'null' : String(sspLevel), ''].join('\u001f'),
    );
    for (const piece of typeof view === 'string' ? [view] : view) hmac.update(piece);
    return hmac.digest('hex');
  }
}
