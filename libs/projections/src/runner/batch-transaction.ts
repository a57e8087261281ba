import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
import { comparePositions, laterPosition, type GlobalPosition, type RecordedEvent } from '@samvirke/event-store';
import { eventsFor, quoteIdentifier, type Projection, type ProjectionTransaction } from './projection';
import { inTransaction, isTransientDatabaseError } from './transaction';

/**
 * Where a batch goes: the live generation or a generation being rebuilt. Each hook runs inside the
 * batch transaction, so the rows, the checkpoint and a failure mark commit together or not at all.
 */
export interface BatchTarget {
  /**
   * Called first in the transaction. Returns the schema to write and the checkpoint already
   * committed there (events at or before it are skipped: they are in the read model already), or
   * 'stale' when this writer must not write any more (the projection moved to a newer version).
   */
  open(client: PoolClient): Promise<{ schema: string; committed: GlobalPosition | undefined } | 'stale'>;
  saveCheckpoint(client: PoolClient, checkpoint: GlobalPosition | undefined): Promise<void>;
  /**
   * True when `open` already holds the checkpoint row's lock (the live target: FOR UPDATE): the
   * checkpoint is then saved before the rows, which holds that lock no longer, and before search_path
   * moves to the projection's schema, so its named statement is not planned again on every batch (as
   * PostgreSQL does when search_path differs from a statement's last use). Otherwise it is saved
   * after the rows, so the row is locked only at the end of the batch (a rebuild's, beside live batches).
   */
  checkpointFirst?: boolean;
  /** Records that `event` cannot be applied; the checkpoint is already saved up to the event before. */
  recordFailure?(client: PoolClient, event: RecordedEvent, error: unknown): Promise<void>;
}

export type BatchOutcome =
  | { kind: 'applied'; checkpoint: GlobalPosition | undefined }
  | { kind: 'failed'; checkpoint: GlobalPosition | undefined; event: RecordedEvent; error: unknown }
  | { kind: 'stale' };

/** Marks an error thrown by the projection's own code, as opposed to by the runner's SQL. */
class ApplyError extends Error {
  constructor(readonly original: unknown) {
    super('projection apply failed');
  }
}

/**
 * The projection's view of the batch transaction. Writes are sent without waiting (see
 * ProjectionTransaction.write); `settle` waits for all of them and answers the first failure.
 */
export class BatchProjectionTransaction implements ProjectionTransaction {
  private pending: Promise<void>[] = [];
  private firstWriteError: unknown;

  constructor(private readonly client: PoolClient) {}

  query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }> {
    return this.client.query<Row>(preparedOnce(sql, params));
  }

  write(sql: string, params?: unknown[]): void {
    this.pending.push(
      this.client.query(preparedOnce(sql, params)).then(
        () => undefined,
        (error: unknown) => {
          if (this.firstWriteError === undefined) this.firstWriteError = error;
        },
      ),
    );
  }

  /** Waits for every write sent so far; answers the first that failed, if any. */
  async settle(): Promise<unknown> {
    while (this.pending.length > 0) {
      const sent = this.pending;
      this.pending = [];
      await Promise.all(sent);
    }
    const error = this.firstWriteError;
    this.firstWriteError = undefined;
    return error;
  }
}

/** Statements with more parameters are multi-row inserts whose text varies with the row count. */
const MAX_PREPARED_PARAMETERS = 64;
const statementNames = new Map<string, string>();

/**
 * A projection runs the same few statements for every event, so each connection parses and plans
 * them once (a named prepared statement) instead of per call. Names derive from the text, so one
 * text always has one name. Unqualified tables stay correct: PostgreSQL parses a prepared
 * statement again when search_path differs from the last use, so a generation switch or another
 * projection on the same connection never reaches the wrong schema.
 */
function preparedOnce(sql: string, params: unknown[] | undefined): QueryConfig {
  if (params === undefined || params.length === 0 || params.length > MAX_PREPARED_PARAMETERS) return { text: sql, values: params };
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `projection_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params };
}

async function applyGuarded(projection: Projection, events: RecordedEvent[], db: BatchProjectionTransaction, sent?: () => void): Promise<void> {
  try {
    await projection.apply(events, db);
  } catch (error) {
    // A failed write aborts the transaction, so whatever ran after it failed too: name the cause.
    throw new ApplyError((await db.settle()) ?? error);
  }
  sent?.();
  const writeError = await db.settle();
  if (writeError !== undefined) throw new ApplyError(writeError);
}

interface HeldStatement {
  sql: string;
  params: unknown[] | undefined;
  /** Set for a `query`: its answer goes back to the projection once it has run. */
  answer?: { resolve: (result: { rows: QueryResultRow[]; rowCount: number | null }) => void; reject: (error: unknown) => void };
}

/** What a head start's held query answers once the head start is dropped: apply then fails, and its result is not used. */
export class HeadStartDroppedError extends Error {
  constructor() {
    super('the head start was dropped: its batch is applied afresh');
  }
}

/**
 * A projection's `apply` of the next batch, begun while the batch before it is still being written
 * and committed (a rebuild's head start): the projection's JavaScript for the next batch runs while
 * PostgreSQL works on the last one, where otherwise the two take turns.
 *
 * Nothing reaches PostgreSQL early. The statements apply sends are held, writes and queries in the
 * order sent, until the batch's own transaction exists (`attach`), then go to it in that order; a
 * query's answer reaches apply only then, so whatever apply does after a read waits as it would
 * have. The projection contract makes this safe: apply depends on nothing but its events and what
 * its statements answer. When the batch before does not commit as expected, the head start is
 * dropped (`drop`): held statements are never sent, a held query fails, and the batch is applied
 * afresh.
 */
export class HeadStart {
  private readonly held: HeldStatement[] = [];
  private db: BatchProjectionTransaction | undefined;
  private dropped = false;
  /** Settles with apply: undefined, or what apply threw. */
  private readonly applied: Promise<{ error: unknown } | undefined>;

  /**
   * @param events the batch's events apply is given (already past `committedBefore`)
   * @param committedBefore the checkpoint the batch before commits: the head start holds only if the
   *   batch's transaction finds exactly that one committed
   */
  constructor(
    projection: Projection,
    readonly events: readonly RecordedEvent[],
    readonly committedBefore: GlobalPosition | undefined,
  ) {
    const transaction: ProjectionTransaction = {
      query: <Row extends QueryResultRow>(sql: string, params?: unknown[]) => this.query<Row>(sql, params),
      write: (sql, params) => this.write(sql, params),
    };
    this.applied = Promise.resolve()
      .then(() => projection.apply([...events], transaction))
      .then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
  }

  private query<Row extends QueryResultRow>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }> {
    if (this.db) return this.db.query<Row>(sql, params);
    if (this.dropped) return Promise.reject(new HeadStartDroppedError());
    return new Promise((resolve, reject) => {
      this.held.push({ sql, params, answer: { resolve: resolve as (result: { rows: QueryResultRow[]; rowCount: number | null }) => void, reject } });
    });
  }

  private write(sql: string, params?: unknown[]): void {
    if (this.db) this.db.write(sql, params);
    else if (!this.dropped) this.held.push({ sql, params });
  }

  /** Sends what apply has sent so far to the batch's transaction, in order; whatever apply sends next goes straight there. */
  attach(db: BatchProjectionTransaction): void {
    if (this.dropped || this.db) throw new Error('a head start is attached once, and never after it was dropped');
    this.db = db;
    for (const { sql, params, answer } of this.held.splice(0)) {
      if (answer) db.query(sql, params).then(answer.resolve, answer.reject);
      else db.write(sql, params);
    }
  }

  /** Never sends what is held; a held query fails. */
  drop(): void {
    if (this.db) return;
    this.dropped = true;
    for (const { answer } of this.held.splice(0)) answer?.reject(new HeadStartDroppedError());
  }

  /** Attached: waits for apply and its writes, as applyGuarded does for an apply begun in the transaction. */
  async finish(sent?: () => void): Promise<void> {
    const db = this.db;
    if (!db) throw new Error('a head start finishes only once attached');
    const applied = await this.applied;
    if (applied) throw new ApplyError((await db.settle()) ?? applied.error);
    sent?.();
    const writeError = await db.settle();
    if (writeError !== undefined) throw new ApplyError(writeError);
  }

  /** True when `events` are the ones this head start was begun with (same count, same first and last event). */
  isFor(events: readonly RecordedEvent[]): boolean {
    const mine = this.events;
    return mine.length === events.length && mine.length > 0 && mine[0].id === events[0].id && mine[mine.length - 1].id === events[events.length - 1].id;
  }
}

export interface ApplyBatchOptions {
  /** This batch's apply, begun ahead (see HeadStart); used when the transaction finds what it expected, dropped otherwise. */
  headStart?: HeadStart;
  /**
   * Called once apply has sent all of this batch's statements, while they run and before the commit,
   * with the checkpoint the batch is to commit: the moment to begin the next batch's head start.
   */
  whileCommitting?: (checkpoint: GlobalPosition | undefined) => void;
}

/**
 * Applies one batch in one transaction together with its checkpoint.
 *
 * When `apply` throws, the batch is rolled back and replayed in a second transaction one event per
 * savepoint: the events before the failing one commit with the checkpoint set to the last of them,
 * and the failure is recorded in that same transaction. Exactly-once follows from committing rows
 * and checkpoint together, and from skipping whatever the committed checkpoint already covers (a
 * swap may have moved it ahead, or a second runner may have got there first).
 * Transient database errors are rethrown untouched: the caller retries the batch later.
 */
export async function applyBatch(
  pool: Pool,
  projection: Projection,
  events: RecordedEvent[],
  batchCheckpoint: GlobalPosition | undefined,
  target: BatchTarget,
  options: ApplyBatchOptions = {},
): Promise<BatchOutcome> {
  // What the projection takes of the batch (its event types, when it names them); the checkpoint still covers the whole batch.
  const delivered = projection.eventTypes === undefined ? events : eventsFor(projection, events);
  const fresh = (committed: GlobalPosition | undefined) => delivered.filter((e) => comparePositions(e.globalPosition, committed) > 0);
  const { headStart, whileCommitting } = options;
  try {
    return await inTransaction(pool, async (client) => {
      const opened = await target.open(client);
      if (opened === 'stale') {
        headStart?.drop();
        return { kind: 'stale' } as const;
      }
      const pending = fresh(opened.committed);
      const checkpoint = laterPosition(opened.committed, batchCheckpoint);
      // The head start holds only for the very events this transaction would give apply.
      const ahead = headStart && comparePositions(headStart.committedBefore, opened.committed) === 0 && headStart.isFor(pending) ? headStart : undefined;
      if (headStart && !ahead) headStart.drop();
      // In the same transaction as the rows either way: they commit together or not at all.
      if (target.checkpointFirst) await target.saveCheckpoint(client, checkpoint);
      if (pending.length > 0) {
        await client.query(`SET LOCAL search_path TO ${quoteIdentifier(opened.schema)}, public`);
        const db = new BatchProjectionTransaction(client);
        const sent = whileCommitting && (() => whileCommitting(checkpoint));
        if (ahead) {
          ahead.attach(db);
          await ahead.finish(sent);
        } else {
          await applyGuarded(projection, pending, db, sent);
        }
      }
      if (!target.checkpointFirst) await target.saveCheckpoint(client, checkpoint);
      return { kind: 'applied', checkpoint } as const;
    });
  } catch (error) {
    headStart?.drop();
    if (!(error instanceof ApplyError) || isTransientDatabaseError(error.original)) {
      throw error instanceof ApplyError ? error.original : error;
    }
  }
  return inTransaction(pool, async (client) => {
    const opened = await target.open(client);
    if (opened === 'stale') return { kind: 'stale' } as const;
    await client.query(`SET LOCAL search_path TO ${quoteIdentifier(opened.schema)}, public`);
    const db = new BatchProjectionTransaction(client);
    let checkpoint = opened.committed;
    for (const event of fresh(opened.committed)) {
      await client.query('SAVEPOINT projection_event');
      try {
        await applyGuarded(projection, [event], db);
      } catch (error) {
        const original = error instanceof ApplyError ? error.original : error;
        if (isTransientDatabaseError(original)) throw original;
        await client.query('ROLLBACK TO SAVEPOINT projection_event');
        await target.saveCheckpoint(client, checkpoint);
        await target.recordFailure?.(client, event, original);
        return { kind: 'failed', checkpoint, event, error: original } as const;
      }
      await client.query('RELEASE SAVEPOINT projection_event');
      checkpoint = event.globalPosition;
    }
    // The batch failed as a whole but every event passed alone: apply is not batch-invariant, or the
    // failure was a race. The rows are right either way, so commit them.
    checkpoint = laterPosition(checkpoint, batchCheckpoint);
    await target.saveCheckpoint(client, checkpoint);
    return { kind: 'applied', checkpoint } as const;
  });
}
