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
      for (const recorded of events) {
        await applyOne(db, tables, recorded.streamId.slice(streamPrefix.length), recorded);
      }
    },
  };
}

export const entryPointsProjection: Projection = createEntryPointsProjection();

async function applyOne(db: ProjectionTransaction, tables: EntryPointTables, caseId: string, recorded: RecordedEvent): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as CaseEvent;
  const revision = recorded.streamRevision;
  if (event.type === 'CaseOpened') {
    await db.query(`INSERT INTO ${tables.access} (case_id, agencies, last_revision) VALUES ($1, '{}', $2) ON CONFLICT (case_id) DO NOTHING`, [caseId, revision]);
    return;
  }
  if (!['AgencyJoinedCase', 'EntryPointChanged', 'AgencyLeftCase', 'CoordinatorAssigned', 'CoordinatorChanged'].includes(event.type)) return;
  // Claims the revision: no row back means the event is already applied or the case was never opened.
  const claimed = await db.query(
    `UPDATE ${tables.access} SET last_revision = $2 WHERE case_id = $1 AND last_revision < $2 RETURNING case_id`,
    [caseId, revision],
  );
  if (claimed.rowCount !== 1) return;

  const history = (agency: string, change: 'joined' | 'changed' | 'left', from: CaseEntryPoint | null, to: CaseEntryPoint | null, at: string) =>
    db.query(
      `INSERT INTO ${tables.history} (case_id, stream_revision, agency, change, from_entry_point, to_entry_point, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [caseId, revision, agency, change, from === null ? null : JSON.stringify(entryPointOf(from)), to === null ? null : JSON.stringify(entryPointOf(to)), at],
    );

  switch (event.type) {
    case 'AgencyJoinedCase': {
      const { agency, entryPoint, joinedAt } = event.data;
      await db.query(`UPDATE ${tables.access} SET agencies = array_append(agencies, $2::text) WHERE case_id = $1 AND NOT ($2::text = ANY(agencies))`, [caseId, agency]);
      const previous = await currentEntryPoint(db, tables, caseId, agency);
      await upsertCurrent(db, tables, caseId, agency, entryPoint, joinedAt);
      await history(agency, previous === null ? 'joined' : 'changed', previous, entryPoint, joinedAt);
      return;
    }
    case 'EntryPointChanged': {
      const { agency, entryPoint, changedAt } = event.data;
      const previous = await currentEntryPoint(db, tables, caseId, agency);
      // Like the case's evolve: a change for an agency not on the case is a fact without effect.
      if (previous === null) return;
      await upsertCurrent(db, tables, caseId, agency, entryPoint, changedAt);
      await history(agency, 'changed', previous, entryPoint, changedAt);
      return;
    }
    case 'AgencyLeftCase': {
      const { agency, leftAt } = event.data;
      await db.query(`UPDATE ${tables.access} SET agencies = array_remove(agencies, $2::text) WHERE case_id = $1`, [caseId, agency]);
      const previous = await currentEntryPoint(db, tables, caseId, agency);
      await db.query(`DELETE FROM ${tables.current} WHERE case_id = $1 AND agency = $2`, [caseId, agency]);
      await history(agency, 'left', previous, null, leftAt);
      return;
    }
    case 'CoordinatorAssigned':
    case 'CoordinatorChanged':
      await db.query(`UPDATE ${tables.access} SET coordinator_id = $2 WHERE case_id = $1`, [caseId, event.data.coordinatorId]);
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

async function currentEntryPoint(db: ProjectionTransaction, tables: EntryPointTables, caseId: string, agency: string): Promise<CaseEntryPoint | null> {
  const { rows } = await db.query<{ unit: string; contact_person: string | null; phone: string; email: string }>(
    `SELECT unit, contact_person, phone, email FROM ${tables.current} WHERE case_id = $1 AND agency = $2`,
    [caseId, agency],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return { unit: row.unit, ...(row.contact_person === null ? {} : { contactPerson: row.contact_person }), phone: row.phone, email: row.email };
}

async function upsertCurrent(db: ProjectionTransaction, tables: EntryPointTables, caseId: string, agency: string, entryPoint: CaseEntryPoint, since: string): Promise<void> {
  await db.query(
    `INSERT INTO ${tables.current} (case_id, agency, unit, contact_person, phone, email, since) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (case_id, agency) DO UPDATE SET unit = excluded.unit, contact_person = excluded.contact_person, phone = excluded.phone,
       email = excluded.email, since = excluded.since`,
    [caseId, agency, entryPoint.unit, entryPoint.contactPerson ?? null, entryPoint.phone, entryPoint.email, since],
  );
}
