'use strict';
/**
 * `node [--cpu-prof] bench/diagnose/rebuild-one.js <database url> <projection | read>`: rebuilds one
 * projection on a filled store (a database kept by `BENCH_KEEP_DATABASE=1`, say) and prints its
 * events/s, or with `read` only reads the case log through the opening store as a rebuild does. The
 * bench's keys open the sealed values. With `--cpu-prof` the profile says where a rebuild's time goes.
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');
const { benchPrivacyEnv } = require('../api/api-process');

async function main() {
  const [url, name] = process.argv.slice(2);
  if (!url || !name) throw new Error('usage: node bench/diagnose/rebuild-one.js <database url> <projection | read>');
  Object.assign(process.env, benchPrivacyEnv());
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const { ProjectionRunner } = distModule('libs/projections/src/index.js');
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  const { PersonalDataVault, loadPrivacyConfig, openingEventStore } = distModule('libs/privacy/src/index.js');
  const store = new PostgresEventStore({ connectionString: url, maxConnections: 4, application: 'samvirke-bench-rebuild-one' });
  const pool = new Pool({ connectionString: url, max: 4, pipeline: true });
  const vault = new PersonalDataVault(pool, loadPrivacyConfig(process.env, mkdtempSync(join(tmpdir(), 'samvirke-rebuild-one-'))));
  const opening = openingEventStore(store, vault);
  const began = process.hrtime.bigint();
  let events = 0;
  try {
    if (name === 'read') {
      for (let after; ;) {
        const page = await opening.readAll({ after, maxCount: 2_000, streamPrefixes: ['case-'] });
        events += page.events.length;
        if (page.events.length < 2_000) break;
        after = page.nextAfter;
      }
    } else {
      const runner = new ProjectionRunner({ eventStore: opening, pool, projections: READ_MODEL_PROJECTIONS });
      events = (await runner.rebuild(name)).eventsApplied;
    }
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    process.stdout.write(`${name}: ${events} events in ${seconds.toFixed(2)} s, ${Math.round(events / seconds).toLocaleString('en-US')} events/s\n`);
  } finally {
    await store.close();
    await pool.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
