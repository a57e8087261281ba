export { PostgresEventStore, type PostgresEventStoreOptions, isConnectionFailure } from './postgres-event-store';
export { EVENT_STORE_MIGRATIONS, HASHED_FIELDS_SQL, type Migration } from './schema';
export { ReadHorizonMonitor, type ReadHorizonHolder, type ReadHorizonMonitorOptions } from './read-horizon';
