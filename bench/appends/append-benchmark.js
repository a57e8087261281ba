'use strict';
const { randomInt, randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');
const { appendPayload } = require('./append-payload');
const { runClosedLoop } = require('./closed-loop');

/**
 * Streams are split between the writers (stream i belongs to writer i mod writers), so every
 * expected-revision check is right and no time goes to conflicts: the figure is the cost of the
 * check, not of losing races. Each writer picks one of its streams at random for every append.
 */
function streamPicker(writers, streams) {
  const perWriter = Math.max(1, Math.floor(streams / writers));
  return (writer) => writer + writers * randomInt(perWriter);
}

/** The ceiling: one plain INSERT per event through `pg`, no stream table, no check, no hash. */
async function plainInsertRun(url, profile) {
  const pool = new Pool({ connectionString: url, max: profile.appendWriters });
  await pool.query(`CREATE TABLE bench_plain_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
    event_type text NOT NULL, data json NOT NULL, metadata json NOT NULL)`);
  const pick = streamPicker(profile.appendWriters, profile.appendStreams);
  try {
    return await runClosedLoop({
      writers: profile.appendWriters,
      warmupSeconds: profile.appendWarmupSeconds,
      seconds: profile.appendSeconds,
      appendOne: async (writer) => {
        const event = appendPayload(writer);
        await pool.query({
          name: 'bench_plain_insert',
          text: 'INSERT INTO bench_plain_events (event_id, stream_id, event_type, data, metadata) VALUES ($1, $2, $3, $4, $5)',
          values: [randomUUID(), `plain-${pick(writer)}`, event.type, event.dataText, event.metadataText],
        });
      },
    });
  } finally {
    await pool.end();
  }
}

/**
 * One writer's append through the store: one event on one of its streams (`pick`), with the stream's
 * expected revision from `revisions` (kept there, so every check is right), as the appends phase makes it.
 */
function samvirkeAppendOne(store, pick, revisions) {
  return async (writer) => {
    const stream = `bench-append-${pick(writer)}`;
    const event = appendPayload(writer);
    const expected = revisions.has(stream) ? revisions.get(stream) : 'no-stream';
    const result = await store.appendToStream(
      stream,
      [{ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: event.metadata }],
      expected,
    );
    revisions.set(stream, result.nextRevision);
  };
}

/** Ours: PostgresEventStore.appendToStream, one es_append call per event, expected revision checked. */
async function samvirkeRun(url, profile) {
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const { migrateDatabase } = distModule('libs/migrations/src/index.js');
  await migrateDatabase(url);
  const store = new PostgresEventStore({ connectionString: url, maxConnections: profile.appendWriters, application: 'samvirke-bench' });
  const pick = streamPicker(profile.appendWriters, profile.appendStreams);
  const revisions = new Map();
  try {
    return await runClosedLoop({
      writers: profile.appendWriters,
      warmupSeconds: profile.appendWarmupSeconds,
      seconds: profile.appendSeconds,
      appendOne: samvirkeAppendOne(store, pick, revisions),
    });
  } finally {
    await store.close();
  }
}

/** The peer: Emmett's PostgreSQL event store, the same appends with its expected stream version. */
async function emmettRun(url, profile) {
  const { getPostgreSQLEventStore } = require('@event-driven-io/emmett-postgresql');
  const { STREAM_DOES_NOT_EXIST } = require('@event-driven-io/emmett');
  const pool = new Pool({ connectionString: url, max: profile.appendWriters });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool } });
  const pick = streamPicker(profile.appendWriters, profile.appendStreams);
  const versions = new Map();
  // Its schema is created on first use; do that before the clock starts.
  await store.appendToStream('bench-emmett-schema', [{ type: 'SchemaCreated', data: {} }]);
  try {
    return await runClosedLoop({
      writers: profile.appendWriters,
      warmupSeconds: profile.appendWarmupSeconds,
      seconds: profile.appendSeconds,
      appendOne: async (writer) => {
        const stream = `bench-emmett-${pick(writer)}`;
        const event = appendPayload(writer);
        const expected = versions.has(stream) ? versions.get(stream) : STREAM_DOES_NOT_EXIST;
        const result = await store.appendToStream(stream, [{ type: event.type, data: event.data, metadata: event.metadata }], {
          expectedStreamVersion: expected,
        });
        versions.set(stream, result.nextExpectedStreamVersion);
      },
    });
  } finally {
    await store.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

async function checkpoint(url) {
  const pool = new Pool({ connectionString: url, max: 1 });
  await pool.query('CHECKPOINT').catch(() => undefined);
  await pool.end();
}

async function measureAppends(url, profile, log) {
  log(`appends: plain INSERT ceiling, ${profile.appendWriters} writers, ${profile.appendSeconds} s`);
  const ceiling = await plainInsertRun(url, profile);
  await checkpoint(url);
  log(`appends: Samvirke PostgresEventStore`);
  const samvirke = await samvirkeRun(url, profile);
  await checkpoint(url);
  log(`appends: Emmett PostgreSQL event store (peer)`);
  let peer;
  try {
    peer = await emmettRun(url, profile);
  } catch (error) {
    log(`appends: Emmett run failed (${error.message})`);
    peer = { error: error.message };
  }
  await checkpoint(url);
  return { ceiling, samvirke, peer };
}

module.exports = { measureAppends, samvirkeAppendOne, streamPicker };
