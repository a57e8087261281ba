import fc from 'fast-check';
import { loadReferenceData } from '@samvirke/reference-data';
import type { PublishedCell } from '@samvirke/platform/disclosure/small-cell-suppression';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import { factsFromEvents } from '../testing/outcome-fact-fixtures';
import { caseHistories } from '../engine/case-history';
import { computeStatusReport, STATUS_BREAKDOWNS, STATUS_FIGURES, type StatusBreakdown } from './status-figures';

/**
 * Status figures on a date for generated populations, from raw events through the outcome
 * projection's mapping, against a count written out again from the events. Every date is an offset
 * from the measurement day, many of them on it or a day either side.
 */
const refData = loadReferenceData();
const catalogue = loadMeasureCatalogue();
const DATE = '2025-03-31';
type Raw = { type: string; data: Record<string, any>; agency: string };
const day = (offset: number) => new Date(Date.parse(`${DATE}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const edge = fc.oneof(fc.integer({ min: -400, max: 60 }), fc.constantFrom(-1, 0, 1));

const personArb = fc.record({
  // One enrolment per programme (a re-enrolment on the day of an exit has no order in the dates alone).
  enrolments: fc.uniqueArray(
    fc.record({ programme: fc.constantFrom('SSP_PLUS', 'EXIT', 'LEISURE_JOB'), start: edge, exit: fc.option(edge, { nil: undefined }) }),
    { minLength: 1, maxLength: 2, selector: (e) => e.programme },
  ),
  jobs: fc.array(
    fc.record({ kind: fc.constantFrom('ordinary', 'flexible', 'wage-subsidy', 'internship'), start: edge, end: fc.option(edge, { nil: undefined }) }),
    { maxLength: 2 },
  ),
  educations: fc.array(fc.record({ start: edge, end: fc.option(fc.record({ at: edge, completed: fc.boolean() }), { nil: undefined }) }), { maxLength: 1 }),
  selfSufficiency: fc.array(fc.record({ at: edge, reached: fc.boolean() }), { maxLength: 2 }),
  custodies: fc.array(fc.record({ start: edge, release: fc.option(edge, { nil: undefined }) }), { maxLength: 2 }),
  district: fc.constantFrom('NORREBRO-1', 'VALBY-2'),
});
type Person = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(p: Person): Raw[] {
  const ev: Raw[] = [{ type: 'CaseOpened', data: { birthDate: '2001-04-01', districtCode: p.district, openedAt: '2023-01-01T09:00:00.000Z' }, agency: 'SOF' }];
  p.enrolments.forEach((e) => {
    ev.push({ type: 'EnrolledInProgramme', data: { programmeCode: e.programme, startedOn: day(e.start) }, agency: 'SOF' });
    if (e.exit !== undefined && e.exit >= e.start)
      ev.push({ type: 'ExitedProgramme', data: { programmeCode: e.programme, endedOn: day(e.exit), exitReason: 'completed' }, agency: 'SOF' });
  });
  p.jobs.forEach((j, i) => {
    ev.push({ type: 'EmploymentStarted', data: { employmentId: `j${i}`, kind: j.kind, startedOn: day(j.start) }, agency: 'BIF' });
    if (j.end !== undefined && j.end >= j.start) ev.push({ type: 'EmploymentEnded', data: { employmentId: `j${i}`, endedOn: day(j.end) }, agency: 'BIF' });
  });
  p.educations.forEach((e, i) => {
    ev.push({ type: 'EducationStarted', data: { educationId: `e${i}`, startedOn: day(e.start) }, agency: 'BIF' });
    if (e.end !== undefined && e.end.at >= e.start)
      ev.push(
        e.end.completed
          ? { type: 'EducationCompleted', data: { educationId: `e${i}`, completedOn: day(e.end.at) }, agency: 'BIF' }
          : { type: 'EducationEnded', data: { educationId: `e${i}`, endedOn: day(e.end.at) }, agency: 'BIF' },
      );
  });
  p.selfSufficiency.forEach((s) =>
    ev.push(
      s.reached
        ? { type: 'SelfSufficiencyReached', data: { reachedOn: day(s.at), through: 'employment' }, agency: 'BIF' }
        : { type: 'SelfSufficiencyLost', data: { lostOn: day(s.at) }, agency: 'BIF' },
    ),
  );
  p.custodies.forEach((c, i) => {
    ev.push({ type: 'CustodyStarted', data: { custodyId: `c${i}`, kind: 'sentence', institution: 'x', startedOn: day(c.start) }, agency: 'KRIMINALFORSORGEN' });
    if (c.release !== undefined && c.release >= c.start)
      ev.push({ type: 'ReleasedFromCustody', data: { custodyId: `c${i}`, releasedOn: day(c.release), conditional: false }, agency: 'KRIMINALFORSORGEN' });
  });
  return ev;
}

/** The truth, from the events: who is enrolled on the date, and each status. */
function truth(people: Raw[][]) {
  const on = (d: string) => d <= DATE;
  const enrolled = people.filter((ev) => {
    const programmes = new Set(ev.filter((e) => e.type === 'EnrolledInProgramme' && on(e.data.startedOn)).map((e) => e.data.programmeCode));
    return [...programmes].some((code) => !ev.some((e) => e.type === 'ExitedProgramme' && e.data.programmeCode === code && e.data.endedOn < DATE));
  });
  const ongoing = (ev: Raw[], startType: string, endTypes: string[], idKey: string, filter: (e: Raw) => boolean) =>
    ev.some(
      (s) =>
        s.type === startType &&
        filter(s) &&
        on(s.data.startedOn) &&
        !ev.some((x) => endTypes.includes(x.type) && x.data[idKey] === s.data[idKey] && (x.data.endedOn ?? x.data.completedOn) < DATE),
    );
  const counts = {
    'wage-subsidy-job': enrolled.filter((ev) => ongoing(ev, 'EmploymentStarted', ['EmploymentEnded'], 'employmentId', (e) => e.data.kind === 'wage-subsidy'))
      .length,
    'job-or-education': enrolled.filter(
      (ev) =>
        ongoing(ev, 'EmploymentStarted', ['EmploymentEnded'], 'employmentId', () => true) ||
        ongoing(ev, 'EducationStarted', ['EducationEnded', 'EducationCompleted'], 'educationId', () => true),
    ).length,
    'self-sufficient': enrolled.filter((ev) => {
      const moves = ev.filter((e) => (e.type === 'SelfSufficiencyReached' && on(e.data.reachedOn)) || (e.type === 'SelfSufficiencyLost' && on(e.data.lostOn)));
      moves.sort((a, b) =>
        (a.data.reachedOn ?? a.data.lostOn) < (b.data.reachedOn ?? b.data.lostOn)
          ? -1
          : (a.data.reachedOn ?? a.data.lostOn) > (b.data.reachedOn ?? b.data.lostOn)
            ? 1
            : 0,
      );
      return moves.length > 0 && moves[moves.length - 1].type === 'SelfSufficiencyReached';
    }).length,
    'in-custody': enrolled.filter((ev) =>
      ev.some(
        (c) =>
          c.type === 'CustodyStarted' &&
          on(c.data.startedOn) &&
          !ev.some((r) => r.type === 'ReleasedFromCustody' && r.data.custodyId === c.data.custodyId && r.data.releasedOn <= DATE),
      ),
    ).length,
  };
  return { people: enrolled.length, counts };
}

describe('status figures on a date', () => {
  it("equal an independent count for generated populations, the date's edges included", () => {
    const exact = { ...catalogue, suppressionThreshold: 1 };
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 40 }), (population) => {
        const people = population.map(eventsOf);
        const facts = people.flatMap((ev, i) => factsFromEvents(`p${String(i).padStart(3, '0')}`, ev));
        const report = computeStatusReport(caseHistories(facts), { date: DATE, asOf: '2026-01-01T00:00:00.000Z', catalogue: exact, refData });
        const expected = truth(people);
        expect(Object.fromEntries(report.figures.map((f) => [f.status, f.total.count]))).toEqual(expected.counts);
        for (const f of report.figures) expect(f.total.people).toBe(expected.people);
      }),
      { numRuns: 300, seed: 22 },
    );
  });

  it('hide no figure that the others give away, across the four figures of one report', () => {
    const T = catalogue.suppressionThreshold;
    const known = (c: PublishedCell, figure: 'people' | 'count'): [number, number] =>
      typeof c[figure] === 'number'
        ? [c[figure], c[figure]]
        : c[figure] === 'x'
          ? c.key === 'total' || figure === 'count'
            ? [0, 1e6]
            : [T, 1e6]
          : figure === 'count' && typeof c.people !== 'number'
            ? [0, T - 1]
            : [1, T - 1];
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 30 }), fc.constantFrom(...STATUS_BREAKDOWNS), (population, breakdown: StatusBreakdown) => {
        const facts = population.map(eventsOf).flatMap((ev, i) => factsFromEvents(`p${i}`, ev));
        const report = computeStatusReport(caseHistories(facts), { date: DATE, asOf: '2026-01-01T00:00:00.000Z', catalogue, refData, breakdown });
        // People are the same in every figure: what one shows, all show.
        const people = new Map<string, Set<string>>();
        for (const f of report.figures) for (const c of [f.total, ...f.cells]) people.set(c.key, (people.get(c.key) ?? new Set()).add(String(c.people)));
        for (const [key, shown] of people)
          expect({ key, shown: [...shown].every((v) => /^\d+$/.test(v)) || [...shown].every((v) => !/^\d+$/.test(v)) }).toEqual({ key, shown: true });
        // Within each figure no hidden value other than zero is determined by the total and the others.
        for (const f of report.figures) {
          for (const figure of ['people', 'count'] as const) {
            const [sLo, sHi] = known(f.total, figure);
            const boxes = f.cells.map((c) => known(c, figure));
            f.cells.forEach((c, i) => {
              if (typeof c[figure] === 'number') return;
              const others = boxes.filter((_, j) => j !== i);
              const lo = Math.max(boxes[i][0], sLo - others.reduce((s, b) => s + b[1], 0));
              const hi = Math.min(boxes[i][1], sHi - others.reduce((s, b) => s + b[0], 0));
              expect({ status: f.status, key: c.key, figure, determined: lo === hi && lo > 0 }).toEqual({
                status: f.status,
                key: c.key,
                figure,
                determined: false,
              });
            });
          }
        }
      }),
      { numRuns: 200, seed: 22 },
    );
  });

  it('counts one enrolled person once, and by programme in each programme', () => {
    const ev = eventsOf({
      enrolments: [
        { programme: 'SSP_PLUS', start: -10, exit: undefined },
        { programme: 'EXIT', start: 0, exit: undefined },
      ],
      jobs: [],
      educations: [],
      selfSufficiency: [],
      custodies: [],
      district: 'VALBY-2',
    });
    const facts = ['a', 'b', 'c', 'd', 'e'].flatMap((id) => factsFromEvents(id, ev));
    const report = computeStatusReport(caseHistories(facts), { date: DATE, asOf: '2026-01-01T00:00:00.000Z', catalogue, refData, breakdown: 'programme' });
    expect(report.figures.map((f) => f.status)).toEqual([...STATUS_FIGURES]);
    expect(report.figures[0].total.people).toBe(5);
    expect(report.figures[0].cells.map((c) => [c.key, c.people])).toEqual([
      ['EXIT', 5],
      ['SSP_PLUS', 5],
    ]);
  });
});
