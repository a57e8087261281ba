import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { api } from '../api';
import { auditApi, programmeNames, type CaseStateAt } from '../audit-api';
import { describeChanges, type DiffWords } from '../audit-state-diff';
import { formatDate, formatDateTime } from '../format';
import { useI18n, type Language } from '../i18n';
import { Link } from '../router';
import { ErrorAlert, Loading, PageHeading } from './common';
import '../audit.css';

/**
 * The case as of any moment (issue 20), on the auditors' two time axes of GET /audit/cases/:id/state:
 * "in force on" a Copenhagen day (a slider of days, and a date field beside it) and "as recorded"
 * (a slider whose steps are the case's recordings, the last "as known now"). A second moment below
 * it, and what changed between the two in plain sentences.
 */
const DAY_MS = 86_400_000;
const ZONE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
const copenhagenDay = (instant: Date) => ZONE_DAY.format(instant);
const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
const dayOf = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

interface Moment {
  /** The Copenhagen day (yyyy-mm-dd). */
  date: string;
  /** How many recordings are known: 1..total; total = as known now. */
  known: number;
}

interface Recording {
  recordedAt: string;
  happenedOn: string;
}

export function AuditTimeScreen({ caseId }: { caseId: string }) {
  const { t, language } = useI18n();
  const history = useQuery({ queryKey: ['audit', caseId, 'history', language], queryFn: () => api.auditHistory(caseId, language), retry: false });
  const agencies = useQuery({ queryKey: ['reference', 'agencies'], queryFn: () => api.agencies(), staleTime: Infinity });
  const programmes = useQuery({ queryKey: ['reference', 'programmes'], queryFn: () => programmeNames(), staleTime: Infinity });

  const words: DiffWords = useMemo(() => {
    const agencyNames = new Map((agencies.data?.items ?? []).map((agency) => [agency.code, agency.name[language]]));
    const programmeNamesByCode = new Map((programmes.data?.items ?? []).map((programme) => [programme.code, programme.name[language]]));
    return {
      t,
      agency: (code) => agencyNames.get(code) ?? code,
      programme: (code) => programmeNamesByCode.get(code) ?? code,
      date: (isoDate) => formatDate(isoDate, language),
    };
  }, [agencies.data, programmes.data, language, t]);

  const recordings: Recording[] = useMemo(
    () =>
      (history.data?.events ?? []).map((event) => ({
        recordedAt: event.recordedAt,
        happenedOn: 'date' in event.happened ? event.happened.date : copenhagenDay(new Date(event.happened.instant)),
      })),
    [history.data],
  );

  return (
    <>
      <PageHeading>{t('auditTime.title')}</PageHeading>
      <p>
        <Link href={`/app/cases/${caseId}`}>{t('auditTime.back')}</Link>
      </p>
      <p className="font-lead">{t('auditTime.intro')}</p>
      {history.isPending && <Loading />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && recordings.length > 0 && <Moments caseId={caseId} recordings={recordings} words={words} language={language} />}
    </>
  );
}

function Moments({ caseId, recordings, words, language }: { caseId: string; recordings: Recording[]; words: DiffWords; language: Language }) {
  const { t } = words;
  const today = copenhagenDay(new Date());
  // The days run from the first of the month of the earliest fact to today.
  const earliest = recordings.reduce((min, recording) => (recording.happenedOn < min ? recording.happenedOn : min), today);
  const range = { first: `${earliest.slice(0, 7)}-01`, last: today };
  const [first, setFirst] = useState<Moment>({ date: today, known: recordings.length });
  const [second, setSecond] = useState<Moment>({ date: today, known: recordings.length });
  const stateOf = (moment: Moment) => auditApi.stateAt(caseId, moment.date, knownAt(recordings, moment.known));
  const firstState = useQuery({
    queryKey: ['audit', caseId, 'state', first.date, first.known],
    queryFn: () => stateOf(first),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const secondState = useQuery({
    queryKey: ['audit', caseId, 'state', second.date, second.known],
    queryFn: () => stateOf(second),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const describe = (moment: Moment) => t('auditTime.summary', { date: formatDate(moment.date, language), known: knownText(moment, recordings, t, language) });
  const short = (moment: Moment) => t('auditTime.momentShort', { date: formatDate(moment.date, language), known: knownText(moment, recordings, t, language) });

  return (
    <>
      <section aria-labelledby="moment-heading" className="audit-moment">
        <h2 id="moment-heading">{t('auditTime.moment')}</h2>
        <MomentPicker moment={first} onChange={setFirst} range={range} recordings={recordings} language={language} testId="moment" />
        <p className="audit-moment__summary" aria-live="polite" data-testid="moment-summary">
          {describe(first)}
        </p>
        {firstState.isError && <ErrorAlert error={firstState.error} onRetry={() => void firstState.refetch()} />}
        {firstState.data && <StateView answer={firstState.data} words={words} language={language} />}
      </section>
      <section aria-labelledby="compare-heading" className="audit-moment">
        <h2 id="compare-heading">{t('auditTime.compare')}</h2>
        <MomentPicker moment={second} onChange={setSecond} range={range} recordings={recordings} language={language} testId="compare" />
        <h3>{t('auditTime.changes')}</h3>
        <p>{t('auditTime.changesIntro', { from: short(first), to: short(second) })}</p>
        {secondState.isError && <ErrorAlert error={secondState.error} onRetry={() => void secondState.refetch()} />}
        {firstState.data && secondState.data && <Changes lines={describeChanges(firstState.data, secondState.data, words)} none={t('auditTime.noChanges')} />}
      </section>
    </>
  );
}

/** The instant "after recording n": its recorded time plus a millisecond (the store keeps microseconds). */
function knownAt(recordings: Recording[], known: number): string | undefined {
  if (known >= recordings.length) return undefined;
  return new Date(Date.parse(recordings[known - 1].recordedAt) + 1).toISOString();
}

function knownText(moment: Moment, recordings: Recording[], t: DiffWords['t'], language: Language): string {
  if (moment.known >= recordings.length) return t('auditTime.knownNow');
  return t('auditTime.knownAfter', { number: moment.known, total: recordings.length, when: formatDateTime(recordings[moment.known - 1].recordedAt, language) });
}

function MomentPicker({
  moment,
  onChange,
  range,
  recordings,
  language,
  testId,
}: {
  moment: Moment;
  onChange: (moment: Moment) => void;
  range: { first: string; last: string };
  recordings: Recording[];
  language: Language;
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const firstDay = dayNumber(range.first);
  const lastDay = dayNumber(range.last);
  const day = Math.min(Math.max(dayNumber(moment.date), firstDay), lastDay);
  return (
    <fieldset className="audit-picker" data-testid={testId}>
      <legend className="sr-only">{t('auditTime.moment')}</legend>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-date`}>
          {t('auditTime.date')}
        </label>
        <span className="form-hint" id={`${id}-date-hint`}>
          {t('auditTime.dateHint')}
        </span>
        <div className="audit-picker__row">
          <input
            id={`${id}-date`}
            type="range"
            className="audit-slider"
            min={0}
            max={lastDay - firstDay}
            step={1}
            value={day - firstDay}
            aria-describedby={`${id}-date-hint`}
            aria-valuetext={formatDate(dayOf(day), language)}
            onChange={(event) => onChange({ ...moment, date: dayOf(firstDay + Number(event.target.value)) })}
          />
          <input
            type="date"
            className="form-input audit-picker__date"
            aria-label={t('auditTime.dateInput')}
            min={range.first}
            max={range.last}
            value={dayOf(day)}
            onChange={(event) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onChange({ ...moment, date: event.target.value });
            }}
          />
        </div>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-known`}>
          {t('auditTime.known')}
        </label>
        <span className="form-hint" id={`${id}-known-hint`}>
          {t('auditTime.knownHint')}
        </span>
        <div className="audit-picker__row">
          <input
            id={`${id}-known`}
            type="range"
            className="audit-slider"
            min={1}
            max={recordings.length}
            step={1}
            value={moment.known}
            aria-describedby={`${id}-known-hint`}
            aria-valuetext={knownText(moment, recordings, t, language)}
            onChange={(event) => onChange({ ...moment, known: Number(event.target.value) })}
          />
          <span className="audit-picker__value">{knownText(moment, recordings, t, language)}</span>
        </div>
      </div>
    </fieldset>
  );
}

function StateView({ answer, words, language }: { answer: CaseStateAt; words: DiffWords; language: Language }) {
  const { t } = words;
  const state = answer.state;
  const custodies = [...(state.pastCustodies ?? []), ...(state.custody ? [state.custody] : [])];
  const entries = Object.values(state.entries ?? {});
  const charges = Object.values(state.charges ?? {});
  const convictions = Object.values(state.convictions ?? {});
  const enrolments = Object.values(state.enrolments ?? {});
  const none = <span className="text-muted">{t('auditTime.none')}</span>;
  return (
    <div className="case-facts" data-testid="state-at">
      <dl>
        <dt>{t('auditTime.status')}</dt>
        <dd data-testid="state-status">{t(`auditTime.status.${state.status}`)}</dd>
        <dt>{t('auditTime.level')}</dt>
        <dd data-testid="state-level">{answer.sspLevel ?? t('auditTime.levelNone')}</dd>
        <dt>{t('auditTime.coordinator')}</dt>
        <dd data-testid="state-coordinator">{state.coordinator ? `${state.coordinator.coordinatorId} (${words.agency(state.coordinator.agency)})` : none}</dd>
        <dt>{t('auditTime.agencies')}</dt>
        <dd data-testid="state-agencies">
          {Object.values(state.agencies ?? {}).length === 0
            ? none
            : Object.values(state.agencies)
                .map((agency) => `${words.agency(agency.agency)} (${t('auditTime.joined', { date: formatDate(agency.joinedAt, language) })})`)
                .join(', ')}
        </dd>
        <dt>{t('auditTime.roadMap')}</dt>
        <dd data-testid="state-road-map">
          {custodies.length === 0
            ? t('auditTime.noCustody')
            : custodies.map((custody) => (
                <div key={custody.custodyId}>
                  {t('auditTime.custody', {
                    kind: t(`auditTime.kind.${custody.kind}`),
                    institution: custody.institution,
                    start: words.date(custody.startedOn),
                  })}
                  {custody.expectedReleaseOn && `, ${t('auditTime.release', { date: words.date(custody.expectedReleaseOn) })}`}
                  {custody.releasedOn && `, ${t('auditTime.released', { date: words.date(custody.releasedOn) })}`}
                </div>
              ))}
        </dd>
        <dt>{t('auditTime.programmes')}</dt>
        <dd>{enrolments.length === 0 ? none : enrolments.map((enrolment) => words.programme(enrolment.programmeCode)).join(', ')}</dd>
        <dt>{t('auditTime.shares')}</dt>
        <dd data-testid="state-shares">
          {entries.length === 0
            ? none
            : entries.map((entry) => {
                const acknowledged = Object.keys(entry.acknowledgedBy ?? {});
                return (
                  <div key={entry.entryId}>
                    {t('auditTime.share', {
                      from: words.agency(entry.fromAgency),
                      to: entry.sharedWith.map(words.agency).join(', '),
                      date: entry.sharedOn ? words.date(entry.sharedOn) : formatDate(entry.sharedAt, language),
                    })}
                    {'; '}
                    {acknowledged.length > 0
                      ? t('auditTime.acknowledged', { agencies: acknowledged.map(words.agency).join(', ') })
                      : t('auditTime.notAcknowledged')}
                  </div>
                );
              })}
        </dd>
        <dt>{t('auditTime.charges')}</dt>
        <dd>
          {charges.length + convictions.length === 0
            ? none
            : [
                ...charges.map((charge) => t('auditTime.charge', { date: words.date(charge.chargedOn) })),
                ...convictions.map((conviction) => t('auditTime.conviction', { date: words.date(conviction.convictedOn) })),
              ].join('; ')}
        </dd>
      </dl>
      <p className="text-muted">{t('auditTime.events', { count: answer.eventsApplied })}</p>
    </div>
  );
}

function Changes({ lines, none }: { lines: string[]; none: string }) {
  if (lines.length === 0) return <p data-testid="changes">{none}</p>;
  return (
    <ul data-testid="changes">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
