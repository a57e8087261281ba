import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type Notification } from '../api';
import { formatDate, formatDateTime } from '../format';
import { isMessageKey, useI18n, type Translate } from '../i18n';
import { Link } from '../router';
import { rememberWrite } from '../writes';
import { ErrorAlert, Loading, PageHeading } from './common';
import { Pager, shortId } from './Worklist';

const PAGE = 50;
type Filter = 'unread' | 'read' | 'all';

export function notificationText(kind: string, t: Translate): string {
  const key = `notification.${kind}`;
  return isMessageKey(key) ? t(key) : t('notification.other');
}

/**
 * The live stream of the signed-in user's notifications (SSE, with the session cookie): each new one
 * refreshes the inbox and the unread count wherever the user is, and is announced politely. The
 * browser's EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
 */
export function useNotificationStream(enabled: boolean): Notification | null {
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<Notification | null>(null);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const stream = api.notificationStream();
    const onNotification = (event: MessageEvent<string>) => {
      try {
        setLatest(JSON.parse(event.data) as Notification);
      } catch {
        // a malformed event changes nothing; the refresh below still shows what is stored
      }
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void queryClient.invalidateQueries({ queryKey: ['intake'] });
    };
    stream.addEventListener('notification', onNotification as EventListener);
    return () => {
      stream.removeEventListener('notification', onNotification as EventListener);
      stream.close();
    };
  }, [enabled, queryClient]);
  return latest;
}

/** The number of unread notifications, for the menu. */
export function useUnreadCount(enabled: boolean): number | undefined {
  const unread = useQuery({ queryKey: ['notifications', 'unread-count'], queryFn: () => api.notifications({ state: 'unread', limit: 1, offset: 0 }), enabled });
  return unread.data?.unread;
}

export function InboxScreen({ latest }: { latest: Notification | null }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('unread');
  const [offset, setOffset] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const inbox = useQuery({
    queryKey: ['notifications', filter, offset],
    queryFn: () => api.notifications({ state: filter === 'all' ? undefined : filter, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => api.markNotificationRead(id), onSuccess: () => refresh() });
  const acknowledge = useMutation({
    mutationFn: (id: string) => api.acknowledgeFromNotification(id),
    onSuccess: (answer) => {
      setDone(t('inbox.acknowledged', { agency: answer.notification.recipient.agency }));
      rememberWrite(answer.notification.caseId, answer.position);
      void queryClient.invalidateQueries({ queryKey: ['case', answer.notification.caseId] });
      void refresh();
    },
  });
  const failed = markRead.error ?? acknowledge.error;

  return (
    <>
      <PageHeading>{t('inbox.title')}</PageHeading>
      <p className="font-lead">{t('inbox.intro')}</p>
      <p role="status" aria-live="polite" className="live-note" data-testid="inbox-live">
        {latest ? t('inbox.live', { what: notificationText(latest.kind, t), case: shortId(latest.caseId) }) : ''}
      </p>
      <div className="form-group inbox-filter">
        <label className="form-label" htmlFor="inbox-filter">
          {t('inbox.filter')}
        </label>
        <select
          id="inbox-filter"
          className="form-select"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value as Filter);
            setOffset(0);
          }}
        >
          <option value="unread">{t('inbox.filterUnread')}</option>
          <option value="read">{t('inbox.filterRead')}</option>
          <option value="all">{t('inbox.filterAll')}</option>
        </select>
      </div>
      {done && (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{done}</p>
        </div>
      )}
      {failed && <ErrorAlert error={failed} title={t('problem.title')} />}
      {inbox.isPending && <Loading />}
      {inbox.isError && <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && <p>{t('inbox.unreadTotal', { count: inbox.data.unread })}</p>}
      {inbox.data && inbox.data.items.length === 0 && <p>{t('inbox.empty')}</p>}
      {inbox.data && inbox.data.items.length > 0 && (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--compact" data-testid="inbox">
              <caption className="sr-only">{t('inbox.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inbox.what')}</th>
                  <th scope="col">{t('inbox.case')}</th>
                  <th scope="col">{t('inbox.from')}</th>
                  <th scope="col">{t('inbox.when')}</th>
                  <th scope="col">{t('inbox.due')}</th>
                  <th scope="col">{t('inbox.state')}</th>
                  <th scope="col">{t('inbox.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.data.items.map((item) => {
                  const busy = (markRead.isPending && markRead.variables === item.id) || (acknowledge.isPending && acknowledge.variables === item.id);
                  return (
                    <tr key={item.id} className={item.readAt ? undefined : 'is-unread'}>
                      <th scope="row">{notificationText(item.kind, t)}</th>
                      <td>
                        <Link href={`/app/cases/${item.caseId}`}>{`${t('inbox.case')} ${shortId(item.caseId)}`}</Link>
                      </td>
                      <td>{item.fromAgency ?? ''}</td>
                      <td>{formatDateTime(item.occurredAt, language)}</td>
                      <td>{formatDate(item.dueDate, language)}</td>
                      <td>{item.readAt ? t('inbox.read') : <strong>{t('inbox.unread')}</strong>}</td>
                      <td className="row-actions">
                        {item.kind === 'information-shared' && item.entryId && !item.readAt && (
                          <button type="button" className="button button-primary button-small" disabled={busy} onClick={() => acknowledge.mutate(item.id)}>
                            {t('inbox.acknowledge')}
                          </button>
                        )}
                        {!item.readAt && (
                          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => markRead.mutate(item.id)}>
                            {t('inbox.markRead')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager total={inbox.data.page.total} offset={offset} shown={inbox.data.items.length} onMove={setOffset} />
        </>
      )}
    </>
  );
}
