import { randomUUID } from 'node:crypto';
import { CaseGate } from '@samvirke/commands';
import { DeadlineNotificationJob } from '@samvirke/notifications';
import { EscalationJob } from '@samvirke/projections/escalation';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { testCitizen } from '../support/citizens';
import { referCitizen, referralOf } from '../support/referrals';
import type { TestUser } from '../support/tokens';

/**
 * History recorded later than it happened (sharedOn, acknowledgedOn, requestedOn) sits on its
 * real-world day in every read model that reasons about time: the escalation job does not chase a
 * share of 2019 recorded today as if it were new, the timeline and the information flow show 2019
 * (the recorded instant beside it), and the delay statistics count it in its own month.
 */
describe('history in the read models (e2e)', () => {
  let api: TestApp;
  // A store of its own: the jobs look at every open flow and deadline of their store.
  let database: OwnDatabase | undefined;
  const previous = { escalation: process.env.ESCALATION_INTERVAL_MINUTES, deadlines: process.env.DEADLINE_NOTIFICATION_INTERVAL_MINUTES };
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser & { userId: string } = { userId: `coord-hist-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  /** 10:00 in Copenhagen (summer time). */
  const at = (day: string) => `${day}T08:00:00.000Z`;

  beforeAll(async () => {
    process.env.ESCALATION_INTERVAL_MINUTES = '0';
    process.env.DEADLINE_NOTIFICATION_INTERVAL_MINUTES = '0';
    database = await createOwnDatabase('history_read_models');
    api = await startTestApp({ clock: new TestClock(new Date(at('2026-04-01'))), databaseUrl: database.url });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    for (const [name, value] of [
      ['ESCALATION_INTERVAL_MINUTES', previous.escalation],
      ['DEADLINE_NOTIFICATION_INTERVAL_MINUTES', previous.deadlines],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<any> {
    const response = await api.request(method, path, { user, body });
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('chases nothing of 2019 recorded in 2026, and shows and counts it on its real-world day', async () => {
    const { caseId } = await referCitizen(api.request, coordinator, referralOf(testCitizen(2001), { reason: 'Historik' }), { coordinator }, database!.url);
    const base = `/cases/${caseId}`;
    await ok('POST', `${base}/agencies/SOF`, coordinator, {});
    const share = (entryId: string) => ({
      entryId,
      sharedWith: ['SOF'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Oplysninger fra 2019',
      sharedOn: '2019-03-04',
    });
    const neverAcknowledged = randomUUID();
    const acknowledged = randomUUID();
    const requestId = randomUUID();
    await ok('POST', `${base}/entries`, coordinator, share(neverAcknowledged));
    await ok('POST', `${base}/entries`, coordinator, share(acknowledged));
    await ok('POST', `${base}/requests`, coordinator, {
      requestId,
      toAgency: 'SOF',
      question: 'Hvad skete der i 2019?',
      dueDate: '2019-03-18',
      legalBasis: 'RPL115-1-1',
      requestedOn: '2019-03-04',
    });
    // SOF's acknowledgement of 12 March 2019, as the history import records it (acknowledgedOn is for history).
    const acknowledgement = await api.app.get(CaseGate).execute({
      caseId,
      caller: { kind: 'system', purpose: 'history-import', actor: 'system:history-import', agency: 'SOF' },
      intent: { type: 'AcknowledgeInformation', entryId: acknowledged },
      command: { type: 'AcknowledgeInformation', data: { entryId: acknowledged, agency: 'SOF', acknowledgedOn: '2019-03-12' } },
    });
    const position = acknowledgement.position!;

    // Thursday 9 April 2026: a share recorded on Wednesday 1 April is due its reminder (escalation e2e); one of 2019 is not chased.
    api.clock.set(at('2026-04-09'));
    const flow = await api.request('GET', `${base}/information-flow?consistentWith=${position}`, { user: coordinator });
    expect(flow.status).toBe(200);
    const escalation = await api.app.get(EscalationJob).run({ now: api.clock.now() });
    expect(escalation).toMatchObject({ checked: 0, escalated: [], failed: [] });
    api.clock.set(at('2026-04-16'));
    expect(await api.app.get(EscalationJob).run({ now: api.clock.now() })).toMatchObject({ escalated: [], failed: [] });
    const timeline = await api.request('GET', `${base}/timeline?consistentWith=${position}&limit=200`, { user: coordinator });
    expect(timeline.status).toBe(200);
    const deadlines = await api.app.get(DeadlineNotificationJob).run({ now: api.clock.now() });
    expect(deadlines.stored).toBe(0);

    // The information flow: sent on 4 March 2019 (midnight in Copenhagen), recorded on 1 April 2026; the delay is the real one.
    const items = flow.body.items as any[];
    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId(acknowledged)).toMatchObject({
      sentAt: '2019-03-03T23:00:00.000Z',
      sentRecordedAt: at('2026-04-01'),
      outcome: 'acknowledged',
      respondedAt: '2019-03-11T23:00:00.000Z',
      respondedRecordedAt: at('2026-04-01'),
      delayHours: 192,
    });
    expect(byId(neverAcknowledged)).toMatchObject({ sentAt: '2019-03-03T23:00:00.000Z', sentRecordedAt: at('2026-04-01'), outcome: null });
    expect(byId(requestId)).toMatchObject({ kind: 'request', sentAt: '2019-03-03T23:00:00.000Z', sentRecordedAt: at('2026-04-01') });

    // The timeline: the shares, the request and the acknowledgement on their days of 2019.
    const rows = (timeline.body.items as any[]).map((item) => [item.kind, item.on, item.resolution ?? null]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['information-share', '2019-03-04', 'sent'],
        ['information-request', '2019-03-04', 'sent'],
        ['acknowledgement', '2019-03-12', 'acknowledged'],
        ['acknowledgement', '2019-03-04', null],
      ]),
    );
    expect(rows.filter(([kind]) => ['information-share', 'information-request', 'acknowledgement'].includes(kind)).every(([, on]) => on < '2020')).toBe(true);

    // The delay statistics: the three items are March 2019's (a small cell, "<5"), none is April 2026's.
    api.clock.set(at('2026-05-04'));
    const march2019 = await api.request('GET', `/information-flow/delays?month=2019-03&consistentWith=${position}`, { user: coordinator });
    expect(march2019.body.total).toEqual({ count: '<5', unacknowledged: '<5' });
    const april2026 = await api.request('GET', `/information-flow/delays?month=2026-04&consistentWith=${position}`, { user: coordinator });
    expect(april2026.body.total).toEqual({ count: 0, unacknowledged: 0 });
  });
});
