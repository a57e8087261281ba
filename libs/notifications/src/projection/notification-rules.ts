import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '@samvirke/access/authentication/claims';
import { canSeeCase, type CaseAccessFacts } from '@samvirke/access/policy/case-visibility';
import { loadReferenceData } from '@samvirke/reference-data';

/**
 * What the notification projection knows of a case when an event arrives: who may see it (the
 * access policy's facts) and which entry point (reference-data unit code) each agency named on it.
 * Kept in the projection's own table, built from the same events (never another read model).
 */
export interface NotificationCaseFacts extends CaseAccessFacts {
  /** The coordinator's agency, when the case has one. */
  coordinatorAgency: string | null;
  /** Agency code -> entry point unit code (libs/reference-data agencies.json). */
  entryPoints: Readonly<Record<string, string>>;
}

/** Someone a notification is addressed to: a unit (an agency's entry point) or a person. */
export type NotificationRecipient =
  { readonly kind: 'unit'; readonly agency: string; readonly entryPoint: string } | { readonly kind: 'user'; readonly agency: string; readonly userId: string };

export const NOTIFICATION_KINDS = [
  'information-shared',
  'information-requested',
  'asked-to-join',
  'referral-received',
  'case-assigned',
  'reminder',
  'escalation',
  // Not from events: the deadline job (libs/notifications/src/deadlines) reads the timeline.
  'deadline-approaching',
  'deadline-passed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What a notification may say: kind, case, agencies, times and the id of the thing to act on. No
 * name, CPR, text or summary: the event's sealed fields never reach a notification.
 */
export interface NotificationSubject {
  /** The agency that asked (shared, requested, brought in, referred, assigned). */
  fromAgency: string | null;
  /** The shared entry (acknowledge from the notification) or the request; null otherwise. */
  entryId?: string;
  requestId?: string;
  /** A request's due date (yyyy-mm-dd). */
  dueDate?: string;
}

export interface NotificationIntent {
  kind: NotificationKind;
  recipients: NotificationRecipient[];
  subject: NotificationSubject;
}

/** The fields of an event the table reads; events are untyped here so newer event types fit. */
export type EventData = Record<string, unknown>;

/** Who wrote the event (its metadata). */
export interface EventAuthor {
  actingAgency: string | null;
  actor: string;
}

type Rule = (data: EventData, facts: NotificationCaseFacts, author: EventAuthor) => NotificationIntent | null;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The unit that receives referrals (reference data `referralIntake`: BIF's SSP+ intake). */
const REFERRAL_INTAKE = loadReferenceData().referralIntake;

/** The unit code of an agency's escalation contact (its function mailbox is in agencies.json). */
export const ESCALATION_CONTACT = 'ESCALATION-CONTACT';

/** The agency's entry point on the case, as a unit recipient; none when the agency named none. */
function unitOf(agency: string, facts: NotificationCaseFacts): NotificationRecipient[] {
  const entryPoint = facts.entryPoints[agency];
  return entryPoint ? [{ kind: 'unit', agency, entryPoint }] : [];
}

/**
 * Which events ask something of someone, and of whom: one row per event type. An event type not
 * here notifies nobody. Rows see the case as it is once the event has happened (an agency
 * asked to join is on the case, an assigned coordinator coordinates it), and recipients are then
 * kept only where the access policy lets them read the case (recipientMaySeeCase).
 *
 * A new case joining the municipal intake unit (BIF-SSP-PLUS) on a referral is an AgencyJoinedCase
 * written for the referrer, so the intake unit is asked to join like any other.
 */
export const NOTIFICATION_RULES: Readonly<Record<string, Rule>> = {
  InformationShared: (data, facts) => {
    const from = text(data.fromAgency);
    const sealed = data.sensitivity === 'sealed-identity';
    return {
      kind: 'information-shared',
      recipients: texts(data.sharedWith).flatMap((agency) => unitOf(agency, facts)),
      // A sealed-identity entry is readable only by users named on the citizen: its unit learns that
      // something was shared, not which entry (so it cannot be acknowledged from the notification).
      subject: { fromAgency: from, ...(sealed ? {} : { entryId: text(data.entryId) ?? undefined }) },
    };
  },
  InformationRequested: (data, facts) => {
    const to = text(data.toAgency);
    return {
      kind: 'information-requested',
      recipients: to ? unitOf(to, facts) : [],
      subject: { fromAgency: text(data.fromAgency), requestId: text(data.requestId) ?? undefined, dueDate: text(data.dueDate) ?? undefined },
    };
  },
  AgencyJoinedCase: (data, facts, { actingAgency }) => {
    const agency = text(data.agency);
    if (!agency || agency === actingAgency) return null; // joining on one's own initiative asks nothing of one
    return { kind: 'asked-to-join', recipients: unitOf(agency, facts), subject: { fromAgency: actingAgency } };
  },
  ReferralReceived: (data, facts) => {
    const coordinator = facts.coordinatorId;
    const agency = facts.coordinatorAgency;
    // A referral of a citizen who already has a case goes to the case's coordinator; while the case
    // has none it waits in the intake queue, so the intake unit is told (when it is on the case).
    const intake: NotificationRecipient = { kind: 'unit', agency: REFERRAL_INTAKE.agency, entryPoint: REFERRAL_INTAKE.entryPoint.code };
    let recipients: NotificationRecipient[] = [];
    if (coordinator && agency) recipients = [{ kind: 'user', agency, userId: coordinator }];
    else if (!coordinator && facts.agencies.includes(intake.agency)) recipients = [intake];
    return { kind: 'referral-received', recipients, subject: { fromAgency: text(data.referredBy) } };
  },
  FlowEscalated: (data, facts) => {
    const to = text(data.toAgency);
    const notify = texts(data.notify);
    if (!to) return null;
    const recipients: NotificationRecipient[] = [];
    if (notify.includes('entry-point')) recipients.push(...unitOf(to, facts));
    if (notify.includes('escalation-contact')) recipients.push({ kind: 'unit', agency: to, entryPoint: ESCALATION_CONTACT });
    const coordinator = text(data.coordinatorId) ?? facts.coordinatorId;
    if (notify.includes('coordinator') && coordinator && facts.coordinatorAgency)
      recipients.push({ kind: 'user', agency: facts.coordinatorAgency, userId: coordinator });
    return {
      kind: data.step === 'reminder' ? 'reminder' : 'escalation',
      recipients,
      // The request, not the entry: an entry may be a sealed identity, which the unit may not read.
      subject: { fromAgency: text(data.fromAgency), requestId: text(data.requestId) ?? undefined, dueDate: text(data.dueOn) ?? undefined },
    };
  },
  CoordinatorAssigned: (data, _facts, author) => assigned(data, author),
  CoordinatorChanged: (data, _facts, author) => assigned(data, author),
};

function assigned(data: EventData, author: EventAuthor): NotificationIntent | null {
  const userId = text(data.coordinatorId);
  const agency = text(data.agency);
  // Taking a case oneself asks nothing of one.
  if (!userId || !agency || userId === author.actor) return null;
  return { kind: 'case-assigned', recipients: [{ kind: 'user', agency, userId }], subject: { fromAgency: author.actingAgency } };
}

/** A stable key per recipient: part of the notification id, and how the inbox finds a unit's rows. */
export function recipientKey(recipient: NotificationRecipient): string {
  return recipient.kind === 'unit' ? `unit:${recipient.agency}/${recipient.entryPoint}` : `user:${recipient.userId}`;
}

/**
 * The notification's id: a UUID (version 8 layout) from a SHA-256 of the event's id and the
 * recipient. The same event and recipient always give the same id, so a replay, a rebuild or a
 * second process stores it once (ON CONFLICT DO NOTHING) and receivers can deduplicate on it.
 */
export function notificationId(eventId: string, recipient: NotificationRecipient): string {
  const hash = createHash('sha256')
    .update(`samvirke-notification-v1\u0000${eventId}\u0000${recipientKey(recipient)}`)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x80;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Whether the access policy lets the recipient read the case: a unit as its agency's staff
 * (liaisons and coordinators: the inbox then shows it only to those of them the policy lets read
 * the case now), a person as the coordinator they are. Nobody is notified of a case they may not
 * open. The coordinators count for a unit because a referral waiting in the intake queue is
 * readable by the intake agency's coordinators and not yet by its liaisons: the intake unit is told.
 */
export function recipientMaySeeCase(recipient: NotificationRecipient, facts: CaseAccessFacts): boolean {
  const user: AuthenticatedUser =
    recipient.kind === 'unit'
      ? { userId: `unit:${recipient.entryPoint}`, agency: recipient.agency, roles: ['liaison', 'coordinator'] }
      : { userId: recipient.userId, agency: recipient.agency, roles: ['coordinator', 'liaison'] };
  return canSeeCase(user, facts);
}
