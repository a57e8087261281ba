import { randomUUID } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';
import type { RecordedEvent } from '../port';
import { encodePosition, type GlobalPosition } from '../position';
import { EventStoreDbAllSubscription, type AllFeed, type AllSubscriptionDeps } from './all-subscription';
import { toClientPosition } from './position-codec';
import { ReconnectPolicy } from './reconnect-policy';

const CAUGHT_UP = Symbol('caught up');

/**
 * Stands in for the client's subscription stream, and like it emits `caughtUp` while transforming
 * the server's message, i.e. possibly before earlier events have left its readable buffer.
 */
class FakeFeed extends Transform implements AllFeed {
  unsubscribed = false;
  constructor(readonly after: GlobalPosition | undefined) {
    super({ objectMode: true, highWaterMark: 4 });
  }
  override _transform(message: AllStreamResolvedEvent | typeof CAUGHT_UP, _encoding: BufferEncoding, next: TransformCallback): void {
    if (message === CAUGHT_UP) {
      this.emit('caughtUp');
      return next();
    }
    next(null, message);
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

const position = (n: number) => encodePosition(BigInt(n), BigInt(n));

function resolved(n: number, streamId = 'sv-case-1'): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id: randomUUID(),
      revision: BigInt(n),
      type: 'Happened',
      created: new Date(1_700_000_000_000 + n),
      isJson: true,
      data: { n },
      metadata: { actor: 'test', correlationId: 'c', $schemaVersion: 1 },
      position: toClientPosition(position(n)),
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

function setup(overrides: Partial<AllSubscriptionDeps> = {}) {
  const feeds: FakeFeed[] = [];
  const deps: AllSubscriptionDeps = {
    open: (after) => {
      const feed = new FakeFeed(after);
      feeds.push(feed);
      return feed;
    },
    nothingAfter: async () => false,
    policy: new ReconnectPolicy({ initialDelayMs: 5, maxDelayMs: 20, jitter: 0 }),
    flushIntervalMs: 10,
    probeIntervalMs: 60_000,
    ...overrides,
  };
  return { deps, feeds };
}

describe('EventStoreDB $all subscription', () => {
  it('delivers events in order, in batches of at most batchSize, one onBatch at a time', async () => {
    const { deps, feeds } = setup();
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const subscription = new EventStoreDbAllSubscription(deps, {
      batchSize: 3,
      onBatch: async (events) => {
        overlapped ||= running > 0;
        running++;
        await sleep(5);
        batches.push(events.map((e) => (e.data as { n: number }).n));
        running--;
      },
    });
    for (let n = 1; n <= 10; n++) feeds[0].write(resolved(n));
    await until(() => batches.flat().length === 10);
    await subscription.stop();
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(subscription.position).toBe(position(10));
    expect(feeds[0].unsubscribed).toBe(true);
  });

  it('hands each batch the position of its last event as checkpoint', async () => {
    const { deps, feeds } = setup();
    const seen: Array<[RecordedEvent[], GlobalPosition]> = [];
    const subscription = new EventStoreDbAllSubscription(deps, { batchSize: 2, onBatch: async (e, c) => void seen.push([e, c]) });
    for (let n = 1; n <= 4; n++) feeds[0].write(resolved(n));
    await until(() => seen.flatMap(([e]) => e).length === 4);
    await subscription.stop();
    for (const [events, checkpoint] of seen) expect(checkpoint).toBe(events[events.length - 1].globalPosition);
  });

  it('flushes a partial batch after a short wait instead of holding it for more events', async () => {
    const { deps, feeds } = setup();
    const delivered: number[] = [];
    const subscription = new EventStoreDbAllSubscription(deps, {
      batchSize: 100,
      onBatch: async (events) => void delivered.push(...events.map((e) => e.streamRevision)),
    });
    feeds[0].write(resolved(1));
    await until(() => delivered.length === 1, 500);
    await subscription.stop();
  });

  it('resolves caughtUp only once every event before the server signal has been delivered', async () => {
    const { deps, feeds } = setup();
    const delivered: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = new EventStoreDbAllSubscription(deps, {
      batchSize: 2,
      onBatch: async (events) => {
        await gate;
        delivered.push(...events.map((e) => e.streamRevision));
      },
    });
    let caughtUp = false;
    void subscription.caughtUp.then(() => (caughtUp = true));
    for (let n = 1; n <= 7; n++) feeds[0].write(resolved(n));
    feeds[0].write(CAUGHT_UP);
    await sleep(30);
    expect(caughtUp).toBe(false);
    release();
    await subscription.caughtUp;
    expect(delivered).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await subscription.stop();
  });

  it('falls back to probing the log when the server sends no caught-up signal', async () => {
    const probes: Array<GlobalPosition | undefined> = [];
    const { deps, feeds } = setup({
      probeIntervalMs: 20,
      nothingAfter: async (after) => {
        probes.push(after);
        return after === position(2);
      },
    });
    const subscription = new EventStoreDbAllSubscription(deps, { batchSize: 10, onBatch: async () => undefined });
    feeds[0].write(resolved(1));
    feeds[0].write(resolved(2));
    await subscription.caughtUp;
    expect(probes[probes.length - 1]).toBe(position(2));
    await subscription.stop();
  });

  it('reopens the feed after the last delivered event when the connection drops, and skips repeats', async () => {
    const { deps, feeds } = setup();
    const delivered: number[] = [];
    const subscription = new EventStoreDbAllSubscription(deps, {
      batchSize: 2,
      onBatch: async (events) => void delivered.push(...events.map((e) => e.streamRevision)),
    });
    feeds[0].write(resolved(1));
    feeds[0].write(resolved(2));
    await until(() => delivered.length === 2);
    feeds[0].emit('error', Object.assign(new Error('connection reset'), { code: 14 }));
    await until(() => feeds.length === 2);
    expect(feeds[1].after).toBe(position(2));
    feeds[1].write(resolved(2)); // a server that restarts inclusively must not cause a duplicate
    feeds[1].write(resolved(3));
    feeds[1].write(resolved(4));
    await until(() => delivered.length === 4);
    await subscription.stop();
    expect(delivered).toEqual([1, 2, 3, 4]);
  });

  it('stops and reports through onError when onBatch throws, without retrying', async () => {
    const { deps, feeds } = setup();
    const errors: unknown[] = [];
    let calls = 0;
    const failure = new Error('projection broke');
    const subscription = new EventStoreDbAllSubscription(deps, {
      batchSize: 1,
      onError: (error) => errors.push(error),
      onBatch: async () => {
        calls++;
        throw failure;
      },
    });
    feeds[0].write(resolved(1));
    await until(() => errors.length === 1);
    await sleep(30);
    expect(errors).toEqual([failure]);
    expect(calls).toBe(1);
    expect(feeds).toHaveLength(1);
    await expect(subscription.caughtUp).rejects.toBe(failure);
    await subscription.stop();
  });

  it('gives up with EventStoreUnavailableError when the reconnect policy is exhausted', async () => {
    const { deps } = setup({
      policy: new ReconnectPolicy({ initialDelayMs: 1, jitter: 0, maxAttempts: 2 }),
      open: () => {
        const feed = new FakeFeed(undefined);
        setImmediate(() => feed.emit('error', Object.assign(new Error('refused'), { code: 14 })));
        return feed;
      },
    });
    const errors: unknown[] = [];
    const subscription = new EventStoreDbAllSubscription(deps, { onBatch: async () => undefined, onError: (e) => errors.push(e) });
    await until(() => errors.length === 1);
    expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
    await subscription.stop();
  });
});
