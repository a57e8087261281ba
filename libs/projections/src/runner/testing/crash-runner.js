'use strict';
/**
 * Child process of crash.int-spec.ts: runs a ProjectionRunner (compiled, from dist/) on the tally
 * projection until the test kills it with SIGKILL. Prints "started" once the runner is live.
 * Usage: node crash-runner.js <projection name> <stream prefix> <table prefix>   (DATABASE_URL set)
 */
const { join } = require('node:path');
const { Pool } = require('pg');
const { createTallyProjection } = require('./tally-projection.js');

const dist = join(__dirname, '..', '..', '..', '..', '..', 'dist', 'libs');
const { PostgresEventStore } = require(join(dist, 'event-store', 'src', 'postgres', 'index.js'));
const { ProjectionRunner } = require(join(dist, 'projections', 'src', 'index.js'));

async function main() {
  const [name, streamPrefix, tablePrefix] = process.argv.slice(2);
  const connectionString = process.env.DATABASE_URL;
  const eventStore = new PostgresEventStore({ connectionString, maxConnections: 3, pollIntervalMs: 50, application: 'crash-runner' });
  const pool = new Pool({ connectionString, max: 3, application_name: 'crash-runner', pipeline: true });
  pool.on('error', () => undefined);
  const runner = new ProjectionRunner({
    eventStore,
    pool,
    projections: [createTallyProjection({ name, streamPrefix, tablePrefix })],
    batchSize: 20,
    retryDelayMs: 100,
  });
  await runner.start();
  process.stdout.write('started\n');
}

main().catch((error) => {
  process.stderr.write(`crash-runner: ${error.stack}\n`);
  process.exit(1);
});
