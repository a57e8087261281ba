import { isGlobalPosition, type GlobalPosition } from '@samvirke/event-store';

/**
 * Read-your-writes over HTTP: a write answers with the global position of its last event; a read
 * passes it back as `?consistentWith=<position>` and the server waits (bounded) until the read
 * models it uses have applied that position. When the wait runs out the answer is 503 with
 * Retry-After, never the older rows presented as if they were current.
 */
export const CONSISTENCY_QUERY_PARAMETER = 'consistentWith';

/** How long a read waits for its projections by default before answering 503. */
export const DEFAULT_CONSISTENCY_WAIT_MS = 5_000;

/** Seconds to put in Retry-After after a wait ran out. */
export const CONSISTENCY_RETRY_AFTER_SECONDS = 1;

export class InvalidConsistencyPositionError extends Error {
  readonly code = 'INVALID_CONSISTENCY_POSITION';
  constructor() {
    super(`${CONSISTENCY_QUERY_PARAMETER} must be a position returned by a write (16 hex digits, a dot, 16 hex digits)`);
  }
}

/**
 * The position a read must be consistent with, from a query parameter or header value as a
 * framework hands it over (string, repeated values, or absent). Absent or empty: no wait.
 * Malformed: InvalidConsistencyPositionError, which the HTTP layer maps to 400.
 */
export function parseConsistencyPosition(value: unknown): GlobalPosition | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && isGlobalPosition(value.trim())) return value.trim() as GlobalPosition;
  throw new InvalidConsistencyPositionError();
}
