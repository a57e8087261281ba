import type { Pool } from 'pg';
import { decodePosition, type GlobalPosition } from '@samvirke/event-store';

/**
 * Counts the events of some streams after a position: the total of a rebuild's progress bar and the
 * lag on /health. Optional: the runner works without it (no total, no lag).
 */
export type CountEvents = (options: { streamPrefixes: string[]; eventTypes?: readonly string[]; after?: GlobalPosition }) => Promise<number>;

/**
 * A counter for the PostgreSQL event store, reading its es_events table directly (the port has no
 * count, and an estimate is all a progress bar needs). Capped, so a health check on a projection far
 * behind costs a bounded scan; the cap is reported as the count.
 */
export function postgresEventCounter(eventStorePool: Pool, cap = 10_000_000): CountEvents {
  return async ({ streamPrefixes, eventTypes, after }) => {
    const position = after ? decodePosition(after) : { major: 0n, minor: 0n };
    const patterns = streamPrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const result = await eventStorePool.query<{ count: string }>(
      `SELECT count(*) AS count FROM (
         SELECT 1 FROM es_events
          WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
            AND stream_id LIKE ANY ($3::text[])
            AND ($5::text[] IS NULL OR event_type = ANY ($5::text[]))
          LIMIT $4) AS capped`,
      [position.major.toString(), position.minor.toString(), patterns, cap, eventTypes ? [...eventTypes] : null],
    );
    return Number(result.rows[0].count);
  };
}
