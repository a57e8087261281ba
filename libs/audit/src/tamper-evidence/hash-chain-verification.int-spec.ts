import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { runVerify } from '../../../../apps/cli/src/commands/verify.command';
import { verifyAll, verifyStream } from './hash-chain-verification';
import { migrateDatabase } from '@samvirke/migrations';

/**
 * "Changing one byte of a stored event in the database makes verification fail at that event."
 * es_events has no update protection, so the tests tamper with plain SQL, as an attacker with
 * database access would.
 */
describe('hash chain verification (PostgreSQL)', () => {
  let store: PostgresEventStore;
  let pool: Pool;

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 4 });
    await migrateDatabase(testDatabaseUrl());
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
  });

  async function streamOf(count: number, target: PostgresEventStore = store): Promise<string> {
    const streamId = `verify-${randomUUID()}`;
    for (let i = 0; i < count; i += 1) {
      await target.appendToStream(
        streamId,
        [
          {
            id: randomUUID(),
            type: 'NoteTaken',
            schemaVersion: 1,
            data: { n: i, text: `note number ${i}` },
            metadata: { actor: 'tester', correlationId: randomUUID() },
          },
        ],
        'any',
      );
    }
    return streamId;
  }

  async function eventAt(streamId: string, revision: number, db: Pool = pool) {
    const { rows } = await db.query<{ event_id: string; event_type: string; global_position: string }>(
      'SELECT event_id, event_type, global_position FROM es_events WHERE stream_id = $1 AND stream_revision = $2',
      [streamId, revision],
    );
    return { eventId: rows[0].event_id, eventType: rows[0].event_type, globalPosition: String(rows[0].global_position) };
  }

  it('an untouched stream verifies, counting every event', async () => {
    const streamId = await streamOf(5);
    expect(await verifyStream(pool, streamId)).toEqual({ ok: true, eventsChecked: 5 });
  });

  it('a one-character change to the data of an event in the middle fails at exactly that event', async () => {
    const streamId = await streamOf(5);
    const target = await eventAt(streamId, 2);
    await pool.query(`UPDATE es_events SET data = replace(data::text, 'note number 2', 'note number 3')::json WHERE stream_id = $1 AND stream_revision = 2`, [
      streamId,
    ]);
    expect(await verifyStream(pool, streamId)).toEqual({
      ok: false,
      eventsChecked: 5,
      firstBroken: { streamId, revision: 2, ...target, problem: 'hash-mismatch' },
    });
  });

  it('a change to the metadata fails at that event', async () => {
    const streamId = await streamOf(4);
    const target = await eventAt(streamId, 1);
    await pool.query(`UPDATE es_events SET metadata = replace(metadata::text, 'tester', 'Tester')::json WHERE stream_id = $1 AND stream_revision = 1`, [
      streamId,
    ]);
    expect((await verifyStream(pool, streamId)).firstBroken).toEqual({ streamId, revision: 1, ...target, problem: 'hash-mismatch' });
  });

  it('a change to recorded_at fails at that event', async () => {
    const streamId = await streamOf(4);
    const target = await eventAt(streamId, 2);
    await pool.query(`UPDATE es_events SET recorded_at = recorded_at - interval '1 second' WHERE stream_id = $1 AND stream_revision = 2`, [streamId]);
    expect((await verifyStream(pool, streamId)).firstBroken).toEqual({ streamId, revision: 2, ...target, problem: 'hash-mismatch' });
  });

  it('a deleted event in the middle is a revision gap at the event after it', async () => {
    const streamId = await streamOf(5);
    const next = await eventAt(streamId, 3);
    await pool.query('DELETE FROM es_events WHERE stream_id = $1 AND stream_revision = 2', [streamId]);
    expect(await verifyStream(pool, streamId)).toEqual({
      ok: false,
      eventsChecked: 4,
      firstBroken: { streamId, revision: 3, ...next, problem: 'revision-gap' },
    });
  });

  it('a deleted last event is a head mismatch at the last event left', async () => {
    const streamId = await streamOf(3);
    const last = await eventAt(streamId, 1);
    await pool.query('DELETE FROM es_events WHERE stream_id = $1 AND stream_revision = 2', [streamId]);
    expect((await verifyStream(pool, streamId)).firstBroken).toEqual({ streamId, revision: 1, ...last, problem: 'head-mismatch' });
  });

  it('a recomputed hash without the matching head is still caught at the head', async () => {
    const streamId = await streamOf(3);
    // An attacker who rewrites the last event and its hash consistently, but not es_streams.last_hash.
    await pool.query(`UPDATE es_events e SET data = '{"n":2,"text":"rewritten"}'::json WHERE stream_id = $1 AND stream_revision = 2`, [streamId]);
    await pool.query(
      `UPDATE es_events e SET hash = sha256(p.hash || convert_to(concat_ws(chr(31), e.event_id::text, e.stream_id, e.stream_revision::text, e.event_type,
         e.schema_version::text, es_epoch_micros(e.recorded_at)::text, e.metadata::text, e.data::text), 'UTF8'))
       FROM es_events p WHERE e.stream_id = $1 AND e.stream_revision = 2 AND p.stream_id = $1 AND p.stream_revision = 1`,
      [streamId],
    );
    const last = await eventAt(streamId, 2);
    expect((await verifyStream(pool, streamId)).firstBroken).toEqual({ streamId, revision: 2, ...last, problem: 'head-mismatch' });
  });

  it('an unknown stream verifies as empty', async () => {
    expect(await verifyStream(pool, `verify-${randomUUID()}`)).toEqual({ ok: true, eventsChecked: 0 });
  });

  describe("the whole store (a database of its own, so other tests' tampering cannot interfere)", () => {
    const serverUrl = process.env.TEST_SERVER_DATABASE_URL ?? testDatabaseUrl();
    const database = `samvirke_verify_${randomBytes(4).toString('hex')}`;
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    let ownStore: PostgresEventStore;
    let ownPool: Pool;

    async function admin(sql: string) {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await admin(`CREATE DATABASE ${database}`);
      ownStore = new PostgresEventStore({ connectionString: url.toString(), maxConnections: 2 });
      await migrateDatabase(url.toString());
      ownPool = new Pool({ connectionString: url.toString(), max: 2 });
      // DROP DATABASE ... WITH (FORCE) in afterAll can terminate a backend whose client the pool is
      // still closing; the pool then emits the 57P01 as an 'error', unhandled without a listener
      // (seen once in CI, reported against the first test of this block).
      ownPool.on('error', () => undefined);
    });
    afterAll(async () => {
      await ownStore?.close();
      await ownPool?.end();
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    });

    it('pages through every stream and reports the first broken link', async () => {
      const streams: string[] = [];
      for (let i = 0; i < 7; i += 1) streams.push(await streamOf(3, ownStore));
      expect(await verifyAll(ownPool, { batchSize: 2 })).toEqual({ ok: true, eventsChecked: 21 });

      const tampered = [...streams].sort()[5];
      const target = await eventAt(tampered, 1, ownPool);
      await ownPool.query(`UPDATE es_events SET data = replace(data::text, 'note', 'nöte')::json WHERE stream_id = $1 AND stream_revision = 1`, [tampered]);
      const result = await verifyAll(ownPool, { batchSize: 2 });
      expect(result).toMatchObject({ ok: false, firstBroken: { streamId: tampered, revision: 1, ...target, problem: 'hash-mismatch' } });
    });

    it('the CLI prints OK or the first broken link, with exit 0, 1 or 64', async () => {
      const caseId = randomUUID();
      const streamId = `case-${caseId}`;
      for (let i = 0; i < 3; i += 1) {
        await ownStore.appendToStream(
          streamId,
          [{ id: randomUUID(), type: 'NoteTaken', schemaVersion: 1, data: { i }, metadata: { actor: 'tester', correlationId: randomUUID() } }],
          'any',
        );
      }
      const lines: string[] = [];
      const output = { out: (line: string) => void lines.push(line), err: (line: string) => void lines.push(line) };
      expect(await runVerify(['--case', caseId], { connectionString: url.toString(), output })).toBe(0);
      expect(lines.pop()).toBe(`OK: 3 events verified in case ${caseId}`);
      const target = await eventAt(streamId, 1, ownPool);
      await ownPool.query(`UPDATE es_events SET data = '{"i":7}'::json WHERE stream_id = $1 AND stream_revision = 1`, [streamId]);
      expect(await runVerify(['--case', caseId], { connectionString: url.toString(), output })).toBe(1);
      expect(lines.pop()).toContain(`BROKEN: hash-mismatch in stream ${streamId} at revision 1 (event ${target.eventId}`);
      expect(await runVerify([], { connectionString: url.toString(), output })).toBe(1);
      expect(await runVerify(['--case', 'not-a-uuid'], { connectionString: url.toString(), output })).toBe(64);
    });

    it('finds events whose stream head row was deleted', async () => {
      const streamId = await streamOf(2, ownStore);
      await ownPool.query('DELETE FROM es_streams WHERE stream_id = $1', [streamId]);
      const result = await verifyStream(ownPool, streamId);
      expect(result.firstBroken).toMatchObject({ streamId, revision: 1, problem: 'head-mismatch' });
      // verifyAll reaches it too (after the stream already broken in the test above, if that sorts first).
      expect((await verifyAll(ownPool, { batchSize: 100 })).ok).toBe(false);
    });
  });
});
