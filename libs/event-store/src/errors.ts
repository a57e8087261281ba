/** Typed errors of the event store port. Adapters translate their drivers' errors into these. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the expected revision. Carries what it is, so HTTP can answer 409 with it. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    /** Revision of the stream's last event; undefined when the stream has none. */
    readonly actual: number | undefined,
  ) {
    super(`stream is at revision ${actual ?? 'none'}, expected ${expected}`);
  }
}

/** Some but not all event ids of an append already exist, or they exist in another stream. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(readonly streamId: string) {
    super('some event ids of this append were already stored with other content or position');
  }
}

/** The store cannot be reached (connection refused, server gone). Callers may retry later. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
}
