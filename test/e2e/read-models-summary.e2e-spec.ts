import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { testCitizen, type TestCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';
import { copenhagenDate } from '@samvirke/case';

/**
 * Read models 1, 2 and 5 over real HTTP: the case summary, the entry points of a case with the
 * agency directory, and the SSP+ register. Other test files write cases into the same database at
 * the same time, so every list here is narrowed to this file's own coordinator (a unique user id).
 */
// Every test app runs every projection over the run's one shared database, and under the full
// suite on two cores (the embedded PostgreSQL pass in CI especially) the entry-points projection has
// been seen to fall past the consistency wait (503 READ_MODEL_BEHIND, the API's correct answer to a
// read that cannot be served in time). One retry, with the first failure logged, keeps a real stall
// (which fails twice) visible without failing CI on the convoy. See the session note of 2026-12-06.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describe('case summary, entry points and SSP+ register over HTTP', () => {
  let api: TestApp;
  const coordinatorId = `coord-${randomUUID()}`;
  const coordinator: TestUser = { userId: coordinatorId, agency: 'BIF', roles: ['coordinator'] };
  const police: TestUser = { userId: `police-${randomUUID()}`, agency: 'KBH-POLITI', roles: ['liaison'] };
  const prison: TestUser = { userId: `prison-${randomUUID()}`, agency: 'KBH-FAENGSLER', roles: ['liaison'] };
  const outsider: TestUser = { userId: `kff-${randomUUID()}`, agency: 'KFF', roles: ['liaison'] };
  const today = () => copenhagenDate(new Date());
  const daysFromToday = (days: number) => copenhagenDate(new Date(Date.now() + days * 86_400_000));

  interface ScriptedCase {
    caseId: string;
    citizen: TestCitizen;
  }
  let youngSspPlus: ScriptedCase;
  let tooOld: ScriptedCase;
  let closedCase: ScriptedCase;
  let exitCase: ScriptedCase;
  /** Assessed 3, then 1 on the same day: the later record wins, so not SSP+ although a 3 is on file. */
  let downgraded: ScriptedCase;
  let lastPosition: string;

  async function ok(method: string, path: string, user: TestUser, body?: unknown) {
    const response = await api.request(method, path, { user, body });
    if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = response.body.position;
    return response;
  }

  async function openCase(birthYear: number, districtCode: string, level: 1 | 2 | 3 | 4): Promise<ScriptedCase> {
    const citizen = testCitizen(birthYear);
    const { caseId } = await referCitizen(
      api.request,
      coordinator,
      { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode, reason: 'Henvist af jobcentret' },
      undefined,
      ownDatabase!.url,
    );
    await ok('POST', `/cases/${caseId}/coordinator`, coordinator, { coordinatorId, agency: 'BIF' });
    await ok('POST', `/cases/${caseId}/assessments`, coordinator, { level, rationale: 'Vurdering', assessedOn: today() });
    return { caseId, citizen };
  }

  const read = (path: string, user: TestUser = coordinator) =>
    api.request('GET', `${path}${path.includes('?') ? '&' : '?'}consistentWith=${lastPosition}`, { user });
  const mine = (path: string, user: TestUser = coordinator) => read(`${path}${path.includes('?') ? '&' : '?'}coordinator=${coordinatorId}`, user);
  const ids = (body: { items: Array<{ caseId: string }> }) => body.items.map((item) => item.caseId).sort();

  let ownDatabase: OwnDatabase | undefined;

  beforeAll(async () => {
    // A database of its own: other test files append to case streams of the shared one (integration
    // tests included) that every app's projections then carry, and its counts would see their cases.
    ownDatabase = await createOwnDatabase('summary');
    api = await startTestApp({ databaseUrl: ownDatabase.url });
    youngSspPlus = await openCase(2004, 'NORREBRO-1', 3);
    const base = `/cases/${youngSspPlus.caseId}`;
    await ok('POST', `${base}/programmes`, coordinator, { programmeCode: 'SSP_PLUS', startedOn: today() });
    await ok('POST', `${base}/agencies/KBH-POLITI`, coordinator, {
      entryPoint: { unit: 'Forebyggelse City', contactPerson: 'Bo', phone: '+45 1111 2222', email: 'ssp@politi.example.org' },
    });
    await ok('PUT', `${base}/agencies/KBH-POLITI/entry-point`, coordinator, {
      entryPoint: { unit: 'Forebyggelse Nord', phone: '+45 3333 4444', email: 'nord@politi.example.org' },
    });
    await ok('POST', `${base}/agencies/KBH-FAENGSLER`, coordinator, {});
    await ok('POST', `${base}/custody`, prison, {
      custodyId: randomUUID(),
      kind: 'remand',
      institution: 'Københavns Fængsler',
      startedOn: today(),
      expectedReleaseOn: daysFromToday(90),
    });
    await ok('POST', `${base}/actions`, coordinator, { actionId: randomUUID(), title: 'Jobsamtale', responsibleAgency: 'BIF', dueDate: daysFromToday(14) });
    await ok('POST', `${base}/requests`, coordinator, {
      requestId: randomUUID(),
      toAgency: 'KBH-POLITI',
      question: 'Sigtelser?',
      dueDate: daysFromToday(7),
      legalBasis: 'RPL115-1-1',
    });

    tooOld = await openCase(1990, 'VALBY-1', 4);
    closedCase = await openCase(2004, 'NORREBRO-2', 2);
    await ok('POST', `/cases/${closedCase.caseId}/close`, coordinator, { reason: 'goals-achieved' });
    exitCase = await openCase(2004, 'VALBY-2', 4);
    await ok('POST', `/cases/${exitCase.caseId}/programmes`, coordinator, { programmeCode: 'EXIT', startedOn: today() });
    downgraded = await openCase(2004, 'NORREBRO-3', 3);
    await ok('POST', `/cases/${downgraded.caseId}/assessments`, coordinator, { level: 1, rationale: 'Nedgraderet', assessedOn: today() });
  });
  afterAll(async () => {
    await api?.close();
    await ownDatabase?.drop();
  });

  describe('GET /cases', () => {
    it('lists the cases the caller may see, most recent activity first, with paging and the total', async () => {
      const all = await mine('/cases');
      expect(all.status).toBe(200);
      expect(all.body.page).toEqual({ limit: 50, offset: 0, total: 5 });
      expect(all.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([
        downgraded.caseId,
        exitCase.caseId,
        closedCase.caseId,
        tooOld.caseId,
        youngSspPlus.caseId,
      ]);

      const first = await mine('/cases?limit=3');
      const second = await mine('/cases?limit=3&offset=3');
      expect(first.body.items).toHaveLength(3);
      expect(second.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([tooOld.caseId, youngSspPlus.caseId]);
      expect(second.body.page).toEqual({ limit: 3, offset: 3, total: 5 });
    });

    it('filters by status, level, district, programme, agency, coordinator and eligibility', async () => {
      expect(ids((await mine('/cases?status=closed')).body)).toEqual([closedCase.caseId]);
      expect(ids((await mine('/cases?level=4')).body)).toEqual([tooOld.caseId, exitCase.caseId].sort());
      expect(ids((await mine('/cases?district=VALBY-1')).body)).toEqual([tooOld.caseId]);
      expect(ids((await mine('/cases?programme=SSP_PLUS')).body)).toEqual([youngSspPlus.caseId]);
      expect(ids((await mine('/cases?agency=KBH-POLITI')).body)).toEqual([youngSspPlus.caseId]);
      const eligible = await mine('/cases?eligibleOnly=true');
      expect(ids(eligible.body)).toEqual([youngSspPlus.caseId, exitCase.caseId].sort());
      expect(eligible.body.page.total).toBe(2);
      expect((await mine('/cases?eligibleOnly=true&limit=1&offset=1')).body).toMatchObject({
        items: [expect.anything()],
        page: { limit: 1, offset: 1, total: 2 },
      });
      expect((await mine('/cases?eligibleOnly=false')).body.page.total).toBe(5);
      expect(ids((await mine('/cases?level=1')).body)).toEqual([downgraded.caseId]);
      expect((await read(`/cases?coordinator=nobody-${randomUUID()}`)).body.page.total).toBe(0);
    });

    it('refuses a bad filter with 400', async () => {
      for (const query of ['level=7', 'eligibleOnly=maybe', 'status=pending', 'district=ATLANTIS', 'limit=0', 'consistentWith=yesterday']) {
        const response = await api.request('GET', `/cases?${query}`, { user: coordinator });
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
      }
    });
  });

  describe('GET /cases/:caseId', () => {
    it('answers the whole summary, with the name opened and eligibility computed now', async () => {
      const response = await read(`/cases/${youngSspPlus.caseId}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        caseId: youngSspPlus.caseId,
        status: 'open',
        closedAt: null,
        // Referred today, not imported: no real-world opening day apart from openedAt.
        openedOn: null,
        referredBy: 'BIF',
        name: { value: youngSspPlus.citizen.name },
        birthDate: youngSspPlus.citizen.birthDate,
        districtCode: 'NORREBRO-1',
        sspLevel: { level: 3, assessedOn: today() },
        sspPlus: { eligible: true, reasons: [], ageBand: { minAge: 18, maxAge: 23 } },
        coordinator: { userId: coordinatorId, agency: 'BIF' },
        agencies: ['BIF', 'KBH-POLITI', 'KBH-FAENGSLER'],
        programmes: ['SSP_PLUS'],
        custody: { status: 'remand', institution: 'Københavns Fængsler', startedOn: today(), expectedReleaseOn: daysFromToday(90) },
        openActions: 1,
        openRequests: 1,
      });
      expect(Date.parse(response.body.lastActivityAt)).toBeGreaterThan(Date.parse(response.body.openedAt));
      expect((await read(`/cases/${tooOld.caseId}`)).body.sspPlus).toMatchObject({ eligible: false, reasons: ['ABOVE_AGE_BAND'] });
    });

    it('shows the name of an exit-programme citizen only to users named on it', async () => {
      expect((await read(`/cases/${exitCase.caseId}`)).body.name).toEqual({ sealed: true });
      const named: TestUser = { ...coordinator, namedAccess: [exitCase.caseId] };
      expect((await read(`/cases/${exitCase.caseId}`, named)).body.name).toEqual({ value: exitCase.citizen.name });
    });

    it('reads its own write: a write followed by a read with consistentWith sees it', async () => {
      // A coordinator of its own, so this case stays out of the other tests' lists.
      const writer: TestUser = { userId: `coord-${randomUUID()}`, agency: 'BIF', roles: ['coordinator'] };
      const citizen = testCitizen(2004);
      const { caseId } = await referCitizen(
        api.request,
        writer,
        { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'OSTERBRO-1', reason: 'Henvist' },
        undefined,
        ownDatabase!.url,
      );
      await api.request('POST', `/cases/${caseId}/coordinator`, { user: writer, body: { coordinatorId: writer.userId, agency: 'BIF' } });
      const write = await api.request('POST', `/cases/${caseId}/assessments`, {
        user: writer,
        body: { level: 4, rationale: 'Vurdering', assessedOn: today() },
      });
      expect(write.status).toBe(201);
      const response = await api.request('GET', `/cases/${caseId}?consistentWith=${write.body.position}`, { user: writer });
      expect(response.body).toMatchObject({ sspLevel: { level: 4, assessedOn: today() }, sspPlus: { eligible: true } });
      const register = await api.request('GET', `/ssp-register?coordinator=${writer.userId}&consistentWith=${write.body.position}`, { user: writer });
      expect(register.body.items.map((e: { caseId: string }) => e.caseId)).toEqual([caseId]);
    });

    it('answers 404 to a user whose agency is not on the case, and leaves the case out of lists and totals', async () => {
      expect((await read(`/cases/${youngSspPlus.caseId}`, outsider)).status).toBe(404);
      expect((await read(`/cases/${randomUUID()}`)).status).toBe(404);
      expect((await mine('/cases', outsider)).body.page.total).toBe(0);
      expect((await mine('/ssp-register', outsider)).body.page.total).toBe(0);
      expect((await read(`/cases/${youngSspPlus.caseId}`, police)).status).toBe(200);
      expect((await mine('/cases', police)).body.page.total).toBe(1);
    });
  });

  describe('GET /cases/:caseId/entry-points', () => {
    it('answers per agency the current contact and since when, with every change', async () => {
      const response = await read(`/cases/${youngSspPlus.caseId}/entry-points`);
      expect(response.status).toBe(200);
      const byAgency = Object.fromEntries(response.body.agencies.map((a: { agency: string }) => [a.agency, a]));
      expect(response.body.agencies.map((a: { agency: string }) => a.agency)).toEqual(['BIF', 'KBH-POLITI', 'KBH-FAENGSLER']);
      expect(byAgency['KBH-POLITI']).toMatchObject({
        onCase: true,
        current: { unit: 'Forebyggelse Nord', phone: '+45 3333 4444', email: 'nord@politi.example.org', since: expect.any(String) },
        history: [
          { change: 'joined', from: null, to: { unit: 'Forebyggelse City', contactPerson: 'Bo' } },
          { change: 'changed', from: { unit: 'Forebyggelse City' }, to: { unit: 'Forebyggelse Nord' } },
        ],
      });
      // Joined without naming anyone: the agency's default entry point from the directory.
      expect(byAgency['KBH-FAENGSLER'].current.unit).toEqual(expect.any(String));
    });

    it('answers 404 to a user who may not see the case', async () => {
      expect((await read(`/cases/${youngSspPlus.caseId}/entry-points`, outsider)).status).toBe(404);
      expect((await read(`/cases/${randomUUID()}/entry-points`)).status).toBe(404);
    });
  });

  describe('GET /agency-directory', () => {
    it('lists every agency with its standing entry points, filtered by what they handle', async () => {
      const all = await api.request('GET', '/agency-directory', { user: outsider });
      expect(all.status).toBe(200);
      expect(all.body.items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['BIF', 'SOF', 'KBH-POLITI']));
      const housing = await api.request('GET', '/agency-directory?handles=housing', { user: outsider });
      expect(housing.body.items).toEqual([expect.objectContaining({ code: 'SOF', entryPoints: [expect.objectContaining({ code: 'SOF-UNGE-18-25' })] })]);
      expect((await api.request('GET', '/agency-directory/SOF', { user: outsider })).body).toMatchObject({ code: 'SOF', entryPoints: expect.any(Array) });
      expect((await api.request('GET', '/agency-directory/NOPE', { user: outsider })).status).toBe(404);
      expect((await api.request('GET', '/agency-directory')).status).toBe(401);
    });
  });

  describe('GET /ssp-register', () => {
    it('lists the open SSP+ cases of today with paging, most serious level first', async () => {
      const register = await mine('/ssp-register');
      expect(register.status).toBe(200);
      // tooOld is level 4 but outside the age band; closedCase is level 2 and closed; downgraded is level 1 now.
      expect(register.body.items.map((e: { caseId: string }) => e.caseId)).toEqual([exitCase.caseId, youngSspPlus.caseId]);
      expect(register.body.page.total).toBe(2);
      // The exit programme seals the identity: no name, birth date or district for a coordinator not named on it.
      expect(register.body.items[0]).toMatchObject({
        name: { sealed: true },
        birthDate: null,
        sspLevel: { level: 4 },
        districtCode: null,
        cityDistrict: null,
        programmes: ['EXIT'],
      });
      const paged = await mine('/ssp-register?limit=1&offset=1');
      expect(paged.body).toMatchObject({ items: [{ caseId: youngSspPlus.caseId }], page: { limit: 1, offset: 1, total: 2 } });
    });

    it('filters by district, city district, programme, custody and coordinator', async () => {
      expect(ids((await mine('/ssp-register?district=NORREBRO-1')).body)).toEqual([youngSspPlus.caseId]);
      const named: TestUser = { ...coordinator, namedAccess: [exitCase.caseId] };
      expect(ids((await mine('/ssp-register?cityDistrict=VALBY', named)).body)).toEqual([exitCase.caseId]);
      expect(ids((await mine('/ssp-register?cityDistrict=VALBY')).body)).toEqual([]);
      expect(ids((await mine('/ssp-register?cityDistrict=VALBY&district=NORREBRO-1')).body)).toEqual([]);
      expect(ids((await mine('/ssp-register?programme=EXIT')).body)).toEqual([exitCase.caseId]);
      expect(ids((await mine('/ssp-register?custody=remand')).body)).toEqual([youngSspPlus.caseId]);
      expect(ids((await mine('/ssp-register?custody=none')).body)).toEqual([exitCase.caseId]);
      expect((await read(`/ssp-register?coordinator=nobody-${randomUUID()}`)).body.page.total).toBe(0);
      expect((await api.request('GET', '/ssp-register?cityDistrict=ATLANTIS', { user: coordinator })).status).toBe(400);
      expect((await api.request('GET', '/ssp-register?custody=maybe', { user: coordinator })).status).toBe(400);
    });
  });
});
