'use strict';
/**
 * `node bench/appends/stream-row.js <server url> [--rounds N] [--seconds S]`: what the stream row
 * (`es_streams`: the stream's revision and hash-chain head, locked and updated by every append)
 * costs. Two databases on the same server, side by side and alternating: one with `es_append` as
 * shipped, one where `es_append_in_order` takes the revision and chain head from the stream's last
 * event instead (the stream + revision primary key) and keeps no stream row. Same writers, payloads
 * and stream split as the appends phase (32 writers, single-event appends, every expected revision
 * right). Prints appends/s per round; writes nothing to bench/results; drops its databases.
 *
 * The variant is an experiment only: the stream row is also the tamper evidence's anchor for a
 * stream's head (a rewritten or removed last event is caught against `es_streams.last_hash`), and
 * the retention job lists case streams from it.
 */
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');
const { runClosedLoop } = require('./closed-loop');
const { samvirkeAppendOne, streamPicker } = require('./append-benchmark');

const WRITERS = 32;
const STREAMS = 20_000;

const WITHOUT_STREAM_ROW = `
CREATE OR REPLACE FUNCTION es_append_in_order(
  p_stream text, p_expected bigint, p_ids uuid[], p_types text[], p_versions integer[],
  p_data text[], p_metadata text[]
) RETURNS TABLE (status text, revision bigint, tx xid8, pos bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  current_revision bigint;
  chain_head bytea;
  event_count integer := cardinality(p_ids);
  recorded timestamptz;
  event_hash bytea;
  new_position bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT e.stream_revision, e.hash INTO current_revision, chain_head
    FROM es_events e WHERE e.stream_id = p_stream ORDER BY e.stream_revision DESC LIMIT 1;
  IF NOT FOUND THEN current_revision := -1; END IF;
  IF p_expected = -2 OR (p_expected = -1 AND current_revision <> -1) OR (p_expected >= 0 AND current_revision <> p_expected) THEN
    RETURN QUERY SELECT 'wrong_expected_revision'::text, current_revision, NULL::xid8, NULL::bigint;
    RETURN;
  END IF;
  recorded := clock_timestamp();
  FOR i IN 1 .. event_count LOOP
    current_revision := current_revision + 1;
    event_hash := sha256(coalesce(chain_head, ''::bytea) || convert_to(concat_ws(chr(31),
      p_ids[i]::text, p_stream, current_revision::text, p_types[i], p_versions[i]::text,
      es_epoch_micros(recorded)::text, p_metadata[i], p_data[i]), 'UTF8'));
    INSERT INTO es_events (event_id, stream_id, stream_revision, event_type, schema_version, data, metadata, recorded_at, hash)
      VALUES (p_ids[i], p_stream, current_revision, p_types[i], p_versions[i], p_data[i]::json, p_metadata[i]::json, recorded, event_hash)
      RETURNING global_position INTO new_position;
    chain_head := event_hash;
  END LOOP;
  RETURN QUERY SELECT 'appended'::text, current_revision, pg_current_xact_id(), new_position;
END
$fn$;`;

/** Each database's stream revisions, kept across its rounds so that every expected revision is right. */
const revisionsOf = new Map();

async function run(url, seconds) {
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const store = new PostgresEventStore({ connectionString: url, maxConnections: WRITERS, application: 'samvirke-bench-stream-row' });
  if (!revisionsOf.has(url)) revisionsOf.set(url, new Map());
  const revisions = revisionsOf.get(url);
  try {
    return await runClosedLoop({
      writers: WRITERS,
      warmupSeconds: 1,
      seconds,
      appendOne: samvirkeAppendOne(store, streamPicker(WRITERS, STREAMS), revisions),
    });
  } finally {
    await store.close();
  }
}

async function main() {
  const [serverUrl, ...rest] = process.argv.slice(2);
  if (!serverUrl) throw new Error('usage: node bench/appends/stream-row.js <server url> [--rounds N] [--seconds S]');
  const option = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
  const rounds = option('--rounds', 3);
  const seconds = option('--seconds', 8);
  const { migrateDatabase } = distModule('libs/migrations/src/index.js');
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  const suffix = `${process.pid}`;
  const urls = {};
  const databases = [];
  const dbUrl = (name) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const cleanUp = async () => {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  };
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => cleanUp().finally(() => process.exit(143)));
  try {
    for (const variant of ['shipped', 'without']) {
      const name = `samvirke_bench_stream_row_${variant}_${suffix}`;
      await admin.query(`CREATE DATABASE ${name}`);
      databases.push(name);
      urls[variant] = dbUrl(name);
      await migrateDatabase(urls[variant]);
    }
    const variantPool = new Pool({ connectionString: urls.without, max: 1 });
    await variantPool.query(WITHOUT_STREAM_ROW);
    await variantPool.end();
    const print = (text) => process.stdout.write(`${text}\n`);
    print(`${WRITERS} writers, ${STREAMS} streams, ${seconds} s per run, ${rounds} rounds`);
    const totals = { shipped: [], without: [] };
    for (let round = 0; round < rounds; round++) {
      for (const variant of round % 2 === 0 ? ['shipped', 'without'] : ['without', 'shipped']) {
        const result = await run(urls[variant], seconds);
        totals[variant].push(result.eventsPerSecond);
        print(
          `round ${round + 1} ${variant === 'shipped' ? 'with the stream row   ' : 'without the stream row'}: ${Math.round(result.eventsPerSecond).toLocaleString('en-US')} appends/s, p99 ${result.latency.p99.toFixed(1)} ms, ${result.failures} failures`,
        );
      }
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    print(
      `median: with ${Math.round(median(totals.shipped))}/s, without ${Math.round(median(totals.without))}/s (${(median(totals.without) / median(totals.shipped)).toFixed(2)}x)`,
    );
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
