'use strict';
/**
 * `npm run bench:soak [-- --minutes 10 --rate 60 --heap-snapshots]`: a long mixed read/write load
 * against the built API (its own database, like `npm run bench`), sampling the API's memory and open
 * file handles every 10 s. It answers one question: does anything grow without bound? Not part of CI
 * (it runs for minutes); results go to bench/results/<date>-soak.json and .md.
 *
 * Besides RSS, each sample scrapes the API's own /metrics (V8 heap used and total, external memory),
 * and the API runs with --trace-gc so every full (mark-compact) collection reports the heap it
 * left: RSS alone cannot tell a heap that holds on to objects from one that has not been collected
 * yet, or from native memory the allocator keeps.
 *
 * The writes go to a new set of 100 cases every minute (opened in the background the minute
 * before), so every minute's load is the same: with one fixed set, each case grows by hundreds of
 * events over a run and every command folds its whole stream, so the memory each request needs
 * grows with the run's length, and that growth cannot be told from a leak.
 *
 * Flat means: in the last minute, RSS, the live heap (what full collections leave), the memory
 * outside the V8 heap (RSS minus heap total) and the open handles are each within 15% (handles: 20)
 * of the second minute's (the first minute is warm-up: JIT, pools, caches). RSS alone swings with
 * the heap headroom V8 chooses; the two parts say whether objects or native memory are kept.
 *
 * --heap-snapshots: the API also writes heap snapshots into a temporary folder the run prints, to
 * compare by constructor: at rest before the load (cases opened, 30 s idle), at minute 3 under load,
 * and at rest after it (30 s after the last request). The two at rest hold only what the API keeps;
 * one under load also holds the requests and projection batches in flight. Writing one stops the
 * API for seconds and leaves its RSS inflated, so such a run's figures are not a verdict on flatness
 * (its results stay next to the snapshots, not in bench/results). The signal is
 * SIGWINCH, not the usual SIGUSR2: Nest's enableShutdownHooks() closes the app on SIGUSR2 (and on
 * SIGHUP, SIGQUIT, ...), which would leave a process that no longer accepts connections.
 */
const { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { openBenchDatabase } = require('./database/bench-database');
const { startApi } = require('./api/api-process');
const { mintBenchTokens } = require('./api/bench-users');
const { openCoordinatedCase } = require('./http/case-setup');
const { forEachConcurrently } = require('./http/json-request');
const { CommandMix } = require('./http/command-mix');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const flag = (name) => process.argv.includes(`--${name}`);

const log = (line) => process.stderr.write(`[soak] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function openHandles(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

const MB = 1048576;
const SNAPSHOT_SIGNAL = 'SIGWINCH';
/** Long enough for the projections to catch up and the last requests' garbage to become garbage. */
const QUIET_MS = 30_000;

/** The V8 figures of prom-client's default metrics, as the API itself reports them. */
async function scrapeHeap(baseUrl) {
  const text = await fetch(`${baseUrl}/metrics`).then((response) => response.text());
  const value = (name) => {
    const match = new RegExp(`^samvirke_${name} ([0-9.e+]+)$`, 'm').exec(text);
    return match ? Number(match[1]) / MB : null;
  };
  return {
    heapUsedMb: value('nodejs_heap_size_used_bytes'),
    heapTotalMb: value('nodejs_heap_size_total_bytes'),
    externalMb: value('nodejs_external_memory_bytes'),
  };
}

/**
 * Reads --trace-gc lines from the API's output ("Mark-Compact 120.1 (140.2) -> 80.3 (141.0) MB"):
 * the heap a full collection leaves is the live heap, without garbage not yet collected.
 */
function fullGcWatcher(now) {
  const collections = [];
  let partial = '';
  return {
    collections,
    onOutput(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        const match = /Mark-Compact[^0-9]*([0-9.]+) \(([0-9.]+)\) -> ([0-9.]+) \(([0-9.]+)\) MB/.exec(line);
        if (match) collections.push({ seconds: now(), beforeMb: Number(match[1]), afterMb: Number(match[3]) });
      }
    },
  };
}

/** Signals the API to write a heap snapshot and waits until it has (the API answers again). */
async function takeHeapSnapshot(api, folder, name, log) {
  const before = new Set(readdirSync(folder));
  process.kill(api.pid, SNAPSHOT_SIGNAL);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    await sleep(1000);
    const answered = await fetch(`${api.baseUrl}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    const written = readdirSync(folder).find((file) => file.endsWith('.heapsnapshot') && !before.has(file));
    if (answered && written) {
      renameSync(join(folder, written), join(folder, `${name}.heapsnapshot`));
      log(`heap snapshot ${join(folder, name)}.heapsnapshot`);
      return;
    }
  }
  log(`heap snapshot ${name} did not appear within 3 minutes`);
}

const CASES_PER_MINUTE = 100;

async function openCaseSet(baseUrl, tokens, set) {
  const caseIds = [];
  const indexes = Array.from({ length: CASES_PER_MINUTE }, (_, index) => set * CASES_PER_MINUTE + index);
  await forEachConcurrently(indexes, 2, async (index) => caseIds.push(await openCoordinatedCase(baseUrl, tokens, index)));
  return caseIds;
}

async function readLoop(baseUrl, tokens, currentCaseIds, until, counts) {
  const paths = () => {
    const caseIds = currentCaseIds();
    const caseId = caseIds[Math.floor(Math.random() * caseIds.length)];
    return [`/cases/${caseId}`, `/cases/${caseId}/timeline?limit=50`, '/cases?limit=50', '/worklist?limit=50'];
  };
  while (Date.now() < until) {
    for (const path of paths()) {
      try {
        const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: tokens.coordinator } });
        await response.arrayBuffer();
        counts[response.ok ? 'ok' : 'failed']++;
      } catch {
        counts.failed++;
      }
    }
    await sleep(20);
  }
}

async function main() {
  const minutes = option('minutes', 10);
  const rate = option('rate', 60);
  const snapshotFolder = flag('heap-snapshots') ? mkdtempSync(join(tmpdir(), 'samvirke-soak-heap-')) : null;
  let started = null;
  // Collections while the cases are being opened count as second 0: before the measured load.
  const gc = fullGcWatcher(() => (started === null ? 0 : Math.round((Date.now() - started) / 1000)));
  const nodeArgs = ['--trace-gc', ...(snapshotFolder ? [`--heapsnapshot-signal=${SNAPSHOT_SIGNAL}`, `--diagnostic-dir=${snapshotFolder}`] : [])];
  const database = await openBenchDatabase(log);
  const api = await startApi(database.url, log, { nodeArgs, onOutput: gc.onOutput });
  const samples = [];
  const reads = { ok: 0, failed: 0 };
  let writes = { ok: 0, errors: 0 };
  const writeFailures = {};
  /** By command, status and reason code (from the answers the command mix saw). */
  const refusedWrites = {};
  let caseSets = 0;
  try {
    const tokens = await mintBenchTokens(api);
    let caseIds = await openCaseSet(api.baseUrl, tokens, 0);
    caseSets = 1;
    if (snapshotFolder) {
      await sleep(QUIET_MS);
      await takeHeapSnapshot(api, snapshotFolder, '1-at-rest-before', log);
    }
    started = Date.now();
    const until = started + minutes * 60_000;
    const sampler = (async () => {
      for (let next = started + 10_000; next <= until; next += 10_000) {
        await sleep(Math.max(0, next - Date.now()));
        const seconds = Math.round((next - started) / 1000);
        const memory = api.memory();
        const handles = openHandles(api.pid);
        const heap = await scrapeHeap(api.baseUrl).catch(() => ({ heapUsedMb: null, heapTotalMb: null, externalMb: null }));
        const lastFullGc = gc.collections[gc.collections.length - 1];
        const sample = { seconds, rssMb: memory.rss / MB, handles, ...heap, heapAfterLastFullGcMb: lastFullGc?.afterMb ?? null };
        samples.push(sample);
        const figure = (value) => (value === null ? '?' : value.toFixed(1));
        log(
          `${seconds}s rss ${figure(sample.rssMb)} MB, heap ${figure(sample.heapUsedMb)}/${figure(sample.heapTotalMb)} MB ` +
            `(after last full GC ${figure(sample.heapAfterLastFullGcMb)}), external ${figure(sample.externalMb)} MB, ` +
            `${handles} handles, writes ${writes.ok}, reads ${reads.ok}`,
        );
      }
    })();
    const snapshotAtMinute3 = snapshotFolder && minutes > 3 ? sleep(180_000).then(() => takeHeapSnapshot(api, snapshotFolder, '2-minute-3', log)) : null;
    const readers = Promise.all([1, 2].map(() => readLoop(api.baseUrl, tokens, () => caseIds, until, reads)));
    while (Date.now() < until) {
      const seconds = Math.max(1, Math.min(60, Math.round((until - Date.now()) / 1000)));
      const nextCaseIds = until - Date.now() > 60_000 ? openCaseSet(api.baseUrl, tokens, caseSets++) : null;
      // Awaited after this minute's load; until then a failure must not count as unhandled.
      nextCaseIds?.catch(() => undefined);
      const mix = new CommandMix(caseIds, tokens);
      const result = await autocannon({ url: api.baseUrl, connections: 8, duration: seconds, overallRate: rate, requests: [mix.autocannonRequest()] });
      mix.settle();
      for (const [key, count] of Object.entries(mix.failures)) refusedWrites[key] = (refusedWrites[key] ?? 0) + count;
      writes = { ok: writes.ok + result['2xx'], errors: writes.errors + result.non2xx + result.errors + result.timeouts };
      // What each failed write was, so a count of errors can be explained rather than guessed at.
      for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
        if (!status.startsWith('2')) writeFailures[`HTTP ${status}`] = (writeFailures[`HTTP ${status}`] ?? 0) + count;
      }
      if (result.errors > 0) writeFailures['connection errors'] = (writeFailures['connection errors'] ?? 0) + result.errors;
      if (result.timeouts > 0) writeFailures.timeouts = (writeFailures.timeouts ?? 0) + result.timeouts;
      if (nextCaseIds) caseIds = await nextCaseIds;
    }
    await readers;
    await sampler;
    await snapshotAtMinute3;
    if (snapshotFolder) {
      await sleep(QUIET_MS);
      await takeHeapSnapshot(api, snapshotFolder, '3-at-rest-after', log);
    }
  } finally {
    await api.stop();
    await database.close();
  }

  const window = (from, to) => samples.filter((s) => s.seconds > from && s.seconds <= to);
  const mean = (list, key) => {
    const values = list.map((s) => s[key]).filter((value) => value !== null && value !== undefined);
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const fullGcsIn = (from, to) => gc.collections.filter((c) => c.seconds > from && c.seconds <= to);
  const minuteRows = Array.from({ length: minutes }, (_, index) => {
    const inMinute = window(index * 60, (index + 1) * 60);
    const fullGcs = fullGcsIn(index * 60, (index + 1) * 60);
    return {
      minute: index + 1,
      rssMb: mean(inMinute, 'rssMb'),
      heapUsedMb: mean(inMinute, 'heapUsedMb'),
      heapTotalMb: mean(inMinute, 'heapTotalMb'),
      outsideHeapMb: mean(
        inMinute.filter((s) => s.heapTotalMb !== null).map((s) => ({ value: s.rssMb - s.heapTotalMb })),
        'value',
      ),
      externalMb: mean(inMinute, 'externalMb'),
      fullGcs: fullGcs.length,
      heapAfterFullGcMb: mean(fullGcs, 'afterMb'),
      handles: mean(inMinute, 'handles'),
    };
  });
  // The first minute is warm-up (JIT, pools, caches); each figure of the last minute must stay
  // within its bound of the second minute's. A figure without data in either minute fails.
  const second = minuteRows[1] ?? {};
  const last = minuteRows[minutes - 1] ?? {};
  const criterion = (figure, key, bound, kind) => {
    const [from, to] = [second[key], last[key]];
    const known = from !== null && from !== undefined && to !== null && to !== undefined;
    const within = known && (kind === 'relative' ? to <= from * (1 + bound) : to - from <= bound);
    return {
      figure,
      key,
      secondMinute: known ? from : null,
      lastMinute: known ? to : null,
      bound: kind === 'relative' ? `+${bound * 100}%` : `+${bound}`,
      within,
    };
  };
  const criteria = [
    criterion('API RSS (MB)', 'rssMb', 0.15, 'relative'),
    criterion('live heap: heap after full GC (MB)', 'heapAfterFullGcMb', 0.15, 'relative'),
    criterion('outside the V8 heap: RSS - heap total (MB)', 'outsideHeapMb', 0.15, 'relative'),
    criterion('open handles', 'handles', 20, 'absolute'),
  ];
  const flat = criteria.every((c) => c.within);
  const result = {
    minutes,
    writeRatePerSecond: rate,
    heapSnapshots: snapshotFolder !== null,
    writes,
    writeFailures,
    refusedWrites,
    casesOpened: caseSets * CASES_PER_MINUTE,
    reads,
    criteria,
    flat,
    minutesSummary: minuteRows,
    fullGcs: gc.collections,
    samples,
  };
  // A run with heap snapshots is a diagnosis, not a result: it stays next to its snapshots.
  const folder = snapshotFolder ?? join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  // A second run on the same day keeps the first one's files (they may be committed): it adds the time.
  const now = new Date().toISOString();
  const stamp = existsSync(join(folder, `${now.slice(0, 10)}-soak.json`)) ? `${now.slice(0, 10)}-${now.slice(11, 16).replace(':', '')}` : now.slice(0, 10);
  writeFileSync(join(folder, `${stamp}-soak.json`), `${JSON.stringify(result, null, 2)}\n`);
  const figure = (value, digits = 1) => (value === null ? '-' : value.toFixed(digits));
  const table = [
    `# Soak ${stamp}: ${minutes} min, ${rate} writes/s to a new set of ${CASES_PER_MINUTE} cases each minute, plus two read loops${snapshotFolder ? ' (heap snapshots: not a verdict)' : ''}`,
    '',
    '| figure | second minute | last minute | bound | within |',
    '|---|---|---|---|---|',
    ...criteria.map((c) => `| ${c.figure} | ${figure(c.secondMinute)} | ${figure(c.lastMinute)} | ${c.bound} | ${c.within ? 'yes' : 'NO'} |`),
    '',
    `Writes ${writes.ok} ok / ${writes.errors} errors${
      writes.errors > 0
        ? ` (${Object.entries(writeFailures)
            .map(([kind, count]) => `${kind}: ${count}`)
            .join(', ')}; by command: ${Object.entries(refusedWrites)
            .map(([key, count]) => `${key}: ${count}`)
            .join(', ')})`
        : ''
    } (besides the 5 that open each of ${result.casesOpened} cases); reads ${reads.ok} ok / ${reads.failed} failed. Flat: ${flat ? 'yes' : 'NO'}.`,
    '',
    'Per minute (means of the 10-second samples; V8 figures from the API\'s /metrics; "after full GC" is the',
    'heap each mark-compact collection of that minute left, from --trace-gc; "outside the heap" is RSS minus',
    'heap total: code, native allocations, buffers):',
    '',
    '| minute | RSS (MB) | heap used (MB) | heap total (MB) | outside the heap (MB) | external (MB) | full GCs | heap after full GC (MB) | handles |',
    '|---|---|---|---|---|---|---|---|---|',
    ...minuteRows.map(
      (row) =>
        `| ${row.minute} | ${figure(row.rssMb)} | ${figure(row.heapUsedMb)} | ${figure(row.heapTotalMb)} | ${figure(row.outsideHeapMb)} | ${figure(row.externalMb)} | ` +
        `${row.fullGcs} | ${figure(row.heapAfterFullGcMb)} | ${figure(row.handles, 0)} |`,
    ),
  ].join('\n');
  writeFileSync(join(folder, `${stamp}-soak.md`), `${table}\n`);
  process.stdout.write(`${table}\n`);
  // Explicitly: handles the load left open (keep-alive sockets) would otherwise keep the exit code from mattering.
  process.exit(flat ? 0 : 1);
}

main().catch((error) => {
  process.stderr.write(`soak failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
