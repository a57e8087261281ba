import type { QueryResultRow } from 'pg';
import type { RecordedEvent } from '@samvirke/event-store';

/**
 * The transaction a projection writes its read model in. The runner has already run
 * `SET LOCAL search_path TO <generation schema>, public`, so unqualified table names resolve to the
 * generation being written (the live one, or the one a rebuild is filling). The checkpoint is
 * written by the runner in this same transaction: a projection must not commit, roll back or open
 * its own transactions here.
 */
export interface ProjectionTransaction {
  /** A statement whose answer the projection needs (a read, or a write whose row count decides). */
  query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
  /**
   * A statement whose answer the projection does not need. It is sent at once and not waited for:
   * on a pipelined connection the next statements follow without a round trip each. The server
   * still runs statements in the order they were sent, so a later `query` sees this write. The
   * runner waits for every write before it commits; a failed write fails the batch like a failed
   * `query` would.
   */
  write(sql: string, params?: unknown[]): void;
}

/**
 * A read model built from the event log. `apply` must give the same rows whether it is called with
 * a whole batch or one event at a time (the runner replays a failed batch event by event to find
 * the event that fails), and must depend on nothing but the events (no clock, no other tables), so
 * a rebuild from position 0 equals the live copy.
 */
export interface Projection {
  /** kebab-case, unique, at most 40 characters: it names the PostgreSQL schemas of the generations. */
  name: string;
  /** Bump when `apply` or `schemaSql` changes: the runner rebuilds into a new generation at start. */
  version: number;
  /** Only events of streams starting with one of these prefixes are delivered. */
  streamPrefixes: string[];
  /**
   * Only events of these types are delivered, live and in a rebuild (every type when absent). A
   * rebuild then reads only these types from the log; the live checkpoint still moves over the rest.
   * Name every type `apply` reads: an event of a type left out is never seen.
   */
  eventTypes?: readonly string[];
  /** CREATE TABLE / CREATE INDEX statements with unqualified names, run inside the generation's schema. */
  schemaSql: string;
  /** The tables readers may query; each is exposed as the view `read_models.<table>`. */
  tables: string[];
  apply(events: RecordedEvent[], db: ProjectionTransaction): Promise<void>;
}

/** Where readers find every read model: one view per projection table, always on the active generation. */
export const READ_MODEL_SCHEMA = 'read_models';

const PROJECTION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

export class InvalidProjectionError extends Error {}

export function generationSchema(projectionName: string, generation: number): string {
  return `rm_${projectionName.replace(/-/g, '_')}_g${generation}`;
}

/** Checks what the runner later interpolates into SQL as identifiers, so nothing else can get there. */
export function validateProjections(projections: Projection[]): void {
  const names = new Set<string>();
  const tables = new Map<string, string>();
  for (const projection of projections) {
    if (!PROJECTION_NAME.test(projection.name) || projection.name.length > 40) {
      throw new InvalidProjectionError(`projection name "${projection.name}" must be kebab-case, at most 40 characters`);
    }
    if (names.has(projection.name)) throw new InvalidProjectionError(`projection name "${projection.name}" is used twice`);
    names.add(projection.name);
    if (!Number.isInteger(projection.version) || projection.version < 1) {
      throw new InvalidProjectionError(`projection "${projection.name}": version must be a positive integer`);
    }
    if (projection.streamPrefixes.length === 0 || projection.streamPrefixes.some((prefix) => prefix.length === 0)) {
      throw new InvalidProjectionError(`projection "${projection.name}": streamPrefixes must list at least one non-empty prefix`);
    }
    if (projection.eventTypes !== undefined && (projection.eventTypes.length === 0 || projection.eventTypes.some((type) => !EVENT_TYPE.test(type)))) {
      throw new InvalidProjectionError(`projection "${projection.name}": eventTypes must list at least one event type name`);
    }
    if (projection.tables.length === 0) throw new InvalidProjectionError(`projection "${projection.name}": tables must list at least one table`);
    for (const table of projection.tables) {
      if (!TABLE_NAME.test(table)) throw new InvalidProjectionError(`projection "${projection.name}": table "${table}" must be a lower-case identifier`);
      const owner = tables.get(table);
      // Views share one schema (read_models), so a table name can belong to one projection only.
      if (owner) throw new InvalidProjectionError(`table "${table}" is declared by both "${owner}" and "${projection.name}"`);
      tables.set(table, projection.name);
    }
  }
}

const typeSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The events of `events` the projection takes: of its streams and, when it names them, of its event types. */
export function eventsFor(projection: Projection, events: readonly RecordedEvent[]): RecordedEvent[] {
  const { streamPrefixes, eventTypes } = projection;
  let types: ReadonlySet<string> | undefined;
  if (eventTypes !== undefined) {
    types = typeSets.get(eventTypes);
    if (types === undefined) typeSets.set(eventTypes, (types = new Set(eventTypes)));
  }
  return events.filter((event) => (types === undefined || types.has(event.type)) && streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));
}

/** Double-quotes an identifier that validateProjections (or generationSchema) has already vetted. */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
