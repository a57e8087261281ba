export {
  EventStoreDbEventStore,
  createEventStoreDbEventStore,
  eventStoreDbFromEnvironment,
  isEventStoreDbConnectionString,
  type EventStoreDbOptions,
} from './eventstoredb-event-store';
export { translateEventStoreDbError } from './error-translation';
export { ReconnectPolicy, type ReconnectPolicyOptions } from './reconnect-policy';
export { UnreadableEventError, SCHEMA_VERSION_KEY } from './event-mapping';
