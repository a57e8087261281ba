import { Client, Pool, type PoolConfig } from 'pg';
import type {
  AppendResult,
  EventStore,
  EventStoreHealth,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { decodePosition, encodePosition, type GlobalPosition } from '../position';
import { EventStoreUnavailableError, IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { PostgresSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Upper bound on connections this store opens (the subscription's LISTEN client is one more). */
  maxConnections?: number;
  /** Fallback polling interval for subscriptions when no notification arrives. */
  pollIntervalMs?: number;
  /**
   * Once caught up, a subscription reads at most once per this many milliseconds (default 20), so
   * under a stream of appends it hands over batches of what arrived meanwhile instead of one
   * transaction per event. Bounds the added delay; 0 reads as soon as notified.
   */
  liveBatchWindowMs?: number;
  statementTimeoutMs?: number;
  application?: string;
}

/**
 * Each event is read as one JSON text: a JSON array of its fields, the stored `data` and `metadata`
 * texts inside it as they are (json columns keep the exact text written), the recording instant as
 * milliseconds since the epoch (what a Date holds; the microseconds are dropped, as pg's own
 * timestamp parser drops them), the two bigint positions as text. One `JSON.parse` per event in place
 * of pg's ten field conversions (two JSON texts, a timestamp, two bigints): a read of the 100,000
 * events of the bench's store took about 0.6 s of the process's CPU this way against 1.15 s
 * (bench/README.md, fourteenth round).
 */
const EVENT_JSON = `json_build_array(transaction_id::text, global_position::text, event_id, stream_id, stream_revision::text,
  event_type, schema_version, data, metadata, floor(extract(epoch FROM recorded_at) * 1000))::text`;

type EventJson = [
  transactionId: string,
  globalPosition: string,
  eventId: string,
  streamId: string,
  streamRevision: string,
  eventType: string,
  schemaVersion: number,
  data: unknown,
  metadata: NewEvent['metadata'],
  recordedAtMs: number,
];

const STREAM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;
const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

/** Connection errors that mean "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);

export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(
    error.message,
  );
}

/** An event as EVENT_JSON reads it (a query with `rowMode: 'array'`: the text is the row's only field). */
export function toRecordedEvent([text]: [string]): RecordedEvent {
  const [transactionId, globalPosition, eventId, streamId, streamRevision, eventType, schemaVersion, data, metadata, recordedAtMs] = JSON.parse(
    text,
  ) as EventJson;
  return {
    id: eventId,
    type: eventType,
    schemaVersion,
    data,
    metadata,
    streamId,
    streamRevision: Number(streamRevision),
    globalPosition: encodePosition(BigInt(transactionId), BigInt(globalPosition)),
    recordedAt: new Date(recordedAtMs),
  };
}

/** LIKE patterns for stream prefixes, with the wildcard characters of the prefix escaped. */
function prefixPatterns(prefixes: string[] | undefined): string[] | null {
  if (!prefixes || prefixes.length === 0) return null;
  return prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export class PostgresEventStore implements EventStore {
  readonly adapterName = 'postgresql';
  readonly pool: Pool;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private notifyInFlight = false;
  private notifyQueued = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      application_name: options.application ?? 'samvirke-event-store',
      connectionTimeoutMillis: 5_000,
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      // Keeps a forgotten open transaction from holding back every log reader (see schema.ts).
      idle_in_transaction_session_timeout: 10_000,
    };
    this.pool = new Pool(config);
    // A client losing its connection (idle or checked out) must not crash the process: the query in
    // flight rejects and the pool replaces the connection.
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (!STREAM_ID_PATTERN.test(streamId)) throw new InvalidAppendError('stream id has characters outside [A-Za-z0-9._:@-]');
    if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
    for (const event of events) {
      if (!EVENT_TYPE_PATTERN.test(event.type)) throw new InvalidAppendError('event type must be an identifier');
    }
    const expectedCode = expected === 'any' ? -2 : expected === 'no-stream' ? -1 : expected;
    if (!Number.isInteger(expectedCode) || expectedCode < -2) throw new InvalidAppendError('expected revision must be no-stream, any or a revision >= 0');

    const result = await this.guard(() =>
      this.pool.query<{ status: string; revision: string; tx: string | null; pos: string | null }>({
        name: 'es_append',
        text: 'SELECT status, revision, tx, pos FROM es_append($1, $2, $3, $4, $5, $6, $7)',
        values: [
          streamId,
          expectedCode,
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => e.schemaVersion),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      }),
    ).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') throw new IdempotencyConflictError(streamId);
      throw error;
    });
    const row = result.rows[0];
    const revision = Number(row.revision);
    switch (row.status) {
      case 'appended':
        this.announceAppend();
        return {
          nextRevision: revision,
          position: encodePosition(BigInt(row.tx as string), BigInt(row.pos as string)),
          alreadyAppended: false,
        };
      case 'duplicate':
        return {
          nextRevision: revision,
          position: encodePosition(BigInt(row.tx as string), BigInt(row.pos as string)),
          alreadyAppended: true,
        };
      case 'wrong_expected_revision':
        throw new WrongExpectedRevisionError(streamId, expected, revision < 0 ? undefined : revision);
      case 'idempotency_conflict':
        throw new IdempotencyConflictError(streamId);
      default:
        throw new Error(`unexpected append status ${row.status}`);
    }
  }

  /**
   * Tells subscribers (in any process) that the log has grown, after the append has committed.
   * Coalesced: at most one NOTIFY in flight and one queued, however many appends land meanwhile;
   * subscribers read everything new on each wake-up and poll besides, so none is lost.
   */
  private announceAppend(): void {
    if (this.notifyInFlight) {
      this.notifyQueued = true;
      return;
    }
    this.notifyInFlight = true;
    this.pool
      .query("SELECT pg_notify('es_appended', '')")
      .catch(() => undefined)
      .finally(() => {
        this.notifyInFlight = false;
        if (this.notifyQueued) {
          this.notifyQueued = false;
          this.announceAppend();
        }
      });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const conditions = ['stream_id = $1'];
    const values: unknown[] = [streamId];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (options.fromRevision !== undefined) add(backward ? 'stream_revision <= ?' : 'stream_revision >= ?', options.fromRevision);
    if (options.toRevision !== undefined) add(backward ? 'stream_revision >= ?' : 'stream_revision <= ?', options.toRevision);
    if (options.asOf !== undefined) add('recorded_at <= ?', options.asOf);
    if (options.eventTypes !== undefined) add('event_type = ANY(?::text[])', [...options.eventTypes]);
    let sql = `SELECT ${EVENT_JSON} FROM es_events WHERE ${conditions.join(' AND ')}
      ORDER BY stream_revision ${backward ? 'DESC' : 'ASC'}`;
    if (options.maxCount !== undefined) {
      values.push(options.maxCount);
      sql += ` LIMIT $${values.length}`;
    }
    const result = await this.guard(() => this.pool.query<[string]>({ text: sql, values, rowMode: 'array' }));
    return result.rows.map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number | undefined> {
    const result = await this.guard(() => this.pool.query<{ revision: string }>('SELECT revision FROM es_streams WHERE stream_id = $1', [streamId]));
    const revision = result.rows[0] ? Number(result.rows[0].revision) : -1;
    return revision < 0 ? undefined : revision;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ? decodePosition(options.after) : { major: 0n, minor: 0n };
    const limit = options.maxCount ?? 1000;
    const patterns = prefixPatterns(options.streamPrefixes);
    const types = options.eventTypes ? [...options.eventTypes] : null;
    // The four shapes are named statements of their own: a filter is part of the plan, not a NULL test.
    const values: unknown[] = [after.major.toString(), after.minor.toString(), limit];
    const filters: string[] = [];
    if (patterns) filters.push(`AND stream_id LIKE ANY ($${values.push(patterns)}::text[])`);
    if (types) filters.push(`AND event_type = ANY ($${values.push(types)}::text[])`);
    // One statement, so the xmin horizon and the rows come from the same snapshot (see schema.ts).
    const result = await this.guard(() =>
      this.pool.query<[string]>({
        name: `es_read_all${patterns ? '_filtered' : ''}${types ? '_typed' : ''}`,
        text: `SELECT ${EVENT_JSON} FROM es_events
          WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
            ${filters.join(' ')}
          ORDER BY transaction_id, global_position
          LIMIT $3`,
        values,
        rowMode: 'array',
      }),
    );
    const events = result.rows.map(toRecordedEvent);
    return { events, nextAfter: events.length > 0 ? events[events.length - 1].globalPosition : options.after };
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const result = await this.guard(() =>
      this.pool.query<{ transaction_id: string; global_position: string }>(
        `SELECT transaction_id, global_position FROM es_events
          WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      ),
    );
    const row = result.rows[0];
    return row ? encodePosition(BigInt(row.transaction_id), BigInt(row.global_position)) : undefined;
  }

  /** The newest committed event, whether or not readers may see it yet (used for "caught up"). */
  async committedHeadPosition(): Promise<GlobalPosition | undefined> {
    const result = await this.guard(() =>
      this.pool.query<{ transaction_id: string; global_position: string }>(
        'SELECT transaction_id, global_position FROM es_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1',
      ),
    );
    const row = result.rows[0];
    return row ? encodePosition(BigInt(row.transaction_id), BigInt(row.global_position)) : undefined;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = new PostgresSubscription(this, options, {
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      liveBatchWindowMs: this.options.liveBatchWindowMs ?? 20,
      createListener: () => new Client({ connectionString: this.options.connectionString, application_name: 'samvirke-listener' }),
    });
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    subscription.start();
    return subscription;
  }

  async health(): Promise<EventStoreHealth> {
    try {
      await this.pool.query('SELECT 1 FROM es_streams LIMIT 1');
      return { up: true, adapter: this.adapterName };
    } catch (error) {
      return { up: false, adapter: this.adapterName, detail: isConnectionFailure(error) ? 'database unreachable' : 'event store schema not readable' };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.pool.end();
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isConnectionFailure(error)) throw new EventStoreUnavailableError('event store database unreachable', error);
      throw error;
    }
  }
}
