import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_KEY_FILE_NAME, loadOrCreateDevKeyFile, mintToken } from '@samvirke/access';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from './api-process';
import type { TestUser } from './tokens';
import { testCitizen } from './citizens';
import { fetchAgainIfClosedIdle } from './fetch-retry';
import { testPrivacyEnv } from './test-privacy';
import { caseIdOfCitizen } from './referrals';

/**
 * The built API as a child process that can be killed, restarted on the same port and data folder,
 * and called with tokens it trusts. The child trusts `<DATA_DIR>/dev-auth-key.json`; the key file is
 * made here before the first start, so this process holds the private half and can mint tokens.
 */
export interface HttpAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export interface ApiChild {
  baseUrl: string;
  /** The database the child writes to (the CPR lookup of its referrals is there). */
  databaseUrl: string;
  dataDir: string;
  /** The running process (after start). */
  process(): ApiProcess;
  start(readyTimeoutMs?: number): Promise<void>;
  /** Sends the signal and waits for the process to exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
  token(user: TestUser): Promise<string>;
  /** Real HTTP with a client-side timeout; a refused or cut connection rejects. */
  request(
    method: string,
    path: string,
    options?: { user?: TestUser; body?: unknown; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<HttpAnswer>;
  /** Stops the process if it runs and removes the data folder. */
  dispose(): Promise<void>;
}

export async function createApiChild(env: { databaseUrl: string; extra?: Record<string, string> }): Promise<ApiChild> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-child-'));
  const keys = loadOrCreateDevKeyFile(join(dataDir, DEV_KEY_FILE_NAME));
  const privateJwk = keys.privateJwk;
  if (!privateJwk) throw new Error('the dev key file has no private key');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  let running: ApiProcess | undefined;

  const child: ApiChild = {
    databaseUrl: env.databaseUrl,
    baseUrl,
    dataDir,
    process() {
      if (!running) throw new Error('the API child is not running');
      return running;
    },
    async start(readyTimeoutMs = 60_000) {
      running = startApiProcess({
        ...baseEnv(),
        DATABASE_URL: env.databaseUrl,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        RATE_LIMIT_PER_MINUTE: '1000000',
        // Several apps run at once against one PostgreSQL (100 connections): small pools each.
        DATABASE_POOL_SIZE: '8',
        // The run's shared test keyring (run-tests.js; else this process's): data this child seals must open
        // in every other test's app on the same database, as in a deployment where every process shares one
        // keyring; tests compute case ids from CPR numbers with its HMAC secret.
        ...testPrivacyEnv(),
        ...env.extra,
      });
      const started = running;
      const exitedEarly = started.exited.then(({ code, signal }) => {
        throw new Error(`the API child exited before answering (code ${code}, signal ${signal}): ${started.errorOutput().slice(-2_000)}`);
      });
      await Promise.race([waitForHttp(`${baseUrl}/health/live`, readyTimeoutMs), exitedEarly]);
      exitedEarly.catch(() => undefined);
    },
    async stop(signal) {
      const current = running;
      if (!current) return;
      running = undefined;
      if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill(signal);
      await current.exited;
    },
    async token(user) {
      const cacheKey = JSON.stringify(user);
      const cached = tokens.get(cacheKey);
      if (cached) return cached;
      const token = await mintToken(privateJwk, {
        sub: user.userId ?? `child-user-${user.agency}`,
        agency: user.agency,
        roles: user.roles,
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        ttlSeconds: 3_600,
      });
      tokens.set(cacheKey, token);
      return token;
    },
    async request(method, path, { user, body, headers = {}, timeoutMs = 10_000 } = {}) {
      const allHeaders: Record<string, string> = { ...headers };
      if (user) allHeaders.authorization = `Bearer ${await child.token(user)}`;
      if (body !== undefined) allHeaders['content-type'] = 'application/json';
      const response = await fetchAgainIfClosedIdle(`${baseUrl}${path}`, {
        method,
        headers: allHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    },
    async dispose() {
      await child.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return child;
}

/**
 * Opens `count` cases over HTTP as `coordinator`, each with social services (SOF) joined, so a write
 * load has cases with a recipient to share with. Fails the test on any non-201.
 */
export async function openCasesForLoad(api: ApiChild, coordinator: TestUser, count: number, districtCode: string): Promise<string[]> {
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const citizen = testCitizen();
    const opened = await api.request('POST', '/cases', {
      user: coordinator,
      body: { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode, reason: 'Fejltest' },
    });
    if (opened.status !== 202) throw new Error(`referring a citizen answered ${opened.status}`);
    // A BIF coordinator's referral: BIF (the intake) is on the case and the coordinator may run it.
    const caseId = await caseIdOfCitizen(citizen.cpr, api.databaseUrl);
    const joined = await api.request('POST', `/cases/${caseId}/agencies/SOF`, { user: coordinator, body: {} });
    if (joined.status !== 201) throw new Error(`bringing SOF onto the case answered ${joined.status}`);
    caseIds.push(caseId);
  }
  return caseIds;
}
