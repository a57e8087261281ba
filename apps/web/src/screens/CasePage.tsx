import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, type CaseSummary, type CommandAccepted, type DisclosedName, type SessionUser, type TimelineItem } from '../api';
import { formatDate } from '../format';
import { isMessageKey, useI18n } from '../i18n';
import { Link } from '../router';
import { CaseActions, SharedWithUs } from './CaseActions';
import { RequestsToUs } from './CaseDialogs';
import { OpenSeal } from './OpenSeal';
import { ErrorAlert, Loading, PageHeading } from './common';
import { useReferenceNames } from './Register';
import { shortId } from './Worklist';
import { lastWrite, rememberWrite } from '../writes';

export function CitizenName({ name }: { name: DisclosedName }) {
  const { t, language } = useI18n();
  if ('value' in name) return <>{name.value}</>;
  if ('erasedAt' in name) return <>{t('case.erased', { date: formatDate(name.erasedAt, language) })}</>;
  return <span className="text-muted">{t('case.withheld')}</span>;
}

/**
 * The case page: the citizen as far as the reader may see, who is on it, the dialogs that change it,
 * information shared with the reader's agency, the timeline. After a write the page reads the case
 * again as of that write (consistentWith), so the next write carries the new revision.
 */
export function CaseScreen({ caseId, fromWorklist, user }: { caseId: string; fromWorklist: boolean; user: SessionUser }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const position = useRef<string | undefined>(lastWrite(caseId));
  // After a 412 the case is read until it shows at least the revision the API named (the read
  // model may be a moment behind the write that moved it), so a redo carries the new revision.
  const minRevision = useRef(0);
  const summary = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => {
      for (let attempt = 0; ; attempt++) {
        const found = await api.caseSummary(caseId, position.current);
        if (found.revision >= minRevision.current || attempt >= 20) return found;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    retry: false,
  });
  const timeline = useQuery({
    queryKey: ['case', caseId, 'timeline', language],
    queryFn: () => api.timeline(caseId, language, position.current),
    retry: false,
    enabled: summary.isSuccess,
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
  const onWritten = (answer: CommandAccepted) => {
    if (answer.position) position.current = answer.position;
    rememberWrite(caseId, answer.position);
    reload();
  };
  const onConflict = (currentRevision: number | undefined) => {
    if (currentRevision !== undefined) minRevision.current = Math.max(minRevision.current, currentRevision);
    reload();
  };
  const taken = new URLSearchParams(window.location.search).get('taken') === '1';
  return (
    <>
      <p>
        <Link href={fromWorklist ? '/app' : '/app/cases'} className="back-link">
          {fromWorklist ? t('case.back') : t('case.backToCases')}
        </Link>
      </p>
      <PageHeading>{`${t('case.title')} ${shortId(caseId)}`}</PageHeading>
      {summary.isPending && <Loading />}
      {summary.isError && <ErrorAlert error={summary.error} notFound={t('case.notFound')} />}
      {taken && summary.data?.coordinator?.userId === user.userId && (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t('intake.taken', { case: shortId(caseId) })}</p>
        </div>
      )}
      {summary.data && <CaseFacts summary={summary.data} />}
      {summary.data && <CaseActions summary={summary.data} user={user} reloading={summary.isFetching} onWritten={onWritten} onConflict={onConflict} />}
      {summary.data && (
        <SharedWithUs summary={summary.data} user={user} reloading={summary.isFetching} onWritten={onWritten} onConflict={onConflict} position={position} />
      )}
      {summary.data && (
        <RequestsToUs summary={summary.data} user={user} reloading={summary.isFetching} onWritten={onWritten} onConflict={onConflict} position={position} />
      )}
      {summary.data && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('timeline.title')}</h2>
          {timeline.isPending && <Loading />}
          {timeline.isError && <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />}
          {timeline.data && <Timeline items={timeline.data.items} />}
        </section>
      )}
    </>
  );
}

function CaseFacts({ summary }: { summary: CaseSummary }) {
  const { t, language } = useI18n();
  const names = useReferenceNames();
  return (
    <section aria-labelledby="citizen-heading" className="case-facts">
      <h2 id="citizen-heading">{t('case.citizen')}</h2>
      <dl>
        <dt>{t('case.name')}</dt>
        <dd data-testid="citizen-name">
          <CitizenName name={summary.name} />
        </dd>
        <dt>{t('case.birthDate')}</dt>
        <dd>{summary.birthDate ? formatDate(summary.birthDate, language) : <span className="text-muted">{t('case.withheld')}</span>}</dd>
        {summary.ageBand && (
          <>
            <dt>{t('case.ageBand')}</dt>
            <dd>{summary.ageBand}</dd>
          </>
        )}
        <dt>{t('case.district')}</dt>
        <dd data-testid="citizen-district">
          {summary.districtCode ? names.district(summary.districtCode) : <span className="text-muted">{t('case.withheld')}</span>}
        </dd>
        <dt>{t('case.status')}</dt>
        <dd>{t(summary.status === 'open' ? 'status.open' : 'status.closed')}</dd>
        <dt>{t('case.opened')}</dt>
        <dd>{formatDate(summary.openedAt, language)}</dd>
        <dt>{t('case.level')}</dt>
        <dd>
          {summary.sspLevel
            ? `${summary.sspLevel.level} (${t('case.levelOn', { date: formatDate(summary.sspLevel.assessedOn, language) })})`
            : t('case.noLevel')}
        </dd>
        <dt>{t('case.coordinator')}</dt>
        <dd>
          {summary.coordinator
            ? `${summary.coordinator.userId}${summary.coordinator.agency ? ` (${summary.coordinator.agency})` : ''}`
            : t('case.noCoordinator')}
        </dd>
        <dt>{t('case.agencies')}</dt>
        <dd>{summary.agencies.join(', ')}</dd>
      </dl>
      {'sealed' in summary.name && <OpenSeal caseId={summary.caseId} />}
    </section>
  );
}

function Timeline({ items }: { items: TimelineItem[] }) {
  const { t, language } = useI18n();
  if (items.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <table className="table table--compact" data-testid="timeline">
      <caption className="sr-only">{t('timeline.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timeline.on')}</th>
          <th scope="col">{t('timeline.kind')}</th>
          <th scope="col">{t('timeline.what')}</th>
          <th scope="col">{t('timeline.agency')}</th>
          <th scope="col">{t('timeline.state')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const kind = `kind.${item.kind}`;
          const detail =
            typeof item.detail === 'string' ? item.detail : item.detail ? t('case.erased', { date: formatDate(item.detail.erasedAt, language) }) : null;
          return (
            <tr key={item.itemId} className={`timeline--${item.status}`}>
              <td>{formatDate(item.on, language)}</td>
              <td>{isMessageKey(kind) ? t(kind) : t('kind.other')}</td>
              <td>{[item.title, detail].filter(Boolean).join(': ')}</td>
              <td>{item.ownerAgency ?? ''}</td>
              <td>
                <span className={`status status--${item.status}`}>{t(`itemStatus.${item.status}`)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
