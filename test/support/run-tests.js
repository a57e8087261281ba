#!/usr/bin/env node
// `npm test`: runs every Jest project against a real PostgreSQL and ends with one plain line,
// "N passed, N failed". With DATABASE_URL set, that server is used; without it, an embedded
// PostgreSQL is started in a throw-away folder and removed afterwards. Either way the run gets a
// database of its own, dropped at the end, so runs never see each other's data.
'use strict';
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

const root = join(__dirname, '..', '..');
const platform = join(root, 'dist', 'libs', 'platform', 'src', 'index.js');

async function admin(connectionString, sql) {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(connectionString, database) {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

async function main() {
  if (!existsSync(platform)) {
    console.error('run-tests: dist/ is missing; run `npm run build` first (npm test does it for you)');
    process.exit(2);
  }
  const { startEmbeddedPostgres, checkReachable } = require(platform);
  let embedded;
  let tempDir;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tempDir = mkdtempSync(join(tmpdir(), 'samvirke-test-'));
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir: join(tempDir, 'pg'), persistent: false });
    serverUrl = embedded.connectionString;
    console.log(`run-tests: embedded PostgreSQL started in ${Date.now() - started} ms (DATABASE_URL not set)`);
  } else {
    await checkReachable(serverUrl);
  }
  const database = `samvirke_test_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${database}`);
  const resultsFile = join(tempDir ?? mkdtempSync(join(tmpdir(), 'samvirke-results-')), 'jest-results.json');

  const jestArgs = [
    require.resolve('jest/bin/jest'),
    '--json',
    `--outputFile=${resultsFile}`,
    '--testTimeout=60000',
    `--maxWorkers=${process.env.JEST_WORKERS || 2}`,
    ...process.argv.slice(2),
  ];
  const env = {
    ...process.env,
    DATABASE_URL: withDatabase(serverUrl, database),
    TEST_SERVER_DATABASE_URL: serverUrl,
    // One set of test secrets for the whole run, so data sealed by one test file opens in another's
    // app, as in production where every process shares one keyring.
    TEST_MASTER_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    TEST_CPR_HMAC_SECRET: randomBytes(32).toString('hex'),
    TEST_EMBEDDED: embedded ? '1' : '0',
  };
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, jestArgs, { cwd: root, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed = results.numPassedTests;
    failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    skipped = results.numPendingTests + (results.numTodoTests || 0);
  } catch {
    failed = Math.max(failed, 1);
  }
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error) =>
    console.error(`run-tests: could not drop ${database}: ${error.message}`),
  );
  if (embedded) await embedded.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  if (code !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 || code !== 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`run-tests: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
