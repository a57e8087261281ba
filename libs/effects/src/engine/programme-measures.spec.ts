import fc from 'fast-check';
import { loadReferenceData } from '@samvirke/reference-data';
import { loadMeasureCatalogue, type MeasureDefinition } from '../measures/measure-definition';
import { factsFromEvents } from '../testing/outcome-fact-fixtures';
import { caseHistories } from './case-history';
import { computeMeasureReport } from './measure-report';

/**
 * The programme measures added for issue 22 (EXIT's exit-completed, JOB_EDU_REMAND's
 * job-education-plan-signed, LEISURE_JOB's leisure-job-started) on generated populations: the engine,
 * fed through the outcome projection's mapping, against a count written out again from the raw
 * events. Dates cluster around the window edges (anchor day, last day, the day after; the hand-over
 * lead and follow days) so the edges are hit in every run. Threshold 1 so no cell is hidden and the
 * comparison is exact.
 */
const refData = loadReferenceData();
const catalogue = { ...loadMeasureCatalogue(), suppressionThreshold: 1 };
const measure = (code: string): MeasureDefinition => catalogue.measures.get(code)!;
const MEASUREMENT_DATE = '2025-06-30';

type Raw = { type: string; data: Record<string, any>; agency: string };

const dayOf = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const plusMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  t.setUTCDate(Math.min(d.getUTCDate(), new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate()));
  return t.toISOString().slice(0, 10);
};
const localDate = (at: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(at));

/** Offsets from the enrolment day, many on the edges of 1-, 6- and 24-month windows. */
const offset = fc.oneof(fc.integer({ min: -60, max: 800 }), fc.constantFrom(-31, -30, -29, -1, 0, 1, 27, 28, 29, 30, 31, 181, 182, 183, 184, 730, 731, 732));
const personArb = fc.record({
  enrolOffset: fc.integer({ min: 0, max: 1400 }),
  programme: fc.constantFrom('EXIT', 'JOB_EDU_REMAND', 'LEISURE_JOB', 'SSP_PLUS'),
  secondProgramme: fc.option(fc.record({ code: fc.constantFrom('EXIT', 'JOB_EDU_REMAND', 'LEISURE_JOB'), offset }), { nil: undefined }),
  exits: fc.array(fc.record({ offset, programme: fc.constantFrom('EXIT', 'SSP_PLUS'), reason: fc.constantFrom('completed', 'dropped-out', 'moved') }), {
    maxLength: 2,
  }),
  releases: fc.array(offset, { maxLength: 2 }),
  conferences: fc.array(offset, { maxLength: 3 }),
  actions: fc.array(fc.record({ offset, agency: fc.constantFrom('BIF', 'SOF'), hour: fc.constantFrom(0, 10, 22, 23) }), { maxLength: 3 }),
  jobs: fc.array(fc.record({ offset, kind: fc.constantFrom('ordinary', 'flexible', 'wage-subsidy', 'internship') }), { maxLength: 3 }),
});

type Person = typeof personArb extends fc.Arbitrary<infer T> ? T : never;
function eventsOf(person: Person): Raw[] {
  const enrolled = dayOf('2021-01-01', person.enrolOffset);
  const at = (d: number) => dayOf(enrolled, d);
  const events: Raw[] = [
    { type: 'CaseOpened', data: { birthDate: '2000-01-01', districtCode: 'NORREBRO-1', openedAt: `${dayOf(enrolled, -90)}T09:00:00.000Z` }, agency: 'SOF' },
    { type: 'EnrolledInProgramme', data: { programmeCode: person.programme, startedOn: enrolled }, agency: 'SOF' },
  ];
  if (person.secondProgramme)
    events.push({
      type: 'EnrolledInProgramme',
      data: { programmeCode: person.secondProgramme.code, startedOn: at(Math.abs(person.secondProgramme.offset)) },
      agency: 'SOF',
    });
  person.exits.forEach((e) =>
    events.push({ type: 'ExitedProgramme', data: { programmeCode: e.programme, endedOn: at(e.offset), exitReason: e.reason }, agency: 'SOF' }),
  );
  person.releases.forEach((r, i) => {
    events.push({
      type: 'CustodyStarted',
      data: { custodyId: `c${i}`, kind: 'sentence', institution: 'x', startedOn: at(r - 100) },
      agency: 'KRIMINALFORSORGEN',
    });
    events.push({ type: 'ReleasedFromCustody', data: { custodyId: `c${i}`, releasedOn: at(r), conditional: false }, agency: 'KRIMINALFORSORGEN' });
  });
  person.conferences.forEach((c, i) =>
    events.push({ type: 'CaseConferenceHeld', data: { conferenceId: `k${i}`, heldOn: at(c), agenciesPresent: ['SOF'], decisions: [] }, agency: 'SOF' }),
  );
  // Action instants near midnight: the Copenhagen day, not the UTC day, is the business date.
  person.actions.forEach((a, i) =>
    events.push({
      type: 'ActionAdded',
      data: {
        actionId: `a${i}`,
        title: { sealed: 'x' },
        responsibleAgency: a.agency,
        dueDate: at(a.offset + 10),
        addedAt: `${at(a.offset)}T${String(a.hour).padStart(2, '0')}:30:00.000Z`,
      },
      agency: 'SOF',
    }),
  );
  person.jobs.forEach((j, i) =>
    events.push({ type: 'EmploymentStarted', data: { employmentId: `e${i}`, kind: j.kind, startedOn: at(j.offset) }, agency: 'BIF' }),
  );
  return events;
}

/** The truth from the raw events: first enrolment in a programme that picked the measure, then the predicate. */
function truth(people: Raw[][], code: string): { people: number; count: number } {
  const m = measure(code);
  const picked = [...refData.programmes.values()].filter((p) => p.measures.includes(code)).map((p) => p.code);
  let counted = 0;
  let hits = 0;
  for (const events of people) {
    const starts = events
      .filter((e) => e.type === 'EnrolledInProgramme' && picked.includes(e.data.programmeCode))
      .map((e) => e.data.startedOn as string)
      .sort();
    if (starts.length === 0) continue;
    const anchor = starts[0];
    const end = plusMonths(anchor, m.windowMonths);
    if (end > MEASUREMENT_DATE) continue;
    counted++;
    const inside = (d: string) => d >= anchor && d <= end;
    let hit = false;
    const p = m.predicate;
    if (p.kind === 'programme-completed') {
      hit = events.some(
        (e) => e.type === 'ExitedProgramme' && e.data.programmeCode === p.programmeCode && e.data.exitReason === 'completed' && inside(e.data.endedOn),
      );
      const conferences = events.filter((e) => e.type === 'CaseConferenceHeld' && inside(e.data.heldOn)).map((e) => e.data.heldOn as string);
      for (const r of events.filter((e) => e.type === 'ReleasedFromCustody' && inside(e.data.releasedOn))) {
        const from = dayOf(r.data.releasedOn, -p.handoverLeadDays);
        const to = dayOf(r.data.releasedOn, p.handoverFollowDays);
        if (conferences.some((c) => c >= from && c <= to)) hit = true;
      }
    } else if (p.kind === 'plan-action-added') {
      hit = events.some((e) => e.type === 'ActionAdded' && e.data.responsibleAgency === p.agency && inside(localDate(e.data.addedAt)));
    } else if (p.kind === 'employment-started') {
      hit = events.some((e) => e.type === 'EmploymentStarted' && (p.employmentKinds as readonly string[]).includes(e.data.kind) && inside(e.data.startedOn));
    } else throw new Error(p.kind);
    if (hit) hits++;
  }
  return { people: counted, count: hits };
}

describe('programme measures of issue 22 on generated populations', () => {
  for (const code of ['exit-completed', 'job-education-plan-signed', 'leisure-job-started']) {
    it(`${code}: the engine equals an independent count, window edges included`, () => {
      let nonTrivial = 0;
      fc.assert(
        fc.property(fc.array(personArb, { minLength: 1, maxLength: 60 }), (population) => {
          const people = population.map(eventsOf);
          const facts = people.flatMap((events, i) => factsFromEvents(`p${String(i).padStart(3, '0')}`, events));
          const report = computeMeasureReport(caseHistories(facts), {
            measure: measure(code),
            catalogue,
            refData,
            asOf: '2026-01-01T00:00:00.000Z',
            measurementDate: MEASUREMENT_DATE,
          });
          const expected = truth(people, code);
          if (expected.count > 0 && expected.count < expected.people) nonTrivial++;
          expect({ people: report.total.people, count: report.total.count }).toEqual(expected);
        }),
        { numRuns: 150, seed: 22 },
      );
      expect(nonTrivial).toBeGreaterThan(20);
    });
  }

  it('exit-completed: a conference 30 days before or 28 days after a release is the hand-over; 31 before or 29 after is not', () => {
    const run = (conference: number) => {
      const events = eventsOf({
        enrolOffset: 100,
        programme: 'EXIT',
        secondProgramme: undefined,
        exits: [],
        releases: [200],
        conferences: [conference],
        actions: [],
        jobs: [],
      });
      const facts = factsFromEvents('x', events);
      return computeMeasureReport(caseHistories(facts), {
        measure: measure('exit-completed'),
        catalogue,
        refData,
        asOf: '2026-01-01T00:00:00.000Z',
        measurementDate: MEASUREMENT_DATE,
      }).total.count;
    };
    expect([run(170), run(228), run(169), run(229)]).toEqual([1, 1, 0, 0]);
  });
});
