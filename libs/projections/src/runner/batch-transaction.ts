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

async function applyGuarded(projection: Projection, events: RecordedEvent[], db: BatchProjectionTransaction): Promise<void> {
  try {
    await projection.apply(events, db);
  } catch (error) {
    // A failed write aborts the transaction, so whatever ran after it failed too: name the cause.
    throw new ApplyError((await db.settle()) ?? error);
  }
  const writeError = await db.settle();
  if (writeError !== undefined) throw new ApplyError(writeError);
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
): Promise<BatchOutcome> {
  // What the projection takes of the batch (its event types, when it names them); the checkpoint still covers the whole batch.
  const delivered = projection.eventTypes === undefined ? events : eventsFor(projection, events);
  const fresh = (committed: GlobalPosition | undefined) => delivered.filter((e) => comparePositions(e.globalPosition, committed) > 0);
  try {
    return await inTransaction(pool, async (client) => {
      const opened = await target.open(client);
      if (opened === 'stale') return { kind: 'stale' } as const;
      const pending = fresh(opened.committed);
      const checkpoint = laterPosition(opened.committed, batchCheckpoint);
      // In the same transaction as the rows either way: they commit together or not at all.
      if (target.checkpointFirst) await target.saveCheckpoint(client, checkpoint);
      if (pending.length > 0) {
        await client.query(`SET LOCAL search_path TO ${quoteIdentifier(opened.schema)}, public`);
        await applyGuarded(projection, pending, new BatchProjectionTransaction(client));
      }
      if (!target.checkpointFirst) await target.saveCheckpoint(client, checkpoint);
      return { kind: 'applied', checkpoint } as const;
    });
  } catch (error) {
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
