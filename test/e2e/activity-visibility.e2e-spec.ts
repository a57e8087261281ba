import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * What a reader sees of a case's activity (last activity, the order of lists by it, open requests)
 * moves only with events that reader may see (libs/access entry-visibility): an entry shared
 * between two other agencies, or a request between them, must not move the police's case view,
 * case list or SSP+ register, while a case-level event does. Auditors see every event.
 */
describe('activity in case lists and the case view moves only with what the reader may see', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-act-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const police: TestUser = { userId: `police-act-${suffix}`, agency: 'KBH-POLITI', roles: ['liaison'] };
  const probation: TestUser = { userId: `kf-act-${suffix}`, agency: 'KRIMINALFORSORGEN', roles: ['liaison'] };
  const auditor: TestUser = { userId: `audit-act-${suffix}`, agency: 'OKF', roles: ['auditor'] };
  let position = '';

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  const today = () => copenhagenDate(api.clock.now());
  const later = (days: number) => copenhagenDate(new Date(api.clock.now().getTime() + days * 86_400_000));

  async function ok(method: string, path: string, user: TestUser, body?: unknown) {
    const response = await api.request(method, path, { user, body });
    if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    position = response.body.position;
    return response.body;
  }
  const read = async (path: string, user: TestUser) => {
    const response = await api.request('GET', `${path}${path.includes('?') ? '&' : '?'}consistentWith=${position}`, { user });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Only this file's cases: its coordinator is unique. */
  const list = (path: string, user: TestUser) => read(`${path}?coordinator=${coordinator.userId}&limit=200`, user);

  /** An SSP+ case (level 3, 21 years old) that BIF coordinates, with the police and Kriminalforsorgen on it. */
  async function sspCase(): Promise<string> {
    const citizen = testCitizen(Number(today().slice(0, 4)) - 21);
    const { caseId } = await referCitizen(api.request, coordinator, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: 'NORREBRO-1',
      reason: 'Henvist',
    });
    await ok('POST', `/cases/${caseId}/coordinator`, coordinator, { coordinatorId: coordinator.userId, agency: 'BIF' });
    await ok('POST', `/cases/${caseId}/assessments`, coordinator, { level: 3, rationale: 'Vurdering', assessedOn: today() });
    await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, coordinator, {});
    await ok('POST', `/cases/${caseId}/agencies/KRIMINALFORSORGEN`, coordinator, {});
    return caseId;
  }

  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('does not move the police view, lists, order or request count when BIF shares with and asks Kriminalforsorgen only', async () => {
    const older = await sspCase();
    await pause();
    const newer = await sspCase();

    const before = {
      view: await read(`/cases/${older}`, police),
      cases: await list('/cases', police),
      register: await list('/ssp-register', police),
    };
    expect(before.cases.items.map((item: any) => item.caseId)).toEqual([newer, older]);
    expect(before.register.items.map((item: any) => item.caseId)).toEqual([newer, older]);
    const probationBefore = await read(`/cases/${older}`, probation);

    await pause();
    const entryId = randomUUID();
    await ok('POST', `/cases/${older}/entries`, coordinator, {
      entryId,
      sharedWith: ['KRIMINALFORSORGEN'],
      legalBasis: 'RPL115-1-3',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Kun til Kriminalforsorgen',
    });
    await ok('POST', `/cases/${older}/requests`, coordinator, {
      requestId: randomUUID(),
      toAgency: 'KRIMINALFORSORGEN',
      question: 'Tilsyn?',
      dueDate: later(7),
      legalBasis: 'RPL115-1-3',
    });
    await ok('POST', `/cases/${older}/entries/${entryId}/acknowledgements`, probation);

    const after = {
      view: await read(`/cases/${older}`, police),
      cases: await list('/cases', police),
      register: await list('/ssp-register', police),
    };
    expect(after.view.lastActivityAt).toBe(before.view.lastActivityAt);
    expect(after.view.openRequests).toBe(0);
    expect(after.cases.items.map((item: any) => item.caseId)).toEqual([newer, older]);
    expect(after.register.items.map((item: any) => item.caseId)).toEqual([newer, older]);
    const inList = (body: any) => body.items.find((item: any) => item.caseId === older);
    expect(inList(after.cases)).toMatchObject({ lastActivityAt: before.view.lastActivityAt, openRequests: 0 });
    expect(inList(after.register)).toMatchObject({ lastActivityAt: before.view.lastActivityAt, openRequests: 0 });

    // Kriminalforsorgen received the entry and the request; the auditor sees everything.
    const probationAfter = await read(`/cases/${older}`, probation);
    expect(Date.parse(probationAfter.lastActivityAt)).toBeGreaterThan(Date.parse(probationBefore.lastActivityAt));
    expect(probationAfter.openRequests).toBe(1);
    const audited = await read(`/cases/${older}`, auditor);
    expect(audited.lastActivityAt).toBe(probationAfter.lastActivityAt);
    expect(audited.openRequests).toBe(1);
    expect((await list('/cases', auditor)).items.map((item: any) => item.caseId)).toEqual([older, newer]);
    // The coordinator's own agency wrote them: its view moved too.
    expect((await read(`/cases/${older}`, coordinator)).lastActivityAt).toBe(probationAfter.lastActivityAt);
  }, 30_000);

  it("moves everyone's view with a case-level event", async () => {
    const caseId = await sspCase();
    const before = await read(`/cases/${caseId}`, police);
    await pause();
    await ok('POST', `/cases/${caseId}/actions`, coordinator, { actionId: randomUUID(), title: 'Jobsamtale', responsibleAgency: 'BIF', dueDate: later(14) });
    const after = await read(`/cases/${caseId}`, police);
    expect(Date.parse(after.lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));
    expect(after.openActions).toBe(1);
  });

  it('moves the view with a sealed-identity entry only for users named on the identity', async () => {
    const caseId = await sspCase();
    await ok('POST', `/cases/${caseId}/agencies/SOF`, coordinator, {});
    const named: TestUser = { userId: `named-act-${suffix}`, agency: 'KBH-POLITI', roles: ['liaison'], namedAccess: [caseId] };
    const before = await read(`/cases/${caseId}`, police);
    await pause();
    await ok('POST', `/cases/${caseId}/entries`, coordinator, {
      entryId: randomUUID(),
      sharedWith: ['KBH-POLITI'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'sealed-identity',
      summary: 'Ny adresse',
    });
    expect((await read(`/cases/${caseId}`, police)).lastActivityAt).toBe(before.lastActivityAt);
    expect(Date.parse((await read(`/cases/${caseId}`, named)).lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));
  });
});
