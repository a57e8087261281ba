'use strict';
/**
 * Only the as-of row of the bench (figure 5): `node bench/reads/as-of.js [--full]` opens the bench
 * database, starts the built API, builds the 10,000-event case and measures
 * `GET /audit/cases/:id/state?asOf=` as the bench does (the first request leaves the snapshot the
 * others start from). Prints the result as JSON.
 *
 * `--baseline <checkout>`: the same against another commit's build (`<checkout>/dist`, e.g. a
 * `git archive` of main, built), side by side: one database each on the same server, one API each,
 * the same case built in each, then requests alternating between the two (A B, B A, ...), so a busy
 * machine slows both alike; each side's API CPU time per request is reported too (from /proc, so
 * Linux only), which contention distorts less than wall-clock time. `--samples N` overrides the
 * profile's count.
 */
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { ensureCompiledApp, distModule } = require('../build/compiled-app');
const { openBenchDatabase } = require('../database/bench-database');
const { startApi } = require('../api/api-process');
const { mintBenchTokens } = require('../api/bench-users');
const { PROFILES } = require('../profile/profiles');
const { LatencyRecorder } = require('../measure/latency-recorder');
const { buildLargeCase, waitForProjections } = require('./large-case');

const log = (message) => process.stderr.write(`[bench as-of] ${message}\n`);

function options(argv) {
  const result = { profile: PROFILES.quick, baseline: undefined, samples: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--full') result.profile = PROFILES.full;
    else if (argv[i] === '--quick') result.profile = PROFILES.quick;
    else if (argv[i] === '--baseline') result.baseline = resolve(argv[++i]);
    else if (argv[i] === '--samples') result.samples = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; use --full, --baseline <checkout>, --samples N`);
  }
  return result;
}

function caseProjectionNames() {
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  return READ_MODEL_PROJECTIONS.filter((p) => p.streamPrefixes.some((prefix) => 'case-00000000-0000-0000-0000-000000000000'.startsWith(prefix))).map(
    (p) => p.name,
  );
}

/** A second database on the server of `url` (two APIs' pools would crowd a shared server's connections: use the embedded one). */
async function siblingDatabase(url) {
  const { Client } = require('pg');
  const name = `${new URL(url).pathname.slice(1) || 'postgres'}_baseline_${Date.now().toString(36)}`;
  const onServer = async (sql) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE ${name}`);
  const sibling = new URL(url);
  sibling.pathname = `/${name}`;
  return { url: sibling.toString(), close: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** One side: its own database (on the run's one server) and API, the large case built and its projections caught up. */
async function openSide(name, apiMain, eventCount, server, cleanup) {
  const database = server ? await siblingDatabase(server.url) : await openBenchDatabase(log);
  // Closed in reverse: each API before its database, the sibling before the server it lives on.
  cleanup.push(() => database.close());
  const api = await startApi(database.url, log, apiMain ? { apiMain } : {});
  cleanup.push(() => api.stop());
  const tokens = await mintBenchTokens(api);
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const store = new PostgresEventStore({ connectionString: database.url, maxConnections: 4, application: 'samvirke-bench' });
  cleanup.push(() => store.close());
  log(`${name}: building a ${eventCount}-event case`);
  const large = await buildLargeCase(api.baseUrl, tokens, store, eventCount);
  // The projections (a worker thread of the API) would otherwise still be folding the case while we measure.
  await waitForProjections(store.pool, caseProjectionNames(), large.lastPosition, 300_000);
  const path = `/audit/cases/${large.caseId}/state?asOf=${encodeURIComponent(new Date().toISOString())}`;
  return { name, database, pid: api.pid, cpuMs: 0, url: `${api.baseUrl}${path}`, token: tokens.auditor, events: large.events, latency: new LatencyRecorder() };
}

/** CPU time (user + system) a process has used so far, in ms: /proc's clock ticks (Linux, 100 a second). */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function call(side) {
  const response = await fetch(side.url, { headers: { authorization: side.token } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${side.name} answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

async function main() {
  const { profile, baseline, samples: samplesOverride } = options(process.argv.slice(2));
  const samples = samplesOverride ?? profile.readSamples;
  ensureCompiledApp(log);
  const cleanup = [];
  try {
    const sides = [await openSide('this checkout', undefined, profile.largeCaseEvents, undefined, cleanup)];
    if (baseline) {
      const main = join(baseline, 'dist', 'apps', 'api', 'src', 'main.js');
      sides.unshift(await openSide(`baseline (${baseline})`, main, profile.largeCaseEvents, sides[0].database, cleanup));
    }
    const bytes = {};
    // The first request folds the case and leaves the snapshot; a few more warm each API up.
    for (const side of sides) for (let i = 0; i < 4; i++) bytes[side.name] = (await call(side)).length;
    log(`${samples} requests${sides.length > 1 ? ' each, alternating' : ''}`);
    for (let i = 0; i < samples; i++) {
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
        const cpuBefore = cpuMsOf(side.pid);
        const done = side.latency.start();
        await call(side);
        done();
        side.cpuMs += cpuMsOf(side.pid) - cpuBefore;
      }
    }
    // The API's CPU per request is what a busy machine does not distort (10 ms ticks, averaged).
    const result = sides.map((side) => ({
      side: side.name,
      events: side.events,
      bytes: bytes[side.name],
      apiCpuMsPerRequest: side.cpuMs / samples,
      ...side.latency.summary(),
    }));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const close of cleanup.reverse()) await Promise.resolve(close()).catch(() => undefined);
  }
}

main().catch((error) => {
  process.stderr.write(`bench as-of: ${error.stack ?? error}\n${error.cause ? `cause: ${error.cause.stack ?? error.cause}\n` : ''}`);
  process.exit(1);
});
