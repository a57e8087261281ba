import fc from 'fast-check';
import { loadReferenceData } from '@samvirke/reference-data';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import type { OutcomeFact, OutcomeFactDetail } from '../outcome/outcome-fact';
import { caseHistories } from './case-history';
import { computeMeasureSeries, measurementDates } from './measure-series';
import { factsFromDetails } from '../testing/outcome-fact-fixtures';

const refData = loadReferenceData();
const catalogue = loadMeasureCatalogue();
const measure = catalogue.measures.get('recidivism-charge-12m')!;
const day = (offset: number) => new Date(Date.parse('2022-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
const plusMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  t.setUTCDate(Math.min(d.getUTCDate(), new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate()));
  return t.toISOString().slice(0, 10);
};

describe('a measure as a series over measurement dates', () => {
  it('measures on the last day of each month or quarter', () => {
    expect(measurementDates('2024-01', '2024-04', 'month')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(measurementDates('2024-02', '2024-12', 'quarter')).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
  });

  const personArb = fc.record({
    enrolDay: fc.integer({ min: 0, max: 500 }),
    chargeOffset: fc.option(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(0, 1, 365, 366)), { nil: undefined }),
  });
  const factsOf = (people: { enrolDay: number; chargeOffset?: number }[]): OutcomeFact[] =>
    people.flatMap((p, i) => {
      const details: [string, OutcomeFactDetail][] = [
        ['2021-01-01', { type: 'case-opened', birthDate: '2000-01-01', districtCode: 'VALBY-2' }],
        [day(p.enrolDay), { type: 'enrolled', programmeCode: 'SSP_PLUS' }],
        ...(p.chargeOffset === undefined
          ? []
          : [[day(p.enrolDay + p.chargeOffset), { type: 'charged', offenceCategory: 'theft' }] as [string, OutcomeFactDetail]]),
      ];
      return factsFromDetails(`c${String(i).padStart(3, '0')}`, details);
    });

  it('equals an independent count at every point, window ends on month ends included', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 40 }), (people) => {
        const series = computeMeasureSeries(caseHistories(factsOf(people)), {
          measure,
          catalogue: { ...catalogue, suppressionThreshold: 1 },
          refData,
          asOf: '2026-01-01T00:00:00.000Z',
          from: '2022-06',
          to: '2024-12',
          grain: 'month',
        });
        for (const point of series.points) {
          const members = people.filter((p) => plusMonths(day(p.enrolDay), 12) <= point.measurementDate);
          const hits = members.filter(
            (p) => p.chargeOffset !== undefined && p.chargeOffset > 0 && day(p.enrolDay + p.chargeOffset) <= plusMonths(day(p.enrolDay), 12),
          );
          expect({ date: point.measurementDate, people: point.people, count: point.count }).toEqual({
            date: point.measurementDate,
            people: members.length,
            count: hits.length,
          });
        }
      }),
      { numRuns: 200, seed: 22 },
    );
  });

  it('shows no two points whose difference is a small group', () => {
    let hidden = 0;
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 60 }), (people) => {
        const series = computeMeasureSeries(caseHistories(factsOf(people)), {
          measure,
          catalogue,
          refData,
          asOf: '2026-01-01T00:00:00.000Z',
          from: '2022-06',
          to: '2024-12',
          grain: 'month',
        });
        hidden += series.points.filter((p) => p.suppressed).length;
        // Any two shown figures, not only neighbours: a reader may difference any pair.
        for (const figure of ['people', 'count'] as const) {
          const shown = series.points.map((p) => p[figure]).filter((v): v is number => typeof v === 'number');
          for (const a of shown) for (const b of shown) expect({ figure, a, b, small: b - a > 0 && b - a < 5 }).toEqual({ figure, a, b, small: false });
        }
      }),
      { numRuns: 100, seed: 22 },
    );
    expect(hidden).toBeGreaterThan(50);
  });
});
