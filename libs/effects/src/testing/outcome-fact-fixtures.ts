import type { RecordedEvent } from '@samvirke/event-store';
import { outcomeFactOf, type OutcomeFact, type OutcomeFactDetail } from '../outcome/outcome-fact';

/**
 * The one builder of outcome facts for the effects specs: from raw case events (through the real
 * outcomeFactOf, as the projection stores them) or straight from [business date, detail] pairs.
 * Specs compute what a measure must say independently of the engine; only the facts come from here.
 */

/** A case event as a spec writes it: type, data, and the agency it was recorded for. */
export interface RawCaseEvent {
  readonly type: string;
  readonly data: Record<string, any>;
  readonly agency?: string;
}

/** An event as the log hands it to the projection (revision = its place in `events`). */
export function recordedCaseEvent(caseId: string, revision: number, event: RawCaseEvent, recordedAt = '2026-01-01T00:00:00.000Z'): RecordedEvent {
  return {
    id: `${caseId}-${revision}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: event.agency === undefined ? {} : { agency: event.agency },
    streamId: `case-${caseId}`,
    streamRevision: revision,
    globalPosition: '0',
    recordedAt: new Date(recordedAt),
  } as unknown as RecordedEvent;
}

/** The facts a case's events contribute, in order, as the outcome projection derives them. */
export function factsFromEvents(caseId: string, events: readonly RawCaseEvent[], recordedAt?: string): OutcomeFact[] {
  return events.flatMap((event, revision) => {
    const fact = outcomeFactOf(caseId, recordedCaseEvent(caseId, revision, event, recordedAt));
    return fact === undefined ? [] : [fact];
  });
}

/** Facts from [business date, detail, agency?] triples, revisions from `firstRevision` in the order given. */
export function factsFromDetails(
  caseId: string,
  details: readonly (readonly [on: string, detail: OutcomeFactDetail, agency?: string])[],
  options: { recordedAt?: string; agency?: string; firstRevision?: number } = {},
): OutcomeFact[] {
  const recordedAt = options.recordedAt ?? '2026-01-01T00:00:00.000Z';
  return details.map(([on, detail, agency], i) => ({
    caseId,
    revision: (options.firstRevision ?? 0) + i,
    recordedAt,
    agency: agency ?? options.agency ?? 'SOF',
    on,
    detail,
  }));
}
