import { Pool } from 'pg';
import type { EventStore } from '@samvirke/event-store';
import { PostgresEventStore } from '@samvirke/event-store/postgres';
import { createEventStoreDbEventStore } from '@samvirke/event-store/eventstoredb';
import { CASE_STREAM_PREFIX } from '@samvirke/case/application/case-identity';
import { migrateDatabase } from '@samvirke/migrations';
import { loadConfig, openDatabase, type AppConfig, surviveConnectionLoss } from '@samvirke/platform';

/** What database-backed commands share: the same settings and stores as the API, opened once. */
export interface CliRuntime {
  config: AppConfig;
  pool: Pool;
  eventStore: EventStore;
  /** The PostgreSQL event store when that is the adapter in use (for counts and verification). */
  postgresEventStore: PostgresEventStore | undefined;
  close(): Promise<void>;
}

export async function openCliRuntime(): Promise<CliRuntime> {
  const config = loadConfig();
  // A command beside `npm start` uses the API's running embedded database and leaves it running.
  const database = await openDatabase(config, undefined, { role: 'command' });
  const pool = new Pool({ connectionString: database.connectionString, max: 4, statement_timeout: 0, pipeline: true });
  surviveConnectionLoss(pool);
  // Every command works on the newest schema: the same migrations the API runs at start (libs/migrations).
  try {
    await migrateDatabase(database.connectionString, { applicationName: 'samvirke-cli' });
  } catch (error) {
    await pool.end();
    await database.close();
    throw error;
  }
  let eventStore: EventStore;
  let postgresEventStore: PostgresEventStore | undefined;
  if (config.eventStoreConnectionString) {
    eventStore = createEventStoreDbEventStore(config.eventStoreConnectionString, { streamPrefixes: [CASE_STREAM_PREFIX] });
  } else {
    postgresEventStore = new PostgresEventStore({
      connectionString: database.connectionString,
      maxConnections: 4,
      statementTimeoutMs: 600_000,
      application: 'samvirke-cli',
    });
    eventStore = postgresEventStore;
  }
  return {
    config,
    pool,
    eventStore,
    postgresEventStore,
    async close() {
      await eventStore.close();
      await pool.end();
      await database.close();
    },
  };
}
