import type { MeasureDefinition } from '../measures/measure-definition';
import type { CaseHistory } from './case-history';
import { cohortMembersOf } from './cohort';
import { evaluateOutcome } from './outcome-predicates';
import { programmesPicking, type MeasureReportRequest } from './measure-report';
import { COMPLEMENTARY_MARK, publishCell, type PublishedCell } from '@samvirke/platform/disclosure/small-cell-suppression';

export const SERIES_GRAINS = ['month', 'quarter'] as const;
export type SeriesGrain = (typeof SERIES_GRAINS)[number];

export interface MeasureSeries {
  readonly measure: string;
  readonly asOf: string;
  readonly grain: SeriesGrain;
  readonly programmeFilter: string | null;
  readonly suppression: string;
  /** One point per measurement date: the last day of each month or quarter from `from` through `to`. */
  readonly points: readonly (PublishedCell & { readonly measurementDate: string })[];
}

/** The last day of each month (or of each quarter ending in a month) from `from` through `to` (yyyy-mm). */
export function measurementDates(from: string, to: string, grain: SeriesGrain): string[] {
  const dates: string[] = [];
  for (let index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1; ; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (`${year}-${String(month).padStart(2, '0')}` > to) break;
    if (grain === 'month' || month % 3 === 0) dates.push(new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * A measure's total as a series over measurement dates. A cohort only grows as windows end, and a
 * member's outcome is fixed by their window, so two points differ by exactly the people whose
 * windows ended between them: a point is shown only when it differs from the last shown point by
 * none or at least `threshold` people and hits (else "x"), as well as passing the small-cell rule, so
 * no small group can be read off as a difference.
 */
export function computeMeasureSeries(
  histories: readonly CaseHistory[],
  request: Pick<MeasureReportRequest, 'measure' | 'catalogue' | 'refData' | 'asOf' | 'programme'> & { from: string; to: string; grain: SeriesGrain },
): MeasureSeries {
  const measure: MeasureDefinition = request.measure;
  const threshold = request.catalogue.suppressionThreshold;
  const picking = programmesPicking(request.refData, measure.code, measure.programmes);
  const programmes = new Set(request.programme === undefined ? picking : picking.filter((code) => code === request.programme));
  const small = (n: number) => n > 0 && n < threshold;
  let shown = { people: 0, count: 0 };
  const points = measurementDates(request.from, request.to, request.grain).map((measurementDate) => {
    let people = 0;
    let count = 0;
    for (const history of histories) {
      for (const member of cohortMembersOf(history, measure, programmes, measurementDate, false)) {
        people++;
        if (evaluateOutcome(history, member, measure.predicate).hit) count++;
      }
    }
    let cell: PublishedCell = publishCell(measurementDate, { people, count }, threshold);
    // People and hits separately: a point whose hits are hidden still shows its people.
    if (typeof cell.people === 'number' && small(people - shown.people))
      cell = { ...cell, people: COMPLEMENTARY_MARK, count: COMPLEMENTARY_MARK, share: null, suppressed: true };
    if (typeof cell.count === 'number' && small(count - shown.count)) cell = { ...cell, count: COMPLEMENTARY_MARK, share: null, suppressed: true };
    if (typeof cell.people === 'number') shown = { ...shown, people };
    if (typeof cell.count === 'number') shown = { ...shown, count };
    return { ...cell, measurementDate };
  });
  return {
    measure: measure.code,
    asOf: request.asOf,
    grain: request.grain,
    programmeFilter: request.programme ?? null,
    suppression: `Points counting 1-${threshold - 1} people or hits show "<${threshold}"; a point that differs from the last shown point by 1-${threshold - 1} people or hits shows "${COMPLEMENTARY_MARK}", so no small group is the difference of two shown points.`,
    points,
  };
}
