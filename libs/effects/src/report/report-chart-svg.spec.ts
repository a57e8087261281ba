import { loadReferenceData } from '@samvirke/reference-data';
import type { PublishedCell } from '@samvirke/platform/disclosure/small-cell-suppression';
import type { MeasureReport } from '../engine/measure-report';
import { chartLabelsFor, labelledMeasureReportSvg, measureReportSvg } from './report-chart-svg';

const referenceData = loadReferenceData();
/** Axis labels are 10 px: 6 px per character is more than a sans-serif font takes. */
const CHAR_WIDTH = 6;

const cell = (key: string, share: number | null, people: number | string = 40): PublishedCell => ({
  key,
  people: share === null ? '<5' : people,
  count: share === null ? '<5' : Math.round(share * Number(people)),
  share,
  suppressed: share === null,
});

function report(cells: PublishedCell[], breakdown: string | null = 'cityDistrict'): MeasureReport {
  return {
    measure: { code: 'self-sufficiency-12m', title: 'Self-sufficient 12 months after enrolment' } as MeasureReport['measure'],
    asOf: '2026-12-01T00:00:00.000Z',
    measurementDate: '2026-12-01',
    programmeFilter: null,
    breakdown,
    periodGrain: null,
    suppression: 'cells under 5 hidden',
    total: cell('total', 0.5, 400),
    cells,
  };
}

const districtCells = () =>
  [...referenceData.cityDistricts.values()].map((district, i) => cell(`${district.geography}/${district.code}`, i === 0 ? 1 : 0.1 * i));

interface Label {
  x: number;
  y: number;
  anchor: string;
  rotate: boolean;
  text: string;
}
/** The axis labels: every <text class="axis-label"> with its lines (tspans) joined. */
function axisLabels(svg: string): Label[] {
  return [...svg.matchAll(/<text class="axis-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"( transform="[^"]*")?>(.*?)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    anchor: m[3],
    rotate: m[4] !== undefined,
    text: m[5]
      .replace(/<tspan[^>]*>/g, '')
      .replace(/<\/tspan>/g, ' ')
      .trim(),
  }));
}
const size = (svg: string) => {
  const m = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('the measure chart (SVG)', () => {
  it('labels city districts with their names from reference data, not codes', () => {
    const svg = labelledMeasureReportSvg(report(districtCells()), chartLabelsFor(referenceData, 'cityDistrict'));
    const texts = axisLabels(svg).map((label) => label.text);
    expect(texts).toContain('Vesterbro/ Kongens Enghave');
    expect(texts).toContain('Amager Øst');
    expect(svg).not.toMatch(/KK-10-BYDELE|VESTERBRO-KONGENS-ENGHAVE/);
  });

  it('keeps every axis label inside the picture and inside its own slot (wrapped, not cut off)', () => {
    const cells = districtCells();
    const svg = labelledMeasureReportSvg(report(cells), chartLabelsFor(referenceData, 'cityDistrict'));
    const { width, height } = size(svg);
    const labels = axisLabels(svg);
    expect(labels).toHaveLength(cells.length);
    expect(svg).toContain('<g class="axis-labels" font-size="10">');
    const slot = labels[1].x - labels[0].x || width;
    for (const label of [...svg.matchAll(/<text class="axis-label"[^>]*>(.*?)<\/text>/g)].map((m) => m[0])) {
      const x = Number(/ x="([\d.]+)"/.exec(label)![1]);
      const lines = [...label.matchAll(/<tspan x="[\d.]+" (?:dy|y)="([\d.]+)">(.*?)<\/tspan>/g)];
      expect(lines.length).toBeGreaterThan(0);
      let y = Number(/ y="([\d.]+)"/.exec(label)![1]);
      for (const [, dy, text] of lines) {
        y += Number(dy);
        const half = (text.length * CHAR_WIDTH) / 2;
        expect(x - half).toBeGreaterThanOrEqual(0);
        expect(x + half).toBeLessThanOrEqual(width);
        expect(text.length * CHAR_WIDTH).toBeLessThanOrEqual(slot);
      }
      expect(y).toBeLessThanOrEqual(height - 4);
    }
  });

  it('keeps rotated labels of many cells inside the picture', () => {
    const cells = Array.from({ length: 30 }, (_, i) => cell(`A long programme name number ${i}`, 0.3));
    const svg = measureReportSvg(report(cells, 'programme'));
    const { height } = size(svg);
    expect(axisLabels(svg)).toHaveLength(30);
    for (const label of axisLabels(svg)) {
      expect(label.rotate).toBe(true);
      const length = label.text.length * CHAR_WIDTH;
      // Anchored at its end and turned 40° up: it reaches left and down from its anchor.
      expect(label.x - length * Math.cos((40 * Math.PI) / 180)).toBeGreaterThanOrEqual(0);
      expect(label.y + length * Math.sin((40 * Math.PI) / 180)).toBeLessThanOrEqual(height);
    }
  });

  it('puts the percent label of a full bar below the subtitle, not over it', () => {
    const svg = labelledMeasureReportSvg(report(districtCells()), chartLabelsFor(referenceData, 'cityDistrict'));
    const subtitle = /<text class="subtitle" x="[\d.]+" y="([\d.]+)"/.exec(svg)!;
    const percents = [...svg.matchAll(/<text class="share" x="[\d.]+" y="([\d.]+)"[^>]*>([\d.]+)%<\/text>/g)];
    expect(percents.map((m) => m[2])).toContain('100');
    // 11 px text: its top is about 9 px above its baseline; the subtitle's baseline must be above that, with room.
    for (const m of percents) expect(Number(m[1]) - 9).toBeGreaterThan(Number(subtitle[1]) + 4);
  });

  it('says so in the chart when every cell is too small to show, instead of drawing empty bars', () => {
    const cells = ['a', 'b', 'c'].map((key) => cell(key, null));
    const svg = measureReportSvg(report(cells, 'level'));
    expect(svg).not.toContain('<rect class="bar"');
    expect(svg).toMatch(/<text class="all-hidden"[^>]*>Every group has fewer than 5 people, so no share is shown\.<\/text>/);
  });

  it('does not say so when some cells are shown', () => {
    const svg = measureReportSvg(report([cell('a', null), cell('b', 0.4)], 'level'));
    expect(svg).not.toContain('all-hidden');
  });
});
