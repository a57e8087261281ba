import type { Pool } from 'pg';

/** Which of a citizen's data keys are still live: what an erasure would still destroy. */
export interface LiveKeyInventory {
  /** Agency of each live key; `null` for the citizen's general key. */
  liveKeyAgencies(citizenId: string): Promise<Array<string | null>>;
}

/**
 * Reads the vault's key table (libs/privacy/src/keys) directly, read-only and without key material:
 * retention only needs to know which scopes are still readable, and going through the vault would
 * unwrap keys for nothing.
 */
export class PostgresLiveKeyInventory implements LiveKeyInventory {
  constructor(private readonly pool: Pool) {}

  async liveKeyAgencies(citizenId: string): Promise<Array<string | null>> {
    const { rows } = await this.pool.query<{ agency: string | null }>(
      'SELECT DISTINCT agency FROM privacy_data_keys WHERE subject_id = $1::uuid AND destroyed_at IS NULL',
      [citizenId],
    );
    return rows.map((row) => row.agency);
  }
}
