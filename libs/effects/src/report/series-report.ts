import type { MeasureSeries } from '../engine/measure-series';
import { measureReportSvg } from './report-chart-svg';
import { csvField } from './report-csv';

/** One line per measurement date (RFC 4180, CRLF); hidden figures keep their marks. */
export function measureSeriesCsv(series: MeasureSeries): string {
  const header = ['measure', 'as_of', 'programme_filter', 'grain', 'measurement_date', 'people', 'count', 'share'];
  const lines = series.points.map((p) =>
    [
      series.measure,
      series.asOf,
      series.programmeFilter ?? '',
      series.grain,
      p.measurementDate,
      String(p.people),
      String(p.count),
      p.share === null ? '' : String(p.share),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The series drawn as the report chart, one bar per measurement date. */
export function measureSeriesSvg(series: MeasureSeries, title: string): string {
  const last = series.points[series.points.length - 1];
  return measureReportSvg({
    measure: { code: series.measure, title } as never,
    asOf: series.asOf,
    measurementDate: last?.measurementDate ?? '',
    programmeFilter: series.programmeFilter,
    breakdown: `measurement date (${series.grain})`,
    periodGrain: null,
    suppression: series.suppression,
    total: last ?? { key: 'total', people: 0, count: 0, share: null, suppressed: false },
    cells: series.points.map((p) => ({ key: p.measurementDate, people: p.people, count: p.count, share: p.share, suppressed: p.suppressed })),
  });
}
