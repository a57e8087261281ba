import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen, type TestCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * A sealed identity (the citizen is or was in a programme that seals identity: the exit programme)
 * seals the birth date and the district along with the name, for everyone not named on it, auditors
 * included; named users see them, and so does whoever opens the seal by break-glass (a stated reason,
 * in the audit log, shown to the people named on it). An age band stays. No filter may work as an oracle for what is sealed:
 * a district filter does not find the sealed case for someone who may not see its district.
 */
describe('a sealed identity seals birth date and district in every read model', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-seal-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const police: TestUser = { userId: `police-seal-${suffix}`, agency: 'KBH-POLITI', roles: ['liaison'] };
  const auditor: TestUser = { userId: `audit-seal-${suffix}`, agency: 'OKF', roles: ['auditor'] };
  let named: TestUser;
  let namedPolice: TestUser;
  let caseId: string;
  let citizen: TestCitizen;
  let position = '';

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
  const mine = (path: string, user: TestUser) => read(`${path}${path.includes('?') ? '&' : '?'}coordinator=${coordinator.userId}&limit=200`, user);
  const ids = (body: any) => body.items.map((item: any) => item.caseId);

  beforeAll(async () => {
    api = await startTestApp();
    const today = copenhagenDate(api.clock.now());
    citizen = testCitizen(Number(today.slice(0, 4)) - 19);
    ({ caseId } = await referCitizen(api.request, coordinator, {
      cpr: citizen.cpr,
      name: citizen.name,
      birthDate: citizen.birthDate,
      districtCode: 'VALBY-2',
      reason: 'Exit',
    }));
    await ok('POST', `/cases/${caseId}/coordinator`, coordinator, { coordinatorId: coordinator.userId, agency: 'BIF' });
    await ok('POST', `/cases/${caseId}/assessments`, coordinator, { level: 4, rationale: 'Bande', assessedOn: today });
    await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, coordinator, {});
    await ok('POST', `/cases/${caseId}/programmes`, coordinator, { programmeCode: 'EXIT', startedOn: today });
    named = { ...coordinator, namedAccess: [caseId] };
    namedPolice = { ...police, userId: `police-named-${suffix}`, namedAccess: [caseId] };
  });
  afterAll(async () => {
    await api?.close();
  });

  function expectSealed(answer: any) {
    expect(answer.name).toEqual({ sealed: true });
    expect(answer.birthDate).toBeNull();
    expect(answer.districtCode).toBeNull();
    expect(answer.ageBand).toBe('18-20');
    expect(answer.sspPlus.age).toBeNull();
    const text = JSON.stringify(answer);
    expect(text).not.toContain(citizen.birthDate);
    expect(text).not.toContain('VALBY');
  }

  it('GET /cases/:caseId hides birth date and district from users not named, auditors included, and shows them to named users', async () => {
    expectSealed(await read(`/cases/${caseId}`, coordinator));
    expectSealed(await read(`/cases/${caseId}`, police));
    expectSealed(await read(`/cases/${caseId}`, auditor));
    for (const user of [named, namedPolice]) {
      expect(await read(`/cases/${caseId}`, user)).toMatchObject({
        birthDate: citizen.birthDate,
        districtCode: 'VALBY-2',
        ageBand: '18-20',
        sspPlus: { age: expect.any(Number) },
      });
    }
  });

  it('GET /cases lists the case without birth date and district, and a district filter does not find it for those not named', async () => {
    const listed = await mine('/cases', police);
    expect(ids(listed)).toEqual([caseId]);
    expectSealed(listed.items[0]);
    expect(ids(await mine('/cases?district=VALBY-2', coordinator))).toEqual([]);
    expect(ids(await mine('/cases?district=VALBY-2', police))).toEqual([]);
    expect(ids(await mine('/cases?district=VALBY-2', named))).toEqual([caseId]);
    expect(ids(await mine('/cases?district=VALBY-2', auditor))).toEqual([]);
    expect((await mine('/cases', named)).items[0]).toMatchObject({ birthDate: citizen.birthDate, districtCode: 'VALBY-2' });
  });

  it('GET /ssp-register shows no birth date, district or city district to those not named, and its district filters do not find the case', async () => {
    const register = await mine('/ssp-register', police);
    expect(ids(register)).toEqual([caseId]);
    expectSealed(register.items[0]);
    expect(register.items[0].cityDistrict).toBeNull();
    expect(ids(await mine('/ssp-register?cityDistrict=VALBY', coordinator))).toEqual([]);
    expect(ids(await mine('/ssp-register?district=VALBY-2', police))).toEqual([]);
    expect(ids(await mine('/ssp-register?cityDistrict=VALBY', named))).toEqual([caseId]);
    expectSealed((await mine('/ssp-register', auditor)).items[0]);
    expect((await mine('/ssp-register', named)).items[0]).toMatchObject({ birthDate: citizen.birthDate, districtCode: 'VALBY-2', cityDistrict: 'VALBY' });
  });

  it('GET /cases/:caseId/timeline and GET /worklist carry no birth date or district', async () => {
    const timeline = await read(`/cases/${caseId}/timeline?limit=200`, police);
    expect(JSON.stringify(timeline)).not.toContain(citizen.birthDate);
    expect(JSON.stringify(timeline)).not.toContain('VALBY');
    const worklist = await read('/worklist?limit=200', coordinator);
    expect(JSON.stringify(worklist)).not.toContain(citizen.birthDate);
    expect(JSON.stringify(worklist)).not.toContain('VALBY');
  });

  describe('break-glass: opening the seal is an explicit act, with a reason, for everyone not named on it', () => {
    // Users of their own: an opening lasts hours, and the tests above read as users who opened nothing.
    const opener: TestUser = { userId: `audit-glass-${suffix}`, agency: 'OKF', roles: ['auditor'] };
    const openingLiaison: TestUser = { ...police, userId: `police-glass-${suffix}` };

    it('refuses an opening without a reason, of a case the caller may not see, or of an identity that is not sealed; changes nothing', async () => {
      const noReason = await api.request('POST', `/cases/${caseId}/seal-openings`, { user: opener, body: { reason: 'kort' } });
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain('reason');
      const stranger: TestUser = { userId: `stranger-${suffix}`, agency: 'SOF', roles: ['liaison'] };
      const hidden = await api.request('POST', `/cases/${caseId}/seal-openings`, { user: stranger, body: { reason: 'Jeg vil gerne se navnet' } });
      const missing = await api.request('POST', `/cases/${randomUUID()}/seal-openings`, { user: stranger, body: { reason: 'Jeg vil gerne se navnet' } });
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
      const alreadyNamed = await api.request('POST', `/cases/${caseId}/seal-openings`, { user: named, body: { reason: 'Jeg er navngivet i forvejen' } });
      expect(alreadyNamed.status).toBe(409);
      expect(alreadyNamed.body.reason).toBe('ALREADY_NAMED');
      expectSealed(await read(`/cases/${caseId}`, opener));
    });

    it('an auditor who states a reason sees the sealed identity; the opening is in the audit log, the access report and the list the named people see', async () => {
      expectSealed(await read(`/cases/${caseId}`, opener));
      // The whole-case reads wait for the opening: event history, state, the citizen's copy.
      for (const path of [`/audit/cases/${caseId}/events`, `/audit/cases/${caseId}/state`, `/cases/${caseId}/citizen-copy`]) {
        const refused = await api.request('GET', path, { user: opener });
        expect(refused.status).toBe(403);
        expect(refused.body.reason).toBe('SEAL_NOT_OPENED');
        expect(JSON.stringify(refused.body)).not.toContain(citizen.name);
      }

      const reason = 'Klage fra borgeren over behandlingen; sagen skal gennemgås';
      const opened = await api.request('POST', `/cases/${caseId}/seal-openings`, { user: opener, body: { reason } });
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ caseId, openUntil: expect.any(String) });
      expect(await read(`/cases/${caseId}`, opener)).toMatchObject({ name: { value: citizen.name }, birthDate: citizen.birthDate, districtCode: 'VALBY-2' });
      const openedHistory = await api.request('GET', `/audit/cases/${caseId}/events`, { user: opener });
      expect(openedHistory.status).toBe(200);
      expect(JSON.stringify(openedHistory.body)).toContain(citizen.name);
      expect((await api.request('GET', `/cases/${caseId}/citizen-copy`, { user: opener })).status).toBe(200);
      // Other auditors and the unnamed coordinator still see it sealed.
      expectSealed(await read(`/cases/${caseId}`, auditor));
      expectSealed(await read(`/cases/${caseId}`, coordinator));

      const log = await api.request('GET', `/audit/log?caseId=${caseId}&userId=${opener.userId}&limit=50`, { user: auditor });
      expect(log.status).toBe(200);
      const openingRow = log.body.items.find((item: any) => item.action === 'open-seal' && item.outcome === 201);
      expect(openingRow).toMatchObject({ userId: opener.userId, agency: 'OKF', outcome: 201, criteria: { reason } });
      const report = await api.request('GET', `/cases/${caseId}/access-report`, { user: auditor });
      expect(report.status).toBe(200);
      expect(JSON.stringify(report.body)).toContain('open-seal');

      // The people named on the seal see who opened it and why; someone not named does not.
      const list = await api.request('GET', `/cases/${caseId}/seal-openings`, { user: named });
      expect(list.status).toBe(200);
      expect(list.body.openings).toEqual([expect.objectContaining({ userId: opener.userId, agency: 'OKF', reason })]);
      expect((await api.request('GET', `/cases/${caseId}/seal-openings`, { user: police })).status).toBe(403);
    });

    it('a liaison on the case may open it too, for their own reads only', async () => {
      expectSealed(await read(`/cases/${caseId}`, openingLiaison));
      const opened = await api.request('POST', `/cases/${caseId}/seal-openings`, {
        user: openingLiaison,
        body: { reason: 'Akut trussel mod borgeren; skal kunne kontakte ham' },
      });
      expect(opened.status).toBe(201);
      expect(await read(`/cases/${caseId}`, openingLiaison)).toMatchObject({ birthDate: citizen.birthDate, districtCode: 'VALBY-2' });
      expectSealed(await read(`/cases/${caseId}`, police));
    });
  });
});
