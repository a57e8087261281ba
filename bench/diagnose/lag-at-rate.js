'use strict';
/**
 * `node bench/diagnose/lag-at-rate.js [--rate 180] [--seconds 30]`: projection lag at a fixed rate of
 * the command mix, in the default deployment (projections in the API's worker thread). The bench's
 * lag figure is taken at half the best throughput of its own run, so a faster API is measured under
 * more load; this holds the rate, to compare two builds (run it from each worktree, alternating).
 * A diagnosis, not a benchmark: nothing is written to bench/results.
 */
const { measureProjectionLag } = require('../projection-lag/projection-lag');
const { log, option, caseProjectionNames, withWarmApi, runDiagnosis } = require('./diagnose-kit');

async function main() {
  const rate = option('rate', 180);
  const seconds = option('seconds', 30);
  await withWarmApi({}, async ({ database, api, mix }) => {
    log(`lag at ${rate} commands/s for ${seconds} s`);
    const lag = await measureProjectionLag(database.url, api.baseUrl, mix, { rate, seconds, projectionNames: caseProjectionNames() });
    process.stdout.write(`achieved ${Math.round(lag.achievedRate)} commands/s, ${lag.errors} errors\n`);
    for (const [name, summary] of Object.entries(lag.perProjection)) {
      process.stdout.write(
        `${name}: from the answer p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms; from the request's sending p50 ${summary.fromSend.p50.toFixed(1)} ms, p99 ${summary.fromSend.p99.toFixed(1)} ms; not visible after 10 s: ${summary.notVisibleAfter10s}\n`,
      );
    }
  });
}

runDiagnosis(main);
