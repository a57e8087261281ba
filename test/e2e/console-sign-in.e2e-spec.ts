import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadAuthConfig, mintToken } from '@samvirke/access';
import { freePort } from '@samvirke/platform';
import { baseEnv, startApiProcess, waitForHttp, type ApiProcess } from '../support/api-process';
import { testPrivacyEnv } from '../support/test-privacy';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

/**
 * The console's server side over real HTTP, against the built API as `npm start` runs it: the web app
 * at / and /app beside the API's own paths, sign-in through the development identity provider (the
 * authorization code flow with PKCE, followed redirect by redirect as a browser would), the session
 * cookie standing for the same actor as a bearer token, CSRF on writes, and sign-out.
 */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

describe('the console sign-in (backend-for-frontend)', () => {
  let api: ApiProcess;
  let base: string;
  let dataDir: string;
  let port: number;
  // Its own: on the run's shared database, other tests (the browser's casework as coord-03) add cases
  // to the worklist this test reads twice and compares, between the two reads.
  let ownDatabase: OwnDatabase;

  /** The API on `port` with `dataDir` on this test's own database; no demo load is needed here. */
  async function startApi(): Promise<ApiProcess> {
    const started = startApiProcess({
      ...baseEnv(),
      DATABASE_URL: ownDatabase.url,
      ...testPrivacyEnv(),
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
    });
    await waitForHttp(`${base}/health/ready`, 60_000, started);
    return started;
  }

  beforeAll(async () => {
    ownDatabase = await createOwnDatabase('console_sign_in');
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-console-e2e-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = await startApi();
  });

  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    await ownDatabase?.drop();
  });

  /** Follows the sign-in as a browser would, picking `userId` on the development provider's page. */
  async function signIn(userId: string, returnTo = '/app'): Promise<{ jar: CookieJar; landedOn: string }> {
    const jar = new CookieJar();
    let url = `${base}/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
    let init: RequestInit = {};
    for (let hop = 0; hop < 12; hop++) {
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
      jar.take(response);
      init = {};
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href;
        if (new URL(url).origin === base && new URL(url).pathname.startsWith('/app')) return { jar, landedOn: new URL(url).pathname };
        continue;
      }
      const page = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
      if (response.status !== 200 || !action) throw new Error(`sign-in stopped at ${url} with ${response.status}`);
      url = new URL(action, url).href;
      init = { method: 'POST', body: new URLSearchParams({ userId }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('sign-in did not come back to the console');
  }

  async function session(jar: CookieJar): Promise<{ user: Record<string, unknown> | null; csrfToken?: string }> {
    return (await fetch(`${base}/auth/session`, { headers: { cookie: jar.header() } })).json() as Promise<{
      user: Record<string, unknown> | null;
      csrfToken?: string;
    }>;
  }

  it('serves the web app at / and /app/*, its assets, and leaves the API paths as they were', async () => {
    for (const path of ['/', '/app', '/app/cases/0689de15-5aad-56c0-8b6b-3886876bbd35']) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: expect.stringContaining('text/html'),
      });
      expect(await response.text()).toContain('<div id="root">');
      // No inline script on the console's pages (the API's own policy allows it for the Swagger page).
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    }
    const asset = readdirSync(join(__dirname, '..', '..', 'dist', 'apps', 'web', 'assets')).find((file) => file.endsWith('.js'))!;
    const script = await fetch(`${base}/assets/${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/no-such-path', '/assets/no-such-file.js', '/apps']) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
        path,
        status: 404,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    expect((await fetch(`${base}/docs/openapi.json`)).status).toBe(200);
    expect((await fetch(`${base}/worklist`)).status).toBe(401);
    expect(await session(new CookieJar())).toEqual({ user: null, signIn: 'available' });
  });

  it('signs a demo user in with an HttpOnly, SameSite=Lax session cookie that stands for the same actor as a bearer token', async () => {
    const { jar, landedOn } = await signIn('coord-03', '/app/cases/0689de15-5aad-56c0-8b6b-3886876bbd35');
    expect(landedOn).toBe('/app/cases/0689de15-5aad-56c0-8b6b-3886876bbd35');
    const sessionCookie = jar.setCookies.find((line) => line.startsWith('samvirke-session='))!;
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Lax/);
    expect(sessionCookie).toMatch(/; Path=\//);
    expect((await session(jar)).user).toEqual({ userId: 'coord-03', agency: 'BIF', roles: ['coordinator'], displayName: 'coord-03' });

    const byCookie = await fetch(`${base}/worklist`, { headers: { cookie: jar.header() } });
    expect(byCookie.status).toBe(200);
    const devKey = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir).devKeys!.privateJwk!;
    const token = await mintToken(devKey, { sub: 'coord-03', agency: 'BIF', roles: ['coordinator'], issuer: 'samvirke-dev', audience: 'samvirke-api' });
    const byToken = await fetch(`${base}/worklist`, { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(200);
    expect(await byCookie.json()).toEqual(await byToken.json());
    // A request that sends an Authorization header is judged by it alone.
    expect((await fetch(`${base}/worklist`, { headers: { cookie: jar.header(), authorization: 'Bearer not-a-token' } })).status).toBe(401);
    // A liaison's session is a liaison: the coordinators' worklist refuses it.
    const liaison = await signIn('politi-01');
    expect((await session(liaison.jar)).user).toMatchObject({ userId: 'politi-01', agency: 'KBH-POLITI', roles: ['liaison'] });
    expect((await fetch(`${base}/worklist`, { headers: { cookie: liaison.jar.header() } })).status).toBe(403);
  });

  it('refuses a write with the cookie unless it carries the session CSRF token from the console origin', async () => {
    const { jar } = await signIn('coord-04');
    const { csrfToken } = await session(jar);
    const write = (headers: Record<string, string>) =>
      fetch(`${base}/cases/${randomUUID()}/assessments`, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ level: 2, rationale: 'Vurderet på netværksmødet', assessedOn: '2026-12-01' }),
      });
    const refused = await write({});
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ status: 403, reason: 'FORBIDDEN' });
    expect((await write({ 'x-csrf-token': 'a guess' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': csrfToken!, origin: 'http://evil.example' })).status).toBe(403);
    // With the token the write reaches the case rules: a case that does not exist is the usual 404.
    const allowed = await write({ 'x-csrf-token': csrfToken!, origin: base });
    expect(allowed.status).toBe(404);
    expect(await allowed.json()).toMatchObject({ reason: 'NOT_FOUND' });
  });

  it('signs out only with the CSRF token, and the cookie opens nothing afterwards', async () => {
    const { jar } = await signIn('coord-05');
    const { csrfToken } = await session(jar);
    expect((await fetch(`${base}/auth/logout`, { method: 'POST', headers: { cookie: jar.header() } })).status).toBe(403);
    const stale = jar.header();
    const out = await fetch(`${base}/auth/logout`, { method: 'POST', headers: { cookie: jar.header(), 'x-csrf-token': csrfToken!, origin: base } });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ redirectTo: '/' });
    expect((await fetch(`${base}/worklist`, { headers: { cookie: stale } })).status).toBe(401);
    expect((await session(jar)).user).toBeNull();
  });

  it('keeps a session across a restart of the API, stored only as a hash with the tokens sealed; refuses a tampered cookie; sign-out deletes it', async () => {
    const { jar } = await signIn('coord-07');
    const before = await session(jar);
    expect(before.user).toMatchObject({ userId: 'coord-07' });
    const cookieValue = /samvirke-session=([^;]+)/.exec(jar.header())![1];

    api.child.kill('SIGTERM');
    await api.exited;
    api = await startApi();

    // A write with the cookie and its CSRF token: a case that does not exist is the usual 404 (401 without a session).
    const write = (cookie: string) =>
      fetch(`${base}/cases/${randomUUID()}/assessments`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': before.csrfToken!, origin: base },
        body: JSON.stringify({ level: 2, rationale: 'Vurderet på netværksmødet', assessedOn: '2026-12-01' }),
      });
    // The same cookie after the restart: the same user, the same CSRF token, and the API answers it.
    expect(await session(jar)).toEqual(before);
    expect((await write(jar.header())).status).toBe(404);

    // One character changed: nothing.
    const last = cookieValue.slice(-1);
    const tampered = `samvirke-session=${cookieValue.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    expect((await write(tampered)).status).toBe(401);
    expect(((await (await fetch(`${base}/auth/session`, { headers: { cookie: tampered } })).json()) as { user: unknown }).user).toBeNull();

    const database = new Client({ connectionString: ownDatabase.url });
    await database.connect();
    try {
      const idHash = createHash('sha256').update(cookieValue).digest('hex');
      const { rows } = await database.query<Record<string, unknown>>('SELECT * FROM console_sessions WHERE id_hash = $1', [idHash]);
      expect(rows).toHaveLength(1);
      // The ID token is kept (for the identity provider's sign-out) but sealed: no JWT, no cookie, no CSRF token in the row.
      expect(Buffer.isBuffer(rows[0]['id_token_sealed'])).toBe(true);
      const stored = JSON.stringify(rows[0]) + (rows[0]['id_token_sealed'] as Buffer).toString('latin1');
      for (const secret of [cookieValue, before.csrfToken!, 'eyJ']) expect(stored).not.toContain(secret);

      const out = await fetch(`${base}/auth/logout`, { method: 'POST', headers: { cookie: jar.header(), 'x-csrf-token': before.csrfToken!, origin: base } });
      expect(out.status).toBe(200);
      expect((await database.query('SELECT 1 FROM console_sessions WHERE id_hash = $1', [idHash])).rowCount).toBe(0);
      expect((await write(`samvirke-session=${cookieValue}`)).status).toBe(401);
    } finally {
      await database.end();
    }
  });

  it('never comes back outside the console, and refuses an unknown user at the development provider', async () => {
    const { landedOn } = await signIn('coord-06', 'https://evil.example/');
    expect(landedOn).toBe('/app');
    await expect(signIn('nobody-01')).rejects.toThrow(/sign-in stopped at .* with 400/);
  });

  it('answers a problem document, never a stack trace, when the configured identity provider cannot be reached', async () => {
    const port = await freePort();
    const other = startApiProcess({
      ...baseEnv(),
      DATABASE_URL: ownDatabase.url,
      ...testPrivacyEnv(),
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      DATABASE_POOL_SIZE: '2',
      LOG_LEVEL: 'error',
      OIDC_ISSUER: 'http://127.0.0.1:1/realms/kk',
      OIDC_CLIENT_ID: 'samvirke',
      OIDC_CLIENT_SECRET: 'not-used',
    });
    try {
      await waitForHttp(`${base.replace(/:\d+$/, `:${port}`)}/health/ready`, 60_000, other);
      const response = await fetch(`http://127.0.0.1:${port}/auth/login`, { redirect: 'manual' });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 503, reason: 'SIGN_IN_UNAVAILABLE' });
      // No development provider beside a configured one.
      expect((await fetch(`http://127.0.0.1:${port}/dev-idp/.well-known/openid-configuration`)).status).toBe(404);
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  });

  it('refuses the development identity provider in production, naming the setting', async () => {
    const production = startApiProcess({
      ...baseEnv(),
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/samvirke',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'samvirke-api',
      MASTER_KEYS: `v1:${Buffer.alloc(32, 7).toString('base64')}`,
      CPR_HMAC_SECRET: 'x'.repeat(40),
      DEV_IDENTITY_PROVIDER: 'true',
    });
    const started = setTimeout(() => production.child.kill('SIGTERM'), 20_000);
    const { code } = await production.exited;
    clearTimeout(started);
    expect(code).toBe(78);
    expect(production.errorOutput().trim()).toMatch(/^samvirke: invalid configuration: DEV_IDENTITY_PROVIDER must not be true when NODE_ENV=production/);
  });
});
