import { AccessDeniedError, DeadlineExceededError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';
import { translateEventStoreDbError } from './error-translation';

describe('translateEventStoreDbError', () => {
  it("turns the client's UnavailableError into EventStoreUnavailableError, keeping it as the cause", () => {
    const original = new UnavailableError();
    const translated = translateEventStoreDbError(original);
    expect(translated).toBeInstanceOf(EventStoreUnavailableError);
    expect((translated as EventStoreUnavailableError).cause).toBe(original);
  });

  it('turns a plain gRPC error with code 14 (what appendToStream throws on a dead server) into EventStoreUnavailableError', () => {
    expect(translateEventStoreDbError(Object.assign(new Error('x'), { code: 14 }))).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('treats a passed deadline as unavailability', () => {
    expect(translateEventStoreDbError(new DeadlineExceededError())).toBeInstanceOf(EventStoreUnavailableError);
    expect(translateEventStoreDbError(Object.assign(new Error('x'), { code: 4 }))).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('turns WrongExpectedVersionError into WrongExpectedRevisionError with the actual revision', () => {
    const original = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 0n, current: 3n });
    const translated = translateEventStoreDbError(original);
    expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
    expect(translated).toMatchObject({ streamId: 'case-1', expected: 0, actual: 3, code: 'WRONG_EXPECTED_REVISION' });
  });

  it('reports no actual revision when the stream does not exist', () => {
    const original = new WrongExpectedVersionError(undefined, { streamName: 'case-2', expected: 5n, current: 'no_stream' });
    expect(translateEventStoreDbError(original)).toMatchObject({ expected: 5, actual: undefined });
  });

  it('reports a no-stream expectation in the port spelling', () => {
    const original = new WrongExpectedVersionError(undefined, { streamName: 'case-3', expected: 'no_stream', current: 0n });
    expect(translateEventStoreDbError(original)).toMatchObject({ expected: 'no-stream', actual: 0 });
  });

  it('recognises errors shaped like the client errors (another copy of the library, or its successor)', () => {
    const shaped = { type: 'wrong-expected-version', streamName: 's', expectedVersion: 1n, actualVersion: 2n };
    expect(translateEventStoreDbError(shaped)).toMatchObject({ actual: 2 });
    expect(translateEventStoreDbError({ type: 'unavailable' })).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('passes other errors through unchanged, including our own', () => {
    const boom = new Error('boom');
    const denied = new AccessDeniedError();
    const ours = new IdempotencyConflictError('s');
    expect(translateEventStoreDbError(boom)).toBe(boom);
    expect(translateEventStoreDbError(denied)).toBe(denied);
    expect(translateEventStoreDbError(ours)).toBe(ours);
    expect(translateEventStoreDbError('text')).toBe('text');
  });

  it('never puts what the client said (which may quote a request) into our message', () => {
    const translated = translateEventStoreDbError(Object.assign(new Error('UNAVAILABLE: {"cpr":"0101011234"}'), { code: 14 }));
    expect((translated as Error).message).not.toContain('0101011234');
  });
});
