import type { Pool, PoolClient } from 'pg';
import { parseGlobalPosition, type GlobalPosition } from '@samvirke/event-store';
import type { Migration } from '@samvirke/event-store/postgres/schema';
import { InvalidProjectionError, READ_MODEL_SCHEMA, generationSchema, quoteIdentifier, type Projection } from './projection';
import { inTransaction } from './transaction';

/**
 * The projection catalogue: one row per projection in `projection_state`, in the read-model
 * database. The row is the coordination point between the live runner (api or worker) and a
 * rebuild (same process, or the CLI):
 * - the live runner locks it (FOR UPDATE) at the start of each batch transaction, reads the active
 *   schema and checkpoint there, and writes the new checkpoint in the same transaction as the rows;
 * - a rebuild writes `building_checkpoint` in each of its batch transactions, and swaps by locking
 *   the row, so no live batch can be half-way through the old generation while the views move.
 *
 * Blue/green is done with views, not with a schema resolver in every reader: each projection table
 * is exposed as `read_models.<table>`, a view on the active generation's table. The swap drops and
 * recreates those views inside the swap transaction (DDL is transactional in PostgreSQL), so a reader
 * sees the old generation or the new one, never a mix, and the API side stays a plain
 * `SELECT ... FROM read_models.case_summary` with no cache to invalidate. Simple views are inlined by
 * the planner, so the tables' indexes serve queries on the views.
 */
export type ProjectionStatus = 'running' | 'failed' | 'rebuilding';

export interface ProjectionState {
  name: string;
  /** Version of the projection code that built the active generation. */
  version: number;
  activeGeneration: number;
  activeSchema: string;
  /** Position of the last event the active generation has applied; undefined before the first. */
  checkpoint: GlobalPosition | undefined;
  status: ProjectionStatus;
  failedEventId: string | undefined;
  failedPosition: GlobalPosition | undefined;
  error: string | undefined;
  buildingGeneration: number | undefined;
  buildingVersion: number | undefined;
  buildingCheckpoint: GlobalPosition | undefined;
  updatedAt: Date;
}

interface StateRow {
  name: string;
  version: number;
  active_generation: number;
  active_schema: string;
  checkpoint: string | null;
  status: ProjectionStatus;
  failed_event_id: string | null;
  failed_position: string | null;
  error: string | null;
  building_generation: number | null;
  building_version: number | null;
  building_checkpoint: string | null;
  updated_at: Date;
}

const STATE_COLUMNS =
  'name, version, active_generation, active_schema, checkpoint, status, failed_event_id, failed_position, error, building_generation, building_version, building_checkpoint, updated_at';

// Frozen: applied by @samvirke/migrations (one TypeORM class per entry, libs/migrations/src/migrations).
// A schema change is a new class there, not a new entry here (README, "Database migrations").
export const PROJECTION_CATALOGUE_MIGRATIONS: Migration[] = [
  {
    id: '0001-projection-state',
    sql: `
CREATE SCHEMA IF NOT EXISTS ${READ_MODEL_SCHEMA};
CREATE TABLE projection_state (
  name                 text PRIMARY KEY,
  version              integer NOT NULL,
  active_generation    integer NOT NULL,
  active_schema        text NOT NULL,
  checkpoint           text,
  status               text NOT NULL CHECK (status IN ('running', 'failed', 'rebuilding')),
  failed_event_id      text,
  failed_position      text,
  error                text,
  building_generation  integer,
  building_version     integer,
  building_checkpoint  text,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
`,
  },
];

function optionalPosition(value: string | null): GlobalPosition | undefined {
  return value === null ? undefined : parseGlobalPosition(value);
}

function toState(row: StateRow): ProjectionState {
  return {
    name: row.name,
    version: row.version,
    activeGeneration: row.active_generation,
    activeSchema: row.active_schema,
    checkpoint: optionalPosition(row.checkpoint),
    status: row.status,
    failedEventId: row.failed_event_id ?? undefined,
    failedPosition: optionalPosition(row.failed_position),
    error: row.error ?? undefined,
    buildingGeneration: row.building_generation ?? undefined,
    buildingVersion: row.building_version ?? undefined,
    buildingCheckpoint: optionalPosition(row.building_checkpoint),
    updatedAt: row.updated_at,
  };
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

export async function readProjectionState(db: Queryable, name: string, lock: 'for-update' | 'no-lock' = 'no-lock'): Promise<ProjectionState | undefined> {
  // Named (parsed and planned once per connection): every live batch of every projection opens with it.
  // Its columns are listed, as a prepared `SELECT *` fails once a later migration adds a column.
  const result = await db.query<StateRow>(
    lock === 'for-update'
      ? { name: 'projection_state_for_update', text: `SELECT ${STATE_COLUMNS} FROM projection_state WHERE name = $1 FOR UPDATE`, values: [name] }
      : { text: 'SELECT * FROM projection_state WHERE name = $1', values: [name] },
  );
  return result.rows[0] ? toState(result.rows[0]) : undefined;
}

export async function readProjectionStates(db: Queryable, names: string[]): Promise<Map<string, ProjectionState>> {
  const result = await db.query<StateRow>('SELECT * FROM projection_state WHERE name = ANY ($1::text[])', [names]);
  return new Map(result.rows.map((row) => [row.name, toState(row)]));
}

/**
 * Creates a generation's schema and tables, inside the caller's transaction. Leaves search_path on
 * the new schema for the rest of that transaction.
 */
export async function createGenerationSchema(client: PoolClient, projection: Projection, generation: number): Promise<string> {
  const schema = generationSchema(projection.name, generation);
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}, public`);
  await client.query(projection.schemaSql);
  const created = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
  const names = new Set(created.rows.map((row) => row.table_name));
  const missing = projection.tables.filter((table) => !names.has(table));
  if (missing.length > 0) {
    throw new InvalidProjectionError(`projection "${projection.name}": schemaSql did not create ${missing.join(', ')}`);
  }
  return schema;
}

/** Points `read_models.<table>` at the given schema's tables; run in the swap transaction. */
export async function pointViewsAt(client: PoolClient, projection: Projection, schema: string): Promise<void> {
  for (const table of projection.tables) {
    const view = `${READ_MODEL_SCHEMA}.${quoteIdentifier(table)}`;
    const definition = `SELECT * FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
    // CREATE OR REPLACE keeps the view's identity, so a reader waiting on the swap's lock reads the
    // new generation when it gets through. DROP + CREATE would make that reader fail ("could not open
    // relation"); it is only the fallback for a new version whose columns no longer fit the old view.
    await client.query('SAVEPOINT replace_view');
    try {
      await client.query(`CREATE OR REPLACE VIEW ${view} AS ${definition}`);
      await client.query('RELEASE SAVEPOINT replace_view');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT replace_view');
      await client.query(`DROP VIEW IF EXISTS ${view}`);
      await client.query(`CREATE VIEW ${view} AS ${definition}`);
    }
  }
}

/**
 * Drops a generation that no longer serves. Readers still inside a query on it hold a lock that the
 * DROP waits for; the lock timeout keeps that wait short, and a schema left behind is dropped by the
 * next `ensureProjection`.
 */
export async function dropGenerationSchema(pool: Pool, schema: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SET LOCAL lock_timeout = '5s'");
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  });
}

/**
 * Makes sure the projection has a catalogue row and an active generation (generation 1, empty, on
 * first start), and drops generations of earlier rebuilds that were left behind by a crash. Several
 * processes may start at once: a transaction-level advisory lock per projection makes them take turns.
 */
export async function ensureProjection(pool: Pool, projection: Projection): Promise<ProjectionState> {
  const leftovers = await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samvirke-projection:${projection.name}`]);
    const state = await readProjectionState(client, projection.name, 'for-update');
    if (!state) {
      const schema = await createGenerationSchema(client, projection, 1);
      await pointViewsAt(client, projection, schema);
      await client.query(
        `INSERT INTO projection_state (name, version, active_generation, active_schema, checkpoint, status)
         VALUES ($1, $2, 1, $3, NULL, 'running')`,
        [projection.name, projection.version, schema],
      );
      return [];
    }
    const prefix = generationSchema(projection.name, 0).replace(/0$/, '');
    const schemas = await client.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) AND substr(nspname, length($1) + 1) ~ '^[0-9]+$'",
      [prefix],
    );
    const keep = new Set([state.activeSchema]);
    if (state.buildingGeneration !== undefined) keep.add(generationSchema(projection.name, state.buildingGeneration));
    return schemas.rows.map((row) => row.nspname).filter((schema) => !keep.has(schema));
  });
  for (const schema of leftovers) await dropGenerationSchema(pool, schema);
  return (await readProjectionState(pool, projection.name)) as ProjectionState;
}
