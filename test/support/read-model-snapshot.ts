import type { Pool } from 'pg';
import type { Projection } from '@samvirke/projections';

/**
 * Every row of every read model, as readers see it (the `read_models.*` views over the active
 * generation), in a canonical order: rows sorted by their JSON, so two snapshots compare equal
 * exactly when the tables hold the same rows, whatever order the database returns them in.
 */
export type ReadModelSnapshot = Record<string, unknown[]>;

export async function snapshotReadModels(pool: Pool, projections: readonly Projection[]): Promise<ReadModelSnapshot> {
  const snapshot: ReadModelSnapshot = {};
  for (const projection of projections) {
    for (const table of projection.tables) {
      // Table names are validated identifiers (validateProjections); the view schema is fixed.
      const { rows } = await pool.query(`SELECT * FROM read_models."${table}"`);
      snapshot[table] = rows
        .map((row) => JSON.stringify(row))
        .sort()
        .map((json) => JSON.parse(json) as unknown);
    }
  }
  return snapshot;
}
