import { createHash, randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from './port';
import type { GlobalPosition } from './position';
import { WrongExpectedRevisionError } from './errors';

/**
 * Load, decide, append with the expected revision: the whole of a command handler, written once.
 *
 * Idempotency: a command carries an idempotency key. The ids of the events it produces are derived
 * from (stream, key, index), so a retried request produces the same ids. When the stream already
 * holds the first of them, the command was handled before: the original result is returned and
 * nothing is decided again (deciding again could fail, e.g. "already acknowledged", on the very
 * retry that should succeed). A reused key with a different request is refused.
 */
export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface StreamDecider<Command, Event extends DomainEvent, State, Context> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: Context): Event[];
  /** Folds many events at once; same result as reducing with `evolve`, when a decider can do it faster. */
  evolveAll?(state: State, events: Event[]): State;
}

export interface CommandEnvelope<Command, Context, State = unknown> {
  streamId: string;
  /**
   * The command, or a function that builds it from the loaded state: called once, after `authorize`
   * has passed and only when the command is new (not a retry already handled), so work such as
   * sealing personal data is never done for a caller who is refused.
   */
  command: Command | ((state: State) => Promise<Command>);
  context: Context;
  /** The revision the client last saw (HTTP If-Match). Undefined: no client-side check. */
  expectedRevision?: number;
  idempotencyKey: string;
  /** A digest of the request, to tell a retry from a different request that reuses its key. */
  requestFingerprint: string;
  metadata: EventMetadata;
  /** Event schema version per event type; 1 when not listed. */
  schemaVersions?: Readonly<Record<string, number>>;
  /**
   * Checks the caller may run this command on the stream as it is; throws to refuse. Runs on the
   * state folded from the same read the decision uses, before anything else is revealed (revision,
   * earlier handling).
   */
  authorize?: (state: State) => void;
  /** The folded state of recently used streams, so a command reads only the events newer than it (see StreamStateCache). */
  stateCache?: StreamStateCache<State>;
}

interface CachedStream<State> {
  /** Revision of the last event folded into `state`. */
  revision: number;
  position: GlobalPosition;
  state: State;
  /**
   * Ids of the stream's events, at least up to `revision`: a command whose first event id is here
   * may have been handled before and takes the uncached path, which finds the earlier handling.
   * Grow-only and shared by the entries of one stream (an id beyond an entry's revision only sends
   * a command down the uncached path).
   */
  eventIds: Set<string>;
}

/**
 * The folded state of recently used streams, per process (bounded, least recently used out). A
 * command on a cached stream is decided on the cached state without reading the stream at all, and
 * appended with the cached revision as the expected one: the append's revision check is the read.
 * Safe because events are immutable and streams append-only, states are values (`evolve` never
 * changes a state it is given), and anything the cache missed (a writer in another process) fails
 * that check: the entry is then dropped and the command decided again from a read. A cached state
 * is never the last word on a refusal either: when the caller is refused, the client's If-Match
 * differs, the rules refuse or decide nothing on it, the command is decided again on a fresh read
 * (only the events after the cached revision), so what the client hears is always true of the stream
 * as stored. A retried request (its first event id not among the ids this cache has seen) takes the
 * full read, where the earlier handling is found; one handled by another process moved the stream,
 * which the revision check catches.
 *
 * Only what `evolve` builds is cached: for case streams that is ciphertext (sealed values), never a
 * decrypted field, so crypto-shredding makes it as unreadable as the events; erasure still drops
 * the entry (`forget`).
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, CachedStream<State>>();

  constructor(readonly maxStreams = 500) {}

  get size(): number {
    return this.entries.size;
  }

  /** @internal for handleStreamCommand */
  take(streamId: string): CachedStream<State> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  /** @internal for handleStreamCommand; an older entry never replaces a newer one. */
  keep(streamId: string, entry: CachedStream<State>): void {
    if (this.maxStreams <= 0) return;
    const current = this.entries.get(streamId);
    if (current && current.revision > entry.revision) return;
    this.entries.delete(streamId);
    if (this.entries.size >= this.maxStreams) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(streamId, entry);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
  }
}

interface LoadedStream<State> {
  state: State;
  revision: number | undefined;
  position: GlobalPosition | undefined;
  /** The whole stream, when it was read whole (needed to find an earlier handling). */
  history: RecordedEvent[] | undefined;
  eventIds: Set<string>;
  /** Decided on the cached state without reading: anything but a successful append is checked again on a read. */
  unread: boolean;
}

async function loadStream<Command, Event extends DomainEvent, State, Context>(
  store: EventStore,
  decider: StreamDecider<Command, Event, State, Context>,
  envelope: CommandEnvelope<Command, Context, State>,
  firstEventId: string,
  trustCache: boolean,
): Promise<LoadedStream<State>> {
  const fold = (state: State, recorded: RecordedEvent[]): State => {
    const domainEvents = recorded.map((event) => ({ type: event.type, data: event.data }) as Event);
    return decider.evolveAll ? decider.evolveAll(state, domainEvents) : domainEvents.reduce((folded, event) => decider.evolve(folded, event), state);
  };
  const cache = envelope.stateCache;
  const cached = cache?.take(envelope.streamId);
  if (cache && cached && !cached.eventIds.has(firstEventId)) {
    if (trustCache)
      return { state: cached.state, revision: cached.revision, position: cached.position, history: undefined, eventIds: cached.eventIds, unread: true };
    const newer = await store.readStream(envelope.streamId, { fromRevision: cached.revision + 1 });
    const contiguous = newer.every((event, index) => event.streamRevision === cached.revision + 1 + index);
    if (contiguous && !newer.some((event) => event.id === firstEventId)) {
      for (const event of newer) cached.eventIds.add(event.id);
      const last = newer.at(-1);
      const loaded = {
        state: newer.length > 0 ? fold(cached.state, newer) : cached.state,
        revision: last?.streamRevision ?? cached.revision,
        position: last?.globalPosition ?? cached.position,
        history: undefined,
        eventIds: cached.eventIds,
        unread: false,
      };
      if (last) cache.keep(envelope.streamId, { ...loaded, revision: last.streamRevision, position: last.globalPosition });
      return loaded;
    }
    cache.forget(envelope.streamId);
  }
  const history = await store.readStream(envelope.streamId);
  const last = history.at(-1);
  const loaded = {
    state: fold(decider.initialState(), history),
    revision: last?.streamRevision,
    position: last?.globalPosition,
    history,
    eventIds: new Set(history.map((event) => event.id)),
    unread: false,
  };
  if (cache && last)
    cache.keep(envelope.streamId, { state: loaded.state, revision: last.streamRevision, position: last.globalPosition, eventIds: loaded.eventIds });
  return loaded;
}

export interface CommandOutcome<Event> {
  streamId: string;
  /** Revision of the stream's last event after the command (undefined: still empty). */
  revision: number | undefined;
  position: GlobalPosition | undefined;
  events: Event[];
  /** True when this was a retry of a command already handled: nothing new was appended. */
  replayed: boolean;
}

export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('this idempotency key was already used for a different request; use a new key for a new request');
  }
}

const EVENT_ID_NAMESPACE = 'samvirke-event-id-v1';

/** A UUID (version 5 layout) derived from the inputs: same inputs, same id. */
export function deterministicUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update('\u001f').update(parts.join('\u001f')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function newIdempotencyKey(): string {
  return randomUUID();
}

/**
 * How often a command is decided again when another writer moved the stream in between. From the
 * third attempt on, a short random pause lets a burst of writers to one stream spread out.
 */
const MAX_ATTEMPTS = 8;

export async function handleStreamCommand<Command, Event extends DomainEvent, State, Context>(
  store: EventStore,
  decider: StreamDecider<Command, Event, State, Context>,
  envelope: CommandEnvelope<Command, Context, State>,
): Promise<CommandOutcome<Event>> {
  const firstEventId = deterministicUuid(envelope.streamId, envelope.idempotencyKey, '0');
  let command: Command | undefined = typeof envelope.command === 'function' ? undefined : envelope.command;
  // The first attempt may decide on the cached state without a read; everything after it reads.
  let trustCache = true;
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(store, decider, envelope, firstEventId, trustCache);
    trustCache = false;
    const { state } = loaded;
    let decided: Event[];
    try {
      envelope.authorize?.(state);
      // A cached load has checked that the first event id is not among the stream's ids it knows: nothing handled before.
      const replay = loaded.history ? findEarlierHandling<Event>(loaded.history, firstEventId, envelope) : undefined;
      if (replay) return replay;
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== loaded.revision) {
        throw new WrongExpectedRevisionError(envelope.streamId, envelope.expectedRevision, loaded.revision);
      }
      command ??= await (envelope.command as (state: State) => Promise<Command>)(state);
      decided = decider.decide(command, state, envelope.context);
    } catch (error) {
      // Refused on a state nobody read: the stream may have moved on. Ask again on a read.
      if (loaded.unread) {
        attempt--;
        continue;
      }
      throw error;
    }
    // Nothing to do, on a state nobody read: confirm on a read before answering so.
    if (decided.length === 0 && loaded.unread) {
      attempt--;
      continue;
    }
    const currentRevision = loaded.revision;
    if (decided.length === 0) {
      return {
        streamId: envelope.streamId,
        revision: currentRevision,
        position: loaded.position,
        events: [],
        replayed: false,
      };
    }
    const metadata: EventMetadata = {
      ...envelope.metadata,
      idempotencyKey: envelope.idempotencyKey,
      requestFingerprint: envelope.requestFingerprint,
    };
    const toAppend: NewEvent[] = decided.map((event, index) => ({
      id: deterministicUuid(envelope.streamId, envelope.idempotencyKey, String(index)),
      type: event.type,
      schemaVersion: envelope.schemaVersions?.[event.type] ?? 1,
      data: event.data,
      metadata,
    }));
    try {
      const result = await store.appendToStream(envelope.streamId, toAppend, currentRevision ?? 'no-stream');
      rememberAppended(envelope, decider, loaded, toAppend, result);
      return { streamId: envelope.streamId, revision: result.nextRevision, position: result.position, events: decided, replayed: result.alreadyAppended };
    } catch (error) {
      // Another writer came first, or the cached state missed its events: the next attempt reads
      // what follows the cached revision (a cached state is a true fold up to its revision).
      // Someone else appended between our read and our write. If the client pinned a revision, that
      // is their conflict to resolve; otherwise decide again on the new state.
      const retry = error instanceof WrongExpectedRevisionError && envelope.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
      if (attempt >= 2) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** The state after an append, folded from the events as they are stored (JSON), cached at the new revision. */
function rememberAppended<Command, Event extends DomainEvent, State, Context>(
  envelope: CommandEnvelope<Command, Context, State>,
  decider: StreamDecider<Command, Event, State, Context>,
  loaded: LoadedStream<State>,
  appended: NewEvent[],
  result: { nextRevision: number; position: GlobalPosition; alreadyAppended: boolean },
): void {
  const cache = envelope.stateCache;
  if (!cache) return;
  if (result.alreadyAppended || result.nextRevision !== (loaded.revision ?? -1) + appended.length) {
    cache.forget(envelope.streamId);
    return;
  }
  const stored = appended.map((event) => ({ type: event.type, data: JSON.parse(JSON.stringify(event.data)) as unknown }) as Event);
  const state = decider.evolveAll ? decider.evolveAll(loaded.state, stored) : stored.reduce((folded, event) => decider.evolve(folded, event), loaded.state);
  for (const event of appended) loaded.eventIds.add(event.id);
  cache.keep(envelope.streamId, { state, revision: result.nextRevision, position: result.position, eventIds: loaded.eventIds });
}

function findEarlierHandling<Event extends DomainEvent>(
  history: RecordedEvent[],
  firstEventId: string,
  envelope: Pick<CommandEnvelope<unknown, unknown>, 'idempotencyKey' | 'requestFingerprint' | 'streamId'>,
): CommandOutcome<Event> | undefined {
  const first = history.findIndex((event) => event.id === firstEventId);
  if (first < 0) return undefined;
  if (history[first].metadata.requestFingerprint !== envelope.requestFingerprint) throw new IdempotencyKeyReusedError();
  const mine = history.filter((event) => event.metadata.idempotencyKey === envelope.idempotencyKey);
  const last = mine[mine.length - 1];
  return {
    streamId: envelope.streamId,
    revision: last.streamRevision,
    position: last.globalPosition,
    events: mine.map((event) => ({ type: event.type, data: event.data }) as Event),
    replayed: true,
  };
}
