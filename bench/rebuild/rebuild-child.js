'use strict';
/**
 * Runs in its own process (forked by rebuild-benchmark.js), so the memory it reports is the
 * rebuild's alone: ProjectionRunner.rebuild for each projection in turn, with RSS sampled every
 * 20 ms and taken at 25% and 100% of each projection's events.
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');

async function main() {
  const { databaseUrl } = JSON.parse(process.argv[2]);
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const { ProjectionRunner, postgresEventCounter } = distModule('libs/projections/src/index.js');
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  const { PersonalDataVault, loadPrivacyConfig, openingEventStore } = distModule('libs/privacy/src/index.js');
  const store = new PostgresEventStore({ connectionString: databaseUrl, maxConnections: 4, application: 'samvirke-bench-rebuild' });
  const pool = new Pool({ connectionString: databaseUrl, max: 4, pipeline: true });
  // As `npm run cli -- projections:rebuild` runs it: the log read through the opening store (issue 21:
  // CaseOpened's sealed birth date and district opened), with the keys the bench's APIs sealed under.
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-bench-rebuild-'));
  const vault = new PersonalDataVault(pool, loadPrivacyConfig(process.env, dataDir));
  const runner = new ProjectionRunner({
    eventStore: openingEventStore(store, vault),
    pool,
    projections: READ_MODEL_PROJECTIONS,
    countEvents: postgresEventCounter(store.pool),
  });
  const results = [];
  for (const projection of READ_MODEL_PROJECTIONS) {
    if (global.gc) global.gc();
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    let rssAtQuarter = null;
    const began = process.hrtime.bigint();
    const outcome = await runner
      .rebuild(projection.name, {
        onProgress: ({ done, total }) => {
          if (rssAtQuarter === null && total && done >= total / 4) rssAtQuarter = process.memoryUsage().rss;
        },
      })
      .then(
        (result) => ({ events: result.eventsApplied }),
        (error) => ({ error: error.message }),
      );
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    clearInterval(sampler);
    const endRss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, endRss);
    results.push({ projection: projection.name, seconds, startRss, rssAtQuarter, endRss, peakRss, ...outcome });
  }
  await store.close();
  await pool.end();
  process.send({ results }, () => process.exit(0));
}

main().catch((error) => {
  process.send({ error: error.stack ?? String(error) }, () => process.exit(1));
});
