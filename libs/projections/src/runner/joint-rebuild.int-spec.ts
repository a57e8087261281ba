import type { PostgresEventStore } from '@samvirke/event-store/postgres';
import type { EventStore, ReadAllOptions } from '@samvirke/event-store';
import type { Pool } from 'pg';
import { readProjectionState } from './catalogue';
import { postgresEventCounter } from './event-count';
import { InsertBatchingTransaction } from './insert-batching-transaction';
import { generationSchema, type Projection } from './projection';
import { RebuildCancelledError, RebuildFailedError, type RebuildProgress } from './rebuild';
import { createTallyProjection } from './testing/tally-projection';
import { appendEvents, newEvent, readModelRows, uniqueNames, useRunnerFixture, waitUntil } from './testing/runner-fixture';

const ROW_COLUMNS = ['event_id', 'stream_id', 'n'] as const;

/** One row per event through InsertBatchingTransaction, as the timeline writes its rows; a `poisonType` event cannot be applied. */
function createRowsProjection(
  names: { name: string; streamPrefix: string; tablePrefix: string },
  options: { version?: number; poisonType?: string } = {},
): Projection {
  const table = `${names.tablePrefix}_row`;
  return {
    name: names.name,
    version: options.version ?? 1,
    streamPrefixes: [names.streamPrefix],
    tables: [table],
    schemaSql: `CREATE TABLE ${table} (event_id uuid PRIMARY KEY, stream_id text NOT NULL, n double precision NOT NULL);`,
    async apply(events, db) {
      const batch = new InsertBatchingTransaction(db);
      for (const event of events) {
        if (event.type === options.poisonType) throw new Error('this version cannot apply a Poison event');
        batch.insertLater(table, ROW_COLUMNS, [event.id, event.streamId, (event.data as { n: number }).n]);
      }
      batch.flush();
    },
  };
}

/** The real store, counting what the rebuild reads with all the projections' prefixes at once. */
function countingReads(store: EventStore, prefixes: number): { eventStore: EventStore; jointEvents: () => number } {
  let events = 0;
  const eventStore = Object.create(store) as EventStore;
  eventStore.readAll = async (options?: ReadAllOptions) => {
    const page = await store.readAll(options);
    if (options?.streamPrefixes?.length === prefixes) events += page.events.length;
    return page;
  };
  return { eventStore, jointEvents: () => events };
}

describe('joint rebuild (one read of the log for several projections)', () => {
  const fixture = useRunnerFixture();
  let store: PostgresEventStore;
  let pool: Pool;
  beforeAll(() => {
    ({ store, pool } = fixture);
  });

  const tablesOf = (projections: Projection[]) => projections.flatMap((p) => p.tables);
  const snapshot = (projections: Projection[]) => Promise.all(tablesOf(projections).map((table) => readModelRows(pool, table)));
  const schemaExists = async (schema: string) => (await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1;

  it('reads the log once for all of them and gives each the rows of its own rebuild', async () => {
    const a = createTallyProjection(uniqueNames('joint-a'));
    const b = createTallyProjection(uniqueNames('joint-b'));
    const rowsNames = uniqueNames('joint-rows');
    const c = createRowsProjection(rowsNames);
    const projections = [a, b, c];
    const { eventStore, jointEvents } = countingReads(store, 3);
    const runner = fixture.runner({ projections, batchSize: 13 });
    await runner.start();
    await appendEvents(store, a.streamPrefixes[0], 120, 4);
    await appendEvents(store, uniqueNames('joint-other').streamPrefix, 40);
    await appendEvents(store, b.streamPrefixes[0], 80, 3);
    // The last append's position, not headPosition(): another session's open transaction can hold the head back.
    const { last } = await appendEvents(store, c.streamPrefixes[0], 150, 4);
    await expect(runner.waitForPosition([a.name, b.name, c.name], last, 10_000)).resolves.toBe(true);
    const live = await snapshot(projections);
    expect(live[4]).toHaveLength(150);

    const rebuilder = fixture.runner({ eventStore, projections });
    for (const projection of projections) await rebuilder.rebuild(projection.name, { batchSize: 50 });
    expect(await snapshot(projections)).toEqual(live);

    const outcomes = await rebuilder.rebuildAll([a.name, b.name, c.name], { batchSize: 50 });
    expect(outcomes.map((o) => [o.projection, o.error, o.result?.generation, o.result?.eventsApplied])).toEqual([
      [a.name, undefined, 3, 120],
      [b.name, undefined, 3, 80],
      [c.name, undefined, 3, 150],
    ]);
    expect(await snapshot(projections)).toEqual(live);
    expect(jointEvents()).toBe(350);
    expect(await schemaExists(generationSchema(c.name, 2))).toBe(false);
  });

  it('lets the others swap in when one projection fails; the failed one keeps serving its old generation', async () => {
    const good = createTallyProjection(uniqueNames('joint-good'));
    const badNames = uniqueNames('joint-bad');
    const runner = fixture.runner({ projections: [good, createRowsProjection(badNames)], batchSize: 50 });
    await runner.start();
    await appendEvents(store, good.streamPrefixes[0], 90, 3);
    await appendEvents(store, badNames.streamPrefix, 40, 4);
    await store.appendToStream(`${badNames.streamPrefix}0`, [newEvent('Poison')], 'any');
    const { last } = await appendEvents(store, badNames.streamPrefix, 40, 4);
    await expect(runner.waitForPosition([good.name, badNames.name], last, 10_000)).resolves.toBe(true);
    await runner.stop();
    const bad = createRowsProjection(badNames, { version: 2, poisonType: 'Poison' });
    const before = await snapshot([good, bad]);

    const rebuilder = fixture.runner({ projections: [good, bad] });
    const [goodOutcome, badOutcome] = await rebuilder.rebuildAll([good.name, bad.name], { batchSize: 30 });
    expect(goodOutcome.result?.generation).toBe(2);
    expect(badOutcome.error).toBeInstanceOf(RebuildFailedError);
    expect(await snapshot([good, bad])).toEqual(before);
    const badState = await readProjectionState(pool, bad.name);
    expect([badState?.activeGeneration, badState?.version, badState?.buildingGeneration]).toEqual([1, 1, undefined]);
    expect(await schemaExists(generationSchema(bad.name, 2))).toBe(false);
    expect((await readProjectionState(pool, good.name))?.activeGeneration).toBe(2);
  });

  it('resumes every projection from its own checkpoint after an abort', async () => {
    const names = [uniqueNames('joint-resume-a'), uniqueNames('joint-resume-b')];
    const projections = [createTallyProjection({ ...names[0], delayMs: 15 }), createRowsProjection(names[1])];
    const live = fixture.runner({ projections, batchSize: 50 });
    await live.start();
    await appendEvents(store, projections[0].streamPrefixes[0], 100, 4);
    const { last } = await appendEvents(store, projections[1].streamPrefixes[0], 100, 4);
    await expect(live.waitForPosition([names[0].name, names[1].name], last, 10_000)).resolves.toBe(true);
    await live.stop();
    const before = await snapshot(projections);

    const runner = fixture.runner({ projections, countEvents: postgresEventCounter(store.pool) });
    const abort = new AbortController();
    const first = runner.rebuildAll([names[0].name, names[1].name], { batchSize: 10, signal: abort.signal });
    const building = async () => (await Promise.all(names.map((n) => readProjectionState(pool, n.name)))).every((s) => s?.buildingCheckpoint !== undefined);
    await waitUntil(building, 10_000, 'both rebuilds to commit a batch');
    abort.abort();
    const stopped = await first;
    expect(stopped.map((o) => o.error)).toEqual([expect.any(RebuildCancelledError), expect.any(RebuildCancelledError)]);
    const states = await Promise.all(names.map((n) => readProjectionState(pool, n.name)));
    expect(states.map((s) => s?.buildingGeneration)).toEqual([2, 2]);

    const progress: RebuildProgress[] = [];
    const resumed = await runner.rebuildAll([names[0].name, names[1].name], { batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(resumed.map((o) => o.result?.generation)).toEqual([2, 2]);
    expect(resumed.map((o) => o.result?.eventsApplied)).toEqual([100, 100]);
    for (const { name } of names) {
      const firstReport = progress.find((p) => p.projection === name);
      expect(firstReport?.checkpoint).toBe(states[names.findIndex((n) => n.name === name)]?.buildingCheckpoint);
    }
    expect(await snapshot(projections)).toEqual(before);
  });
});
