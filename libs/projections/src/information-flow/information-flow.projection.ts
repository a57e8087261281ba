import type { RecordedEvent } from '@samvirke/event-store';
import type { Projection, ProjectionTransaction } from '../runner/projection';
import { applyCaseAccessEvent, CASE_ACCESS_COLUMNS_SQL } from '../timeline/case-access-columns';
import { CASE_STREAM_PREFIX, caseEventRecord } from '../timeline/case-event';
import {
  foldInformationFlow,
  INFORMATION_FLOW_EVENT_TYPES,
  type FlowChange,
  type InformationFlowBatch,
  type ReceiptRow,
  type RequestRow,
} from './information-flow-fold';

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
 *
 * The rules are the fold's (information-flow-fold.ts); this writer sends its changes (writeBatch).
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
    eventTypes: INFORMATION_FLOW_EVENT_TYPES,
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
      writeBatch(tables, foldInformationFlow(events.map(caseEventRecord)), db);
    },
  };
}

type FlowTables = ReturnType<typeof informationFlowTables>;

/** The real-world instant: the start of the day recorded with history (Copenhagen), else the recorded instant. */
function realInstant(day: string, recorded: string): string {
  return `COALESCE((${day})::timestamp AT TIME ZONE 'Europe/Copenhagen', ${recorded})`;
}

/**
 * The changes in event order, with runs of new receipts and of new requests gathered into one INSERT
 * each: the gathered rows go out before the next change that touches their tables (an escalation), and
 * at the end of the batch, so every statement runs after the rows sent before it and no earlier ones,
 * as one INSERT per row did. Case-access and status changes write other tables, so a run gathers across
 * them. Rows go in in event order, so a row sent twice keeps the first (DO NOTHING). Then the
 * acknowledgements and the answers as one statement each.
 */
function writeBatch(tables: FlowTables, batch: InformationFlowBatch, db: ProjectionTransaction): void {
  let receipts: ReceiptRow[] = [];
  let requests: RequestRow[] = [];
  const flush = () => {
    if (receipts.length > 0) insertReceipts(tables, receipts, db);
    if (requests.length > 0) insertRequests(tables, requests, db);
    receipts = [];
    requests = [];
  };
  for (const change of batch.changes) {
    if (change.kind === 'receipt-sent') receipts.push(change.row);
    else if (change.kind === 'request-sent') requests.push(change.row);
    else {
      if (change.kind === 'receipt-escalated' || change.kind === 'request-escalated') flush();
      writeChange(tables, change, db);
    }
  }
  flush();
  const { acknowledgements, responses } = batch;
  if (acknowledgements.length > 0) {
    db.write(
      `UPDATE ${tables.receipt} r SET acknowledged_at = ${realInstant('v.day', 'v.at')}, acknowledged_recorded_at = v.at, acknowledged_by = v.by
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::date[]) AS v(case_id, entry_id, agency, at, by, day)
       WHERE r.case_id = v.case_id AND r.entry_id = v.entry_id AND r.to_agency = v.agency AND r.acknowledged_at IS NULL`,
      (['caseId', 'entryId', 'agency', 'at', 'by', 'on'] as const).map((key) => column(acknowledgements, key)),
    );
  }
  if (responses.length > 0) {
    db.write(
      `UPDATE ${tables.request} r SET outcome = v.outcome, decline_reason = v.reason, responded_at = v.at, responded_by = v.by
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS v(case_id, request_id, outcome, reason, at, by)
       WHERE r.case_id = v.case_id AND r.request_id = v.request_id AND r.outcome IS NULL`,
      (['caseId', 'requestId', 'outcome', 'reason', 'at', 'by'] as const).map((key) => column(responses, key)),
    );
  }
}

const column = <T, K extends keyof T>(rows: readonly T[], key: K) => rows.map((row) => row[key]);

/** Receipts in the order given, as one statement; a receipt already there stays as it is. */
function insertReceipts(tables: FlowTables, receipts: readonly ReceiptRow[], db: ProjectionTransaction): void {
  // shared_with is an array per row; unnest cannot take an array of arrays, so each goes as JSON.
  db.write(
    `INSERT INTO ${tables.receipt} (case_id, entry_id, from_agency, to_agency, shared_with, sensitivity, legal_basis, sent_at, sent_recorded_at, sent_by)
     SELECT v.case_id, v.entry_id, v.from_agency, v.to_agency,
            ARRAY(SELECT a.agency FROM json_array_elements_text(v.shared_with) WITH ORDINALITY AS a(agency, n) ORDER BY a.n),
            v.sensitivity, v.legal_basis, ${realInstant('v.sent_on', 'v.sent_recorded_at')}, v.sent_recorded_at, v.sent_by
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::date[])
       WITH ORDINALITY AS v(case_id, entry_id, from_agency, to_agency, shared_with, sensitivity, legal_basis, sent_recorded_at, sent_by, sent_on, n)
     ORDER BY v.n
     ON CONFLICT DO NOTHING`,
    [
      ...(['caseId', 'entryId', 'fromAgency', 'toAgency'] as const).map((key) => column(receipts, key)),
      receipts.map((row) => JSON.stringify(row.sharedWith)),
      ...(['sensitivity', 'legalBasis', 'sentRecordedAt', 'sentBy', 'sentOn'] as const).map((key) => column(receipts, key)),
    ],
  );
}

/** Requests in the order given, as one statement; a request already there stays as it is. */
function insertRequests(tables: FlowTables, requests: readonly RequestRow[], db: ProjectionTransaction): void {
  db.write(
    `INSERT INTO ${tables.request} (case_id, request_id, from_agency, to_agency, legal_basis, due_on, requested_at, requested_recorded_at, requested_by)
     SELECT v.case_id, v.request_id, v.from_agency, v.to_agency, v.legal_basis, v.due_on,
            ${realInstant('v.requested_on', 'v.requested_recorded_at')}, v.requested_recorded_at, v.requested_by
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::text[], $9::date[])
       WITH ORDINALITY AS v(case_id, request_id, from_agency, to_agency, legal_basis, due_on, requested_recorded_at, requested_by, requested_on, n)
     ORDER BY v.n
     ON CONFLICT DO NOTHING`,
    (['caseId', 'requestId', 'fromAgency', 'toAgency', 'legalBasis', 'dueOn', 'requestedRecordedAt', 'requestedBy', 'requestedOn'] as const).map((key) =>
      column(requests, key),
    ),
  );
}

/** A change written as it comes; new receipts and requests are gathered into runs by writeBatch instead. */
type SingleChange = Exclude<FlowChange, { kind: 'receipt-sent' } | { kind: 'request-sent' }>;

function writeChange(tables: FlowTables, change: SingleChange, db: ProjectionTransaction): void {
  switch (change.kind) {
    case 'case-access':
      applyCaseAccessEvent(db, tables.caseRow, change.record);
      return;
    case 'receipt-escalated':
      db.write(`UPDATE ${tables.receipt} SET escalation_step = $4, escalated_at = $5 WHERE case_id = $1 AND entry_id = $2 AND to_agency = $3`, [
        change.caseId,
        change.entryId,
        change.toAgency,
        change.step,
        change.at,
      ]);
      return;
    case 'request-escalated':
      db.write(`UPDATE ${tables.request} SET escalation_step = $3, escalated_at = $4 WHERE case_id = $1 AND request_id = $2`, [
        change.caseId,
        change.requestId,
        change.step,
        change.at,
      ]);
      return;
    case 'case-status':
      db.write(`UPDATE ${tables.caseRow} SET status = $2 WHERE case_id = $1`, [change.caseId, change.status]);
      return;
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}
