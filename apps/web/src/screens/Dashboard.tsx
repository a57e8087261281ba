import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import {
  effectsApi,
  reportUrl,
  type AreaReport,
  type DistrictSafety,
  type MeasureSummary,
  type PeopleReport,
  type ProgrammeReference,
  type PublishedCell,
  type PublishedCount,
  type ReportQuery,
} from '../api-effects';
import { formatDate, formatDateTime } from '../format';
import { useI18n, type Language, type Translate } from '../i18n';
import { ErrorAlert, Loading, PageHeading } from './common';
import './dashboard.css';

/**
 * The programme managers' dashboard (issue 20): one effect measure at a time, chosen by programme,
 * measure, measurement date and breakdown, as a bar chart with the same figures in a table beside it
 * (the table is what screen readers and the CSV export hold); small cells are spelled out ("færre end
 * 5") and explained, and a report whose every group is small says so instead of drawing empty bars.
 * Below: the safety index by district beside the area efforts.
 */
const PEOPLE_BREAKDOWNS = ['', 'programme', 'level', 'ageBand', 'cityDistrict', 'period'] as const;
const STAFF_BREAKDOWNS = ['', 'programme', 'agency', 'period'] as const;
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

function copenhagenToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** A published figure in words: a number, "færre end 5" for "<5", "skjult" for a cell hidden with a small one. */
function figure(value: PublishedCount | undefined | null, t: Translate, language: Language): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return new Intl.NumberFormat(LOCALES[language]).format(value);
  if (value.startsWith('<')) return t('effects.small');
  if (value === 'x') return t('effects.hidden');
  return value;
}

function percent(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Who may read the effect reports (the API's @Roles on /effects): coordinators, auditors, programme managers. */
export function readsEffects(roles: readonly string[]): boolean {
  return roles.some((role) => role === 'coordinator' || role === 'auditor' || role === 'programme-manager');
}

export function DashboardScreen() {
  const { t, language } = useI18n();
  const measures = useQuery({ queryKey: ['effects-measures', language], queryFn: () => effectsApi.measures(language), staleTime: 300_000 });
  const programmes = useQuery({ queryKey: ['reference-programmes'], queryFn: () => effectsApi.programmes(), staleTime: 300_000 });
  return (
    <>
      <PageHeading>{t('effects.title')}</PageHeading>
      <p className="font-lead">{t('effects.intro')}</p>
      {(measures.isPending || programmes.isPending) && <Loading />}
      {measures.isError && <ErrorAlert error={measures.error} onRetry={() => void measures.refetch()} />}
      {programmes.isError && <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />}
      {measures.data && programmes.data && <MeasureDashboard measures={measures.data.measures} programmes={programmes.data.items} />}
      {programmes.data && <SafetyIndexSection programmes={programmes.data.items} />}
    </>
  );
}

function MeasureDashboard({ measures, programmes }: { measures: MeasureSummary[]; programmes: ProgrammeReference[] }) {
  const { t, language } = useI18n();
  const ids = { programme: useId(), measure: useId(), date: useId(), dateHint: useId(), by: useId(), grain: useId() };
  const programmeName = (code: string) => programmes.find((p) => p.code === code)?.name[language] ?? code;
  // Programmes that picked at least one measure, in reference-data order.
  const choosable = programmes.filter((p) => measures.some((m) => m.programmes.includes(p.code)));
  const [programme, setProgramme] = useState(() => choosable[0]?.code ?? '');
  const offered = measures.filter((m) => programme === '' || m.programmes.includes(programme));
  const [code, setCode] = useState(() => offered[0]?.code ?? '');
  const measure = offered.find((m) => m.code === code) ?? offered[0];
  const [measurementDate, setMeasurementDate] = useState(copenhagenToday);
  const [by, setBy] = useState<string>('cityDistrict');
  const [grain, setGrain] = useState<'quarter' | 'year'>('quarter');
  const breakdowns: readonly string[] = measure?.counts === 'people' ? PEOPLE_BREAKDOWNS : measure?.counts === 'staff-units' ? STAFF_BREAKDOWNS : [''];
  const breakdown = breakdowns.includes(by) ? by : '';
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(measurementDate) && measurementDate <= copenhagenToday();

  const query: ReportQuery | undefined = measure
    ? {
        code: measure.code,
        programme: programme || undefined,
        by: breakdown || undefined,
        period: breakdown === 'period' && measure.counts === 'people' ? grain : undefined,
        measurementDate: validDate ? measurementDate : undefined,
        lang: language,
      }
    : undefined;
  const report = useQuery({
    queryKey: ['effects-report', query],
    queryFn: () => effectsApi.report(query!),
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <form className="effects-pickers" onSubmit={(event) => event.preventDefault()} aria-label={t('effects.choose')}>
        <div className="form-group">
          <label className="form-label" htmlFor={ids.programme}>
            {t('effects.programme')}
          </label>
          <select className="form-select" id={ids.programme} value={programme} onChange={(event) => setProgramme(event.target.value)}>
            {choosable.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name[language]}
              </option>
            ))}
            <option value="">{t('effects.allProgrammes')}</option>
          </select>
        </div>
        <div className="form-group effects-pickers__measure">
          <label className="form-label" htmlFor={ids.measure}>
            {t('effects.measure')}
          </label>
          <select className="form-select" id={ids.measure} value={measure?.code ?? ''} onChange={(event) => setCode(event.target.value)}>
            {offered.map((m) => (
              <option key={m.code} value={m.code}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={ids.date}>
            {t('effects.measurementDate')}
          </label>
          <span className="form-hint" id={ids.dateHint}>
            {t('effects.measurementDateHint')}
          </span>
          <input
            className="form-input"
            type="date"
            id={ids.date}
            aria-describedby={ids.dateHint}
            value={measurementDate}
            max={copenhagenToday()}
            aria-invalid={validDate ? undefined : true}
            onChange={(event) => setMeasurementDate(event.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={ids.by}>
            {t('effects.breakdown')}
          </label>
          <select className="form-select" id={ids.by} value={breakdown} disabled={breakdowns.length < 2} onChange={(event) => setBy(event.target.value)}>
            {breakdowns.map((b) => (
              <option key={b} value={b}>
                {t(`effects.by.${b || 'none'}` as 'effects.by.none')}
              </option>
            ))}
          </select>
        </div>
        {breakdown === 'period' && measure?.counts === 'people' && (
          <div className="form-group">
            <label className="form-label" htmlFor={ids.grain}>
              {t('effects.periodGrain')}
            </label>
            <select className="form-select" id={ids.grain} value={grain} onChange={(event) => setGrain(event.target.value as 'quarter' | 'year')}>
              <option value="quarter">{t('effects.grain.quarter')}</option>
              <option value="year">{t('effects.grain.year')}</option>
            </select>
          </div>
        )}
      </form>
      {!measure && <p>{t('effects.noMeasures')}</p>}
      {measure && (
        // The API answers the definitions in the page's language (lang= on /effects/measures), so they take the page's lang.
        <dl className="effects-definition">
          <dt>{t('effects.cohort')}</dt>
          <dd>{measure.cohort}</dd>
          <dt>{t('effects.window')}</dt>
          <dd>{measure.window}</dd>
          <dt>{t('effects.definition')}</dt>
          <dd>{measure.definition}</dd>
        </dl>
      )}
      <div aria-live="polite" aria-busy={report.isFetching}>
        {report.isPending && query && <Loading />}
        {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && query && 'areas' in report.data && <AreaReportView report={report.data} programmeName={programmeName} csv={reportUrl(query, 'csv')} />}
        {report.data && query && 'cells' in report.data && <PeopleReportView report={report.data} csv={reportUrl(query, 'csv')} />}
      </div>
    </>
  );
}

function CsvLink({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <p className="effects-csv">
      <a className="button button-secondary" href={href} download data-testid="effects-csv">
        {t('effects.csv')}
      </a>{' '}
      <span className="form-hint">{t('effects.csvHint')}</span>
    </p>
  );
}

function PeopleReportView({ report, csv }: { report: PeopleReport; csv: string }) {
  const { t, language } = useI18n();
  const captionId = useId();
  const label = (key: string) => (key === 'total' ? t('effects.total') : (report.labels[key] ?? key));
  const shown = report.breakdown ? report.cells : [report.total];
  const counted = shown.filter((cell) => cell.people !== 0);
  const allSmall = counted.length > 0 && counted.every((cell) => cell.suppressed);
  const anySmall = [...report.cells, report.total].some((cell) => typeof cell.count === 'string' && cell.count.startsWith('<'));
  const anyHidden = [...report.cells, report.total].some((cell) => cell.count === 'x');
  const withMedian = report.total.median !== undefined;
  const byWord = report.breakdown ? t(`effects.by.${report.breakdown}` as 'effects.by.none').toLowerCase() : '';
  const unit = report.measure.counts === 'staff-units' ? t('effects.units') : t('effects.people');
  const caption = t('effects.reportCaption', { title: report.measure.title, date: formatDate(report.measurementDate, language) });

  let chart: ReactNode;
  if (counted.length === 0) chart = <p className="alert alert-info effects-empty">{t('effects.empty')}</p>;
  else if (allSmall)
    chart = (
      <div className="alert alert-info" data-testid="effects-all-small">
        <p className="alert-text">{t('effects.allSmall')}</p>
        {report.breakdown && (
          <p className="alert-text">
            {t('effects.allSmallTotal', { count: figure(report.total.count, t, language), people: figure(report.total.people, t, language) })}
          </p>
        )}
      </div>
    );
  else
    chart = (
      <BarChart
        title={report.breakdown ? t('effects.chartTitle', { by: byWord }) : t('effects.chartTotal')}
        bars={shown.map((cell) => ({ key: cell.key, label: label(cell.key), share: cell.share, text: barText(cell, t, language) }))}
      />
    );

  return (
    <section className="effects-report" aria-labelledby={captionId}>
      <h2 id={captionId} className="h3">
        {caption}
      </h2>
      <div className="effects-report__body">
        <div className="effects-report__chart">{chart}</div>
        <div className="effects-report__table">
          <table className="table table--compact" data-testid="effects-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{report.breakdown ? t(`effects.by.${report.breakdown}` as 'effects.by.none') : t('effects.group')}</th>
                <th scope="col" className="numeric">
                  {unit}
                </th>
                <th scope="col" className="numeric">
                  {t('effects.count')}
                </th>
                <th scope="col" className="numeric">
                  {t('effects.share')}
                </th>
                {withMedian && (
                  <th scope="col" className="numeric">
                    {t('effects.median')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {report.cells.map((cell) => (
                <FigureRow key={cell.key} cell={cell} label={label(cell.key)} withMedian={withMedian} />
              ))}
            </tbody>
            <tfoot>
              <FigureRow cell={report.total} label={t('effects.total')} withMedian={withMedian} />
            </tfoot>
          </table>
          {anySmall && <p className="effects-note">{t('effects.smallNote')}</p>}
          {anyHidden && <p className="effects-note">{t('effects.hiddenNote')}</p>}
          <CsvLink href={csv} />
          <p className="form-hint">{t('effects.definitionVersion', { version: report.definitionVersion, asOf: formatDateTime(report.asOf, language) })}</p>
        </div>
      </div>
    </section>
  );
}

function barText(cell: PublishedCell, t: Translate, language: Language): string {
  if (cell.share !== null) return percent(cell.share, language);
  if (typeof cell.count === 'string') return figure(cell.count, t, language);
  return t('effects.noShare');
}

function FigureRow({ cell, label, withMedian }: { cell: PublishedCell; label: string; withMedian: boolean }) {
  const { t, language } = useI18n();
  return (
    <tr data-key={cell.key}>
      <th scope="row">{label}</th>
      <td className="numeric">{figure(cell.people, t, language)}</td>
      <td className="numeric">{figure(cell.count, t, language)}</td>
      <td className="numeric">{cell.share === null ? '' : percent(cell.share, language)}</td>
      {withMedian && <td className="numeric">{cell.median === null || cell.median === undefined ? '' : figure(cell.median, t, language)}</td>}
    </tr>
  );
}

/**
 * Horizontal bars in HTML: the label in its own column (wraps, never cut off), the bar, and the figure
 * after the bar (never over the title). The same figures are in the table beside it, which is what a
 * screen reader reads: the chart is hidden from assistive technology.
 */
function BarChart({ title, bars }: { title: string; bars: { key: string; label: string; share: number | null; text: string }[] }) {
  const { t } = useI18n();
  return (
    <figure className="effects-chart" data-testid="effects-chart">
      <figcaption className="effects-chart__title">
        {title}
        <span className="sr-only"> {t('effects.chartHidden')}</span>
      </figcaption>
      <div className="effects-chart__bars" aria-hidden="true">
        {bars.map((bar) => (
          <div className="effects-chart__row" key={bar.key}>
            <span className="effects-chart__label">{bar.label}</span>
            <span className="effects-chart__track">
              <span className="effects-chart__area">
                {bar.share !== null && <span className="effects-chart__bar" style={{ width: `${Math.max(0, Math.min(1, bar.share)) * 100}%` }} />}
              </span>
              <span className={bar.share === null ? 'effects-chart__value effects-chart__value--none' : 'effects-chart__value'}>{bar.text}</span>
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}

function AreaReportView({ report, programmeName, csv }: { report: AreaReport; programmeName: (code: string) => string; csv: string }) {
  const { t, language } = useI18n();
  const captionId = useId();
  const caption = t('effects.area.caption', { title: report.measure.title });
  const number = (value: number) => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(value);
  const bars = report.areas.flatMap((row) => [
    {
      key: `${row.programme}/${row.areaCode}/before`,
      label: `${row.areaName} ${row.beforeYear}`,
      share: row.before ? row.before.feltSafety / 100 : null,
      text: row.before ? number(row.before.feltSafety) : t('effects.area.missing'),
    },
    {
      key: `${row.programme}/${row.areaCode}/after`,
      label: `${row.areaName} ${row.afterYear ?? ''}`.trim(),
      share: row.after ? row.after.feltSafety / 100 : null,
      text: row.after ? number(row.after.feltSafety) : row.afterYear === null ? t('effects.area.pending') : t('effects.area.missing'),
    },
  ]);
  return (
    <section className="effects-report" aria-labelledby={captionId}>
      <h2 id={captionId} className="h3">
        {caption}
      </h2>
      {report.areas.length === 0 ? (
        <p>{t('effects.area.none')}</p>
      ) : (
        <div className="effects-report__body">
          <div className="effects-report__chart">
            <BarChart title={t('effects.area.chartTitle')} bars={bars} />
          </div>
          <div className="effects-report__table">
            <table className="table table--compact" data-testid="effects-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('effects.area.area')}</th>
                  <th scope="col">{t('effects.area.programme')}</th>
                  <th scope="col">{t('effects.area.started')}</th>
                  <th scope="col" className="numeric">
                    {t('effects.area.before')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('effects.area.after')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('effects.area.change')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.areas.map((row) => (
                  <tr key={`${row.programme}/${row.areaCode}`}>
                    <th scope="row">{row.areaName}</th>
                    <td>{programmeName(row.programme)}</td>
                    <td>{formatDate(row.effortStartedOn, language)}</td>
                    <td className="numeric">{row.before ? `${number(row.before.feltSafety)} (${row.beforeYear})` : t('effects.area.missing')}</td>
                    <td className="numeric">
                      {row.after
                        ? `${number(row.after.feltSafety)} (${row.afterYear})`
                        : row.afterYear === null
                          ? t('effects.area.pending')
                          : t('effects.area.missing')}
                    </td>
                    <td className="numeric">{row.feltSafetyChange === null ? '' : number(row.feltSafetyChange)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <CsvLink href={csv} />
          </div>
        </div>
      )}
    </section>
  );
}

/** Each district's safety index for a year beside the area efforts (hotspot enrolments) there. */
function SafetyIndexSection({ programmes }: { programmes: ProgrammeReference[] }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const yearId = useId();
  const thisYear = Number(copenhagenToday().slice(0, 4));
  const years = useMemo(() => Array.from({ length: 10 }, (_, i) => thisYear - i), [thisYear]);
  const [year, setYear] = useState(thisYear - 1);
  const index = useQuery({ queryKey: ['effects-safety-index', year], queryFn: () => effectsApi.safetyIndex(year), placeholderData: keepPreviousData });
  const programmeName = (code: string) => programmes.find((p) => p.code === code)?.name[language] ?? code;
  const rows: DistrictSafety[] = (index.data?.districts ?? []).filter(
    (d) => d.safetyIndex !== null || d.areaEfforts.some((effort) => effort.enrolled !== 0 && effort.enrolled !== '0'),
  );
  const efforts = index.data?.districts[0]?.areaEfforts.map((effort) => effort.programme) ?? [];
  const number = (value: number) => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(value);
  return (
    <section className="effects-safety" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('effects.safety.title')}</h2>
      <p>{t('effects.safety.intro')}</p>
      <div className="form-group">
        <label className="form-label" htmlFor={yearId}>
          {t('effects.safety.year')}
        </label>
        <select className="form-select effects-year" id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {index.isPending && <Loading />}
      {index.isError && <ErrorAlert error={index.error} onRetry={() => void index.refetch()} />}
      {index.data && rows.length === 0 && <p>{t('effects.safety.none', { year: index.data.year })}</p>}
      {index.data && rows.length > 0 && (
        <table className="table table--compact" data-testid="safety-index">
          <caption>{t('effects.safety.caption', { year: index.data.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('effects.safety.district')}</th>
              <th scope="col" className="numeric">
                {t('effects.safety.feltSafety')}
              </th>
              <th scope="col" className="numeric">
                {t('effects.safety.victimisation')}
              </th>
              {efforts.map((code) => (
                <th scope="col" className="numeric" key={code}>
                  {t('effects.safety.enrolled', { programme: programmeName(code) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.districtCode}>
                <th scope="row">{row.districtName ?? row.districtCode}</th>
                <td className="numeric">{row.safetyIndex ? number(row.safetyIndex.feltSafety) : t('effects.area.missing')}</td>
                <td className="numeric">{row.safetyIndex ? number(row.safetyIndex.victimisation['violence-threats'] ?? 0) : ''}</td>
                {efforts.map((code) => (
                  <td className="numeric" key={code}>
                    {figure(row.areaEfforts.find((effort) => effort.programme === code)?.enrolled, t, language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {index.data && rows.some((row) => row.areaEfforts.some((effort) => typeof effort.enrolled === 'string')) && (
        <p className="effects-note">{t('effects.smallNote')}</p>
      )}
    </section>
  );
}
