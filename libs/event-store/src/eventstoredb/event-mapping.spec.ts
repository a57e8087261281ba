import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from '../errors';
import type { NewEvent } from '../port';
import { encodePosition } from '../position';
import { SCHEMA_VERSION_KEY, UnreadableEventError, toEventData, toRecordedEvent, type ClientRecordedEvent } from './event-mapping';

function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'InformationShared',
    schemaVersion: 3,
    data: { text: 'Æblegrød på Nørrebro 😀', nested: { list: [1, 2.5, null, true] } },
    metadata: {
      actor: 'user-1',
      agency: 'KBH-POLITI',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      legalBasis: 'RPL115-1-1',
      requestId: 'r-7',
    },
    ...overrides,
  };
}

/** What the server hands back for an event the client wrote: JSON bytes in, JSON parsed out. */
function asStored(event: NewEvent, extra: Partial<ClientRecordedEvent> = {}): ClientRecordedEvent {
  const written = toEventData(event);
  return {
    streamId: 'case-1',
    id: written.id,
    revision: 4n,
    type: written.type,
    created: new Date('2025-03-01T10:00:00.123Z'),
    isJson: true,
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit: 1000n, prepare: 990n },
    ...extra,
  };
}

describe('EventStoreDB event mapping', () => {
  it('round-trips type, schema version, unicode data and metadata exactly', () => {
    const event = newEvent();
    const recorded = toRecordedEvent({ event: asStored(event) });
    expect(recorded).toEqual({
      ...event,
      streamId: 'case-1',
      streamRevision: 4,
      globalPosition: encodePosition(1000n, 990n),
      recordedAt: new Date('2025-03-01T10:00:00.123Z'),
    });
  });

  it('round-trips data that is not an object (string, array, number, null)', () => {
    for (const data of ['plain text ✓', [1, 'two'], 42, null]) {
      const event = newEvent({ data });
      expect(toRecordedEvent({ event: asStored(event) })?.data).toEqual(data);
    }
  });

  it('carries the schema version in metadata, as JSON, with our metadata beside it', () => {
    const event = newEvent({ schemaVersion: 7 });
    const written = toEventData(event);
    expect(written.contentType).toBe('application/json');
    expect(written.id).toBe(event.id);
    expect(written.metadata).toEqual({ ...event.metadata, [SCHEMA_VERSION_KEY]: 7 });
    expect(event.metadata).not.toHaveProperty(SCHEMA_VERSION_KEY);
  });

  it('refuses what EventStoreDB cannot store or the port does not allow, naming the field', () => {
    expect(() => toEventData(newEvent({ id: 'not-a-uuid' }))).toThrow(/event id must be a UUID/);
    expect(() => toEventData(newEvent({ type: '' }))).toThrow(InvalidAppendError);
    expect(() => toEventData(newEvent({ type: '$system' }))).toThrow(/event type/);
    expect(() => toEventData(newEvent({ schemaVersion: 0 }))).toThrow(/schemaVersion/);
    expect(() => toEventData(newEvent({ data: undefined }))).toThrow(/data/);
    expect(() => toEventData(newEvent({ metadata: { actor: 'a', correlationId: 'c', [SCHEMA_VERSION_KEY]: 2 } }))).toThrow(/\$schemaVersion/);
  });

  it('skips system events and links without a target', () => {
    const event = newEvent();
    expect(toRecordedEvent({ event: asStored(event, { streamId: '$$case-1' }) })).toBeUndefined();
    expect(toRecordedEvent({ event: asStored(event, { type: '$metadata' }) })).toBeUndefined();
    expect(toRecordedEvent({})).toBeUndefined();
  });

  it('refuses to invent a schema version or actor for an event Samvirke did not write, without quoting its data', () => {
    const event = newEvent();
    const stored = asStored(event);
    const noVersion = { ...stored, metadata: { actor: 'a', correlationId: 'c' } };
    expect(() => toRecordedEvent({ event: noVersion })).toThrow(UnreadableEventError);
    expect(() => toRecordedEvent({ event: { ...stored, metadata: { [SCHEMA_VERSION_KEY]: 1 } } })).toThrow(/actor/);
    expect(() => toRecordedEvent({ event: { ...stored, isJson: false } })).toThrow(/JSON/);
    expect(() => toRecordedEvent({ event: { ...stored, position: undefined } })).toThrow(/22\.6/);
    try {
      toRecordedEvent({ event: { ...stored, metadata: undefined } });
    } catch (error) {
      expect((error as Error).message).not.toContain('Æblegrød');
    }
  });
});
