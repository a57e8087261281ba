import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { migrateDatabase } from '@samvirke/migrations';

describeEventStoreContract('PostgreSQL', async () => {
  const store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 12 });
  await migrateDatabase(testDatabaseUrl());
  return { store, streamPrefix: `contract${randomUUID().slice(0, 8)}`, dispose: () => store.close() };
});

describe('es_append (PostgreSQL)', () => {
  it('refuses to run in a transaction that already holds a transaction id (per-stream order in the log)', async () => {
    const store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 2 });
    await migrateDatabase(testDatabaseUrl());
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const args = [`guard-${randomUUID()}`, -1, [randomUUID()], ['Tested'], [1], ['{}'], ['{}']];
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()'); // what any earlier write in the transaction does
      await expect(client.query('SELECT * FROM es_append($1, $2, $3, $4, $5, $6, $7)', args)).rejects.toThrow(
        'es_append must be the first write of its transaction',
      );
      await client.query('ROLLBACK');
      // As the first write of its own transaction it appends.
      const { rows } = await client.query('SELECT status FROM es_append($1, $2, $3, $4, $5, $6, $7)', args);
      expect(rows).toEqual([{ status: 'appended' }]);
    } finally {
      await client.end();
      await store.close();
    }
  });
});
