import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import { TestClock } from '../support/test-clock';
import type { TestUser } from '../support/tokens';
import { referCitizen, referralOf } from '../support/referrals';

/**
 * Issue 21: the timeline of an erased, closed case says so (an erasure marker: when and why) and
 * raises no more deadlines: road-map items and every other open item end on the day of the erasure.
 */
describe('the timeline of an erased case', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinatorId = `coord-et-${suffix}`;
  const coordinator: TestUser = { userId: coordinatorId, agency: 'BIF', roles: ['coordinator'] };
  const prison: TestUser = { userId: `prison-et-${suffix}`, agency: 'KBH-FAENGSLER', roles: ['liaison'] };

  beforeAll(async () => {
    api = await startTestApp({ clock: new TestClock(new Date('2026-07-02T10:00:00.000Z')) });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<{ position: string; body: any }> {
    const response = await api.request(method, path, { user, body });
    if (![200, 201].includes(response.status)) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return { position: response.body.position, body: response.body };
  }

  async function timeline(caseId: string, position: string): Promise<any[]> {
    const response = await api.request('GET', `/cases/${caseId}/timeline?consistentWith=${position}&limit=200`, { user: coordinator });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  it('shows an erasure marker and no item due or overdue after the erasure', async () => {
    api.clock.set('2026-07-02T10:00:00.000Z');
    const { caseId } = await referCitizen(api.request, coordinator, referralOf(testCitizen(2003), { reason: 'Løsladelse' }), {
      coordinator: { ...coordinator, userId: coordinatorId },
    });
    const base = `/cases/${caseId}`;
    await ok('POST', `${base}/agencies/KBH-FAENGSLER`, coordinator, {});
    await ok('POST', `${base}/custody`, prison, {
      custodyId: randomUUID(),
      kind: 'sentence',
      institution: 'Vestre Fængsel',
      startedOn: '2026-07-01',
      expectedReleaseOn: '2026-12-01',
    });
    await ok('POST', `${base}/actions`, coordinator, { actionId: randomUUID(), title: 'Handleplan', responsibleAgency: 'BIF', dueDate: '2026-07-20' });

    api.clock.set('2026-08-20T10:00:00.000Z');
    const closed = await ok('POST', `${base}/close`, coordinator, { reason: 'goals-achieved' });
    const beforeErasure = await timeline(caseId, closed.position);
    // So the check below can fail: something is still open or overdue on the closed case.
    expect(beforeErasure.filter((item) => item.status === 'due' || item.status === 'overdue').length).toBeGreaterThan(0);

    api.clock.set('2026-08-21T10:00:00.000Z');
    const erased = await ok('POST', `${base}/erasure`, coordinator, { scope: 'citizen', reason: 'erasure-request' });
    const items = await timeline(caseId, erased.position);
    expect(items.filter((item) => item.status === 'due' || item.status === 'overdue')).toEqual([]);
    expect(items.filter((item) => item.kind === 'road-map').every((item) => ['ended', 'done', 'done-late'].includes(item.status))).toBe(true);
    expect(items.filter((item) => item.kind === 'erasure')).toEqual([
      expect.objectContaining({
        kind: 'erasure',
        on: '2026-08-21',
        status: 'done',
        resolution: 'erased',
        title: "Citizen's personal data erased (reason: erasure request)",
      }),
    ]);

    // A month later nothing has become overdue either.
    api.clock.set('2026-12-24T10:00:00.000Z');
    const later = await timeline(caseId, erased.position);
    expect(later.filter((item) => item.status === 'due' || item.status === 'overdue')).toEqual([]);
  });
});
