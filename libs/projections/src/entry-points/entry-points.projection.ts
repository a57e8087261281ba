import type { RecordedEvent } from '@samvirke/event-store';
import type { CaseEvent } from '@samvirke/case';
import type { Projection, ProjectionTransaction } from '../runner/projection';
import {
  CASE_PARTICIPATION_EVENT_TYPES,
  changesEntryPoints,
  currentEntryPointKey,
  foldEntryPoints,
  type EntryPointChange,
  type EntryPointRows,
} from './entry-points-fold';

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
 *
 * The rules are the fold's (entry-points-fold.ts); this writer reads the batch's rows once, folds,
 * and sends one statement per change.
 */
export function createEntryPointsProjection(options: EntryPointsProjectionOptions = {}): Projection {
  const tables = options.tables ?? ENTRY_POINT_TABLES;
  const streamPrefix = options.streamPrefix ?? CASE_STREAM_PREFIX;
  return {
    name: options.name ?? ENTRY_POINTS_PROJECTION_NAME,
    version: 1,
    streamPrefixes: [streamPrefix],
    eventTypes: CASE_PARTICIPATION_EVENT_TYPES,
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
      const relevant = events.filter((recorded) => changesEntryPoints(recorded.type));
      if (relevant.length === 0) return;
      const batch = relevant.map((recorded) => ({
        caseId: recorded.streamId.slice(streamPrefix.length),
        revision: recorded.streamRevision,
        event: { type: recorded.type, data: recorded.data } as CaseEvent,
      }));
      const rows = await loadRows(db, tables, [...new Set(batch.map((event) => event.caseId))]);
      for (const change of foldEntryPoints(rows, batch).changes) writeChange(db, tables, change);
    },
  };
}

export const entryPointsProjection: Projection = createEntryPointsProjection();

/**
 * The rows of the batch's cases, read once per batch: the fold then changes them in memory and the
 * writes go out without waiting, instead of reading the same rows back once per event.
 */
async function loadRows(db: ProjectionTransaction, tables: EntryPointTables, caseIds: string[]): Promise<EntryPointRows> {
  const access = await db.query<{ case_id: string; agencies: string[]; coordinator_id: string | null; last_revision: number }>(
    `SELECT case_id, agencies, coordinator_id, last_revision FROM ${tables.access} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  const current = await db.query<{ case_id: string; agency: string; unit: string; contact_person: string | null; phone: string; email: string; since: Date }>(
    `SELECT case_id, agency, unit, contact_person, phone, email, since FROM ${tables.current} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return {
    access: new Map(
      access.rows.map((row) => [
        row.case_id,
        { caseId: row.case_id, agencies: row.agencies, coordinatorId: row.coordinator_id, lastRevision: row.last_revision },
      ]),
    ),
    current: new Map(
      current.rows.map((row) => [
        currentEntryPointKey(row.case_id, row.agency),
        {
          caseId: row.case_id,
          agency: row.agency,
          entryPoint: { unit: row.unit, ...(row.contact_person === null ? {} : { contactPerson: row.contact_person }), phone: row.phone, email: row.email },
          since: row.since.toISOString(),
        },
      ]),
    ),
    history: [],
  };
}

function writeChange(db: ProjectionTransaction, tables: EntryPointTables, change: EntryPointChange): void {
  switch (change.kind) {
    case 'access-created':
      db.write(`INSERT INTO ${tables.access} (case_id, agencies, last_revision) VALUES ($1, '{}', $2) ON CONFLICT (case_id) DO NOTHING`, [
        change.caseId,
        change.revision,
      ]);
      return;
    case 'revision-claimed':
      db.write(`UPDATE ${tables.access} SET last_revision = $2 WHERE case_id = $1`, [change.caseId, change.revision]);
      return;
    case 'agency-added':
      db.write(`UPDATE ${tables.access} SET agencies = array_append(agencies, $2::text) WHERE case_id = $1 AND NOT ($2::text = ANY(agencies))`, [
        change.caseId,
        change.agency,
      ]);
      return;
    case 'agency-removed':
      db.write(`UPDATE ${tables.access} SET agencies = array_remove(agencies, $2::text) WHERE case_id = $1`, [change.caseId, change.agency]);
      return;
    case 'coordinator-set':
      db.write(`UPDATE ${tables.access} SET coordinator_id = $2 WHERE case_id = $1`, [change.caseId, change.coordinatorId]);
      return;
    case 'entry-point-set': {
      const { caseId, agency, entryPoint, since } = change.row;
      db.write(
        `INSERT INTO ${tables.current} (case_id, agency, unit, contact_person, phone, email, since) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (case_id, agency) DO UPDATE SET unit = excluded.unit, contact_person = excluded.contact_person, phone = excluded.phone,
           email = excluded.email, since = excluded.since`,
        [caseId, agency, entryPoint.unit, entryPoint.contactPerson ?? null, entryPoint.phone, entryPoint.email, since],
      );
      return;
    }
    case 'entry-point-removed':
      db.write(`DELETE FROM ${tables.current} WHERE case_id = $1 AND agency = $2`, [change.caseId, change.agency]);
      return;
    case 'history-added': {
      const { caseId, streamRevision, agency, change: kind, from, to, changedAt } = change.row;
      db.write(
        `INSERT INTO ${tables.history} (case_id, stream_revision, agency, change, from_entry_point, to_entry_point, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [caseId, streamRevision, agency, kind, from === null ? null : JSON.stringify(from), to === null ? null : JSON.stringify(to), changedAt],
      );
      return;
    }
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}
