import fc from 'fast-check';
import { loadReferenceData } from '@samvirke/reference-data';
import type { PublishedCell } from '@samvirke/platform/disclosure/small-cell-suppression';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import type { OutcomeFact, OutcomeFactDetail } from '../outcome/outcome-fact';
import { caseHistories } from './case-history';
import { BREAKDOWNS, computeMeasureReport } from './measure-report';
import { factsFromDetails } from '../testing/outcome-fact-fixtures';

/**
 * A reader who knows the suppression rule tries to recover every hidden figure of a report from its
 * total and its other cells: "<5" is 1-4 (zero is shown; a count beside hidden people may be 0), an
 * "x" hid a shown non-empty cell (people 5 or more); an "x" total may be anything. The reader takes the cells as adding up to the
 * total, which by programme (overlapping cells) is exactly true whenever nobody is in two
 * programmes, as in many generated populations. A hidden figure is recovered when exactly one value
 * fits (other than zero, which is shown anyway). Written as an enumeration, independently of the library's interval arithmetic.
 */
const refData = loadReferenceData();
const catalogue = loadMeasureCatalogue();
const measure = catalogue.measures.get('recidivism-conviction-12m')!;
const T = catalogue.suppressionThreshold;
const CAP = 400;

function options(cell: PublishedCell, figure: 'people' | 'count'): number[] {
  const value = cell[figure];
  if (typeof value === 'number') return [value];
  const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  // A total hidden because its cells would give each other away may be anything.
  if (value === 'x' && cell.key === 'total') return range(0, CAP);
  if (value === 'x') return figure === 'people' ? range(T, CAP) : range(0, CAP);
  if (figure === 'count' && typeof cell.people !== 'number') return range(0, T - 1);
  return range(1, T - 1);
}

function recovered(total: PublishedCell, cells: readonly PublishedCell[], figure: 'people' | 'count'): string[] {
  const totals = options(total, figure);
  const found: string[] = [];
  cells.forEach((cell, i) => {
    if (typeof cell[figure] === 'number') return;
    const others = cells.filter((_, j) => j !== i).map((c) => options(c, figure));
    const low = others.reduce((s, o) => s + o[0], 0);
    const high = others.reduce((s, o) => s + o[o.length - 1], 0);
    const fitting = options(cell, figure).filter((v) => totals.some((sum) => sum - v >= low && sum - v <= high));
    // A zero worked out singles out nobody (zero is shown anyway).
    if (fitting.length === 1 && fitting[0] > 0) found.push(`${cell.key}.${figure}=${fitting[0]}`);
  });
  return found;
}

const PROGRAMMES = ['SSP_PLUS', 'EXIT', 'JOB_EDU_CONVICTED', 'GANG_CONFLICT_18_25', 'KSP_PARTNERSHIP', 'LEISURE_JOB'];
const personArb = fc.record({
  programmes: fc.uniqueArray(fc.constantFrom(...PROGRAMMES), { minLength: 1, maxLength: 2 }),
  enrolDay: fc.integer({ min: 0, max: 700 }),
  charged: fc.boolean(),
  level: fc.constantFrom(3, 4),
  district: fc.constantFrom('NORREBRO-1', 'VALBY-2', 'INDRE-BY-1', 'AMAGER-OST-1'),
  birthYear: fc.integer({ min: 1996, max: 2007 }),
});

function factsOf(i: number, p: typeof personArb extends fc.Arbitrary<infer X> ? X : never): OutcomeFact[] {
  const enrolled = new Date(Date.parse('2022-01-01T00:00:00Z') + p.enrolDay * 86_400_000).toISOString().slice(0, 10);
  const details: [string, OutcomeFactDetail][] = [
    ['2021-06-01', { type: 'case-opened', birthDate: `${p.birthYear}-05-05`, districtCode: p.district }],
    ['2021-06-01', { type: 'level-assessed', level: p.level }],
    ...p.programmes.map((programmeCode): [string, OutcomeFactDetail] => [enrolled, { type: 'enrolled', programmeCode }]),
    ...(p.charged ? [['2024-01-01', { type: 'convicted', offenceCategory: 'theft', dangerousToPersons: false }] as [string, OutcomeFactDetail]] : []),
  ];
  return factsFromDetails(`c${String(i).padStart(4, '0')}`, details, { recordedAt: '2025-01-01T00:00:00.000Z' });
}

describe('no hidden figure of a report can be worked out from its other figures', () => {
  it.each([...BREAKDOWNS].map((b) => [b]))('by %s, on generated populations', (breakdown) => {
    let hiddenSeen = 0;
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 40 }), (people) => {
        const facts = people.flatMap((p, i) => factsOf(i, p));
        const report = computeMeasureReport(caseHistories(facts), {
          measure,
          catalogue,
          refData,
          asOf: '2026-01-01T00:00:00.000Z',
          measurementDate: '2025-12-31',
          breakdown: breakdown,
        });
        hiddenSeen += report.cells.filter((c) => c.suppressed).length;
        expect([...recovered(report.total, report.cells, 'people'), ...recovered(report.total, report.cells, 'count')]).toEqual([]);
      }),
      { numRuns: 200, seed: 22 },
    );
    expect(hiddenSeen).toBeGreaterThan(50);
  });

  it.each([
    ['programme', 'cityDistrict'],
    ['period', 'level'],
  ] as const)('in a two-way table by %s and %s, on generated populations', (by, by2) => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 40 }), (people) => {
        const facts = people.flatMap((p, i) => factsOf(i, p));
        const histories = caseHistories(facts);
        const report = computeMeasureReport(histories, {
          measure,
          catalogue,
          refData,
          asOf: '2026-01-01T00:00:00.000Z',
          measurementDate: '2025-12-31',
          breakdown: by,
          breakdown2: by2,
        });
        expect([...recovered(report.total, report.cells, 'people'), ...recovered(report.total, report.cells, 'count')]).toEqual([]);
        // With no suppression, each cell holds the people of both its keys (by programme: once per programme).
        const open = computeMeasureReport(histories, {
          measure,
          catalogue: { ...catalogue, suppressionThreshold: 1 },
          refData,
          asOf: '2026-01-01T00:00:00.000Z',
          measurementDate: '2025-12-31',
          breakdown: by,
          breakdown2: by2,
        });
        const one = computeMeasureReport(histories, {
          measure,
          catalogue: { ...catalogue, suppressionThreshold: 1 },
          refData,
          asOf: '2026-01-01T00:00:00.000Z',
          measurementDate: '2025-12-31',
          breakdown: by,
        });
        for (const cell of one.cells) {
          const parts = open.cells.filter((c) => c.key.startsWith(`${cell.key} × `));
          expect(parts.reduce((sum, c) => sum + (c.people as number), 0)).toBe(cell.people);
        }
      }),
      { numRuns: 100, seed: 22 },
    );
  });

  it('the letter\'s case: EXIT "<5" beside SSP_PLUS 5 and a total of 7 does not give EXIT away', () => {
    const people = [
      ...Array.from({ length: 5 }, () => ({
        programmes: ['SSP_PLUS'],
        enrolDay: 10,
        charged: false,
        level: 3 as const,
        district: 'NORREBRO-1' as const,
        birthYear: 2000,
      })),
      ...Array.from({ length: 2 }, () => ({
        programmes: ['EXIT'],
        enrolDay: 10,
        charged: true,
        level: 3 as const,
        district: 'NORREBRO-1' as const,
        birthYear: 2000,
      })),
    ];
    const facts = people.flatMap((p, i) => factsOf(i, p));
    const report = computeMeasureReport(caseHistories(facts), {
      measure,
      catalogue,
      refData,
      asOf: '2026-01-01T00:00:00.000Z',
      measurementDate: '2025-12-31',
      breakdown: 'programme',
    });
    expect(report.total.people).toBe(7);
    expect(recovered(report.total, report.cells, 'people')).toEqual([]);
    expect(report.cells.find((c) => c.key === 'SSP_PLUS')?.people).toBe('x');
  });
});
