import { createHash } from 'node:crypto';
import { addCalendarDays, type WorkingCalendar } from '@samvirke/reference-data';
import type { NewNotificationRow } from '../projection/notification.projection';
import { recipientKey, recipientMaySeeCase, type NotificationCaseFacts, type NotificationRecipient } from '../projection/notification-rules';

export type DeadlineKind = 'deadline-approaching' | 'deadline-passed';

/** An open timeline item with a deadline and a responsible agency (road-map item or action). */
export interface OpenDeadline {
  caseId: string;
  itemId: string;
  /** yyyy-mm-dd */
  dueOn: string;
  ownerAgency: string;
}

export interface DeadlineWindow {
  /** Today's Copenhagen date. */
  today: string;
  calendar: WorkingCalendar;
  /** Told when the deadline is at most this many working days after today (0: on the day). */
  dueSoonWorkingDays: number;
  /** Passed deadlines further back than this many calendar days are not told (a first run does not dig up years). */
  chaseForDays: number;
}

/** The dates the job reads between: passed deadlines from `since`, coming ones up to `until`. */
export function deadlineWindow(window: DeadlineWindow): { since: string; until: string } {
  return { since: addCalendarDays(window.today, -window.chaseForDays), until: window.calendar.addWorkingDays(window.today, window.dueSoonWorkingDays) };
}

/** Which notice a deadline calls for today, if any. */
export function deadlineKindOn(dueOn: string, window: DeadlineWindow): DeadlineKind | undefined {
  const { since, until } = deadlineWindow(window);
  if (dueOn < window.today) return dueOn >= since ? 'deadline-passed' : undefined;
  return dueOn <= until ? 'deadline-approaching' : undefined;
}

/**
 * Whom a deadline is told to: the responsible agency's entry point on the case, and the case's
 * coordinator; each only where the access policy lets them read the case (as for event
 * notifications). An agency not on the case has no entry point on it: only the coordinator hears.
 */
export function deadlineRecipients(deadline: OpenDeadline, facts: NotificationCaseFacts): NotificationRecipient[] {
  const recipients: NotificationRecipient[] = [];
  const entryPoint = facts.entryPoints[deadline.ownerAgency];
  if (entryPoint) recipients.push({ kind: 'unit', agency: deadline.ownerAgency, entryPoint });
  if (facts.coordinatorId && facts.coordinatorAgency) recipients.push({ kind: 'user', agency: facts.coordinatorAgency, userId: facts.coordinatorId });
  return recipients.filter((recipient) => recipientMaySeeCase(recipient, facts));
}

/**
 * A deadline notice's id: from case, item, kind, due date and recipient. A rerun, a restart or a
 * second instance stores it once; a moved deadline is a new deadline and is told again.
 */
export function deadlineNotificationId(deadline: OpenDeadline, kind: DeadlineKind, recipient: NotificationRecipient): string {
  const hash = createHash('sha256')
    .update(['samvirke-deadline-v1', deadline.caseId, deadline.itemId, kind, deadline.dueOn, recipientKey(recipient)].join('\u0000'))
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x80;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The notification rows for the open deadlines as of `window.today` (nothing personal: ids, codes, dates). */
export function deadlineNotifications(
  deadlines: ReadonlyArray<OpenDeadline & { facts: NotificationCaseFacts }>,
  window: DeadlineWindow,
  now: Date,
): NewNotificationRow[] {
  const rows: NewNotificationRow[] = [];
  for (const deadline of deadlines) {
    const kind = deadlineKindOn(deadline.dueOn, window);
    if (!kind) continue;
    for (const recipient of deadlineRecipients(deadline, deadline.facts)) {
      rows.push({
        id: deadlineNotificationId(deadline, kind, recipient),
        kind,
        case_id: deadline.caseId,
        // Not from one event: the timeline item and the deadline stand for it.
        event_id: `deadline:${deadline.itemId}:${deadline.dueOn}`,
        event_type: kind === 'deadline-passed' ? 'DeadlinePassed' : 'DeadlineApproaching',
        event_position: '',
        recipient_kind: recipient.kind,
        recipient_agency: recipient.agency,
        recipient_entry_point: recipient.kind === 'unit' ? recipient.entryPoint : null,
        recipient_user: recipient.kind === 'user' ? recipient.userId : null,
        from_agency: null,
        entry_id: null,
        request_id: null,
        due_date: deadline.dueOn,
        occurred_at: now.toISOString(),
      });
    }
  }
  return rows;
}
