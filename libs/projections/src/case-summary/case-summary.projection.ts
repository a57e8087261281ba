import type { RecordedEvent } from '@samvirke/event-store';
import type { CaseEvent, SspCategory } from '@samvirke/case';
import type { Projection, ProjectionTransaction } from '../runner/projection';
import {
  activeProgrammes,
  foldCaseSummaryEvents,
  type CaseEventEnvelope,
  type AssessmentFact,
  type CaseSummaryRecord,
  type CustodyFact,
  type EnrolmentFact,
  type OpenRequest,
  type PendingEntry,
} from './case-summary-fold';

export const CASE_SUMMARY_PROJECTION_NAME = 'case-summary';
export const CASE_SUMMARY_TABLE = 'case_summary';
const CASE_STREAM_PREFIX = 'case-';

export interface CaseSummaryProjectionOptions {
  /** Tests run their own copy under unique names so they never repoint the app's views. */
  name?: string;
  streamPrefix?: string;
  table?: string;
}

/**
 * One row per case (table `case_summary`): the case's facts as of its last event, plus the access
 * columns (`agencies`, `coordinator_id`) the policy filters on. The SSP+ register reads the same
 * table (see ../ssp-register), because its membership depends on the reading day and so cannot be
 * stored by a projection anyway.
 *
 * Activity and open requests are stored per audience (`case_activity_at`, `agency_activity_at`,
 * `sealed_activity_at`, `open_requests_by_agency`; `last_activity_at` and `open_requests` are the
 * auditors' whole view), so each reader's figures and list order move only with events that reader
 * may see (see the fold and selectColumns in case-summary-query.ts).
 *
 * After a citizen erasure the identity columns (`sealed_name`, `birth_date`, `district_code`) are
 * NULL and `erased_at` is set; a CHECK keeps identity all there or all gone, so readers can treat
 * a NULL birth date as "erased" and nothing else.
 *
 * A batch is applied by loading the rows of the cases it touches once, folding every event in
 * order and writing each changed row once; per event, a revision at or below the row's
 * `last_revision` is skipped, so a replayed event changes nothing.
 */
export function createCaseSummaryProjection(options: CaseSummaryProjectionOptions = {}): Projection {
  const table = options.table ?? CASE_SUMMARY_TABLE;
  const streamPrefix = options.streamPrefix ?? CASE_STREAM_PREFIX;
  return {
    name: options.name ?? CASE_SUMMARY_PROJECTION_NAME,
    // 2: identity columns nullable, emptied by a citizen erasure; erased_at.
    // 3: activity and open requests per audience (case, agency, sealed identity), pending entries.
    // 4: opened_on, the real-world day a case was opened (CaseOpened.openedOn, set by the history import).
    version: 4,
    streamPrefixes: [streamPrefix],
    tables: [table],
    schemaSql: `
      CREATE TABLE ${table} (
        case_id text PRIMARY KEY,
        citizen_id text NOT NULL,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        opened_on date,
        closed_at timestamptz,
        close_reason text,
        referred_by text NOT NULL,
        sealed_name text,
        birth_date date,
        district_code text,
        erased_at timestamptz,
        ssp_level smallint,
        ssp_level_on date,
        assessments jsonb NOT NULL,
        coordinator_id text,
        coordinator_agency text,
        agencies text[] NOT NULL,
        programmes text[] NOT NULL,
        enrolments jsonb NOT NULL,
        custody_status text NOT NULL,
        custody_id text,
        custody_institution text,
        custody_started_on date,
        custody_expected_release_on date,
        open_action_ids text[] NOT NULL,
        open_request_list jsonb NOT NULL,
        open_actions integer NOT NULL,
        open_requests integer NOT NULL,
        -- Per agency: how many open requests it sends or receives (what a non-auditor may count).
        open_requests_by_agency jsonb NOT NULL,
        last_activity_at timestamptz NOT NULL,
        case_activity_at timestamptz NOT NULL,
        agency_activity_at jsonb NOT NULL,
        sealed_activity_at timestamptz,
        pending_entries jsonb NOT NULL,
        last_revision integer NOT NULL,
        -- Identity is either all there or, after a citizen erasure, all gone: readers rely on it.
        CHECK (
          (erased_at IS NULL AND sealed_name IS NOT NULL AND birth_date IS NOT NULL AND district_code IS NOT NULL)
          OR (erased_at IS NOT NULL AND sealed_name IS NULL AND birth_date IS NULL AND district_code IS NULL))
      );
      CREATE INDEX ${table}_activity_idx ON ${table} (last_activity_at DESC, case_id);
      CREATE INDEX ${table}_agencies_idx ON ${table} USING gin (agencies);
      CREATE INDEX ${table}_programmes_idx ON ${table} USING gin (programmes);
      CREATE INDEX ${table}_coordinator_idx ON ${table} (coordinator_id);
      CREATE INDEX ${table}_district_idx ON ${table} (district_code);
      CREATE INDEX ${table}_level_idx ON ${table} (ssp_level);`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction): Promise<void> {
      const caseIds = [...new Set(events.map((event) => event.streamId.slice(streamPrefix.length)))];
      const summaries = await loadSummaries(db, table, caseIds);
      // Each case's events of the batch folded in one go (one copy of its lists, not one per event).
      const byCase = new Map<string, CaseEventEnvelope[]>();
      for (const recorded of events) {
        const caseId = recorded.streamId.slice(streamPrefix.length);
        const envelope = {
          caseId,
          event: { type: recorded.type, data: recorded.data } as CaseEvent,
          streamRevision: recorded.streamRevision,
          recordedAt: recorded.recordedAt,
        };
        const own = byCase.get(caseId);
        if (own) own.push(envelope);
        else byCase.set(caseId, [envelope]);
      }
      const changed = new Set<string>();
      for (const [caseId, envelopes] of byCase) {
        const before = summaries.get(caseId);
        const after = foldCaseSummaryEvents(before, envelopes);
        if (after !== undefined && after !== before) {
          summaries.set(caseId, after);
          changed.add(caseId);
        }
      }
      const stored = [...changed].map((caseId) => summaries.get(caseId)).filter((summary): summary is CaseSummaryRecord => summary !== undefined);
      if (stored.length > 0) storeSummaries(db, table, stored);
    },
  };
}

export const caseSummaryProjection: Projection = createCaseSummaryProjection();

interface StoredSummaryRow {
  case_id: string;
  citizen_id: string;
  status: 'open' | 'closed';
  opened_at: Date;
  opened_on: string | null;
  closed_at: Date | null;
  close_reason: string | null;
  referred_by: string;
  sealed_name: string | null;
  birth_date: string | null;
  district_code: string | null;
  erased_at: Date | null;
  ssp_level: SspCategory | null;
  ssp_level_on: string | null;
  assessments: AssessmentFact[];
  coordinator_id: string | null;
  coordinator_agency: string | null;
  agencies: string[];
  enrolments: EnrolmentFact[];
  custody_id: string | null;
  custody_status: 'none' | CustodyFact['kind'];
  custody_institution: string | null;
  custody_started_on: string | null;
  custody_expected_release_on: string | null;
  open_action_ids: string[];
  open_request_list: OpenRequest[];
  last_activity_at: Date;
  case_activity_at: Date;
  agency_activity_at: Record<string, string>;
  sealed_activity_at: Date | null;
  pending_entries: Record<string, PendingEntry>;
  last_revision: number;
}

async function loadSummaries(db: ProjectionTransaction, table: string, caseIds: string[]): Promise<Map<string, CaseSummaryRecord>> {
  const { rows } = await db.query<StoredSummaryRow>(
    `SELECT case_id, citizen_id, status, opened_at, opened_on::text AS opened_on, closed_at, close_reason, referred_by, sealed_name, birth_date::text AS birth_date,
            district_code, erased_at, ssp_level, ssp_level_on::text AS ssp_level_on, assessments, coordinator_id, coordinator_agency, agencies,
            enrolments, custody_id, custody_status, custody_institution, custody_started_on::text AS custody_started_on,
            custody_expected_release_on::text AS custody_expected_release_on, open_action_ids, open_request_list, last_activity_at,
            case_activity_at, agency_activity_at, sealed_activity_at, pending_entries, last_revision
       FROM ${table} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, recordOf(row)]));
}

function recordOf(row: StoredSummaryRow): CaseSummaryRecord {
  const custody: CustodyFact | null =
    row.custody_status === 'none' || row.custody_id === null
      ? null
      : {
          custodyId: row.custody_id,
          kind: row.custody_status,
          institution: row.custody_institution ?? '',
          startedOn: row.custody_started_on ?? '',
          ...(row.custody_expected_release_on === null ? {} : { expectedReleaseOn: row.custody_expected_release_on }),
        };
  return {
    caseId: row.case_id,
    citizenId: row.citizen_id,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    openedOn: row.opened_on,
    closedAt: row.closed_at?.toISOString() ?? null,
    closeReason: row.close_reason,
    referredBy: row.referred_by,
    sealedName: row.sealed_name,
    birthDate: row.birth_date,
    districtCode: row.district_code,
    erasedAt: row.erased_at?.toISOString() ?? null,
    sspLevel: row.ssp_level,
    sspLevelOn: row.ssp_level_on,
    assessments: row.assessments,
    coordinatorId: row.coordinator_id,
    coordinatorAgency: row.coordinator_agency,
    agencies: row.agencies,
    enrolments: row.enrolments,
    custody,
    openActionIds: row.open_action_ids,
    openRequests: row.open_request_list,
    lastActivityAt: row.last_activity_at.toISOString(),
    caseActivityAt: row.case_activity_at.toISOString(),
    agencyActivityAt: row.agency_activity_at,
    sealedActivityAt: row.sealed_activity_at?.toISOString() ?? null,
    pendingEntries: row.pending_entries,
    lastRevision: row.last_revision,
  };
}

/** A summary as its row: column name to value, JSON-typed as jsonb_populate_recordset reads it. */
function rowOf(s: CaseSummaryRecord): Record<string, unknown> {
  return {
    case_id: s.caseId,
    citizen_id: s.citizenId,
    status: s.status,
    opened_at: s.openedAt,
    opened_on: s.openedOn,
    closed_at: s.closedAt,
    close_reason: s.closeReason,
    referred_by: s.referredBy,
    sealed_name: s.sealedName,
    birth_date: s.birthDate,
    district_code: s.districtCode,
    erased_at: s.erasedAt,
    ssp_level: s.sspLevel,
    ssp_level_on: s.sspLevelOn,
    assessments: s.assessments,
    coordinator_id: s.coordinatorId,
    coordinator_agency: s.coordinatorAgency,
    agencies: s.agencies,
    programmes: activeProgrammes(s),
    enrolments: s.enrolments,
    custody_status: s.custody?.kind ?? 'none',
    custody_id: s.custody?.custodyId ?? null,
    custody_institution: s.custody?.institution ?? null,
    custody_started_on: s.custody?.startedOn ?? null,
    custody_expected_release_on: s.custody?.expectedReleaseOn ?? null,
    open_action_ids: s.openActionIds,
    open_request_list: s.openRequests,
    open_actions: s.openActionIds.length,
    open_requests: s.openRequests.length,
    open_requests_by_agency: openRequestsByAgency(s.openRequests),
    last_activity_at: s.lastActivityAt,
    case_activity_at: s.caseActivityAt,
    agency_activity_at: s.agencyActivityAt,
    sealed_activity_at: s.sealedActivityAt,
    pending_entries: s.pendingEntries,
    last_revision: s.lastRevision,
  };
}

/**
 * The changed summaries of a batch in one upsert: the rows go as one JSON array, typed by the
 * table's own row type (jsonb_populate_recordset), instead of one 33-parameter statement per case
 * (a rebuild sent about 300 of them per batch). The summaries are of distinct cases.
 */
function storeSummaries(db: ProjectionTransaction, table: string, summaries: CaseSummaryRecord[]): void {
  const rows = summaries.map(rowOf);
  const names = Object.keys(rows[0]);
  const updates = names.filter((name) => name !== 'case_id').map((name) => `${name} = excluded.${name}`);
  db.write(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (case_id) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}

function openRequestsByAgency(requests: readonly OpenRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) {
    for (const agency of new Set([request.fromAgency, request.toAgency])) counts[agency] = (counts[agency] ?? 0) + 1;
  }
  return counts;
}
