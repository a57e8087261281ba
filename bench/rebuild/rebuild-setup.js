'use strict';
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Pool } = require('pg');
const { distModule } = require('../build/compiled-app');
const { benchPrivacyEnv } = require('../api/api-process');

/**
 * What every rebuild the bench runs opens, as `npm run cli -- projections:rebuild` does: the compiled
 * PostgreSQL event store, a pipelined pool for the read models, and a ProjectionRunner over every read
 * model that reads the log through the opening store (issue 21: CaseOpened's sealed birth date and
 * district opened) with the keys the bench's APIs sealed under. `countEvents` gives the runner the
 * event counter its progress reports need. Used by rebuild-child.js, compare-rebuilds.js and
 * diagnose/rebuild-one.js; `close` ends both pools.
 */
function openRebuild(databaseUrl, { application, countEvents = false }) {
  Object.assign(process.env, benchPrivacyEnv());
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const { ProjectionRunner, postgresEventCounter } = distModule('libs/projections/src/index.js');
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  const { PersonalDataVault, loadPrivacyConfig, openingEventStore } = distModule('libs/privacy/src/index.js');
  const store = new PostgresEventStore({ connectionString: databaseUrl, maxConnections: 4, application });
  const pool = new Pool({ connectionString: databaseUrl, max: 4, pipeline: true });
  const vault = new PersonalDataVault(pool, loadPrivacyConfig(process.env, mkdtempSync(join(tmpdir(), `${application}-`))));
  const eventStore = openingEventStore(store, vault);
  const runner = new ProjectionRunner({
    eventStore,
    pool,
    projections: READ_MODEL_PROJECTIONS,
    ...(countEvents ? { countEvents: postgresEventCounter(store.pool) } : {}),
  });
  return {
    store,
    pool,
    eventStore,
    runner,
    projections: READ_MODEL_PROJECTIONS,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

module.exports = { openRebuild };
