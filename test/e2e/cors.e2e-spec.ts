import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/tokens';

/**
 * CORS, on only when CORS_ORIGINS names the origins that may call the API from a browser (a console
 * served from elsewhere). Over real HTTP against the real app: a listed origin's preflight is
 * allowed, with the headers the API takes and exposes; any other origin gets no permission; every
 * answer, a preflight included, carries the fixed headers (no-store, helmet's, the request id).
 */
const ALLOWED = 'https://console.samvirke.example';
const coordinator: TestUser = { userId: 'coord-cors', agency: 'BIF', roles: ['coordinator'] };

describe('CORS with CORS_ORIGINS set', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ env: { CORS_ORIGINS: `${ALLOWED}, https://other.samvirke.example` } });
  });

  afterAll(async () => {
    await api.close();
  });

  const fixedHeadersOf = (headers: Headers) => ({
    cacheControl: headers.get('cache-control'),
    nosniff: headers.get('x-content-type-options'),
    requestId: /^[0-9a-f-]{36}$/.test(headers.get('x-request-id') ?? ''),
  });
  const FIXED = { cacheControl: 'no-store', nosniff: 'nosniff', requestId: true };

  const preflight = (origin: string) =>
    fetch(`${api.baseUrl}/cases`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });

  it("allows a listed origin's preflight, with the methods and headers the API takes, and the fixed headers", async () => {
    const answer = await preflight(ALLOWED);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(answer.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(fixedHeadersOf(answer.headers)).toEqual(FIXED);
  });

  it('gives an origin not listed no permission, and the fixed headers all the same', async () => {
    const answer = await preflight('https://evil.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(fixedHeadersOf(answer.headers)).toEqual(FIXED);
  });

  it('lets a listed origin read an answer and the headers a client needs (ETag, Location, X-Request-Id)', async () => {
    const answer = await api.request('GET', '/cases', { user: coordinator, headers: { origin: ALLOWED } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);
    expect(fixedHeadersOf(answer.headers)).toEqual(FIXED);
    const refused = await api.request('GET', '/cases', { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an OPTIONS that is no preflight with 204 and no permission, and the fixed headers', async () => {
    const answer = await fetch(`${api.baseUrl}/cases`, { method: 'OPTIONS' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(await answer.text()).toBe('');
    expect(fixedHeadersOf(answer.headers)).toEqual(FIXED);
  });
});
