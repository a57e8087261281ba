import type { RecordedEvent } from '@samvirke/event-store';
import type { Projection, ProjectionTransaction } from '@samvirke/projections';
import { CASE_PARTICIPATION_EVENT_TYPES } from '@samvirke/projections/entry-points/entry-points-fold';
import { CASE_STREAM_PREFIX, caseEventRecord } from '@samvirke/projections/timeline/case-event';
import { loadReferenceData, type ReferenceData } from '@samvirke/reference-data';
import { entryPointCode } from './entry-point-codes';
import {
  NOTIFICATION_RULES,
  notificationId,
  recipientKey,
  recipientMaySeeCase,
  type NotificationCaseFacts,
  type NotificationRecipient,
} from './notification-rules';

export const NOTIFICATION_PROJECTION_NAME = 'notifications';
/** Sent (with the number of new notifications) when a batch stored some: the SSE streams wake up. */
export const NOTIFICATION_CHANNEL = 'samvirke_notifications';

/** One notification as the projection stores it (a row of public.notification). */
export interface NewNotificationRow {
  id: string;
  kind: string;
  case_id: string;
  event_id: string;
  event_type: string;
  event_position: string;
  recipient_kind: 'unit' | 'user';
  recipient_agency: string;
  recipient_entry_point: string | null;
  recipient_user: string | null;
  from_agency: string | null;
  entry_id: string | null;
  request_id: string | null;
  due_date: string | null;
  occurred_at: string;
}

interface FactsRow {
  case_id: string;
  agencies: string[];
  coordinator_id: string | null;
  coordinator_agency: string | null;
  entry_points: Record<string, string>;
}

/**
 * From the log to stored notifications. Runs on the store's durable subscription like every read
 * model (the runner commits the checkpoint in the same transaction), and keeps per case what the
 * rules need (who may see it, each agency's entry point) in its own table. For every event that
 * NOTIFICATION_RULES maps, it stores one notification per recipient the access policy lets read the
 * case, with an id derived from the event and recipient, ON CONFLICT DO NOTHING; for each one
 * actually inserted (never on a replay or rebuild) it adds the outbox rows: inbox (audited when
 * delivered), the unit's mail, and each active webhook subscription of the unit's agency. A restart
 * re-applies at most the uncommitted batch, which inserts nothing twice.
 *
 * The public tables are made by a migration (libs/migrations, `...-notifications.ts`), not here.
 * The webhook subscriptions are the one table read here that events do not make: a subscription
 * receives the notifications created after it, which is what a subscription means.
 */
export interface NotificationProjectionOptions {
  referenceData?: ReferenceData;
  /** For isolated copies in tests (read-models crash test); the app uses the defaults. */
  name?: string;
  streamPrefix?: string;
  caseTable?: string;
}

export function createNotificationProjection(options: NotificationProjectionOptions = {}): Projection {
  const referenceData = options.referenceData ?? loadReferenceData();
  const caseTable = options.caseTable ?? 'notification_case';
  return {
    name: options.name ?? NOTIFICATION_PROJECTION_NAME,
    version: 1,
    streamPrefixes: [options.streamPrefix ?? CASE_STREAM_PREFIX],
    eventTypes: NOTIFICATION_EVENT_TYPES,
    tables: [caseTable],
    schemaSql: `
      CREATE TABLE ${caseTable} (
        case_id text PRIMARY KEY,
        agencies text[] NOT NULL DEFAULT '{}',
        coordinator_id text,
        coordinator_agency text,
        entry_points jsonb NOT NULL DEFAULT '{}'::jsonb
      )`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction) {
      const records = events.map((event) => ({ recorded: event, record: caseEventRecord(event) }));
      const caseIds = [...new Set(records.map(({ record }) => record.caseId))];
      const loaded = await db.query<FactsRow>(
        `SELECT case_id, agencies, coordinator_id, coordinator_agency, entry_points FROM ${caseTable} WHERE case_id = ANY($1::text[])`,
        [caseIds],
      );
      const facts = new Map<string, NotificationCaseFacts>(
        loaded.rows.map((row) => [
          row.case_id,
          { agencies: row.agencies, coordinatorId: row.coordinator_id, coordinatorAgency: row.coordinator_agency, entryPoints: row.entry_points },
        ]),
      );
      const changed = new Set<string>();
      const notifications: NewNotificationRow[] = [];
      for (const { recorded, record } of records) {
        const { caseId, event, actingAgency, actor } = record;
        const data = event.data as unknown as Record<string, unknown>;
        const before = facts.get(caseId);
        const after = evolveFacts(referenceData, before, event.type, data);
        if (after !== before && after !== undefined) {
          facts.set(caseId, after);
          changed.add(caseId);
        }
        const rule = NOTIFICATION_RULES[event.type];
        // Imported history is old news: it keeps the case facts true but tells nobody anything.
        if (!rule || after === undefined || recorded.metadata.systemPurpose === 'history-import') continue;
        const intent = rule(data, after, { actingAgency, actor });
        if (!intent) continue;
        const seen = new Set<string>();
        for (const recipient of intent.recipients) {
          if (seen.has(recipientKey(recipient)) || !recipientMaySeeCase(recipient, after)) continue;
          seen.add(recipientKey(recipient));
          notifications.push(rowFor(recorded, caseId, intent.kind, recipient, intent.subject));
        }
      }
      if (changed.size > 0) {
        const rows = [...changed].map((caseId) => ({ case_id: caseId, ...toRow(facts.get(caseId)!) }));
        db.write(
          `INSERT INTO ${caseTable} (case_id, agencies, coordinator_id, coordinator_agency, entry_points)
           SELECT r.case_id, ARRAY(SELECT jsonb_array_elements_text(r.agencies)), r.coordinator_id, r.coordinator_agency, r.entry_points
           FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, agencies jsonb, coordinator_id text, coordinator_agency text, entry_points jsonb)
           ON CONFLICT (case_id) DO UPDATE SET agencies = excluded.agencies, coordinator_id = excluded.coordinator_id,
             coordinator_agency = excluded.coordinator_agency, entry_points = excluded.entry_points`,
          [JSON.stringify(rows)],
        );
      }
      if (notifications.length > 0) {
        db.write(NOTIFICATION_INSERT_LOCK_SQL);
        db.write(...storeNotificationsStatement(notifications));
      }
    },
  };
}

function toRow(facts: NotificationCaseFacts) {
  return { agencies: facts.agencies, coordinator_id: facts.coordinatorId, coordinator_agency: facts.coordinatorAgency, entry_points: facts.entryPoints };
}

/** The events that change the case facts the rules read (evolveFacts); every other type leaves them as they are. */
export const NOTIFICATION_FACT_EVENT_TYPES = CASE_PARTICIPATION_EVENT_TYPES;

/**
 * Every event type the projection reads: those that change the facts and those a rule turns into
 * notifications. The runner delivers no other (and a rebuild reads no other from the log).
 */
export const NOTIFICATION_EVENT_TYPES: readonly string[] = [...new Set([...NOTIFICATION_FACT_EVENT_TYPES, ...Object.keys(NOTIFICATION_RULES)])];

/** The case facts after one event; the same object when the event changes none of them (any type but NOTIFICATION_FACT_EVENT_TYPES). */
export function evolveFacts(
  referenceData: ReferenceData,
  facts: NotificationCaseFacts | undefined,
  type: string,
  data: Record<string, unknown>,
): NotificationCaseFacts | undefined {
  const agency = typeof data.agency === 'string' ? data.agency : undefined;
  switch (type) {
    case 'CaseOpened':
      return facts ?? { agencies: [], coordinatorId: null, coordinatorAgency: null, entryPoints: {} };
    case 'AgencyJoinedCase':
      if (!facts || !agency) return facts;
      return {
        ...facts,
        agencies: facts.agencies.includes(agency) ? facts.agencies : [...facts.agencies, agency],
        entryPoints: { ...facts.entryPoints, [agency]: entryPointCode(referenceData, agency, data.entryPoint) },
      };
    case 'EntryPointChanged':
      if (!facts || !agency) return facts;
      return { ...facts, entryPoints: { ...facts.entryPoints, [agency]: entryPointCode(referenceData, agency, data.entryPoint) } };
    case 'AgencyLeftCase': {
      if (!facts || !agency) return facts;
      const { [agency]: _left, ...entryPoints } = facts.entryPoints;
      return { ...facts, agencies: facts.agencies.filter((code) => code !== agency), entryPoints };
    }
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      if (!facts || typeof data.coordinatorId !== 'string') return facts;
      return { ...facts, coordinatorId: data.coordinatorId, coordinatorAgency: agency ?? null };
    default:
      return facts;
  }
}

function rowFor(
  recorded: RecordedEvent,
  caseId: string,
  kind: string,
  recipient: NotificationRecipient,
  subject: { fromAgency: string | null; entryId?: string; requestId?: string; dueDate?: string },
): NewNotificationRow {
  return {
    id: notificationId(recorded.id, recipient),
    kind,
    case_id: caseId,
    event_id: recorded.id,
    event_type: recorded.type,
    event_position: recorded.globalPosition,
    recipient_kind: recipient.kind,
    recipient_agency: recipient.agency,
    recipient_entry_point: recipient.kind === 'unit' ? recipient.entryPoint : null,
    recipient_user: recipient.kind === 'user' ? recipient.userId : null,
    from_agency: subject.fromAgency,
    entry_id: subject.entryId ?? null,
    request_id: subject.requestId ?? null,
    due_date: subject.dueDate ?? null,
    occurred_at: recorded.recordedAt.toISOString(),
  };
}

/**
 * Taken (for the rest of the transaction) before notifications are inserted: this projection and
 * the deadline job both insert, and `seq` (the SSE stream's Last-Event-ID) must follow commit order,
 * or a stream resuming after a later-committed lower `seq` would skip it.
 */
export const NOTIFICATION_INSERT_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('samvirke-notification-insert'))`;

/**
 * One statement for a batch: the notifications (in the given order, so `seq` follows it), and for
 * those inserted now the outbox rows, then a NOTIFY (delivered at commit) for the live streams;
 * answers one row with the number inserted. Run it after NOTIFICATION_INSERT_LOCK_SQL in the same transaction.
 */
export function storeNotificationsStatement(rows: NewNotificationRow[]): [string, unknown[]] {
  return [
    `WITH input AS (
       SELECT r.* FROM jsonb_to_recordset($1::jsonb) AS r(
         ord int, id uuid, kind text, case_id text, event_id text, event_type text, event_position text, recipient_kind text,
         recipient_agency text, recipient_entry_point text, recipient_user text, from_agency text, entry_id text,
         request_id text, due_date date, occurred_at timestamptz)
     ), inserted AS (
       INSERT INTO public.notification (id, kind, case_id, event_id, event_type, event_position, recipient_kind, recipient_agency,
         recipient_entry_point, recipient_user, from_agency, entry_id, request_id, due_date, occurred_at)
       SELECT id, kind, case_id, event_id, event_type, event_position, recipient_kind, recipient_agency,
         recipient_entry_point, recipient_user, from_agency, entry_id, request_id, due_date, occurred_at
       FROM input ORDER BY ord
       ON CONFLICT (id) DO NOTHING
       RETURNING id, recipient_kind, recipient_agency, recipient_entry_point
     ), outbox AS (
       INSERT INTO public.notification_outbox (notification_id, channel, target)
       SELECT id, 'inbox', '' FROM inserted
       UNION ALL
       SELECT id, 'mail', recipient_agency || '/' || recipient_entry_point FROM inserted WHERE recipient_kind = 'unit'
       UNION ALL
       SELECT i.id, 'webhook', s.id::text FROM inserted i
       JOIN public.webhook_subscription s ON s.agency = i.recipient_agency AND s.active
       WHERE i.recipient_kind = 'unit'
       ON CONFLICT DO NOTHING
     )
     SELECT count(*)::int AS inserted, CASE WHEN count(*) > 0 THEN pg_notify('${NOTIFICATION_CHANNEL}', count(*)::text) END AS notified FROM inserted`,
    [JSON.stringify(rows.map((row, ord) => ({ ord, ...row })))],
  ];
}
