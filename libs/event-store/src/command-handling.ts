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
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(envelope.streamId);
    const domainEvents = history.map((recorded) => ({ type: recorded.type, data: recorded.data }) as Event);
    const state = decider.evolveAll
      ? decider.evolveAll(decider.initialState(), domainEvents)
      : domainEvents.reduce((folded, event) => decider.evolve(folded, event), decider.initialState());
    envelope.authorize?.(state);

    const replay = findEarlierHandling<Event>(history, firstEventId, envelope);
    if (replay) return replay;

    const currentRevision = history.length > 0 ? history[history.length - 1].streamRevision : undefined;
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== currentRevision) {
      throw new WrongExpectedRevisionError(envelope.streamId, envelope.expectedRevision, currentRevision);
    }

    command ??= await (envelope.command as (state: State) => Promise<Command>)(state);
    const decided = decider.decide(command, state, envelope.context);
    if (decided.length === 0) {
      return {
        streamId: envelope.streamId,
        revision: currentRevision,
        position: history.at(-1)?.globalPosition,
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
      return { streamId: envelope.streamId, revision: result.nextRevision, position: result.position, events: decided, replayed: result.alreadyAppended };
    } catch (error) {
      // Someone else appended between our read and our write. If the client pinned a revision, that
      // is their conflict to resolve; otherwise decide again on the new state.
      const retry = error instanceof WrongExpectedRevisionError && envelope.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
      if (attempt >= 2) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

function findEarlierHandling<Event extends DomainEvent>(
  history: RecordedEvent[],
  firstEventId: string,
  envelope: CommandEnvelope<unknown, unknown, never>,
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
