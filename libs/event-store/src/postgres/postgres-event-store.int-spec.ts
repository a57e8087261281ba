import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { testDatabaseUrl } from '../../../../test/support/test-database';

describeEventStoreContract('PostgreSQL', async () => {
  const store = new PostgresEventStore({ connectionString: testDatabaseUrl(), maxConnections: 12 });
  await store.migrate();
  return { store, streamPrefix: `contract${randomUUID().slice(0, 8)}`, dispose: () => store.close() };
});
