'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { API_MAIN, DIST, distModule } = require('../build/compiled-app');
const { processMemory } = require('../measure/process-memory');
const { stopWithBench } = require('./stop-with-bench');

/** Variables of the bench's own environment that would point the API somewhere else. */
const INHERITED_BUT_NOT_WANTED = [
  'DATABASE_URL',
  'BENCH_DATABASE_URL',
  'PORT',
  'HOST',
  'DATA_DIR',
  'EVENTSTORE_CONNECTION_STRING',
  'AUTH_JWKS_URL',
  'AUTH_TRUST_DEV_KEYS',
  'MASTER_KEYS',
  'CPR_HMAC_SECRET',
  'NODE_ENV',
  'PROJECTIONS_IN_API',
  'DEMO_DATA',
];

/**
 * The CPR HMAC secret of every API this bench process starts. A referral answers 202 with no case
 * id, so the bench finds a referred case as the API does: the keyed hash of the CPR number, looked
 * up in the CPR lookup (citizen_case_lookup) of the database the last started API writes to.
 */
const BENCH_CPR_HMAC_SECRET = randomBytes(32).toString('hex');
/**
 * The master keys of every API, worker and rebuild this bench process starts: they seal into and open
 * the one bench database, as the processes of one deployment share a keyring (an API with other keys
 * refuses to start on it, and a rebuild with other keys could not open CaseOpened's sealed pair).
 */
const BENCH_MASTER_KEYS = `bench1:${randomBytes(32).toString('base64')}`;

/** MASTER_KEYS and CPR_HMAC_SECRET for a child process of the bench that reads or writes the bench database. */
function benchPrivacyEnv() {
  return { MASTER_KEYS: BENCH_MASTER_KEYS, CPR_HMAC_SECRET: BENCH_CPR_HMAC_SECRET };
}
let lookupPool;

/** The case id the bench's APIs gave a citizen (see BENCH_CPR_HMAC_SECRET). */
async function benchCaseIdOf(cpr) {
  if (!lookupPool) throw new Error('benchCaseIdOf needs an API started by startApi');
  const { cprHash } = distModule('libs/case/src/cpr.js');
  const { rows } = await lookupPool.query('SELECT case_id FROM citizen_case_lookup WHERE cpr_hash = $1', [
    cprHash(Buffer.from(BENCH_CPR_HMAC_SECRET, 'hex'), cpr),
  ]);
  if (!rows[0]) throw new Error('the CPR leads to no case');
  return rows[0].case_id;
}

async function freePort() {
  const { freePort: pick } = distModule('libs/platform/src/index.js');
  return pick();
}

/**
 * The built API as its own process, exactly as `npm start` runs it (so its peak RSS is its own):
 * the bench database, its development key and secrets in a temporary DATA_DIR, the rate limit
 * out of the way, warnings-only logging. Tokens are signed with the key the API trusts there.
 */
/**
 * `separateWorker`: the projections run in apps/worker, a process of their own, and the API only
 * reads their checkpoints (PROJECTIONS_IN_API=false), as a deployment that separates them would.
 * `projectionsInLoop`: on the API's request event loop (PROJECTIONS_IN_API=true), the default before issue 23.
 * `apiMain`: another build's main.js (a checkout of another commit, to measure side by side).
 */
async function startApi(
  databaseUrl,
  log,
  { nodeArgs: extraNodeArgs = [], onOutput, separateWorker = false, projectionsInLoop = false, apiMain = API_MAIN } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-bench-api-'));
  if (lookupPool) void lookupPool.end();
  const { Pool } = require('pg');
  lookupPool = new Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true });
  lookupPool.on('error', () => {});
  const env = { ...process.env };
  for (const name of INHERITED_BUT_NOT_WANTED) delete env[name];
  const port = await freePort();
  Object.assign(env, {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'warn',
    // As in production: JSON lines (the readable format costs CPU the measurements should not include).
    LOG_FORMAT: 'json',
    DEMO_DATA: 'false',
    // Unset: the projections run where `npm start` runs them (a worker thread of the API, apps/api/src/projection-thread.ts).
    ...(separateWorker ? { PROJECTIONS_IN_API: 'false' } : projectionsInLoop ? { PROJECTIONS_IN_API: 'true' } : {}),
    ...benchPrivacyEnv(),
  });
  // Creating the key file here, before the API starts, means both sides read the same one.
  const access = distModule('libs/access/src/index.js');
  const authConfig = access.loadAuthConfig(env, dataDir);
  const privateJwk = authConfig.devKeys.privateJwk;

  // BENCH_API_CPU_PROFILE=<folder>: the API writes a V8 CPU profile there when it stops (open it in
  // Chrome DevTools or speedscope) - the first thing to look at when an HTTP figure misses.
  const profileFolder = process.env.BENCH_API_CPU_PROFILE;
  // The Node flags `npm start` and the Docker image give the API (package.json config.apiNodeFlags).
  const productionFlags = (require('../../package.json').config?.apiNodeFlags ?? '').split(/\s+/).filter(Boolean);
  const nodeArgs = [...productionFlags, ...(profileFolder ? ['--cpu-prof', `--cpu-prof-dir=${profileFolder}`] : []), ...extraNodeArgs];
  const child = stopWithBench(spawn(process.execPath, [...nodeArgs, apiMain], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    onOutput?.(chunk.toString());
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: on shared cores under load (load average 30 on 2 cores seen) the start alone took over a minute.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const status = await fetch(`${baseUrl}/health/live`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not start:\n${output.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`API pid ${child.pid} on ${baseUrl}`);
  const worker = separateWorker ? startWorker(env, log) : undefined;

  return {
    baseUrl,
    pid: child.pid,
    memory: () => processMemory(child.pid),
    output: () => output,
    token: (user) =>
      access.mintToken(privateJwk, {
        sub: user.userId,
        agency: user.agency,
        roles: user.roles,
        ttlSeconds: 6 * 3600,
        issuer: authConfig.issuer,
        audience: authConfig.audience,
      }),
    workerPid: worker?.child.pid,
    async stop() {
      if (worker) await worker.stop();
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function startWorker(apiEnv, log) {
  const env = { ...apiEnv };
  delete env.PORT;
  const child = stopWithBench(spawn(process.execPath, [join(DIST, 'apps', 'worker', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  const keep = (chunk) => (output = (output + chunk.toString()).slice(-5_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  exited.then(() => {
    if (!stopping) log(`the projection worker exited early:\n${output}`);
  });
  let stopping = false;
  log(`projection worker pid ${child.pid}`);
  return {
    child,
    async stop() {
      stopping = true;
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

module.exports = { startApi, benchCaseIdOf, benchPrivacyEnv };
