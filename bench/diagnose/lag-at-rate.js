'use strict';
/**
 * `node bench/diagnose/lag-at-rate.js [--rate 180] [--seconds 30]`: projection lag at a fixed rate of
 * the command mix, in the default deployment (projections in the API's worker thread). The bench's
 * lag figure is taken at half the best throughput of its own run, so a faster API is measured under
 * more load; this holds the rate, to compare two builds (run it from each worktree, alternating).
 * A diagnosis, not a benchmark: nothing is written to bench/results.
 */
const { distModule, ensureCompiledApp } = require('../build/compiled-app');
const { openBenchDatabase } = require('../database/bench-database');
const { startApi } = require('../api/api-process');
const { mintBenchTokens } = require('../api/bench-users');
const { openCoordinatorCases } = require('../http/case-setup');
const { CommandMix } = require('../http/command-mix');
const { warmUp } = require('../http/http-benchmark');
const { measureProjectionLag } = require('../projection-lag/projection-lag');

const log = (line) => process.stderr.write(`[diagnose] ${line}\n`);
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

/** The read models fed by case streams (as bench/run.js picks them). */
function caseProjectionNames() {
  const { READ_MODEL_PROJECTIONS } = distModule('libs/read-models/src/index.js');
  return READ_MODEL_PROJECTIONS.filter((p) => p.streamPrefixes.some((prefix) => 'case-00000000-0000-0000-0000-000000000000'.startsWith(prefix))).map(
    (p) => p.name,
  );
}

async function main() {
  const rate = option('rate', 180);
  const seconds = option('seconds', 30);
  ensureCompiledApp(log);
  const database = await openBenchDatabase(log);
  const api = await startApi(database.url, log);
  try {
    const tokens = await mintBenchTokens(api);
    const mix = new CommandMix(await openCoordinatorCases(api.baseUrl, tokens, 300), tokens);
    await warmUp(api.baseUrl, mix);
    log(`lag at ${rate} commands/s for ${seconds} s`);
    const lag = await measureProjectionLag(database.url, api.baseUrl, mix, { rate, seconds, projectionNames: caseProjectionNames() });
    process.stdout.write(`achieved ${Math.round(lag.achievedRate)} commands/s, ${lag.errors} errors\n`);
    for (const [name, summary] of Object.entries(lag.perProjection)) {
      process.stdout.write(
        `${name}: from the answer p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms; from the request's sending p50 ${summary.fromSend.p50.toFixed(1)} ms, p99 ${summary.fromSend.p99.toFixed(1)} ms; not visible after 10 s: ${summary.notVisibleAfter10s}\n`,
      );
    }
  } finally {
    await api.stop();
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`diagnose: ${error.stack ?? error}\n`);
  process.exit(1);
});
