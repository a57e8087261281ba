import type { Pool } from 'pg';
import type { AuditLog } from '@samvirke/access/read-audit/audit-log';
import type { ReferenceData } from '@samvirke/reference-data';
import { retryDelayMs, type NotificationConfig } from '../notification-config';
import { functionMailbox } from '../projection/entry-point-codes';
import { webhookHeaders } from '../webhooks/standard-webhooks';
import { mailFor, type Mailer } from './mailer';
import { mailDeliveryOf } from './unit-settings';

interface DeliveryLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** A claimed outbox row with what its delivery needs of the notification (nothing personal). */
export interface ClaimedDelivery {
  id: string;
  notification_id: string;
  channel: 'inbox' | 'mail' | 'webhook';
  target: string;
  attempts: number;
  created_at: Date;
  kind: string;
  case_id: string;
  recipient_kind: 'unit' | 'user';
  recipient_agency: string;
  recipient_entry_point: string | null;
  recipient_user: string | null;
  from_agency: string | null;
  entry_id: string | null;
  request_id: string | null;
  due_date: string | null;
  occurred_at: Date;
}

/** What a webhook receives: the notification as its agency may see it. */
export function webhookPayload(row: ClaimedDelivery, timestamp: number) {
  return {
    type: `notification.${row.kind}`,
    timestamp: new Date(timestamp * 1000).toISOString(),
    data: {
      notificationId: row.notification_id,
      kind: row.kind,
      caseId: row.case_id,
      recipient: { agency: row.recipient_agency, entryPoint: row.recipient_entry_point },
      fromAgency: row.from_agency,
      entryId: row.entry_id,
      requestId: row.request_id,
      dueDate: row.due_date,
      occurredAt: row.occurred_at.toISOString(),
    },
  };
}

const CLAIMED_COLUMNS = `o.id, o.notification_id, o.channel, o.target, o.attempts, o.created_at, n.kind, n.case_id, n.recipient_kind,
  n.recipient_agency, n.recipient_entry_point, n.recipient_user, n.from_agency, n.entry_id, n.request_id,
  to_char(n.due_date, 'YYYY-MM-DD') AS due_date, n.occurred_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The outbox loop: claims due rows with FOR UPDATE SKIP LOCKED (any number of processes may run it),
 * as a lease committed before sending, so no transaction stays open while a receiver answers (an
 * open transaction would hold the event log's read horizon back). Then it sends, and marks each row
 * delivered, or schedules the retry with bounded exponential backoff, or after the last attempt
 * moves it to the dead-letter list. At least once: a crash between sending and marking sends again
 * when the lease ends; receivers deduplicate on the notification id (webhook-id). Every delivery is
 * recorded in the audit log (action 'notify') before it is marked.
 */
export class OutboxDelivery {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = true;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly config: NotificationConfig,
    private readonly deps: {
      mailer: Mailer;
      audit: AuditLog;
      referenceData: ReferenceData;
      clock: { now(): Date };
      logger: DeliveryLogger;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.config.deliveryIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  /** Runs a round now (or right after the one in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.current = (async () => {
      try {
        do {
          this.again = false;
          const claimed = await this.runOnce();
          if (claimed >= 50) this.again = true;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.deps.logger.warn({ err: (error as Error).message }, 'notification delivery round failed; retrying on the next one');
      } finally {
        this.running = false;
      }
    })();
  }

  /** One round: claim up to 50 due rows, deliver them; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const leaseMs = this.config.webhookTimeoutMs * 2 + 30_000;
    const { rows } = await this.pool.query<ClaimedDelivery>(
      `UPDATE public.notification_outbox o
       SET claimed_until = clock_timestamp() + ($1::int * interval '1 millisecond'), attempts = o.attempts + 1
       FROM public.notification n
       WHERE n.id = o.notification_id AND o.id IN (
         SELECT id FROM public.notification_outbox
         WHERE status = 'pending' AND next_attempt_at <= clock_timestamp() AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
         ORDER BY next_attempt_at, id LIMIT 50 FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIMED_COLUMNS}`,
      [leaseMs],
    );
    if (rows.length === 0) return 0;
    const mail = new Map<string, ClaimedDelivery[]>();
    const inbox: ClaimedDelivery[] = [];
    const work: Promise<void>[] = [];
    for (const row of rows) {
      if (row.channel === 'mail') mail.set(row.target, [...(mail.get(row.target) ?? []), row]);
      else if (row.channel === 'webhook') work.push(this.deliverWebhook(row));
      else inbox.push(row);
    }
    // The inbox is the notification row itself: nothing to send, so the round's inbox rows are audited and marked together.
    if (inbox.length > 0) work.push(this.settle(inbox, async () => undefined));
    for (const [target, group] of mail) work.push(this.deliverMail(target, group));
    await Promise.all(work);
    return rows.length;
  }

  private async deliverMail(target: string, claimed: ClaimedDelivery[]): Promise<void> {
    let rows = claimed;
    const [agency, entryPoint] = [rows[0].recipient_agency, rows[0].recipient_entry_point ?? ''];
    const mode = await mailDeliveryOf(this.pool, this.deps.referenceData, agency, entryPoint);
    if (mode === 'daily-digest') {
      const now = this.deps.clock.now();
      const oldest = rows.reduce((min, row) => (row.created_at < min ? row.created_at : min), rows[0].created_at);
      if (now < nextDigestAt(oldest, this.config.digestHour)) {
        // Not yet: give the claim back (it was no attempt) and look again shortly.
        await this.pool.query(
          `UPDATE public.notification_outbox SET attempts = attempts - 1, claimed_until = NULL,
             next_attempt_at = clock_timestamp() + ($2::int * interval '1 millisecond') WHERE id = ANY($1::bigint[])`,
          [rows.map((row) => row.id), Math.min(60_000, this.config.deliveryIntervalMs * 5)],
        );
        return;
      }
    }
    if (mode === 'daily-digest') rows = [...rows, ...(await this.claimRestOfDigest(target, rows))];
    const to = functionMailbox(this.deps.referenceData, agency, entryPoint);
    await this.settle(rows, async () => {
      if (!to) throw new PermanentDeliveryError(`no function mailbox for ${target} in reference data`);
      const ids = rows.map((row) => row.notification_id);
      const mail = mailFor(this.config.publicUrl, entryPoint, ids, mode === 'daily-digest');
      await this.deps.mailer.send({ to, ...mail, notificationIds: ids });
    });
  }

  private async deliverWebhook(row: ClaimedDelivery): Promise<void> {
    await this.settle([row], async () => {
      if (!UUID.test(row.target)) throw new PermanentDeliveryError('unknown subscription');
      const found = await this.pool.query<{ url: string; secret: string; active: boolean }>(
        'SELECT url, secret, active FROM public.webhook_subscription WHERE id = $1',
        [row.target],
      );
      const subscription = found.rows[0];
      if (!subscription || !subscription.active) throw new PermanentDeliveryError('subscription removed');
      const timestamp = Math.floor(Date.now() / 1000);
      const body = JSON.stringify(webhookPayload(row, timestamp));
      let response: Response;
      try {
        response = await fetch(subscription.url, {
          method: 'POST',
          headers: webhookHeaders(subscription.secret, row.notification_id, timestamp, body),
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new Error(`no answer within ${this.config.webhookTimeoutMs} ms`, { cause: error });
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new Error(`could not reach the receiver${cause ? ` (${cause})` : ''}`, { cause: error });
      }
      // The body is never read into the log: a receiver's answer is not ours to keep.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) throw new Error(`receiver answered HTTP ${response.status}`);
    });
  }

  /** A digest takes every pending mail of its unit, not only those this round happened to claim. */
  private async claimRestOfDigest(target: string, claimed: ClaimedDelivery[]): Promise<ClaimedDelivery[]> {
    const { rows } = await this.pool.query<ClaimedDelivery>(
      `UPDATE public.notification_outbox o
       SET claimed_until = clock_timestamp() + interval '5 minutes', attempts = o.attempts + 1
       FROM public.notification n
       WHERE n.id = o.notification_id AND o.id IN (
         SELECT id FROM public.notification_outbox
         WHERE channel = 'mail' AND target = $1 AND status = 'pending' AND NOT (id = ANY($2::bigint[]))
           AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
         ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIMED_COLUMNS}`,
      [target, claimed.map((row) => row.id)],
    );
    return rows;
  }

  /** Runs the send; then audits and marks delivered, or schedules a retry, or dead-letters. */
  private async settle(rows: ClaimedDelivery[], send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const message = (error as Error).message.slice(0, 300);
      for (const row of rows) {
        const dead = permanent || row.attempts >= this.config.maxAttempts;
        await this.pool.query(
          `UPDATE public.notification_outbox SET claimed_until = NULL, last_error = $2,
             status = CASE WHEN $3 THEN 'dead' ELSE 'pending' END,
             next_attempt_at = clock_timestamp() + ($4::int * interval '1 millisecond')
           WHERE id = $1`,
          [row.id, message, dead, retryDelayMs(this.config, row.attempts)],
        );
        const log = { notificationId: row.notification_id, channel: row.channel, attempt: row.attempts, error: message };
        if (dead) this.deps.logger.error(log, 'notification delivery gave up: on the dead-letter list');
        else this.deps.logger.warn(log, 'notification delivery failed; will retry');
      }
      return;
    }
    // Recorded together: the audit log writes records that wait at the same time in one statement.
    await Promise.all(
      rows.map((row) =>
        this.deps.audit.record({
          requestId: null,
          userId: row.recipient_kind === 'user' ? row.recipient_user! : `unit:${row.recipient_agency}/${row.recipient_entry_point}`,
          agency: row.recipient_agency,
          roles: [],
          action: 'notify',
          method: row.channel.toUpperCase(),
          route: `/notifications/${row.channel}`,
          caseId: UUID.test(row.case_id) ? row.case_id : null,
          entryId: row.entry_id && UUID.test(row.entry_id) ? row.entry_id : null,
          criteria: { notificationId: row.notification_id, kind: row.kind, ...(row.channel === 'webhook' ? { subscriptionId: row.target } : {}) },
          purpose: 'coordination',
          outcome: 200,
        }),
      ),
    );
    await this.pool.query(
      `UPDATE public.notification_outbox SET status = 'delivered', delivered_at = clock_timestamp(), claimed_until = NULL, last_error = NULL
       WHERE id = ANY($1::bigint[])`,
      [rows.map((row) => row.id)],
    );
  }
}

/** A failure retrying cannot mend (no mailbox, subscription gone): dead-lettered at once. */
export class PermanentDeliveryError extends Error {}

const COPENHAGEN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Copenhagen wall-clock date (yyyy-mm-dd) and hour of an instant. */
function copenhagenWallClock(instant: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(COPENHAGEN.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * The instant it is `hour`:00 in Copenhagen on `date` (yyyy-mm-dd). Copenhagen is UTC+1 in winter
 * and UTC+2 in summer: the earlier of the two when the hour happens twice (the autumn change), and
 * the hour after when it does not happen (02:00 on the spring change is 03:00 summer time).
 */
export function copenhagenHourOn(date: string, hour: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  for (const offset of [2, 1]) {
    const candidate = new Date(Date.UTC(year, month - 1, day, hour - offset));
    const wall = copenhagenWallClock(candidate);
    if (wall.date === date && wall.hour === hour) return candidate;
  }
  return new Date(Date.UTC(year, month - 1, day, hour - 1));
}

/** The first digest instant after `since`: the digest hour (Copenhagen local time) today or the next day. */
export function nextDigestAt(since: Date, hourCopenhagen: number): Date {
  const today = copenhagenWallClock(since).date;
  const candidate = copenhagenHourOn(today, hourCopenhagen);
  if (candidate > since) return candidate;
  const [year, month, day] = today.split('-').map(Number);
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return copenhagenHourOn(tomorrow, hourCopenhagen);
}
