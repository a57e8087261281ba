import type { Pool, PoolClient, QueryResult } from 'pg';
import { HASHED_FIELDS_SQL } from '@samvirke/event-store/postgres';
import type { PersonalDataVault } from '../vault/personal-data-vault';
import { upcastCaseOpened } from './upcast-case-opened';

export interface ResealResult {
  /** CaseOpened events rewritten (hash removed, birth date and district sealed or, when erased, dropped). */
  rewritten: number;
  /** Of those, the ones whose citizen was erased: their plain values were dropped, not sealed. */
  erased: number;
  /** Events whose hash was recomputed (every event from the rewritten one to the stream's end). */
  rechained: number;
}

/**
 * Rewrites the PostgreSQL event store's old `CaseOpened` events through `upcastCaseOpened` and
 * re-chains the hashes of their streams (issue 21). Only for a store with no production data: it
 * changes the immutable log, which is what the hash chain exists to show, so the chain it leaves is
 * a new one (the audit trail of the old one is gone). Run with the API and the worker stopped; one
 * transaction, so it is all or nothing. The read models need no rebuild: projections get the same
 * birth date and district, opened from the sealed values (opening-event-store.ts).
 */
export async function resealCaseOpenedEvents(pool: Pool, vault: PersonalDataVault): Promise<ResealResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Nobody appends while the log is rewritten.
    await client.query('LOCK TABLE es_streams, es_events IN EXCLUSIVE MODE');
    const { rows } = await client.query<{ event_id: string; stream_id: string; stream_revision: number; data: string }>(
      `SELECT event_id, stream_id, stream_revision, data::text AS data FROM es_events
        WHERE event_type = 'CaseOpened' AND (data::jsonb ?| array['cprHash', 'birthDate', 'districtCode'])
        ORDER BY global_position`,
    );
    const result: ResealResult = { rewritten: 0, erased: 0, rechained: 0 };
    for (const row of rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const citizenId = String(data.citizenId);
      const referredBy = String(data.referredBy);
      const erased = await streamErased(client, row.stream_id, referredBy);
      const upcast = await upcastCaseOpened(data, { erased, seal: (text) => vault.seal({ citizenId, agency: referredBy }, text) });
      if (upcast === undefined) continue;
      await client.query('UPDATE es_events SET data = $2::json WHERE event_id = $1', [row.event_id, JSON.stringify(upcast)]);
      result.rewritten += 1;
      if (erased) result.erased += 1;
      result.rechained += await rechainFrom(client, row.stream_id, row.stream_revision);
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A citizen erasure, or an erasure of the referrer's contributions (whose key sealed the identity), in the stream. */
async function streamErased(client: PoolClient, streamId: string, referredBy: string): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT 1 FROM es_events WHERE stream_id = $1 AND event_type = 'CitizenDataErased' AND (data->>'scope') IN ('citizen', $2) LIMIT 1`,
    [streamId, referredBy],
  );
  return rows.length > 0;
}

/** Recomputes the hashes from `fromRevision` to the stream's end, as es_append computes them, and moves the stream head. */
async function rechainFrom(client: PoolClient, streamId: string, fromRevision: number): Promise<number> {
  const previous = await client.query<{ hash: Buffer }>('SELECT hash FROM es_events WHERE stream_id = $1 AND stream_revision = $2', [
    streamId,
    fromRevision - 1,
  ]);
  let head: Buffer | null = previous.rows[0]?.hash ?? null;
  const { rows } = await client.query<{ event_id: string }>(
    'SELECT event_id FROM es_events WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision',
    [streamId, fromRevision],
  );
  for (const { event_id } of rows) {
    const updated: QueryResult<{ hash: Buffer }> = await client.query<{ hash: Buffer }>(
      `UPDATE es_events e SET hash = sha256(coalesce($2::bytea, ''::bytea) || ${HASHED_FIELDS_SQL('e.')}) WHERE event_id = $1 RETURNING hash`,
      [event_id, head],
    );
    head = updated.rows[0].hash;
  }
  await client.query('UPDATE es_streams SET last_hash = $2 WHERE stream_id = $1', [streamId, head]);
  return rows.length;
}
