import type { Pool, PoolClient } from 'pg';
import { quoteIdentifier } from './projection';
import { inTransaction } from './transaction';

/**
 * The table, inside a generation being rebuilt, that keeps the definitions of the indexes left out
 * while it is filled. It lives in the generation's own schema, so a rebuild resumed by another
 * process finds it, and it goes with the schema when the generation is discarded.
 */
const DEFERRED = '_samvirke_deferred_indexes';

/**
 * Drops a new generation's secondary indexes (not unique, not a constraint's), keeping their
 * definitions in the generation, so that a rebuild fills its tables without maintaining them row by
 * row; `createDeferredIndexes` builds each in one pass before the swap. Unique indexes and the
 * primary keys stay: the projections' upserts (ON CONFLICT) and lookups need them while filling.
 * Run in the transaction that created the generation's tables.
 */
export async function deferSecondaryIndexes(client: PoolClient, schema: string): Promise<number> {
  const { rows } = await client.query<{ index: string; definition: string }>(
    `SELECT c.relname AS index, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`,
    [schema],
  );
  await client.query(`CREATE TABLE ${quoteIdentifier(schema)}.${DEFERRED} (index text NOT NULL, definition text NOT NULL)`);
  for (const { index, definition } of rows) {
    await client.query(`INSERT INTO ${quoteIdentifier(schema)}.${DEFERRED} (index, definition) VALUES ($1, $2)`, [index, definition]);
    await client.query(`DROP INDEX ${quoteIdentifier(schema)}.${quoteIdentifier(index)}`);
  }
  return rows.length;
}

/**
 * Builds the indexes `deferSecondaryIndexes` left out of a generation, and forgets them, in one
 * transaction; nothing to do for a generation that has none left out (already built, or made
 * before indexes were deferred). The definitions are PostgreSQL's own (`pg_get_indexdef`), with the
 * generation's schema in them.
 */
export async function createDeferredIndexes(pool: Pool, schema: string): Promise<number> {
  return inTransaction(pool, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [schema, DEFERRED]);
    if (exists.rowCount === 0) return 0;
    const { rows } = await client.query<{ definition: string }>(`SELECT definition FROM ${quoteIdentifier(schema)}.${DEFERRED} ORDER BY index`);
    for (const { definition } of rows) await client.query(definition);
    await client.query(`DROP TABLE ${quoteIdentifier(schema)}.${DEFERRED}`);
    return rows.length;
  });
}

/**
 * Turns autovacuum off for a new generation's tables while a rebuild fills them. Only the rebuild
 * writes them, and it analyzes them itself as they grow (rebuild.ts, analyzeGeneration); a vacuum
 * started by the inserts meanwhile scans a table that is still growing, and holds a lock that the
 * rebuild's own ANALYZE and CREATE INDEX wait on until the server cancels the vacuum (after
 * deadlock_timeout). Seen in the bench: autovacuum on the outcome generation for 8 of the 18 s its
 * rebuild of 1,000,000 events took. Run in the transaction that created the generation's tables;
 * `resumeAutovacuum` gives it back before the swap.
 */
export async function pauseAutovacuum(client: PoolClient, schema: string): Promise<void> {
  for (const table of await generationTables(client, schema)) {
    await client.query(`ALTER TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(table)} SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)`);
  }
}

/** Gives a filled generation's tables back to autovacuum (the server's own settings), before the swap. */
export async function resumeAutovacuum(pool: Pool, schema: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    for (const table of await generationTables(client, schema)) {
      await client.query(`ALTER TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(table)} RESET (autovacuum_enabled, toast.autovacuum_enabled)`);
    }
  });
}

async function generationTables(client: PoolClient, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [schema]);
  return rows.map((row) => row.tablename);
}
