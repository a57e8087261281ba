import type { RecordedEvent } from '@samvirke/event-store';
import { LOAD_KEY_PREFIX, isAcknowledged, isRefused, type LedgerEntry } from './write-load';

/**
 * Holds the store to the ledger of a write load. Returns every violation as a sentence (empty when
 * the store kept its promises), so a failing test says which write broke which guarantee:
 * - each stream's revisions run 0, 1, 2, ... with no gap and no repeat;
 * - a write answered 2xx is in the store, exactly once, with all its events;
 * - a write answered 4xx left nothing;
 * - any other write (no answer, 5xx) is all there or not there at all, never part of it;
 * - no event of the load belongs to no write, and no client-chosen id (entry, conference, action) is stored twice.
 */
export function findLedgerViolations(ledger: readonly LedgerEntry[], streams: ReadonlyMap<string, RecordedEvent[]>): string[] {
  const violations: string[] = [];
  const byKey = new Map<string, RecordedEvent[]>();
  for (const [streamId, events] of streams) {
    events.forEach((event, index) => {
      if (event.streamRevision !== index) violations.push(`${streamId}: event ${index} has revision ${event.streamRevision} (gap or repeat)`);
      const key = event.metadata.idempotencyKey;
      if (typeof key === 'string' && key.startsWith(LOAD_KEY_PREFIX)) byKey.set(key, [...(byKey.get(key) ?? []), event]);
    });
  }

  const known = new Set<string>();
  for (const entry of ledger) {
    known.add(entry.idempotencyKey);
    const events = byKey.get(entry.idempotencyKey) ?? [];
    const label = `${entry.path.split('/').pop()} ${entry.idempotencyKey} (${entry.outcome.kind === 'answered' ? entry.outcome.status : 'no answer'})`;
    if (isAcknowledged(entry) && events.length === 0) violations.push(`${label}: answered 2xx but not in the store`);
    if (isRefused(entry) && events.length > 0) violations.push(`${label}: refused but ${events.length} event(s) stored`);
    if (events.length > 0) {
      const types = events.map((event) => event.type);
      if (JSON.stringify(types) !== JSON.stringify(entry.expectedTypes)) {
        violations.push(`${label}: stored ${JSON.stringify(types)}, expected all of ${JSON.stringify(entry.expectedTypes)} or none`);
      }
      const streamIds = new Set(events.map((event) => event.streamId));
      const contiguous = events.every((event, i) => i === 0 || event.streamRevision === events[i - 1].streamRevision + 1);
      if (streamIds.size !== 1 || !contiguous) violations.push(`${label}: its events are not one contiguous append`);
    }
  }
  for (const key of byKey.keys()) if (!known.has(key)) violations.push(`events with idempotency key ${key} belong to no write of the load`);

  const seen = new Map<string, number>();
  for (const events of streams.values()) {
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const id =
        event.type === 'InformationShared'
          ? data.entryId
          : event.type === 'CaseConferenceHeld'
            ? data.conferenceId
            : event.type === 'ActionAdded'
              ? data.actionId
              : undefined;
      if (typeof id === 'string') seen.set(`${event.type} ${id}`, (seen.get(`${event.type} ${id}`) ?? 0) + 1);
    }
  }
  for (const [id, count] of seen) if (count > 1) violations.push(`${id} is stored ${count} times`);
  return violations;
}
