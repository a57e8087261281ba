'use strict';
/**
 * Only the peer of figure 2: `node bench/http/emmett-peer/run.js [--full]` opens the bench database
 * (BENCH_DATABASE_URL or an embedded PostgreSQL, as `npm run bench`), runs the HTTP command mix
 * against the Emmett peer (peer-benchmark.js) and prints the result as JSON. `npm run bench` measures
 * the same inside the run and sets it beside the API's figures.
 */
const { ensureCompiledApp } = require('../../build/compiled-app');
const { openBenchDatabase } = require('../../database/bench-database');
const { profileFromArgs } = require('../../profile/profiles');
const { measurePeerCommands } = require('./peer-benchmark');

const log = (message) => process.stderr.write(`[bench peer] ${message}\n`);

async function main() {
  const profile = profileFromArgs(process.argv.slice(2));
  ensureCompiledApp(log);
  const database = await openBenchDatabase(log);
  try {
    const result = await measurePeerCommands(database.url, profile, log);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await database.close().catch((error) => log(`could not clean up the database: ${error.message}`));
  }
}

main().catch((error) => {
  process.stderr.write(`bench peer: ${error.stack ?? error}\n`);
  process.exit(1);
});
