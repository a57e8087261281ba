import type { RecordedEvent } from '@samvirke/event-store';
import type { Projection, ProjectionTransaction } from '../runner/projection';
import { applyCaseAccessEvent, CASE_ACCESS_COLUMNS_SQL } from '../timeline/case-access-columns';
import { CASE_STREAM_PREFIX, caseEventRecord, type CaseEventRecord } from '../timeline/case-event';

/**
 * How information moves between agencies: one row per (shared entry, receiving agency) with when it
 * was sent and acknowledged and by whom, and one row per information request with its answer or
 * refusal. Delays are differences of the stored instants; the time an open item has waited so far
 * depends on the clock and is computed by readers.
 *
 * `sent_at`, `acknowledged_at` and `requested_at` are when it happened in the real world: the
 * recorded instant, or, for history recorded later with its day (sharedOn, acknowledgedOn,
 * requestedOn), the start of that day in Copenhagen. Everything that reasons about time (the
 * escalation job's candidates, the delay statistics' months and delays, the order of the list)
 * reads those; `..._recorded_at` keep when the event entered the log, which the API shows beside.
 * So an imported share of 2019 is a share of 2019: not chased as if new, counted in its own month.
 *
 * Each open flow also records the furthest escalation step taken for it (FlowEscalated), which the
 * escalation job reads to find the next one due, and the case row whether the case is open.
 *
 * Rows carry the entry's author agency, recipients and sensitivity (a request: its sender, its one
 * receiver, 'normal') for entryVisibilitySql; the per-case row carries the case-visibility columns.
 */
export const INFORMATION_FLOW_PROJECTION_NAME = 'information-flow';

export interface InformationFlowProjectionOptions {
  name?: string;
  streamPrefix?: string;
  tablePrefix?: string;
}

export function informationFlowTables(tablePrefix = ''): { caseRow: string; receipt: string; request: string } {
  return {
    caseRow: `${tablePrefix}information_flow_case`,
    receipt: `${tablePrefix}information_share_receipt`,
    request: `${tablePrefix}information_request`,
  };
}

export function createInformationFlowProjection(options: InformationFlowProjectionOptions = {}): Projection {
  const tables = informationFlowTables(options.tablePrefix);
  return {
    name: options.name ?? INFORMATION_FLOW_PROJECTION_NAME,
    // 2: escalation steps on receipts and requests, the case's status.
    // 3: real-world instants (sharedOn, acknowledgedOn, requestedOn) beside the recorded ones.
    version: 3,
    streamPrefixes: [options.streamPrefix ?? CASE_STREAM_PREFIX],
    tables: [tables.caseRow, tables.receipt, tables.request],
    schemaSql: `
      CREATE TABLE ${tables.caseRow} (case_id text PRIMARY KEY, ${CASE_ACCESS_COLUMNS_SQL}, status text NOT NULL DEFAULT 'open');
      CREATE TABLE ${tables.receipt} (
        case_id text NOT NULL,
        entry_id text NOT NULL,
        from_agency text NOT NULL,
        to_agency text NOT NULL,
        shared_with text[] NOT NULL,
        sensitivity text NOT NULL,
        legal_basis text NOT NULL,
        sent_at timestamptz NOT NULL,
        sent_recorded_at timestamptz NOT NULL,
        sent_by text NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_recorded_at timestamptz,
        acknowledged_by text,
        escalation_step text,
        escalated_at timestamptz,
        PRIMARY KEY (case_id, entry_id, to_agency)
      );
      CREATE INDEX ${tables.receipt}_by_time ON ${tables.receipt} (sent_at, from_agency, to_agency);
      CREATE TABLE ${tables.request} (
        case_id text NOT NULL,
        request_id text NOT NULL,
        from_agency text NOT NULL,
        to_agency text NOT NULL,
        legal_basis text NOT NULL,
        due_on date NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_recorded_at timestamptz NOT NULL,
        requested_by text NOT NULL,
        outcome text,
        decline_reason text,
        responded_at timestamptz,
        responded_by text,
        escalation_step text,
        escalated_at timestamptz,
        PRIMARY KEY (case_id, request_id)
      );
      CREATE INDEX ${tables.request}_by_time ON ${tables.request} (requested_at, from_agency, to_agency);
      CREATE INDEX ${tables.receipt}_open ON ${tables.receipt} (sent_at) WHERE acknowledged_at IS NULL;
      CREATE INDEX ${tables.request}_open ON ${tables.request} (due_on) WHERE outcome IS NULL;`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction) {
      const responses = new FlowResponses();
      for (const event of events) applyFlowEvent(tables, caseEventRecord(event), db, responses);
      responses.write(tables, db);
    },
  };
}

/**
 * Acknowledgements and answers of a batch, written as one statement each at its end instead of
 * one per event. Each only fills an empty response, so the first per receipt or request wins, as it
 * would one statement at a time; and they go after the batch's inserts, so a share acknowledged in
 * the same batch is there to be acknowledged.
 */
class FlowResponses {
  private readonly acknowledgements = new Map<string, [caseId: string, entryId: string, agency: string, at: string, by: string, on: string | null]>();
  private readonly answers = new Map<string, [caseId: string, requestId: string, outcome: string, reason: string | null, at: string, by: string]>();

  /** `on`: the real-world day, when recorded later (acknowledgedOn). */
  acknowledge(caseId: string, entryId: string, agency: string, at: string, by: string, on: string | undefined): void {
    const key = [caseId, entryId, agency].join('\u0000');
    if (!this.acknowledgements.has(key)) this.acknowledgements.set(key, [caseId, entryId, agency, at, by, on ?? null]);
  }

  answer(caseId: string, requestId: string, outcome: 'answered' | 'declined', reason: string | null, at: string, by: string): void {
    const key = `${caseId}\u0000${requestId}`;
    if (!this.answers.has(key)) this.answers.set(key, [caseId, requestId, outcome, reason, at, by]);
  }

  write(tables: ReturnType<typeof informationFlowTables>, db: ProjectionTransaction): void {
    const column = <T>(rows: T[][], index: number) => rows.map((row) => row[index]);
    const acknowledgements = [...this.acknowledgements.values()];
    if (acknowledgements.length > 0) {
      db.write(
        `UPDATE ${tables.receipt} r SET acknowledged_at = ${realInstant('v.day', 'v.at')}, acknowledged_recorded_at = v.at, acknowledged_by = v.by
         FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::date[]) AS v(case_id, entry_id, agency, at, by, day)
         WHERE r.case_id = v.case_id AND r.entry_id = v.entry_id AND r.to_agency = v.agency AND r.acknowledged_at IS NULL`,
        [0, 1, 2, 3, 4, 5].map((index) => column(acknowledgements, index)),
      );
    }
    const answers = [...this.answers.values()];
    if (answers.length > 0) {
      db.write(
        `UPDATE ${tables.request} r SET outcome = v.outcome, decline_reason = v.reason, responded_at = v.at, responded_by = v.by
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS v(case_id, request_id, outcome, reason, at, by)
         WHERE r.case_id = v.case_id AND r.request_id = v.request_id AND r.outcome IS NULL`,
        [0, 1, 2, 3, 4, 5].map((index) => column(answers, index)),
      );
    }
  }
}

/** The real-world instant: the start of the day recorded with history (Copenhagen), else the recorded instant. */
function realInstant(day: string, recorded: string): string {
  return `COALESCE((${day})::timestamp AT TIME ZONE 'Europe/Copenhagen', ${recorded})`;
}

function applyFlowEvent(tables: ReturnType<typeof informationFlowTables>, record: CaseEventRecord, db: ProjectionTransaction, responses: FlowResponses): void {
  if (applyCaseAccessEvent(db, tables.caseRow, record)) return;
  const { caseId, event, actor } = record;
  switch (event.type) {
    case 'InformationShared':
      for (const recipient of event.data.sharedWith) {
        db.write(
          `INSERT INTO ${tables.receipt} (case_id, entry_id, from_agency, to_agency, shared_with, sensitivity, legal_basis, sent_at, sent_recorded_at, sent_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, ${realInstant('$10::date', '$8::timestamptz')}, $8, $9) ON CONFLICT DO NOTHING`,
          [
            caseId,
            event.data.entryId,
            event.data.fromAgency,
            recipient,
            [...event.data.sharedWith],
            event.data.sensitivity,
            event.data.legalBasis,
            event.data.sharedAt,
            actor,
            event.data.sharedOn ?? null,
          ],
        );
      }
      return;
    case 'InformationAcknowledged':
      responses.acknowledge(caseId, event.data.entryId, event.data.agency, event.data.acknowledgedAt, actor, event.data.acknowledgedOn);
      return;
    case 'InformationRequested':
      db.write(
        `INSERT INTO ${tables.request} (case_id, request_id, from_agency, to_agency, legal_basis, due_on, requested_at, requested_recorded_at, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, ${realInstant('$9::date', '$7::timestamptz')}, $7, $8) ON CONFLICT DO NOTHING`,
        [
          caseId,
          event.data.requestId,
          event.data.fromAgency,
          event.data.toAgency,
          event.data.legalBasis,
          event.data.dueDate,
          event.data.requestedAt,
          actor,
          event.data.requestedOn ?? null,
        ],
      );
      return;
    case 'InformationRequestAnswered':
      responses.answer(caseId, event.data.requestId, 'answered', null, event.data.answeredAt, actor);
      return;
    case 'InformationRequestDeclined':
      responses.answer(caseId, event.data.requestId, 'declined', event.data.reason, event.data.declinedAt, actor);
      return;
    case 'FlowEscalated':
      // Steps come in order (the decider refuses one at or before the step taken), so the last one stands.
      if (event.data.flow === 'information') {
        db.write(`UPDATE ${tables.receipt} SET escalation_step = $4, escalated_at = $5 WHERE case_id = $1 AND entry_id = $2 AND to_agency = $3`, [
          caseId,
          event.data.entryId,
          event.data.toAgency,
          event.data.step,
          event.data.escalatedAt,
        ]);
      } else {
        db.write(`UPDATE ${tables.request} SET escalation_step = $3, escalated_at = $4 WHERE case_id = $1 AND request_id = $2`, [
          caseId,
          event.data.requestId,
          event.data.step,
          event.data.escalatedAt,
        ]);
      }
      return;
    case 'CaseClosed':
    case 'CaseReopened':
      db.write(`UPDATE ${tables.caseRow} SET status = $2 WHERE case_id = $1`, [caseId, event.type === 'CaseClosed' ? 'closed' : 'open']);
      return;
    default:
      return;
  }
}
