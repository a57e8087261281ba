import type { CustodyKind, ErasureReason } from '@samvirke/case';
import { loadReferenceData } from '@samvirke/reference-data';
import { storedTimelineTitle, TIMELINE_TITLE_KEYS, timelineTitle, type TimelineTitle } from './timeline-title';

const reference = loadReferenceData();
const CUSTODY_KINDS: readonly CustodyKind[] = ['sentence', 'remand'];
const ERASURE_REASONS: readonly ErasureReason[] = ['retention-expired', 'erasure-request', 'unlawful-processing', 'other'];

/** One title of each key with its expected Danish and English words. */
const EXAMPLES: readonly { title: TimelineTitle; da: string; en: string }[] = [
  { title: { key: 'referral', args: { agency: 'KBH-POLITI' } }, da: 'Henvisning fra Københavns Politi', en: 'Referral from Copenhagen Police' },
  {
    title: { key: 'custody', args: { kind: 'sentence', institution: 'Vestre Fængsel' } },
    da: 'Afsoning i Vestre Fængsel',
    en: 'Prison sentence at Vestre Fængsel',
  },
  {
    title: { key: 'custody', args: { kind: 'remand', institution: 'Vestre Fængsel' } },
    da: 'Varetægtsfængsling i Vestre Fængsel',
    en: 'Remand custody at Vestre Fængsel',
  },
  { title: { key: 'expected-release', args: {} }, da: 'Forventet løsladelse', en: 'Expected release' },
  {
    title: { key: 'conference', args: { decisions: 2, agencies: ['BIF', 'SOF', 'KRIMINALFORSORGEN'] } },
    da: '2 beslutninger; til stede: Beskæftigelses- og Integrationsforvaltningen, Socialforvaltningen og Kriminalforsorgen',
    en: '2 decisions; present: Employment and Integration Administration, Social Services Administration and Prison and Probation Service',
  },
  {
    title: { key: 'conference', args: { decisions: 1, agencies: ['SOF'] } },
    da: '1 beslutning; til stede: Socialforvaltningen',
    en: '1 decision; present: Social Services Administration',
  },
  { title: { key: 'conference', args: { decisions: 0, agencies: [] } }, da: 'Ingen beslutninger', en: 'No decisions' },
  {
    title: { key: 'escalation', args: { step: 'reminder', agency: 'SOF', waitingFor: 'acknowledgement', workingDaysLate: 2, coordinator: false } },
    da: 'Påmindelse til indgangen hos Socialforvaltningen: kvitteringen er 2 arbejdsdage forsinket',
    en: "Reminder to Social Services Administration's entry point: acknowledgement 2 working days late",
  },
  {
    title: { key: 'escalation', args: { step: 'escalation', agency: 'KRIMINALFORSORGEN', waitingFor: 'answer', workingDaysLate: 1, coordinator: true } },
    da: 'Eskaleret til eskalationskontakten hos Kriminalforsorgen og koordinatoren: svaret er 1 arbejdsdag forsinket',
    en: "Escalated to Prison and Probation Service's escalation contact and the coordinator: answer 1 working day late",
  },
  {
    title: { key: 'erasure-citizen', args: { reason: 'erasure-request' } },
    da: 'Borgerens personoplysninger slettet (årsag: anmodning om sletning)',
    en: "Citizen's personal data erased (reason: erasure request)",
  },
  {
    title: { key: 'erasure-agency', args: { agency: 'KBH-POLITI', reason: 'retention-expired' } },
    da: 'Bidrag fra Københavns Politi slettet (årsag: opbevaringsfristen udløbet)',
    en: 'Contributions from Copenhagen Police erased (reason: retention period expired)',
  },
  { title: { key: 'road-map-item', args: { roadMap: 'GOOD_RELEASE', item: 'RELEASE_MEETING' } }, da: 'Løsladelsesmøde holdt', en: 'Release meeting held' },
];

/** Every title the projection can store today: each key with each value its words depend on. */
function everyTitle(): TimelineTitle[] {
  const agencies = [...reference.agencies.keys()];
  return [
    ...agencies.map((agency): TimelineTitle => ({ key: 'referral', args: { agency } })),
    ...CUSTODY_KINDS.map((kind): TimelineTitle => ({ key: 'custody', args: { kind, institution: 'Vestre Fængsel' } })),
    { key: 'expected-release', args: {} },
    ...[0, 1, 3].map((decisions): TimelineTitle => ({ key: 'conference', args: { decisions, agencies } })),
    ...(['reminder', 'escalation'] as const).flatMap((step) =>
      (['acknowledgement', 'answer'] as const).flatMap((waitingFor) =>
        [1, 4].flatMap((workingDaysLate) =>
          [true, false].map((coordinator): TimelineTitle => ({ key: 'escalation', args: { step, agency: 'SOF', waitingFor, workingDaysLate, coordinator } })),
        ),
      ),
    ),
    ...ERASURE_REASONS.flatMap((reason): TimelineTitle[] => [
      { key: 'erasure-citizen', args: { reason } },
      ...agencies.map((agency): TimelineTitle => ({ key: 'erasure-agency', args: { agency, reason } })),
    ]),
    ...[...reference.roadMaps.values()].flatMap((roadMap) =>
      roadMap.items.map((item): TimelineTitle => ({ key: 'road-map-item', args: { roadMap: roadMap.code, item: item.code } })),
    ),
  ];
}

// English words the English titles use that are not also Danish (Exit, the programme's name, is both).
const ENGLISH =
  /\b(from|at|and|the|of|to|present|decisions?|no|referral|prison|sentence|remand|custody|expected|release|reminder|escalated|entry|point|contact|coordinator|acknowledgement|answer|working|days?|late|citizen|personal|data|erased|contributions|reason|request|retention|period|expired|unlawful|processing|other|meeting|held|plan|made|signed|conversation|municipality|notifies|assessed|planned|hand-over|unit|police|administration|service)\b/i;

describe('timeline titles in the reader language', () => {
  it.each(EXAMPLES)('renders $title.key in Danish and English', ({ title, da, en }) => {
    expect(timelineTitle(title, 'da', reference)).toBe(da);
    expect(timelineTitle(title, 'en', reference)).toBe(en);
  });

  it('has an example of every key', () => {
    expect(new Set(EXAMPLES.map((example) => example.title.key))).toEqual(new Set(TIMELINE_TITLE_KEYS));
    expect(new Set(everyTitle().map((title) => title.key))).toEqual(new Set(TIMELINE_TITLE_KEYS));
  });

  it('writes no English word in a Danish title', () => {
    for (const title of everyTitle()) {
      const danish = timelineTitle(title, 'da', reference);
      expect({ title, danish, english: ENGLISH.exec(danish)?.[0] }).toEqual({ title, danish, english: undefined });
    }
  });

  it('takes road-map item titles from reference data, in each language', () => {
    for (const roadMap of reference.roadMaps.values()) {
      for (const item of roadMap.items) {
        const title: TimelineTitle = { key: 'road-map-item', args: { roadMap: roadMap.code, item: item.code } };
        expect([timelineTitle(title, 'da', reference), timelineTitle(title, 'en', reference)]).toEqual([item.title.da, item.title.en]);
      }
    }
  });

  it('shows a code it does not know (newer reference data) as the code', () => {
    expect(timelineTitle({ key: 'referral', args: { agency: 'NEW-AGENCY' } }, 'da', reference)).toBe('Henvisning fra NEW-AGENCY');
    expect(timelineTitle({ key: 'road-map-item', args: { roadMap: 'GOOD_RELEASE', item: 'NEW_ITEM' } }, 'da', reference)).toBe('NEW_ITEM');
  });

  it('keeps the stored title of a row written before keys, or with a key this code does not know', () => {
    expect(storedTimelineTitle({ title: 'referral from KBH-POLITI', titleKey: null, titleArgs: null }, 'da', reference)).toBe('referral from KBH-POLITI');
    expect(storedTimelineTitle({ title: 'something new', titleKey: 'from-the-future', titleArgs: {} }, 'da', reference)).toBe('something new');
    expect(storedTimelineTitle({ title: null, titleKey: null, titleArgs: null }, 'da', reference)).toBeNull();
    expect(storedTimelineTitle({ title: 'Referral from Copenhagen Police', titleKey: 'referral', titleArgs: { agency: 'KBH-POLITI' } }, 'da', reference)).toBe(
      'Henvisning fra Københavns Politi',
    );
  });
});
