import type { Pool, PoolClient } from 'pg';
import { comparePositions, type EventStore, type GlobalPosition } from '@samvirke/event-store';
import { applyBatch, BatchProjectionTransaction, type BatchTarget } from './batch-transaction';
import { createGenerationSchema, dropGenerationSchema, ensureProjection, pointViewsAt, readProjectionState } from './catalogue';
import type { CountEvents } from './event-count';
import type { ProjectionLogger } from './logger';
import { generationSchema, quoteIdentifier, type Projection } from './projection';
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
 * Holds the projection's rebuild lock for as long as `work` runs. A session-level advisory lock on
 * a dedicated connection: when the rebuilding process dies, the server drops the connection and the
 * lock with it, which is how a starting runner tells a dead rebuild from one in progress.
 */
async function withRebuildLock<T>(pool: Pool, name: string, work: () => Promise<T>): Promise<T | typeof LOCK_TAKEN> {
  const client = await pool.connect();
  try {
    const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [rebuildLockKey(name)]);
    if (!locked.rows[0].locked) return LOCK_TAKEN;
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [rebuildLockKey(name)]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
const LOCK_TAKEN = Symbol('rebuild lock taken');

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
  const outcome = await withRebuildLock(pool, projection.name, async () => {
    const state = await readProjectionState(pool, projection.name);
    if (state?.buildingGeneration === undefined) return false;
    await discardBuildingGeneration(pool, projection.name, state.buildingGeneration);
    return true;
  });
  return outcome === true;
}

/**
 * Builds the next generation of a projection from position 0 while the active one keeps serving
 * (and, when the running code has the same version, keeps being fed by the live runner), then swaps.
 *
 * Batches of `batchSize` events are read with `readAll` and committed with the building checkpoint,
 * so memory stays flat and an interrupted rebuild resumes where it stopped. Once a read comes back
 * short (the rebuild is near the head), the swap transaction locks the catalogue row, which holds
 * off live batches; every event up to the live checkpoint is already visible to `readAll` (it was
 * delivered to the live runner, so its transaction finished below an earlier horizon), so reading
 * until an empty page brings the new generation to or past the live checkpoint. The views then move
 * to the new generation, the catalogue takes its checkpoint, and the transaction commits: readers
 * switch from old to new in one step. The live runner skips whatever the new checkpoint covers.
 */
export async function rebuildProjection(deps: RebuildDependencies, options: RebuildOptions = {}): Promise<RebuildResult> {
  const { pool, projection } = deps;
  await ensureProjection(pool, projection);
  const outcome = await withRebuildLock(pool, projection.name, () => rebuildLocked(deps, options));
  if (outcome === LOCK_TAKEN) throw new RebuildAlreadyRunningError(projection.name);
  return outcome;
}

async function rebuildLocked(deps: RebuildDependencies, options: RebuildOptions): Promise<RebuildResult> {
  const { pool, projection, eventStore, logger } = deps;
  const batchSize = options.batchSize ?? 2_000;
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
    await createGenerationSchema(client, projection, generation);
    await client.query(
      `UPDATE projection_state
         SET building_generation = $2, building_version = $3, building_checkpoint = NULL,
             status = CASE WHEN status = 'failed' THEN 'failed' ELSE 'rebuilding' END, updated_at = now()
       WHERE name = $1`,
      [projection.name, generation, projection.version],
    );
    return { generation, checkpoint: undefined as GlobalPosition | undefined, resumed: false };
  });
  const { generation } = prepared;
  const schema = generationSchema(projection.name, generation);
  let checkpoint = prepared.checkpoint;
  logger?.info({ projection: projection.name, generation, resumed: prepared.resumed }, 'projection rebuild started');

  const prefixes = { streamPrefixes: projection.streamPrefixes };
  const total = deps.countEvents ? await deps.countEvents(prefixes) : undefined;
  let done = 0;
  if (prepared.resumed && total !== undefined && deps.countEvents) {
    done = total - (await deps.countEvents({ ...prefixes, after: checkpoint }));
  }
  const report = () => options.onProgress?.({ projection: projection.name, done, total: total === undefined ? undefined : Math.max(total, done), checkpoint });
  report();

  const target: BatchTarget = {
    open: async () => ({ schema, committed: checkpoint }),
    saveCheckpoint: async (client, position) => {
      const updated = await client.query(
        'UPDATE projection_state SET building_checkpoint = $3, updated_at = now() WHERE name = $1 AND building_generation = $2',
        [projection.name, generation, position ?? null],
      );
      if (updated.rowCount === 0) throw new RebuildCancelledError(`the generation being built for "${projection.name}" was discarded`);
    },
  };

  for (;;) {
    if (options.signal?.aborted) throw new RebuildCancelledError(`rebuild of "${projection.name}" stopped on request`);
    const page = await eventStore.readAll({ after: checkpoint, maxCount: batchSize, ...prefixes });
    if (page.events.length > 0) {
      const result = await applyBatch(pool, projection, page.events, page.nextAfter, target);
      if (result.kind === 'failed') {
        await discardBuildingGeneration(pool, projection.name, generation);
        throw new RebuildFailedError(projection.name, result.event.id, result.event.globalPosition, describeError(result.error));
      }
      if (result.kind === 'stale') throw new RebuildCancelledError('unexpected stale outcome');
      done += page.events.filter((e) => comparePositions(e.globalPosition, checkpoint) > 0).length;
      checkpoint = result.checkpoint;
      report();
    }
    if (page.events.length < batchSize) {
      const swapped = await trySwap(deps, generation, checkpoint, batchSize);
      if (swapped) {
        done += swapped.applied;
        checkpoint = swapped.checkpoint;
        report();
        if (swapped.oldSchema !== schema) {
          await dropGenerationSchema(pool, swapped.oldSchema).catch((error: unknown) =>
            logger?.warn(
              { projection: projection.name, schema: swapped.oldSchema, error: describeError(error) },
              'old generation not dropped yet; it is dropped at next start',
            ),
          );
        }
        logger?.info({ projection: projection.name, generation, events: done }, 'projection rebuild swapped in');
        return { generation, schema, checkpoint, eventsApplied: done };
      }
    }
  }
}

/** The swap transaction; returns undefined when an event failed in it (the batch path then reports it). */
async function trySwap(
  deps: RebuildDependencies,
  generation: number,
  from: GlobalPosition | undefined,
  batchSize: number,
): Promise<{ checkpoint: GlobalPosition | undefined; applied: number; oldSchema: string } | undefined> {
  const { pool, projection, eventStore } = deps;
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
        const page = await eventStore.readAll({ after: checkpoint, maxCount: batchSize, streamPrefixes: projection.streamPrefixes });
        if (page.events.length === 0) break;
        const failure = await projection.apply(page.events, db).then(
          () => db.settle(),
          async (error: unknown) => (await db.settle()) ?? error,
        );
        if (failure !== undefined) throw new SwapApplyError(failure);
        applied += page.events.length;
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
