import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import { TestClock } from '../support/test-clock';
import type { TestUser } from '../support/tokens';
import { referCitizen, referralOf } from '../support/referrals';

/**
 * Issue 21: the auditors' two time axes on GET /audit/cases/:caseId/state. The release story's facts
 * are entered after the fact (in November, dated February and March): "on 2026-03-01" the case was
 * at level 3 (the charge of 2 March and the level-4 reassessment of 10 March are later facts), and
 * "as known at" an instant before the reassessment was entered, level 3 too, whatever the date.
 */
describe('audit: recorded time and the date facts carry', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinatorId = `coord-axes-${suffix}`;
  const coordinator: TestUser = { userId: coordinatorId, agency: 'BIF', roles: ['coordinator'] };
  const police: TestUser = { userId: `police-axes-${suffix}`, agency: 'KBH-POLITI', roles: ['liaison'] };
  const auditor: TestUser = { userId: `auditor-axes-${suffix}`, agency: 'OKF', roles: ['auditor'] };

  beforeAll(async () => {
    api = await startTestApp({ clock: new TestClock(new Date('2026-11-02T10:00:00.000Z')) });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<any> {
    const response = await api.request(method, path, { user, body });
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const state = (caseId: string, query: string) => ok('GET', `/audit/cases/${caseId}/state?${query}`, auditor);

  it('answers "on a date, as known now", "as recorded at an instant" and both together; a date is no longer refused', async () => {
    const { caseId } = await referCitizen(api.request, coordinator, referralOf(testCitizen(2004), { reason: 'Løsladelse' }), {
      coordinator: { ...coordinator, userId: coordinatorId },
    });
    const base = `/cases/${caseId}`;
    await ok('POST', `${base}/agencies/KBH-POLITI`, coordinator, {});
    await ok('POST', `${base}/assessments`, coordinator, { level: 3, rationale: 'Gentagen kriminalitet', assessedOn: '2026-02-01' });
    await ok('POST', `${base}/charges`, police, { chargeId: randomUUID(), offenceCategory: 'burglary', chargedOn: '2026-03-02' });
    // Recorded time is the store's own clock (the real one), not the app's test clock.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeReassessment = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ok('POST', `${base}/assessments`, coordinator, { level: 4, rationale: 'Vold', assessedOn: '2026-03-10' });

    // The date axis, as known now.
    const onMarch1 = await state(caseId, 'asOf=2026-03-01');
    expect(onMarch1).toMatchObject({ inForceOn: '2026-03-01', asOf: null, sspLevel: 3, state: { status: 'open' } });
    expect(onMarch1.state.categoryAssessments).toEqual([expect.objectContaining({ level: 3, assessedOn: '2026-02-01' })]);
    expect(await state(caseId, 'asOf=2026-03-15')).toMatchObject({ sspLevel: 4 });
    expect(await state(caseId, 'asOf=2026-01-15')).toMatchObject({ sspLevel: null, state: { status: 'open' } });

    // Recorded time: before the reassessment was entered, level 3.
    expect(await state(caseId, `asOf=${encodeURIComponent(beforeReassessment)}`)).toMatchObject({ asOf: beforeReassessment, inForceOn: null, sspLevel: 3 });
    expect(await state(caseId, '')).toMatchObject({ asOf: null, inForceOn: null, sspLevel: 4 });

    // Both: what was known at that instant about 15 March.
    expect(await state(caseId, `asOf=2026-03-15&knownAt=${encodeURIComponent(beforeReassessment)}`)).toMatchObject({
      asOf: beforeReassessment,
      inForceOn: '2026-03-15',
      sspLevel: 3,
    });

    for (const bad of [
      'asOf=2026-02-30',
      'asOf=yesterday',
      'asOf=2026-03-01T10:00:00',
      `asOf=${encodeURIComponent(beforeReassessment)}&knownAt=${encodeURIComponent(beforeReassessment)}`,
      'asOf=2026-03-01&knownAt=2026-03-01',
    ]) {
      const refused = await api.request('GET', `/audit/cases/${caseId}/state?${bad}`, { user: auditor });
      expect({ bad, status: refused.status }).toEqual({ bad, status: 400 });
    }
  });
});
