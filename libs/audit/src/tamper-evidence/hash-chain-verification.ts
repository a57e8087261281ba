import type { Pool } from 'pg';
import { HASHED_FIELDS_SQL } from '@samvirke/event-store/postgres/schema';

export type ChainProblem = 'hash-mismatch' | 'revision-gap' | 'head-mismatch';

export interface BrokenLink {
  streamId: string;
  /** The event's revision; for a head mismatch, the last event still there (null if none is). */
  revision: number | null;
  eventId: string | null;
  /** The event's type as stored (for a head mismatch, the last event's; null if none is): what kind of fact was altered, never its content. */
  eventType: string | null;
  /** es_events.global_position, as a decimal string. */
  globalPosition: string | null;
  problem: ChainProblem;
}

export interface VerificationResult {
  ok: boolean;
  eventsChecked: number;
  firstBroken?: BrokenLink;
}

export class VerificationUnavailableError extends Error {
  constructor() {
    super('tamper verification reads the PostgreSQL event store (es_events), which this database does not have');
  }
}

interface VerificationRow {
  events_checked: string;
  streams: number;
  last_stream: string | null;
  stream_id: string | null;
  stream_revision: string | null;
  event_id: string | null;
  event_type: string | null;
  global_position: string | null;
  problem: ChainProblem | null;
}

/**
 * Recomputes the hash chain of the streams that `batchSql` selects (columns stream_id, revision,
 * last_hash, as in es_streams), entirely in SQL and from the stored columns only, the same bytes
 * es_append hashed (HASHED_FIELDS_SQL). Per event, in revision order:
 * - revision-gap: its revision is not its position in the stream counted from 0 (an event was
 *   deleted, or revisions were rewritten);
 * - hash-mismatch: sha256(previous event's stored hash || its stored bytes) is not its stored hash
 *   (any byte of id, stream, revision, type, schema version, recorded_at, metadata or data changed).
 *   Because the previous event's *stored* hash goes in, a change to one event breaks that event
 *   only, so the first broken link names exactly the altered row.
 * Per stream, head-mismatch: es_streams' revision and last_hash are not the last event's (the
 * newest events were deleted, or the head was moved).
 * Only the first problem (by stream id, then revision) and a count leave the database, so memory
 * stays flat whatever the streams' length.
 */
function verificationSql(batchSql: string): string {
  return `
WITH batch AS (${batchSql}),
checked AS (
  SELECT e.stream_id, e.stream_revision, e.event_id, e.event_type, e.global_position, e.hash,
    CASE
      WHEN e.stream_revision <> row_number() OVER w - 1 THEN 'revision-gap'
      WHEN e.hash IS DISTINCT FROM sha256(coalesce(lag(e.hash) OVER w, ''::bytea) || ${HASHED_FIELDS_SQL('e.')}) THEN 'hash-mismatch'
    END AS problem,
    lead(e.stream_revision) OVER w IS NULL AS is_last
  FROM es_events e JOIN batch b ON b.stream_id = e.stream_id
  WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_revision)
),
problems AS (
  SELECT stream_id, stream_revision, event_id, event_type, global_position, problem, 0 AS rank FROM checked WHERE problem IS NOT NULL
  UNION ALL
  SELECT b.stream_id, c.stream_revision, c.event_id, c.event_type, c.global_position, 'head-mismatch', 1
  FROM batch b LEFT JOIN checked c ON c.stream_id = b.stream_id AND c.is_last
  WHERE CASE WHEN c.stream_id IS NULL THEN coalesce(b.revision, -1) <> -1 OR b.last_hash IS NOT NULL
             ELSE b.revision IS DISTINCT FROM c.stream_revision OR b.last_hash IS DISTINCT FROM c.hash END
)
SELECT (SELECT count(*) FROM checked) AS events_checked,
       (SELECT count(*)::int FROM batch) AS streams,
       (SELECT max(stream_id) FROM batch) AS last_stream,
       first.stream_id, first.stream_revision, first.event_id, first.event_type, first.global_position, first.problem
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
  SELECT * FROM problems ORDER BY stream_id, coalesce(stream_revision, -1), rank LIMIT 1
) AS first ON true`;
}

function brokenLink(row: VerificationRow): BrokenLink | undefined {
  if (row.problem === null || row.stream_id === null) return undefined;
  return {
    streamId: row.stream_id,
    revision: row.stream_revision === null ? null : Number(row.stream_revision),
    eventId: row.event_id,
    eventType: row.event_type,
    globalPosition: row.global_position === null ? null : String(row.global_position),
    problem: row.problem,
  };
}

async function requireEventStoreTables(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ present: boolean }>(`SELECT to_regclass('es_events') IS NOT NULL AND to_regclass('es_streams') IS NOT NULL AS present`);
  if (!rows[0].present) throw new VerificationUnavailableError();
}

/** One stream. A stream with neither a head row nor events verifies as ok with 0 events checked. */
export async function verifyStream(pool: Pool, streamId: string): Promise<VerificationResult> {
  await requireEventStoreTables(pool);
  // The head row may be missing while events exist (deleted head): a LEFT JOIN keeps the stream in.
  const batch = `SELECT $1::text AS stream_id, s.revision, s.last_hash FROM (SELECT 1) AS one LEFT JOIN es_streams s ON s.stream_id = $1`;
  const { rows } = await pool.query<VerificationRow>(verificationSql(batch), [streamId]);
  const firstBroken = brokenLink(rows[0]);
  return { ok: firstBroken === undefined, eventsChecked: Number(rows[0].events_checked), ...(firstBroken ? { firstBroken } : {}) };
}

/**
 * The whole store, `batchSize` streams per query in stream id order (keyset paging, so each query
 * is an index range), stopping at the first broken stream. Events whose stream has no head row at
 * all are found by a last query, as a head mismatch of their stream.
 */
export async function verifyAll(pool: Pool, options: { batchSize?: number } = {}): Promise<VerificationResult> {
  await requireEventStoreTables(pool);
  const batchSize = options.batchSize ?? 500;
  let eventsChecked = 0;
  let after: string | null = null;
  for (;;) {
    const batch = `SELECT stream_id, revision, last_hash FROM es_streams WHERE $1::text IS NULL OR stream_id > $1 ORDER BY stream_id LIMIT ${Math.max(1, Math.floor(batchSize))}`;
    const result = await pool.query<VerificationRow>(verificationSql(batch), [after]);
    const row: VerificationRow = result.rows[0];
    eventsChecked += Number(row.events_checked);
    const firstBroken = brokenLink(row);
    if (firstBroken) return { ok: false, eventsChecked, firstBroken };
    if (row.streams < batchSize || row.last_stream === null) break;
    after = row.last_stream;
  }
  const orphan = await pool.query<{ stream_id: string }>(
    `SELECT e.stream_id FROM es_events e WHERE NOT EXISTS (SELECT 1 FROM es_streams s WHERE s.stream_id = e.stream_id) LIMIT 1`,
  );
  if (orphan.rows.length > 0) {
    const headless = await verifyStream(pool, orphan.rows[0].stream_id);
    return { ok: false, eventsChecked: eventsChecked + headless.eventsChecked, firstBroken: headless.firstBroken };
  }
  return { ok: true, eventsChecked };
}
