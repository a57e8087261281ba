import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { encodePosition } from '../position';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { migrateDatabase } from '@samvirke/migrations';

describeEventStoreContract('PostgreSQL', async () => {
  const store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 12 });
  await migrateDatabase(testDatabaseUrl());
  return { store, streamPrefix: `contract${randomUUID().slice(0, 8)}`, dispose: () => store.close() };
});

/** A store on the migrated test database and a plain pg client beside it, both closed after `test`. */
async function withStoreAndClient(test: (store: PostgresEventStore, client: Client) => Promise<void>): Promise<void> {
  const store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 2 });
  await migrateDatabase(testDatabaseUrl());
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await test(store, client);
  } finally {
    await client.end();
    await store.close();
  }
}

describe('es_append (PostgreSQL)', () => {
  it('refuses to run in a transaction that already holds a transaction id (per-stream order in the log)', async () => {
    const args = [`guard-${randomUUID()}`, -1, [randomUUID()], ['Tested'], [1], ['{}'], ['{}']];
    await withStoreAndClient(async (_store, client) => {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()'); // what any earlier write in the transaction does
      await expect(client.query('SELECT * FROM es_append($1, $2, $3, $4, $5, $6, $7)', args)).rejects.toThrow(
        'es_append must be the first write of its transaction',
      );
      await client.query('ROLLBACK');
      // As the first write of its own transaction it appends.
      const { rows } = await client.query('SELECT status FROM es_append($1, $2, $3, $4, $5, $6, $7)', args);
      expect(rows).toEqual([{ status: 'appended' }]);
    });
  });
});

describe('reading events (PostgreSQL)', () => {
  it('hands over every field as the row holds it, by stream and from the log (the recording instant to the millisecond, as pg parses it)', async () => {
    const streamId = `fields-${randomUUID()}`;
    await withStoreAndClient(async (store, client) => {
      const start = await store.headPosition();
      // Forty appends: clock_timestamp() gives each its own microseconds, so rounding instead of dropping them shows.
      for (let i = 0; i < 40; i++) {
        const data = { i, text: 'Æblegrød på Nørrebro 😀 "quoted" \\ back', big: 2 ** 53 - 1 - i, nested: { list: [1, 2.5, null, true, { deep: [] }] } };
        await store.appendToStream(
          streamId,
          [
            {
              id: randomUUID(),
              type: i % 2 ? 'Noted' : 'Opened',
              schemaVersion: 1 + (i % 3),
              data,
              metadata: { actor: `user-${i}`, agency: 'SOF', correlationId: randomUUID() },
            },
          ],
          i === 0 ? 'no-stream' : i - 1,
        );
      }
      const { rows } = await client.query(
        `SELECT event_id, stream_id, stream_revision, event_type, schema_version, data, metadata, recorded_at, transaction_id::text AS tx, global_position
           FROM es_events WHERE stream_id = $1 ORDER BY stream_revision`,
        [streamId],
      );
      const expected = rows.map((row) => ({
        id: row.event_id,
        type: row.event_type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        streamId: row.stream_id,
        streamRevision: Number(row.stream_revision),
        globalPosition: encodePosition(BigInt(row.tx), BigInt(row.global_position)),
        recordedAt: row.recorded_at,
      }));
      expect(expected).toHaveLength(40);
      expect(new Set(expected.map((e) => e.recordedAt.getTime() % 1000)).size).toBeGreaterThan(1);
      expect(await store.readStream(streamId)).toEqual(expected);
      expect(await store.readStream(streamId, { direction: 'backward' })).toEqual([...expected].reverse());
      const fromLog: unknown[] = [];
      for (let after = start; ;) {
        const page = await store.readAll({ after, maxCount: 7, streamPrefixes: [streamId] });
        fromLog.push(...page.events);
        if (page.events.length < 7) break;
        after = page.nextAfter;
      }
      expect(fromLog).toEqual(expected);
    });
  });
});
