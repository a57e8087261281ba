import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen, type TestCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * A sealed identity (the citizen is or was in a programme that seals identity: the exit programme)
 * seals the birth date and the district along with the name, for everyone not named on it; auditors
 * and named users see them. An age band stays. No filter may work as an oracle for what is sealed:
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

  it('GET /cases/:caseId hides birth date and district from users not named, and shows them to named users and auditors', async () => {
    expectSealed(await read(`/cases/${caseId}`, coordinator));
    expectSealed(await read(`/cases/${caseId}`, police));
    for (const user of [named, namedPolice, auditor]) {
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
    expect(ids(await mine('/cases?district=VALBY-2', auditor))).toEqual([caseId]);
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
    expect((await mine('/ssp-register', auditor)).items[0]).toMatchObject({ birthDate: citizen.birthDate, districtCode: 'VALBY-2', cityDistrict: 'VALBY' });
  });

  it('GET /cases/:caseId/timeline and GET /worklist carry no birth date or district', async () => {
    const timeline = await read(`/cases/${caseId}/timeline?limit=200`, police);
    expect(JSON.stringify(timeline)).not.toContain(citizen.birthDate);
    expect(JSON.stringify(timeline)).not.toContain('VALBY');
    const worklist = await read('/worklist?limit=200', coordinator);
    expect(JSON.stringify(worklist)).not.toContain(citizen.birthDate);
    expect(JSON.stringify(worklist)).not.toContain('VALBY');
  });
});
