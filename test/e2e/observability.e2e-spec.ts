import { startTestApp, type TestApp } from '../support/test-app';

const user = { agency: 'SOF', roles: ['liaison' as const] };

describe('observability and protection over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => api?.close());

  it('serves Prometheus metrics with every metric the operators rely on', async () => {
    await api.request('GET', '/reference-data', { user });
    await api.request('POST', '/cases', { user, body: { nonsense: true } });
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const metric of [
      'samvirke_http_request_duration_seconds_bucket',
      'samvirke_event_store_append_duration_seconds',
      'samvirke_projection_position',
      'samvirke_projection_lag_events',
      'samvirke_audit_write_failures_total',
      'samvirke_erasures_total',
      'samvirke_process_resident_memory_bytes',
    ]) {
      expect({ metric, present: text.includes(metric) }).toEqual({ metric, present: true });
    }
    expect(text).toMatch(/samvirke_http_request_duration_seconds_count\{method="GET",route="\/reference-data",status="200"\} \d+/);
  });

  it('splits health into liveness and readiness', async () => {
    expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('sends security headers and no CORS headers unless configured', async () => {
    const response = await fetch(`${api.baseUrl}/health`, { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await api.request('POST', '/cases', { user, body: JSON.stringify({ reason: 'x'.repeat(300_000) }) });
    expect(response.status).toBe(413);
  });

  it('limits each user to the configured number of requests per minute (429), health excepted', async () => {
    const token = await api.auth.token(user);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await fetch(`${api.baseUrl}/reference-data`, { headers: { authorization: `Bearer ${token}` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const otherUser = await api.auth.token(user);
    expect((await fetch(`${api.baseUrl}/reference-data`, { headers: { authorization: `Bearer ${otherUser}` } })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
  });
});
