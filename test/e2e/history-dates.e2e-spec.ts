import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { caseIdOfCitizen } from '../support/referrals';

/** Information recorded later than it happened, over HTTP: the real-world day on the event, never in the future. */
describe('real-world dates on shared information and requests (e2e)', () => {
  let api: TestApp;
  const coordinator: TestUser = { userId: 'coord-history-dates', agency: 'BIF', roles: ['coordinator'] };
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('records sharedOn and requestedOn, and refuses them in the future', async () => {
    const citizen = testCitizen();
    expect(
      (
        await api.request('POST', '/cases', {
          user: coordinator,
          body: { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'NORREBRO-1', reason: 'Historik' },
        })
      ).status,
    ).toBe(202);
    const caseId = await caseIdOfCitizen(citizen.cpr);
    const base = `/cases/${caseId}`;
    expect((await api.request('POST', `${base}/coordinator`, { user: coordinator, body: { coordinatorId: coordinator.userId, agency: 'BIF' } })).status).toBe(
      201,
    );
    expect((await api.request('POST', `${base}/agencies/SOF`, { user: coordinator, body: {} })).status).toBe(201);
    const tomorrow = copenhagenDate(new Date(Date.now() + 2 * 86_400_000));
    const share = (sharedOn: string) => ({
      entryId: randomUUID(),
      sharedWith: ['SOF'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Oplysninger fra 2019',
      sharedOn,
    });

    const future = await api.request('POST', `${base}/entries`, { user: coordinator, body: share(tomorrow) });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ reason: 'DATE_IN_FUTURE' });
    expect((await api.request('POST', `${base}/entries`, { user: coordinator, body: share('2019-02-30') })).status).toBe(400);
    expect((await api.request('POST', `${base}/entries`, { user: coordinator, body: share('2019-03-04') })).status).toBe(201);
    const request = {
      requestId: randomUUID(),
      toAgency: 'SOF',
      question: 'Hvad skete der i 2019?',
      dueDate: '2019-03-18',
      legalBasis: 'RPL115-1-3',
      requestedOn: '2019-03-04',
    };
    expect((await api.request('POST', `${base}/requests`, { user: coordinator, body: request })).status).toBe(201);

    const events = await api.store.readStream(`case-${caseId}`);
    expect(events.find((e) => e.type === 'InformationShared')?.data).toMatchObject({ sharedOn: '2019-03-04' });
    expect(events.find((e) => e.type === 'InformationRequested')?.data).toMatchObject({ requestedOn: '2019-03-04', dueDate: '2019-03-18' });
  });
});
