import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen, referralOf } from '../support/referrals';

/**
 * Issue 20: the auditors' search of the access log (GET /audit/log): who, case, kind of access,
 * declared purpose and period, paged; auditors only (403 for every other role); a bad filter is a
 * problem+json 400 naming the field, echoing nothing. Each test user has a fresh id, so the counts
 * are this file's whatever else runs.
 */
describe('audit log search over HTTP', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-search-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const auditor: TestUser = { userId: `auditor-search-${suffix}`, agency: 'OKF', roles: ['auditor'] };
  const reader: TestUser = { userId: `reader-search-${suffix}`, agency: 'OKF', roles: ['auditor'] };

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  const search = async (query: string, user: TestUser = auditor) => api.request('GET', `/audit/log?${query}`, { user });

  it('finds the accesses by who, case, kind of access, purpose and period, a page at a time', async () => {
    const { caseId } = await referCitizen(api.request, coordinator, referralOf(testCitizen(2004), { reason: 'Løsladelse' }), {
      coordinator: coordinator as TestUser & { userId: string },
    });
    const before = new Date().toISOString();
    const purposes: Record<string, string> = { '/events': 'audit', '/state': 'coordination', '/verification': 'audit' };
    for (const [path, purpose] of Object.entries(purposes)) {
      const response = await api.request('GET', `/audit/cases/${caseId}${path}`, { user: reader, headers: { 'X-Purpose': purpose } });
      expect(response.status).toBe(200);
    }
    expect((await api.request('GET', `/cases/${caseId}/access-report`, { user: reader, headers: { 'X-Purpose': 'citizen-access-request' } })).status).toBe(200);

    const mine = await search(`userId=${reader.userId}&caseId=${caseId}`);
    expect(mine.status).toBe(200);
    expect((mine.body.items as any[]).map((item) => item.route)).toEqual([
      '/audit/cases/:caseId/events',
      '/audit/cases/:caseId/state',
      '/audit/cases/:caseId/verification',
      '/cases/:caseId/access-report',
    ]);

    const forAudit = await search(`userId=${reader.userId}&purpose=audit`);
    expect((forAudit.body.items as any[]).map((item) => [item.route, item.purpose])).toEqual([
      ['/audit/cases/:caseId/events', 'audit'],
      ['/audit/cases/:caseId/verification', 'audit'],
    ]);
    const exports = await search(`userId=${reader.userId}&action=export`);
    expect((exports.body.items as any[]).map((item) => [item.route, item.action, item.purpose])).toEqual([
      ['/cases/:caseId/access-report', 'export', 'citizen-access-request'],
    ]);
    expect((await search(`userId=${reader.userId}&action=change`)).body.items).toEqual([]);
    expect((await search(`userId=${reader.userId}&to=${encodeURIComponent(before)}`)).body.items).toEqual([]);
    expect((await search(`userId=${reader.userId}&from=${encodeURIComponent(before)}`)).body.items).toHaveLength(4);

    const first = await search(`userId=${reader.userId}&limit=3`);
    expect(first.body).toMatchObject({ limit: 3, offset: 0, nextOffset: 3 });
    const second = await search(`userId=${reader.userId}&limit=3&offset=3`);
    expect(second.body).toMatchObject({ offset: 3, nextOffset: null });
    expect((second.body.items as any[]).map((item) => item.route)).toEqual(['/cases/:caseId/access-report']);
  });

  it('answers auditors only, and names a bad filter as problem+json without echoing it', async () => {
    for (const role of ['coordinator', 'liaison', 'reference-admin', 'effects-admin']) {
      const refused = await search('action=read', { userId: `other-${suffix}`, agency: 'BIF', roles: [role] } as TestUser);
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }
    for (const [query, field] of [
      ['action=peek', 'action'],
      ['purpose=curiosity', 'purpose'],
      ['from=yesterday', 'from'],
      ['caseId=not-a-case', 'caseId'],
      ['limit=0', 'limit'],
    ]) {
      const bad = await search(query);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect((bad.body.violations as any[]).map((violation) => violation.field)).toEqual([field]);
      expect(JSON.stringify(bad.body)).not.toMatch(/peek|curiosity|yesterday|not-a-case/);
    }
  });
});
