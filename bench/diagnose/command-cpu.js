'use strict';
/**
 * `node bench/diagnose/command-cpu.js [--clients 64] [--seconds 15] [--worker | --loop]`: where the CPU goes
 * when the API runs the command mix flat out. Prints the CPU seconds each process used in the
 * measured window (the API, the projection worker with --worker, every PostgreSQL process, this load
 * generator) and the machine's idle time, per command too; with a server that preloads
 * pg_stat_statements (BENCH_DATABASE_URL), also the statements by calls and by time.
 *
 * A diagnosis, not a benchmark: nothing is written to bench/results. The figures in bench/README.md
 * ("What bounds the figures") came from it. PostgreSQL processes that end inside the window are not
 * counted, so its figure is a lower bound (connections are pooled, so few end).
 */
const { readFileSync, readdirSync } = require('node:fs');
const { Client } = require('pg');
const { ensureCompiledApp } = require('../build/compiled-app');
const { openBenchDatabase } = require('../database/bench-database');
const { startApi } = require('../api/api-process');
const { mintBenchTokens } = require('../api/bench-users');
const { openCoordinatorCases } = require('../http/case-setup');
const { CommandMix } = require('../http/command-mix');
const { runCommandMix, warmUp } = require('../http/http-benchmark');
const { processMemory } = require('../measure/process-memory');

const log = (line) => process.stderr.write(`[diagnose] ${line}\n`);
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const TICKS_PER_SECOND = 100;

/** User + system CPU ticks of a process so far (0 when it is gone). */
function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function postgresTicks() {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuTicks(pid);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/** Busy and idle ticks of the whole machine (first line of /proc/stat). */
function machineTicks() {
  const [user, nice, system, idle, iowait, irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait };
}

async function statementStatistics(client) {
  const available = await client.query("SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%'");
  if (available.rowCount === 0) return null;
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return {
    reset: () => client.query('SELECT pg_stat_statements_reset()'),
    top: async (order) =>
      (
        await client.query(
          `SELECT calls, round(total_exec_time::numeric) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS statement
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY ${order} DESC LIMIT 15`,
        )
      ).rows,
  };
}

async function main() {
  const clients = option('clients', 64);
  const seconds = option('seconds', 15);
  const separateWorker = process.argv.includes('--worker');
  const projectionsInLoop = process.argv.includes('--loop');
  ensureCompiledApp(log);
  const database = await openBenchDatabase(log);
  const api = await startApi(database.url, log, { separateWorker, projectionsInLoop });
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const statements = await statementStatistics(client);
    const tokens = await mintBenchTokens(api);
    const mix = new CommandMix(await openCoordinatorCases(api.baseUrl, tokens, 300), tokens);
    await warmUp(api.baseUrl, mix);
    await statements?.reset();
    const before = {
      api: cpuTicks(api.pid),
      worker: api.workerPid ? cpuTicks(api.workerPid) : 0,
      postgres: postgresTicks(),
      machine: machineTicks(),
      self: process.cpuUsage(),
    };
    log(`command mix, ${clients} clients, ${seconds} s${separateWorker ? ', projections in apps/worker' : ''}`);
    const run = await runCommandMix(api.baseUrl, mix, { connections: clients, seconds });
    const machine = machineTicks();
    const self = process.cpuUsage(before.self);
    const commands = run.ok + run.errors;
    const used = {
      api: (cpuTicks(api.pid) - before.api) / TICKS_PER_SECOND,
      worker: api.workerPid ? (cpuTicks(api.workerPid) - before.worker) / TICKS_PER_SECOND : null,
      postgres: (postgresTicks() - before.postgres) / TICKS_PER_SECOND,
      loadGenerator: (self.user + self.system) / 1e6,
      machineBusy: (machine.busy - before.machine.busy) / TICKS_PER_SECOND,
      machineIdle: (machine.idle - before.machine.idle) / TICKS_PER_SECOND,
    };
    const perCommand = (value) => (value === null ? '-' : `${((value * 1000) / Math.max(1, commands)).toFixed(2)} ms`);
    process.stdout.write(
      `${Math.round(run.requestsPerSecond)} commands/s (${commands} in ${run.seconds} s, ${run.errors} errors), p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms\n\n`,
    );
    const memory = processMemory(api.pid);
    process.stdout.write(`API RSS ${(memory.rss / 2 ** 20).toFixed(0)} MB, peak ${(memory.peakRss / 2 ** 20).toFixed(0)} MB\n\n`);
    process.stdout.write('| process | CPU seconds | per command |\n|---|---|---|\n');
    for (const [name, value] of Object.entries(used)) process.stdout.write(`| ${name} | ${value === null ? '-' : value.toFixed(2)} | ${perCommand(value)} |\n`);
    if (statements) {
      process.stdout.write('\nStatements by calls:\n');
      console.table(await statements.top('calls'));
      process.stdout.write('Statements by total time:\n');
      console.table(await statements.top('total_exec_time'));
    } else {
      process.stdout.write('\n(no pg_stat_statements on this server: point BENCH_DATABASE_URL at one that preloads it for the statements)\n');
    }
  } finally {
    await client.end();
    await api.stop();
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`diagnose: ${error.stack ?? error}\n`);
  process.exit(1);
});
