/**
 * The event store port: the one interface the rest of Samvirke knows. Adapters (PostgreSQL, the
 * default; EventStoreDB for deployments that run it) live beside it and are chosen by the apps.
 * Nothing here imports an adapter, a driver or the framework.
 */
import type { GlobalPosition } from './position';

/** Metadata every event carries. Who did it, for which agency, why, and in answer to what. */
export interface EventMetadata {
  /** User id (subject of the token) or a system actor such as `system:retention`. */
  actor: string;
  /** Agency code from reference data, on whose behalf the actor acted. */
  agency?: string;
  correlationId: string;
  causationId?: string;
  /** Legal basis where the event discloses information between agencies (see DOMAIN.md). */
  legalBasis?: string;
  /** For a system's writes (no user): its purpose, e.g. `history-import` (see the case gate). */
  systemPurpose?: string;
  /** Anything else an adapter must carry verbatim (idempotency key, request id, ...). */
  [key: string]: unknown;
}

/** What a writer hands to the store. The id makes appends idempotent: same ids, no duplicate. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

/** What a reader gets back. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  /** 0-based, gapless within the stream. */
  streamRevision: number;
  /** Opaque, comparable with `comparePositions`; unique across the store. */
  globalPosition: GlobalPosition;
  recordedAt: Date;
}

/**
 * What the writer expects the stream to be before its append:
 * - `no-stream`: the stream must not have any event yet;
 * - `any`: no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  /** Position of the last appended event in the global log. */
  position: GlobalPosition;
  /** True when every event id was already stored: nothing new was written. */
  alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forward' | 'backward';
  /** Forward: start at this revision (inclusive). Backward: start here and go down. */
  fromRevision?: number;
  /** Stop after this revision (inclusive), whatever the direction. */
  toRevision?: number;
  /** Only events recorded at or before this instant: the stream "as of" a moment. */
  asOf?: Date;
  /**
   * Only events of these types; the others are skipped (each event keeps its own revision, so the
   * revisions returned have gaps). `maxCount` counts the events returned. For questions such as
   * "was this case ever in a programme that seals identity", which need one type of a long stream.
   */
  eventTypes?: readonly string[];
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the start. */
  after?: GlobalPosition;
  maxCount?: number;
  /** Only streams whose id starts with one of these prefixes. */
  streamPrefixes?: string[];
  /**
   * Only events of these types (every type when absent). The events skipped lie before `nextAfter`
   * or after it, never between two events returned, so a reader that checkpoints `nextAfter` misses
   * none of the types it asked for.
   */
  eventTypes?: readonly string[];
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /**
   * Where the next read should continue. It may lie beyond the last event returned (an adapter may
   * skip over filtered-out events), so a subscriber checkpoints this, not the last event's position.
   */
  nextAfter: GlobalPosition | undefined;
}

export interface SubscribeOptions extends ReadAllOptions {
  /** Events are delivered in batches of at most this many, in global order. */
  batchSize?: number;
  /** Called with each batch; the subscription waits for the returned promise before going on. */
  onBatch: (events: RecordedEvent[], checkpoint: GlobalPosition) => Promise<void>;
  /** Called when onBatch throws or the store fails; the subscription is stopped after it. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the subscription has delivered every event that existed when it started. */
  readonly caughtUp: Promise<void>;
  /** The checkpoint of the last batch delivered. */
  readonly position: GlobalPosition | undefined;
  stop(): Promise<void>;
}

export interface EventStoreHealth {
  up: boolean;
  adapter: string;
  detail?: string;
}

export interface EventStore {
  readonly adapterName: string;
  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The revision of the stream's last event, or undefined when the stream has no events. */
  streamRevision(streamId: string): Promise<number | undefined>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  /** Catch up from `after`, then stay live. Exactly-once delivery is the subscriber's checkpoint. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** The position of the last event a subscriber could see now (undefined on an empty store). */
  headPosition(): Promise<GlobalPosition | undefined>;
  health(): Promise<EventStoreHealth>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
