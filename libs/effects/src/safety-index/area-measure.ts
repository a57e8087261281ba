import type { AreaEffort, Estates, ReferenceData } from '@samvirke/reference-data';
import type { AreaLevel, MeasureDefinition } from '../measures/measure-definition';
import { addMonths } from '../engine/calendar-months';
import type { SafetyIndexRow } from './safety-index-csv';

/** One area effort's area (its district or its estate) before and after the effort started. */
export interface AreaMeasureRow {
  readonly programme: string;
  readonly area: AreaLevel;
  readonly areaCode: string;
  readonly areaName: string;
  readonly effortStartedOn: string;
  readonly beforeYear: number;
  /** The year the window (effort start + windowMonths) ends in; null while that day is after the measurement date. */
  readonly afterYear: number | null;
  readonly before: SafetyIndexRow | null;
  readonly after: SafetyIndexRow | null;
  /** After minus before, in points of felt safety; null unless both years have an index. */
  readonly feltSafetyChange: number | null;
  readonly note: string | null;
}

/**
 * The safety-index measures count areas, not people: for every area effort of the programmes that
 * picked the measure, the index of its district (or estate) in the calendar year before the effort
 * started against the year its window ends in. An effort without an estate has no estate row.
 */
export function areaMeasureRows(
  measure: MeasureDefinition,
  efforts: readonly AreaEffort[],
  programmes: ReadonlySet<string>,
  index: readonly SafetyIndexRow[],
  refData: Pick<ReferenceData, 'districts'>,
  estates: Pick<Estates, 'estates'>,
  measurementDate: string,
  lang: 'da' | 'en' = 'en',
): AreaMeasureRow[] {
  if (measure.predicate.kind !== 'area-safety-index') throw new Error(`${measure.code} is not an area measure`);
  const area = measure.predicate.area;
  const rows: AreaMeasureRow[] = [];
  for (const effort of [...efforts].sort((a, b) => (a.programme < b.programme ? -1 : a.programme > b.programme ? 1 : 0))) {
    if (!programmes.has(effort.programme)) continue;
    const areaCode = area === 'district' ? effort.district : effort.estate;
    if (areaCode === undefined) continue;
    const areaName = (area === 'district' ? refData.districts.get(areaCode)?.name : estates.estates.get(areaCode)?.name) ?? areaCode;
    const beforeYear = Number(effort.startedOn.slice(0, 4)) - 1;
    const windowEnd = addMonths(effort.startedOn, measure.windowMonths);
    const afterYear = windowEnd <= measurementDate ? Number(windowEnd.slice(0, 4)) : null;
    const find = (year: number | null) => (year === null ? null : (index.find((row) => row.districtCode === areaCode && row.year === year) ?? null));
    const before = find(beforeYear);
    const after = find(afterYear);
    const missingYears = [before === null ? beforeYear : null, after === null ? afterYear : null].filter((y) => y !== null);
    const note =
      afterYear === null
        ? lang === 'da'
          ? `perioden slutter ${windowEnd}, efter måledatoen`
          : `the window ends ${windowEnd}, after the measurement date`
        : missingYears.length > 0
          ? lang === 'da'
            ? `intet tryghedsindeks indlæst for ${missingYears.join(' og ')}`
            : `no safety index imported for ${missingYears.join(' and ')}`
          : null;
    rows.push({
      programme: effort.programme,
      area,
      areaCode,
      areaName,
      effortStartedOn: effort.startedOn,
      beforeYear,
      afterYear,
      before,
      after,
      feltSafetyChange: before === null || after === null ? null : Math.round((after.feltSafety - before.feltSafety) * 100) / 100,
      note,
    });
  }
  return rows;
}
