import type { RecordedEvent } from '@samvirke/event-store';
import type { CaseEvent } from '@samvirke/case';

/** The stream prefix of every case stream; the case id is the rest of the stream id. */
export const CASE_STREAM_PREFIX = 'case-';

export interface CaseEventRecord {
  caseId: string;
  event: CaseEvent;
  /** The agency the actor acted for (event metadata), when the writer recorded one. */
  actingAgency: string | null;
  actor: string;
  /** The event's revision in its case stream: unique per case, so it names a row an event alone makes. */
  revision: number;
}

/**
 * Reads a recorded event of a case stream as the case's event union. Events of types this code does
 * not know (a newer writer) are returned anyway: the projections' switches ignore them, so an older
 * read model keeps running instead of failing on the first unknown event.
 */
export function caseEventRecord(recorded: RecordedEvent): CaseEventRecord {
  return {
    caseId: recorded.streamId.slice(CASE_STREAM_PREFIX.length),
    event: { type: recorded.type, data: recorded.data } as CaseEvent,
    actingAgency: typeof recorded.metadata.agency === 'string' ? recorded.metadata.agency : null,
    actor: recorded.metadata.actor,
    revision: recorded.streamRevision,
  };
}
