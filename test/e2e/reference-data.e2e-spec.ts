import { startTestApp, type TestApp } from '../support/test-app';

describe('reference data and the API description over HTTP', () => {
  let api: TestApp;
  const reader = { agency: 'SOF', roles: ['liaison' as const] };
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('lists each reference list with its version', async () => {
    const index = await api.request('GET', '/reference-data', { user: reader });
    expect(index.status).toBe(200);
    expect(index.body.versions.agencies).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const agencies = await api.request('GET', '/reference-data/agencies', { user: reader });
    expect(agencies.body.items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['BIF', 'SOF', 'KBH-POLITI', 'KRIMINALFORSORGEN']));
    const districts = await api.request('GET', '/reference-data/districts', { user: reader });
    expect(districts.body.items.length).toBe(35);
    const cityDistricts = await api.request('GET', '/reference-data/city-districts', { user: reader });
    expect(cityDistricts.body.items.length).toBeGreaterThanOrEqual(10);
    for (const list of ['programmes', 'offence-categories', 'legal-bases', 'road-maps', 'progression-scale']) {
      const response = await api.request('GET', `/reference-data/${list}`, { user: reader });
      expect({ list, status: response.status }).toEqual({ list, status: 200 });
    }
  });

  it('answers 404 for an unknown list and 401 without a token', async () => {
    expect((await api.request('GET', '/reference-data/nope', { user: reader })).status).toBe(404);
    expect((await api.request('GET', '/reference-data/agencies')).status).toBe(401);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = await api.request('GET', '/docs/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/cases', '/cases/{caseId}/entries', '/reference-data/{list}']));
    const ui = await api.request('GET', '/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });
});
