import type { Pool, PoolClient } from 'pg';
import { comparePositions, type EventStore, type GlobalPosition, type RecordedEvent } from '@samvirke/event-store';
import { applyBatch, BatchProjectionTransaction, HeadStart, type BatchTarget } from './batch-transaction';
import { createGenerationSchema, dropGenerationSchema, ensureProjection, pointViewsAt, readProjectionState } from './catalogue';
import { createDeferredIndexes, deferSecondaryIndexes, pauseAutovacuum, resumeAutovacuum } from './deferred-indexes';
import type { CountEvents } from './event-count';
import type { ProjectionLogger } from './logger';
import { eventsFor, generationSchema, quoteIdentifier, type Projection } from './projection';
import { describeError, inTransaction } from './transaction';

export interface RebuildProgress {
  projection: string;
  /** Events applied to the new generation so far (including those of an interrupted earlier run). */
  done: number;
  /** Events in the projection's streams when the rebuild started, when a counter was given; grows to `done` if passed. */
  total: number | undefined;
  checkpoint: GlobalPosition | undefined;
}

export interface RebuildOptions {
  /** Events per transaction; memory holds one batch at a time. */
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Stops between batches; the generation built so far is kept and the next rebuild resumes it. */
  signal?: AbortSignal;
}

export interface RebuildDependencies {
  eventStore: EventStore;
  pool: Pool;
  projection: Projection;
  logger?: ProjectionLogger;
  countEvents?: CountEvents;
}

export interface RebuildResult {
  generation: number;
  schema: string;
  checkpoint: GlobalPosition | undefined;
  eventsApplied: number;
}

/** Another process holds this projection's rebuild lock. */
export class RebuildAlreadyRunningError extends Error {
  constructor(readonly projection: string) {
    super(`a rebuild of projection "${projection}" is already running in another process`);
  }
}

/** Stopped on request, or the generation being built was taken away (abandoned by another process). */
export class RebuildCancelledError extends Error {}

/** An event the projection cannot apply; the new generation is discarded, the active one keeps serving. */
export class RebuildFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly eventId: string,
    readonly position: GlobalPosition,
    readonly reason: string,
  ) {
    super(`rebuild of projection "${projection}" stopped at event ${eventId} (position ${position}): ${reason}`);
  }
}

const rebuildLockKey = (name: string) => `samvirke-projection-rebuild:${name}`;

/**
 * Takes the rebuild locks of `names` that are free, on one dedicated connection, for as long as
 * `work` runs. Session-level advisory locks: when the rebuilding process dies, the server drops
 * the connection and the locks with it, which is how a starting runner tells a dead rebuild from
 * one in progress. One connection holds them all, so a joint rebuild of six projections does not
 * tie up six connections of the pool.
 */
async function withRebuildLocks<T>(pool: Pool, names: string[], work: (locked: Set<string>) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const locked = new Set<string>();
  try {
    for (const name of names) {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [rebuildLockKey(name)]);
      if (result.rows[0].locked) locked.add(name);
    }
    return await work(locked);
  } finally {
    for (const name of locked) await client.query('SELECT pg_advisory_unlock(hashtext($1))', [rebuildLockKey(name)]).catch(() => undefined);
    client.release();
  }
}

/** Clears the building generation (if it is still `generation`) and drops its schema. */
async function discardBuildingGeneration(pool: Pool, name: string, generation: number | undefined): Promise<void> {
  if (generation === undefined) return;
  await inTransaction(pool, (client) =>
    client.query(
      `UPDATE projection_state
         SET building_generation = NULL, building_version = NULL, building_checkpoint = NULL,
             status = CASE WHEN failed_event_id IS NOT NULL THEN 'failed' ELSE 'running' END, updated_at = now()
       WHERE name = $1 AND building_generation = $2`,
      [name, generation],
    ),
  );
  await dropGenerationSchema(pool, generationSchema(name, generation));
}

/**
 * A runner starting while the catalogue says "rebuilding" for a projection whose version it runs:
 * if nobody holds the rebuild lock, the rebuilding process died (a killed CLI). Its half-built
 * generation is dropped so /health stops reporting a rebuild that will never finish.
 */
export async function discardDeadRebuild(pool: Pool, projection: Projection): Promise<boolean> {
  return withRebuildLocks(pool, [projection.name], async (locked) => {
    if (!locked.has(projection.name)) return false;
    const state = await readProjectionState(pool, projection.name);
    if (state?.buildingGeneration === undefined) return false;
    await discardBuildingGeneration(pool, projection.name, state.buildingGeneration);
    return true;
  });
}

/**
 * Builds the next generation of a projection from position 0 while the active one keeps serving
 * (and, when the running code has the same version, keeps being fed by the live runner), then swaps.
 * The one-projection case of rebuildProjections; see there.
 */
export async function rebuildProjection(deps: RebuildDependencies, options: RebuildOptions = {}): Promise<RebuildResult> {
  const [outcome] = await rebuildProjections({ ...deps, projections: [deps.projection] }, options);
  if (outcome.error) throw outcome.error;
  return outcome.result;
}

export interface JointRebuildDependencies extends Omit<RebuildDependencies, 'projection'> {
  projections: Projection[];
}

export interface JointRebuildOptions extends RebuildOptions {
  /** Stops one projection between batches (its generation is kept, as with `signal`); the others go on. */
  signalFor?: (projection: string) => AbortSignal | undefined;
  /** Called as soon as one projection's rebuild has ended (swapped, failed, cancelled), before the others end. */
  onSettled?: (outcome: RebuildOutcome) => void;
}

export type RebuildOutcome = { projection: string; result: RebuildResult; error?: undefined } | { projection: string; error: Error; result?: undefined };

interface Building {
  projection: Projection;
  generation: number;
  schema: string;
  checkpoint: GlobalPosition | undefined;
  done: number;
  total: number | undefined;
  target: BatchTarget;
  /** Batches committed into the generation by this run; its tables are analyzed after the 1st, 2nd, 4th, 8th... */
  batches: number;
  /** Its deferred secondary indexes have been built and autovacuum given back (before the first swap attempt). */
  indexed: boolean;
  /** Its apply of the next page, begun while the page before commits (see HeadStart), with that page's end. */
  ahead?: { headStart: HeadStart; pageEnd: GlobalPosition | undefined };
}

/**
 * Gives the planner statistics for a generation's tables. A table made for a rebuild has none until
 * autovacuum gets to it, and without them the planner guesses: the timeline's resolving UPDATE then
 * scanned every open item of a case through the partial open-items index instead of taking its
 * primary key, and one case with 3,331 open items made a rebuild of 100,000 events take 165 s instead
 * of 17 (bench/README.md, sixth round). Analyzed after the 1st, 2nd, 4th, 8th... batch, so the
 * statistics stay within twice the table's size at a cost that grows with the log of its batches, and
 * once more after the swap, for the live runner's statements on the new generation.
 */
async function analyzeGeneration(pool: Pool, schema: string, sample: 'while-building' | 'full'): Promise<void> {
  // Every table of the schema, also those readers never see (the timeline's per-case table).
  const { rows } = await pool.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
  await inTransaction(pool, async (client) => {
    // While it is built, only the projection's own statements plan on the generation, and they need
    // sizes and rough shapes, not a reader's detail: a tenth of the default sample (3,000 rows, not
    // 30,000) made these passes about ten times cheaper (an outcome rebuild of 100,000 events spent
    // 0.55 s of its 3.7 s in them; bench/README.md, thirteenth round). After the swap, the full sample.
    if (sample === 'while-building') await client.query('SET LOCAL default_statistics_target = 10');
    for (const { tablename } of rows) await client.query(`ANALYZE ${quoteIdentifier(schema)}.${quoteIdentifier(tablename)}`);
  });
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * Builds the next generation of several projections from one read of the log, then swaps each in.
 *
 * Each projection keeps everything a rebuild of its own has: its rebuild lock (a projection whose
 * lock another process holds is left out with RebuildAlreadyRunningError, the others go on), its
 * own generation schema, its own transaction per batch with its own building checkpoint (so each
 * resumes where it stopped; the read starts at the earliest of them and a projection skips what its
 * checkpoint already covers), its own swap.
 *
 * Batches of `batchSize` events of any of the projections' streams are read with `readAll`, and
 * each projection gets those of its own streams, in its own transaction; the projections' batches
 * run side by side on the pool while the next page is read. Memory holds two pages at most.
 *
 * One projection failing does not stop the others: the log is the same for all, but each read model
 * is its own, and a projection that cannot apply an event must not cost the others their rebuild.
 * The failed one's new generation is discarded (its views stay on the generation serving now) and
 * its outcome is a RebuildFailedError; the others go on to their swaps. A database error that is not
 * a projection's own (the connection lost) ends the whole rebuild: every projection still building
 * keeps its generation and checkpoint, and the next rebuild resumes them.
 *
 * Near the head, each swap works as for one projection: once a read comes back short, the swap
 * transaction locks the projection's catalogue row, which holds off its live batches; every event
 * up to the live checkpoint is already visible to `readAll` (it was delivered to the live runner,
 * so its transaction finished below an earlier horizon), so reading until an empty page brings the
 * new generation to or past the live checkpoint. The views then move to the new generation, the
 * catalogue takes its checkpoint, and the transaction commits: readers switch from old to new in one
 * step. The live runner skips whatever the new checkpoint covers.
 */
export async function rebuildProjections(deps: JointRebuildDependencies, options: JointRebuildOptions = {}): Promise<RebuildOutcome[]> {
  const { pool, projections } = deps;
  for (const projection of projections) await ensureProjection(pool, projection);
  const outcomes = new Map<string, RebuildOutcome>();
  const settle = (outcome: RebuildOutcome) => {
    outcomes.set(outcome.projection, outcome);
    options.onSettled?.(outcome);
  };
  await withRebuildLocks(
    pool,
    projections.map((p) => p.name),
    async (locked) => {
      for (const projection of projections) {
        if (!locked.has(projection.name)) settle({ projection: projection.name, error: new RebuildAlreadyRunningError(projection.name) });
      }
      await rebuildLocked(
        deps,
        projections.filter((p) => locked.has(p.name)),
        options,
        settle,
      );
    },
  );
  return projections.map((p) => outcomes.get(p.name) as RebuildOutcome);
}

async function prepareGeneration(deps: JointRebuildDependencies, projection: Projection, options: JointRebuildOptions): Promise<Building> {
  const { pool, logger } = deps;
  const prepared = await inTransaction(pool, async (client) => {
    const state = await readProjectionState(client, projection.name, 'for-update');
    if (!state) throw new Error(`projection "${projection.name}" has no catalogue row`);
    if (state.buildingGeneration !== undefined && state.buildingVersion === projection.version) {
      return { generation: state.buildingGeneration, checkpoint: state.buildingCheckpoint, resumed: true };
    }
    if (state.buildingGeneration !== undefined) {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(generationSchema(projection.name, state.buildingGeneration))} CASCADE`);
    }
    const generation = Math.max(state.activeGeneration, state.buildingGeneration ?? 0) + 1;
    const schema = await createGenerationSchema(client, projection, generation);
    // Filled without its secondary indexes, built in one pass each before the swap, and without
    // autovacuum, given back then too (deferred-indexes.ts).
    await pauseAutovacuum(client, schema);
    await deferSecondaryIndexes(client, schema);
    await client.query(
      `UPDATE projection_state
         SET building_generation = $2, building_version = $3, building_checkpoint = NULL,
             status = CASE WHEN status = 'failed' THEN 'failed' ELSE 'rebuilding' END, updated_at = now()
       WHERE name = $1`,
      [projection.name, generation, projection.version],
    );
    return { generation, checkpoint: undefined as GlobalPosition | undefined, resumed: false };
  });
  const { generation, checkpoint } = prepared;
  logger?.info({ projection: projection.name, generation, resumed: prepared.resumed }, 'projection rebuild started');
  const prefixes = { streamPrefixes: projection.streamPrefixes, eventTypes: projection.eventTypes };
  const total = deps.countEvents ? await deps.countEvents(prefixes) : undefined;
  let done = 0;
  if (prepared.resumed && total !== undefined && deps.countEvents) {
    done = total - (await deps.countEvents({ ...prefixes, after: checkpoint }));
  }
  const target: BatchTarget = {
    open: async () => ({ schema: generationSchema(projection.name, generation), committed: building.checkpoint }),
    saveCheckpoint: async (client, position) => {
      const updated = await client.query(
        'UPDATE projection_state SET building_checkpoint = $3, updated_at = now() WHERE name = $1 AND building_generation = $2',
        [projection.name, generation, position ?? null],
      );
      if (updated.rowCount === 0) throw new RebuildCancelledError(`the generation being built for "${projection.name}" was discarded`);
    },
  };
  const building: Building = {
    projection,
    generation,
    schema: generationSchema(projection.name, generation),
    checkpoint,
    done,
    total,
    target,
    batches: 0,
    indexed: false,
  };
  reportProgress(building, options);
  return building;
}

function dropAhead(building: Building): void {
  building.ahead?.headStart.drop();
  building.ahead = undefined;
}

function reportProgress(building: Building, options: JointRebuildOptions): void {
  const { projection, done, total, checkpoint } = building;
  options.onProgress?.({ projection: projection.name, done, total: total === undefined ? undefined : Math.max(total, done), checkpoint });
}

async function rebuildLocked(
  deps: JointRebuildDependencies,
  projections: Projection[],
  options: JointRebuildOptions,
  settle: (outcome: RebuildOutcome) => void,
): Promise<void> {
  const { pool, eventStore, logger } = deps;
  const batchSize = options.batchSize ?? 2_000;
  const active = new Map<string, Building>();
  const endAll = (error: Error) => {
    for (const building of active.values()) settle({ projection: building.projection.name, error });
    active.clear();
  };
  try {
    for (const projection of projections) {
      const building = await prepareGeneration(deps, projection, options);
      active.set(projection.name, building);
    }
  } catch (error) {
    // Every generation prepared so far is kept: the next rebuild resumes it.
    active.clear();
    for (const projection of projections) settle({ projection: projection.name, error: error instanceof Error ? error : new Error(String(error)) });
    return;
  }

  const read = (after: GlobalPosition | undefined) => {
    const building = [...active.values()].map((b) => b.projection);
    const streamPrefixes = [...new Set(building.flatMap((p) => p.streamPrefixes))];
    // Only the types asked for, when every projection being rebuilt names its types: the others are not even parsed.
    const eventTypes = building.every((p) => p.eventTypes !== undefined) ? [...new Set(building.flatMap((p) => p.eventTypes ?? []))] : undefined;
    return eventStore.readAll({ after, maxCount: batchSize, streamPrefixes, eventTypes });
  };
  const earliest = () =>
    [...active.values()].reduce<GlobalPosition | undefined>(
      (min, b, i) => (i === 0 || comparePositions(b.checkpoint, min) < 0 ? b.checkpoint : min),
      undefined,
    );
  let next: ReturnType<typeof read> | undefined;
  type Page = Awaited<ReturnType<typeof read>>;

  const applyTo = async (
    building: Building,
    events: RecordedEvent[],
    nextAfter: GlobalPosition | undefined,
    upcoming: Promise<Page> | undefined,
  ): Promise<void> => {
    const { projection } = building;
    const ahead = building.ahead;
    building.ahead = undefined;
    // Begun for this very page, or of no use.
    const headStart = ahead && comparePositions(ahead.pageEnd, nextAfter) === 0 ? ahead.headStart : undefined;
    if (ahead && !headStart) ahead.headStart.drop();
    // Already past this page (a resumed rebuild further on than the others): nothing to do.
    if (comparePositions(building.checkpoint, nextAfter) >= 0) {
      headStart?.drop();
      return;
    }
    const own = eventsFor(projection, events);
    // While this page's statements run and commit, the next page's apply begins (when the page is read by then).
    let committing = true;
    const whileCommitting =
      upcoming &&
      ((checkpoint: GlobalPosition | undefined) => {
        upcoming.then(
          (page) => {
            if (!committing || building.ahead || !active.has(projection.name)) return;
            const following = eventsFor(projection, page.events).filter((e) => comparePositions(e.globalPosition, checkpoint) > 0);
            if (following.length > 0) building.ahead = { headStart: new HeadStart(projection, following, checkpoint), pageEnd: page.nextAfter };
          },
          () => undefined,
        );
      });
    let result;
    try {
      result = await applyBatch(pool, projection, own, nextAfter, building.target, { headStart, whileCommitting });
    } catch (error) {
      committing = false;
      dropAhead(building);
      if (!(error instanceof RebuildCancelledError)) throw error;
      active.delete(projection.name);
      settle({ projection: projection.name, error });
      return;
    }
    committing = false;
    if (result.kind !== 'applied') {
      dropAhead(building);
    }
    if (result.kind === 'failed') {
      active.delete(projection.name);
      await discardBuildingGeneration(pool, projection.name, building.generation);
      settle({
        projection: projection.name,
        error: new RebuildFailedError(projection.name, result.event.id, result.event.globalPosition, describeError(result.error)),
      });
      return;
    }
    if (result.kind === 'stale') throw new RebuildCancelledError('unexpected stale outcome');
    building.done += own.filter((e) => comparePositions(e.globalPosition, building.checkpoint) > 0).length;
    building.checkpoint = result.checkpoint;
    building.batches += 1;
    if (isPowerOfTwo(building.batches)) {
      // Statistics only help: a generation discarded meanwhile (its tables gone) is found by the next batch's checkpoint.
      await analyzeGeneration(pool, building.schema, 'while-building').catch((error: unknown) =>
        logger?.warn({ projection: projection.name, schema: building.schema, error: describeError(error) }, 'generation being built not analyzed'),
      );
    }
    reportProgress(building, options);
  };

  try {
    while (active.size > 0) {
      if (options.signal?.aborted) {
        endAll(new RebuildCancelledError(`rebuild of ${[...active.keys()].map((name) => `"${name}"`).join(', ')} stopped on request`));
        break;
      }
      for (const [name, building] of active) {
        if (options.signalFor?.(name)?.aborted) {
          active.delete(name);
          settle({ projection: name, error: new RebuildCancelledError(`rebuild of "${building.projection.name}" stopped on request`) });
        }
      }
      if (active.size === 0) break;
      const page = await (next ?? read(earliest()));
      next = undefined;
      const full = page.events.length >= batchSize;
      if (page.events.length > 0) {
        // Every projection still building ends this page at page.nextAfter or beyond, so the next read can start now.
        if (full) {
          next = read(page.nextAfter);
          next.catch(() => undefined);
        }
        const applied = await Promise.allSettled([...active.values()].map((building) => applyTo(building, page.events, page.nextAfter, next)));
        const thrown = applied.find((a): a is PromiseRejectedResult => a.status === 'rejected');
        if (thrown) throw thrown.reason;
      }
      if (!full) {
        for (const building of [...active.values()]) {
          if (!building.indexed) {
            await createDeferredIndexes(pool, building.schema);
            await resumeAutovacuum(pool, building.schema);
            building.indexed = true;
          }
          const swapped = await trySwap(deps, building.projection, building.generation, building.checkpoint, batchSize).catch((error: unknown) => {
            if (!(error instanceof RebuildCancelledError)) throw error;
            active.delete(building.projection.name);
            settle({ projection: building.projection.name, error });
            return undefined;
          });
          if (!swapped) continue;
          const { projection, schema, generation } = building;
          active.delete(projection.name);
          building.done += swapped.applied;
          building.checkpoint = swapped.checkpoint;
          reportProgress(building, options);
          await analyzeGeneration(pool, schema, 'full').catch((error: unknown) =>
            logger?.warn({ projection: projection.name, schema, error: describeError(error) }, 'new generation not analyzed; autovacuum will'),
          );
          if (swapped.oldSchema !== schema) {
            await dropGenerationSchema(pool, swapped.oldSchema).catch((error: unknown) =>
              logger?.warn(
                { projection: projection.name, schema: swapped.oldSchema, error: describeError(error) },
                'old generation not dropped yet; it is dropped at next start',
              ),
            );
          }
          logger?.info({ projection: projection.name, generation, events: building.done }, 'projection rebuild swapped in');
          settle({
            projection: projection.name,
            result: {
              generation,
              schema,
              checkpoint: building.checkpoint,
              eventsApplied: building.done,
            },
          });
        }
      }
    }
  } catch (error) {
    endAll(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The swap transaction; returns undefined when an event failed in it (the batch path then reports it). */
async function trySwap(
  deps: JointRebuildDependencies,
  projection: Projection,
  generation: number,
  from: GlobalPosition | undefined,
  batchSize: number,
): Promise<{ checkpoint: GlobalPosition | undefined; applied: number; oldSchema: string } | undefined> {
  const { pool, eventStore } = deps;
  const schema = generationSchema(projection.name, generation);
  try {
    return await inTransaction(pool, async (client: PoolClient) => {
      const state = await readProjectionState(client, projection.name, 'for-update');
      if (state?.buildingGeneration !== generation) {
        throw new RebuildCancelledError(`the generation being built for "${projection.name}" was discarded`);
      }
      // A long read on the views delays the swap's DROP VIEW; give up after a while and try again
      // rather than hold the catalogue row (and so the live batches) behind that reader.
      await client.query("SET LOCAL lock_timeout = '5s'");
      await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}, public`);
      const db = new BatchProjectionTransaction(client);
      let checkpoint = from;
      let applied = 0;
      for (;;) {
        // Every type, not only the projection's: the live checkpoint has passed over the others, and the
        // generation must end at or beyond it (the tail read here is short).
        const page = await eventStore.readAll({ after: checkpoint, maxCount: batchSize, streamPrefixes: projection.streamPrefixes });
        if (page.events.length === 0) break;
        const delivered = eventsFor(projection, page.events);
        const failure =
          delivered.length === 0
            ? undefined
            : await projection.apply(delivered, db).then(
                () => db.settle(),
                async (error: unknown) => (await db.settle()) ?? error,
              );
        if (failure !== undefined) throw new SwapApplyError(failure);
        applied += delivered.length;
        checkpoint = page.nextAfter;
      }
      if (comparePositions(checkpoint, state.checkpoint) < 0) {
        // Cannot happen while readAll is gap-free (see the argument above); swapping would lose events.
        throw new Error(`rebuild of "${projection.name}" ended behind the live checkpoint; not swapping`);
      }
      await pointViewsAt(client, projection, schema);
      await client.query(
        `UPDATE projection_state
           SET version = building_version, active_generation = building_generation, active_schema = $2, checkpoint = $3,
               building_generation = NULL, building_version = NULL, building_checkpoint = NULL,
               status = 'running', failed_event_id = NULL, failed_position = NULL, error = NULL, updated_at = now()
         WHERE name = $1`,
        [projection.name, schema, checkpoint ?? null],
      );
      return { checkpoint, applied, oldSchema: state.activeSchema };
    });
  } catch (error) {
    if (error instanceof SwapApplyError) return undefined;
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return undefined;
    throw error;
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

class SwapApplyError extends Error {
  constructor(readonly original: unknown) {
    super('apply failed during the swap');
  }
}
