import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { testCitizen } from '../support/citizens';
import { TestClock } from '../support/test-clock';
import type { TestUser } from '../support/tokens';
import { referCitizen } from '../support/referrals';

/**
 * The release-from-prison story of the domain over real HTTP: the release road map (Køreplan for God
 * Løsladelse) starts when the prison records a sentence of 4 months or more for an adult, with no
 * programme enrolment; its deadlines count in calendar units, move with the expected release, show
 * an item met after its deadline as done late, and end (not overdue) when the release happens.
 */
describe('road maps start themselves (release from prison, over HTTP)', () => {
  let api: TestApp;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-rm-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const prison: TestUser = { userId: `prison-rm-${suffix}`, agency: 'KBH-FAENGSLER', roles: ['liaison'] };

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

  async function roadMap(base: string, position: string, query = ''): Promise<Record<string, any>> {
    const response = await api.request('GET', `${base}/timeline?consistentWith=${position}&kind=road-map&limit=200${query}`, { user: coordinator });
    expect(response.status).toBe(200);
    return Object.fromEntries((response.body.items as any[]).map((item) => [`${item.roadMap.code}:${item.roadMap.item}`, item]));
  }

  const dates = (items: Record<string, any>) => Object.fromEntries(Object.entries(items).map(([code, item]) => [code, item.dueOn]));

  it('starts the road map from the sentence, moves it with the release, shows a late item as done late and ends the rest on release', async () => {
    api.clock.set('2026-07-02T10:00:00.000Z');
    const opened = await referCitizen(api.request, coordinator, {
      ...(({ cpr, name, birthDate }) => ({ cpr, name, birthDate }))(testCitizen(2003)),
      districtCode: 'NORREBRO-1',
      reason: 'Gentagen kriminalitet',
    });
    const base = `/cases/${opened.caseId}`;
    await ok('POST', `${base}/agencies/KBH-FAENGSLER`, coordinator, {});
    const custodyId = randomUUID();

    // A sentence of 5 months for an adult, no programme: the road map appears with the domain's items.
    const recorded = await ok('POST', `${base}/custody`, prison, {
      custodyId,
      kind: 'sentence',
      institution: 'Vestre Fængsel',
      startedOn: '2026-07-01',
      expectedReleaseOn: '2026-12-01',
    });
    const started = await roadMap(base, recorded.position);
    expect(dates(started)).toEqual({
      'GOOD_RELEASE:ADMISSION_NOTICE': '2026-07-08',
      'GOOD_RELEASE:ACTION_PLAN_OWNER_APPOINTED': '2026-07-15',
      'GOOD_RELEASE:NEEDS_ASSESSED': '2026-07-22',
      'GOOD_RELEASE:ACTION_PLAN_MADE': '2026-07-29',
      // At least 1 year and 3 months before a release on 1 December 2026.
      'GOOD_RELEASE:MUNICIPALITY_CONTACTED': '2025-12-01',
      'GOOD_RELEASE:RELEASE_MEETING': '2026-09-01',
    });
    expect(started['GOOD_RELEASE:RELEASE_MEETING']).toMatchObject({
      itemId: `road-map:${custodyId}:GOOD_RELEASE:RELEASE_MEETING`,
      status: 'due',
      ownerAgency: 'KRIMINALFORSORGEN',
    });
    expect(started['GOOD_RELEASE:MUNICIPALITY_CONTACTED'].status).toBe('overdue');

    // The release moves to 31 May 2027: its deadlines move, in months (3 months before is 28 February).
    const moved = await ok('PUT', `${base}/custody/expected-release`, prison, { expectedReleaseOn: '2027-05-31' });
    const afterMove = await roadMap(base, moved.position);
    expect(afterMove['GOOD_RELEASE:RELEASE_MEETING'].dueOn).toBe('2027-02-28');
    expect(afterMove['GOOD_RELEASE:MUNICIPALITY_CONTACTED'].dueOn).toBe('2026-05-31');
    expect(afterMove['GOOD_RELEASE:ACTION_PLAN_MADE'].dueOn).toBe('2026-07-29');

    // The action plan is made on 20 August, three weeks after its deadline: done late, not met on time.
    api.clock.set('2026-08-20T10:00:00.000Z');
    const planned = await ok('POST', `${base}/actions`, coordinator, {
      actionId: randomUUID(),
      title: 'Handleplan: uddannelse',
      responsibleAgency: 'BIF',
      dueDate: '2026-09-30',
    });
    const afterPlan = await roadMap(base, planned.position);
    expect(afterPlan['GOOD_RELEASE:ACTION_PLAN_MADE']).toMatchObject({ dueOn: '2026-07-29', doneOn: '2026-08-20', resolution: 'met', status: 'done-late' });
    expect(afterPlan['GOOD_RELEASE:NEEDS_ASSESSED'].status).toBe('overdue');
    const late = await roadMap(base, planned.position, '&status=done-late');
    expect(Object.keys(late)).toEqual(['GOOD_RELEASE:ACTION_PLAN_MADE']);

    // Released early, on 10 September: what is still open no longer applies; it ends, it is not overdue.
    api.clock.set('2026-09-10T10:00:00.000Z');
    const release = await ok('POST', `${base}/custody/release`, prison, { releasedOn: '2026-09-10', conditional: true });
    const afterRelease = await roadMap(base, release.position);
    expect(afterRelease['GOOD_RELEASE:NEEDS_ASSESSED']).toMatchObject({ dueOn: '2026-07-22', doneOn: '2026-09-10', resolution: 'ended', status: 'ended' });
    expect(afterRelease['GOOD_RELEASE:RELEASE_MEETING']).toMatchObject({ dueOn: '2027-02-28', status: 'ended' });
    expect(afterRelease['GOOD_RELEASE:ACTION_PLAN_MADE'].status).toBe('done-late');
    expect(Object.values(afterRelease).filter((item) => item.status === 'overdue')).toEqual([]);
  });
});
