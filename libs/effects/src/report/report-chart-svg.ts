import type { MeasureReport } from '../engine/measure-report';

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { top: 48, right: 24, bottom: 72, left: 56 };

/**
 * The report's cells as an SVG bar chart of the share (0-100 %). A suppressed cell is a gap with
 * its "<5" label instead of a bar, so a chart never shows more than the table does. Drawn by hand
 * (no chart library) so the output is deterministic and byte-identical for identical reports.
 */
export function measureReportSvg(report: MeasureReport): string {
  const cells = report.cells.length > 0 ? report.cells : [report.total];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / cells.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (share: number) => MARGIN.top + plotHeight * (1 - share);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`);
  parts.push(`<title>${escapeXml(`${report.measure.title} (as of ${report.asOf})`)}</title>`);
  parts.push(`<text x="${MARGIN.left}" y="20" font-size="14">${escapeXml(report.measure.title)}</text>`);
  parts.push(`<text x="${MARGIN.left}" y="36">${escapeXml(`Share of cohort, by ${report.breakdown ?? 'total'}; measured ${report.measurementDate}, as of ${report.asOf}`)}</text>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const ty = fixed(y(tick));
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${tick * 100}%</text>`);
  }
  cells.forEach((cell, i) => {
    const x = MARGIN.left + slot * i + (slot - barWidth) / 2;
    const centre = fixed(x + barWidth / 2);
    if (cell.share === null) {
      parts.push(`<text class="suppressed" x="${centre}" y="${fixed(y(0) - 6)}" text-anchor="middle" fill="#888">${escapeXml(String(cell.count))}</text>`);
    } else {
      parts.push(`<rect class="bar" x="${fixed(x)}" y="${fixed(y(cell.share))}" width="${fixed(barWidth)}" height="${fixed(plotHeight * cell.share)}" fill="#3572a5"><title>${escapeXml(`${cell.key}: ${cell.count} of ${cell.people}`)}</title></rect>`);
      parts.push(`<text x="${centre}" y="${fixed(y(cell.share) - 4)}" text-anchor="middle">${fixed(cell.share * 100)}%</text>`);
    }
    parts.push(`<text x="${centre}" y="${HEIGHT - MARGIN.bottom + 14}" text-anchor="end" transform="rotate(-40 ${centre} ${HEIGHT - MARGIN.bottom + 14})">${escapeXml(cell.key)}</text>`);
  });
  parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="#333"/>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function fixed(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
