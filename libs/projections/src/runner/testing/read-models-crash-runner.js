'use strict';
/**
 * Child process of read-models-crash.int-spec.ts: runs a ProjectionRunner (compiled, from dist/) on
 * isolated copies of every real read model until the test kills it with SIGKILL. Prints "started"
 * once the runner is live.
 * Usage: node read-models-crash-runner.js <run id>   (DATABASE_URL set)
 */
const { join } = require('node:path');
const { Pool } = require('pg');
const { createIsolatedReadModels } = require('./isolated-read-models.js');

const dist = join(__dirname, '..', '..', '..', '..', '..', 'dist', 'libs');
const { PostgresEventStore } = require(join(dist, 'event-store', 'src', 'postgres', 'index.js'));
const { ProjectionRunner } = require(join(dist, 'projections', 'src', 'index.js'));
const privacy = require(join(dist, 'privacy', 'src', 'index.js'));

async function main() {
  const [run] = process.argv.slice(2);
  const connectionString = process.env.DATABASE_URL;
  const { readModels, deliveryWitness } = createIsolatedReadModels(run);
  const rawStore = new PostgresEventStore({ connectionString, maxConnections: 3, pollIntervalMs: 50, application: 'read-models-crash-runner' });
  const pool = new Pool({ connectionString, max: 6, application_name: 'read-models-crash-runner', pipeline: true });
  pool.on('error', () => undefined);
  // As the API and worker do (issue 21): CaseOpened's sealed birth date and district opened with the test's keys.
  const config = privacy.loadPrivacyConfig(
    { MASTER_KEYS: process.env.TEST_MASTER_KEYS, CPR_HMAC_SECRET: process.env.TEST_CPR_HMAC_SECRET },
    require('node:os').tmpdir(),
  );
  const eventStore = privacy.openingEventStore(rawStore, new privacy.PersonalDataVault(pool, config));
  const runner = new ProjectionRunner({
    eventStore,
    pool,
    projections: [...Object.values(readModels), deliveryWitness],
    batchSize: 25,
    retryDelayMs: 100,
  });
  await runner.start();
  process.stdout.write('started\n');
}

main().catch((error) => {
  process.stderr.write(`read-models-crash-runner: ${error.stack}\n`);
  process.exit(1);
});
