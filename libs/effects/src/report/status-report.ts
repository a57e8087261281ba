import type { StatusReport } from '../status/status-figures';
import { csvField } from './report-csv';

/** One line per status figure and cell, the total first (RFC 4180, CRLF); hidden figures keep their marks. */
export function statusReportCsv(report: StatusReport): string {
  const header = ['date', 'as_of', 'programme_filter', 'status', 'breakdown', 'cell', 'people', 'count', 'share'];
  const lines = report.figures.flatMap((figure) =>
    [figure.total, ...figure.cells].map((cell) =>
      [
        report.date,
        report.asOf,
        report.programmeFilter ?? '',
        figure.status,
        cell.key === 'total' ? 'total' : (report.breakdown ?? ''),
        cell.key,
        String(cell.people),
        String(cell.count),
        cell.share === null ? '' : String(cell.share),
      ]
        .map(csvField)
        .join(','),
    ),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The four totals' shares as bars (0-100 %); a hidden figure is a gap with its mark. Deterministic. */
export function statusReportSvg(report: StatusReport): string {
  const width = 720;
  const height = 360;
  const left = 56;
  const top = 48;
  const plotHeight = height - top - 72;
  const slot = (width - left - 24) / report.figures.length;
  const y = (share: number) => top + plotHeight * (1 - share);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`Status on ${report.date} (as of ${report.asOf})`)}</title>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(`Status on ${report.date}${report.programmeFilter === null ? '' : `, ${report.programmeFilter}`}`)}</text>`,
    `<text x="${left}" y="36">${escapeXml('Share of the people enrolled on the date')}</text>`,
  ];
  report.figures.forEach((figure, i) => {
    const x = left + slot * i + slot * 0.15;
    const centre = fixed(x + slot * 0.35);
    const share = figure.total.share;
    if (share === null)
      parts.push(
        `<text class="suppressed" x="${centre}" y="${fixed(y(0) - 6)}" text-anchor="middle" fill="#888">${escapeXml(String(figure.total.count))}</text>`,
      );
    else {
      parts.push(
        `<rect class="bar" x="${fixed(x)}" y="${fixed(y(share))}" width="${fixed(slot * 0.7)}" height="${fixed(plotHeight * share)}" fill="#3572a5"><title>${escapeXml(`${figure.status}: ${figure.total.count} of ${figure.total.people}`)}</title></rect>`,
      );
      parts.push(`<text x="${centre}" y="${fixed(y(share) - 4)}" text-anchor="middle">${fixed(share * 100)}%</text>`);
    }
    parts.push(`<text x="${centre}" y="${height - 56}" text-anchor="middle">${escapeXml(figure.status)}</text>`);
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
