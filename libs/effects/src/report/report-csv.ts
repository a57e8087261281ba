import type { MeasureReport } from '../engine/measure-report';
import type { PublishedCell } from '@samvirke/platform/disclosure/small-cell-suppression';

/**
 * The report as CSV (RFC 4180, CRLF): one line per cell, the total first. Suppressed counts keep
 * their "<5" text and the share and median stay empty, exactly as in the JSON.
 */
export function measureReportCsv(report: MeasureReport & { labels?: Readonly<Record<string, string>> }): string {
  const header = [
    'measure',
    'as_of',
    'measurement_date',
    'programme_filter',
    'breakdown',
    'cell',
    'people',
    'count',
    'share',
    'median',
    ...(report.labels ? ['label'] : []),
  ];
  const line = (cell: PublishedCell, breakdown: string) =>
    [
      report.measure.code,
      report.asOf,
      report.measurementDate,
      report.programmeFilter ?? '',
      breakdown,
      cell.key,
      String(cell.people),
      String(cell.count),
      cell.share === null ? '' : String(cell.share),
      cell.median === undefined || cell.median === null ? '' : String(cell.median),
      // Last, so the columns before it keep their places; a readable name (lang=) beside the key.
      ...(report.labels ? [report.labels[cell.key] ?? cell.key] : []),
    ]
      .map(csvField)
      .join(',');
  const lines = [header.join(','), line(report.total, 'total'), ...report.cells.map((cell) => line(cell, report.breakdown ?? ''))];
  return `${lines.join('\r\n')}\r\n`;
}

export function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet evaluate the field as a formula.
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
