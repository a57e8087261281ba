import { randomUUID } from 'node:crypto';
import { copenhagenDate } from '@samvirke/case';
import { addMonths } from '@samvirke/projections/timeline/calendar-offset';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * The coordination read models over real HTTP: a case's timeline, the coordinator's worklist and
 * the information flow (per case and as delay statistics), each read with `consistentWith` after
 * the writes, with their filters, paging and the access rules.
 */
describe('coordination read models over HTTP', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-tl-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const otherCoordinator: TestUser = { userId: `coord-other-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const prison: TestUser = { userId: `prison-${suffix}`, agency: 'KBH-FAENGSLER', roles: ['liaison'] };
  const social: TestUser = { userId: `social-${suffix}`, agency: 'SOF', roles: ['liaison'] };
  const police: TestUser = { userId: `police-${suffix}`, agency: 'KBH-POLITI', roles: ['liaison'] };
  const auditor: TestUser = { userId: `audit-${suffix}`, agency: 'OKF', roles: ['auditor'] };

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  // Calendar days in Copenhagen, as the API counts them (a UTC date is the next day's from 23:00 or 22:00 UTC).
  const dayOffset = (days: number) => copenhagenDate(new Date(api.clock.now().getTime() + days * 86_400_000));

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<{ position: string; body: any }> {
    const response = await api.request(method, path, { user, body });
    if (![200, 201].includes(response.status)) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return { position: response.body.position, body: response.body };
  }

  async function get(path: string, user: TestUser) {
    return api.request('GET', path, { user });
  }

  /**
   * A sentenced citizen on the good-release road map, released in 60 days: BIF coordinates, the
   * prison and social services take part; BIF shares with SOF (not acknowledged) and asks the prison.
   */
  async function coordinatedCase() {
    const { caseId } = await referCitizen(api.request, coordinator, {
      ...(({ cpr, name, birthDate }) => ({ cpr, name, birthDate }))(testCitizen(2003)),
      districtCode: 'NORREBRO-1',
      reason: 'Gentagen kriminalitet',
    });
    const base = `/cases/${caseId}`;
    await ok('POST', `${base}/coordinator`, coordinator, { coordinatorId: coordinator.userId, agency: 'BIF' });
    await ok('POST', `${base}/assessments`, coordinator, { level: 3, rationale: 'Gentagne indbrud', assessedOn: dayOffset(0) });
    await ok('POST', `${base}/agencies/KBH-FAENGSLER`, coordinator, {});
    await ok('POST', `${base}/agencies/SOF`, coordinator, {});
    await ok('POST', `${base}/programmes`, coordinator, { programmeCode: 'JOB_EDU_CONVICTED', startedOn: dayOffset(-300) });
    const custodyId = randomUUID();
    await ok('POST', `${base}/custody`, prison, {
      custodyId,
      kind: 'sentence',
      institution: 'Vestre Fængsel',
      startedOn: dayOffset(-300),
      expectedReleaseOn: dayOffset(60),
    });
    const entryId = randomUUID();
    await ok('POST', `${base}/entries`, coordinator, {
      entryId,
      sharedWith: ['SOF'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Borger er startet i praktik',
    });
    const requestId = randomUUID();
    await ok('POST', `${base}/requests`, coordinator, {
      requestId,
      toAgency: 'KBH-FAENGSLER',
      question: 'Forventet løsladelse?',
      dueDate: dayOffset(7),
      legalBasis: 'RPL115-1-3',
    });
    const actionId = randomUUID();
    const last = await ok('POST', `${base}/actions`, coordinator, { actionId, title: 'Jobsamtale', responsibleAgency: 'BIF', dueDate: dayOffset(3) });
    return { caseId, base, entryId, requestId, actionId, custodyId, position: last.position };
  }

  describe('GET /cases/:caseId/timeline', () => {
    it("shows every agency's items with status computed today, road-map deadlines, and decrypted detail", async () => {
      const c = await coordinatedCase();
      const response = await get(`${c.base}/timeline?consistentWith=${c.position}&limit=200`, coordinator);
      expect(response.status).toBe(200);
      const items = response.body.items as any[];
      const byId = new Map(items.map((item) => [item.itemId, item]));
      expect(byId.get(`action:${c.actionId}`)).toMatchObject({ kind: 'action', status: 'due', dueOn: dayOffset(3), ownerAgency: 'BIF', detail: 'Jobsamtale' });
      expect(byId.get(`answer:${c.requestId}`)).toMatchObject({ status: 'due', ownerAgency: 'KBH-FAENGSLER' });
      expect(byId.get(`release:${c.custodyId}`)).toMatchObject({ kind: 'release', dueOn: dayOffset(60), status: 'due' });
      // Release meeting: 3 months before a release 60 days away, so about 30 days overdue, owned by the prison service.
      expect(byId.get(`road-map:${c.custodyId}:GOOD_RELEASE:RELEASE_MEETING`)).toMatchObject({
        status: 'overdue',
        dueOn: addMonths(dayOffset(60), -3),
        ownerAgency: 'KRIMINALFORSORGEN',
        roadMap: { code: 'GOOD_RELEASE', item: 'RELEASE_MEETING' },
      });
      expect(response.body.page).toEqual({ limit: 200, offset: 0, total: items.length, next: null });
      const dates = items.map((item) => item.on);
      expect([...dates].sort()).toEqual(dates);
    });

    it('answers titles in the language asked for: English by default, Danish with lang=da', async () => {
      const c = await coordinatedCase();
      const titles = async (lang: string) => {
        const response = await get(`${c.base}/timeline?consistentWith=${c.position}&limit=200${lang ? `&lang=${lang}` : ''}`, coordinator);
        expect(response.status).toBe(200);
        const byId = new Map((response.body.items as any[]).map((item) => [item.itemId, item.title]));
        return [`custody-start:${c.custodyId}`, `release:${c.custodyId}`, `road-map:${c.custodyId}:GOOD_RELEASE:RELEASE_MEETING`].map((id) => byId.get(id));
      };
      expect(await titles('da')).toEqual(['Afsoning i Vestre Fængsel', 'Forventet løsladelse', 'Løsladelsesmøde holdt']);
      expect(await titles('en')).toEqual(['Prison sentence at Vestre Fængsel', 'Expected release', 'Release meeting held']);
      expect(await titles('')).toEqual(await titles('en'));
      const refused = await get(`${c.base}/timeline?consistentWith=${c.position}&lang=fr`, coordinator);
      expect(refused.status).toBe(400);
    });

    it('moves road-map deadlines when the expected release changes, and marks the release meeting met by a conference', async () => {
      const c = await coordinatedCase();
      await ok('PUT', `${c.base}/custody/expected-release`, prison, { expectedReleaseOn: dayOffset(200) });
      const held = await ok('POST', `${c.base}/conferences`, coordinator, {
        conferenceId: randomUUID(),
        heldOn: dayOffset(0),
        agenciesPresent: ['BIF', 'SOF'],
        decisions: [],
      });
      const response = await get(`${c.base}/timeline?consistentWith=${held.position}&kind=road-map`, coordinator);
      const meeting = (response.body.items as any[]).find((item) => item.roadMap.item === 'RELEASE_MEETING');
      expect(meeting).toMatchObject({ dueOn: addMonths(dayOffset(200), -3), status: 'done', doneOn: dayOffset(0), resolution: 'met' });
    });

    it('filters by kind, agency, status and dates, and pages with a total', async () => {
      const c = await coordinatedCase();
      const q = (query: string) => get(`${c.base}/timeline?consistentWith=${c.position}&${query}`, coordinator);
      const actions = await q('kind=action');
      expect((actions.body.items as any[]).map((item) => item.itemId)).toEqual([`action:${c.actionId}`]);
      const prisonItems = await q('agency=KBH-FAENGSLER');
      expect((prisonItems.body.items as any[]).every((item) => item.ownerAgency === 'KBH-FAENGSLER')).toBe(true);
      expect((prisonItems.body.items as any[]).map((item) => item.kind).sort()).toEqual(['custody-start', 'information-answer', 'release']);
      const overdue = await q('status=overdue');
      expect((overdue.body.items as any[]).length).toBeGreaterThan(0);
      expect((overdue.body.items as any[]).every((item) => item.status === 'overdue')).toBe(true);
      const done = await q('status=done&kind=custody-start');
      expect(done.body.page.total).toBe(1);
      const window = await q(`from=${dayOffset(1)}&to=${dayOffset(10)}`);
      expect((window.body.items as any[]).map((item) => item.kind).sort()).toEqual(['action', 'information-answer']);

      const all = await q('limit=200');
      const first = await q('limit=3&offset=0');
      const second = await q('limit=3&offset=3');
      expect(first.body.page).toEqual({ limit: 3, offset: 0, total: all.body.page.total, next: expect.any(String) });
      expect([...first.body.items, ...second.body.items]).toEqual(all.body.items.slice(0, 6));
      const past = await q('limit=3&offset=500');
      expect(past.body).toEqual({ items: [], page: { limit: 3, offset: 500, total: all.body.page.total, next: null } });
      expect(all.body.page.next).toBeNull();

      // Keyset paging: following page.next walks the same order as one big page, to a last page with next null.
      const walked: unknown[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await q(`limit=2&total=false${cursor ? `&after=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.page.total).toBeNull();
        walked.push(...page.body.items);
        cursor = page.body.page.next;
        pages += 1;
      } while (cursor !== null && pages < 200);
      expect(walked).toEqual(all.body.items);
      expect(pages).toBe(Math.max(1, Math.ceil(all.body.items.length / 2)));
      // With after=, the total still counts every matching item.
      const afterFirst = await q(`limit=3&after=${first.body.page.next}`);
      expect(afterFirst.body.items).toEqual(second.body.items);
      expect(afterFirst.body.page.total).toBe(all.body.page.total);
      // A cursor this API did not hand out, or after= beside offset=, is a 400 that echoes nothing.
      for (const bad of ['after=bm90LWEtY3Vyc29y', `after=${first.body.page.next}&offset=3`, 'after=a.b', 'total=maybe']) {
        const refused = await q(`limit=3&${bad}`);
        expect(refused.status).toBe(400);
        expect(JSON.stringify(refused.body)).not.toContain('bm90LWEtY3Vyc29y');
      }
      expect((await q('status=late')).status).toBe(400);
      expect((await q('from=yesterday')).status).toBe(400);
    });

    it('shows an agency only the entries shared with it, and a case it is not on answers 404', async () => {
      const c = await coordinatedCase();
      const forSocial = await get(`${c.base}/timeline?consistentWith=${c.position}&limit=200`, social);
      const kinds = (forSocial.body.items as any[]).map((item) => item.kind);
      expect(kinds).toContain('information-share');
      expect(kinds).toContain('acknowledgement');
      expect(kinds).not.toContain('information-request');
      expect(kinds).not.toContain('information-answer');
      expect(kinds).toContain('action');
      const forPrison = await get(`${c.base}/timeline?consistentWith=${c.position}&limit=200`, prison);
      expect((forPrison.body.items as any[]).map((item) => item.kind)).not.toContain('information-share');
      expect((await get(`${c.base}/timeline?consistentWith=${c.position}`, police)).status).toBe(404);
      expect((await get(`${c.base}/timeline?consistentWith=${c.position}`, otherCoordinator)).status).toBe(404);
      expect((await get(`/cases/${randomUUID()}/timeline`, coordinator)).status).toBe(404);
    });
  });

  describe('GET /worklist', () => {
    it("lists the coordinator's cases with reasons and counts, overdue first; other coordinators do not see them", async () => {
      const c = await coordinatedCase();
      const response = await get(`/worklist?consistentWith=${c.position}&limit=200`, coordinator);
      expect(response.status).toBe(200);
      const row = (response.body.items as any[]).find((item) => item.caseId === c.caseId);
      // Overdue: road-map items (release meeting, action plan, ...); release in 60 days; level 3, no conference yet.
      expect(row).toMatchObject({ releaseOn: dayOffset(60), sspLevel: 3, lastConferenceOn: null, unacknowledgedInformation: 0 });
      expect(row.overdueItems).toBeGreaterThan(0);
      expect(row.reasons).toEqual(['overdue-items', 'release-coming-up', 'no-recent-conference']);
      const overdueCounts = (response.body.items as any[]).map((item) => item.overdueItems);
      expect(overdueCounts).toEqual([...overdueCounts].sort((a, b) => b - a));

      const other = await get(`/worklist?consistentWith=${c.position}&limit=200`, otherCoordinator);
      expect((other.body.items as any[]).map((item) => item.caseId)).not.toContain(c.caseId);
      expect(other.body.page.total).toBe((other.body.items as any[]).length);
      expect((await get('/worklist', social)).status).toBe(403);
    });

    it('counts information left unacknowledged longer than N days, and filters by reason', async () => {
      const c = await coordinatedCase();
      const later = `/worklist?consistentWith=${c.position}&limit=200`;
      const fresh = (await get(`${later}&unacknowledgedAfterDays=1`, coordinator)).body.items.find((item: any) => item.caseId === c.caseId);
      expect(fresh.unacknowledgedInformation).toBe(0);
      // Two days on, the same share has waited longer than one day: read-time ageing, no new event.
      api.clock.advanceDays(2);
      try {
        const aged = (await get(`${later}&unacknowledgedAfterDays=1`, coordinator)).body.items.find((item: any) => item.caseId === c.caseId);
        expect(aged).toMatchObject({ unacknowledgedInformation: 1 });
        expect(aged.reasons).toContain('unacknowledged-information');
      } finally {
        api.clock.advanceDays(-2);
      }
      const now = (await get(`${later}&unacknowledgedAfterDays=0&reason=unacknowledged-information`, coordinator)).body;
      expect(now.items.find((item: any) => item.caseId === c.caseId)).toMatchObject({ unacknowledgedInformation: 1 });
      expect(now.items.every((item: any) => item.reasons.includes('unacknowledged-information'))).toBe(true);
      expect((await get('/worklist?reason=bored', coordinator)).status).toBe(400);
    });
  });

  describe('information flow', () => {
    it('GET /cases/:caseId/information-flow: sent, responded, by whom, delay; entry visibility; 404 off the case', async () => {
      const c = await coordinatedCase();
      const hours = (n: number) => api.clock.set(new Date(api.clock.now().getTime() + n * 3_600_000));
      hours(2);
      await ok('POST', `${c.base}/entries/${c.entryId}/acknowledgements`, social);
      hours(1);
      const answered = await ok('POST', `${c.base}/requests/${c.requestId}/answer`, prison, { answer: 'Om 60 dage' });
      const response = await get(`${c.base}/information-flow?consistentWith=${answered.position}`, coordinator);
      expect(response.status).toBe(200);
      // Both sent at the same instant, so ordered by kind: the request, then the share.
      expect(response.body.items).toEqual([
        expect.objectContaining({
          kind: 'request',
          id: c.requestId,
          fromAgency: 'BIF',
          toAgency: 'KBH-FAENGSLER',
          outcome: 'answered',
          respondedBy: prison.userId,
          delayHours: 3,
        }),
        expect.objectContaining({
          kind: 'share',
          id: c.entryId,
          fromAgency: 'BIF',
          toAgency: 'SOF',
          sentBy: coordinator.userId,
          outcome: 'acknowledged',
          respondedBy: social.userId,
          delayHours: 2,
          waitingHours: null,
        }),
      ]);
      const requestsOnly = await get(`${c.base}/information-flow?consistentWith=${answered.position}&kind=request&limit=1`, coordinator);
      expect(requestsOnly.body.page).toEqual({ limit: 1, offset: 0, total: 1 });
      expect((await get(`${c.base}/information-flow?state=open`, coordinator)).body.page.total).toBe(0);
      expect((await get(`${c.base}/information-flow`, social)).body.items.map((item: any) => item.kind)).toEqual(['share']);
      expect((await get(`${c.base}/information-flow`, police)).status).toBe(404);
    });

    it("shows the case's coordinator every exchange on the case, between other agencies too, with the delay in minutes (not their text)", async () => {
      const c = await coordinatedCase();
      // The prison shares with social services only: not BIF's exchange, but BIF coordinates the case.
      const entryId = randomUUID();
      await ok('POST', `${c.base}/entries`, prison, {
        entryId,
        sharedWith: ['SOF'],
        legalBasis: 'RPL115-1-3',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: 'Kun til SOF',
      });
      api.clock.set(new Date(api.clock.now().getTime() + 95 * 60_000));
      const acknowledged = await ok('POST', `${c.base}/entries/${entryId}/acknowledgements`, social);
      const flow = await get(`${c.base}/information-flow?consistentWith=${acknowledged.position}`, coordinator);
      expect(flow.status).toBe(200);
      expect(flow.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'share',
          id: entryId,
          fromAgency: 'KBH-FAENGSLER',
          toAgency: 'SOF',
          outcome: 'acknowledged',
          delayMinutes: 95,
          waitingMinutes: null,
        }),
      );
      expect(JSON.stringify(flow.body)).not.toContain('Kun til SOF');
      // Another coordinator of the same agency, not on this case, sees nothing of it; the police's liaison is not on it.
      expect((await get(`${c.base}/information-flow`, otherCoordinator)).status).toBe(404);
      // The exchange's content stays with its agencies: BIF's timeline does not list the prison's entry.
      const timeline = await get(`${c.base}/timeline?limit=200`, coordinator);
      expect(JSON.stringify(timeline.body)).not.toContain(entryId);
    });

    it('GET /information-flow/delays: the last closed month by default, coordinators and auditors only', async () => {
      // Suppression, closed months and month-end figures: information-delays-disclosure.e2e-spec.ts.
      const c = await coordinatedCase();
      const response = await get(`/information-flow/delays?consistentWith=${c.position}`, coordinator);
      expect(response.status).toBe(200);
      const thisMonth = dayOffset(0).slice(0, 7);
      expect(response.body.period.month < thisMonth).toBe(true);
      expect(response.body).toMatchObject({ total: expect.anything(), items: expect.any(Array), suppression: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toContain(c.caseId);
      expect((await get('/information-flow/delays', auditor)).status).toBe(200);
      expect((await get('/information-flow/delays', social)).status).toBe(403);
      expect((await get('/information-flow/delays?month=soon', auditor)).status).toBe(400);
      expect((await get(`/information-flow/delays?month=${thisMonth}`, auditor)).status).toBe(400);
    });
  });
});
