import { CASE_EVENT_TYPES, type CaseEvent } from '@samvirke/case';
import { history, newEntryPoint } from '@samvirke/case/testing/rich-history';
import { loadReferenceData } from '@samvirke/reference-data';
import { CopyNames, formatInstant, languageFromAcceptLanguage } from './citizen-copy-language';
import { EVENT_TYPES_WITH_SENTENCES, tellEvent } from './citizen-copy-sentences';

const reference = loadReferenceData();
const da = new CopyNames(reference, 'da');
const en = new CopyNames(reference, 'en');

/** The rich history has every event type but these three; they are added here. */
const extra: CaseEvent[] = [
  { type: 'EducationEnded', data: { educationId: 'u-2', endedOn: '2026-09-30' } },
  { type: 'ReferralReceived', data: { referredBy: 'SOF', reason: { sealed: 'sealed:again' }, receivedAt: '2026-11-07T08:00:00.000Z' } },
  {
    type: 'FlowEscalated',
    data: {
      flow: 'request',
      requestId: 'q-1',
      fromAgency: 'BIF',
      toAgency: 'KBH-FAENGSLER',
      step: 'reminder',
      notify: ['entry-point', 'coordinator'],
      coordinatorId: 'c-1',
      dueOn: '2026-11-12',
      workingDaysLate: 2,
      rulesVersion: '2026-11-01',
      escalatedAt: '2026-11-16T08:00:00.000Z',
    },
  },
];
const examples = new Map<string, CaseEvent>();
[...history, ...extra].forEach((event) => examples.has(event.type) || examples.set(event.type, event));

/** The event as the copy holds it: sealed values opened (as the vault would give them back). */
function copied(event: CaseEvent, agency: string | null = 'BIF') {
  const open = (value: unknown): unknown => {
    if (typeof value === 'object' && value !== null && 'sealed' in value)
      return { status: 'available', value: `TEXT(${String((value as { sealed: string }).sealed)})` };
    if (Array.isArray(value)) return value.map(open);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, open(item)]));
    return value;
  };
  return { type: event.type, agency, data: open(event.data) };
}

describe("the citizen's copy in sentences", () => {
  it('has a sentence for every event type of the case (and an example of each here)', () => {
    expect([...EVENT_TYPES_WITH_SENTENCES].sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(CASE_EVENT_TYPES.filter((type) => !examples.has(type))).toEqual([]);
  });

  it.each([...CASE_EVENT_TYPES])('tells %s as a plain sentence in Danish and English, with names and dates, no codes', (type) => {
    const event = examples.get(type)!;
    for (const names of [da, en]) {
      const told = tellEvent(copied(event), names);
      expect(told.text).toMatch(/^\S.*\.$/);
      expect(told.text).not.toContain(type);
      expect(told.text).not.toMatch(/undefined|null|NaN|\[object|sealed:|TEXT\(/);
      // No ISO dates or agency codes: the citizen reads "3. marts 2026" and "Københavns Politi".
      expect(told.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      for (const code of reference.agencies.keys()) expect(told.text).not.toContain(code);
      // Other people's data: staff ids, contact persons and phone numbers stay out.
      expect(told.text).not.toMatch(/\bc-[12]\b|dpo|Caseworker B|555 0288/);
      expect(told.text).not.toContain(newEntryPoint.email);
      // The free text the event holds is given beside the sentence, not lost.
      // (Except the citizen's name and CPR number, shown under "About you", and the title of an action a
      // conference creates, told with the action's own event.)
      const data: Record<string, unknown> = { ...(event.data as unknown as Record<string, unknown>) };
      delete data['name'];
      delete data['cpr'];
      const toldElsewhere = /"createsAction":\{[^}]*"title":\{"sealed":"[^"]*"\}/g;
      const sealedFields =
        JSON.stringify(data)
          .replace(toldElsewhere, '')
          .match(/sealed:/g)?.length ?? 0;
      expect(told.details).toHaveLength(sealedFields);
      expect('date' in told.happened ? told.happened.date : told.happened.instant).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });

  it('says who referred the citizen and when, in Danish: "Københavns Politi henviste dig til SSP+ den 3. marts 2026"', () => {
    const opened = {
      ...examples.get('CaseOpened')!,
      data: { ...examples.get('CaseOpened')!.data, referredBy: 'KBH-POLITI', openedAt: '2026-03-03T09:15:00.000Z' },
    } as CaseEvent;
    expect(tellEvent(copied(opened, 'BIF'), da).text).toMatch(/^Københavns Politi henviste dig til SSP\+ den 3\. marts 2026/);
    expect(tellEvent(copied(opened, 'BIF'), en).text).toMatch(/^Copenhagen Police referred you to SSP\+ on 3 March 2026/);
  });

  it('dates an instant by its Copenhagen day: 23:30 UTC on 3 March is 4 March in Copenhagen', () => {
    const left = { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: '2026-03-03T23:30:00.000Z' } } as CaseEvent;
    expect(tellEvent(copied(left), da).text).toBe('Socialforvaltningen gik ud af din sag den 4. marts 2026.');
    expect(formatInstant('2026-03-03T23:30:00.000Z', 'da')).toBe('4. marts 2026 kl. 00.30');
  });

  it('takes the language from Accept-Language by weight, Danish when neither is asked for', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('da');
    expect(languageFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(languageFromAcceptLanguage('de, en;q=0.5, da;q=0.8')).toBe('da');
    expect(languageFromAcceptLanguage('fr')).toBe('da');
    expect(languageFromAcceptLanguage('en;q=0, da')).toBe('da');
  });
});
