'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { Client } = require('pg');
const { processMemory } = require('../../measure/process-memory');
const { stopWithBench } = require('../../api/stop-with-bench');

const SERVER = join(__dirname, 'peer-server.js');
/** The API's pool size (DATABASE_POOL_SIZE's default, libs/platform/src/config/app-config.ts). */
const POOL_SIZE = 20;

async function onServer(url, statement) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The peer server as its own process (so its memory is its own, as the API's is), on a database of
 * its own beside the bench's on the same PostgreSQL server (`<bench database>_emmett_peer`, dropped
 * on stop), with the Node flags `npm start` gives the API and a pool of the API's size.
 */
async function startEmmettPeer(benchDatabaseUrl, log) {
  const url = new URL(benchDatabaseUrl);
  const name = `${url.pathname.slice(1) || 'postgres'}_emmett_peer`.replace(/[^a-z0-9_]/gi, '_');
  await onServer(benchDatabaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onServer(benchDatabaseUrl, `CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const dropDatabase = () => onServer(benchDatabaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

  const nodeFlags = (require('../../../package.json').config?.apiNodeFlags ?? '').split(/\s+/).filter(Boolean);
  const child = stopWithBench(
    spawn(process.execPath, [...nodeFlags, SERVER], {
      env: { ...process.env, PEER_DATABASE_URL: url.toString(), PEER_POOL_SIZE: String(POOL_SIZE), PORT: '0' },
      // stdin stays open while this process lives: the server stops when it closes (the bench killed or crashed).
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Emmett peer did not start in 60 s:\n${output.slice(-2000)}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      output = (output + chunk.toString()).slice(-5_000);
      const listening = /\{"listening":(\d+)\}/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    child.stderr.on('data', (chunk) => (output = (output + chunk.toString()).slice(-5_000)));
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the Emmett peer exited (${code}):\n${output.slice(-2000)}`));
    });
  }).catch(async (error) => {
    child.kill('SIGKILL');
    await dropDatabase().catch(() => undefined);
    throw error;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`Emmett peer pid ${child.pid} on ${baseUrl}, database ${name}`);
  return {
    baseUrl,
    pid: child.pid,
    memory: () => processMemory(child.pid),
    output: () => output,
    /** Events in the peer's store: a check that its answers were appends. */
    async storedEvents() {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return Number((await client.query('SELECT count(*) AS n FROM emt_messages')).rows[0].n);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await dropDatabase();
    },
  };
}

module.exports = { startEmmettPeer };
