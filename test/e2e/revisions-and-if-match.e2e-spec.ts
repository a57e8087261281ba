import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { caseIdOfCitizen } from '../support/referrals';

/**
 * The README's write flow, as a client follows it: read the case's ETag, write with it as If-Match,
 * and have a write built on a stale read refused with 412 Precondition Failed and the revision to
 * read again from. `If-Match: *` writes only to a case that exists (and that the caller sees).
 */
describe('revisions on reads and If-Match on writes', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-rev-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const stranger: TestUser = { userId: `coord-rev-sof-${suffix}`, agency: 'SOF', roles: ['coordinator'] };

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  const today = () => copenhagenDate(api.clock.now());
  const streamLength = async (caseId: string) => (await api.store.readStream(`case-${caseId}`)).length;

  async function openCase(): Promise<{ caseId: string; revision: number; position: string }> {
    const citizen = testCitizen();
    const opened = await api.request('POST', '/cases', {
      user: coordinator,
      body: { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'NORREBRO-1', reason: 'Henvist' },
    });
    expect(opened.status).toBe(202);
    // The referral names no case: find it by the CPR, and its revision and position in the store.
    const caseId = await caseIdOfCitizen(citizen.cpr);
    const last = (await api.store.readStream(`case-${caseId}`)).at(-1)!;
    return { caseId, revision: last.streamRevision, position: last.globalPosition };
  }

  async function read(caseId: string, position: string) {
    const response = await api.request('GET', `/cases/${caseId}?consistentWith=${position}`, { user: coordinator });
    expect(response.status).toBe(200);
    return response;
  }

  it('reads a strong ETag "<revision>" and the revision in the body, writes with it, and refuses a stale one with 412 and the current revision', async () => {
    const opened = await openCase();
    const first = await read(opened.caseId, opened.position);
    expect(first.headers.get('etag')).toBe(`"${opened.revision}"`);
    expect(first.body.revision).toBe(opened.revision);

    const written = await api.request('POST', `/cases/${opened.caseId}/assessments`, {
      user: coordinator,
      headers: { 'If-Match': first.headers.get('etag')! },
      body: { level: 3, rationale: 'Vurdering', assessedOn: today() },
    });
    expect(written.status).toBe(201);
    expect(written.body.revision).toBe(opened.revision + 1);
    expect(written.headers.get('etag')).toBe(`"${opened.revision + 1}"`);

    const lengthBefore = await streamLength(opened.caseId);
    const stale = await api.request('POST', `/cases/${opened.caseId}/assessments`, {
      user: coordinator,
      headers: { 'If-Match': first.headers.get('etag')! },
      body: { level: 4, rationale: 'Ny vurdering', assessedOn: today() },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ status: 412, reason: 'REVISION_CONFLICT', currentRevision: opened.revision + 1 });
    expect(stale.headers.get('etag')).toBe(`"${opened.revision + 1}"`);
    expect(await streamLength(opened.caseId)).toBe(lengthBefore);

    const again = await read(opened.caseId, written.body.position);
    expect(again.headers.get('etag')).toBe(`"${opened.revision + 1}"`);
    expect(again.body.revision).toBe(opened.revision + 1);
  });

  it('writes with If-Match: * to a case that exists, and answers 404 as usual for one that does not or that the caller may not see', async () => {
    const opened = await openCase();
    const body = { level: 2, rationale: 'Vurdering', assessedOn: today() };
    const any = await api.request('POST', `/cases/${opened.caseId}/assessments`, { user: coordinator, headers: { 'If-Match': '*' }, body });
    expect(any.status).toBe(201);
    const missing = await api.request('POST', `/cases/${randomUUID()}/assessments`, { user: coordinator, headers: { 'If-Match': '*' }, body });
    expect(missing.status).toBe(404);
    const hidden = await api.request('POST', `/cases/${opened.caseId}/assessments`, { user: stranger, headers: { 'If-Match': '*' }, body });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('takes no If-Match on a referral, which builds on no revision (it would tell the revision of a case the referrer may not see)', async () => {
    const citizen = testCitizen();
    const referral = await api.request('POST', '/cases', {
      user: coordinator,
      headers: { 'If-Match': '"0"' },
      body: { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'NORREBRO-1', reason: 'Henvist' },
    });
    expect(referral.status).toBe(400);
    expect(referral.body.violations).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });

  it('refuses a write whose body is not JSON with 415, and appends nothing', async () => {
    const opened = await openCase();
    const before = await streamLength(opened.caseId);
    for (const [contentType, text] of [
      ['application/x-www-form-urlencoded', 'level=3&rationale=x&assessedOn=2026-01-01'],
      ['text/plain', '{"level":3,"rationale":"x","assessedOn":"2026-01-01"}'],
      // JSON in another charset would be misread as UTF-8: refused, as body-parser refused it.
      ['application/json; charset=latin1', '{"level":3,"rationale":"x","assessedOn":"2026-01-01"}'],
    ]) {
      const response = await fetch(`${api.baseUrl}/cases/${opened.caseId}/assessments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await api.auth.token(coordinator)}`, 'content-type': contentType },
        body: text,
      });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 415 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 415, reason: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(await streamLength(opened.caseId)).toBe(before);
  });
});
