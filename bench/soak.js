'use strict';
/**
 * `npm run bench:soak [-- --minutes 10 --rate 60]`: a long mixed read/write load against the built
 * API (its own database, like `npm run bench`), sampling the API's memory and open file handles
 * every 10 s. It answers one question: does anything grow without bound? Not part of CI (it runs
 * for minutes); results go to bench/results/<date>-soak.json and .md.
 *
 * Flat means: the RSS and handle counts of the last minute are within 15% (and 20 handles) of the
 * second minute's (the first minute is warm-up: JIT, pools, caches).
 */
const { mkdirSync, writeFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { openBenchDatabase } = require('./database/bench-database');
const { startApi } = require('./api/api-process');
const { mintBenchTokens } = require('./api/bench-users');
const { openCoordinatorCases } = require('./http/case-setup');
const { CommandMix } = require('./http/command-mix');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const log = (line) => process.stderr.write(`[soak] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function openHandles(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

async function readLoop(baseUrl, tokens, caseIds, until, counts) {
  const paths = () => {
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
  const database = await openBenchDatabase(log);
  const api = await startApi(database.url, log);
  const samples = [];
  const reads = { ok: 0, failed: 0 };
  let writes = { ok: 0, errors: 0 };
  try {
    const tokens = await mintBenchTokens(api);
    const caseIds = await openCoordinatorCases(api.baseUrl, tokens, 100);
    const mix = new CommandMix(caseIds, tokens);
    const started = Date.now();
    const until = started + minutes * 60_000;
    const sampler = setInterval(() => {
      const memory = api.memory();
      samples.push({ seconds: Math.round((Date.now() - started) / 1000), rssMb: memory.rss / 1048576, handles: openHandles(api.pid) });
      const last = samples[samples.length - 1];
      log(`${last.seconds}s rss ${last.rssMb.toFixed(1)} MB, ${last.handles} handles, writes ${writes.ok}, reads ${reads.ok}`);
    }, 10_000);
    const readers = Promise.all([1, 2].map(() => readLoop(api.baseUrl, tokens, caseIds, until, reads)));
    while (Date.now() < until) {
      const seconds = Math.max(1, Math.min(60, Math.round((until - Date.now()) / 1000)));
      const result = await autocannon({ url: api.baseUrl, connections: 8, duration: seconds, overallRate: rate, requests: [mix.autocannonRequest()] });
      mix.settle();
      writes = { ok: writes.ok + result['2xx'], errors: writes.errors + result.non2xx + result.errors + result.timeouts };
    }
    await readers;
    clearInterval(sampler);
  } finally {
    await api.stop();
    await database.close();
  }

  const window = (from, to) => samples.filter((s) => s.seconds > from && s.seconds <= to);
  const second = window(60, 120);
  const last = window((minutes - 1) * 60, minutes * 60);
  const mean = (list, key) => list.reduce((sum, s) => sum + s[key], 0) / Math.max(1, list.length);
  const rssGrowth = mean(last, 'rssMb') / Math.max(1, mean(second, 'rssMb')) - 1;
  const handleGrowth = mean(last, 'handles') - mean(second, 'handles');
  const flat = second.length > 0 && last.length > 0 && rssGrowth < 0.15 && handleGrowth < 20;
  const result = {
    minutes,
    writeRatePerSecond: rate,
    writes,
    reads,
    rssMbSecondMinute: mean(second, 'rssMb'),
    rssMbLastMinute: mean(last, 'rssMb'),
    handlesSecondMinute: mean(second, 'handles'),
    handlesLastMinute: mean(last, 'handles'),
    flat,
    samples,
  };
  const folder = join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  writeFileSync(join(folder, `${stamp}-soak.json`), `${JSON.stringify(result, null, 2)}\n`);
  const table = [
    `# Soak ${stamp}: ${minutes} min, ${rate} writes/s plus two read loops`,
    '',
    '| figure | second minute | last minute |',
    '|---|---|---|',
    `| API RSS (MB) | ${result.rssMbSecondMinute.toFixed(1)} | ${result.rssMbLastMinute.toFixed(1)} |`,
    `| open handles | ${result.handlesSecondMinute.toFixed(0)} | ${result.handlesLastMinute.toFixed(0)} |`,
    '',
    `Writes ${writes.ok} ok / ${writes.errors} errors; reads ${reads.ok} ok / ${reads.failed} failed. Flat: ${flat ? 'yes' : 'NO'}.`,
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
