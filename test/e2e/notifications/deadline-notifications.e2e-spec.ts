import { randomUUID } from 'node:crypto';
import { DeadlineNotificationJob } from '@samvirke/notifications';
import { createOwnDatabase, type OwnDatabase } from '../../support/own-database';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestClock } from '../../support/test-clock';
import { testCitizen } from '../../support/citizens';
import { referCitizen, referralOf } from '../../support/referrals';
import type { TestUser } from '../../support/tokens';
import { eventually, openSse, startMailSink, type MailSink } from './receivers';

/**
 * Deadlines coming up or passed become notifications (issue 18), with the test clock: the release
 * road map of a sentence recorded on 1 July 2026 has its admission notice due Wednesday 8 July and
 * the needs assessment due Wednesday 22 July (Kriminalforsorgen). The deadline job (run by the test,
 * as the scheduler would) tells Kriminalforsorgen's entry point and the coordinator 2 working days
 * ahead and once the deadline has passed unmet; each once, across reruns and a restart; deadlines
 * met in time are never told.
 */
describe('deadline notifications', () => {
  let api: TestApp;
  let smtp: MailSink;
  // A store of its own: the job looks at every open deadline of its store.
  let database: OwnDatabase | undefined;
  const previous = process.env.DEADLINE_NOTIFICATION_INTERVAL_MINUTES;
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser & { userId: string } = { userId: `coord-dl-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const probation: TestUser = { userId: `kf-dl-${suffix}`, agency: 'KRIMINALFORSORGEN', roles: ['liaison'] };
  const social: TestUser = { userId: `sof-dl-${suffix}`, agency: 'SOF', roles: ['liaison'] };
  const at = (day: string) => `${day}T08:00:00.000Z`;
  const env = { SMTP_URL: '', NOTIFICATION_POLL_MS: '100' };

  beforeAll(async () => {
    process.env.DEADLINE_NOTIFICATION_INTERVAL_MINUTES = '0';
    smtp = await startMailSink();
    env.SMTP_URL = smtp.url;
    database = await createOwnDatabase('deadlines');
    api = await startTestApp({ clock: new TestClock(new Date(at('2026-07-01'))), databaseUrl: database.url, env });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await database?.drop();
    if (previous === undefined) delete process.env.DEADLINE_NOTIFICATION_INTERVAL_MINUTES;
    else process.env.DEADLINE_NOTIFICATION_INTERVAL_MINUTES = previous;
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

  const runOn = (day: string) => {
    api.clock.set(at(day));
    return api.app.get(DeadlineNotificationJob).run({ now: api.clock.now() });
  };

  let caseId = '';

  it('tells the responsible entry point and the coordinator 2 working days before a road-map deadline, once however often it runs', async () => {
    ({ caseId } = await referCitizen(api.request, coordinator, referralOf(testCitizen(2003), { reason: 'Dom afsones' }), { coordinator }, database!.url));
    await ok('POST', `/cases/${caseId}/agencies/KRIMINALFORSORGEN`, coordinator, {});
    const recorded = await ok('POST', `/cases/${caseId}/custody`, probation, {
      custodyId: randomUUID(),
      kind: 'sentence',
      institution: 'Vestre Fængsel',
      startedOn: '2026-07-01',
      expectedReleaseOn: '2026-12-01',
    });
    // Both read models the job reads have caught up: the timeline (consistentWith) and the notification
    // projection's case facts (Kriminalforsorgen's asked-to-join notification is there).
    await ok('GET', `/cases/${caseId}/timeline?kind=road-map&consistentWith=${recorded.position}`, coordinator);
    await eventually(async () => (await inbox(probation, `kind=asked-to-join&caseId=${caseId}`))[0], 20_000, 'the notification facts');

    const stream = await openSse(`${api.baseUrl}/notifications/stream`, { authorization: `Bearer ${await api.auth.token(probation)}` });
    expect(stream.status).toBe(200);
    // Thursday 2 July: 8 July is 4 working days away. Nothing.
    expect((await runOn('2026-07-02')).stored).toBe(0);
    // Monday 6 July: Tuesday 7 and Wednesday 8 are the next 2 working days.
    expect(await runOn('2026-07-06')).toMatchObject({ today: '2026-07-06', stored: 2 });
    expect((await runOn('2026-07-06')).stored).toBe(0);
    expect((await runOn('2026-07-07')).stored).toBe(0);

    const forUnit = await eventually(
      async () => (await inbox(probation, `kind=deadline-approaching&caseId=${caseId}`))[0],
      10_000,
      "the entry point's notification",
    );
    expect(forUnit).toMatchObject({
      dueDate: '2026-07-08',
      recipient: { kind: 'unit', agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' },
      entryId: null,
      fromAgency: null,
    });
    expect(await inbox(coordinator, `kind=deadline-approaching&caseId=${caseId}`)).toMatchObject([
      { dueDate: '2026-07-08', recipient: { kind: 'user', userId: coordinator.userId } },
    ]);
    const mail = await eventually(() => smtp.mails.find((found) => found.raw.includes(forUnit.id)), 20_000, 'the mail');
    expect(mail.to).toEqual(['ksp.kriminalforsorgen@example.org']);
    const pushed = await eventually(() => stream.messages.find((message) => JSON.parse(message.data).id === forUnit.id), 10_000, 'the SSE message');
    expect(pushed).toMatchObject({ event: 'notification', id: forUnit.sequence });
    stream.close();
  });

  it('tells them again once the deadline has passed unmet, once across a restart', async () => {
    expect((await runOn('2026-07-09')).stored).toBe(2);
    await api.close();
    api = await startTestApp({ clock: new TestClock(new Date(at('2026-07-09'))), databaseUrl: database!.url, env });
    expect((await runOn('2026-07-09')).stored).toBe(0);
    expect((await runOn('2026-07-10')).stored).toBe(0);
    const passed = await inbox(probation, `kind=deadline-passed&caseId=${caseId}`);
    expect(passed).toMatchObject([{ dueDate: '2026-07-08', recipient: { entryPoint: 'KRIMINALFORSORGEN-KSP' } }]);
    expect(await inbox(coordinator, `kind=deadline-passed&caseId=${caseId}`)).toHaveLength(1);
    expect(await inbox(probation, `kind=deadline-approaching&caseId=${caseId}`)).toHaveLength(1);
  });

  it('tells nothing of a deadline met in time: the action plan owner (met by the take-over) and the action plan', async () => {
    // Monday 13 July: the action plan's owner (SOF) was due Wednesday 15 July, and was met on 1 July
    // when the coordinator took the case over.
    expect((await runOn('2026-07-13')).stored).toBe(0);
    // Monday 20 July: the needs assessment (Kriminalforsorgen) is due Wednesday 22 July.
    expect((await runOn('2026-07-20')).stored).toBe(2);
    // The action plan is made in time (an action): its 29 July deadline is never told.
    const planned = await ok('POST', `/cases/${caseId}/actions`, coordinator, {
      actionId: randomUUID(),
      title: 'Handleplan',
      responsibleAgency: 'BIF',
      dueDate: '2026-12-31',
    });
    await ok('GET', `/cases/${caseId}/timeline?kind=road-map&consistentWith=${planned.position}`, coordinator);
    await runOn('2026-07-27');
    await runOn('2026-07-30');
    const told = await eventually(
      async () => {
        const items = (await inbox(coordinator, `caseId=${caseId}`)).filter((item) => item.kind.startsWith('deadline-'));
        return items.length >= 4 ? items : undefined;
      },
      10_000,
      "the coordinator's deadline notifications",
    );
    expect(told.map((item: any) => `${item.kind} ${item.dueDate}`).sort()).toEqual([
      'deadline-approaching 2026-07-08',
      'deadline-approaching 2026-07-22',
      'deadline-passed 2026-07-08',
      'deadline-passed 2026-07-22',
    ]);
    expect(await inbox(social, `caseId=${caseId}`)).toEqual([]);
  });
});
