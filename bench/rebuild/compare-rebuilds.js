'use strict';
/**
 * `node bench/rebuild/compare-rebuilds.js <database url> [--rounds N]`: every projection rebuilt one
 * after another (five reads of the log) against all of them from one read, side by side on the same
 * store, alternating the two so that load from elsewhere falls on both.
 * Reads the log through the opening store with the bench's keys (as rebuild-child.js). Prints
 * events/s per round; writes nothing to bench/results. Fill the store first (demo-seed, or a bench run).
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');
const { benchPrivacyEnv } = require('../api/api-process');

async function main() {
  const [databaseUrl, ...rest] = process.argv.slice(2);
  const rounds = Number(rest[rest.indexOf('--rounds') + 1]) || 3;
  Object.assign(process.env, benchPrivacyEnv());
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const { ProjectionRunner } = distModule('libs/projections/src/index.js');
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  const { PersonalDataVault, loadPrivacyConfig, openingEventStore } = distModule('libs/privacy/src/index.js');
  const store = new PostgresEventStore({ connectionString: databaseUrl, maxConnections: 4, application: 'samvirke-bench-rebuild' });
  const pool = new Pool({ connectionString: databaseUrl, max: 4, pipeline: true });
  const vault = new PersonalDataVault(pool, loadPrivacyConfig(process.env, mkdtempSync(join(tmpdir(), 'samvirke-compare-'))));
  const runner = new ProjectionRunner({ eventStore: openingEventStore(store, vault), pool, projections: READ_MODEL_PROJECTIONS });
  const names = READ_MODEL_PROJECTIONS.map((p) => p.name);
  const caseEvents = Number((await store.pool.query("SELECT count(*) AS n FROM es_events WHERE stream_id LIKE 'case-%'")).rows[0].n);
  const print = (text) => process.stdout.write(`${text}\n`);
  print(`${caseEvents} case events; ${rounds} rounds`);

  const timed = async (work) => {
    const began = process.hrtime.bigint();
    const outcomes = await work();
    for (const outcome of outcomes) if (outcome.error) throw outcome.error;
    return Number(process.hrtime.bigint() - began) / 1e9;
  };

  for (let round = 0; round < rounds; round++) {
    for (const mode of round % 2 === 0 ? ['turns', 'joint'] : ['joint', 'turns']) {
      let seconds = 0;
      if (mode === 'joint') seconds = await timed(() => runner.rebuildAll(names));
      else for (const name of names) seconds += await timed(() => runner.rebuildAll([name]));
      print(`joint round ${round + 1} ${mode}: ${seconds.toFixed(1)} s, ${Math.round(caseEvents / seconds).toLocaleString('en-US')} log events/s`);
    }
  }
  await store.close();
  await pool.end();
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
