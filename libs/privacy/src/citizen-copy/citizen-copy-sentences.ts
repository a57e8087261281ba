import type { CaseEvent, CaseEventType, Sealed } from '@samvirke/case';
import type { CopiedValue } from './citizen-copy';
import { formatCalendarDate, formatInstantDate, type CopyLanguage, type CopyNames } from './citizen-copy-language';

/** An event's data as the citizen's copy holds it: every sealed value opened, erased or withheld. */
export type Copied<T> = T extends Sealed
  ? CopiedValue
  : T extends readonly (infer Item)[]
    ? readonly Copied<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: Copied<T[K]> }
      : T;
type DataOf<Type extends CaseEventType> = Copied<Extract<CaseEvent, { type: Type }>['data']>;

/** One event told to the citizen: a plain sentence with the date it happened, and the free text it carries. */
export interface EventSentence {
  text: string;
  /** When it happened: a real-world date (`yyyy-mm-dd`) or the instant the agency recorded it. */
  happened: { date: string } | { instant: string };
  /** Free text written by staff (opened, erased or withheld), shown beside the sentence under its label. */
  details: Array<{ label: string; value: CopiedValue }>;
}

interface SentenceContext {
  names: CopyNames;
  lang: CopyLanguage;
  /** The agency that recorded the event (its name), or "the system". */
  by: string;
  t(da: string, en: string): string;
}

type Telling<Type extends CaseEventType> = (data: DataOf<Type>, c: SentenceContext) => EventSentence;

/** " den 3. marts 2026" / " on 3 March 2026". */
const onDate = (date: string, c: SentenceContext) => ` ${c.t('den', 'on')} ${formatCalendarDate(date, c.lang)}`;
const onInstant = (instant: string, c: SentenceContext) => ` ${c.t('den', 'on')} ${formatInstantDate(instant, c.lang)}`;
const at = (instant: string) => ({ instant });
const day = (date: string) => ({ date });
const detail = (label: string, value: CopiedValue | undefined) => (value === undefined ? [] : [{ label, value }]);

const CLOSE_REASONS: Record<string, [string, string]> = {
  'goals-achieved': ['målene er nået', 'the goals were achieved'],
  'moved-out-of-municipality': ['du er flyttet fra kommunen', 'you moved out of the municipality'],
  'aged-out': ['du er over aldersgrænsen', 'you passed the age limit'],
  'declined-cooperation': ['du ønskede ikke at deltage', 'you did not wish to take part'],
  'no-longer-needed': ['der er ikke længere brug for den', 'it is no longer needed'],
  deceased: ['dødsfald', 'death'],
  other: ['en anden grund', 'another reason'],
};
const EXIT_REASONS: Record<string, [string, string]> = {
  completed: ['forløbet er gennemført', 'it was completed'],
  'dropped-out': ['forløbet stoppede før tid', 'it stopped early'],
  transferred: ['du blev overflyttet', 'you were transferred'],
  moved: ['du er flyttet', 'you moved'],
  'no-longer-eligible': ['du er ikke længere omfattet', 'you are no longer eligible'],
  other: ['en anden grund', 'another reason'],
};
const DECLINE_REASONS: Record<string, [string, string]> = {
  'no-information': ['de har ingen oplysninger', 'they hold no information'],
  'no-legal-basis': ['loven giver ikke adgang til at dele det', 'the law does not allow it to be shared'],
  'not-necessary': ['det er ikke nødvendigt', 'it is not necessary'],
  other: ['en anden grund', 'another reason'],
};
const GOAL_AREAS: Record<string, [string, string]> = {
  employment: ['beskæftigelse', 'employment'],
  education: ['uddannelse', 'education'],
  housing: ['bolig', 'housing'],
  health: ['helbred', 'health'],
  finances: ['økonomi', 'finances'],
  network: ['netværk', 'network'],
  'substance-use': ['rusmidler', 'substance use'],
  leisure: ['fritid', 'leisure'],
  other: ['andet', 'other'],
};
const EMPLOYMENT_KINDS: Record<string, [string, string]> = {
  ordinary: ['et almindeligt job', 'an ordinary job'],
  'wage-subsidy': ['et job med løntilskud', 'a job with wage subsidy'],
  internship: ['en praktik', 'an internship'],
  flexible: ['et fleksjob', 'a flexible job'],
};
const EDUCATION_KINDS: Record<string, [string, string]> = {
  'lower-secondary': ['grundskole', 'lower secondary school'],
  preparatory: ['en forberedende uddannelse', 'a preparatory education'],
  'upper-secondary': ['en gymnasial uddannelse', 'an upper secondary education'],
  vocational: ['en erhvervsuddannelse', 'a vocational education'],
  higher: ['en videregående uddannelse', 'a higher education'],
  course: ['et kursus', 'a course'],
};
const SELF_SUFFICIENCY: Record<string, [string, string]> = {
  employment: ['arbejde', 'work'],
  education: ['uddannelse', 'education'],
  other: ['andet', 'other means'],
};
const ERASURE_REASONS: Record<string, [string, string]> = {
  'retention-expired': ['opbevaringsfristen var udløbet', 'the retention period had expired'],
  'erasure-request': ['du bad om det', 'you asked for it'],
  'unlawful-processing': ['oplysningerne var behandlet uden hjemmel', 'the data had been processed unlawfully'],
  other: ['en anden grund', 'another reason'],
};
const SSP_LEVELS: Record<number, [string, string]> = {
  1: ['1 (bekymrende adfærd)', '1 (concerning behaviour)'],
  2: ['2 (første kriminalitet)', '2 (first-time crime)'],
  3: ['3 (gentagen alvorlig kriminalitet)', '3 (repeated serious crime)'],
  4: ['4 (farlig for andre)', '4 (dangerous to others)'],
};
const word = (table: Record<string | number, [string, string]>, key: string | number, c: SentenceContext) => {
  const found = table[key];
  return found ? c.t(found[0], found[1]) : String(key);
};

/**
 * One sentence per event type, addressed to the citizen ("you"). The table is a total record over the
 * event union, so a new event type does not compile until it has its sentence (and the spec checks
 * each one reads as a sentence in both languages). Sentences name agencies, never employees: staff ids,
 * contact persons and phone numbers in the events are other people's data.
 */
const TELLINGS: { [Type in CaseEventType]: Telling<Type> } = {
  CaseOpened: (d, c) => ({
    text: `${c.names.agency(d.referredBy)} ${c.t('henviste dig til SSP+', 'referred you to SSP+')}${onInstant(d.openedAt, c)}${c.t(', og din sag blev oprettet.', ', and your case was opened.')}`,
    happened: at(d.openedAt),
    details: detail(c.t('Begrundelse', 'Reason'), d.reason),
  }),
  ReferralReceived: (d, c) => ({
    text: `${c.names.agency(d.referredBy)} ${c.t('henviste dig igen til SSP+', 'referred you to SSP+ again')}${onInstant(d.receivedAt, c)}.`,
    happened: at(d.receivedAt),
    details: detail(c.t('Begrundelse', 'Reason'), d.reason),
  }),
  CaseClosed: (d, c) => ({
    text: `${c.by} ${c.t('lukkede din sag', 'closed your case')}${onInstant(d.closedAt, c)}${c.t(', fordi ', ' because ')}${word(CLOSE_REASONS, d.reason, c)}.`,
    happened: at(d.closedAt),
    details: detail(c.t('Bemærkning', 'Note'), d.note),
  }),
  CaseReopened: (d, c) => ({
    text: `${c.by} ${c.t('genåbnede din sag', 'reopened your case')}${onInstant(d.reopenedAt, c)}.`,
    happened: at(d.reopenedAt),
    details: detail(c.t('Begrundelse', 'Reason'), d.reason),
  }),
  SspCategoryAssessed: (d, c) => ({
    text: `${c.names.agency(d.assessedBy)} ${c.t('vurderede dig til SSP-kategori', 'assessed you as SSP category')} ${word(SSP_LEVELS, d.level, c)}${onDate(d.assessedOn, c)}.`,
    happened: day(d.assessedOn),
    details: detail(c.t('Begrundelse', 'Rationale'), d.rationale),
  }),
  CoordinatorAssigned: (d, c) => ({
    text: `${c.t('Du fik en koordinator fra', 'You were given a coordinator from')} ${c.names.agency(d.agency)}${onInstant(d.assignedAt, c)}.`,
    happened: at(d.assignedAt),
    details: [],
  }),
  CoordinatorChanged: (d, c) => ({
    text: `${c.t('Du fik en ny koordinator fra', 'You were given a new coordinator from')} ${c.names.agency(d.agency)}${onInstant(d.changedAt, c)}.`,
    happened: at(d.changedAt),
    details: [],
  }),
  AgencyJoinedCase: (d, c) => ({
    text: `${c.names.agency(d.agency)} ${c.t('kom med på din sag', 'joined your case')}${onInstant(d.joinedAt, c)} (${c.t('enhed', 'unit')}: ${d.entryPoint.unit}).`,
    happened: at(d.joinedAt),
    details: [],
  }),
  EntryPointChanged: (d, c) => ({
    text: `${c.names.agency(d.agency)} ${c.t('skiftede den enhed, der tager sig af din sag, til', 'changed the unit handling your case to')} ${d.entryPoint.unit}${onInstant(d.changedAt, c)}.`,
    happened: at(d.changedAt),
    details: [],
  }),
  AgencyLeftCase: (d, c) => ({
    text: `${c.names.agency(d.agency)} ${c.t('gik ud af din sag', 'left your case')}${onInstant(d.leftAt, c)}.`,
    happened: at(d.leftAt),
    details: [],
  }),
  EnrolledInProgramme: (d, c) => ({
    text: `${c.t('Du begyndte i indsatsen', 'You started in the programme')} ${c.names.programme(d.programmeCode)}${onDate(d.startedOn, c)}.`,
    happened: day(d.startedOn),
    details: [],
  }),
  ExitedProgramme: (d, c) => ({
    text: `${c.t('Du stoppede i indsatsen', 'You left the programme')} ${c.names.programme(d.programmeCode)}${onDate(d.endedOn, c)}${c.t(', fordi ', ' because ')}${word(EXIT_REASONS, d.exitReason, c)}.`,
    happened: day(d.endedOn),
    details: [],
  }),
  InformationShared: (d, c) => ({
    text: `${c.names.agency(d.fromAgency)} ${c.t('delte oplysninger om dig med', 'shared information about you with')} ${c.names.agencies(d.sharedWith)}${onInstant(d.sharedAt, c)} (${c.t('hjemmel', 'legal basis')}: ${c.names.legalBasis(d.legalBasis)}).`,
    happened: at(d.sharedAt),
    details: detail(c.t('Oplysningerne', 'The information'), d.summary),
  }),
  InformationAcknowledged: (d, c) => ({
    text: `${c.names.agency(d.agency)} ${c.t('bekræftede at have læst delte oplysninger', 'confirmed it had read shared information')}${onInstant(d.acknowledgedAt, c)}.`,
    happened: at(d.acknowledgedAt),
    details: [],
  }),
  InformationRequested: (d, c) => ({
    text: `${c.names.agency(d.fromAgency)} ${c.t('bad', 'asked')} ${c.names.agency(d.toAgency)} ${c.t('om oplysninger om dig', 'for information about you')}${onInstant(d.requestedAt, c)}, ${c.t('med svar senest', 'to be answered by')} ${formatCalendarDate(d.dueDate, c.lang)} (${c.t('hjemmel', 'legal basis')}: ${c.names.legalBasis(d.legalBasis)}).`,
    happened: at(d.requestedAt),
    details: detail(c.t('Spørgsmålet', 'The question'), d.question),
  }),
  InformationRequestAnswered: (d, c) => ({
    text: `${c.names.agency(d.agency)} ${c.t('svarede på en forespørgsel om dig', 'answered a request about you')}${onInstant(d.answeredAt, c)}.`,
    happened: at(d.answeredAt),
    details: detail(c.t('Svaret', 'The answer'), d.answer),
  }),
  InformationRequestDeclined: (d, c) => ({
    text: `${c.names.agency(d.agency)} ${c.t('afviste en forespørgsel om dig', 'declined a request about you')}${onInstant(d.declinedAt, c)}${c.t(', fordi ', ' because ')}${word(DECLINE_REASONS, d.reason, c)}.`,
    happened: at(d.declinedAt),
    details: detail(c.t('Bemærkning', 'Note'), d.note),
  }),
  GoalSet: (d, c) => ({
    text: `${c.by} ${c.t('satte et mål for dig om', 'set a goal with you for')} ${word(GOAL_AREAS, d.area, c)}${onInstant(d.setAt, c)}.`,
    happened: at(d.setAt),
    details: detail(c.t('Målet', 'The goal'), d.description),
  }),
  ActionAdded: (d, c) => ({
    text: `${c.by} ${c.t('aftalte en handling, som', 'agreed an action that')} ${c.names.agency(d.responsibleAgency)} ${c.t('har ansvaret for, med frist', 'is responsible for, due')} ${formatCalendarDate(d.dueDate, c.lang)}${onInstant(d.addedAt, c)}.`,
    happened: at(d.addedAt),
    details: detail(c.t('Handlingen', 'The action'), d.title),
  }),
  ActionCompleted: (d, c) => ({
    text: `${c.t('En aftalt handling blev gennemført', 'An agreed action was completed')}${onDate(d.completedOn, c)}.`,
    happened: day(d.completedOn),
    details: [],
  }),
  ActionCancelled: (d, c) => ({
    text: `${c.by} ${c.t('aflyste en aftalt handling', 'cancelled an agreed action')}${onInstant(d.cancelledAt, c)}.`,
    happened: at(d.cancelledAt),
    details: detail(c.t('Begrundelse', 'Reason'), d.reason),
  }),
  CaseConferenceHeld: (d, c) => ({
    text: `${c.t('Der blev holdt et netværksmøde om din sag', 'A network meeting was held about your case')}${onDate(d.heldOn, c)}${c.t(' med ', ' with ')}${c.names.agencies(d.agenciesPresent)}${c.t(', og der blev truffet', ', and')} ${d.decisions.length} ${c.t(d.decisions.length === 1 ? 'beslutning' : 'beslutninger', d.decisions.length === 1 ? 'decision was made' : 'decisions were made')}.`,
    happened: day(d.heldOn),
    details: d.decisions.map((decision, index) => ({ label: `${c.t('Beslutning', 'Decision')} ${index + 1}`, value: decision.text })),
  }),
  CustodyStarted: (d, c) => ({
    text: `${c.by} ${c.t('registrerede, at du kom i', 'recorded that you went into')} ${d.kind === 'remand' ? c.t('varetægtsfængsling', 'remand custody') : c.t('afsoning', 'prison to serve a sentence')} ${c.t('i', 'at')} ${d.institution}${onDate(d.startedOn, c)}${d.expectedReleaseOn ? `${c.t(', med forventet løsladelse', ', expected to be released on')} ${formatCalendarDate(d.expectedReleaseOn, c.lang)}` : ''}.`,
    happened: day(d.startedOn),
    details: [],
  }),
  ExpectedReleaseChanged: (d, c) => ({
    text: `${c.by} ${c.t('ændrede din forventede løsladelse til', 'changed your expected release to')} ${formatCalendarDate(d.expectedReleaseOn, c.lang)}${onInstant(d.changedAt, c)}.`,
    happened: at(d.changedAt),
    details: [],
  }),
  ReleasedFromCustody: (d, c) => ({
    text: `${c.t('Du blev', 'You were')} ${d.conditional ? c.t('prøveløsladt', 'released on parole') : c.t('løsladt', 'released')}${onDate(d.releasedOn, c)}.`,
    happened: day(d.releasedOn),
    details: [],
  }),
  ChargeRecorded: (d, c) => ({
    text: `${c.names.agency(d.reportedBy)} ${c.t('registrerede en sigtelse for', 'recorded a charge for')} ${c.names.offence(d.offenceCategory).toLowerCase()}${onDate(d.chargedOn, c)}.`,
    happened: day(d.chargedOn),
    details: [],
  }),
  ConvictionRecorded: (d, c) => ({
    text: `${c.names.agency(d.reportedBy)} ${c.t('registrerede en dom for', 'recorded a conviction for')} ${c.names.offence(d.offenceCategory).toLowerCase()}${onDate(d.convictedOn, c)}.`,
    happened: day(d.convictedOn),
    details: detail(c.t('Straf', 'Sentence'), d.sentence),
  }),
  EmploymentStarted: (d, c) => ({
    text: `${c.t('Du begyndte i', 'You started in')} ${word(EMPLOYMENT_KINDS, d.kind, c)}${onDate(d.startedOn, c)}.`,
    happened: day(d.startedOn),
    details: [],
  }),
  EmploymentEnded: (d, c) => ({
    text: `${c.t('Dit job sluttede', 'Your job ended')}${onDate(d.endedOn, c)}.`,
    happened: day(d.endedOn),
    details: [],
  }),
  EducationStarted: (d, c) => ({
    text: `${c.t('Du begyndte på', 'You started')} ${word(EDUCATION_KINDS, d.kind, c)}${onDate(d.startedOn, c)}.`,
    happened: day(d.startedOn),
    details: [],
  }),
  EducationEnded: (d, c) => ({
    text: `${c.t('Du stoppede på din uddannelse', 'You left your education')}${onDate(d.endedOn, c)}.`,
    happened: day(d.endedOn),
    details: [],
  }),
  EducationCompleted: (d, c) => ({
    text: `${c.t('Du gennemførte din uddannelse', 'You completed your education')}${onDate(d.completedOn, c)}.`,
    happened: day(d.completedOn),
    details: [],
  }),
  SelfSufficiencyReached: (d, c) => ({
    text: `${c.t('Du blev selvforsørgende gennem', 'You became self-sufficient through')} ${word(SELF_SUFFICIENCY, d.through, c)}${onDate(d.reachedOn, c)}.`,
    happened: day(d.reachedOn),
    details: [],
  }),
  SelfSufficiencyLost: (d, c) => ({
    text: `${c.t('Du var ikke længere selvforsørgende', 'You were no longer self-sufficient')}${onDate(d.lostOn, c)}.`,
    happened: day(d.lostOn),
    details: [],
  }),
  ProgressionAssessed: (d, c) => ({
    text: `${c.names.agency(d.assessedBy)} ${c.t('vurderede, at du er på trin', 'assessed you at step')} ${c.names.progressionStep(d.step)} ${c.t('på vejen mod arbejdsmarkedet', 'on the way to the labour market')}${onDate(d.assessedOn, c)}.`,
    happened: day(d.assessedOn),
    details: detail(c.t('Bemærkning', 'Note'), d.note),
  }),
  LegalHoldPlaced: (d, c) => ({
    text: `${c.names.agency(d.agency ?? null)} ${c.t('bestemte, at oplysningerne i din sag ikke må slettes foreløbig', 'decided that the data in your case must not be erased for now')}${onInstant(d.placedAt, c)}.`,
    happened: at(d.placedAt),
    details: detail(c.t('Begrundelse', 'Reason'), d.reason),
  }),
  LegalHoldLifted: (d, c) => ({
    text: `${c.t('Forbuddet mod at slette oplysningerne i din sag blev ophævet', 'The hold on erasing the data in your case was lifted')}${onInstant(d.liftedAt, c)}.`,
    happened: at(d.liftedAt),
    details: [],
  }),
  CitizenDataErased: (d, c) => ({
    text:
      d.scope === 'citizen'
        ? `${c.t('Dine personoplysninger i sagen blev slettet', 'Your personal data in the case was erased')}${onInstant(d.erasedAt, c)}${c.t(', fordi ', ' because ')}${word(ERASURE_REASONS, d.reason, c)}.`
        : `${c.t('Oplysningerne fra', 'The information from')} ${c.names.agency(d.scope)} ${c.t('i din sag blev slettet', 'in your case was erased')}${onInstant(d.erasedAt, c)}${c.t(', fordi ', ' because ')}${word(ERASURE_REASONS, d.reason, c)}.`,
    happened: at(d.erasedAt),
    details: [],
  }),
  FlowEscalated: (d, c) => ({
    text: `${c.names.agency(d.toAgency)} ${c.t('fik en', 'was sent a')} ${d.step === 'reminder' ? c.t('påmindelse', 'reminder') : c.t('rykker til sin ledelse', 'reminder through its management')}${onInstant(d.escalatedAt, c)}${c.t(', fordi den ikke havde ', ' because it had not ')}${d.flow === 'request' ? c.t('svaret på en forespørgsel fra', 'answered a request from') : c.t('bekræftet oplysninger fra', 'acknowledged information from')} ${c.names.agency(d.fromAgency)} ${c.t('til tiden', 'in time')}.`,
    happened: at(d.escalatedAt),
    details: [],
  }),
};

export const EVENT_TYPES_WITH_SENTENCES = Object.keys(TELLINGS) as CaseEventType[];

/** The event as one sentence; `type` must be an event type (an unknown type, from a newer writer, is said to be unknown). */
export function tellEvent(event: { type: string; agency: string | null; data: unknown }, names: CopyNames): EventSentence {
  const c: SentenceContext = { names, lang: names.lang, by: names.agency(event.agency), t: (da, en) => (names.lang === 'da' ? da : en) };
  const telling = (TELLINGS as Record<string, Telling<CaseEventType> | undefined>)[event.type];
  if (!telling) {
    return {
      text: c.t(`${c.by} registrerede noget, som denne version ikke kan beskrive.`, `${c.by} recorded something this version cannot describe.`),
      happened: { instant: '' },
      details: [],
    };
  }
  return telling(event.data as never, c);
}
