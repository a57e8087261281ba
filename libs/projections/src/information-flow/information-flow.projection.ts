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
    version: 1,
    streamPrefixes: [options.streamPrefix ?? CASE_STREAM_PREFIX],
    tables: [tables.caseRow, tables.receipt, tables.request],
    schemaSql: `
      CREATE TABLE ${tables.caseRow} (case_id text PRIMARY KEY, ${CASE_ACCESS_COLUMNS_SQL});
      CREATE TABLE ${tables.receipt} (
        case_id text NOT NULL,
        entry_id text NOT NULL,
        from_agency text NOT NULL,
        to_agency text NOT NULL,
        shared_with text[] NOT NULL,
        sensitivity text NOT NULL,
        legal_basis text NOT NULL,
        sent_at timestamptz NOT NULL,
        sent_by text NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by text,
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
        requested_by text NOT NULL,
        outcome text,
        decline_reason text,
        responded_at timestamptz,
        responded_by text,
        PRIMARY KEY (case_id, request_id)
      );
      CREATE INDEX ${tables.request}_by_time ON ${tables.request} (requested_at, from_agency, to_agency);`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction) {
      for (const event of events) applyFlowEvent(tables, caseEventRecord(event), db);
    },
  };
}

function applyFlowEvent(tables: ReturnType<typeof informationFlowTables>, record: CaseEventRecord, db: ProjectionTransaction): void {
  if (applyCaseAccessEvent(db, tables.caseRow, record)) return;
  const { caseId, event, actor } = record;
  switch (event.type) {
    case 'InformationShared':
      for (const recipient of event.data.sharedWith) {
        db.write(
          `INSERT INTO ${tables.receipt} (case_id, entry_id, from_agency, to_agency, shared_with, sensitivity, legal_basis, sent_at, sent_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [caseId, event.data.entryId, event.data.fromAgency, recipient, [...event.data.sharedWith], event.data.sensitivity, event.data.legalBasis, event.data.sharedAt, actor],
        );
      }
      return;
    case 'InformationAcknowledged':
      db.write(
        `UPDATE ${tables.receipt} SET acknowledged_at = $4, acknowledged_by = $5
         WHERE case_id = $1 AND entry_id = $2 AND to_agency = $3 AND acknowledged_at IS NULL`,
        [caseId, event.data.entryId, event.data.agency, event.data.acknowledgedAt, actor],
      );
      return;
    case 'InformationRequested':
      db.write(
        `INSERT INTO ${tables.request} (case_id, request_id, from_agency, to_agency, legal_basis, due_on, requested_at, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [caseId, event.data.requestId, event.data.fromAgency, event.data.toAgency, event.data.legalBasis, event.data.dueDate, event.data.requestedAt, actor],
      );
      return;
    case 'InformationRequestAnswered':
      db.write(
        `UPDATE ${tables.request} SET outcome = 'answered', responded_at = $3, responded_by = $4
         WHERE case_id = $1 AND request_id = $2 AND outcome IS NULL`,
        [caseId, event.data.requestId, event.data.answeredAt, actor],
      );
      return;
    case 'InformationRequestDeclined':
      db.write(
        `UPDATE ${tables.request} SET outcome = 'declined', decline_reason = $3, responded_at = $4, responded_by = $5
         WHERE case_id = $1 AND request_id = $2 AND outcome IS NULL`,
        [caseId, event.data.requestId, event.data.reason, event.data.declinedAt, actor],
      );
      return;
    default:
      return;
  }
}
