import type { GroupReduction, Interval, ReductionReport } from '../reductions/reductions';
import { csvField } from './report-csv';

/** One line per group and offence (RFC 4180, CRLF); hidden numbers keep "<5", withheld intervals are empty. */
export function reductionReportCsv(report: ReductionReport): string {
  const header = [
    'programme',
    'cohort_year',
    'months',
    'comparison',
    'as_of',
    'measurement_date',
    'group',
    'offence',
    'people',
    'before',
    'after',
    'fewer',
    'share_fewer',
    'share_fewer_low',
    'share_fewer_high',
    'mean_change',
    'mean_change_low',
    'mean_change_high',
  ];
  const interval = (i: Interval | null) => (i === null ? ['', '', ''] : [String(i.estimate), String(i.low), String(i.high)]);
  const lines = [report.cohort, report.comparison].flatMap((group: GroupReduction) =>
    (['charges', 'convictions'] as const).map((offence) =>
      [
        report.programme,
        String(report.cohortYear),
        String(report.months),
        report.comparisonKind,
        report.asOf,
        report.measurementDate,
        group.group,
        offence,
        String(group.people),
        String(group[offence].before),
        String(group[offence].after),
        String(group[offence].fewer),
        ...interval(group[offence].shareFewer),
        ...interval(group[offence].meanChange),
      ]
        .map(csvField)
        .join(','),
    ),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Share with fewer charges and convictions after than before, per group, with the Wilson intervals as whiskers. */
export function reductionReportSvg(report: ReductionReport): string {
  const width = 720;
  const height = 360;
  const left = 56;
  const top = 48;
  const plotHeight = height - top - 72;
  const bars: { label: string; share: Interval | null; mark: string }[] = [report.cohort, report.comparison].flatMap((g) =>
    (['charges', 'convictions'] as const).map((offence) => ({ label: `${g.group}: ${offence}`, share: g[offence].shareFewer, mark: String(g[offence].fewer) })),
  );
  const slot = (width - left - 24) / bars.length;
  const y = (share: number) => top + plotHeight * (1 - share);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`${report.programme} ${report.cohortYear}: fewer charges and convictions after enrolment (as of ${report.asOf})`)}</title>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(`${report.programme} ${report.cohortYear}: share with fewer in the ${report.months} months after than before`)}</text>`,
    `<text x="${left}" y="36">${escapeXml(report.difference.note ?? `Against ${report.comparisonKind}; 95 % Wilson intervals`)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const x = left + slot * i + slot * 0.2;
    const centre = fixed(x + slot * 0.3);
    if (bar.share === null) {
      parts.push(`<text class="suppressed" x="${centre}" y="${fixed(y(0) - 6)}" text-anchor="middle" fill="#888">${escapeXml(bar.mark)}</text>`);
    } else {
      parts.push(
        `<rect class="bar" x="${fixed(x)}" y="${fixed(y(bar.share.estimate))}" width="${fixed(slot * 0.6)}" height="${fixed(plotHeight * bar.share.estimate)}" fill="#3572a5"><title>${escapeXml(`${bar.label}: ${bar.share.estimate} (${bar.share.low}-${bar.share.high})`)}</title></rect>`,
      );
      parts.push(`<line class="interval" x1="${centre}" x2="${centre}" y1="${fixed(y(bar.share.low))}" y2="${fixed(y(bar.share.high))}" stroke="#222"/>`);
    }
    parts.push(`<text x="${centre}" y="${height - 56}" text-anchor="middle">${escapeXml(bar.label)}</text>`);
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
