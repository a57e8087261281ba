import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen, type TestCitizen } from '../support/citizens';
import { testDatabaseUrl } from '../support/test-database';
import type { TestUser } from '../support/tokens';
import { copenhagenDate } from '@samvirke/case';
import { caseIdOfCitizen } from '../support/referrals';

/**
 * The case's write API over real HTTP, against the real app and a real PostgreSQL: the happy path of
 * every command group, and each class of bad input (400, 401, 404, 412, 415, 422) changing nothing.
 */
const coordinator: TestUser = { userId: 'coord-anna', agency: 'BIF', roles: ['coordinator'] };
const police: TestUser = { userId: 'police-bo', agency: 'KBH-POLITI', roles: ['liaison'] };
const prison: TestUser = { userId: 'prison-cai', agency: 'KBH-FAENGSLER', roles: ['liaison'] };
const social: TestUser = { userId: 'social-dan', agency: 'SOF', roles: ['liaison'] };

describe('case commands over HTTP', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ captureLogs: true });
  });
  afterAll(async () => {
    await api?.close();
  });

  const today = () => copenhagenDate(new Date());
  const daysFromToday = (days: number) => copenhagenDate(new Date(Date.now() + days * 86_400_000));

  async function openCase(citizen: TestCitizen = testCitizen(), user: TestUser = coordinator) {
    const response = await api.request('POST', '/cases', {
      user,
      body: {
        cpr: citizen.cpr,
        name: citizen.name,
        birthDate: citizen.birthDate,
        districtCode: 'NORREBRO-1',
        reason: 'Gentagen kriminalitet; henvist af jobcentret',
      },
    });
    // Every referral answers 202 { received: true }; the case id comes from the CPR (test/support/referrals.ts).
    expect({ status: response.status, body: response.body }).toEqual({ status: 202, body: { received: true } });
    return { caseId: await caseIdOfCitizen(citizen.cpr), citizen, answer: response };
  }

  async function streamLength(caseId: string) {
    return (await api.store.readStream(`case-${caseId}`)).length;
  }

  async function ok(method: string, path: string, user: TestUser, body?: unknown, expected = [200, 201]) {
    const response = await api.request(method, path, { user, body });
    if (!expected.includes(response.status)) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  describe('happy paths', () => {
    it('opens a case on a referral, answering 202 {received: true} with no case id or Location, the referral intake on the case', async () => {
      const { caseId, answer } = await openCase();
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.headers.get('etag') ?? 'W/').toMatch(/^W\//);
      const events = await api.store.readStream(`case-${caseId}`);
      expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'AgencyJoinedCase']);
      expect(events[0].metadata).toMatchObject({ actor: 'coord-anna', agency: 'BIF', correlationId: expect.any(String) });
      expect(events[1].data).toMatchObject({ agency: 'BIF', entryPoint: { email: 'ssp-plus.bif@example.org' } });
    });

    it('answers a replayed referral (same Idempotency-Key) with the same 202 and appends nothing', async () => {
      const citizen = testCitizen();
      const body = { cpr: citizen.cpr, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'NORREBRO-1', reason: 'Gentaget' };
      const headers = { 'Idempotency-Key': `referral-${randomUUID()}` };
      const first = await api.request('POST', '/cases', { user: police, body, headers });
      const replay = await api.request('POST', '/cases', { user: police, body, headers });
      expect([first.status, replay.status, replay.body]).toEqual([202, 202, { received: true }]);
      expect(await streamLength(await caseIdOfCitizen(citizen.cpr))).toBe(2);
    });

    it('runs a whole multi-agency case through every command group', async () => {
      const { caseId } = await openCase();
      const base = `/cases/${caseId}`;
      await ok('POST', `${base}/assessments`, coordinator, { level: 3, rationale: 'Flere sigtelser for indbrud', assessedOn: today() });
      await ok('POST', `${base}/coordinator`, coordinator, { coordinatorId: 'coord-anna', agency: 'BIF' });
      await ok('POST', `${base}/agencies/KBH-POLITI`, coordinator, {
        entryPoint: { unit: 'Forebyggelse City', contactPerson: 'Bo', phone: '+45 1111 2222', email: 'ssp@politi.example.org' },
      });
      await ok('POST', `${base}/agencies/KBH-FAENGSLER`, coordinator, {});
      await ok('POST', `${base}/agencies/SOF`, coordinator, {});
      await ok('PUT', `${base}/agencies/SOF/entry-point`, coordinator, {
        entryPoint: { unit: 'Ungeenheden', phone: '33 33 33 33', email: 'unge@sof.example.org' },
      });
      await ok('POST', `${base}/programmes`, coordinator, { programmeCode: 'SSP_PLUS', startedOn: today() });

      const entryId = randomUUID();
      await ok('POST', `${base}/entries`, coordinator, {
        entryId,
        sharedWith: ['KBH-POLITI', 'SOF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: 'Borger er startet i praktik',
      });
      await ok('POST', `${base}/entries/${entryId}/acknowledgements`, police);

      const requestId = randomUUID();
      await ok('POST', `${base}/requests`, coordinator, {
        requestId,
        toAgency: 'KBH-FAENGSLER',
        question: 'Forventet løsladelsesdato?',
        dueDate: daysFromToday(7),
        legalBasis: 'RPL115-1-3',
      });
      await ok('POST', `${base}/requests/${requestId}/answer`, prison, { answer: 'Ultimo marts' });
      const declined = randomUUID();
      await ok('POST', `${base}/requests`, coordinator, {
        requestId: declined,
        toAgency: 'SOF',
        question: 'Boligsituation?',
        dueDate: daysFromToday(7),
        legalBasis: 'RPL115-1-1',
      });
      await ok('POST', `${base}/requests/${declined}/decline`, social, { reason: 'no-information' });

      const goalId = randomUUID();
      const actionId = randomUUID();
      const cancelled = randomUUID();
      await ok('POST', `${base}/goals`, coordinator, { goalId, area: 'employment', description: 'Ordinært job inden for et år' });
      await ok('POST', `${base}/actions`, coordinator, { actionId, goalId, title: 'Jobsamtale', responsibleAgency: 'BIF', dueDate: daysFromToday(14) });
      await ok('POST', `${base}/actions/${actionId}/complete`, coordinator, { completedOn: today() });
      await ok('POST', `${base}/actions`, coordinator, { actionId: cancelled, title: 'Fritidsjob', responsibleAgency: 'BIF', dueDate: daysFromToday(30) });
      await ok('POST', `${base}/actions/${cancelled}/cancel`, coordinator, { reason: 'Ikke længere relevant' });
      await ok('POST', `${base}/conferences`, coordinator, {
        conferenceId: randomUUID(),
        heldOn: today(),
        agenciesPresent: ['BIF', 'KBH-POLITI'],
        decisions: [
          {
            decisionId: randomUUID(),
            text: 'Politiet følger op',
            createsAction: { actionId: randomUUID(), responsibleAgency: 'KBH-POLITI', dueDate: daysFromToday(10), title: 'Opfølgning' },
          },
        ],
      });

      await ok('POST', `${base}/custody`, prison, {
        custodyId: randomUUID(),
        kind: 'remand',
        institution: 'Københavns Fængsler',
        startedOn: today(),
        expectedReleaseOn: daysFromToday(120),
      });
      await ok('PUT', `${base}/custody/expected-release`, prison, { expectedReleaseOn: daysFromToday(150) });
      await ok('POST', `${base}/custody/release`, prison, { releasedOn: today(), conditional: true });
      const chargeId = randomUUID();
      await ok('POST', `${base}/charges`, police, { chargeId, offenceCategory: 'burglary', chargedOn: today() });
      await ok('POST', `${base}/convictions`, police, {
        convictionId: randomUUID(),
        chargeId,
        offenceCategory: 'burglary',
        convictedOn: today(),
        sentence: '60 dages betinget fængsel',
      });

      const employmentId = randomUUID();
      await ok('POST', `${base}/employments`, coordinator, { employmentId, kind: 'wage-subsidy', startedOn: today() });
      await ok('POST', `${base}/employments/${employmentId}/end`, coordinator, { endedOn: today() });
      const educationId = randomUUID();
      await ok('POST', `${base}/educations`, coordinator, { educationId, kind: 'vocational', startedOn: today() });
      await ok('POST', `${base}/educations/${educationId}/complete`, coordinator, { completedOn: today() });
      await ok('POST', `${base}/self-sufficiency`, coordinator, { reachedOn: today(), through: 'education' });
      await ok('POST', `${base}/self-sufficiency/loss`, coordinator, { lostOn: today() });
      await ok('POST', `${base}/progression`, coordinator, { step: 3, assessedOn: today() });
      await ok('POST', `${base}/programmes/SSP_PLUS/exit`, coordinator, { endedOn: today(), exitReason: 'completed' });
      await ok('DELETE', `${base}/agencies/SOF`, social);
      await ok('PUT', `${base}/coordinator`, coordinator, { coordinatorId: 'coord-eva', agency: 'BIF' });
      const successor: TestUser = { userId: 'coord-eva', agency: 'BIF', roles: ['coordinator'] };
      // The case now belongs to coord-eva: the previous coordinator no longer sees it.
      expect((await api.request('POST', `${base}/close`, { user: coordinator, body: { reason: 'goals-achieved' } })).status).toBe(404);
      await ok('POST', `${base}/close`, successor, { reason: 'goals-achieved' });
      const reopened = await ok('POST', `${base}/reopen`, successor, { reason: 'Ny henvendelse' });

      const types = (await api.store.readStream(`case-${caseId}`)).map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'SspCategoryAssessed',
          'CoordinatorAssigned',
          'CoordinatorChanged',
          'AgencyJoinedCase',
          'EntryPointChanged',
          'EnrolledInProgramme',
          'InformationShared',
          'InformationAcknowledged',
          'InformationRequested',
          'InformationRequestAnswered',
          'InformationRequestDeclined',
          'GoalSet',
          'ActionAdded',
          'ActionCompleted',
          'ActionCancelled',
          'CaseConferenceHeld',
          'CustodyStarted',
          'ExpectedReleaseChanged',
          'ReleasedFromCustody',
          'ChargeRecorded',
          'ConvictionRecorded',
          'EmploymentStarted',
          'EmploymentEnded',
          'EducationStarted',
          'EducationCompleted',
          'SelfSufficiencyReached',
          'SelfSufficiencyLost',
          'ProgressionAssessed',
          'ExitedProgramme',
          'AgencyLeftCase',
          'CaseClosed',
          'CaseReopened',
        ]),
      );
      expect(reopened.body.revision).toBe(types.length - 1);
      expect(reopened.headers.get('etag')).toBe(`"${types.length - 1}"`);
    });

    it('stores personal data only as ciphertext in the events', async () => {
      const { caseId, citizen } = await openCase();
      const events = await api.store.readStream(`case-${caseId}`);
      const stored = JSON.stringify(events);
      expect(stored).not.toContain(citizen.name);
      expect(stored).not.toContain(citizen.cpr);
      expect(stored).not.toContain(citizen.cpr.replace('-', ''));
      expect(stored).not.toContain('Gentagen kriminalitet');
    });
  });

  describe('bad input changes nothing', () => {
    it('answers 400 naming the field and the rule, and appends nothing', async () => {
      const { caseId } = await openCase();
      const before = await streamLength(caseId);
      const cases: Array<[string, string, unknown, string]> = [
        [
          'POST',
          `/cases/${caseId}/custody`,
          { custodyId: randomUUID(), kind: 'remand', institution: 'Vestre', startedOn: '2026-05-01', expectedReleaseOn: '2026-04-01' },
          'expectedReleaseOn',
        ],
        ['POST', `/cases/${caseId}/custody`, { custodyId: randomUUID(), kind: 'remand', institution: 'Vestre', startedOn: '2026-02-30' }, 'startedOn'],
        ['POST', `/cases/${caseId}/assessments`, { level: 5, rationale: 'x', assessedOn: today() }, 'level'],
        [
          'POST',
          `/cases/${caseId}/entries`,
          { entryId: randomUUID(), sharedWith: ['NOPE'], legalBasis: 'RPL115-1-1', purpose: 'crime-prevention', sensitivity: 'normal', summary: 'x' },
          'sharedWith',
        ],
        [
          'POST',
          `/cases/${caseId}/entries`,
          { entryId: 'not-a-uuid', sharedWith: ['SOF'], legalBasis: 'RPL115-1-1', purpose: 'crime-prevention', sensitivity: 'normal', summary: 'x' },
          'entryId',
        ],
        ['POST', `/cases/${caseId}/goals`, { goalId: randomUUID(), area: 'employment', description: 'x'.repeat(4001) }, 'description'],
        // An unknown field is named as such, never by the client's own key (nothing sent is echoed).
        ['POST', `/cases/${caseId}/progression`, { step: 2, assessedOn: today(), surprise: true }, '(unknown field)'],
        ['POST', `/cases/${caseId}/programmes`, { programmeCode: 'UNKNOWN', startedOn: today() }, 'programmeCode'],
      ];
      for (const [method, path, body, field] of cases) {
        const response = await api.request(method, path, { user: coordinator, body });
        expect({ path, field, status: response.status }).toEqual({ path, field, status: 400 });
        expect(response.body.violations.map((v: { field: string }) => v.field)).toContain(field);
        expect(response.body.violations[0]).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
      }
      const malformed = await api.request('POST', `/cases/${caseId}/progression`, { user: coordinator, body: '{"step": ' });
      expect(malformed.status).toBe(400);
      expect(await streamLength(caseId)).toBe(before);
    });

    it('refuses an invalid CPR number without echoing it', async () => {
      const citizen = testCitizen();
      const bad = `3102${citizen.cpr.slice(4)}`; // 31 February
      const response = await api.request('POST', '/cases', {
        user: coordinator,
        body: { cpr: bad, name: citizen.name, birthDate: citizen.birthDate, districtCode: 'NORREBRO-1', reason: 'x' },
      });
      expect(response.status).toBe(400);
      expect(response.body.violations[0].field).toBe('cpr');
      expect(JSON.stringify(response.body)).not.toContain(bad);
    });

    it('answers 401 without a valid token, and 404 for a case that does not exist', async () => {
      const { caseId } = await openCase();
      const noToken = await api.request('POST', `/cases/${caseId}/close`, { body: { reason: 'other' } });
      expect(noToken.status).toBe(401);
      const missing = await api.request('POST', `/cases/${randomUUID()}/close`, { user: coordinator, body: { reason: 'other' } });
      expect(missing.status).toBe(404);
      const notUuid = await api.request('POST', `/cases/abc/close`, { user: coordinator, body: { reason: 'other' } });
      expect(notUuid.status).toBe(400);
      expect(await streamLength(caseId)).toBe(2);
    });

    it('never tells a burst of referrers of a case they cannot see that it exists or how far it has come', async () => {
      const { caseId, citizen } = await openCase();
      const body = {
        cpr: citizen.cpr.replace('-', ''),
        name: citizen.name,
        birthDate: citizen.birthDate,
        districtCode: 'VALBY-1',
        reason: 'Samtidig henvisning',
      };
      const referrers: TestUser[] = Array.from({ length: 24 }, (_, index) => ({
        userId: `kf-burst-${index}`,
        agency: 'KRIMINALFORSORGEN',
        roles: ['coordinator'],
      }));
      const answers = await Promise.all(referrers.map((user) => api.request('POST', '/cases', { user, body })));
      for (const answer of answers) {
        // Received, or (when the retries against the other writers ran out) busy: never a conflict with a revision.
        if (answer.status === 202) expect(answer.body).toEqual({ received: true });
        else expect({ status: answer.status, reason: answer.body.reason }).toEqual({ status: 503, reason: 'CASE_BUSY' });
        expect(JSON.stringify(answer.body) + JSON.stringify([...answer.headers.entries()])).not.toContain(caseId);
        expect(JSON.stringify(answer.body)).not.toMatch(/revision/i);
        // A case revision travels as a strong ETag; Express's weak one is only a hash of this same body.
        expect(answer.headers.get('etag') ?? 'W/').toMatch(/^W\//);
      }
    });

    it('records a referral of a citizen who already has a case on that case, and tells the referrer only that it was received', async () => {
      const { caseId, citizen } = await openCase();
      const second = await api.request('POST', '/cases', {
        user: police,
        body: { cpr: citizen.cpr.replace('-', ''), name: citizen.name, birthDate: citizen.birthDate, districtCode: 'VALBY-1', reason: 'Anden henvisning' },
      });
      expect(second.status).toBe(202);
      expect(second.body).toEqual({ received: true });
      expect(second.headers.get('location')).toBeNull();
      expect(JSON.stringify(second.body) + JSON.stringify([...second.headers.entries()])).not.toContain(caseId);
      expect(await streamLength(caseId)).toBe(3);
      // The referrer is not put on the case by referring: the case stays out of the police's sight.
      expect((await api.request('GET', `/cases/${caseId}`, { user: police })).status).toBe(404);
    });

    it('answers 412 with the current revision when If-Match is stale, and appends nothing', async () => {
      const { caseId } = await openCase();
      const first = await api.request('POST', `/cases/${caseId}/assessments`, {
        user: coordinator,
        headers: { 'If-Match': '"1"' },
        body: { level: 3, rationale: 'a', assessedOn: today() },
      });
      expect(first.status).toBe(201);
      const stale = await api.request('POST', `/cases/${caseId}/assessments`, {
        user: coordinator,
        headers: { 'If-Match': '"1"' },
        body: { level: 4, rationale: 'b', assessedOn: today() },
      });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ reason: 'REVISION_CONFLICT', currentRevision: 2 });
      expect(await streamLength(caseId)).toBe(3);
    });

    it('answers 422 with a reason code for a broken domain rule, and appends nothing', async () => {
      const { caseId } = await openCase();
      await ok('POST', `/cases/${caseId}/agencies/SOF`, coordinator, {});
      await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, coordinator, {});
      const entryId = randomUUID();
      await ok('POST', `/cases/${caseId}/entries`, coordinator, {
        entryId,
        sharedWith: ['SOF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: 'x',
      });
      const before = await streamLength(caseId);
      const notShared = await api.request('POST', `/cases/${caseId}/entries/${entryId}/acknowledgements`, { user: police });
      // Not shared with the police: answered like an entry that does not exist.
      expect(notShared.status).toBe(422);
      expect(notShared.body.reason).toBe('UNKNOWN_ENTRY');
      const chargeByMunicipality = await api.request('POST', `/cases/${caseId}/charges`, {
        user: coordinator,
        body: { chargeId: randomUUID(), offenceCategory: 'theft', chargedOn: today() },
      });
      expect(chargeByMunicipality.status).toBe(422);
      expect(chargeByMunicipality.body.reason).toBe('REPORTER_NOT_POLICE');
      await ok('POST', `/cases/${caseId}/close`, coordinator, { reason: 'other' });
      const closedAgain = await api.request('POST', `/cases/${caseId}/close`, { user: coordinator, body: { reason: 'other' } });
      expect(closedAgain.status).toBe(422);
      expect(closedAgain.body.reason).toBe('CASE_ALREADY_CLOSED');
      expect(await streamLength(caseId)).toBe(before + 1);
    });
  });

  describe('idempotency', () => {
    it('does not append twice when a POST is retried with the same Idempotency-Key', async () => {
      const { caseId } = await openCase();
      const key = `retry-${randomUUID()}`;
      const body = { level: 3, rationale: 'Gentaget', assessedOn: today() };
      const first = await api.request('POST', `/cases/${caseId}/assessments`, { user: coordinator, body, headers: { 'Idempotency-Key': key } });
      const second = await api.request('POST', `/cases/${caseId}/assessments`, { user: coordinator, body, headers: { 'Idempotency-Key': key } });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ revision: first.body.revision, position: first.body.position, replayed: true });
      expect(await streamLength(caseId)).toBe(3);

      const reused = await api.request('POST', `/cases/${caseId}/assessments`, {
        user: coordinator,
        body: { ...body, level: 4 },
        headers: { 'Idempotency-Key': key },
      });
      expect(reused.status).toBe(422);
      expect(reused.body.reason).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await streamLength(caseId)).toBe(3);
    });

    it('replays an acknowledgement retry instead of refusing it as already acknowledged', async () => {
      const { caseId } = await openCase();
      await ok('POST', `/cases/${caseId}/agencies/KBH-POLITI`, coordinator, {});
      const entryId = randomUUID();
      await ok('POST', `/cases/${caseId}/entries`, coordinator, {
        entryId,
        sharedWith: ['KBH-POLITI'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: 'x',
      });
      const key = `ack-${randomUUID()}`;
      const first = await api.request('POST', `/cases/${caseId}/entries/${entryId}/acknowledgements`, { user: police, headers: { 'Idempotency-Key': key } });
      const retry = await api.request('POST', `/cases/${caseId}/entries/${entryId}/acknowledgements`, { user: police, headers: { 'Idempotency-Key': key } });
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body.replayed).toBe(true);
    });
  });

  it('writes one request log line for each answer, paths the router refuses before any hook included, without the path', async () => {
    for (const [segment, status] of [
      [`%ZZ${randomUUID().slice(0, 8)}`, 400],
      [`${randomUUID().slice(0, 8)}${'a'.repeat(3000)}`, 414],
      [randomUUID(), 404],
    ] as const) {
      const before = api.logs.length;
      const answer = await api.request('GET', `/cases/${segment}/no-such-view`, { user: coordinator });
      expect(answer.status).toBe(status);
      const requestId = answer.headers.get('x-request-id');
      const written = api.logs.slice(before);
      const lines = written.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request' && line.requestId === requestId);
      expect(lines).toEqual([expect.objectContaining({ method: 'GET', route: 'unmatched', status, correlationId: requestId })]);
      expect(written.join('')).not.toContain(segment.slice(0, 11));
    }
  });

  it('never writes a CPR number into a stream name, a log line or an error message', async () => {
    const citizens = [testCitizen(), testCitizen()];
    for (const citizen of citizens) await openCase(citizen);
    await api.request('POST', '/cases', {
      user: coordinator,
      body: { cpr: citizens[0].cpr, name: 'x', birthDate: '2004-01-01', districtCode: 'NORREBRO-1', reason: 'dup' },
    });
    await api.request('POST', '/cases', {
      user: coordinator,
      body: { cpr: citizens[1].cpr, name: 'x', birthDate: '2004-01-01', districtCode: 'NOPE', reason: 'bad district' },
    });
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const streams = (await client.query<{ stream_id: string }>('SELECT stream_id FROM es_streams')).rows.map((r) => r.stream_id).join('\n');
      const logs = api.logs.join('');
      expect(api.logs.length).toBeGreaterThan(0);
      for (const citizen of citizens) {
        for (const form of [citizen.cpr, citizen.cpr.replace('-', '')]) {
          expect(streams).not.toContain(form);
          expect(logs).not.toContain(form);
        }
      }
    } finally {
      await client.end();
    }
  });
});
