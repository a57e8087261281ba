import { comparePositions, parseGlobalPosition, type GlobalPosition } from '@samvirke/event-store';
import { readProjectionState } from './catalogue';
import { generationSchema, READ_MODEL_SCHEMA, type Projection } from './projection';
import { RebuildAlreadyRunningError, type RebuildProgress } from './rebuild';
import { postgresEventCounter } from './event-count';
import { createTallyProjection } from './testing/tally-projection';
import { appendEvents, newEvent, readModelRows, uniqueNames, useRunnerFixture, waitUntil, type FixtureRunnerOptions } from './testing/runner-fixture';

describe('projection rebuild', () => {
  const fixture = useRunnerFixture();

  /** A started runner of `projection` that has caught up with `events` new events over `streams` streams of its prefix. */
  async function caughtUp(projection: Projection, options: Omit<FixtureRunnerOptions, 'projections'>, streamPrefix: string, events: number, streams: number) {
    const live = fixture.runner({ ...options, projections: [projection] });
    await live.start();
    const { last } = await appendEvents(fixture.store, streamPrefix, events, streams);
    await expect(live.waitForPosition([projection.name], last, 10_000)).resolves.toBe(true);
    return live;
  }

  const schemaExists = async (schema: string) => (await fixture.pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1;

  it('delivers a projection only the event types it names, live and in a rebuild, its checkpoint passing over the rest', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('typed');
    const projection: Projection = { ...createTallyProjection(names), eventTypes: ['Kept', 'AlsoKept'] };
    const live = fixture.runner({ projections: [projection], batchSize: 7, countEvents: postgresEventCounter(store.pool) });
    await live.start();
    const kept: string[] = [];
    let last: GlobalPosition | undefined;
    for (let i = 0; i < 60; i++) {
      const type = i % 5 === 0 ? 'Kept' : i % 7 === 0 ? 'AlsoKept' : 'Other';
      const event = newEvent(type);
      if (type !== 'Other') kept.push(event.id);
      last = (await store.appendToStream(`${names.streamPrefix}${i % 4}`, [event], 'any')).position;
    }
    // The log ends with events of a type the projection does not read: it is still caught up with them.
    await expect(live.waitForPosition([names.name], last!, 10_000)).resolves.toBe(true);
    const seenIds = async () =>
      ((await readModelRows(pool, `${names.tablePrefix}_seen_event`)) as Array<{ event_id: string }>).map((row) => row.event_id).sort();
    expect(await seenIds()).toEqual([...kept].sort());
    const liveRows = await readModelRows(pool, `${names.tablePrefix}_stream_tally`);

    const progress: RebuildProgress[] = [];
    const rebuilt = await live.rebuild(names.name, { batchSize: 4, onProgress: (p) => progress.push(p) });
    expect(rebuilt.eventsApplied).toBe(kept.length);
    expect(progress[0]).toMatchObject({ done: 0, total: kept.length });
    expect(progress[progress.length - 1].done).toBe(kept.length);
    expect(await seenIds()).toEqual([...kept].sort());
    expect(await readModelRows(pool, `${names.tablePrefix}_stream_tally`)).toEqual(liveRows);
    const after = await store.appendToStream(`${names.streamPrefix}0`, [newEvent('Other')], 'any');
    await expect(live.waitForPosition([names.name], after.position, 10_000)).resolves.toBe(true);
    await expect(live.health()).resolves.toMatchObject({ projections: { [names.name]: { status: 'running' } } });
  });

  it('builds from position 0 a copy equal to the live one, while the live one keeps going', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('equal');
    const live = await caughtUp(createTallyProjection(names), { batchSize: 7, countEvents: postgresEventCounter(store.pool) }, names.streamPrefix, 250, 9);
    const tables = [`${names.tablePrefix}_seen_event`, `${names.tablePrefix}_stream_tally`];
    const rows = () => Promise.all(tables.map((table) => readModelRows(pool, table)));
    const liveRows = await rows();
    expect(liveRows[0].length).toBe(250);

    const progress: RebuildProgress[] = [];
    const quiet = await live.rebuild(names.name, { batchSize: 40, onProgress: (p) => progress.push(p) });
    expect(quiet.generation).toBe(2);
    expect(await rows()).toEqual(liveRows);
    expect(progress[0]).toMatchObject({ done: 0, total: 250 });
    expect(progress[progress.length - 1].done).toBe(250);
    expect(await schemaExists(generationSchema(names.name, 1))).toBe(false);

    // Events arriving during a rebuild: the swap must leave nothing out and apply nothing twice.
    const during = appendEvents(store, names.streamPrefix, 100, 9);
    await live.rebuild(names.name, { batchSize: 40 });
    const { last } = await during;
    await expect(live.waitForPosition([names.name], last, 10_000)).resolves.toBe(true);
    const mixed = await rows();
    expect(mixed[0].length).toBe(350);
    await live.rebuild(names.name, { batchSize: 1000 });
    expect(await rows()).toEqual(mixed);
    expect((await readProjectionState(pool, names.name))?.activeGeneration).toBe(4);
  });

  it('serves the old generation during a version rebuild, swaps to the new one and drops the old', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('bluegreen');
    const first = await caughtUp(createTallyProjection(names), { batchSize: 50 }, names.streamPrefix, 300, 6);
    await first.stop();

    // Version 2 writes visibly different rows (revisions + 1000), slowly, in small batches.
    const v2 = createTallyProjection({ ...names, version: 2, revisionOffset: 1000, delayMs: 15 });
    const second = fixture.runner({ projections: [v2], rebuildBatchSize: 10 });
    await second.start();
    const tally = `${names.tablePrefix}_stream_tally`;
    const seen = `${names.tablePrefix}_seen_event`;
    const oldSchema = generationSchema(names.name, 1);
    const newSchema = generationSchema(names.name, 2);

    let observedDuringRebuild = 0;
    await waitUntil(
      async () => {
        const state = await readProjectionState(pool, names.name);
        if (state?.activeGeneration === 2) return true;
        const building = (await pool.query(`SELECT count(*)::int AS n FROM ${newSchema}.${seen}`).catch(() => ({ rows: [{ n: -1 }] }))).rows[0].n;
        const served = (await readModelRows(pool, tally)) as Array<{ last_revision: number }>;
        const servedSeen = await readModelRows(pool, seen);
        if (building >= 0 && building < 300 && (await readProjectionState(pool, names.name))?.activeGeneration === 1) {
          expect(served.every((row) => row.last_revision < 1000)).toBe(true);
          expect(servedSeen.length).toBe(300);
          observedDuringRebuild++;
        }
        return false;
      },
      20_000,
      'the swap',
    );
    expect(observedDuringRebuild).toBeGreaterThan(0);
    expect((await readProjectionState(pool, names.name))?.status).toBe('running');

    const more = await appendEvents(store, names.streamPrefix, 20, 6);
    await expect(second.waitForPosition([names.name], more.last, 10_000)).resolves.toBe(true);
    const served = (await readModelRows(pool, tally)) as Array<{ last_revision: number; events: number }>;
    expect(served.every((row) => row.last_revision >= 1000)).toBe(true);
    expect(served.reduce((sum, row) => sum + row.events, 0)).toBe(320);
    expect(await schemaExists(oldSchema)).toBe(false);
    expect((await readProjectionState(pool, names.name))?.version).toBe(2);
  });

  it('gives the planner statistics for the new generation while it is built and once it is swapped in', async () => {
    const { pool } = fixture;
    const names = uniqueNames('analyzed');
    const live = await caughtUp(createTallyProjection({ ...names, delayMs: 10 }), { batchSize: 50 }, names.streamPrefix, 400, 8);
    const schema = generationSchema(names.name, 2);
    const seen = `${names.tablePrefix}_seen_event`;
    // -1: never analyzed (a new table's pg_class row until ANALYZE or VACUUM sets it).
    const rowEstimate = async (table: string) =>
      (
        await pool.query<{ reltuples: number }>(
          'SELECT c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2',
          [schema, table],
        )
      ).rows[0]?.reltuples;

    // How many histogram bounds the statistics of a unique column have: the sample's target plus one, at most.
    const histogramBounds = async () =>
      (
        await pool.query<{ bounds: number | null }>(
          "SELECT array_length(histogram_bounds::text::text[], 1) AS bounds FROM pg_stats WHERE schemaname = $1 AND tablename = $2 AND attname = 'position'",
          [schema, seen],
        )
      ).rows[0]?.bounds ?? 0;

    const rebuilt = live.rebuild(names.name, { batchSize: 10 });
    let analyzedWhileBuilding = false;
    let boundsWhileBuilding = 0;
    await waitUntil(
      async () => {
        const building = (await readProjectionState(pool, names.name))?.activeGeneration === 1;
        const rows = (await rowEstimate(seen)) ?? -1;
        if (building && rows > 0) analyzedWhileBuilding = true;
        if (building && rows >= 40) boundsWhileBuilding = Math.max(boundsWhileBuilding, await histogramBounds());
        return (analyzedWhileBuilding && boundsWhileBuilding > 0) || !building;
      },
      20_000,
      'the rebuild to end or its table to be analyzed with 40 rows or more',
    );
    await rebuilt;
    expect(analyzedWhileBuilding).toBe(true);
    // While it is built, a small sample (statistics target 10: at most 11 bounds); once swapped in, the full one.
    expect(boundsWhileBuilding).toBeGreaterThan(0);
    expect(boundsWhileBuilding).toBeLessThanOrEqual(11);
    expect(await histogramBounds()).toBeGreaterThan(11);
    // After the swap every table of the generation, readers' or not, has its statistics.
    const { rows } = await pool.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema]);
    expect(rows.length).toBeGreaterThan(0);
    for (const { tablename } of rows) expect(await rowEstimate(tablename)).toBeGreaterThan(0);
    expect(await rowEstimate(seen)).toBe(400);
  });

  it('fills a new generation without its secondary indexes and autovacuum, and builds them and gives it back before the swap, also when the rebuild is resumed', async () => {
    const { pool } = fixture;
    const names = uniqueNames('indexes');
    const live = await caughtUp(createTallyProjection({ ...names, delayMs: 10 }), { batchSize: 50 }, names.streamPrefix, 300, 8);
    // Index definitions with the schema's name taken out, so two generations compare.
    const indexes = async (schema: string) =>
      (await pool.query<{ definition: string }>('SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema])).rows.map(
        ({ definition }) => definition.replace(`${schema}.`, '<schema>.'),
      );
    const tables = async (schema: string) =>
      (await pool.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema])).rows.map((row) => row.tablename);
    // The tables of a schema autovacuum leaves alone (autovacuum_enabled = false in their storage parameters).
    const autovacuumOff = async (schema: string) =>
      (
        await pool.query<{ table: string }>(
          `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind = 'r' AND 'autovacuum_enabled=false' = ANY (c.reloptions) ORDER BY 1`,
          [schema],
        )
      ).rows.map((row) => row.table);
    const made = await indexes(generationSchema(names.name, 1));
    expect(made.filter((definition) => /_stream_idx|_busy_idx/.test(definition))).toHaveLength(2);

    // Stopped part of the way, then resumed: the indexes are built all the same.
    const abort = new AbortController();
    const first = live.rebuild(names.name, { batchSize: 10, signal: abort.signal });
    const building = generationSchema(names.name, 2);
    await waitUntil(async () => ((await readProjectionState(pool, names.name))?.buildingCheckpoint ?? undefined) !== undefined, 10_000, 'a first batch');
    const whileFilling = await indexes(building);
    expect(whileFilling.some((definition) => /_stream_idx|_busy_idx/.test(definition))).toBe(false);
    expect(whileFilling.filter((definition) => /UNIQUE/.test(definition))).toHaveLength(made.filter((definition) => /UNIQUE/.test(definition)).length);
    expect(await autovacuumOff(building)).toEqual([`${names.tablePrefix}_seen_event`, `${names.tablePrefix}_stream_tally`].sort());
    abort.abort();
    await expect(first).rejects.toThrow();
    expect((await readProjectionState(pool, names.name))?.buildingGeneration).toBe(2);

    const resumed = await live.rebuild(names.name, { batchSize: 40 });
    expect(resumed.generation).toBe(2);
    expect(await indexes(building)).toEqual(made);
    expect(await autovacuumOff(building)).toEqual([]);
    expect(await tables(building)).toEqual([`${names.tablePrefix}_seen_event`, `${names.tablePrefix}_stream_tally`].sort());
  });

  it("begins a page's apply while the page before commits; its statements still run after that commit and in the order sent", async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('head-start');
    const seen = `${names.tablePrefix}_seen`;
    const counted = `${names.tablePrefix}_counted`;
    // When each apply began: how many events apply had been given before, and how many the rebuild had committed.
    const began: Array<{ given: number; committed: number }> = [];
    let given = 0;
    let committed = 0;
    const projection: Projection = {
      name: names.name,
      version: 1,
      streamPrefixes: [names.streamPrefix],
      tables: [seen, counted],
      schemaSql: `
        CREATE TABLE ${seen} (event_id uuid PRIMARY KEY, position text NOT NULL);
        CREATE TABLE ${counted} (position text PRIMARY KEY, seen integer NOT NULL);`,
      async apply(events, db) {
        began.push({ given, committed });
        given += events.length;
        // Writes, then a read that must see them and every batch committed before, then a write of what it saw.
        for (const event of events) db.write(`INSERT INTO ${seen} (event_id, position) VALUES ($1, $2)`, [event.id, event.globalPosition]);
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${seen}`);
        db.write(`INSERT INTO ${counted} (position, seen) VALUES ($1, $2)`, [events[events.length - 1].globalPosition, rows[0].n]);
      },
    };
    await appendEvents(store, names.streamPrefix, 150, 4);
    const runner = fixture.runner({ projections: [projection] });
    await runner.rebuild(names.name, { batchSize: 10, onProgress: (p) => (committed = p.done) });

    const seenRows = (await pool.query<{ position: string }>(`SELECT position FROM ${READ_MODEL_SCHEMA}.${seen}`)).rows;
    expect(seenRows).toHaveLength(150);
    const countedRows = (await pool.query<{ position: string; seen: number }>(`SELECT position, seen FROM ${READ_MODEL_SCHEMA}.${counted}`)).rows;
    expect(countedRows.length).toBeGreaterThanOrEqual(15);
    for (const row of countedRows) {
      // Every event up to the batch's last: those of the batches committed before and its own writes, sent before the read.
      expect({ position: row.position, seen: row.seen }).toEqual({
        position: row.position,
        seen: seenRows.filter((s) => comparePositions(parseGlobalPosition(s.position), parseGlobalPosition(row.position)) <= 0).length,
      });
    }
    // Some applies began before the batch before them had committed: the head start happened.
    expect(began.filter((b) => b.committed < b.given).length).toBeGreaterThan(0);
  });

  it('refuses a second rebuild of the same projection at the same time', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('twice');
    const runner = fixture.runner({ projections: [createTallyProjection({ ...names, delayMs: 20 })] });
    await appendEvents(store, names.streamPrefix, 60);
    const firstRebuild = runner.rebuild(names.name, { batchSize: 5 });
    await waitUntil(async () => (await readProjectionState(pool, names.name))?.buildingGeneration !== undefined, 10_000, 'the first rebuild');
    await expect(runner.rebuild(names.name)).rejects.toBeInstanceOf(RebuildAlreadyRunningError);
    await firstRebuild;
  });
});
