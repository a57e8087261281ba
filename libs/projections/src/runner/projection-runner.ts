import type { Pool } from 'pg';
import { comparePositions, type EventStore, type GlobalPosition, type RecordedEvent, type Subscription } from '@samvirke/event-store';
import { applyBatch, type BatchTarget } from './batch-transaction';
import { ensureProjection, readProjectionState, readProjectionStates, type ProjectionStatus } from './catalogue';
import type { CountEvents } from './event-count';
import { silentLogger, type ProjectionLogger } from './logger';
import { validateProjections, type Projection } from './projection';
import {
  RebuildAlreadyRunningError,
  RebuildCancelledError,
  RebuildFailedError,
  discardDeadRebuild,
  rebuildProjection,
  rebuildProjections,
  type JointRebuildOptions,
  type RebuildOptions,
  type RebuildOutcome,
  type RebuildResult,
} from './rebuild';
import { describeError, isTransientDatabaseError } from './transaction';

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  /** The read-model database (may be the event store's server or another one). */
  pool: Pool;
  projections: Projection[];
  logger?: ProjectionLogger;
  /** Enables rebuild totals and `lagEvents` on health; see postgresEventCounter. */
  countEvents?: CountEvents;
  /** Events per live transaction. */
  batchSize?: number;
  /** Events per transaction when rebuilding after a version bump. */
  rebuildBatchSize?: number;
  /** First delay before retrying after a transient database error; doubles up to 30 s. */
  retryDelayMs?: number;
  /** How often the runner looks at the catalogue for changes made by other processes. */
  watchIntervalMs?: number;
}

export interface ProjectionHealth {
  status: ProjectionStatus;
  checkpoint: GlobalPosition | undefined;
  /** Events of the projection's streams after its checkpoint (only with a countEvents). */
  lagEvents?: number;
  failedEventId?: string;
  failedPosition?: GlobalPosition;
  error?: string;
  /** What this process is doing about the projection, when it is not simply live. */
  detail?: string;
}

export interface RunnerHealth {
  /** False when any projection is stopped at an event it cannot apply. */
  up: boolean;
  projections: Record<string, ProjectionHealth>;
}

type LocalStatus = 'idle' | 'live' | 'rebuilding' | 'failed' | 'waiting';

interface Entry {
  projection: Projection;
  status: LocalStatus;
  detail?: string;
  subscription?: Subscription;
  rebuild?: Promise<void>;
  abort?: AbortController;
  retryTimer?: NodeJS.Timeout;
  retryDelayMs: number;
  /** Bumped on every (re)start, so callbacks of a superseded subscription change nothing. */
  epoch: number;
}

/** Thrown from onBatch to stop a subscription on purpose; its onError ignores it. */
class ProjectionStopped extends Error {}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Runs projections from the event store's durable catch-up subscription (never the in-process
 * EventBus), each on its own subscription so one stopped projection does not hold back the others.
 *
 * Exactly once: every batch commits its rows and the projection's checkpoint in one transaction
 * (see batch-transaction.ts), and a subscription always starts after the checkpoint committed in
 * the catalogue. A crash loses the open transaction whole, and the restart reads from the last
 * committed checkpoint: nothing is missed, nothing applied twice. The same holds when the api and a
 * worker run the same projection by mistake: the second writer skips what the first committed.
 */
export class ProjectionRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters = new Set<() => void>();
  private readonly logger: ProjectionLogger;
  private watchTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    validateProjections(options.projections);
    this.logger = options.logger ?? silentLogger;
    for (const projection of options.projections) {
      this.entries.set(projection.name, { projection, status: 'idle', retryDelayMs: this.firstRetryDelay(), epoch: 0 });
    }
  }

  get projectionNames(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Prepares the projections' schemas (the catalogue table is a migration: run @samvirke/migrations
   * first); then runs each projection in the background.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Projections whose version changed are rebuilt together: one read of the log feeds them all.
    const rebuilds: Array<{ entry: Entry; epoch: number }> = [];
    for (const entry of this.entries.values()) await this.startEntry(entry, rebuilds);
    if (rebuilds.length > 0) this.startRebuilds(rebuilds);
    this.watchTimer = setInterval(() => void this.watchCatalogue(), this.options.watchIntervalMs ?? 5_000);
    this.watchTimer.unref();
  }

  /** Stops every projection; waits for batches in flight to commit or roll back. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.watchTimer) clearInterval(this.watchTimer);
    await Promise.all([...this.entries.values()].map((entry) => this.halt(entry)));
    for (const wake of this.waiters) wake();
  }

  /** Retries a stopped projection from its committed checkpoint (after the cause has been fixed). */
  async resume(name: string): Promise<void> {
    const entry = this.entry(name);
    await this.halt(entry);
    await this.clearFailure(name);
    if (this.running) await this.startEntry(entry);
  }

  /**
   * Rebuilds a projection into a new generation and swaps it in (see rebuild.ts). The runner need not
   * be started: the CLI constructs one just for this, while the api's runner keeps the old copy live.
   */
  rebuild(name: string, options: RebuildOptions = {}): Promise<RebuildResult> {
    const entry = this.entry(name);
    return rebuildProjection(
      {
        eventStore: this.options.eventStore,
        pool: this.options.pool,
        projection: entry.projection,
        logger: this.logger,
        countEvents: this.options.countEvents,
      },
      options,
    );
  }

  /**
   * Rebuilds several projections from one read of the log (see rebuildProjections): each answers its
   * own outcome; one failing leaves the others going. `projections:rebuild all` runs this.
   */
  rebuildAll(names: string[], options: JointRebuildOptions = {}): Promise<RebuildOutcome[]> {
    return rebuildProjections(
      {
        eventStore: this.options.eventStore,
        pool: this.options.pool,
        projections: names.map((name) => this.entry(name).projection),
        logger: this.logger,
        countEvents: this.options.countEvents,
      },
      options,
    );
  }

  /**
   * Resolves true once every named projection has applied `position` (read from the catalogue, so
   * it works in the api while a worker runs the projections), false after `timeoutMs`.
   */
  async waitForPosition(names: string[], position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const entries = names.map((name) => this.entry(name));
    const deadline = Date.now() + timeoutMs;
    let delay = 10;
    for (;;) {
      if (await this.reached(entries, position)) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(delay, remaining));
        this.waiters.add(wake);
      });
      delay = Math.min(delay * 2, 250);
    }
  }

  async health(): Promise<RunnerHealth> {
    const states = await readProjectionStates(this.options.pool, this.projectionNames);
    const projections: Record<string, ProjectionHealth> = {};
    let up = true;
    for (const entry of this.entries.values()) {
      const state = states.get(entry.projection.name);
      if (!state) {
        projections[entry.projection.name] = { status: 'rebuilding', checkpoint: undefined, detail: 'not started yet' };
        continue;
      }
      const health: ProjectionHealth = { status: state.status, checkpoint: state.checkpoint };
      if (state.status === 'failed') {
        up = false;
        health.failedEventId = state.failedEventId;
        health.failedPosition = state.failedPosition;
        health.error = state.error;
      }
      if (entry.status === 'failed' && state.status !== 'failed') {
        up = false;
        health.detail = entry.detail;
      } else if (entry.detail) {
        health.detail = entry.detail;
      }
      if (this.options.countEvents) {
        health.lagEvents = await this.options.countEvents({
          streamPrefixes: entry.projection.streamPrefixes,
          eventTypes: entry.projection.eventTypes,
          after: state.checkpoint,
        });
      }
      projections[entry.projection.name] = health;
    }
    return { up, projections };
  }

  /** The shape HealthRegistry takes: `registry.register('projections', () => runner.componentHealth())`. */
  async componentHealth(): Promise<{ up: boolean; detail?: string }> {
    const health = await this.health();
    const problems = Object.entries(health.projections)
      .filter(([, p]) => p.status === 'failed' || p.detail)
      .map(([name, p]) => (p.status === 'failed' ? `${name} stopped at event ${p.failedEventId} (${p.error ?? 'unknown error'})` : `${name}: ${p.detail}`));
    return problems.length > 0 ? { up: health.up, detail: problems.join('; ') } : { up: health.up };
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`unknown projection "${name}"`);
    return entry;
  }

  private firstRetryDelay(): number {
    return this.options.retryDelayMs ?? 1_000;
  }

  /**
   * Decides how a projection runs in this process, from its catalogue row:
   * - same version: live from the committed checkpoint (a failure mark is cleared: restart = resume);
   * - newer code: rebuild into a new generation while the old one keeps serving, then go live;
   * - older code (a rolling deploy): leave it to the newer process.
   */
  private async startEntry(entry: Entry, jointRebuilds?: Array<{ entry: Entry; epoch: number }>): Promise<void> {
    const { projection } = entry;
    const epoch = ++entry.epoch;
    try {
      const state = await ensureProjection(this.options.pool, projection);
      if (epoch !== entry.epoch || !this.running) return;
      if (state.status === 'failed') await this.clearFailure(projection.name);
      if (state.version > projection.version) {
        this.setStatus(entry, 'failed', `the catalogue holds version ${state.version}; this process runs version ${projection.version}`);
        this.logger.error(
          { projection: projection.name, stored: state.version, running: projection.version },
          'projection code is older than its read model; not running it',
        );
        return;
      }
      if (state.version < projection.version) {
        if (jointRebuilds) jointRebuilds.push({ entry, epoch });
        else this.startRebuilds([{ entry, epoch }]);
        return;
      }
      if (state.buildingGeneration !== undefined && (await discardDeadRebuild(this.options.pool, projection))) {
        this.logger.warn({ projection: projection.name }, 'discarded the half-built generation of a rebuild whose process is gone');
      }
      this.subscribe(entry, state.checkpoint, epoch);
    } catch (error) {
      this.retryLater(entry, epoch, error);
    }
  }

  private subscribe(entry: Entry, after: GlobalPosition | undefined, epoch: number): void {
    if (epoch !== entry.epoch || !this.running) return;
    const { projection } = entry;
    this.setStatus(entry, 'live');
    entry.subscription = this.options.eventStore.subscribeToAll({
      after,
      streamPrefixes: projection.streamPrefixes,
      batchSize: this.options.batchSize ?? 500,
      onBatch: (events, checkpoint) => this.applyLive(entry, epoch, events, checkpoint),
      onError: (error) => {
        if (error instanceof ProjectionStopped) return;
        this.retryLater(entry, epoch, error);
      },
    });
  }

  private async applyLive(entry: Entry, epoch: number, events: RecordedEvent[], batchCheckpoint: GlobalPosition): Promise<void> {
    if (epoch !== entry.epoch) throw new ProjectionStopped();
    const outcome = await applyBatch(this.options.pool, entry.projection, events, batchCheckpoint, this.liveTarget(entry.projection));
    switch (outcome.kind) {
      case 'applied':
        entry.retryDelayMs = this.firstRetryDelay();
        for (const wake of [...this.waiters]) wake();
        return;
      case 'failed':
        this.setStatus(entry, 'failed', 'stopped at an event it cannot apply');
        this.logger.error(
          {
            projection: entry.projection.name,
            eventId: outcome.event.id,
            eventType: outcome.event.type,
            position: outcome.event.globalPosition,
            error: describeError(outcome.error),
          },
          'projection stopped at an event it cannot apply; fix and resume',
        );
        throw new ProjectionStopped();
      case 'stale':
        this.setStatus(entry, 'failed', 'a newer version of this projection took over');
        this.logger.warn({ projection: entry.projection.name }, 'a newer version of this projection took over; this process stops feeding it');
        throw new ProjectionStopped();
    }
  }

  private liveTarget(projection: Projection): BatchTarget {
    return {
      open: async (client) => {
        // The row lock serialises live batches with a rebuild's swap (and with a second runner).
        const state = await readProjectionState(client, projection.name, 'for-update');
        if (!state || state.version !== projection.version) return 'stale';
        return { schema: state.activeSchema, committed: state.checkpoint };
      },
      checkpointFirst: true,
      saveCheckpoint: async (client, checkpoint) => {
        // Named, as the open above: every live batch saves it, right after the open (checkpointFirst).
        await client.query({
          name: 'projection_state_checkpoint',
          text: 'UPDATE projection_state SET checkpoint = $2, updated_at = now() WHERE name = $1',
          values: [projection.name, checkpoint ?? null],
        });
      },
      recordFailure: async (client, event, error) => {
        await client.query(
          `UPDATE projection_state SET status = 'failed', failed_event_id = $2, failed_position = $3, error = $4, updated_at = now()
           WHERE name = $1`,
          [projection.name, event.id, event.globalPosition, describeError(error)],
        );
      },
    };
  }

  /**
   * Rebuilds the entries' projections in one joint rebuild. Each entry keeps its own abort signal,
   * promise and outcome: halting one (resume, stop) cancels its share only, and each goes live as
   * soon as its own generation is swapped in.
   */
  private startRebuilds(rebuilds: Array<{ entry: Entry; epoch: number }>): void {
    const byName = new Map<string, { entry: Entry; epoch: number; abort: AbortController; done: () => void; settled: boolean }>();
    for (const { entry, epoch } of rebuilds) {
      this.setStatus(entry, 'rebuilding', 'rebuilding after a version change; the previous generation serves meanwhile');
      const abort = new AbortController();
      entry.abort = abort;
      let done: () => void = () => undefined;
      entry.rebuild = new Promise<void>((resolve) => (done = resolve));
      byName.set(entry.projection.name, { entry, epoch, abort, done, settled: false });
    }
    const lastLog = new Map<string, number>();
    const settled = async (outcome: RebuildOutcome) => {
      const share = byName.get(outcome.projection);
      if (!share || share.settled) return;
      share.settled = true;
      try {
        await this.rebuildEnded(share.entry, share.epoch, share.abort, outcome);
      } finally {
        share.done();
      }
    };
    void rebuildProjections(
      {
        eventStore: this.options.eventStore,
        pool: this.options.pool,
        projections: rebuilds.map(({ entry }) => entry.projection),
        logger: this.logger,
        countEvents: this.options.countEvents,
      },
      {
        batchSize: this.options.rebuildBatchSize,
        signalFor: (name) => byName.get(name)?.abort.signal,
        onSettled: (outcome) => void settled(outcome),
        onProgress: (progress) => {
          if (Date.now() - (lastLog.get(progress.projection) ?? 0) < 10_000) return;
          lastLog.set(progress.projection, Date.now());
          this.logger.info({ projection: progress.projection, done: progress.done, total: progress.total }, 'projection rebuild progress');
        },
      },
    ).then(
      () => undefined,
      // Failed before any projection had an outcome (the catalogue or the lock connection): each retries.
      (error: unknown) =>
        Promise.all([...byName.keys()].map((name) => settled({ projection: name, error: error instanceof Error ? error : new Error(String(error)) }))),
    );
  }

  private async rebuildEnded(entry: Entry, epoch: number, abort: AbortController, outcome: RebuildOutcome): Promise<void> {
    const { projection } = entry;
    if (!outcome.error) {
      this.subscribe(entry, outcome.result.checkpoint, epoch);
      return;
    }
    const error = outcome.error;
    if (error instanceof RebuildCancelledError && (abort.signal.aborted || epoch !== entry.epoch)) return;
    if (error instanceof RebuildFailedError) {
      await this.recordRebuildFailure(error).catch(() => undefined);
      this.setStatus(entry, 'failed', 'rebuild stopped at an event it cannot apply');
      this.logger.error(
        { projection: projection.name, eventId: error.eventId, position: error.position, error: error.reason },
        'projection rebuild stopped at an event it cannot apply; the previous generation keeps serving',
      );
      return;
    }
    if (error instanceof RebuildAlreadyRunningError) {
      // Another process (the worker, the CLI) is rebuilding this version: look again later.
      this.setStatus(entry, 'waiting', 'another process is rebuilding this projection');
      this.retryLater(entry, epoch, undefined);
      return;
    }
    this.retryLater(entry, epoch, error);
  }

  private async recordRebuildFailure(error: RebuildFailedError): Promise<void> {
    await this.options.pool.query(
      `UPDATE projection_state SET status = 'failed', failed_event_id = $2, failed_position = $3, error = $4, updated_at = now()
       WHERE name = $1`,
      [error.projection, error.eventId, error.position, error.reason],
    );
  }

  private async clearFailure(name: string): Promise<void> {
    await this.options.pool.query(
      `UPDATE projection_state
          SET status = CASE WHEN building_generation IS NULL THEN 'running' ELSE 'rebuilding' END,
              failed_event_id = NULL, failed_position = NULL, error = NULL, updated_at = now()
        WHERE name = $1 AND status = 'failed'`,
      [name],
    );
  }

  /** Transient trouble (database gone, lock timeout): start the projection again later, with backoff. */
  private retryLater(entry: Entry, epoch: number, error: unknown): void {
    if (epoch !== entry.epoch || !this.running) return;
    const delay = entry.retryDelayMs;
    entry.retryDelayMs = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
    if (error !== undefined) {
      this.setStatus(entry, 'waiting', `retrying after an error (${isTransientDatabaseError(error) ? 'database unavailable' : describeError(error)})`);
      this.logger.warn({ projection: entry.projection.name, retryInMs: delay, error: describeError(error) }, 'projection interrupted; retrying');
    }
    entry.subscription = undefined;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = undefined;
      if (epoch === entry.epoch) void this.startEntry(entry);
    }, delay);
  }

  private async halt(entry: Entry): Promise<void> {
    entry.epoch++;
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    entry.retryTimer = undefined;
    entry.abort?.abort();
    const subscription = entry.subscription;
    const rebuild = entry.rebuild;
    entry.subscription = undefined;
    entry.rebuild = undefined;
    entry.abort = undefined;
    await subscription?.stop();
    await rebuild?.catch(() => undefined);
    if (entry.status !== 'failed') this.setStatus(entry, 'idle');
  }

  /** Picks up what other processes did: a stopped projection fixed by a rebuild swap is live again. */
  private async watchCatalogue(): Promise<void> {
    if (!this.running) return;
    const failed = [...this.entries.values()].filter((entry) => entry.status === 'failed');
    if (failed.length === 0) return;
    try {
      const states = await readProjectionStates(
        this.options.pool,
        failed.map((entry) => entry.projection.name),
      );
      for (const entry of failed) {
        const state = states.get(entry.projection.name);
        if (state && state.status !== 'failed' && state.version === entry.projection.version) {
          this.logger.info({ projection: entry.projection.name }, 'projection repaired elsewhere; going live again');
          await this.halt(entry);
          entry.status = 'idle';
          await this.startEntry(entry);
        }
      }
    } catch {
      // The next tick looks again; health reports the database meanwhile.
    }
  }

  private setStatus(entry: Entry, status: LocalStatus, detail?: string): void {
    entry.status = status;
    entry.detail = detail;
  }

  /**
   * A projection has reached `position` when its checkpoint is at or past it, or when none of its
   * streams has an event between its checkpoint and `position`: a write to a stream the projection
   * does not follow must not make the reader wait for ever. The head is read before the log, and
   * the log's visibility horizon never moves back, so an empty read after the checkpoint proves
   * nothing of ours lies up to `position`. A projection stopped at an event is not caught up: that
   * event is still there to read.
   */
  private async reached(entries: Entry[], position: GlobalPosition): Promise<boolean> {
    const states = await readProjectionStates(
      this.options.pool,
      entries.map((entry) => entry.projection.name),
    );
    for (const entry of entries) {
      const state = states.get(entry.projection.name);
      if (!state) return false;
      if (comparePositions(state.checkpoint, position) >= 0) continue;
      const head = await this.options.eventStore.headPosition();
      if (comparePositions(head, position) < 0) return false;
      const next = await this.options.eventStore.readAll({
        after: state.checkpoint,
        maxCount: 1,
        streamPrefixes: entry.projection.streamPrefixes,
        eventTypes: entry.projection.eventTypes,
      });
      if (next.events.length > 0) return false;
    }
    return true;
  }
}
