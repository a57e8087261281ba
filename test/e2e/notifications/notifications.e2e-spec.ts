import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createOwnDatabase, type OwnDatabase } from '../../support/own-database';
import { testCitizen } from '../../support/citizens';
import { referCitizen, referralOf } from '../../support/referrals';
import type { TestUser } from '../../support/tokens';
import { eventually, openSse, signatureIsValid, startHookReceiver, startMailSink, type HookReceiver, type MailSink } from './receivers';

/**
 * Notifications end to end, with real parts: the API over HTTP, PostgreSQL, a real SMTP server
 * (smtp-server) and real HTTP webhook receivers. The release story's core: BIF shares with
 * Kriminalforsorgen only, and Kriminalforsorgen's entry point hears of it in its inbox, on its live
 * stream, by mail and by signed webhook; nobody else does.
 */
describe('notifications', () => {
  let api: TestApp;
  // Its own: on the run's shared database, another test's API (with no SMTP_URL: mail to the catch-all
  // table) could claim this test's outbox rows and deliver them there, so the mail never arrives here.
  let database: OwnDatabase;
  let smtp: MailSink;
  const receivers: HookReceiver[] = [];
  const suffix = randomUUID().slice(0, 8);
  const coordinator: TestUser = { userId: `coord-n-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
  const probation: TestUser = { userId: `kf-n-${suffix}`, agency: 'KRIMINALFORSORGEN', roles: ['liaison'] };
  const social: TestUser = { userId: `sof-n-${suffix}`, agency: 'SOF', roles: ['liaison'] };
  const admin: TestUser = { userId: `admin-n-${suffix}`, agency: 'OKF', roles: ['reference-admin'] };
  const auditor: TestUser = { userId: `audit-n-${suffix}`, agency: 'OKF', roles: ['auditor'] };
  const citizen = testCitizen(2003);

  beforeAll(async () => {
    smtp = await startMailSink();
    database = await createOwnDatabase('notifications');
    api = await startTestApp({
      databaseUrl: database.url,
      env: {
        SMTP_URL: smtp.url,
        NOTIFICATION_POLL_MS: '100',
        NOTIFICATION_RETRY_BASE_MS: '200',
        NOTIFICATION_RETRY_MAX_MS: '400',
        NOTIFICATION_MAX_ATTEMPTS: '4',
        WEBHOOK_TIMEOUT_MS: '700',
      },
    });
  });
  let closed = false;
  afterAll(async () => {
    if (!closed) await api?.close();
    await smtp?.close();
    for (const receiver of receivers) await receiver.close();
    await database?.drop();
  });

  async function ok(method: string, path: string, user: TestUser, body?: unknown): Promise<any> {
    const response = await api.request(method, path, { user, body });
    if (![200, 201, 202].includes(response.status)) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function receiver(script: Array<number | 'hang'> = []): Promise<HookReceiver> {
    const started = await startHookReceiver(script);
    receivers.push(started);
    return started;
  }

  /** A case BIF coordinates with Kriminalforsorgen and SOF on it. */
  async function caseWithProbationAndSocial(): Promise<string> {
    // The referral lands in the intake; the coordinator takes it over.
    const { caseId } = await referCitizen(
      api.request,
      coordinator,
      referralOf({ ...citizen, cpr: testCitizen(2003).cpr }, { reason: 'Løsladelse fra fængsel' }),
      {
        coordinator: coordinator as TestUser & { userId: string },
      },
      database.url,
    );
    await ok('POST', `/cases/${caseId}/agencies/KRIMINALFORSORGEN`, coordinator, {});
    await ok('POST', `/cases/${caseId}/agencies/SOF`, coordinator, {});
    return caseId;
  }

  async function share(caseId: string, sharedWith: string[]): Promise<string> {
    const entryId = randomUUID();
    await ok('POST', `/cases/${caseId}/entries`, coordinator, {
      entryId,
      sharedWith,
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'normal',
      summary: 'Borger løslades snart; bolig mangler',
    });
    return entryId;
  }

  async function inboxItem(user: TestUser, query: string, match: (item: any) => boolean) {
    return eventually(
      async () => {
        const response = await api.request('GET', `/notifications?${query}`, { user });
        expect(response.status).toBe(200);
        return (response.body.items as any[]).find(match);
      },
      20_000,
      `a notification for ${user.userId}`,
    );
  }

  it("tells Kriminalforsorgen's entry point of information shared with it only: inbox, SSE, mail and a signed webhook that arrives once after failures", async () => {
    const hooks = await receiver([500, 500]);
    const created = await api.request('POST', '/webhook-subscriptions', { user: admin, body: { agency: 'KRIMINALFORSORGEN', url: hooks.url } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const stream = await openSse(`${api.baseUrl}/notifications/stream`, { authorization: `Bearer ${await api.auth.token(probation)}` });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    // The stream is written past Fastify's reply: the headers every answer carries go out with it, once each.
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const caseId = await caseWithProbationAndSocial();
    const entryId = await share(caseId, ['KRIMINALFORSORGEN']);

    // Inbox: kind, case, agencies, times, the entry to acknowledge; nothing personal.
    const item = await inboxItem(probation, `kind=information-shared&caseId=${caseId}`, (found) => found.entryId === entryId);
    expect(Object.keys(item).sort()).toEqual([
      'caseId',
      'dueDate',
      'entryId',
      'fromAgency',
      'id',
      'kind',
      'occurredAt',
      'readAt',
      'recipient',
      'requestId',
      'sequence',
    ]);
    expect(item).toMatchObject({
      kind: 'information-shared',
      caseId,
      fromAgency: 'BIF',
      readAt: null,
      recipient: { kind: 'unit', agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' },
    });
    const serialized = JSON.stringify(item);
    expect(serialized).not.toContain(citizen.name);
    expect(serialized).not.toContain('bolig');

    // SOF is on the case but was not shared with: nothing for it, and the id is 404 for it.
    const sofList = await api.request('GET', `/notifications?kind=information-shared&caseId=${caseId}`, { user: social });
    expect(sofList.body.items).toEqual([]);
    const foreign = await api.request('GET', `/notifications/${item.id}`, { user: social });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await api.request('POST', `/notifications/${item.id}/read`, { user: social })).status).toBe(404);

    // Live: the stream pushed it, with the sequence as the SSE id.
    const pushed = await eventually(() => stream.messages.find((message) => JSON.parse(message.data).id === item.id), 10_000, 'the SSE message');
    expect(pushed).toMatchObject({ event: 'notification', id: item.sequence });
    stream.close();

    // Mail to the unit's function mailbox, without personal data.
    const mail = await eventually(() => smtp.mails.find((found) => found.raw.includes(item.id)), 20_000, 'the mail');
    expect(mail.to).toEqual(['ksp.kriminalforsorgen@example.org']);
    expect(mail.raw).toContain('Ny information til jeres enhed i Samvirke');
    expect(mail.raw).not.toContain(citizen.name);
    expect(mail.raw).not.toContain(citizen.cpr);
    expect(mail.raw).not.toContain(caseId);

    // Webhook: 500, 500, then 200; the same webhook-id every time, signed; delivered once.
    await eventually(() => hooks.received.some((hook) => hook.answered === 200 && hook.id === item.id), 20_000, 'the webhook');
    const forThis = hooks.received.filter((hook) => hook.id === item.id);
    expect(forThis.map((hook) => hook.answered)).toEqual([500, 500, 200]);
    for (const hook of forThis) expect(signatureIsValid(created.body.secret, hook)).toBe(true);
    const payload = JSON.parse(forThis[2].body);
    expect(payload).toMatchObject({
      type: 'notification.information-shared',
      data: { notificationId: item.id, caseId, entryId, recipient: { agency: 'KRIMINALFORSORGEN' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(hooks.received.filter((hook) => hook.id === item.id && hook.answered === 200)).toHaveLength(1);

    // Acknowledge from the notification: the case command, through the gate, as the liaison.
    const acknowledged = await api.request('POST', `/notifications/${item.id}/acknowledge`, { user: probation });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.notification.readAt).not.toBeNull();
    const flow = await api.request('GET', `/cases/${caseId}/information-flow?consistentWith=${acknowledged.body.position}`, { user: probation });
    expect((flow.body.items as any[]).find((row) => row.id === entryId)).toMatchObject({ outcome: 'acknowledged', respondedBy: probation.userId });
    const unread = await api.request('GET', `/notifications?state=unread&caseId=${caseId}`, { user: probation });
    expect((unread.body.items as any[]).some((found) => found.id === item.id)).toBe(false);

    // The audit log records each delivery: to whom, when, about which case.
    const audited = await eventually(
      async () => {
        const log = await api.request('GET', `/audit/log?caseId=${caseId}&limit=500`, { user: auditor });
        const rows = (log.body.items as any[]).filter((row) => row.action === 'notify' && row.criteria.notificationId === item.id);
        return rows.length >= 3 ? rows : undefined;
      },
      10_000,
      'the audit rows',
    );
    expect(audited.map((row) => row.route).sort()).toEqual(['/notifications/inbox', '/notifications/mail', '/notifications/webhook']);
    expect(audited.every((row) => row.userId === 'unit:KRIMINALFORSORGEN/KRIMINALFORSORGEN-KSP' && row.agency === 'KRIMINALFORSORGEN')).toBe(true);
  });

  it('notifies the assigned coordinator, the agency asked to join, and the agency asked for information', async () => {
    const other: TestUser = { userId: `coord-n2-${suffix}`, agency: 'BIF', roles: ['coordinator'] };
    const caseId = await caseWithProbationAndSocial();
    await ok('PUT', `/cases/${caseId}/coordinator`, coordinator, { coordinatorId: other.userId, agency: 'BIF' });
    await inboxItem(other, `kind=case-assigned&caseId=${caseId}`, () => true);
    await inboxItem(social, `kind=asked-to-join&caseId=${caseId}`, (found) => found.recipient.agency === 'SOF');

    // Every inbox row of the case's notifications ends delivered (a round marks its inbox rows
    // together), and each notification's inbox delivery is audited exactly once.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const inbox = await eventually(
        async () => {
          const { rows } = await client.query<{ id: string; status: string }>(
            `SELECT n.id, o.status FROM public.notification_outbox o JOIN public.notification n ON n.id = o.notification_id
              WHERE n.case_id = $1 AND o.channel = 'inbox'`,
            [caseId],
          );
          return rows.length >= 3 && rows.every((row) => row.status === 'delivered') ? rows : undefined;
        },
        10_000,
        'every inbox row delivered',
      );
      const log = await api.request('GET', `/audit/log?caseId=${caseId}&limit=500`, { user: auditor });
      const audited = (log.body.items as any[]).filter((row) => row.action === 'notify' && row.route === '/notifications/inbox');
      expect(audited.map((row) => row.criteria.notificationId).sort()).toEqual(inbox.map((row) => row.id).sort());
    } finally {
      await client.end();
    }
  });

  it('resumes the stream after Last-Event-ID', async () => {
    const caseId = await caseWithProbationAndSocial();
    const first = await share(caseId, ['KRIMINALFORSORGEN']);
    const item = await inboxItem(probation, `caseId=${caseId}&kind=information-shared`, (found) => found.entryId === first);
    const second = await share(caseId, ['KRIMINALFORSORGEN']);
    await inboxItem(probation, `caseId=${caseId}&kind=information-shared`, (found) => found.entryId === second);
    const resumed = await openSse(`${api.baseUrl}/notifications/stream`, {
      authorization: `Bearer ${await api.auth.token(probation)}`,
      'last-event-id': item.sequence,
    });
    const got = await eventually(() => resumed.messages.find((message) => JSON.parse(message.data).entryId === second), 10_000, 'the resumed message');
    expect(Number(got.id)).toBeGreaterThan(Number(item.sequence));
    expect(resumed.messages.some((message) => JSON.parse(message.data).entryId === first)).toBe(false);
    resumed.close();
  });

  it('times out a hanging receiver and retries it; dead-letters after the last attempt, and replays', async () => {
    const hanging = await receiver(['hang', 200]);
    const failing = await receiver([500, 500, 500, 500, 500, 500, 500, 500]);
    const hangingSub = await ok('POST', '/webhook-subscriptions', admin, { agency: 'SOF', url: hanging.url });
    const failingSub = await ok('POST', '/webhook-subscriptions', admin, { agency: 'SOF', url: failing.url });
    const caseId = await caseWithProbationAndSocial();
    await share(caseId, ['SOF']);
    const delivered = await eventually(() => hanging.received.find((hook) => hook.answered === 200), 20_000, 'the retried delivery');
    const ids = new Set(hanging.received.map((hook) => hook.id));
    expect(hanging.received.filter((hook) => hook.id === delivered.id).map((hook) => hook.answered)).toEqual(['hung', 200]);
    expect(hanging.received.every((hook) => signatureIsValid(hangingSub.secret, hook))).toBe(true);

    const dead = await eventually(
      async () => {
        const list = await ok('GET', '/webhook-subscriptions/dead-letters', admin);
        return (list as any[]).find((row) => row.subscriptionId === failingSub.id);
      },
      20_000,
      'the dead letter',
    );
    expect(dead).toMatchObject({ attempts: 4, lastError: 'receiver answered HTTP 500', agency: 'SOF' });
    expect(failing.received.filter((hook) => hook.id === dead.notificationId)).toHaveLength(4);
    expect(ids.has(dead.notificationId)).toBe(true);

    failing.script = [];
    failing.received.length = 0;
    const replayed = await api.request('POST', `/webhook-subscriptions/dead-letters/${dead.deliveryId}/replay`, { user: admin });
    expect(replayed.status).toBe(202);
    await eventually(() => failing.received.some((hook) => hook.answered === 200 && hook.id === dead.notificationId), 10_000, 'the replay');
    const after = await ok('GET', '/webhook-subscriptions/dead-letters', admin);
    expect((after as any[]).some((row) => row.deliveryId === dead.deliveryId)).toBe(false);
  });

  it('answers 406 on the stream to a client that does not ask for text/event-stream, and 401 without a token', async () => {
    const refused = await api.request('GET', '/notifications/stream', { user: probation });
    expect(refused.status).toBe(406);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const anonymous = await fetch(`${api.baseUrl}/notifications/stream`, { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
  });

  it('refuses bad webhook URLs with problem+json, and non-administrators', async () => {
    for (const url of ['ftp://example.org/x', 'not a url', 'http://user:pw@example.org/x', '']) {
      const refused = await api.request('POST', '/webhook-subscriptions', { user: admin, body: { agency: 'SOF', url } });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(refused.body)).not.toContain('user:pw');
    }
    const forbidden = await api.request('POST', '/webhook-subscriptions', { user: coordinator, body: { agency: 'SOF', url: 'https://example.org/x' } });
    expect(forbidden.status).toBe(403);
    expect((await api.request('GET', '/webhook-subscriptions/dead-letters', { user: probation })).status).toBe(403);
  });

  it('sends a daily digest instead of immediate mail when the entry point chooses it', async () => {
    const setting = await api.request('PUT', '/notification-settings/SOF-UNGE-18-25', { user: social, body: { mailDelivery: 'daily-digest' } });
    expect(setting.status).toBe(200);
    const caseId = await caseWithProbationAndSocial();
    await share(caseId, ['SOF']);
    await share(caseId, ['SOF']);
    const items = await eventually(
      async () => {
        const list = await ok('GET', `/notifications?caseId=${caseId}&kind=information-shared`, social);
        return (list.items as any[]).length === 2 ? list.items : undefined;
      },
      20_000,
      'both notifications',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.mails.some((mail) => items.some((item: any) => mail.raw.includes(item.id)))).toBe(false);
    api.clock.advanceDays(1);
    const digest = await eventually(() => smtp.mails.find((mail) => items.every((item: any) => mail.raw.includes(item.id))), 20_000, 'the digest');
    expect(digest.raw).toContain('Dagligt overblik');
  });

  // Last: it stops the app.
  it('ends live streams when the API shuts down, so shutdown is not held open', async () => {
    const stream = await openSse(`${api.baseUrl}/notifications/stream`, { authorization: `Bearer ${await api.auth.token(probation)}` });
    expect(stream.status).toBe(200);
    closed = true;
    const shutdown = api.close().then(() => 'closed');
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([shutdown, new Promise((resolve) => (timer = setTimeout(() => resolve('still open after 8 s'), 8_000)))]);
    clearTimeout(timer);
    expect(outcome).toBe('closed');
    await eventually(() => stream.ended, 2_000, 'the stream to end');
  });
});
