/**
 * The one place where EventStoreDB client errors become the port's typed errors. Callers of the port
 * never see a client class, so swapping the client (or the adapter) changes nothing above it.
 *
 * Messages are ours and never carry event data; the client's error stays available as `cause` for
 * logs (it holds stream names and gRPC details, not payloads).
 */
import { DeadlineExceededError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

function clientErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return typeof error.type === 'string' ? error.type : undefined;
}

/** The client says `no_stream`; the port says the stream has no revision. */
function toActualRevision(actual: unknown): number | undefined {
  if (typeof actual === 'bigint') return Number(actual);
  if (typeof actual === 'number') return actual;
  return undefined;
}

function toExpected(expected: unknown): string | number {
  if (typeof expected === 'bigint') return Number(expected);
  if (typeof expected === 'number') return expected;
  if (typeof expected === 'string') return expected.replace(/_/g, '-');
  return 'unknown';
}

interface WrongExpectedVersionShape {
  streamName: string;
  expectedVersion: unknown;
  actualVersion: unknown;
}

function asWrongExpectedVersion(error: unknown): WrongExpectedVersionShape | undefined {
  if (error instanceof WrongExpectedVersionError) return error;
  // Same shape from another copy of the client library (or its successor, @kurrent/kurrentdb-client).
  if (clientErrorType(error) !== 'wrong-expected-version') return undefined;
  if (typeof error !== 'object' || error === null || !('streamName' in error) || typeof error.streamName !== 'string') {
    return undefined;
  }
  return {
    streamName: error.streamName,
    expectedVersion: 'expectedVersion' in error ? error.expectedVersion : undefined,
    actualVersion: 'actualVersion' in error ? error.actualVersion : undefined,
  };
}

/**
 * Returns the port's error for a client error, or the error itself when the port has no meaning for
 * it. `appendToStream` against a dead server rejects with a plain gRPC error (code 14), not the
 * client's UnavailableError, so both are recognised. A passed deadline is treated as unavailability
 * too: for the caller both mean "the store did not answer; retrying later may work".
 */
export function translateEventStoreDbError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  const wrongVersion = asWrongExpectedVersion(error);
  if (wrongVersion) {
    return new WrongExpectedRevisionError(wrongVersion.streamName, toExpected(wrongVersion.expectedVersion), toActualRevision(wrongVersion.actualVersion));
  }
  if (error instanceof UnavailableError || clientErrorType(error) === 'unavailable' || grpcCode(error) === GRPC_UNAVAILABLE) {
    return new EventStoreUnavailableError('EventStoreDB cannot be reached; retry later', error);
  }
  if (error instanceof DeadlineExceededError || clientErrorType(error) === 'deadline-exceeded' || grpcCode(error) === GRPC_DEADLINE_EXCEEDED) {
    return new EventStoreUnavailableError('EventStoreDB did not answer in time; retry later', error);
  }
  return error;
}
