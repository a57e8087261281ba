import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { testCitizen } from '../support/citizens';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { referCitizen, referralOf } from '../support/referrals';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/tokens';

/**
 * The worklist names the citizen as the reader may see them (issue 19): opened from the vault per
 * request under the rules of GET /cases. A sealed identity (exit programme) is withheld from a
 * coordinator not named on it, and neither the name nor its ciphertext is in the answer; the named
 * coordinator sees it. Its own database, so the coordinator's intake queue holds only these cases.
 */
describe('GET /worklist names the citizens as the reader may see them', () => {
  let api: TestApp;
  let ownDatabase: OwnDatabase | undefined;
  const suffix = randomUUID().slice(0, 8);
  const coordinator = { userId: `coord-names-${suffix}`, agency: 'BIF', roles: ['coordinator'] } satisfies TestUser;
  const plain = testCitizen(2006);
  const sealed = testCitizen(2006);
  let plainCase: string;
  let sealedCase: string;
  let position = '';

  async function ok(method: string, path: string, body?: unknown) {
    const response = await api.request(method, path, { user: coordinator, body });
    if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    position = response.body.position;
  }
  const worklist = async (user: TestUser) => {
    const response = await api.request('GET', `/worklist?limit=200&consistentWith=${position}`, { user });
    expect(response.status).toBe(200);
    return response.body;
  };
  const rowOf = (body: any, caseId: string) => body.items.find((item: any) => item.caseId === caseId);

  beforeAll(async () => {
    ownDatabase = await createOwnDatabase('worklist_names');
    api = await startTestApp({ databaseUrl: ownDatabase.url });
    const today = copenhagenDate(api.clock.now());
    ({ caseId: plainCase } = await referCitizen(api.request, coordinator, referralOf(plain), { coordinator }, ownDatabase.url));
    ({ caseId: sealedCase } = await referCitizen(api.request, coordinator, referralOf(sealed), { coordinator }, ownDatabase.url));
    await ok('POST', `/cases/${sealedCase}/programmes`, { programmeCode: 'EXIT', startedOn: today });
  });
  afterAll(async () => {
    await api?.close();
    await ownDatabase?.drop();
  });

  it('shows the name of a citizen the coordinator may see', async () => {
    const body = await worklist(coordinator);
    expect(rowOf(body, plainCase)).toMatchObject({ caseId: plainCase, name: { value: plain.name } });
  });

  it('withholds a sealed identity from a coordinator not named on it, and shows it to one who is', async () => {
    const body = await worklist(coordinator);
    expect(rowOf(body, sealedCase)).toMatchObject({ caseId: sealedCase, name: { sealed: true } });
    const text = JSON.stringify(body);
    expect(text).not.toContain(sealed.name);
    expect(text).not.toContain(sealed.birthDate);
    const named = await worklist({ ...coordinator, namedAccess: [sealedCase] });
    expect(rowOf(named, sealedCase).name).toEqual({ value: sealed.name });
  });
});

describe('GET /agency-directory says where referrals are received (reference data referralIntake)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('names the intake agency and its entry point', async () => {
    const user: TestUser = { userId: `liaison-dir-${randomUUID().slice(0, 8)}`, agency: 'KBH-POLITI', roles: ['liaison'] };
    const response = await api.request('GET', '/agency-directory', { user });
    expect(response.status).toBe(200);
    expect(response.body.referralIntake).toEqual({ agency: 'BIF', entryPoint: 'BIF-SSP-PLUS' });
  });
});
