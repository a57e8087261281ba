import { randomInt, randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * The city-wide information-flow statistics (GET /information-flow/delays) publish closed calendar
 * months only, as they stood at the month's end, with the effect measures' small-cell and
 * complementary suppression, to coordinators and auditors. Two reads a minute apart cannot tell what
 * happened in between, and no cell of 1-4 can be read or worked out from the total.
 *
 * The writes happen with the test clock in a random past month, so no other test's data falls in it.
 */
describe('city-wide information delays: closed months, suppressed small cells', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-delay-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const social: TestUser = { userId: `sof-delay-${suffix}`, agency: 'SOF', roles: ['liaison'] };
  const prison: TestUser = { userId: `prison-delay-${suffix}`, agency: 'KBH-FAENGSLER', roles: ['liaison'] };
  const auditor: TestUser = { userId: `audit-delay-${suffix}`, agency: 'OKF', roles: ['auditor'] };
  // 165 possible first months: a database reused across runs (npm test makes a fresh one) rarely meets an earlier run's month.
  const year = 2010 + randomInt(0, 15);
  const monthNumber = randomInt(1, 11);
  const month = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  const first = month(monthNumber);
  const second = month(monthNumber + 1);
  let position = '';
  let caseId = '';

  async function ok(method: string, path: string, user: TestUser, body?: unknown) {
    const response = await api.request(method, path, { user, body });
    if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    position = response.body.position;
    return response.body;
  }
  const delays = (query: string, user: TestUser = coordinator) =>
    api.request('GET', `/information-flow/delays?${query}${query ? '&' : ''}consistentWith=${position}`, { user });
  const hoursLater = (hours: number) => api.clock.set(new Date(api.clock.now().getTime() + hours * 3_600_000));

  async function share(from: TestUser, to: string): Promise<string> {
    const entryId = randomUUID();
    await ok('POST', `/cases/${caseId}/entries`, from, {
      entryId,
      sharedWith: [to],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Note',
    });
    return entryId;
  }
  const acknowledge = (entryId: string, by: TestUser) => ok('POST', `/cases/${caseId}/entries/${entryId}/acknowledgements`, by);

  let ownDatabase: OwnDatabase | undefined;

  beforeAll(async () => {
    // A database of its own: other test files append to case streams of the shared one (integration
    // tests included) that every app's projections then carry, and its counts would see their cases.
    ownDatabase = await createOwnDatabase('delays');
    api = await startTestApp({ databaseUrl: ownDatabase.url });
    api.clock.set(`${first}-10T09:00:00.000Z`);
    const citizen = testCitizen(2000);
    ({ caseId } = await referCitizen(
      api.request,
      coordinator,
      { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'NORREBRO-1', reason: 'Henvist' },
      undefined,
      ownDatabase.url,
    ));
    await ok('POST', `/cases/${caseId}/coordinator`, coordinator, { coordinatorId: coordinator.userId, agency: 'BIF' });
    await ok('POST', `/cases/${caseId}/agencies/SOF`, coordinator, {});
    await ok('POST', `/cases/${caseId}/agencies/KBH-FAENGSLER`, coordinator, {});

    // First month: six shares SOF → prison, all acknowledged within hours; two SOF → BIF, never.
    for (let i = 0; i < 6; i++) {
      const entryId = await share(social, 'KBH-FAENGSLER');
      hoursLater(i + 1);
      await acknowledge(entryId, prison);
    }
    await share(social, 'BIF');
    await share(social, 'BIF');

    // Second month: seven shares SOF → prison, six acknowledged within it, the seventh only in the month after.
    api.clock.set(`${second}-10T09:00:00.000Z`);
    const late = await share(social, 'KBH-FAENGSLER');
    for (let i = 0; i < 6; i++) {
      const entryId = await share(social, 'KBH-FAENGSLER');
      hoursLater(2);
      await acknowledge(entryId, prison);
    }
    api.clock.set(`${month(monthNumber + 2)}-03T09:00:00.000Z`);
    await acknowledge(late, prison);
    api.clock.set(new Date());
  });
  afterAll(async () => {
    await api?.close();
    await ownDatabase?.drop();
  });

  it('hides a cell of 1-4 items, and one more cell so that it cannot be worked out from the total', async () => {
    const response = await delays(`month=${first}`);
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ month: first, from: `${first}-01`, to: expect.stringMatching(new RegExp(`^${first}-(28|29|30|31)$`)) });
    expect(response.body.total).toEqual({ count: 8, unacknowledged: '<5' });
    expect(response.body.items).toEqual([
      { kind: 'share', fromAgency: 'SOF', toAgency: 'BIF', count: '<5', unacknowledged: '<5', medianHours: null, p90Hours: null },
      // Shown alone, 6 next to a total of 8 would give the hidden cell away: hidden as its complement.
      { kind: 'share', fromAgency: 'SOF', toAgency: 'KBH-FAENGSLER', count: 'x', unacknowledged: 'x', medianHours: null, p90Hours: null },
    ]);
    const filtered = await delays(`month=${first}&toAgency=KBH-FAENGSLER`, auditor);
    expect(filtered.body.items).toEqual([response.body.items[1]]);
  });

  it('hides a count of 1-4 inside a cell (one item still unacknowledged), and counts as of the end of the month', async () => {
    const response = await delays(`month=${second}&fromAgency=SOF`);
    expect(response.status).toBe(200);
    // Acknowledged in the month after: at the end of this month it was still open.
    expect(response.body.items).toEqual([
      { kind: 'share', fromAgency: 'SOF', toAgency: 'KBH-FAENGSLER', count: 7, unacknowledged: '<5', medianHours: 2, p90Hours: 2 },
    ]);
    expect(JSON.stringify(response.body)).not.toContain(caseId);
  });

  it('publishes no figure of the running month: live activity does not move what a reader gets', async () => {
    const before = await delays('');
    expect(before.status).toBe(200);
    api.clock.set(new Date());
    for (let i = 0; i < 5; i++) await share(social, 'BIF');
    const after = await delays('');
    expect(after.body).toEqual(before.body);
    const thisMonth = copenhagenDate(api.clock.now()).slice(0, 7);
    const current = await delays(`month=${thisMonth}`);
    expect(current.status).toBe(400);
    expect(JSON.stringify(current.body)).not.toContain(thisMonth);
    expect((await delays('month=2026-13')).status).toBe(400);
    expect((await delays('from=2020-01-01')).status).toBe(400);
  });

  it('serves coordinators and auditors only', async () => {
    expect((await delays(`month=${first}`, auditor)).status).toBe(200);
    expect((await delays(`month=${first}`, social)).status).toBe(403);
    expect((await delays(`month=${first}`, { ...social, roles: ['reference-admin'] })).status).toBe(403);
  });
});
