import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@samvirke/event-store';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Effect measures over real HTTP: cases are written to the event store with business dates in 2011,
 * a year no other test uses, so the 2011 cells are this file's own whatever else runs in parallel.
 */
describe('effects endpoints (e2e)', () => {
  let app: TestApp;
  const coordinator = { userId: 'coord-effects', agency: 'BIF', roles: ['coordinator' as const] };
  const auditor = { userId: 'auditor-effects', agency: 'OKF', roles: ['auditor' as const] };
  const liaison = { userId: 'liaison-effects', agency: 'SOF', roles: ['liaison' as const] };

  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(async () => app?.close());

  const event = (type: string, data: Record<string, unknown>, agency = 'BIF'): NewEvent => ({ id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor: 'e2e', agency, correlationId: randomUUID() } });

  async function enrolledCase(enrolledOn: string, selfSufficientOn?: string): Promise<string> {
    const caseId = randomUUID();
    const events = [
      event('CaseOpened', { citizenId: caseId, cprHash: 'h', name: { sealed: 'x' }, cpr: { sealed: 'x' }, birthDate: '1990-02-01', districtCode: 'VALBY-2', referredBy: 'BIF', reason: { sealed: 'x' }, openedAt: '2011-01-01T09:00:00Z' }),
      event('EnrolledInProgramme', { programmeCode: 'SSP_PLUS', startedOn: enrolledOn }),
      ...(selfSufficientOn ? [event('SelfSufficiencyReached', { reachedOn: selfSufficientOn, through: 'employment' })] : []),
    ];
    return (await app.store.appendToStream(`case-${caseId}`, events, 'no-stream')).position;
  }

  it('lists the measure definitions with cohort, window and definition', async () => {
    const response = await app.request('GET', '/effects/measures', { user: auditor });
    expect(response.status).toBe(200);
    const measure = response.body.measures.find((m: { code: string }) => m.code === 'self-sufficiency-12m');
    expect(measure).toMatchObject({ anchor: 'enrolment', windowMonths: 12, programmes: expect.arrayContaining(['SSP_PLUS']) });
    expect(measure.cohort).toMatch(/SSP_PLUS/);
    expect(measure.definition).toMatch(/self-sufficient/);
  });

  it('reports a measure by period in JSON, CSV and SVG with small cells suppressed, reproducibly as of an instant', async () => {
    for (let i = 0; i < 6; i++) await enrolledCase('2011-02-10', i < 5 ? '2011-12-01' : undefined);
    let position = '';
    for (let i = 0; i < 3; i++) position = await enrolledCase('2011-05-10', '2011-12-01');
    // A second small cell, so two are hidden and no complementary suppression touches 2011-Q1
    // whatever other files have in this database.
    for (let i = 0; i < 2; i++) position = await enrolledCase('2011-08-10', '2011-12-01');
    const asOf = new Date(Date.now() + 1000).toISOString();
    const query = `by=period&measurementDate=2013-01-01&asOf=${asOf}&consistentWith=${position}`;

    const json = await app.request('GET', `/effects/measures/self-sufficiency-12m?${query}`, { user: coordinator });
    expect(json.status).toBe(200);
    expect(json.body.measure.window).toMatch(/12 month/);
    expect(json.body.cells.find((c: { key: string }) => c.key === '2011-Q1')).toEqual({ key: '2011-Q1', people: 6, count: 5, share: 0.8333, suppressed: false });
    expect(json.body.cells.find((c: { key: string }) => c.key === '2011-Q2')).toEqual({ key: '2011-Q2', people: '<5', count: '<5', share: null, suppressed: true });

    const csv = await app.request('GET', `/effects/measures/self-sufficiency-12m?${query}&format=csv`, { user: auditor });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain(',period,2011-Q1,6,5,0.8333,');
    expect(csv.body).toContain(',period,2011-Q2,<5,<5,,');

    const svg = await app.request('GET', `/effects/measures/self-sufficiency-12m/chart.svg?measurementDate=2013-01-01&asOf=${asOf}`, { user: coordinator });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('class="suppressed"');

    // A correction recorded later: the report as of the published instant does not move.
    const before = JSON.stringify(json.body);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await enrolledCase('2011-02-11', '2011-03-01');
    const again = await app.request('GET', `/effects/measures/self-sufficiency-12m?by=period&measurementDate=2013-01-01&asOf=${asOf}`, { user: coordinator });
    expect(JSON.stringify(again.body)).toBe(before);
  });

  it('refuses other roles, unknown measures and invalid breakdowns', async () => {
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m', { user: liaison })).status).toBe(403);
    expect((await app.request('GET', '/effects/measures/no-such-measure', { user: coordinator })).status).toBe(404);
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m?by=name', { user: coordinator })).status).toBe(400);
    expect((await app.request('GET', '/effects/measures/self-sufficiency-12m?programme=VINK', { user: coordinator })).status).toBe(400);
  });

  it('imports the safety index from CSV with line-numbered validation and shows it beside the area efforts', async () => {
    const header = 'district,year,felt_safety,violence-threats,burglary,theft,narcotics,vandalism,harassment';
    const bad = await app.request('POST', '/effects/safety-index', { user: coordinator, body: { csv: `${header}\nNOWHERE-1,2011,80,1,2,3,4,5,6\nVALBY-2,2011,180,1,2,3,4,5,6\n` } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { line: number }) => p.line)).toEqual([2, 3]);
    // The test client always sends JSON, so the text/csv body goes through fetch directly.
    const good = await fetch(`${app.baseUrl}/effects/safety-index`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.auth.token(coordinator)}`, 'content-type': 'text/csv' },
      body: `${header}\r\nVALBY-2,2011,71.5,3.1,2,4.5,1,2.2,0.5\r\n`,
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ imported: 1 });
    const shown = await app.request('GET', '/effects/safety-index?year=2011', { user: auditor });
    expect(shown.status).toBe(200);
    expect(shown.body.districts.find((d: { districtCode: string }) => d.districtCode === 'VALBY-2')).toMatchObject({
      cityDistrict: 'VALBY',
      safetyIndex: { feltSafety: 71.5, victimisation: { 'violence-threats': 3.1, harassment: 0.5 } },
    });
  });
});
