import { randomBytes, randomUUID } from 'node:crypto';
import type { NewEvent } from '@samvirke/event-store';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Measure definitions as versioned data over real HTTP: an effects administrator adds and changes a
 * measure of this file's own (a random code), every version is kept, and a report names the version
 * it used and can be run again with an older one. Its measure counts LEISURE_JOB only, which no other test enrols
 * anyone in, and cases are enrolled in 2014 and measured on 2015-01-01: no other test's report
 * reaches them (effects.e2e measures on or before 2013-01-01), nor do their cases reach this file's 2014 cell.
 */
describe('effect measure definitions as versioned data (e2e)', () => {
  let app: TestApp;
  const coordinator = { userId: 'coord-definitions', agency: 'BIF', roles: ['coordinator' as const] };
  const effectsAdmin = { userId: 'effects-admin-definitions', agency: 'KFF', roles: ['effects-admin' as const] };
  const code = `e2e-self-sufficiency-${randomBytes(4).toString('hex')}`;
  const definition = {
    code,
    title: 'Self-sufficient 3 months after enrolment (e2e)',
    anchor: 'enrolment',
    windowMonths: 3,
    predicate: { kind: 'self-sufficient-at' },
    programmes: ['LEISURE_JOB'],
  };

  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(async () => app?.close());

  const event = (type: string, data: Record<string, unknown>): NewEvent => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'e2e', agency: 'BIF', correlationId: randomUUID() },
  });
  async function enrolledCase(): Promise<string> {
    const caseId = randomUUID();
    const events = [
      event('CaseOpened', {
        citizenId: caseId,
        cprHash: 'h',
        name: { sealed: 'x' },
        cpr: { sealed: 'x' },
        birthDate: '1993-02-01',
        districtCode: 'VALBY-2',
        referredBy: 'BIF',
        reason: { sealed: 'x' },
        openedAt: '2014-01-01T09:00:00Z',
      }),
      event('EnrolledInProgramme', { programmeCode: 'LEISURE_JOB', startedOn: '2014-02-10' }),
      event('SelfSufficiencyReached', { reachedOn: '2014-04-20', through: 'employment' }),
    ];
    return (await app.store.appendToStream(`case-${caseId}`, events, 'no-stream')).position;
  }

  it('lets only an effects administrator add a measure, refusing a bad definition with the field and rule', async () => {
    expect((await app.request('POST', '/effects/measures', { user: coordinator, body: definition })).status).toBe(403);
    const bad = await app.request('POST', '/effects/measures', {
      user: effectsAdmin,
      body: { ...definition, predicate: { kind: 'sql', query: 'drop table' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ reason: 'INVALID_MEASURE_DEFINITION', field: 'predicate.kind', rule: 'one-of' });
    expect(JSON.stringify(bad.body)).not.toContain('drop table');
    expect((await app.request('GET', `/effects/measures/${code}`, { user: coordinator })).status).toBe(404);
  });

  it('adds, changes and keeps every version, and each report names the version it used, reproducibly', async () => {
    // The app's clock stands still unless moved: it stamps each version when recorded.
    app.clock.set(new Date());
    const added = await app.request('POST', '/effects/measures', { user: effectsAdmin, body: definition });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ code, definitionVersion: 1 });
    expect((await app.request('POST', '/effects/measures', { user: effectsAdmin, body: definition })).status).toBe(409);

    let position = '';
    for (let i = 0; i < 6; i++) position = await enrolledCase();
    // Now, not later: what other files write from here on stays out of the published report.
    const asOf = new Date().toISOString();
    const query = `by=period&measurementDate=2015-01-01&asOf=${asOf}&consistentWith=${position}`;
    const first = await app.request('GET', `/effects/measures/${code}?${query}`, { user: coordinator });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ definitionVersion: 1, measure: { code, windowMonths: 3, programmes: ['LEISURE_JOB'] } });
    expect(first.headers.get('measure-definition-version')).toBe('1');
    expect(first.body.cells.find((c: { key: string }) => c.key === '2014-Q1')).toMatchObject({ people: 6, count: 6 });

    // Recorded after asOf, so the published report keeps version 1 as of its instant.
    app.clock.set(new Date(Date.parse(asOf) + 1000));
    const badChange = await app.request('PUT', `/effects/measures/${code}`, { user: effectsAdmin, body: { ...definition, windowMonths: -1 } });
    expect(badChange.status).toBe(400);
    expect(badChange.body).toMatchObject({ reason: 'INVALID_MEASURE_DEFINITION', field: 'windowMonths', rule: 'whole-number' });
    const { code: _code, ...withoutCode } = definition;
    const changed = await app.request('PUT', `/effects/measures/${code}?ifVersion=1`, {
      user: effectsAdmin,
      body: { ...withoutCode, windowMonths: 2, title: 'Self-sufficient 2 months after enrolment (e2e)' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ code, definitionVersion: 2 });
    expect((await app.request('PUT', `/effects/measures/${code}?ifVersion=1`, { user: effectsAdmin, body: definition })).status).toBe(409);
    expect((await app.request('PUT', '/effects/measures/e2e-no-such-measure', { user: effectsAdmin, body: { ...withoutCode } })).status).toBe(404);

    const now = await app.request('GET', `/effects/measures/${code}?by=period&measurementDate=2015-01-01`, { user: coordinator });
    expect(now.body).toMatchObject({ definitionVersion: 2, measure: { windowMonths: 2 } });
    expect(now.body.cells.find((c: { key: string }) => c.key === '2014-Q1')).not.toMatchObject({ count: 6 });
    const csv = await app.request('GET', `/effects/measures/${code}?by=period&measurementDate=2015-01-01&format=csv`, { user: coordinator });
    expect(csv.headers.get('measure-definition-version')).toBe('2');
    const series = await app.request('GET', `/effects/measures/${code}/series?from=2014-01&to=2014-12`, { user: coordinator });
    expect(series.status).toBe(200);
    expect(series.body.definitionVersion).toBe(2);
    expect(series.headers.get('measure-definition-version')).toBe('2');
    const olderSeries = await app.request('GET', `/effects/measures/${code}/series?from=2014-01&to=2014-12&definitionVersion=1`, { user: coordinator });
    expect(olderSeries.body.definitionVersion).toBe(1);

    // The published report again: by its asOf alone, and with the version named.
    expect(JSON.stringify((await app.request('GET', `/effects/measures/${code}?${query}`, { user: coordinator })).body)).toBe(JSON.stringify(first.body));
    expect(JSON.stringify((await app.request('GET', `/effects/measures/${code}?${query}&definitionVersion=1`, { user: coordinator })).body)).toBe(
      JSON.stringify(first.body),
    );
    expect((await app.request('GET', `/effects/measures/${code}?${query}&definitionVersion=9`, { user: coordinator })).status).toBe(404);

    const versions = await app.request('GET', `/effects/measures/${code}/versions`, { user: coordinator });
    expect(
      versions.body.versions.map((v: { version: number; recordedBy: string; definition: { windowMonths: number } }) => [
        v.version,
        v.recordedBy,
        v.definition.windowMonths,
      ]),
    ).toEqual([
      [1, effectsAdmin.userId, 3],
      [2, effectsAdmin.userId, 2],
    ]);
    const listed = await app.request('GET', '/effects/measures', { user: coordinator });
    expect(listed.body.measures.find((m: { code: string }) => m.code === code)).toMatchObject({ definitionVersion: 2, windowMonths: 2 });
    expect(listed.body.measures.find((m: { code: string }) => m.code === 'self-sufficiency-12m')).toMatchObject({ definitionVersion: 1 });
  });
});
