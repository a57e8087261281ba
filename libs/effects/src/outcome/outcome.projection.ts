import type { RecordedEvent } from '@samvirke/event-store';
import type { Projection, ProjectionTransaction } from '@samvirke/projections';
import { OUTCOME_FACT_EVENT_TYPES, outcomeFactOf, type OutcomeFact } from './outcome-fact';

export const OUTCOME_PROJECTION_NAME = 'outcome';
export const OUTCOME_FACTS_TABLE = 'outcome_facts';
const CASE_STREAM_PREFIX = 'case-';

/** What `apply` reads: the events that contribute a fact, and a citizen erasure (which changes the opening row). */
export const OUTCOME_EVENT_TYPES: readonly string[] = [...OUTCOME_FACT_EVENT_TYPES, 'CitizenDataErased'];

export interface OutcomeProjectionOptions {
  /** Tests run their own copy under unique names so they never repoint the app's views. */
  name?: string;
  streamPrefix?: string;
  table?: string;
}

/**
 * The outcome history (table `outcome_facts`): one row per outcome-relevant event of a case, keyed by
 * (case, stream revision), with the recording instant beside the business date. Rows are only ever
 * inserted (ON CONFLICT DO NOTHING makes a replayed event a no-op), so batch and one-by-one
 * application give the same table, and nothing but the event decides a row.
 *
 * No access columns: this table is read only by the effects engine, which publishes counts, never
 * case ids, to coordinators and auditors.
 */
export function createOutcomeProjection(options: OutcomeProjectionOptions = {}): Projection {
  const table = options.table ?? OUTCOME_FACTS_TABLE;
  const streamPrefix = options.streamPrefix ?? CASE_STREAM_PREFIX;
  return {
    name: options.name ?? OUTCOME_PROJECTION_NAME,
    // 2: action-added facts (a signed job and education plan) and custody ids (in custody on a date).
    // 3: a citizen erasure removes the birth date from the case's opening row (issue 21).
    version: 3,
    streamPrefixes: [streamPrefix],
    eventTypes: OUTCOME_EVENT_TYPES,
    tables: [table],
    schemaSql: `
      CREATE TABLE ${table} (
        case_id text NOT NULL,
        stream_revision integer NOT NULL,
        recorded_at timestamptz NOT NULL,
        agency text,
        occurred_on date NOT NULL,
        fact_type text NOT NULL,
        detail jsonb NOT NULL,
        PRIMARY KEY (case_id, stream_revision)
      );
      CREATE INDEX ${table}_recorded_idx ON ${table} (recorded_at);
      CREATE INDEX ${table}_type_idx ON ${table} (fact_type, occurred_on);`,
    async apply(events: RecordedEvent[], db: ProjectionTransaction): Promise<void> {
      const facts = events.flatMap((event) => {
        const fact = outcomeFactOf(event.streamId.slice(streamPrefix.length), event);
        return fact === undefined ? [] : [fact];
      });
      // A citizen erasure: the exact birth date (kept for age bands at any anchor date while the citizen
      // is not erased) leaves the opening row; the district stays, which alone singles nobody out.
      const erased = events
        .filter((event) => event.type === 'CitizenDataErased' && (event.data as { scope?: string }).scope === 'citizen')
        .map((event) => event.streamId.slice(streamPrefix.length));
      if (facts.length > 0) insertFacts(table, facts, db);
      if (erased.length > 0) {
        db.write(`UPDATE ${table} SET detail = detail - 'birthDate' WHERE case_id = ANY($1::text[]) AND fact_type = 'case-opened'`, [erased]);
      }
    },
  };
}

export const outcomeProjection: Projection = createOutcomeProjection();

/**
 * A batch's facts in one statement, as one JSON parameter (`jsonb_to_recordset`). Seven array
 * parameters cost more on both sides: pg writes every element through its array escaping in
 * JavaScript (the details as JSON inside text inside an array), and PostgreSQL parses seven array
 * literals and each detail again. One JSON text is written by JSON.stringify and parsed once.
 */
function insertFacts(table: string, facts: OutcomeFact[], db: ProjectionTransaction): void {
  const rows = facts.map((f) => ({ c: f.caseId, r: f.revision, t: f.recordedAt, a: f.agency, o: f.on, d: f.detail }));
  db.write(
    `INSERT INTO ${table} (case_id, stream_revision, recorded_at, agency, occurred_on, fact_type, detail)
       SELECT x.c, x.r, x.t, x.a, x.o, x.d->>'type', x.d
         FROM jsonb_to_recordset($1::jsonb) AS x(c text, r integer, t timestamptz, a text, o date, d jsonb)
       ON CONFLICT (case_id, stream_revision) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
