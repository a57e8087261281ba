'use strict';
/**
 * What the diagnoses in this folder share: their options, the CPU each process used (from /proc),
 * pg_stat_statements when the server preloads it, and an API on a fresh bench database with the
 * command mix's cases opened and warmed up. Diagnoses print; they write nothing to bench/results.
 */
const { readFileSync, readdirSync } = require('node:fs');
const { ensureCompiledApp } = require('../build/compiled-app');
const { openBenchDatabase } = require('../database/bench-database');
const { startApi } = require('../api/api-process');
const { mintBenchTokens } = require('../api/bench-users');
const { openCoordinatorCases } = require('../http/case-setup');
const { CommandMix } = require('../http/command-mix');
const { warmUp } = require('../http/http-benchmark');
const { caseProjectionNames } = require('../projection-lag/projection-lag');

const log = (line) => process.stderr.write(`[diagnose] ${line}\n`);

/** `--name value` as a number, or the fallback. */
function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

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

/** A process's ticks plus those of its children that ended and were waited for (cutime, cstime). */
function ticksWithEndedChildren(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

/**
 * The ticks of every PostgreSQL process alive now, with those of the backends that ended (their
 * postmaster's cutime and cstime): a backend closed inside a window (a pool's idle timeout) moves its
 * ticks to its postmaster instead of losing them. Only a whole server stopping inside a window is lost.
 */
function postgresTicks() {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += ticksWithEndedChildren(pid);
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

/** pg_stat_statements on the connected database, or null when the server does not preload it. */
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
                  round(total_plan_time::numeric) AS plan_ms,
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS statement
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY ${order} DESC LIMIT 15`,
        )
      ).rows,
  };
}

/**
 * A fresh bench database and the API on it (startApi's options), its bench tokens and the command
 * mix over `cases` cases of the coordinator, warmed up; `work` gets them all, and both are stopped
 * after it, also when it throws.
 */
async function withWarmApi({ cases = 300, ...apiOptions }, work) {
  ensureCompiledApp(log);
  const database = await openBenchDatabase(log);
  let api;
  try {
    api = await startApi(database.url, log, apiOptions);
    const tokens = await mintBenchTokens(api);
    const mix = new CommandMix(await openCoordinatorCases(api.baseUrl, tokens, cases), tokens);
    await warmUp(api.baseUrl, mix);
    return await work({ database, api, tokens, mix });
  } finally {
    await api?.stop();
    await database.close();
  }
}

/** Runs a diagnosis's main, and exits 1 with the stack when it fails. */
function runDiagnosis(main) {
  main().catch((error) => {
    process.stderr.write(`diagnose: ${error.stack ?? error}\n`);
    process.exit(1);
  });
}

module.exports = { log, option, caseProjectionNames, TICKS_PER_SECOND, cpuTicks, postgresTicks, machineTicks, statementStatistics, withWarmApi, runDiagnosis };
