import { randomUUID } from 'node:crypto';
import { assessOverWhatWasRead } from '../../clients/typescript/example';
import { createSamvirkeClient } from '../../clients/typescript';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen, referralOf } from '../support/referrals';

/**
 * The generated client (clients/typescript, openapi-fetch over the OpenAPI document) against the
 * real API over real HTTP: the README's write flow as its usage example writes it, and errors
 * arriving as problem details in `error`.
 */
describe('the typed client', () => {
  let api: TestApp;
  const coordinator: TestUser & { userId: string } = { userId: `coord-client-${randomUUID().slice(0, 8)}`, agency: 'BIF', roles: ['coordinator'] };

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("walks the README's write flow: reads the revision, writes with If-Match, and gets 412 with the current revision for a stale one", async () => {
    const citizen = testCitizen();
    // Referred and taken over as the other e2e files open cases (a referral answers 202 and names no case).
    const { caseId, position } = await referCitizen(api.request, coordinator, referralOf(citizen), { coordinator });
    // The example reads without consistentWith: wait here until the summary has the case.
    expect((await api.request('GET', `/cases/${caseId}?consistentWith=${position}`, { user: coordinator })).status).toBe(200);

    const flow = await assessOverWhatWasRead(api.baseUrl, await api.auth.token(coordinator), caseId);
    expect(flow.revision).toBe(flow.revisionRead + 1);
    expect(flow.position).toMatch(/^[0-9a-f]{16}\.[0-9a-f]{16}$/);
    expect(flow.refusal).toEqual({ status: 412, reason: 'REVISION_CONFLICT', currentRevision: flow.revision });
    expect(flow.revisionNow).toBe(flow.revision);
  });

  it('gives an error answer as problem details in `error`, with its reason', async () => {
    const client = createSamvirkeClient(api.baseUrl, await api.auth.token(coordinator));
    const missing = await client.GET('/cases/{caseId}', { params: { path: { caseId: randomUUID() } } });
    expect(missing.data).toBeUndefined();
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404, reason: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) });
  });
});
