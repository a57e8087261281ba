/**
 * Our events <-> EventStoreDB events. EventStoreDB has no field for a schema version, so it travels
 * in the event's metadata under `$schemaVersion` beside our own metadata, and is taken out again on
 * the way back: readers see exactly the metadata the writer gave.
 *
 * Reads are strict: an event in a Samvirke stream without our metadata was not written by Samvirke,
 * and silently inventing an actor or a schema version for it would corrupt the audit trail.
 */
import type { JSONEventData, JSONType, Position } from '@eventstore/db-client';
import { InvalidAppendError } from '../errors';
import type { EventMetadata, NewEvent, RecordedEvent } from '../port';
import { fromClientPosition } from './position-codec';

export const SCHEMA_VERSION_KEY = '$schemaVersion';

/** EventStoreDB insists on UUID event ids; validating here gives a field-named error instead of a gRPC one. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The part of the client's recorded event this module reads (the client's type is a conditional union). */
export interface ClientRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export interface ClientResolvedEvent {
  event?: ClientRecordedEvent;
}

/** Raised when an event read back is not one Samvirke wrote. Names the event id, never its content. */
export class UnreadableEventError extends Error {
  constructor(eventId: string, reason: string) {
    super(`event ${eventId} cannot be read as a Samvirke event: ${reason}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** System streams and system event types (`$metadata`, `$>`, `$streamDeleted`, ...) are never ours. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function matchesStreamPrefixes(streamId: string, prefixes: readonly string[] | undefined): boolean {
  return prefixes === undefined || prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix));
}

export function toEventData(event: NewEvent): JSONEventData {
  if (typeof event.id !== 'string' || !UUID_PATTERN.test(event.id)) {
    throw new InvalidAppendError('event id must be a UUID (EventStoreDB requires it)');
  }
  if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
    throw new InvalidAppendError('event type must be a non-empty string not starting with "$"');
  }
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new InvalidAppendError('event schemaVersion must be a positive integer');
  }
  if (event.data === undefined) {
    throw new InvalidAppendError('event data must be a JSON value, not undefined');
  }
  if (!isPlainObject(event.metadata)) {
    throw new InvalidAppendError('event metadata must be an object');
  }
  if (SCHEMA_VERSION_KEY in event.metadata) {
    throw new InvalidAppendError(`event metadata must not contain ${SCHEMA_VERSION_KEY}: the store sets it`);
  }
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // The client JSON.stringify-s whatever it is given; its JSONType is narrower than "any JSON value".
    data: event.data as JSONType,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion },
  };
}

function toMetadata(eventId: string, raw: unknown): { metadata: EventMetadata; schemaVersion: number } {
  if (!isPlainObject(raw)) throw new UnreadableEventError(eventId, 'metadata is not a JSON object');
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...rest } = raw;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) {
    throw new UnreadableEventError(eventId, `metadata has no ${SCHEMA_VERSION_KEY}`);
  }
  const { actor, correlationId } = rest;
  if (typeof actor !== 'string' || typeof correlationId !== 'string') {
    throw new UnreadableEventError(eventId, 'metadata has no actor or correlationId');
  }
  return { metadata: { ...rest, actor, correlationId }, schemaVersion };
}

/**
 * Undefined for what a reader must skip: a link without its target, or a system event. Throws for an
 * event that sits among ours but is not ours.
 */
export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || isSystemEvent(event)) return undefined;
  if (!event.isJson) throw new UnreadableEventError(event.id, 'content type is not JSON');
  if (event.position === undefined) {
    // Stream reads carry positions only from EventStoreDB 22.6 on; without one the global order is unknown.
    throw new UnreadableEventError(event.id, 'the server reported no position (EventStoreDB 22.6 or later is required)');
  }
  const { metadata, schemaVersion } = toMetadata(event.id, event.metadata);
  return {
    id: event.id,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    globalPosition: fromClientPosition(event.position),
    recordedAt: event.created,
  };
}
