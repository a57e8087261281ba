export { PostgresEventStore, type PostgresEventStoreOptions, isConnectionFailure } from './postgres-event-store';
export { applyMigrations } from './migrations';
export { EVENT_STORE_MIGRATIONS, type Migration } from './schema';
