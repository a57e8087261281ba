/**
 * The event store contract, written once and run against every adapter (see *.int-spec.ts beside
 * each adapter). An adapter passes when it behaves exactly like this, whatever it stores in.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../port';
import { comparePositions, type GlobalPosition } from '../position';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';

export interface ContractFixture {
  store: EventStore;
  /** A prefix no other test run uses, so suites can run side by side on one server. */
  streamPrefix: string;
  dispose(): Promise<void>;
}

function newEvent(type: string, data: unknown = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'contract-test', agency: 'BIF', correlationId: randomUUID() },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeEventStoreContract(adapterName: string, createFixture: () => Promise<ContractFixture>): void {
  describe(`event store contract: ${adapterName}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    const stream = (name: string) => `${fixture.streamPrefix}-${name}-${randomUUID()}`;

    beforeAll(async () => {
      fixture = await createFixture();
      store = fixture.store;
    });
    afterAll(async () => {
      await fixture?.dispose();
    });

    describe('appending', () => {
      it('creates a stream with no-stream and numbers its events from revision 0', async () => {
        const id = stream('create');
        const result = await store.appendToStream(id, [newEvent('A'), newEvent('B')], 'no-stream');
        expect(result.nextRevision).toBe(1);
        expect(result.alreadyAppended).toBe(false);
        const events = await store.readStream(id);
        expect(events.map((e) => [e.type, e.streamRevision])).toEqual([
          ['A', 0],
          ['B', 1],
        ]);
        expect(events[1].globalPosition).toBe(result.position);
      });

      it('refuses no-stream on a stream that has events, with the current revision', async () => {
        const id = stream('exists');
        await store.appendToStream(id, [newEvent('A')], 'no-stream');
        const attempt = store.appendToStream(id, [newEvent('B')], 'no-stream');
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ actual: 0 });
      });

      it('refuses an exact revision that is not the current one and appends nothing', async () => {
        const id = stream('exact');
        await store.appendToStream(id, [newEvent('A'), newEvent('B')], 'no-stream');
        await expect(store.appendToStream(id, [newEvent('C')], 0)).rejects.toMatchObject({ actual: 1 });
        await expect(store.appendToStream(stream('missing'), [newEvent('C')], 3)).rejects.toMatchObject({ actual: undefined });
        expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B']);
        await store.appendToStream(id, [newEvent('C')], 1);
        expect(await store.streamRevision(id)).toBe(2);
      });

      it('appends with any whatever the revision', async () => {
        const id = stream('any');
        await store.appendToStream(id, [newEvent('A')], 'any');
        await store.appendToStream(id, [newEvent('B')], 'any');
        expect(await store.streamRevision(id)).toBe(1);
      });

      it('keeps revisions gapless when 50 appenders race on one stream, and every loser gets a typed conflict', async () => {
        const id = stream('race');
        await store.appendToStream(id, [newEvent('Seed')], 'no-stream');
        const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.appendToStream(id, [newEvent('Race', { i })], 0)));
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const loss of lost) expect(loss.reason).toBeInstanceOf(WrongExpectedRevisionError);

        // Then 50 appenders that each retry on conflict: all land, revisions stay 0..n without holes.
        await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            for (;;) {
              const current = (await store.streamRevision(id)) as number;
              try {
                await store.appendToStream(id, [newEvent('Retry', { i })], current);
                return;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) throw error;
              }
            }
          }),
        );
        const events = await store.readStream(id);
        expect(events).toHaveLength(52);
        expect(events.map((e) => e.streamRevision)).toEqual(Array.from({ length: 52 }, (_, i) => i));
      });

      it('treats a re-sent append with the same event ids as a no-op, not a duplicate', async () => {
        const id = stream('idempotent');
        const batch = [newEvent('A'), newEvent('B')];
        const first = await store.appendToStream(id, batch, 'no-stream');
        const again = await store.appendToStream(id, batch, 'no-stream');
        expect(again).toEqual({ ...first, alreadyAppended: true });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('treats a re-sent append with an exact revision or with any as a no-op', async () => {
        const id = stream('idempotent-exact');
        await store.appendToStream(id, [newEvent('A')], 'no-stream');
        const batch = [newEvent('B')];
        const first = await store.appendToStream(id, batch, 0);
        await expect(store.appendToStream(id, batch, 0)).resolves.toEqual({ ...first, alreadyAppended: true });
        await expect(store.appendToStream(id, batch, 'any')).resolves.toEqual({ ...first, alreadyAppended: true });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('refuses an event id already stored in another stream, even when the revision matches', async () => {
        const reused = newEvent('A');
        await store.appendToStream(stream('first-owner'), [reused], 'no-stream');
        const other = stream('second-owner');
        await expect(store.appendToStream(other, [reused], 'no-stream')).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(other)).toHaveLength(0);
      });

      it('refuses an append that repeats only some ids of an earlier one', async () => {
        const id = stream('partial');
        const a = newEvent('A');
        await store.appendToStream(id, [a], 'no-stream');
        await expect(store.appendToStream(id, [a, newEvent('B')], 'any')).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('stores type, schema version, data and metadata exactly as given', async () => {
        const id = stream('roundtrip');
        const event: NewEvent = {
          id: randomUUID(),
          type: 'InformationShared',
          schemaVersion: 3,
          data: { text: 'Æblegrød på Nørrebro 😀', nested: { list: [1, 2.5, null, true] } },
          metadata: {
            actor: 'user-1',
            agency: 'KBH-POLITI',
            correlationId: randomUUID(),
            causationId: randomUUID(),
            legalBasis: 'RPL115-1-1',
          },
        };
        const before = new Date(Date.now() - 1000);
        await store.appendToStream(id, [event], 'no-stream');
        const [stored] = await store.readStream(id);
        expect(stored).toMatchObject({ ...event, streamId: id, streamRevision: 0 });
        expect(stored.recordedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      });
    });

    describe('reading a stream', () => {
      let id: string;
      beforeAll(async () => {
        id = stream('read');
        for (let i = 0; i < 10; i++) await store.appendToStream(id, [newEvent(`E${i}`)], i === 0 ? 'no-stream' : i - 1);
      });

      it('reads forward from a revision up to a revision', async () => {
        const events = await store.readStream(id, { fromRevision: 3, toRevision: 6 });
        expect(events.map((e) => e.streamRevision)).toEqual([3, 4, 5, 6]);
      });

      it('reads backward from a revision', async () => {
        const events = await store.readStream(id, { direction: 'backward', fromRevision: 4, maxCount: 3 });
        expect(events.map((e) => e.streamRevision)).toEqual([4, 3, 2]);
        const last = await store.readStream(id, { direction: 'backward', maxCount: 1 });
        expect(last[0].streamRevision).toBe(9);
      });

      it('reads only the events of the types asked for, with their own revisions', async () => {
        const typed = stream('typed');
        await store.appendToStream(typed, [newEvent('Opened'), newEvent('Noted'), newEvent('Enrolled'), newEvent('Noted'), newEvent('Enrolled')], 'no-stream');
        const enrolled = await store.readStream(typed, { eventTypes: ['Enrolled'] });
        expect(enrolled.map((e) => [e.type, e.streamRevision])).toEqual([
          ['Enrolled', 2],
          ['Enrolled', 4],
        ]);
        expect((await store.readStream(typed, { eventTypes: ['Enrolled', 'Opened'], maxCount: 2 })).map((e) => e.streamRevision)).toEqual([0, 2]);
        expect((await store.readStream(typed, { eventTypes: ['Noted'], direction: 'backward', maxCount: 1 })).map((e) => e.streamRevision)).toEqual([3]);
        expect((await store.readStream(typed, { eventTypes: ['Enrolled'], fromRevision: 3 })).map((e) => e.streamRevision)).toEqual([4]);
        expect(await store.readStream(typed, { eventTypes: [] })).toEqual([]);
        expect(await store.readStream(typed, { eventTypes: ['Closed'] })).toEqual([]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(stream('nothing'))).toEqual([]);
        expect(await store.streamRevision(stream('nothing'))).toBeUndefined();
      });

      it('reads a stream as of a point in time', async () => {
        const asOfId = stream('asof');
        await store.appendToStream(asOfId, [newEvent('Before1'), newEvent('Before2')], 'no-stream');
        await sleep(30);
        const moment = new Date();
        await sleep(30);
        await store.appendToStream(asOfId, [newEvent('After')], 1);
        const asOf = await store.readStream(asOfId, { asOf: moment });
        expect(asOf.map((e) => e.type)).toEqual(['Before1', 'Before2']);
        const backward = await store.readStream(asOfId, { asOf: moment, direction: 'backward', maxCount: 1 });
        expect(backward.map((e) => e.type)).toEqual(['Before2']);
      });
    });

    describe('the global log', () => {
      it('orders events globally as they were committed, across streams', async () => {
        const start = await store.headPosition();
        const a = stream('ga');
        const b = stream('gb');
        await store.appendToStream(a, [newEvent('A1')], 'no-stream');
        await store.appendToStream(b, [newEvent('B1')], 'no-stream');
        await store.appendToStream(a, [newEvent('A2')], 0);
        const mine: RecordedEvent[] = [];
        let after = start;
        // Readers may see new events only once older transactions elsewhere on the server have ended
        // (the gap-free rule), so read until all three have arrived, within a bound.
        const deadline = Date.now() + 15_000;
        while (mine.length < 3 && Date.now() < deadline) {
          const page = await store.readAll({ after, maxCount: 500, streamPrefixes: [fixture.streamPrefix] });
          mine.push(...page.events.filter((e) => e.streamId === a || e.streamId === b));
          after = page.nextAfter;
          if (page.events.length === 0) await sleep(20);
        }
        expect(mine.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
        for (let i = 1; i < mine.length; i++) {
          expect(comparePositions(mine[i - 1].globalPosition, mine[i].globalPosition)).toBeLessThan(0);
        }
        expect(comparePositions(await store.headPosition(), mine[2].globalPosition)).toBeGreaterThanOrEqual(0);
      });

      it('filters the global log by stream prefix', async () => {
        const otherPrefix = `${fixture.streamPrefix}x`;
        const start = await store.headPosition();
        await store.appendToStream(`${otherPrefix}-only-${randomUUID()}`, [newEvent('Other')], 'no-stream');
        const page = await store.readAll({ after: start, maxCount: 1000, streamPrefixes: [`${fixture.streamPrefix}-`] });
        expect(page.events.some((e) => e.type === 'Other')).toBe(false);
      });

      it('filters the global log by event type, page by page, missing none of the types asked for', async () => {
        const prefix = `${fixture.streamPrefix}-typed${randomUUID().slice(0, 8)}`;
        const start = await store.headPosition();
        const types = ['Kept', 'Skipped', 'Skipped', 'Also', 'Skipped', 'Kept', 'Skipped', 'Skipped', 'Kept'];
        for (const [index, type] of types.entries()) await store.appendToStream(`${prefix}-${index % 3}`, [newEvent(type)], 'any');
        const read: RecordedEvent[] = [];
        let after = start;
        const deadline = Date.now() + 15_000;
        for (let pages = 0; read.length < 4 && Date.now() < deadline && pages < 50; pages++) {
          const page = await store.readAll({ after, maxCount: 2, streamPrefixes: [prefix], eventTypes: ['Kept', 'Also'] });
          expect(page.events.length).toBeLessThanOrEqual(2);
          read.push(...page.events);
          after = page.nextAfter;
          if (page.events.length === 0) await sleep(20);
        }
        expect(read.map((e) => e.type)).toEqual(['Kept', 'Also', 'Kept', 'Kept']);
        for (let i = 1; i < read.length; i++) expect(comparePositions(read[i - 1].globalPosition, read[i].globalPosition)).toBeLessThan(0);
        const rest = await store.readAll({ after, maxCount: 10, streamPrefixes: [prefix], eventTypes: ['Kept', 'Also'] });
        expect(rest.events).toEqual([]);
        expect((await store.readAll({ after: start, maxCount: 10, streamPrefixes: [prefix], eventTypes: ['Nothing'] })).events).toEqual([]);
      });

      it('delivers every one of 10,000 events from 8 concurrent writers to a live subscriber exactly once, in global order', async () => {
        const prefix = `${fixture.streamPrefix}-sub${randomUUID().slice(0, 8)}`;
        const start = await store.headPosition();
        const received: RecordedEvent[] = [];
        let lastCheckpoint: GlobalPosition | undefined;
        const subscription = store.subscribeToAll({
          after: start,
          batchSize: 500,
          streamPrefixes: [prefix],
          onBatch: async (events, checkpoint) => {
            received.push(...events);
            lastCheckpoint = checkpoint;
          },
        });
        const total = 10_000;
        const writers = 8;
        const streams = Array.from({ length: 200 }, (_, i) => `${prefix}-${i}`);
        const written = new Set<string>();
        let next = 0;
        await Promise.all(
          Array.from({ length: writers }, async () => {
            while (next < total) {
              const i = next++;
              const target = streams[Math.floor(Math.random() * streams.length)];
              const event = newEvent('Load', { i });
              await store.appendToStream(target, [event], 'any');
              written.add(event.id);
            }
          }),
        );
        const deadline = Date.now() + 60_000;
        while (received.length < total && Date.now() < deadline) await sleep(50);
        await sleep(200); // anything extra (a duplicate) would have arrived by now
        await subscription.stop();

        expect(received.length).toBe(total);
        expect(new Set(received.map((e) => e.id)).size).toBe(total);
        for (const event of received) expect(written.has(event.id)).toBe(true);
        for (let i = 1; i < received.length; i++) {
          if (comparePositions(received[i - 1].globalPosition, received[i].globalPosition) >= 0) {
            throw new Error(`out of order at ${i}`);
          }
        }
        // Per stream, revisions arrive gapless and in order.
        const lastRevision = new Map<string, number>();
        for (const event of received) {
          const previous = lastRevision.get(event.streamId) ?? -1;
          expect(event.streamRevision).toBe(previous + 1);
          lastRevision.set(event.streamId, event.streamRevision);
        }
        expect(comparePositions(lastCheckpoint, received[received.length - 1].globalPosition)).toBeGreaterThanOrEqual(0);
      }, 120_000);

      it('resumes a subscription from a checkpoint without repeating or skipping', async () => {
        const prefix = `${fixture.streamPrefix}-resume${randomUUID().slice(0, 8)}`;
        const start = await store.headPosition();
        for (let i = 0; i < 20; i++) await store.appendToStream(`${prefix}-s`, [newEvent('R', { i })], 'any');
        const first: RecordedEvent[] = [];
        let checkpoint: GlobalPosition | undefined;
        const one = store.subscribeToAll({
          after: start,
          batchSize: 7,
          streamPrefixes: [prefix],
          onError: () => undefined,
          onBatch: async (events, position) => {
            if (first.length >= 7) throw new Error('subscriber crashed'); // after one batch, as if killed
            first.push(...events);
            checkpoint = position;
          },
        });
        const until = Date.now() + 10_000;
        while (first.length < 7 && Date.now() < until) await sleep(20);
        await one.stop();
        const rest: RecordedEvent[] = [];
        const two = store.subscribeToAll({
          after: checkpoint,
          streamPrefixes: [prefix],
          onBatch: async (events) => {
            rest.push(...events);
          },
        });
        await two.caughtUp;
        await two.stop();
        expect([...first, ...rest].map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });
    });
  });
}
