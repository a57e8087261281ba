import type { Request, Response } from 'express';
import { SessionRequestRefused } from '@samvirke/access';
import { loadConsoleConfig } from './console-config';
import { ConsoleSessions } from './console-sessions';
import { safeReturnTo } from './return-to';
import type { AppConfig } from '@samvirke/platform';

const config = loadConsoleConfig({}, { production: false, host: '127.0.0.1', port: 3000 } as AppConfig);
const user = { userId: 'coord-01', agency: 'BIF', roles: ['coordinator' as const] };

/** What the sessions touch of an Express response: the cookie it sets. */
function responseRecorder() {
  const cookies: Array<{ name: string; value: string; options: Record<string, unknown> }> = [];
  const response = {
    cookie: (name: string, value: string, options: Record<string, unknown>) => cookies.push({ name, value, options }),
    clearCookie: () => undefined,
  } as unknown as Response;
  return { response, cookies };
}

function request(method: string, headers: Record<string, string>): Request {
  return { method, headers } as unknown as Request;
}

describe('ConsoleSessions', () => {
  function signedIn() {
    const sessions = new ConsoleSessions();
    sessions.configure(config);
    const { response, cookies } = responseRecorder();
    const session = sessions.create(user, undefined, response);
    return { sessions, session, cookie: `samvirke-session=${cookies[0].value}`, cookies };
  }

  it('sets an HttpOnly, SameSite=Lax cookie holding only a random id', () => {
    const { cookies, session } = signedIn();
    expect(cookies).toHaveLength(1);
    expect(cookies[0].options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
    expect(cookies[0].value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookies[0].value).not.toBe(session.csrfToken);
  });

  it('reads with the cookie alone, and writes only with the session CSRF token from the own origin', async () => {
    const { sessions, session, cookie } = signedIn();
    await expect(sessions.authenticate(request('GET', { cookie }))).resolves.toEqual(user);
    await expect(sessions.authenticate(request('POST', { cookie }))).rejects.toEqual(new SessionRequestRefused('csrf-token'));
    await expect(sessions.authenticate(request('POST', { cookie, 'x-csrf-token': 'guess' }))).rejects.toEqual(new SessionRequestRefused('csrf-token'));
    await expect(sessions.authenticate(request('POST', { cookie, 'x-csrf-token': session.csrfToken, origin: 'http://evil.example' }))).rejects.toEqual(
      new SessionRequestRefused('origin'),
    );
    await expect(sessions.authenticate(request('POST', { cookie, 'x-csrf-token': session.csrfToken, origin: 'http://127.0.0.1:3000' }))).resolves.toEqual(user);
  });

  it('knows no session without a cookie, with an unknown one, or before it is configured', async () => {
    const { sessions } = signedIn();
    await expect(sessions.authenticate(request('GET', {}))).resolves.toBeNull();
    await expect(sessions.authenticate(request('GET', { cookie: 'samvirke-session=unknown' }))).resolves.toBeNull();
    const unconfigured = new ConsoleSessions();
    await expect(unconfigured.authenticate(request('GET', { cookie: 'samvirke-session=x' }))).resolves.toBeNull();
  });

  it('ends a session on sign-out', async () => {
    const { sessions, cookie } = signedIn();
    sessions.end(request('POST', { cookie }), responseRecorder().response);
    await expect(sessions.authenticate(request('GET', { cookie }))).resolves.toBeNull();
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
