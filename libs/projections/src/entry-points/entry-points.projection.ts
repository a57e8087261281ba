import type { RecordedEvent } from '@samvirke/event-store';
import type { CaseEntryPoint, CaseEvent } from '@samvirke/case';
import type { Projection, ProjectionTransaction } from '../runner/projection';

export const ENTRY_POINTS_PROJECTION_NAME = 'entry-points';
export const ENTRY_POINT_TABLES = {
  current: 'case_entry_point',
  history: 'case_entry_point_history',
  access: 'case_entry_point_access',
} as const;
export type EntryPointTables = { current: string; history: string; access: string };
const CASE_STREAM_PREFIX = 'case-';

export interface EntryPointsProjectionOptions {
  /** Tests run their own copy under unique names so they never repoint the app's views. */
  name?: string;
  streamPrefix?: string;
  tables?: EntryPointTables;
}

/**
 * Who to contact at each agency on a case (read model 2):
 * - `case_entry_point`: the entry point each agency on the case gives now (unit, person, phone,
 *   e-mail, since when); the row goes when the agency leaves;
 * - `case_entry_point_history`: every change, joined / changed / left, with the entry point before
 *   and after, so "who was our contact in March" has an answer;
 * - `case_entry_point_access`: the case's access columns (agencies on it, coordinator) for the one
 *   access policy, plus the stream revision last applied: an event at or below it is skipped.
 * Entry points are staff contact data, not the citizen's, so they are stored in clear text (see
 * CaseEntryPoint in libs/case vocabulary); nothing personal about the citizen is stored here.
 */
export function createEntryPointsProjection(options: EntryPointsProjectionOptions = {}): Projection {
  const tables = options.tables ?? ENTRY_POINT_TABLES;
  const streamPrefix = options.streamPrefix ?? CASE_STREAM_PREFIX;
  return {
    name: options.name ?? ENTRY_POINTS_PROJECTION_NAME,
    version: 1,
    streamPrefixes: [streamPrefix],
    tables: [tables.current, tables.history, tables.access],
    schemaSql: `
      CREATE TABLE ${tables.access} (
        case_id text PRIMARY KEY,
        agencies text[] NOT NULL,
        coordinator_id text,
        last_revision integer NOT NULL
      );
      CREATE INDEX ${tables.access}_agencies_idx ON ${tables.access} USING gin (agencies);
      CREATE TABLE ${tables.current} (
        case_id text NOT NULL,
        agency text NOT NULL,
        unit text NOT NULL,
        contact_person text,
        phone text NOT NULL,
        email text NOT NULL,
        since timestamptz NOT NULL,
        PRIMARY KEY (case_id, agency)
      );
      CREATE TABLE ${tables.history} (
        case_id text NOT NULL,
        stream_revision integer NOT NULL,
        agency text NOT NULL,
        change text NOT NULL,
        from_entry_point jsonb,
        to_entry_point jsonb,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, stream_revision)
      );`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction): Promise<void> {
      const relevant = events.filter((recorded) => recorded.type === 'CaseOpened' || ACCESS_EVENT_TYPES.has(recorded.type));
      if (relevant.length === 0) return;
      const batch = await loadBatchState(db, tables, [...new Set(relevant.map((recorded) => recorded.streamId.slice(streamPrefix.length)))]);
      for (const recorded of relevant) applyOne(db, tables, batch, recorded.streamId.slice(streamPrefix.length), recorded);
    },
  };
}

export const entryPointsProjection: Projection = createEntryPointsProjection();

const ACCESS_EVENT_TYPES = new Set(['AgencyJoinedCase', 'EntryPointChanged', 'AgencyLeftCase', 'CoordinatorAssigned', 'CoordinatorChanged']);

/**
 * The rows of the batch's cases, read once per batch: events then change them here and send their
 * writes without waiting, instead of reading the same rows back once per event.
 */
interface BatchState {
  lastRevision: Map<string, number>;
  current: Map<string, CaseEntryPoint>;
}

const currentKey = (caseId: string, agency: string) => `${caseId}\u0000${agency}`;

async function loadBatchState(db: ProjectionTransaction, tables: EntryPointTables, caseIds: string[]): Promise<BatchState> {
  const access = await db.query<{ case_id: string; last_revision: number }>(
    `SELECT case_id, last_revision FROM ${tables.access} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  const current = await db.query<{ case_id: string; agency: string; unit: string; contact_person: string | null; phone: string; email: string }>(
    `SELECT case_id, agency, unit, contact_person, phone, email FROM ${tables.current} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return {
    lastRevision: new Map(access.rows.map((row) => [row.case_id, row.last_revision])),
    current: new Map(
      current.rows.map((row) => [
        currentKey(row.case_id, row.agency),
        { unit: row.unit, ...(row.contact_person === null ? {} : { contactPerson: row.contact_person }), phone: row.phone, email: row.email },
      ]),
    ),
  };
}

function applyOne(db: ProjectionTransaction, tables: EntryPointTables, batch: BatchState, caseId: string, recorded: RecordedEvent): void {
  const event = { type: recorded.type, data: recorded.data } as CaseEvent;
  const revision = recorded.streamRevision;
  const lastRevision = batch.lastRevision.get(caseId);
  if (event.type === 'CaseOpened') {
    if (lastRevision !== undefined) return;
    db.write(`INSERT INTO ${tables.access} (case_id, agencies, last_revision) VALUES ($1, '{}', $2) ON CONFLICT (case_id) DO NOTHING`, [caseId, revision]);
    batch.lastRevision.set(caseId, revision);
    return;
  }
  // Claims the revision: an event at or below the last applied one is already in; a case never opened has no row.
  if (lastRevision === undefined || lastRevision >= revision) return;
  batch.lastRevision.set(caseId, revision);
  db.write(`UPDATE ${tables.access} SET last_revision = $2 WHERE case_id = $1`, [caseId, revision]);

  const history = (agency: string, change: 'joined' | 'changed' | 'left', from: CaseEntryPoint | null, to: CaseEntryPoint | null, at: string) =>
    db.write(
      `INSERT INTO ${tables.history} (case_id, stream_revision, agency, change, from_entry_point, to_entry_point, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [caseId, revision, agency, change, from === null ? null : JSON.stringify(entryPointOf(from)), to === null ? null : JSON.stringify(entryPointOf(to)), at],
    );
  const previousOf = (agency: string) => batch.current.get(currentKey(caseId, agency)) ?? null;

  switch (event.type) {
    case 'AgencyJoinedCase': {
      const { agency, entryPoint, joinedAt } = event.data;
      db.write(`UPDATE ${tables.access} SET agencies = array_append(agencies, $2::text) WHERE case_id = $1 AND NOT ($2::text = ANY(agencies))`, [
        caseId,
        agency,
      ]);
      const previous = previousOf(agency);
      upsertCurrent(db, tables, batch, caseId, agency, entryPoint, joinedAt);
      history(agency, previous === null ? 'joined' : 'changed', previous, entryPoint, joinedAt);
      return;
    }
    case 'EntryPointChanged': {
      const { agency, entryPoint, changedAt } = event.data;
      const previous = previousOf(agency);
      // Like the case's evolve: a change for an agency not on the case is a fact without effect.
      if (previous === null) return;
      upsertCurrent(db, tables, batch, caseId, agency, entryPoint, changedAt);
      history(agency, 'changed', previous, entryPoint, changedAt);
      return;
    }
    case 'AgencyLeftCase': {
      const { agency, leftAt } = event.data;
      db.write(`UPDATE ${tables.access} SET agencies = array_remove(agencies, $2::text) WHERE case_id = $1`, [caseId, agency]);
      const previous = previousOf(agency);
      db.write(`DELETE FROM ${tables.current} WHERE case_id = $1 AND agency = $2`, [caseId, agency]);
      batch.current.delete(currentKey(caseId, agency));
      history(agency, 'left', previous, null, leftAt);
      return;
    }
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      db.write(`UPDATE ${tables.access} SET coordinator_id = $2 WHERE case_id = $1`, [caseId, event.data.coordinatorId]);
      return;
    default:
      return;
  }
}

/** Only the known fields, in a fixed shape: whatever else a future writer adds stays out. */
function entryPointOf(entryPoint: CaseEntryPoint): CaseEntryPoint {
  return {
    unit: entryPoint.unit,
    ...(entryPoint.contactPerson === undefined ? {} : { contactPerson: entryPoint.contactPerson }),
    phone: entryPoint.phone,
    email: entryPoint.email,
  };
}

function upsertCurrent(
  db: ProjectionTransaction,
  tables: EntryPointTables,
  batch: BatchState,
  caseId: string,
  agency: string,
  entryPoint: CaseEntryPoint,
  since: string,
): void {
  batch.current.set(currentKey(caseId, agency), entryPointOf(entryPoint));
  db.write(
    `INSERT INTO ${tables.current} (case_id, agency, unit, contact_person, phone, email, since) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (case_id, agency) DO UPDATE SET unit = excluded.unit, contact_person = excluded.contact_person, phone = excluded.phone,
       email = excluded.email, since = excluded.since`,
    [caseId, agency, entryPoint.unit, entryPoint.contactPerson ?? null, entryPoint.phone, entryPoint.email, since],
  );
}
