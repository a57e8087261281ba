import type { ReferenceData } from '@samvirke/reference-data';
import type { GroupReduction, Interval, ReductionReport } from '../reductions/reductions';
import type { ReportLanguage } from './report-labels';
import { csvField } from './report-csv';

/** A reductions report as answered: its language and readable labels beside the keys (programme, groups, offences). */
export type LabelledReductionReport = ReductionReport & { readonly lang: ReportLanguage; readonly labels: Readonly<Record<string, string>> };

const REDUCTION_WORDS: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>> = {
  da: {
    cohort: 'Årgang',
    'previous-cohort': 'Forrige årgang',
    'not-enrolled': 'Ikke indskrevne',
    charges: 'Sigtelser',
    convictions: 'Domme',
    title: 'andel med færre efter end før',
    months: 'måneder',
    against: 'Sammenlignet med',
    intervals: '95 % Wilson-intervaller',
  },
  en: {
    cohort: 'Cohort',
    'previous-cohort': 'Previous cohort',
    'not-enrolled': 'Not enrolled',
    charges: 'Charges',
    convictions: 'Convictions',
    title: 'share with fewer after than before',
    months: 'months',
    against: 'Against',
    intervals: '95 % Wilson intervals',
  },
};

/** The report's readable labels in the language: the programme's name from reference data, the groups and offences in words. Keys stay as they are. */
export function labelReductionReport(report: ReductionReport, lang: ReportLanguage, refData: Pick<ReferenceData, 'programmes'>): LabelledReductionReport {
  const words = REDUCTION_WORDS[lang];
  const labels: Record<string, string> = {
    [report.programme]: refData.programmes.get(report.programme)?.name[lang] ?? report.programme,
    cohort: words.cohort,
    [report.comparisonKind]: words[report.comparisonKind],
    charges: words.charges,
    convictions: words.convictions,
  };
  return { ...report, lang, labels };
}

const labelOf = (report: ReductionReport, key: string) => ('labels' in report ? ((report as LabelledReductionReport).labels[key] ?? key) : key);
const wordsOf = (report: ReductionReport) => REDUCTION_WORDS['lang' in report ? (report as LabelledReductionReport).lang : 'en'];

/**
 * One line per group and offence (RFC 4180, CRLF); hidden numbers keep "<5", withheld intervals are
 * empty. A labelled report adds a last column `label` (group and offence in its language), so the
 * columns before it keep their places.
 */
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
    ...('labels' in report ? ['label'] : []),
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
        ...('labels' in report ? [`${labelOf(report, group.group)}: ${labelOf(report, offence)}`] : []),
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
  const words = wordsOf(report);
  const programme = labelOf(report, report.programme);
  const bars: { label: string; share: Interval | null; mark: string }[] = [report.cohort, report.comparison].flatMap((g) =>
    (['charges', 'convictions'] as const).map((offence) => ({
      label: `${labelOf(report, g.group)}: ${labelOf(report, offence)}`,
      share: g[offence].shareFewer,
      mark: String(g[offence].fewer),
    })),
  );
  const slot = (width - left - 24) / bars.length;
  const y = (share: number) => top + plotHeight * (1 - share);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`${programme} ${report.cohortYear}: ${words.title} (${report.months} ${words.months}; ${report.asOf})`)}</title>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(`${programme} ${report.cohortYear}: ${words.title} (${report.months} ${words.months})`)}</text>`,
    `<text x="${left}" y="36">${escapeXml(report.difference.note ?? `${words.against}: ${labelOf(report, report.comparisonKind)}; ${words.intervals}`)}</text>`,
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
