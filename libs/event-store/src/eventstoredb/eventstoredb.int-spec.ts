/**
 * The shared event store contract against a real EventStoreDB, when one is configured. No server
 * exists on developer or CI machines by default (none in npm or Debian, no Docker engine), so without
 * EVENTSTORE_CONNECTION_STRING the suite is skipped, loudly and once.
 */
import { randomBytes } from 'node:crypto';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { createEventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim();

if (connectionString) {
  describeEventStoreContract('EventStoreDB', async () => {
    // Unique per run, so runs against a shared server never see each other's streams.
    const streamPrefix = `samvirke-test-${randomBytes(6).toString('hex')}`;
    const store = createEventStoreDbEventStore(connectionString, { streamPrefixes: [streamPrefix] });
    return { store, streamPrefix, dispose: () => store.close() };
  });
} else {
  process.stdout.write('EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server on this machine)\n');
  describe('event store contract: EventStoreDB', () => {
    it.skip('needs EVENTSTORE_CONNECTION_STRING (esdb://...) pointing at an EventStoreDB server', () => undefined);
  });
}
