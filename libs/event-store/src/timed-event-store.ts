import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from './port';

export type AppendTimer = (seconds: number, outcome: 'appended' | 'replayed' | 'failed') => void;

/**
 * Wraps any adapter to time its appends (for metrics) without the adapter knowing. Everything else
 * is delegated as it is.
 */
export function timedEventStore(store: EventStore, onAppend: AppendTimer): EventStore {
  const timed = Object.create(store) as EventStore;
  timed.appendToStream = async (streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await store.appendToStream(streamId, events, expected);
      onAppend(seconds(), result.alreadyAppended ? 'replayed' : 'appended');
      return result;
    } catch (error) {
      onAppend(seconds(), 'failed');
      throw error;
    }
  };
  return timed;
}
