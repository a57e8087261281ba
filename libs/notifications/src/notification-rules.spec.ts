import { CASE_EVENT_TYPES } from '@samvirke/case';
import { loadReferenceData } from '@samvirke/reference-data';
import { retryDelayMs } from './notification-config';
import { nextDigestAt } from './delivery/outbox-delivery';
import { mailFor } from './delivery/mailer';
import { entryPointCode, functionMailbox } from './projection/entry-point-codes';
import { evolveFacts, NOTIFICATION_EVENT_TYPES, NOTIFICATION_FACT_EVENT_TYPES } from './projection/notification.projection';
import { NOTIFICATION_RULES, notificationId, recipientMaySeeCase, type NotificationCaseFacts } from './projection/notification-rules';
import { webhookSignature, webhookUrlProblem } from './webhooks/standard-webhooks';

const facts: NotificationCaseFacts = {
  agencies: ['BIF', 'KRIMINALFORSORGEN', 'SOF'],
  coordinatorId: 'coord-anna',
  coordinatorAgency: 'BIF',
  entryPoints: { BIF: 'BIF-SSP-PLUS', KRIMINALFORSORGEN: 'KRIMINALFORSORGEN-KSP', SOF: 'SOF-UNGE-18-25' },
};
const author = { actingAgency: 'BIF', actor: 'coord-anna' };

describe('notification rules', () => {
  it('names every event type the projection reads: any other changes no fact and has no rule', () => {
    const referenceData = loadReferenceData();
    // Data with every field a fact could be taken from, so an event type that changed a fact would show.
    const data = { agency: 'SOF', entryPoint: 'SOF-UNGE-18-25', coordinatorId: 'coord-bo' };
    const others = CASE_EVENT_TYPES.filter((type) => !NOTIFICATION_EVENT_TYPES.includes(type));
    expect(others.length).toBeGreaterThan(10);
    for (const type of others) {
      expect([type, evolveFacts(referenceData, facts, type, data) === facts]).toEqual([type, true]);
      expect([type, NOTIFICATION_RULES[type]]).toEqual([type, undefined]);
    }
    // And each type listed as changing a fact does (CaseOpened makes the facts of a case that has none).
    for (const type of NOTIFICATION_FACT_EVENT_TYPES) {
      const before = type === 'CaseOpened' ? undefined : facts;
      expect(evolveFacts(referenceData, before, type, data)).not.toBe(before);
    }
    for (const type of Object.keys(NOTIFICATION_RULES)) expect(NOTIFICATION_EVENT_TYPES).toContain(type);
  });

  it('notifies the entry points information was shared with, without saying what', () => {
    const intent = NOTIFICATION_RULES.InformationShared(
      { entryId: 'e1', fromAgency: 'BIF', sharedWith: ['KRIMINALFORSORGEN'], sensitivity: 'normal', summary: { sealed: 'x' } },
      facts,
      author,
    );
    expect(intent).toEqual({
      kind: 'information-shared',
      recipients: [{ kind: 'unit', agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' }],
      subject: { fromAgency: 'BIF', entryId: 'e1' },
    });
  });

  it('does not name a sealed-identity entry', () => {
    const intent = NOTIFICATION_RULES.InformationShared(
      { entryId: 'e1', fromAgency: 'BIF', sharedWith: ['SOF'], sensitivity: 'sealed-identity' },
      facts,
      author,
    );
    expect(intent?.subject).toEqual({ fromAgency: 'BIF' });
  });

  it('notifies the agency asked, the agency brought in, the coordinator of a referral, and a coordinator assigned by someone else', () => {
    expect(
      NOTIFICATION_RULES.InformationRequested({ requestId: 'r1', fromAgency: 'BIF', toAgency: 'SOF', dueDate: '2026-12-10' }, facts, author)?.recipients,
    ).toEqual([{ kind: 'unit', agency: 'SOF', entryPoint: 'SOF-UNGE-18-25' }]);
    expect(NOTIFICATION_RULES.AgencyJoinedCase({ agency: 'SOF' }, facts, author)?.kind).toBe('asked-to-join');
    expect(NOTIFICATION_RULES.AgencyJoinedCase({ agency: 'BIF' }, facts, author)).toBeNull();
    expect(NOTIFICATION_RULES.ReferralReceived({ referredBy: 'KBH-POLITI' }, facts, author)?.recipients).toEqual([
      { kind: 'user', agency: 'BIF', userId: 'coord-anna' },
    ]);
    // Without a coordinator the referral goes to the intake unit (see below).
    expect(
      NOTIFICATION_RULES.ReferralReceived({ referredBy: 'KBH-POLITI' }, { ...facts, coordinatorId: null, coordinatorAgency: null }, author)?.recipients,
    ).toEqual([{ kind: 'unit', agency: 'BIF', entryPoint: 'BIF-SSP-PLUS' }]);
    expect(NOTIFICATION_RULES.CoordinatorAssigned({ coordinatorId: 'coord-anna', agency: 'BIF' }, facts, author)).toBeNull();
    expect(NOTIFICATION_RULES.CoordinatorChanged({ coordinatorId: 'coord-bo', agency: 'BIF' }, facts, author)?.recipients).toEqual([
      { kind: 'user', agency: 'BIF', userId: 'coord-bo' },
    ]);
  });

  it('tells whom an escalation step names: the entry point, the escalation contact, the coordinator', () => {
    const intent = NOTIFICATION_RULES.FlowEscalated(
      {
        flow: 'request',
        requestId: 'r1',
        fromAgency: 'BIF',
        toAgency: 'SOF',
        step: 'escalation',
        notify: ['entry-point', 'escalation-contact', 'coordinator'],
        coordinatorId: 'coord-anna',
        dueOn: '2026-12-10',
      },
      facts,
      { actingAgency: null, actor: 'system:escalation' },
    );
    expect(intent).toEqual({
      kind: 'escalation',
      recipients: [
        { kind: 'unit', agency: 'SOF', entryPoint: 'SOF-UNGE-18-25' },
        { kind: 'unit', agency: 'SOF', entryPoint: 'ESCALATION-CONTACT' },
        { kind: 'user', agency: 'BIF', userId: 'coord-anna' },
      ],
      subject: { fromAgency: 'BIF', requestId: 'r1', dueDate: '2026-12-10' },
    });
    const reminder = NOTIFICATION_RULES.FlowEscalated(
      { flow: 'information', entryId: 'e1', fromAgency: 'BIF', toAgency: 'SOF', step: 'reminder', notify: ['entry-point'] },
      facts,
      { actingAgency: null, actor: 'system:escalation' },
    );
    expect(reminder).toMatchObject({
      kind: 'reminder',
      recipients: [{ kind: 'unit', agency: 'SOF', entryPoint: 'SOF-UNGE-18-25' }],
      subject: { fromAgency: 'BIF' },
    });
    expect(functionMailbox(loadReferenceData(), 'SOF', 'ESCALATION-CONTACT')).toBe('eskalering.sof@example.org');
  });

  it('lets only receivers the access policy lets read the case be notified', () => {
    expect(recipientMaySeeCase({ kind: 'unit', agency: 'SOF', entryPoint: 'SOF-UNGE-18-25' }, facts)).toBe(true);
    expect(recipientMaySeeCase({ kind: 'unit', agency: 'BUF', entryPoint: 'BUF-SSP' }, facts)).toBe(false);
    expect(recipientMaySeeCase({ kind: 'user', agency: 'OKF', userId: 'coord-x' }, facts)).toBe(false);
    expect(recipientMaySeeCase({ kind: 'user', agency: 'BIF', userId: 'coord-anna' }, facts)).toBe(true);
  });

  it("tells the intake unit of a referral waiting in the queue (readable by the intake's coordinators, not yet its liaisons)", () => {
    const queued: NotificationCaseFacts = { agencies: ['BIF'], coordinatorId: null, coordinatorAgency: null, entryPoints: { BIF: 'BIF-SSP-PLUS' } };
    const joined = NOTIFICATION_RULES.AgencyJoinedCase({ agency: 'BIF' }, queued, { actingAgency: 'KBH-POLITI', actor: 'police-1' });
    expect(joined).toMatchObject({ kind: 'asked-to-join', recipients: [{ kind: 'unit', agency: 'BIF', entryPoint: 'BIF-SSP-PLUS' }] });
    expect(recipientMaySeeCase({ kind: 'unit', agency: 'BIF', entryPoint: 'BIF-SSP-PLUS' }, queued)).toBe(true);
  });

  it('sends a referral of a citizen who has a case to its coordinator, or without one to the intake unit', () => {
    expect(NOTIFICATION_RULES.ReferralReceived({ referredBy: 'SOF' }, facts, author)).toEqual({
      kind: 'referral-received',
      recipients: [{ kind: 'user', agency: 'BIF', userId: 'coord-anna' }],
      subject: { fromAgency: 'SOF' },
    });
    const waiting: NotificationCaseFacts = {
      agencies: ['BIF', 'KBH-POLITI'],
      coordinatorId: null,
      coordinatorAgency: null,
      entryPoints: { BIF: 'BIF-SSP-PLUS' },
    };
    expect(NOTIFICATION_RULES.ReferralReceived({ referredBy: 'SOF' }, waiting, author)).toMatchObject({
      recipients: [{ kind: 'unit', agency: 'BIF', entryPoint: 'BIF-SSP-PLUS' }],
    });
    expect(NOTIFICATION_RULES.ReferralReceived({ referredBy: 'SOF' }, { ...waiting, agencies: ['KBH-POLITI'] }, author)).toMatchObject({ recipients: [] });
  });

  it('gives the same id for the same event and recipient, another for another', () => {
    const unit = { kind: 'unit' as const, agency: 'SOF', entryPoint: 'SOF-UNGE-18-25' };
    expect(notificationId('event-1', unit)).toBe(notificationId('event-1', unit));
    expect(notificationId('event-1', unit)).not.toBe(notificationId('event-2', unit));
    expect(notificationId('event-1', unit)).not.toBe(notificationId('event-1', { kind: 'user', agency: 'SOF', userId: 'u' }));
    expect(notificationId('event-1', unit)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("maps a case's entry point to the standing unit by mailbox or name, else the agency's default", () => {
    const reference = loadReferenceData();
    expect(entryPointCode(reference, 'SOF', { unit: 'x', email: 'UDSATTE-UNGE.sof@example.org' })).toBe('SOF-UNGE-18-25');
    expect(entryPointCode(reference, 'BIF', { unit: 'Jobcenter København, Job og uddannelse for dømte og varetægtsfængslede', email: 'x@y.dk' })).toBe(
      'BIF-KRIMINALPRAEVENTION',
    );
    expect(entryPointCode(reference, 'BIF', { unit: 'Somewhere', email: 'x@y.dk' })).toBe('BIF-SSP-PLUS');
  });
});

describe('delivery', () => {
  it('signs as the Standard Webhooks reference does', () => {
    // The test vector of the Standard Webhooks specification's reference libraries.
    expect(webhookSignature('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('refuses webhook URLs that are not http(s), carry credentials, or are plain http in production', () => {
    expect(webhookUrlProblem('https://example.org/hook', true)).toBeUndefined();
    expect(webhookUrlProblem('http://example.org/hook', false)).toBeUndefined();
    expect(webhookUrlProblem('http://example.org/hook', true)).toBe('url must use https');
    expect(webhookUrlProblem('ftp://example.org/hook', false)).toBeDefined();
    expect(webhookUrlProblem('https://a:b@example.org/hook', false)).toBe('url must not carry credentials');
    expect(webhookUrlProblem('nonsense', false)).toBeDefined();
  });

  it('backs off exponentially within bounds', () => {
    const config = { retryBaseMs: 1_000, retryMaxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6, 50].map((attempts) => retryDelayMs(config, attempts))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it('sends a digest at the next digest hour', () => {
    // 07:00 in Copenhagen is 06:00 UTC in winter.
    expect(nextDigestAt(new Date('2026-12-06T05:00:00Z'), 7).toISOString()).toBe('2026-12-06T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-06T06:00:00Z'), 7).toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });

  it('writes mail that says nothing about the case', () => {
    const mail = mailFor('https://samvirke.kk.dk', 'SOF-UNGE-18-25', ['0b0e9a53-1111-8222-9333-444455556666'], false);
    expect(mail.subject).toBe('Ny information til jeres enhed i Samvirke');
    expect(mail.text).toContain('https://samvirke.kk.dk/notifications/0b0e9a53-1111-8222-9333-444455556666');
  });
});
