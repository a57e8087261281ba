import { randomUUID } from 'node:crypto';
import { EscalationJob } from '@samvirke/projections/escalation';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { testCitizen } from '../support/citizens';
import { caseIdOfCitizen, referralOf } from '../support/referrals';
import type { TestUser } from '../support/tokens';
import { eventually, openSse, startMailSink, type MailSink, type SseClient } from './notifications/receivers';

/**
 * Issue 18's acceptance: the release-from-prison story of ../shared/DOMAIN.md over real HTTP, with
 * real parts (PostgreSQL, a real SMTP server, the SSE stream, the escalation job through the gate)
 * and the clock moved by hand.
 *
 * A police liaison refers a young man (23) serving a sentence. The referral reaches the municipal
 * intake; an intake coordinator (BIF) takes it over and the police join. The coordinator brings in
 * Kriminalforsorgen; Kriminalforsorgen records the sentence (5 months, release 1 December 2026) and
 * the release road map appears on the timeline (the release meeting due 3 months before: 1 September).
 * On Thursday 2 July BIF shares information with Kriminalforsorgen only: Kriminalforsorgen's entry point
 * hears of it in its inbox, on its live stream and by mail; the police see nothing of it. Left
 * unacknowledged it is chased: a reminder on Tuesday 7 July (2 whole working days later), the
 * escalation on Thursday 9 July (4), to Kriminalforsorgen's escalation contact and the coordinator.
 */
describe('the release-from-prison story, end to end', () => {
  let api: TestApp;
  let smtp: MailSink;
  let stream: SseClient | undefined;
  // A store of its own: the escalation job chases every open flow of its store, and this story's
  // clock (July 2026) must not chase other test files' cases.
  let database: OwnDatabase | undefined;
  const previousInterval = process.env.ESCALATION_INTERVAL_MINUTES;
  const suffix = randomUUID().slice(0, 8);
  const police: TestUser = { userId: `police-story-${suffix}`, agency: 'KBH-POLITI', roles: ['liaison'] };
  const coordinator: TestUser & { userId: string } = { userId: `intake-story-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const probation: TestUser = { userId: `kf-story-${suffix}`, agency: 'KRIMINALFORSORGEN', roles: ['liaison'] };
  const citizen = testCitizen(2003);
  const policeEntryPoint = {
    unit: 'Station Bellahøj, SSP-kontakt',
    contactPerson: 'Vagthavende',
    phone: '555 1111',
    email: `bellahoj-${suffix}@politi.example.org`,
  };

  /** 10:00 in Copenhagen (summer time) on a day of 2026. */
  const at = (day: string) => `${day}T08:00:00.000Z`;

  beforeAll(async () => {
    // The test runs the escalation job itself, on the days it chooses.
    process.env.ESCALATION_INTERVAL_MINUTES = '0';
    smtp = await startMailSink();
    database = await createOwnDatabase('release_story');
    api = await startTestApp({
      clock: new TestClock(new Date(at('2026-07-01'))),
      databaseUrl: database.url,
      env: { SMTP_URL: smtp.url, NOTIFICATION_POLL_MS: '100' },
    });
  });
  afterAll(async () => {
    stream?.close();
    await api?.close();
    await smtp?.close();
    await database?.drop();
    if (previousInterval === undefined) delete process.env.ESCALATION_INTERVAL_MINUTES;
    else process.env.ESCALATION_INTERVAL_MINUTES = previousInterval;
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<any> {
    const response = await api.request(method, path, { user, body });
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function inbox(user: TestUser, query: string): Promise<any[]> {
    const response = await api.request('GET', `/notifications?${query}&limit=200`, { user });
    expect(response.status).toBe(200);
    return response.body.items as any[];
  }

  // Found through the CPR lookup (the referral names no case) once the referral is recorded.
  let caseId = '';
  let base = '';
  const entryId = randomUUID();
  let position = '0';

  it('the police referral reaches an intake coordinator in GET /intake, who takes it over; the police join', async () => {
    const referral = await api.request('POST', '/cases', {
      user: police,
      body: referralOf(citizen, { reason: 'Løsladelse nærmer sig', referrerEntryPoint: policeEntryPoint }),
    });
    expect([referral.status, referral.body]).toEqual([202, { received: true }]);
    caseId = await caseIdOfCitizen(citizen.cpr, database!.url);
    base = `/cases/${caseId}`;
    position = (await api.store.readStream(`case-${caseId}`)).at(-1)!.globalPosition;

    const queue = await ok('GET', `/intake?limit=200&consistentWith=${position}`, coordinator);
    expect((queue.items as any[]).find((item) => item.caseId === caseId)).toMatchObject({ referredBy: 'KBH-POLITI', agencies: ['BIF'] });
    // The intake unit was told: the referral is a case BIF was asked to join.
    const told = await eventually(
      async () => (await inbox(coordinator, `caseId=${caseId}`)).find((item) => item.recipient.entryPoint === 'BIF-SSP-PLUS'),
      10_000,
      "the intake unit's notification",
    );
    expect(told).toMatchObject({ kind: 'asked-to-join', fromAgency: 'KBH-POLITI' });

    const taken = await ok('POST', `${base}/coordinator`, coordinator, { coordinatorId: coordinator.userId, agency: 'BIF' });
    position = taken.position;
    const asPolice = await ok('GET', `${base}?consistentWith=${position}`, police);
    expect(asPolice.agencies).toEqual(expect.arrayContaining(['BIF', 'KBH-POLITI']));
    expect(((await ok('GET', `/intake?limit=200&consistentWith=${position}`, coordinator)).items as any[]).map((item) => item.caseId)).not.toContain(caseId);
  });

  it('brings Kriminalforsorgen in; the sentence it records starts the release road map with its dates', async () => {
    await ok('POST', `${base}/agencies/KRIMINALFORSORGEN`, coordinator, {});
    const recorded = await ok('POST', `${base}/custody`, probation, {
      custodyId: randomUUID(),
      kind: 'sentence',
      institution: 'Vestre Fængsel',
      startedOn: '2026-07-01',
      expectedReleaseOn: '2026-12-01',
    });
    position = recorded.position;
    const timeline = await ok('GET', `${base}/timeline?kind=road-map&limit=200&consistentWith=${position}`, coordinator);
    const items: Record<string, any> = Object.fromEntries((timeline.items as any[]).map((item) => [item.roadMap.item, item]));
    expect(Object.fromEntries(Object.entries(items).map(([code, item]) => [code, item.dueOn]))).toEqual({
      ADMISSION_NOTICE: '2026-07-08',
      ACTION_PLAN_OWNER_APPOINTED: '2026-07-15',
      NEEDS_ASSESSED: '2026-07-22',
      ACTION_PLAN_MADE: '2026-07-29',
      MUNICIPALITY_CONTACTED: '2025-12-01',
      // At least 3 months before a release on 1 December 2026.
      RELEASE_MEETING: '2026-09-01',
    });
    expect(items.RELEASE_MEETING).toMatchObject({ status: 'due', ownerAgency: 'KRIMINALFORSORGEN' });
    // The police are on the case and see the same road map (it holds no shared information).
    const forPolice = await ok('GET', `${base}/timeline?kind=road-map&limit=200&consistentWith=${position}`, police);
    expect((forPolice.items as any[]).map((item) => item.dueOn)).toContain('2026-09-01');
  });

  it('BIF shares with Kriminalforsorgen only: its entry point is told in the inbox, on the live stream and by mail; the police see nothing', async () => {
    api.clock.set(at('2026-07-02'));
    stream = await openSse(`${api.baseUrl}/notifications/stream`, { authorization: `Bearer ${await api.auth.token(probation)}` });
    expect(stream.status).toBe(200);
    const shared = await ok('POST', `${base}/entries`, coordinator, {
      entryId,
      sharedWith: ['KRIMINALFORSORGEN'],
      legalBasis: 'RPL115-1-3',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Jobplan klar til løsladelsen; bolig mangler',
    });
    position = shared.position;

    const item = await eventually(
      async () => (await inbox(probation, `kind=information-shared&caseId=${caseId}`)).find((found) => found.entryId === entryId),
      20_000,
      "Kriminalforsorgen's notification",
    );
    expect(item).toMatchObject({
      caseId,
      fromAgency: 'BIF',
      readAt: null,
      recipient: { kind: 'unit', agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' },
    });
    const pushed = await eventually(() => stream!.messages.find((message) => JSON.parse(message.data).id === item.id), 10_000, 'the SSE message');
    expect(pushed).toMatchObject({ event: 'notification', id: item.sequence });
    const mail = await eventually(() => smtp.mails.find((found) => found.raw.includes(item.id)), 20_000, 'the mail');
    expect(mail.to).toEqual(['ksp.kriminalforsorgen@example.org']);
    for (const secret of [citizen.name, citizen.cpr, caseId, 'bolig']) expect(mail.raw).not.toContain(secret);

    // The police are on the case, but the entry was not shared with them: not on their timeline, not in
    // their information flow, nothing in their inbox, and no mail to them.
    const policeTimeline = await ok('GET', `${base}/timeline?limit=200&consistentWith=${position}`, police);
    expect(JSON.stringify(policeTimeline)).not.toContain(entryId);
    const policeFlow = await ok('GET', `${base}/information-flow?consistentWith=${position}`, police);
    expect(JSON.stringify(policeFlow)).not.toContain(entryId);
    expect((await inbox(police, `caseId=${caseId}`)).filter((found) => found.entryId === entryId || found.kind === 'information-shared')).toEqual([]);
    expect(smtp.mails.filter((found) => found.raw.includes(item.id)).flatMap((found) => found.to)).toEqual(['ksp.kriminalforsorgen@example.org']);
  });

  /** Runs the escalation job on `day` at 10:00, once the information flow has caught up with `position`. */
  async function escalateOn(day: string) {
    api.clock.set(at(day));
    await ok('GET', `${base}/information-flow?consistentWith=${position}`, coordinator);
    const report = await api.app.get(EscalationJob).run({ now: api.clock.now() });
    expect(report.failed).toEqual([]);
    const mine = report.escalated.filter((step) => step.caseId === caseId);
    if (mine.length > 0) position = mine.at(-1)!.position!;
    return mine.map((step) => step.step);
  }

  it('left unacknowledged, it is chased on the right working days: a reminder on Tuesday 7 July, the escalation on Thursday 9 July', async () => {
    expect(await escalateOn('2026-07-03')).toEqual([]);
    expect(await escalateOn('2026-07-04')).toEqual([]);
    expect(await escalateOn('2026-07-06')).toEqual([]);
    expect(await escalateOn('2026-07-07')).toEqual(['reminder']);
    expect(await escalateOn('2026-07-08')).toEqual([]);
    expect(await escalateOn('2026-07-09')).toEqual(['escalation']);
    expect(await escalateOn('2026-07-10')).toEqual([]);

    const reminder = await eventually(async () => (await inbox(probation, `kind=reminder&caseId=${caseId}`))[0], 20_000, 'the reminder');
    expect(reminder).toMatchObject({ recipient: { agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' }, dueDate: '2026-07-07' });
  });

  it("the escalation reaches Kriminalforsorgen's escalation contact (inbox and mail) and the coordinator, and not the police", async () => {
    const forContact = await eventually(
      async () => (await inbox(probation, `kind=escalation&caseId=${caseId}`)).find((found) => found.recipient.entryPoint === 'ESCALATION-CONTACT'),
      20_000,
      "the escalation contact's notification",
    );
    expect(forContact).toMatchObject({ fromAgency: 'BIF', dueDate: '2026-07-09', recipient: { kind: 'unit', agency: 'KRIMINALFORSORGEN' } });
    const forCoordinator = await eventually(
      async () => (await inbox(coordinator, `kind=escalation&caseId=${caseId}`)).find((found) => found.recipient.kind === 'user'),
      20_000,
      "the coordinator's notification",
    );
    expect(forCoordinator).toMatchObject({ dueDate: '2026-07-09', recipient: { kind: 'user', agency: 'BIF', userId: coordinator.userId } });
    const mail = await eventually(() => smtp.mails.find((found) => found.raw.includes(forContact.id)), 20_000, "the escalation contact's mail");
    expect(mail.to).toEqual(['eskalering.kriminalforsorgen@example.org']);
    expect(await inbox(police, `kind=escalation&caseId=${caseId}`)).toEqual([]);
    // The coordinator's timeline shows both steps.
    const timeline = await ok('GET', `${base}/timeline?kind=escalation&consistentWith=${position}`, coordinator);
    expect((timeline.items as any[]).map((item) => [item.on, item.resolution, item.ownerAgency])).toEqual([
      ['2026-07-07', 'reminder', 'KRIMINALFORSORGEN'],
      ['2026-07-09', 'escalation', 'KRIMINALFORSORGEN'],
    ]);
  });

  it("a second referral of the citizen, by social services, reaches the case's coordinator; the referrer learns only that it was received", async () => {
    const social: TestUser = { userId: `sof-story-${suffix}`, agency: 'SOF', roles: ['liaison'] };
    const again = await api.request('POST', '/cases', { user: social, body: referralOf(citizen, { reason: 'Bekymring fra socialrådgiver' }) });
    expect([again.status, again.body]).toEqual([202, { received: true }]);
    const told = await eventually(
      async () => (await inbox(coordinator, `kind=referral-received&caseId=${caseId}`))[0],
      20_000,
      "the coordinator's referral notification",
    );
    expect(told).toMatchObject({ fromAgency: 'SOF', recipient: { kind: 'user', agency: 'BIF', userId: coordinator.userId } });
    expect(await inbox(social, 'kind=referral-received')).toEqual([]);
    expect((await api.request('GET', base, { user: social })).status).toBe(404);
  });
});
