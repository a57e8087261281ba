'use strict';
/**
 * `node bench/diagnose/read-cpu.js [--events 10000] [--reads 300] [--only <name's start>] [--load S]`: where a read's time and CPU go.
 * Builds the reads phase's large case (as bench/run.js does), then asks for each read the bench
 * measures (a timeline page with its total, a page by cursor deep in the case, the auditor's as-of
 * state, the worklist) `--reads` times, one at a time, and prints per read: the latency, the CPU of
 * the API and of PostgreSQL, and with a server that preloads pg_stat_statements (BENCH_DATABASE_URL)
 * the statements by total time. BENCH_API_CPU_PROFILE=<dir> profiles the API as in the bench.
 * `--load S` runs the command mix (64 clients) for S seconds first, as the bench's HTTP phases do.
 * A diagnosis, not a benchmark: nothing is written to bench/results.
 */
const { Client } = require('pg');
const { distModule } = require('../build/compiled-app');
const { buildLargeCase, waitForProjections, analyzeAfterBurst } = require('../reads/large-case');
const { LatencyRecorder } = require('../measure/latency-recorder');
const { cursorAt } = require('../reads/read-benchmark');
const { runCommandMix } = require('../http/http-benchmark');
const {
  log,
  option,
  caseProjectionNames,
  TICKS_PER_SECOND,
  cpuTicks,
  postgresTicks,
  statementStatistics,
  withWarmApi,
  runDiagnosis,
} = require('./diagnose-kit');

async function main() {
  const eventCount = option('events', 10_000);
  const reads = option('reads', 300);
  const loadSeconds = option('load', 0);
  await withWarmApi({ cases: 300 }, async ({ database, api, tokens, mix }) => {
    if (loadSeconds > 0) {
      log(`the command mix at 64 clients for ${loadSeconds} s first, as the bench's HTTP phases come before its reads`);
      await runCommandMix(api.baseUrl, mix, { connections: 64, seconds: loadSeconds });
    }
    const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
    const store = new PostgresEventStore({ connectionString: database.url, maxConnections: 2, application: 'samvirke-diagnose' });
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      log(`building a ${eventCount}-event case`);
      const large = await buildLargeCase(api.baseUrl, tokens, store, eventCount);
      await waitForProjections(store.pool, caseProjectionNames(), large.lastPosition, 300_000);
      await analyzeAfterBurst(store.pool);
      const asOf = new Date().toISOString();
      const timeline = `/cases/${large.caseId}/timeline`;
      const deep = await cursorAt(api.baseUrl, timeline, tokens.socialCoordinator, 5_000);
      const statements = await statementStatistics(client);
      const idleFrom = { api: cpuTicks(api.pid), postgres: postgresTicks() };
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      process.stdout.write(
        `with no request for 5 s: API ${(cpuTicks(api.pid) - idleFrom.api) / TICKS_PER_SECOND} CPU s, PostgreSQL ${(postgresTicks() - idleFrom.postgres) / TICKS_PER_SECOND} CPU s\n`,
      );
      const cases = [
        ['timeline page with total', `${timeline}?limit=50`, tokens.socialCoordinator],
        ['timeline page by cursor, no total', `${timeline}?limit=50&total=false&after=${deep}`, tokens.socialCoordinator],
        ['as-of state (auditor)', `/audit/cases/${large.caseId}/state?asOf=${encodeURIComponent(asOf)}`, tokens.auditor],
        ['worklist (300 cases)', '/worklist', tokens.coordinator],
      ];
      const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
      for (const [name, path, token] of cases.filter(([name]) => !only || name.startsWith(only))) {
        const call = async () => {
          const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: token } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
        };
        for (let i = 0; i < 20; i++) await call();
        await statements?.reset();
        const before = { api: cpuTicks(api.pid), postgres: postgresTicks(), self: process.cpuUsage() };
        const latency = new LatencyRecorder();
        for (let i = 0; i < reads; i++) {
          const done = latency.start();
          await call();
          done();
        }
        const perRead = (ticks) => `${((ticks * 1000) / TICKS_PER_SECOND / reads).toFixed(2)} ms`;
        const summary = latency.summary();
        const self = process.cpuUsage(before.self);
        process.stdout.write(
          `\n## ${name}\np50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms; CPU per read: API ${perRead(cpuTicks(api.pid) - before.api)}, PostgreSQL ${perRead(
            postgresTicks() - before.postgres,
          )}, this client ${((self.user + self.system) / 1000 / reads).toFixed(2)} ms\n`,
        );
        if (statements) console.table(await statements.top('total_exec_time'));
      }
    } finally {
      await client.end();
      await store.close();
    }
  });
}

runDiagnosis(main);
