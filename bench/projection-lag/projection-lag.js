'use strict';
const { distModule } = require('../build/compiled-app');
const { Client } = require('pg');
const { LatencyRecorder } = require('../measure/latency-recorder');
const { runCommandMix } = require('../http/http-benchmark');

/**
 * Lag from append to visible, per read model. Every accepted write answers with its global
 * position; a separate connection reads the projection catalogue (`projection_state.checkpoint`,
 * committed in the same transaction as the read model's rows) every couple of milliseconds. A write
 * is visible in a read model at the first poll whose checkpoint is at or past its position, and its
 * lag is that poll's time minus the time its answer arrived. The poll interval (plus the bench's own
 * event loop, busy with autocannon) adds up to a few milliseconds; the answer's trip back takes
 * some off. Positions compare as strings (see libs/event-store/src/position.ts).
 */
async function measureProjectionLag(databaseUrl, baseUrl, mix, { rate, seconds, projectionNames }) {
  const client = new Client({ connectionString: databaseUrl, application_name: 'samvirke-bench-lag' });
  await client.connect();
  const pending = new Map(projectionNames.map((name) => [name, []]));
  const lags = new Map(projectionNames.map((name) => [name, new LatencyRecorder()]));
  // From the request's sending, so that a faster answer does not read as a slower projection.
  const fromSend = new Map(projectionNames.map((name) => [name, new LatencyRecorder()]));
  let writes = 0;
  mix.onWrite = (position, at, sentAt) => {
    writes++;
    for (const list of pending.values()) list.push({ position, at, sentAt });
  };
  let polling = true;
  let polls = 0;
  const poller = (async () => {
    while (polling) {
      const result = await client.query('SELECT name, checkpoint FROM projection_state WHERE name = ANY ($1::text[])', [projectionNames]);
      const now = performance.now();
      polls++;
      for (const row of result.rows) {
        if (!row.checkpoint) continue;
        const list = pending.get(row.name);
        let kept = 0;
        for (const write of list) {
          if (write.position <= row.checkpoint) {
            lags.get(row.name).record(Math.max(0, now - write.at));
            if (write.sentAt !== undefined) fromSend.get(row.name).record(Math.max(0, now - write.sentAt));
          } else list[kept++] = write;
        }
        list.length = kept;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  const load = await runCommandMix(baseUrl, mix, { connections: 32, seconds, overallRate: rate });
  mix.onWrite = undefined;
  const drainUntil = Date.now() + 10_000;
  while ([...pending.values()].some((list) => list.length > 0) && Date.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  polling = false;
  await poller;
  await client.end();
  const perProjection = {};
  for (const name of projectionNames) {
    perProjection[name] = { ...lags.get(name).summary(), notVisibleAfter10s: pending.get(name).length, fromSend: fromSend.get(name).summary() };
  }
  return { rate, achievedRate: load.requestsPerSecond, errors: load.errors, writes, polls, perProjection };
}

/** The read models fed by case streams: the ones a case command moves, so the ones whose lag is measured. */
function caseProjectionNames() {
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  return READ_MODEL_PROJECTIONS.filter((p) => p.streamPrefixes.some((prefix) => 'case-00000000-0000-0000-0000-000000000000'.startsWith(prefix))).map(
    (p) => p.name,
  );
}

module.exports = { measureProjectionLag, caseProjectionNames };
