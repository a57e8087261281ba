'use strict';
const { execFileSync } = require('node:child_process');
const { cpus, loadavg, totalmem } = require('node:os');
const { Client } = require('pg');
const { ROOT } = require('../build/compiled-app');

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** What the numbers were measured on; the load average says how quiet the machine was. */
async function describeMachine(databaseUrl, databaseKind) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const version = (await client.query('SHOW server_version')).rows[0].server_version;
  await client.end();
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model ?? null,
    memoryBytes: totalmem(),
    postgresVersion: version,
    database: databaseKind === 'embedded' ? 'embedded PostgreSQL (same machine)' : 'PostgreSQL server from BENCH_DATABASE_URL/DATABASE_URL',
    node: process.version,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function describeCommit() {
  const commit = git(['rev-parse', 'HEAD']);
  const status = git(['status', '--porcelain']);
  return { commit, dirty: status === null ? null : status.length > 0 };
}

module.exports = { describeMachine, describeCommit };
