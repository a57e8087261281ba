import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionRequestRefused } from '@samvirke/access';
import { loadConsoleConfig } from './console-config';
import { MasterKeyring, SecretBytes } from '@samvirke/privacy';
import { ConsoleSessions, sessionIdHash, type ConsoleSessionStore, type StoredConsoleSession } from './console-sessions';
import { safeReturnTo } from './return-to';
import type { AppConfig } from '@samvirke/platform';

const config = loadConsoleConfig({}, { production: false, host: '127.0.0.1', port: 3000 } as AppConfig);
const user = { userId: 'coord-01', agency: 'BIF', roles: ['coordinator' as const] };

/** What the sessions touch of a Fastify reply: the cookies it sets (@fastify/cookie's setCookie, which clears one too). */
function responseRecorder() {
  const cookies: Array<{ name: string; value: string; options: Record<string, unknown> }> = [];
  const response = {
    setCookie: (name: string, value: string, options: Record<string, unknown>) => cookies.push({ name, value, options }),
  } as unknown as FastifyReply;
  return { response, cookies };
}

/** The store's contract in memory (the API's is PostgreSQL, exercised by test/e2e/console-sign-in). */
class MemoryStore implements ConsoleSessionStore {
  readonly rows = new Map<string, StoredConsoleSession>();
  async insert(session: StoredConsoleSession): Promise<void> {
    this.rows.set(session.idHash, { ...session });
  }
  async use(idHash: string, now: number, createdAfter: number, usedAfter: number): Promise<StoredConsoleSession | undefined> {
    const row = this.rows.get(idHash);
    if (!row || row.createdAt <= createdAfter || row.lastUsedAt <= usedAfter) {
      this.rows.delete(idHash);
      return undefined;
    }
    row.lastUsedAt = now;
    return { ...row };
  }
  async delete(idHash: string): Promise<void> {
    this.rows.delete(idHash);
  }
  async deleteExpired(createdAfter: number, usedAfter: number): Promise<number> {
    let deleted = 0;
    for (const [key, row] of this.rows) if (row.createdAt <= createdAfter || row.lastUsedAt <= usedAfter) deleted += Number(this.rows.delete(key));
    return deleted;
  }
}

const keyring = new MasterKeyring([{ version: 'test1', key: new SecretBytes(Buffer.alloc(32, 9)) }]);

function request(method: string, headers: Record<string, string>): FastifyRequest {
  return { method, headers } as unknown as FastifyRequest;
}

describe('ConsoleSessions', () => {
  async function signedIn(idToken?: string) {
    const sessions = new ConsoleSessions();
    const store = new MemoryStore();
    sessions.configure(config, store, keyring);
    const { response, cookies } = responseRecorder();
    const session = await sessions.create(user, idToken, response);
    return { sessions, store, session, cookie: `samvirke-session=${cookies[0].value}`, cookies };
  }

  it('sets an HttpOnly, SameSite=Lax cookie holding only a random id', async () => {
    const { cookies, session } = await signedIn();
    expect(cookies).toHaveLength(1);
    expect(cookies[0].options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
    expect(cookies[0].value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookies[0].value).not.toBe(session.csrfToken);
  });

  it('reads with the cookie alone, and writes only with the session CSRF token from the own origin', async () => {
    const { sessions, session, cookie } = await signedIn();
    await expect(sessions.authenticate(request('GET', { cookie }))).resolves.toEqual(user);
    await expect(sessions.authenticate(request('POST', { cookie }))).rejects.toEqual(new SessionRequestRefused('csrf-token'));
    await expect(sessions.authenticate(request('POST', { cookie, 'x-csrf-token': 'guess' }))).rejects.toEqual(new SessionRequestRefused('csrf-token'));
    await expect(sessions.authenticate(request('POST', { cookie, 'x-csrf-token': session.csrfToken, origin: 'http://evil.example' }))).rejects.toEqual(
      new SessionRequestRefused('origin'),
    );
    await expect(sessions.authenticate(request('POST', { cookie, 'x-csrf-token': session.csrfToken, origin: 'http://127.0.0.1:3000' }))).resolves.toEqual(user);
  });

  it('knows no session without a cookie, with an unknown one, or before it is configured', async () => {
    const { sessions } = await signedIn();
    await expect(sessions.authenticate(request('GET', {}))).resolves.toBeNull();
    await expect(sessions.authenticate(request('GET', { cookie: 'samvirke-session=unknown' }))).resolves.toBeNull();
    const unconfigured = new ConsoleSessions();
    await expect(unconfigured.authenticate(request('GET', { cookie: 'samvirke-session=x' }))).resolves.toBeNull();
  });

  it('ends a session on sign-out', async () => {
    const { sessions, store, cookie } = await signedIn();
    await sessions.end(request('POST', { cookie }), responseRecorder().response);
    await expect(sessions.authenticate(request('GET', { cookie }))).resolves.toBeNull();
    expect(store.rows.size).toBe(0);
  });

  it('stores the id only as its SHA-256 and the ID token sealed, and opens it again for the same session only', async () => {
    const { sessions, store, cookies, cookie } = await signedIn('eyJhbGciOiJSUzI1NiJ9.payload.signature');
    const [row] = [...store.rows.values()];
    expect(row.idHash).toBe(sessionIdHash(cookies[0].value));
    expect(row.keyVersion).toBe('test1');
    expect(row.idTokenSealed!.toString('latin1')).not.toContain('eyJ');
    expect((await sessions.find(request('GET', { cookie })))?.idToken).toBe('eyJhbGciOiJSUzI1NiJ9.payload.signature');
    // The sealed token moved to another session's row does not open.
    const other = await signedIn();
    const [otherRow] = [...other.store.rows.values()];
    otherRow.idTokenSealed = row.idTokenSealed;
    otherRow.keyVersion = row.keyVersion;
    const moved = await other.sessions.find(request('GET', { cookie: other.cookie }));
    expect(moved?.user).toEqual(user);
    expect(moved?.idToken).toBeUndefined();
  });

  it('forgets a session past its idle or absolute expiry, and sweeps expired ones at sign-in', async () => {
    const { sessions, store, cookie } = await signedIn();
    const [row] = [...store.rows.values()];
    row.lastUsedAt -= config.sessionIdleMinutes * 60_000 + 1;
    await expect(sessions.authenticate(request('GET', { cookie }))).resolves.toBeNull();
    expect(store.rows.size).toBe(0);
    const again = await signedIn();
    const [old] = [...again.store.rows.values()];
    old.createdAt -= config.sessionHours * 3_600_000 + 1;
    await again.sessions.create(user, undefined, responseRecorder().response);
    expect(again.store.rows.size).toBe(1);
    expect(again.store.rows.has(old.idHash)).toBe(false);
  });
});

describe('safeReturnTo', () => {
  it('comes back only to the console', () => {
    expect(safeReturnTo('/app/cases/0689de15-5aad-56c0-8b6b-3886876bbd35')).toBe('/app/cases/0689de15-5aad-56c0-8b6b-3886876bbd35');
    for (const elsewhere of ['https://evil.example', '//evil.example', '/app//evil.example', '/docs', '/\\evil', undefined, ['/app']]) {
      expect(safeReturnTo(elsewhere)).toBe('/app');
    }
  });
});
