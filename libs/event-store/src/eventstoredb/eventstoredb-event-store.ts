/**
 * The EventStoreDB adapter of the event store port, for deployments that run EventStoreDB instead
 * of (or beside) PostgreSQL. Semantics follow port.ts; where EventStoreDB cannot give the same
 * guarantee, the limit is written down next to the code that lives with it.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  streamNameFilter,
  type AppendExpectedRevision,
  type Position,
  type ReadPosition,
  type StreamingRead,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
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
import { comparePositions, type GlobalPosition } from '../position';
import { EventStoreDbAllSubscription, type AllFeed } from './all-subscription';
import { translateEventStoreDbError } from './error-translation';
import { isSystemEvent, matchesStreamPrefixes, toEventData, toRecordedEvent, type ClientResolvedEvent } from './event-mapping';
import { fromClientPosition, toClientPosition } from './position-codec';
import { ReconnectPolicy, type ReconnectPolicyOptions } from './reconnect-policy';

export interface EventStoreDbOptions {
  /** Default for readAll/subscribeToAll when the caller names no prefixes: only our streams. */
  streamPrefixes?: string[];
  /** Streaming reads have no gRPC deadline in the client; this bounds each one. */
  readTimeoutMs?: number;
  /** For `any` appends: how many of the stream's last events are searched for re-sent ids. */
  idempotencyWindow?: number;
  /** readAll page size when the caller gives no maxCount. */
  defaultPageSize?: number;
  /** How many $all records one readAll round trip scans (see readAll on filtering). */
  scanChunkSize?: number;
  subscriptionFlushIntervalMs?: number;
  subscriptionProbeIntervalMs?: number;
  reconnect?: ReconnectPolicyOptions;
}

const ADAPTER_NAME = 'eventstoredb';

export class EventStoreDbEventStore implements EventStore {
  readonly adapterName = ADAPTER_NAME;
  private readonly subscriptions = new Set<Subscription>();
  private readonly readTimeoutMs: number;
  private readonly idempotencyWindow: number;
  private readonly defaultPageSize: number;
  private readonly scanChunkSize: number;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.readTimeoutMs = options.readTimeoutMs ?? 10_000;
    this.idempotencyWindow = options.idempotencyWindow ?? 32;
    this.defaultPageSize = options.defaultPageSize ?? 1_000;
    this.scanChunkSize = Math.max(2, options.scanChunkSize ?? 1_000);
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    validateStreamId(streamId);
    if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
    if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
      throw new InvalidAppendError('expected revision must be no-stream, any or a non-negative integer');
    }
    const data = events.map(toEventData);
    if (new Set(events.map((event) => event.id.toLowerCase())).size !== events.length) {
      throw new InvalidAppendError('event ids within one append must be distinct');
    }
    try {
      const earlier = await this.findEarlierAppend(streamId, events, expected);
      if (earlier) return earlier;
      const result = await this.client.appendToStream(streamId, data, { expectedRevision: toClientExpectedRevision(expected) });
      if (!result.success) {
        // Only when the connection string sets throwOnAppendFailure=false; the client then hides the actual revision.
        throw new WrongExpectedRevisionError(streamId, expected, await this.streamRevision(streamId));
      }
      const nextRevision = Number(result.nextExpectedRevision);
      return { nextRevision, position: await this.positionOf(streamId, nextRevision, result.position), alreadyAppended: false };
    } catch (error) {
      throw translateEventStoreDbError(error);
    }
  }

  /**
   * Idempotency by event id. EventStoreDB itself dedupes a re-sent append when it carries the same
   * ids *and* the same expected revision, but answers as if it had written, so the port's
   * `alreadyAppended` cannot be learnt from its reply. Hence a read before the write:
   * - exact revision / no-stream: the slots the append would fill (n+1 .. n+k) are read; our ids
   *   there in order mean "already appended", some of them there mean a conflict;
   * - any: the last `idempotencyWindow` events are searched the same way.
   * Limits, honestly: ids stored elsewhere in the stream (outside those slots or that window) are not
   * found, so such an append writes a second copy; and two identical appends racing each other both
   * pass the read, the server dedupes the second, and both report `alreadyAppended: false`.
   */
  private async findEarlierAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult | undefined> {
    const stored =
      expected === 'any'
        ? (await this.readStream(streamId, { direction: 'backward', maxCount: Math.max(events.length, this.idempotencyWindow) })).reverse()
        : await this.readStream(streamId, { fromRevision: expected === 'no-stream' ? 0 : expected + 1, maxCount: events.length });
    const ids = events.map((event) => event.id.toLowerCase());
    const wanted = new Set(ids);
    const overlap = stored.filter((event) => wanted.has(event.id.toLowerCase()));
    if (overlap.length === 0) return undefined;
    const first = stored.findIndex((event) => event.id.toLowerCase() === ids[0]);
    const same =
      first >= 0 &&
      events.every((event, i) => {
        const existing = stored[first + i];
        return (
          existing !== undefined &&
          existing.id.toLowerCase() === ids[i] &&
          existing.type === event.type &&
          existing.schemaVersion === event.schemaVersion &&
          JSON.stringify(existing.data) === JSON.stringify(event.data)
        );
      });
    if (!same) throw new IdempotencyConflictError(streamId);
    const last = stored[first + events.length - 1];
    return { nextRevision: last.streamRevision, position: last.globalPosition, alreadyAppended: true };
  }

  /**
   * The append reply's position is not reliably the last event's own (for multi-event appends it may
   * be the transaction's), so the event is read back; the reply is the fallback when that read fails,
   * since the write itself has succeeded.
   */
  private async positionOf(streamId: string, revision: number, reported: Position | undefined): Promise<GlobalPosition> {
    try {
      const [last] = await this.readStream(streamId, { direction: 'backward', fromRevision: revision, maxCount: 1 });
      if (last?.streamRevision === revision) return last.globalPosition;
    } catch (error) {
      if (reported === undefined) throw error;
    }
    if (reported === undefined) throw new EventStoreUnavailableError('EventStoreDB reported no position for the append');
    return fromClientPosition(reported);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const { fromRevision, toRevision, asOf, eventTypes, maxCount } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    const wanted = eventTypes === undefined ? undefined : new Set(eventTypes);
    // Without asOf or a type filter every event read is kept, so the server can be told exactly how many to send.
    let serverCount = asOf === undefined && wanted === undefined ? maxCount : undefined;
    const start = fromRevision ?? (backward ? undefined : 0);
    if (asOf === undefined && wanted === undefined && toRevision !== undefined && start !== undefined) {
      const span = backward ? start - toRevision + 1 : toRevision - start + 1;
      if (span <= 0) return [];
      serverCount = Math.min(serverCount ?? span, span);
    }
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backward ? BACKWARDS : FORWARDS,
        fromRevision: fromRevision !== undefined ? BigInt(fromRevision) : backward ? END : START,
        ...(serverCount !== undefined ? { maxCount: serverCount } : {}),
      });
      await this.visit(read, (resolved) => {
        const event = toRecordedEvent(resolved);
        if (event === undefined) return true;
        if (toRevision !== undefined && (backward ? event.streamRevision < toRevision : event.streamRevision > toRevision)) return false;
        if (asOf !== undefined && event.recordedAt.getTime() > asOf.getTime()) {
          // Forward, everything after is later still; backward, older events are still to come.
          return backward;
        }
        if (wanted !== undefined && !wanted.has(event.type)) return true;
        events.push(event);
        return maxCount === undefined || events.length < maxCount;
      });
      return events;
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateEventStoreDbError(error);
    }
  }

  async streamRevision(streamId: string): Promise<number | undefined> {
    const [last] = await this.readStream(streamId, { direction: 'backward', maxCount: 1 });
    return last?.streamRevision;
  }

  /**
   * Filtering happens here, not on the server: client 6.2.1's readAll always sends "no filter" (only
   * subscribeToAll takes a server-side filter), so $all is scanned in chunks and records outside our
   * prefixes or of other types than those asked for, and system events, are skipped. `nextAfter` therefore may lie beyond the last event
   * returned: it is the last record scanned, so the next page does not scan the same records again.
   * A page ends when maxCount events are found or the end of the log is reached, so an empty page
   * means "nothing more now" (never "more after a gap"); the price is that a page over a long stretch
   * of foreign records takes as long as reading them.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const maxCount = options.maxCount ?? this.defaultPageSize;
    const prefixes = options.streamPrefixes ?? this.options.streamPrefixes;
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    let scanned = options.after;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return { events, nextAfter: scanned };
    try {
      for (;;) {
        let count = 0;
        let full = false;
        const from: ReadPosition = scanned === undefined ? START : toClientPosition(scanned);
        await this.visit(this.client.readAll({ fromPosition: from, maxCount: this.scanChunkSize, direction: FORWARDS }), (resolved) => {
          count++;
          const raw = resolved.event;
          if (raw === undefined) return true;
          const position = fromClientPosition(raw.position);
          // readAll includes the record at its start position, which the previous page already had.
          if (comparePositions(position, scanned) <= 0) return true;
          scanned = position;
          if (isSystemEvent(raw) || !matchesStreamPrefixes(raw.streamId, prefixes) || (types && !types.has(raw.type))) return true;
          const event = toRecordedEvent(resolved);
          if (event !== undefined) events.push(event);
          full = events.length >= maxCount;
          return !full;
        });
        if (full || count < this.scanChunkSize) return { events, nextAfter: scanned };
      }
    } catch (error) {
      throw translateEventStoreDbError(error);
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const defaultPrefixes = this.options.streamPrefixes;
    const subscription = new EventStoreDbAllSubscription(
      {
        open: (after, prefixes, batchSize) => this.openFeed(after, prefixes ?? defaultPrefixes, batchSize),
        nothingAfter: async (after, prefixes) => (await this.readAll({ after, maxCount: 1, streamPrefixes: prefixes ?? defaultPrefixes })).events.length === 0,
        policy: new ReconnectPolicy(this.options.reconnect),
        flushIntervalMs: this.options.subscriptionFlushIntervalMs,
        probeIntervalMs: this.options.subscriptionProbeIntervalMs,
      },
      {
        ...options,
        streamPrefixes: options.streamPrefixes ?? defaultPrefixes,
        onError: (error) => {
          this.subscriptions.delete(subscription);
          options.onError?.(error);
        },
      },
    );
    this.subscriptions.add(subscription);
    return {
      get caughtUp() {
        return subscription.caughtUp;
      },
      get position() {
        return subscription.position;
      },
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  private openFeed(after: GlobalPosition | undefined, prefixes: string[] | undefined, batchSize: number): AllFeed {
    return this.client.subscribeToAll(
      {
        fromPosition: after === undefined ? START : toClientPosition(after),
        // Our prefixes never start with "$", so the prefix filter already excludes system streams.
        filter: prefixes !== undefined && prefixes.length > 0 ? streamNameFilter({ prefixes }) : excludeSystemEvents(),
      },
      // Bounds how many events the client buffers while onBatch runs.
      { highWaterMark: batchSize },
    );
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    let head: GlobalPosition | undefined;
    try {
      await this.visit(this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }), (resolved) => {
        if (resolved.event !== undefined) head = fromClientPosition(resolved.event.position);
        return false;
      });
      return head;
    } catch (error) {
      throw translateEventStoreDbError(error);
    }
  }

  async health(): Promise<EventStoreHealth> {
    try {
      await this.headPosition();
      return { up: true, adapter: ADAPTER_NAME };
    } catch (error) {
      const detail = error instanceof EventStoreUnavailableError ? error.code : 'EVENT_STORE_ERROR';
      return { up: false, adapter: ADAPTER_NAME, detail };
    }
  }

  async close(): Promise<void> {
    const running = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(running.map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Feeds each item of a streaming read to `each` until it returns false, then cancels the call.
   * Streaming reads carry no gRPC deadline in the client (it sets Infinity), so a hung server would
   * hang the caller: each read is bounded by readTimeoutMs and then cancelled.
   */
  private async visit<E extends ClientResolvedEvent>(read: StreamingRead<E>, each: (item: E) => boolean): Promise<void> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      read.destroy(new EventStoreUnavailableError('EventStoreDB did not answer in time; retry later'));
    }, this.readTimeoutMs);
    let stoppedEarly = false;
    try {
      for await (const item of read) {
        if (!each(item)) {
          stoppedEarly = true;
          break;
        }
      }
    } finally {
      clearTimeout(timer);
      if (stoppedEarly || timedOut) await read.cancel().catch(() => undefined);
    }
  }
}

function validateStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.startsWith('$')) {
    throw new InvalidAppendError('stream id must be a non-empty string not starting with "$"');
  }
}

function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no-stream') return 'no_stream';
  if (expected === 'any') return 'any';
  return BigInt(expected);
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError || (typeof error === 'object' && error !== null && 'type' in error && error.type === 'stream-not-found');
}

/** True for the connection strings this adapter serves (single node or cluster discovery). */
export function isEventStoreDbConnectionString(value: string | undefined): value is string {
  return value !== undefined && /^esdb(\+discover)?:\/\//.test(value);
}

export function createEventStoreDbEventStore(connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
  if (!isEventStoreDbConnectionString(connectionString)) {
    throw new RangeError('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  }
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
}

/** The adapter when EVENTSTORE_CONNECTION_STRING is set, otherwise undefined (the apps then use PostgreSQL). */
export function eventStoreDbFromEnvironment(
  env: Record<string, string | undefined> = process.env,
  options: EventStoreDbOptions = {},
): EventStoreDbEventStore | undefined {
  const connectionString = env.EVENTSTORE_CONNECTION_STRING;
  if (connectionString === undefined || connectionString.trim() === '') return undefined;
  return createEventStoreDbEventStore(connectionString.trim(), options);
}
