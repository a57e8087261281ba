import type { MeasureDescription } from '../engine/measure-report';
import type { AreaMeasureRow } from '../safety-index/area-measure';
import { csvField } from './report-csv';

export interface AreaMeasureReport {
  readonly measure: MeasureDescription;
  readonly asOf: string;
  readonly measurementDate: string;
  readonly programmeFilter: string | null;
  /** The version of reference data estates.json the areas and start dates come from. */
  readonly estatesVersion: string;
  readonly areas: readonly AreaMeasureRow[];
}

/** One line per area effort: felt safety before and after, and the change (RFC 4180, CRLF). */
export function areaReportCsv(report: AreaMeasureReport): string {
  const header = [
    'measure',
    'as_of',
    'measurement_date',
    'programme',
    'area',
    'area_code',
    'area_name',
    'effort_started_on',
    'before_year',
    'felt_safety_before',
    'after_year',
    'felt_safety_after',
    'felt_safety_change',
    'note',
  ];
  const lines = report.areas.map((row) =>
    [
      report.measure.code,
      report.asOf,
      report.measurementDate,
      row.programme,
      row.area,
      row.areaCode,
      row.areaName,
      row.effortStartedOn,
      String(row.beforeYear),
      row.before === null ? '' : String(row.before.feltSafety),
      row.afterYear === null ? '' : String(row.afterYear),
      row.after === null ? '' : String(row.after.feltSafety),
      row.feltSafetyChange === null ? '' : String(row.feltSafetyChange),
      row.note ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Felt safety before and after for each area, as paired bars (0-100), drawn by hand and deterministic. */
export function areaReportSvg(report: AreaMeasureReport): string {
  const width = 720;
  const height = 360;
  const left = 56;
  const top = 48;
  const plotHeight = height - top - 72;
  const slot = (width - left - 24) / Math.max(1, report.areas.length);
  const y = (value: number) => top + plotHeight * (1 - value / 100);
  // A report answered over HTTP carries its language (lang=); Danish texts then, English otherwise.
  const danish = 'lang' in report && (report as { lang?: string }).lang === 'da';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`${report.measure.title} (${danish ? 'pr.' : 'as of'} ${report.asOf})`)}</title>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(report.measure.title)}</text>`,
    `<text x="${left}" y="36">${escapeXml(
      danish
        ? `Oplevet tryghed (0-100) før og efter indsatsens start; målt ${report.measurementDate}`
        : `Felt safety (0-100) before and after the effort started; measured ${report.measurementDate}`,
    )}</text>`,
  ];
  report.areas.forEach((row, i) => {
    const x = left + slot * i;
    const bars: [string, number | null, string][] = [
      [`${row.beforeYear}`, row.before?.feltSafety ?? null, '#9bb7d4'],
      [`${row.afterYear ?? '-'}`, row.after?.feltSafety ?? null, '#3572a5'],
    ];
    bars.forEach(([label, value, colour], k) => {
      const bx = fixed(x + slot * (0.15 + 0.35 * k));
      if (value === null)
        parts.push(`<text class="missing" x="${bx}" y="${fixed(y(0) - 6)}" fill="#888">${escapeXml(`${label}: ${danish ? 'intet' : 'none'}`)}</text>`);
      else
        parts.push(
          `<rect class="bar" x="${bx}" y="${fixed(y(value))}" width="${fixed(slot * 0.3)}" height="${fixed(plotHeight * (value / 100))}" fill="${colour}"><title>${escapeXml(`${row.areaName} ${label}: ${value}`)}</title></rect>`,
        );
    });
    parts.push(`<text x="${fixed(x + slot / 2)}" y="${height - 56}" text-anchor="middle">${escapeXml(row.areaName)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - 24}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="#333"/>`, '</svg>');
  return `${parts.join('\n')}\n`;
}

function fixed(n: number): string {
  return String(Math.round(n * 10) / 10);
}
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
