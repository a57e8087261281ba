import type { ReferenceData } from '@samvirke/reference-data';
import type { MeasureReport } from '../engine/measure-report';

const WIDTH = 720;
/** Title at 20, subtitle at 36: the plot starts low enough that a full bar's percent label clears the subtitle. */
const TOP = 64;
const PLOT_HEIGHT = 240;
const RIGHT = 24;
const MIN_LEFT = 56;
const FONT_SIZE = 11;
/** Axis labels are 10 px; 6 px is a generous average advance of a 10 px sans-serif character, so a label measured with it fits when drawn. */
const LABEL_FONT_SIZE = 10;
const CHAR_WIDTH = 6;
const LINE_HEIGHT = 12;
const ANGLE = (40 * Math.PI) / 180;

/** How a cell's key is shown under its bar (a name from reference data); the key itself by default. */
export type ChartLabel = (key: string) => string;

/**
 * Names for the keys of a breakdown: city districts and programmes by their reference-data names
 * (a city district's key is `GEOGRAPHY/CODE`); other keys (levels, age bands, periods) as they are.
 */
export function chartLabelsFor(referenceData: Pick<ReferenceData, 'cityDistricts' | 'programmes'>, breakdown: string | null | undefined): ChartLabel {
  if (breakdown === 'cityDistrict') return (key) => referenceData.cityDistricts.get(key.slice(key.indexOf('/') + 1))?.name ?? key;
  if (breakdown === 'programme') return (key) => referenceData.programmes.get(key)?.name.en ?? key;
  return (key) => key;
}

/**
 * The report's cells as an SVG bar chart of the share (0-100 %). A suppressed cell is a gap with
 * its "<5" label instead of a bar, so a chart never shows more than the table does; when every cell
 * is hidden the chart says so in words. Axis labels are wrapped to their bar's width, or, when a word
 * cannot fit, turned 40° with the margins grown to hold them: never cut off. Drawn by hand (no chart
 * library) so the output is deterministic and byte-identical for identical reports.
 */
export function measureReportSvg(report: MeasureReport): string {
  return labelledMeasureReportSvg(report, (key) => key);
}

/** `measureReportSvg` with each cell's key shown as `label` names it (see `chartLabelsFor`). */
export function labelledMeasureReportSvg(report: MeasureReport, label: ChartLabel): string {
  const cells = report.cells.length > 0 ? report.cells : [report.total];
  const texts = cells.map((cell) => label(cell.key));
  let slot = (WIDTH - MIN_LEFT - RIGHT) / cells.length;
  const wrapped = texts.map((text) => wrap(text, Math.floor((slot - 2) / CHAR_WIDTH)));
  const rotated = wrapped.some((lines) => lines === undefined);
  let left = MIN_LEFT;
  let labelArea: number;
  if (rotated) {
    // The first label reaches furthest left of its anchor; the longest one furthest down.
    const reach = (text: string) => text.length * CHAR_WIDTH;
    left = Math.max(MIN_LEFT, Math.ceil(reach(texts[0]) * Math.cos(ANGLE) - slot / 2 + 8));
    slot = (WIDTH - left - RIGHT) / cells.length;
    labelArea = Math.ceil(Math.max(...texts.map(reach)) * Math.sin(ANGLE)) + 24;
  } else {
    labelArea = Math.max(...wrapped.map((lines) => lines!.length)) * LINE_HEIGHT + 16;
  }
  const height = TOP + PLOT_HEIGHT + labelArea;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (share: number) => TOP + PLOT_HEIGHT * (1 - share);
  const baseline = y(0);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="${FONT_SIZE}">`,
  );
  parts.push(`<title>${escapeXml(`${report.measure.title} (as of ${report.asOf})`)}</title>`);
  parts.push(`<text x="${left}" y="20" font-size="14">${escapeXml(report.measure.title)}</text>`);
  parts.push(
    `<text class="subtitle" x="${left}" y="36">${escapeXml(`Share of cohort, by ${report.breakdown ?? 'total'}; measured ${report.measurementDate}, as of ${report.asOf}`)}</text>`,
  );
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const ty = fixed(y(tick));
    parts.push(`<line x1="${left}" x2="${WIDTH - RIGHT}" y1="${ty}" y2="${ty}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${tick * 100}%</text>`);
  }
  const labels: string[] = [];
  cells.forEach((cell, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    const centre = fixed(x + barWidth / 2);
    if (cell.share === null) {
      parts.push(
        `<text class="suppressed" x="${centre}" y="${fixed(baseline - 6)}" text-anchor="middle" fill="#595959">${escapeXml(String(cell.count))}</text>`,
      );
    } else {
      parts.push(
        `<rect class="bar" x="${fixed(x)}" y="${fixed(y(cell.share))}" width="${fixed(barWidth)}" height="${fixed(PLOT_HEIGHT * cell.share)}" fill="#3572a5"><title>${escapeXml(`${texts[i]}: ${cell.count} of ${cell.people}`)}</title></rect>`,
      );
      parts.push(`<text class="share" x="${centre}" y="${fixed(y(cell.share) - 4)}" text-anchor="middle">${fixed(cell.share * 100)}%</text>`);
    }
    const top = baseline + 14;
    if (rotated) {
      labels.push(
        `<text class="axis-label" x="${centre}" y="${fixed(top)}" text-anchor="end" transform="rotate(-40 ${centre} ${fixed(top)})">${escapeXml(texts[i])}</text>`,
      );
    } else {
      const lines = wrapped[i]!.map((line, k) => `<tspan x="${centre}" dy="${k === 0 ? 0 : LINE_HEIGHT}">${escapeXml(line)}</tspan>`).join('');
      labels.push(`<text class="axis-label" x="${centre}" y="${fixed(top)}" text-anchor="middle">${lines}</text>`);
    }
  });
  parts.push(`<g class="axis-labels" font-size="${LABEL_FONT_SIZE}">`, ...labels, '</g>');
  // Every cell hidden: a row of "<5" gaps alone would read as "no data"; say why nothing is drawn.
  if (cells.every((cell) => cell.suppressed)) {
    const threshold = /\d+/.exec(String(cells[0].count))?.[0];
    const words = threshold
      ? `Every group has fewer than ${threshold} people, so no share is shown.`
      : 'Every group is too small to show, so no share is shown.';
    parts.push(
      `<text class="all-hidden" x="${fixed(left + (WIDTH - RIGHT - left) / 2)}" y="${fixed(TOP + PLOT_HEIGHT / 2)}" text-anchor="middle" font-size="13">${escapeXml(words)}</text>`,
    );
  }
  parts.push(`<line x1="${left}" x2="${WIDTH - RIGHT}" y1="${fixed(baseline)}" y2="${fixed(baseline)}" stroke="#333"/>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/**
 * Greedy word wrap to lines of at most `width` characters, breaking at spaces and after "/" or "-"
 * (kept on the line they end); undefined when a single word is longer than a line.
 */
function wrap(text: string, width: number): string[] | undefined {
  const words = text.split(/(?<=[/-])|\s+/).filter((word) => word !== '');
  if (width < 1 || words.some((word) => word.length > width)) return undefined;
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? word : /[/-]$/.test(last) ? `${last}${word}` : `${last} ${word}`;
    if (last !== undefined && joined.length <= width) lines[lines.length - 1] = joined;
    else lines.push(word);
  }
  return lines;
}

function fixed(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
