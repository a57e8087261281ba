/**
 * Runs without a server: a closed local port stands for an EventStoreDB that is down. Every entry
 * point must fail fast with the port's EventStoreUnavailableError, not hang and not leak a client class.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError } from '../errors';
import { createEventStoreDbEventStore, eventStoreDbFromEnvironment, type EventStoreDbEventStore } from './eventstoredb-event-store';

const CLOSED_PORT = 'esdb://127.0.0.1:1?tls=false&defaultDeadline=2000';

describe('EventStoreDB adapter when the server cannot be reached', () => {
  let store: EventStoreDbEventStore;
  beforeAll(() => {
    store = createEventStoreDbEventStore(CLOSED_PORT, { readTimeoutMs: 2_000 });
  });
  afterAll(async () => {
    await store.close();
  });

  const event = () => ({ id: randomUUID(), type: 'Probed', schemaVersion: 1, data: {}, metadata: { actor: 'test', correlationId: randomUUID() } });

  it('rejects an append with EventStoreUnavailableError within the deadline', async () => {
    const started = Date.now();
    await expect(store.appendToStream(`sv-${randomUUID()}`, [event()], 'no-stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.appendToStream(`sv-${randomUUID()}`, [event()], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('rejects reads of a stream and of the global log with EventStoreUnavailableError within the deadline', async () => {
    const started = Date.now();
    await expect(store.readStream(`sv-${randomUUID()}`)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.streamRevision(`sv-${randomUUID()}`)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll({ maxCount: 10 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports itself down in health, naming the error code and nothing else', async () => {
    await expect(store.health()).resolves.toEqual({ up: false, adapter: 'eventstoredb', detail: 'EVENT_STORE_UNAVAILABLE' });
  });

  it('keeps retrying a subscription with back-off, then reports EventStoreUnavailableError when the policy gives up', async () => {
    const giveUp = createEventStoreDbEventStore(CLOSED_PORT, { reconnect: { initialDelayMs: 10, maxDelayMs: 50, maxAttempts: 3 } });
    try {
      const errors: unknown[] = [];
      const subscription = giveUp.subscribeToAll({ onBatch: async () => undefined, onError: (error) => errors.push(error) });
      await expect(subscription.caughtUp).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
      await subscription.stop();
    } finally {
      await giveUp.close();
    }
  });
});

describe('choosing the EventStoreDB adapter from the environment', () => {
  it('is not chosen when EVENTSTORE_CONNECTION_STRING is unset or blank', () => {
    expect(eventStoreDbFromEnvironment({})).toBeUndefined();
    expect(eventStoreDbFromEnvironment({ EVENTSTORE_CONNECTION_STRING: '  ' })).toBeUndefined();
  });

  it('accepts esdb:// and esdb+discover:// and refuses anything else', async () => {
    const single = eventStoreDbFromEnvironment({ EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' });
    const cluster = eventStoreDbFromEnvironment({ EVENTSTORE_CONNECTION_STRING: 'esdb+discover://127.0.0.1:1?tls=false' });
    expect(single?.adapterName).toBe('eventstoredb');
    expect(cluster?.adapterName).toBe('eventstoredb');
    await single?.close();
    await cluster?.close();
    expect(() => eventStoreDbFromEnvironment({ EVENTSTORE_CONNECTION_STRING: 'postgres://x' })).toThrow(/esdb:\/\//);
  });
});
