import fc from 'fast-check';
import type { OutcomeFact, OutcomeFactDetail } from '../outcome/outcome-fact';
import { caseHistories } from '../engine/case-history';
import { computeReductionReport, MIN_GROUP_FOR_COMPARISON, shareDifference, wilson } from './reductions';
import { factsFromDetails } from '../testing/outcome-fact-fixtures';

const day = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const plusMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  t.setUTCDate(Math.min(d.getUTCDate(), new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate()));
  return t.toISOString().slice(0, 10);
};

describe('intervals', () => {
  it('gives Wilson intervals as published (5 of 10: 0.2366-0.7634; 0 of 10: 0-0.2775)', () => {
    expect(wilson(5, 10)).toEqual({ estimate: 0.5, low: 0.2366, high: 0.7634 });
    expect(wilson(0, 10)).toEqual({ estimate: 0, low: 0, high: 0.2775 });
  });
  it("gives Newcombe's interval for a difference (56/70 against 48/80: 0.0524 to 0.3339)", () => {
    expect(shareDifference(56, 70, 48, 80)).toEqual({ estimate: 0.2, low: 0.0524, high: 0.3339 });
  });
});

describe('reductions before and after enrolment', () => {
  const offset = fc.oneof(fc.integer({ min: -400, max: 400 }), fc.constantFrom(-366, -365, -184, -183, -182, -1, 0, 1, 181, 182, 183, 184, 365, 366));
  const personArb = fc.record({
    enrolled: fc.option(fc.record({ programme: fc.constantFrom('SSP_PLUS', 'EXIT'), day: fc.integer({ min: 0, max: 900 }) }), { nil: undefined }),
    openedDay: fc.integer({ min: 0, max: 900 }),
    charges: fc.array(offset, { maxLength: 4 }),
    convictions: fc.array(offset, { maxLength: 3 }),
  });
  const BASE = '2022-01-01';
  const MEASURED = '2025-12-31';

  it('equal an independent count for generated populations, both comparison groups, window edges included', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 0, maxLength: 60 }),
        fc.constantFrom(6, 12),
        fc.constantFrom('previous-cohort' as const, 'not-enrolled' as const),
        (people, months, comparison) => {
          const facts: OutcomeFact[] = people.flatMap((p, i) => {
            const anchor = p.enrolled === undefined ? day(BASE, p.openedDay) : day(BASE, p.enrolled.day);
            const details: [string, OutcomeFactDetail][] = [
              [day(BASE, p.openedDay), { type: 'case-opened', birthDate: '2000-01-01', districtCode: 'VALBY-2' }],
            ];
            if (p.enrolled !== undefined) details.push([anchor, { type: 'enrolled', programmeCode: p.enrolled.programme }]);
            p.charges.forEach((o) => details.push([day(anchor, o), { type: 'charged', offenceCategory: 'theft' }]));
            p.convictions.forEach((o) => details.push([day(anchor, o), { type: 'convicted', offenceCategory: 'theft', dangerousToPersons: false }]));
            return factsFromDetails(`c${String(i).padStart(3, '0')}`, details);
          });
          const report = computeReductionReport(caseHistories(facts), {
            programme: 'SSP_PLUS',
            cohortYear: 2023,
            months,
            comparison,
            asOf: '2026-01-01T00:00:00.000Z',
            measurementDate: MEASURED,
            threshold: 1,
          });
          // The truth, from the generated people.
          // Events were generated around the enrolment (else the opening) day; a group may count from another day.
          const eventBase = (p: (typeof people)[number]) => (p.enrolled === undefined ? day(BASE, p.openedDay) : day(BASE, p.enrolled.day));
          const count = (dates: number[], base: string, anchor: string) => {
            const from = plusMonths(anchor, -months);
            const to = plusMonths(anchor, months);
            const on = dates.map((o) => day(base, o));
            return { before: on.filter((d) => d >= from && d < anchor).length, after: on.filter((d) => d > anchor && d <= to).length };
          };
          const group = (members: { p: (typeof people)[number]; anchor: string }[]) => {
            const rows = members.map(({ p, anchor }) => ({
              charges: count(p.charges, eventBase(p), anchor),
              convictions: count(p.convictions, eventBase(p), anchor),
            }));
            return {
              people: rows.length,
              charges:
                rows.length === 0
                  ? { before: 0, after: 0, fewer: 0 }
                  : {
                      before: rows.reduce((s, r) => s + r.charges.before, 0),
                      after: rows.reduce((s, r) => s + r.charges.after, 0),
                      fewer: rows.filter((r) => r.charges.after < r.charges.before).length,
                    },
              convictions:
                rows.length === 0
                  ? { before: 0, after: 0, fewer: 0 }
                  : {
                      before: rows.reduce((s, r) => s + r.convictions.before, 0),
                      after: rows.reduce((s, r) => s + r.convictions.after, 0),
                      fewer: rows.filter((r) => r.convictions.after < r.convictions.before).length,
                    },
            };
          };
          const inYear = (anchor: string, year: number) => Number(anchor.slice(0, 4)) === year && plusMonths(anchor, months) <= MEASURED;
          const cohort = people
            .filter((p) => p.enrolled?.programme === 'SSP_PLUS' && inYear(day(BASE, p.enrolled.day), 2023))
            .map((p) => ({ p, anchor: day(BASE, p.enrolled!.day) }));
          const others =
            comparison === 'previous-cohort'
              ? people
                  .filter((p) => p.enrolled?.programme === 'SSP_PLUS' && inYear(day(BASE, p.enrolled.day), 2022))
                  .map((p) => ({ p, anchor: day(BASE, p.enrolled!.day) }))
              : people
                  .filter(
                    (p) =>
                      inYear(day(BASE, p.openedDay), 2023) &&
                      !(p.enrolled?.programme === 'SSP_PLUS' && day(BASE, p.enrolled.day) <= plusMonths(day(BASE, p.openedDay), months)),
                  )
                  .map((p) => ({ p, anchor: day(BASE, p.openedDay) }));
          const shown = (g: typeof report.cohort) => ({
            people: g.people,
            charges: { before: g.charges.before, after: g.charges.after, fewer: g.charges.fewer },
            convictions: { before: g.convictions.before, after: g.convictions.after, fewer: g.convictions.fewer },
          });
          expect({ cohort: shown(report.cohort), comparison: shown(report.comparison) }).toEqual({ cohort: group(cohort), comparison: group(others) });
          const tooSmall = cohort.length < MIN_GROUP_FOR_COMPARISON || others.length < MIN_GROUP_FOR_COMPARISON;
          expect(report.difference.note !== null && /too small/.test(report.difference.note)).toBe(tooSmall);
        },
      ),
      { numRuns: 300, seed: 22 },
    );
  });

  it('says in words when the groups are too small, and hides small numbers', () => {
    const facts: OutcomeFact[] = ['a', 'b', 'c'].flatMap((caseId) =>
      factsFromDetails(caseId, [
        ['2022-01-01', { type: 'case-opened', birthDate: '2000-01-01', districtCode: 'VALBY-2' }],
        ['2023-03-01', { type: 'enrolled', programmeCode: 'SSP_PLUS' }],
      ]),
    );
    const report = computeReductionReport(caseHistories(facts), {
      programme: 'SSP_PLUS',
      cohortYear: 2023,
      months: 12,
      comparison: 'previous-cohort',
      asOf: '2026-01-01T00:00:00.000Z',
      measurementDate: MEASURED,
      threshold: 5,
    });
    expect(report.cohort).toMatchObject({ people: '<5', charges: { before: '<5', after: '<5', fewer: '<5', shareFewer: null, meanChange: null } });
    expect(report.difference.note).toMatch(/too small to compare/);
  });
});
