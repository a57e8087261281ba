'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { distModule } = require('../build/compiled-app');

/**
 * The one database a run measures. Without BENCH_DATABASE_URL (or DATABASE_URL) an embedded
 * PostgreSQL is started in a throw-away folder, as `npm start` does on a fresh laptop; with one, a
 * fresh database is created on that server and dropped at the end, so no run sees another's rows
 * (BENCH_KEEP_DATABASE=1 keeps it).
 */
async function openBenchDatabase(log) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `samvirke_bench_${Date.now().toString(36)}`;
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    log(`database ${name} on ${url.hostname}:${url.port || 5432}`);
    return {
      url: url.toString(),
      kind: 'server',
      // BENCH_KEEP_DATABASE=1 keeps it, to look again at the store a run made (compare-rebuilds.js, say).
      close: async () => {
        if (process.env.BENCH_KEEP_DATABASE === '1') log(`kept database ${name} (BENCH_KEEP_DATABASE=1): drop it when done`);
        else await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const { startEmbeddedPostgres } = distModule('libs/platform/src/index.js');
  const folder = mkdtempSync(join(tmpdir(), 'samvirke-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir: join(folder, 'postgres'), persistent: false });
  log(`embedded PostgreSQL in ${folder}`);
  return {
    url: embedded.connectionString,
    kind: 'embedded',
    close: async () => {
      await embedded.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function onServer(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

module.exports = { openBenchDatabase };
