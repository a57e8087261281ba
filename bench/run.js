'use strict';
/**
 * `npm run bench` (quick, under 5 minutes on 2 cores) and `npm run bench -- --full`.
 *
 * One run, one database, phases one after another: appends (ours, the plain-INSERT ceiling, the
 * Emmett peer), the HTTP command mix against the Emmett peer (its own process and database), the
 * API under the same mix, projection lag, reads, the command mix and lag again with the projections
 * in apps/worker, then the rebuild with the API stopped. Writes bench/results/<date>-<profile>.json
 * and .md and prints the table.
 * Timings live here and in bench/results, never in tests. See bench/README.md.
 */
const { profileFromArgs } = require('./profile/profiles');
const { ensureCompiledApp, distModule } = require('./build/compiled-app');
const { openBenchDatabase } = require('./database/bench-database');
const { measureAppends } = require('./appends/append-benchmark');
const { startApi } = require('./api/api-process');
const { BENCH_USERS, mintBenchTokens } = require('./api/bench-users');
const { openCoordinatorCases } = require('./http/case-setup');
const { CommandMix } = require('./http/command-mix');
const { runCommandMix, warmUp } = require('./http/http-benchmark');
const { measurePeerCommands } = require('./http/emmett-peer/peer-benchmark');
const { measureProjectionLag, caseProjectionNames } = require('./projection-lag/projection-lag');
const { measureNotificationLatency } = require('./notifications/notification-latency');
const { buildLargeCase, waitForProjections, analyzeAfterBurst } = require('./reads/large-case');
const { measureRead, measureAsOfInProcess, cursorAt } = require('./reads/read-benchmark');
const { fillCaseEvents } = require('./rebuild/fill-store');
const { rebuildAllProjections } = require('./rebuild/rebuild-benchmark');
const { copyCeiling } = require('./rebuild/copy-ceiling');
const { measureConsoleWorklist } = require('./console/worklist-browser');
const { describeMachine, describeCommit } = require('./report/machine');
const { figuresFrom } = require('./report/figures');
const { writeReport } = require('./report/write-report');

const began = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** A failed phase costs its rows (reported as not measured, with the reason), not the whole run. */
async function phase(name, notes, work) {
  try {
    return await work();
  } catch (error) {
    log(`${name} failed: ${error.stack ?? error}`);
    notes.push(`${name} failed: ${String(error.message ?? error).split('\n')[0]}`);
    return undefined;
  }
}

async function main() {
  const profile = profileFromArgs(process.argv.slice(2));
  ensureCompiledApp(log);
  const startedAt = new Date().toISOString();
  const notes = [];
  const raw = {};
  const database = await openBenchDatabase(log);
  let api;
  // Ctrl-C must not leave the API or the embedded PostgreSQL running.
  const interrupted = async (signal) => {
    log(`${signal}: cleaning up`);
    if (api) await api.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const { PostgresEventStore } = distModule('libs/event-store/src/postgres/index.js');
  const store = new PostgresEventStore({ connectionString: database.url, maxConnections: 4, application: 'samvirke-bench' });
  try {
    const machine = await describeMachine(database.url, database.kind);
    raw.appends = await phase('appends', notes, () => measureAppends(database.url, profile, log));
    // Figure 2's peer, before the API starts: the same mix through Emmett's command handler on a
    // database of its own (dropped when it stops), so neither process runs while the other is measured.
    raw.httpPeer = await phase('HTTP commands, Emmett peer', notes, () => measurePeerCommands(database.url, profile, log));

    api = await phase('API start', notes, () => startApi(database.url, log));
    if (api) {
      const tokens = await mintBenchTokens(api);
      const projectionNames = caseProjectionNames();
      let caseIds;
      raw.http = await phase('HTTP commands', notes, async () => {
        log(`HTTP: opening ${profile.coordinatorCases} cases for the coordinator`);
        caseIds = await openCoordinatorCases(api.baseUrl, tokens, profile.coordinatorCases);
        const mix = new CommandMix(caseIds, tokens);
        await warmUp(api.baseUrl, mix);
        const runs = [];
        for (const connections of [1, 16, 64]) {
          log(`HTTP: command mix, ${connections} clients, ${profile.httpSeconds} s`);
          runs.push(await runCommandMix(api.baseUrl, mix, { connections, seconds: profile.httpSeconds }));
        }
        log(`HTTP: command mix at ${profile.fixedRate} req/s`);
        const fixedRate = await runCommandMix(api.baseUrl, mix, { connections: 16, seconds: profile.fixedRateSeconds, overallRate: profile.fixedRate });
        return { runs, fixedRate, apiPeakRss: api.memory().peakRss, mix };
      });
      if (raw.http) {
        const maxRate = Math.max(...raw.http.runs.map((run) => run.requestsPerSecond));
        const rate = Math.max(1, Math.round(maxRate / 2));
        raw.lag = await phase('projection lag', notes, () => {
          log(`lag: ${projectionNames.join(', ')} at ${rate} req/s (half of ${Math.round(maxRate)})`);
          return measureProjectionLag(database.url, api.baseUrl, raw.http.mix, { rate, seconds: profile.lagSeconds, projectionNames });
        });
        raw.notifications = await phase('notification latency', notes, () => {
          log(`notifications: append to inbox and SSE at ${rate} req/s`);
          return measureNotificationLatency(database.url, api.baseUrl, raw.http.mix, { rate, seconds: profile.lagSeconds, token: tokens.police });
        });
        delete raw.http.mix;
      }
      raw.reads = await phase('reads', notes, async () => {
        log(`reads: building a ${profile.largeCaseEvents}-event case`);
        const large = await buildLargeCase(api.baseUrl, tokens, store, profile.largeCaseEvents);
        await waitForProjections(store.pool, projectionNames, large.lastPosition, 300_000);
        await analyzeAfterBurst(store.pool);
        const asOf = new Date().toISOString();
        log(`reads: timeline, as-of, worklist, ${profile.readSamples} requests each`);
        const timeline = await measureRead(
          api.baseUrl,
          `/cases/${large.caseId}/timeline?limit=50`,
          tokens.socialCoordinator,
          profile.readSamples,
          profile.readMaxSeconds,
        );
        // Keyset paging deep into the case: the cursor of item 5,000 (or the last full page), no count.
        const deepCursor = await cursorAt(api.baseUrl, `/cases/${large.caseId}/timeline`, tokens.socialCoordinator, 5_000);
        const timelineKeyset = deepCursor
          ? await measureRead(
              api.baseUrl,
              `/cases/${large.caseId}/timeline?limit=50&total=false&after=${deepCursor}`,
              tokens.socialCoordinator,
              profile.readSamples,
              profile.readMaxSeconds,
            )
          : { available: false, note: 'the case has no second page' };
        const asOfHttp = await measureRead(
          api.baseUrl,
          `/audit/cases/${large.caseId}/state?asOf=${encodeURIComponent(asOf)}`,
          tokens.auditor,
          profile.readSamples,
          profile.readMaxSeconds,
        );
        const asOfInProcess = await measureAsOfInProcess(
          store,
          distModule('libs/case/src/index.js'),
          large.caseId,
          new Date(asOf),
          profile.readSamples,
          profile.readMaxSeconds,
        );
        const worklist = await measureRead(api.baseUrl, '/worklist', tokens.coordinator, profile.readSamples, profile.readMaxSeconds);
        return { largeCaseEvents: large.events, worklistCases: caseIds?.length ?? 0, timeline, timelineKeyset, asOfHttp, asOfInProcess, worklist };
      });
      raw.console = await phase('console worklist in Chromium', notes, async () => {
        log(`console: the worklist of a coordinator with ${caseIds?.length ?? 0} cases in Chromium, ${profile.consoleSamples} loads`);
        const result = await measureConsoleWorklist(api.baseUrl, { userId: BENCH_USERS.coordinator.userId, samples: profile.consoleSamples, log });
        return { ...result, worklistCases: caseIds?.length ?? 0 };
      });
      log('stopping the API');
      await api.stop();
      api = undefined;
    }

    // The same command load and lag measurement with the projections in apps/worker, a process of
    // their own (PROJECTIONS_IN_API=false): in the API they share its event loop with every request.
    raw.worker = await phase('projections in apps/worker', notes, async () => {
      api = await startApi(database.url, log, { separateWorker: true });
      const tokens = await mintBenchTokens(api);
      log(`worker: opening ${profile.coordinatorCases} more cases`);
      const caseIds = await openCoordinatorCases(api.baseUrl, tokens, profile.coordinatorCases, { firstIndex: 100_000 });
      const mix = new CommandMix(caseIds, tokens);
      await warmUp(api.baseUrl, mix);
      log(`worker: command mix, 64 clients, ${profile.httpSeconds} s`);
      const run = await runCommandMix(api.baseUrl, mix, { connections: 64, seconds: profile.httpSeconds });
      const rate = Math.max(1, Math.round(run.requestsPerSecond / 2));
      log(`worker: lag at ${rate} req/s (half of ${Math.round(run.requestsPerSecond)})`);
      const lag = await measureProjectionLag(database.url, api.baseUrl, mix, { rate, seconds: profile.lagSeconds, projectionNames: caseProjectionNames() });
      await api.stop();
      api = undefined;
      return { run, lag };
    });

    raw.rebuild = await phase('rebuild', notes, async () => {
      await fillCaseEvents(store, profile.rebuildEvents, log);
      await store.pool.query('VACUUM ANALYZE es_events');
      const copy = await copyCeiling(database.url);
      log(`rebuild: COPY read ${copy.rows} events in ${copy.seconds.toFixed(2)} s; rebuilding every projection`);
      const { projections, joint, notificationsCatchUp } = await rebuildAllProjections(database.url);
      return { events: copy.rows, copy, projections, joint, notificationsCatchUp };
    });

    const report = {
      profile: profile.name,
      startedAt,
      finishedAt: new Date().toISOString(),
      seconds: (Date.now() - began) / 1000,
      machine,
      git: describeCommit(),
      rows: figuresFrom(raw, profile),
      notes,
      raw,
    };
    const { markdown, files } = writeReport(report);
    process.stdout.write(`${markdown}\n`);
    log(`wrote ${files.join(' and ')}`);
  } finally {
    if (api) await api.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    await database.close().catch((error) => log(`could not clean up the database: ${error.message}`));
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
