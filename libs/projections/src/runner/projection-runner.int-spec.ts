import { encodePosition, type RecordedEvent } from '@samvirke/event-store';
import { readProjectionState } from './catalogue';
import type { Projection } from './projection';
import { createTallyProjection } from './testing/tally-projection';
import { appendEvents, readModelRows, uniqueNames, useRunnerFixture, waitUntil } from './testing/runner-fixture';

describe('ProjectionRunner (live)', () => {
  const fixture = useRunnerFixture();

  const runnerFor = (projections: Projection[]) => fixture.runner({ projections, batchSize: 25, retryDelayMs: 100 });

  it('applies appended events, advances the checkpoint and answers read-your-writes waits', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('live');
    const projection = createTallyProjection(names);
    const runner = runnerFor([projection]);
    await runner.start();
    const { last, ids } = await appendEvents(store, names.streamPrefix, 120, 6);

    await expect(runner.waitForPosition([names.name], last, 10_000)).resolves.toBe(true);
    const seen = (await readModelRows(pool, `${names.tablePrefix}_seen_event`)) as Array<{ event_id: string }>;
    expect(seen.map((row) => row.event_id).sort()).toEqual([...ids].sort());
    const tally = (await readModelRows(pool, `${names.tablePrefix}_stream_tally`)) as Array<{ events: number }>;
    expect(tally.reduce((sum, row) => sum + row.events, 0)).toBe(120);
    expect((await readProjectionState(pool, names.name))?.checkpoint).toBe(last);
    const health = await runner.health();
    expect(health.up).toBe(true);
    expect(health.projections[names.name]).toMatchObject({ status: 'running', checkpoint: last });

    const farAhead = encodePosition(2n ** 60n, 0n);
    const started = Date.now();
    await expect(runner.waitForPosition([names.name], farAhead, 150)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts a projection as caught up with a write to a stream it does not follow', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('unfollowed');
    const runner = runnerFor([createTallyProjection(names)]);
    await runner.start();
    await appendEvents(store, names.streamPrefix, 3);
    const elsewhere = await appendEvents(store, `other${names.streamPrefix}`, 2);
    await expect(runner.waitForPosition([names.name], elsewhere.last, 5_000)).resolves.toBe(true);
    expect((await readModelRows(pool, `${names.tablePrefix}_seen_event`)).length).toBe(3);
  });

  it('stops only the projection that cannot apply an event, exactly there, and resumes once fixed', async () => {
    const { store, pool } = fixture;
    const bad = uniqueNames('bad');
    const good = uniqueNames('good');
    const shared = { ...bad, streamPrefix: good.streamPrefix };
    const healthy = createTallyProjection(good);
    const fragile = createTallyProjection(shared);
    const original = fragile.apply.bind(fragile);
    let poison: string | undefined;
    fragile.apply = async (events: RecordedEvent[], db) => {
      if (events.some((event) => event.id === poison)) throw new Error('cannot apply this event');
      await original(events, db);
    };
    const { ids, last } = await appendEvents(store, good.streamPrefix, 60, 4);
    let recorded: RecordedEvent[] = [];
    await waitUntil(
      async () => {
        recorded = (await store.readAll({ streamPrefixes: [good.streamPrefix], maxCount: 100 })).events;
        return recorded.length === 60;
      },
      10_000,
      'the appended events to be readable',
    );
    expect(recorded.map((event) => event.id).sort()).toEqual([...ids].sort());
    // In the second batch of 25, so the batch is replayed event by event and 25..36 commit.
    const index = 37;
    poison = recorded[index].id;
    const runner = runnerFor([fragile, healthy]);
    await runner.start();

    await expect(runner.waitForPosition([good.name], last, 10_000)).resolves.toBe(true);
    await waitUntil(async () => (await readProjectionState(pool, shared.name))?.status === 'failed', 10_000, 'the failure mark');
    const state = await readProjectionState(pool, shared.name);
    expect(state).toMatchObject({ failedEventId: poison, failedPosition: recorded[index].globalPosition, checkpoint: recorded[index - 1].globalPosition });
    expect(state?.error).toContain('cannot apply this event');
    const seen = (await readModelRows(pool, `${shared.tablePrefix}_seen_event`)) as Array<{ event_id: string }>;
    expect(seen.map((row) => row.event_id).sort()).toEqual(
      recorded
        .slice(0, index)
        .map((event) => event.id)
        .sort(),
    );
    expect((await readModelRows(pool, `${good.tablePrefix}_seen_event`)).length).toBe(60);
    const health = await runner.health();
    expect(health.up).toBe(false);
    expect(health.projections[shared.name]).toMatchObject({ status: 'failed', failedEventId: poison });
    expect(health.projections[good.name].status).toBe('running');
    await expect(runner.waitForPosition([shared.name], last, 200)).resolves.toBe(false);

    fragile.apply = original;
    await runner.resume(shared.name);
    await expect(runner.waitForPosition([shared.name], last, 10_000)).resolves.toBe(true);
    expect((await readModelRows(pool, `${shared.tablePrefix}_seen_event`)).length).toBe(60);
    expect((await runner.health()).up).toBe(true);
  });

  it("stops at the event whose unawaited write fails, commits the events before it and names the write's error", async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('badwrite');
    const projection = createTallyProjection(names);
    const original = projection.apply.bind(projection);
    let poison: string | undefined;
    projection.apply = async (events: RecordedEvent[], db) => {
      for (const event of events) {
        // Sent without waiting; the statements after it then run in an aborted transaction.
        if (event.id === poison)
          db.write(`INSERT INTO ${names.tablePrefix}_seen_event (event_id, stream_id, stream_revision, position) VALUES ('not-a-uuid', 'x', 0, 'x')`);
        await original([event], db);
      }
    };
    const { last } = await appendEvents(store, names.streamPrefix, 40, 2);
    let recorded: RecordedEvent[] = [];
    await waitUntil(
      async () => {
        recorded = (await store.readAll({ streamPrefixes: [names.streamPrefix], maxCount: 100 })).events;
        return recorded.length === 40;
      },
      10_000,
      'the appended events to be readable',
    );
    const index = 30;
    poison = recorded[index].id;
    const runner = runnerFor([projection]);
    await runner.start();

    await waitUntil(async () => (await readProjectionState(pool, names.name))?.status === 'failed', 10_000, 'the failure mark');
    const state = await readProjectionState(pool, names.name);
    expect(state).toMatchObject({ failedEventId: poison, checkpoint: recorded[index - 1].globalPosition });
    expect(state?.error).toContain('invalid input syntax for type uuid');
    const seen = (await readModelRows(pool, `${names.tablePrefix}_seen_event`)) as Array<{ event_id: string }>;
    expect(seen.map((row) => row.event_id).sort()).toEqual(
      recorded
        .slice(0, index)
        .map((event) => event.id)
        .sort(),
    );
    await expect(runner.waitForPosition([names.name], last, 200)).resolves.toBe(false);
  });
});
