import type { Pool } from 'pg';
import type { Migration } from './schema';

/**
 * Applies ordered SQL migrations once each, recorded in `table`. A transaction-level advisory lock
 * keyed on the table name makes concurrent starters (api and worker booting together) take turns;
 * pending migrations commit together with their records, so a crash never leaves one half-applied.
 */
export async function applyMigrations(pool: Pool, table: string, migrations: Migration[]): Promise<string[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error('migration table name must be lower-case letters and underscores');
  const applied: string[] = [];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ id: string }>(`SELECT id FROM ${table}`)).rows.map((r) => r.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (id) VALUES ($1)`, [migration.id]);
      applied.push(migration.id);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
