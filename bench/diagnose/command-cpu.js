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
const { Client } = require('pg');
const { runCommandMix } = require('../http/http-benchmark');
const { processMemory } = require('../measure/process-memory');
const { option, TICKS_PER_SECOND, cpuTicks, postgresTicks, machineTicks, statementStatistics, withWarmApi, runDiagnosis } = require('./diagnose-kit');

async function main() {
  const clients = option('clients', 64);
  const seconds = option('seconds', 15);
  const separateWorker = process.argv.includes('--worker');
  const projectionsInLoop = process.argv.includes('--loop');
  await withWarmApi({ separateWorker, projectionsInLoop }, async ({ database, api, mix }) => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const statements = await statementStatistics(client);
      await statements?.reset();
      const before = {
        api: cpuTicks(api.pid),
        worker: api.workerPid ? cpuTicks(api.workerPid) : 0,
        postgres: postgresTicks(),
        machine: machineTicks(),
        self: process.cpuUsage(),
      };
      process.stderr.write(`[diagnose] command mix, ${clients} clients, ${seconds} s${separateWorker ? ', projections in apps/worker' : ''}`);
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
      for (const [name, value] of Object.entries(used))
        process.stdout.write(`| ${name} | ${value === null ? '-' : value.toFixed(2)} | ${perCommand(value)} |\n`);
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
    }
  });
}

runDiagnosis(main);
