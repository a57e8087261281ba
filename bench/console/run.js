'use strict';
/**
 * Only the console row of the bench: `node bench/console/run.js` opens the bench database, starts
 * the built API, opens the coordinator's 300 cases and measures the worklist in Chromium (see
 * worklist-browser.js). Prints the result as JSON; `npm run bench` measures the same inside the run.
 */
const { ensureCompiledApp } = require('../build/compiled-app');
const { openBenchDatabase } = require('../database/bench-database');
const { startApi } = require('../api/api-process');
const { BENCH_USERS, mintBenchTokens } = require('../api/bench-users');
const { openCoordinatorCases } = require('../http/case-setup');
const { profileFromArgs } = require('../profile/profiles');
const { measureConsoleWorklist } = require('./worklist-browser');

const log = (message) => process.stderr.write(`[bench console] ${message}\n`);

async function main() {
  const profile = profileFromArgs(process.argv.slice(2));
  ensureCompiledApp(log);
  const database = await openBenchDatabase(log);
  let api;
  try {
    api = await startApi(database.url, log);
    const tokens = await mintBenchTokens(api);
    const caseIds = await openCoordinatorCases(api.baseUrl, tokens, profile.coordinatorCases);
    const result = await measureConsoleWorklist(api.baseUrl, { userId: BENCH_USERS.coordinator.userId, samples: profile.consoleSamples, log });
    process.stdout.write(`${JSON.stringify({ worklistCases: caseIds.length, ...result }, null, 2)}\n`);
  } finally {
    if (api) await api.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
  }
}

main().catch((error) => {
  process.stderr.write(`bench console: ${error.stack ?? error}\n`);
  process.exit(1);
});
