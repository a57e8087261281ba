/**
 * Timeline titles in the reader's language. The projection stores each title's language-neutral
 * form (`title_key`, `title_args`: codes, counts and the institution's name as recorded) beside an
 * English `title`; the endpoint renders the key and arguments in the language asked for, with
 * agency names and road-map item titles from reference data. Rows written before keys existed (a
 * read model not yet rebuilt) and keys this code does not know (a newer writer) keep their stored
 * title. Pure: no database, no clock.
 */
import type { CustodyKind, ErasureReason } from '@samvirke/case';
import type { EscalationStep, ReferenceData } from '@samvirke/reference-data';

export const TIMELINE_LANGUAGES = ['da', 'en'] as const;
export type TimelineLanguage = (typeof TIMELINE_LANGUAGES)[number];

/** A title's language-neutral form, one variant per key. */
export type TimelineTitle =
  | { key: 'referral'; args: { agency: string } }
  | { key: 'custody'; args: { kind: CustodyKind; institution: string } }
  | { key: 'expected-release'; args: Record<string, never> }
  | { key: 'conference'; args: { decisions: number; agencies: readonly string[] } }
  | {
      key: 'escalation';
      args: { step: EscalationStep; agency: string; waitingFor: 'acknowledgement' | 'answer'; workingDaysLate: number; coordinator: boolean };
    }
  | { key: 'erasure-citizen'; args: { reason: ErasureReason } }
  | { key: 'erasure-agency'; args: { agency: string; reason: ErasureReason } }
  | { key: 'road-map-item'; args: { roadMap: string; item: string } };
export type TimelineTitleKey = TimelineTitle['key'];

export const TIMELINE_TITLE_KEYS: readonly TimelineTitleKey[] = [
  'referral',
  'custody',
  'expected-release',
  'conference',
  'escalation',
  'erasure-citizen',
  'erasure-agency',
  'road-map-item',
];

type TitleReference = Pick<ReferenceData, 'agencies' | 'roadMaps'>;

const CUSTODY_KINDS: Record<CustodyKind, Record<TimelineLanguage, string>> = {
  sentence: { da: 'Afsoning', en: 'Prison sentence' },
  remand: { da: 'Varetægtsfængsling', en: 'Remand custody' },
};

const ERASURE_REASONS: Record<ErasureReason, Record<TimelineLanguage, string>> = {
  'retention-expired': { da: 'opbevaringsfristen udløbet', en: 'retention period expired' },
  'erasure-request': { da: 'anmodning om sletning', en: 'erasure request' },
  'unlawful-processing': { da: 'ulovlig behandling', en: 'unlawful processing' },
  other: { da: 'anden årsag', en: 'other reason' },
};

const WAITING_FOR: Record<'acknowledgement' | 'answer', Record<TimelineLanguage, string>> = {
  acknowledgement: { da: 'kvitteringen', en: 'acknowledgement' },
  answer: { da: 'svaret', en: 'answer' },
};

/** A code this code does not know (newer reference data or events) reads as the code itself. */
const word = (words: Record<string, Record<TimelineLanguage, string>>, code: string, lang: TimelineLanguage): string => words[code]?.[lang] ?? code;

function agencyName(reference: TitleReference, code: string, lang: TimelineLanguage): string {
  return reference.agencies.get(code)?.name[lang] ?? code;
}

/** "A, B og C" / "A, B and C". */
function list(items: readonly string[], lang: TimelineLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${items[items.length - 1]}`;
}

/** The title in `lang`; see the file comment. */
export function timelineTitle(title: TimelineTitle, lang: TimelineLanguage, reference: TitleReference): string {
  const da = lang === 'da';
  const agency = (code: string) => agencyName(reference, code, lang);
  const reason = (code: string) => `${da ? 'årsag' : 'reason'}: ${word(ERASURE_REASONS, code, lang)}`;
  switch (title.key) {
    case 'referral':
      return da ? `Henvisning fra ${agency(title.args.agency)}` : `Referral from ${agency(title.args.agency)}`;
    case 'custody':
      return `${word(CUSTODY_KINDS, title.args.kind, lang)} ${da ? 'i' : 'at'} ${title.args.institution}`;
    case 'expected-release':
      return da ? 'Forventet løsladelse' : 'Expected release';
    case 'conference': {
      const { decisions, agencies } = title.args;
      const [none, one, many] = da ? ['Ingen beslutninger', 'beslutning', 'beslutninger'] : ['No decisions', 'decision', 'decisions'];
      const counted = decisions === 0 ? none : `${decisions} ${decisions === 1 ? one : many}`;
      if (agencies.length === 0) return counted;
      return `${counted}; ${da ? 'til stede' : 'present'}: ${list(agencies.map(agency), lang)}`;
    }
    case 'escalation': {
      const { step, waitingFor, workingDaysLate, coordinator } = title.args;
      const to = agency(title.args.agency);
      const what = word(WAITING_FOR, waitingFor, lang);
      if (da) {
        const late = `${what} er ${workingDaysLate} ${workingDaysLate === 1 ? 'arbejdsdag' : 'arbejdsdage'} forsinket`;
        return step === 'reminder'
          ? `Påmindelse til indgangen hos ${to}: ${late}`
          : `Eskaleret til eskalationskontakten hos ${to}${coordinator ? ' og koordinatoren' : ''}: ${late}`;
      }
      const late = `${what} ${workingDaysLate} working ${workingDaysLate === 1 ? 'day' : 'days'} late`;
      return step === 'reminder'
        ? `Reminder to ${to}'s entry point: ${late}`
        : `Escalated to ${to}'s escalation contact${coordinator ? ' and the coordinator' : ''}: ${late}`;
    }
    case 'erasure-citizen':
      return `${da ? 'Borgerens personoplysninger slettet' : "Citizen's personal data erased"} (${reason(title.args.reason)})`;
    case 'erasure-agency':
      return `${da ? 'Bidrag fra' : 'Contributions from'} ${agency(title.args.agency)} ${da ? 'slettet' : 'erased'} (${reason(title.args.reason)})`;
    case 'road-map-item': {
      const item = reference.roadMaps.get(title.args.roadMap)?.items.find((candidate) => candidate.code === title.args.item);
      return item?.title[lang] ?? title.args.item;
    }
    default: {
      const _exhaustive: never = title;
      return _exhaustive;
    }
  }
}

/**
 * A stored row's title for the reader: rendered from its key when it has one this code knows,
 * otherwise the title stored with it (rows from before keys, or from a newer writer).
 */
export function storedTimelineTitle(
  row: { title: string | null; titleKey: string | null; titleArgs: unknown },
  lang: TimelineLanguage,
  reference: TitleReference,
): string | null {
  if (
    row.titleKey === null ||
    !(TIMELINE_TITLE_KEYS as readonly string[]).includes(row.titleKey) ||
    typeof row.titleArgs !== 'object' ||
    row.titleArgs === null
  ) {
    return row.title;
  }
  return timelineTitle({ key: row.titleKey, args: row.titleArgs } as TimelineTitle, lang, reference);
}
