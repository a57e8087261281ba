import type { ReferenceData } from '@samvirke/reference-data';
import { CopyNames, formatCalendarDate, type CopyLanguage } from '@samvirke/privacy/citizen-copy/citizen-copy-language';
import { tellEvent } from '@samvirke/privacy/citizen-copy/citizen-copy-sentences';
import type { CopiedValue } from '@samvirke/privacy/citizen-copy/citizen-copy';
import type { ReplayedEvent } from '../replay/case-replay';

/** One event of a case told in words, for an auditor: who (agency and user) did what, when it happened, when it was recorded. */
export interface ReadableHistoryEntry {
  revision: number;
  eventId: string;
  /** The event's name, for auditors who go on to the raw history (`/audit/cases/:caseId/events`). */
  type: string;
  recordedAt: string;
  /** A real-world date (`yyyy-mm-dd`) or the instant the agency recorded it. */
  happened: { date: string } | { instant: string };
  agency: string | null;
  agencyName: string;
  /** The user (or system job) that made the change: auditors see who; the citizen's copy does not. */
  actor: string | null;
  text: string;
  details: Array<{ label: string; text: string }>;
}

const DETAIL_WORDS = {
  da: { erased: (date: string) => `slettet den ${date}`, unreadable: 'kan ikke læses', withheld: 'tilbageholdt' },
  en: { erased: (date: string) => `erased on ${date}`, unreadable: 'cannot be read', withheld: 'withheld' },
} as const;

/**
 * The case's history as the sentences of the citizen's copy (libs/privacy), with the actor added:
 * auditors check who did what, so they see staff ids, which the citizen's copy leaves out.
 */
export function readableHistory(
  events: readonly ReplayedEvent[],
  reference: ConstructorParameters<typeof CopyNames>[0] & Pick<ReferenceData, 'agencies'>,
  lang: CopyLanguage,
): ReadableHistoryEntry[] {
  const names = new CopyNames(reference, lang);
  const words = DETAIL_WORDS[lang];
  const say = (value: CopiedValue): string => {
    if (value.status === 'available') return value.value;
    if (value.status === 'unreadable') return words.unreadable;
    if (value.status === 'withheld') return words.withheld;
    const on = /\d{4}-\d{2}-\d{2}/.exec(value.note)?.[0];
    return on ? words.erased(formatCalendarDate(on, lang)) : value.note;
  };
  return events.map((event) => {
    const metadata = (typeof event.metadata === 'object' && event.metadata !== null ? event.metadata : {}) as Record<string, unknown>;
    const agency = typeof metadata['agency'] === 'string' ? metadata['agency'] : null;
    const told = tellEvent({ type: event.type, agency, data: event.data }, names);
    return {
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
      recordedAt: event.recordedAt,
      happened: 'instant' in told.happened && told.happened.instant === '' ? { instant: event.recordedAt } : told.happened,
      agency,
      agencyName: names.agency(agency),
      actor: typeof metadata['actor'] === 'string' ? metadata['actor'] : null,
      text: told.text,
      details: told.details.map((detail) => ({ label: detail.label, text: say(detail.value) })),
    };
  });
}
