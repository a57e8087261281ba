import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { formatDate } from '../format';
import { isMessageKey, useI18n } from '../i18n';
import { Link } from '../router';
import { CitizenName } from './CasePage';
import { ErrorAlert, Loading, PageHeading } from './common';

const PAGE = 50;

/** A case id is long; its first block tells cases apart on one screen (the full id is in the link). */
export function shortId(caseId: string): string {
  return caseId.slice(0, 8);
}

export function WorklistScreen() {
  const { t, language } = useI18n();
  const [offset, setOffset] = useState(0);
  const worklist = useQuery({ queryKey: ['worklist', offset], queryFn: () => api.worklist({ limit: PAGE, offset }), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeading>{t('worklist.title')}</PageHeading>
      <p className="font-lead">{t('worklist.intro')}</p>
      {worklist.isPending && <Loading />}
      {worklist.isError && <ErrorAlert error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {worklist.data && worklist.data.items.length === 0 && <p>{t('worklist.empty')}</p>}
      {worklist.data && worklist.data.items.length > 0 && (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--compact" data-testid="worklist">
              <caption className="sr-only">{t('worklist.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('worklist.case')}</th>
                  <th scope="col">{t('worklist.name')}</th>
                  <th scope="col">{t('worklist.reasons')}</th>
                  <th scope="col" className="numeric">
                    {t('worklist.overdue')}
                  </th>
                  <th scope="col">{t('worklist.release')}</th>
                  <th scope="col" className="numeric">
                    {t('worklist.level')}
                  </th>
                  <th scope="col">{t('worklist.lastConference')}</th>
                  <th scope="col" className="numeric">
                    {t('worklist.unacknowledged')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {worklist.data.items.map((row) => (
                  <tr key={row.caseId} className={row.overdueItems > 0 ? 'is-overdue' : undefined}>
                    <th scope="row">
                      <Link href={`/app/cases/${row.caseId}`}>{`${t('worklist.case')} ${shortId(row.caseId)}`}</Link>
                    </th>
                    <td>{row.name ? <CitizenName name={row.name} /> : <span className="text-muted">{t('worklist.nameComing')}</span>}</td>
                    <td>
                      {row.reasons.length === 0
                        ? t('worklist.calm')
                        : row.reasons.map((reason) => {
                            const key = `reason.${reason}`;
                            return (
                              <span key={reason} className={`reason reason--${reason}`}>
                                {isMessageKey(key) ? t(key) : t('worklist.otherReason')}
                              </span>
                            );
                          })}
                    </td>
                    <td className="numeric">{row.overdueItems}</td>
                    <td>{formatDate(row.releaseOn, language)}</td>
                    <td className="numeric">{row.sspLevel ?? ''}</td>
                    <td>{formatDate(row.lastConferenceOn, language)}</td>
                    <td className="numeric">{row.unacknowledgedInformation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={worklist.data.page.total} offset={offset} shown={worklist.data.items.length} onMove={setOffset} />
        </>
      )}
    </>
  );
}

export function Pager({ total, offset, shown, onMove }: { total: number; offset: number; shown: number; onMove: (offset: number) => void }) {
  const { t } = useI18n();
  if (total <= PAGE) return null;
  return (
    <nav className="pager" aria-label={t('worklist.shown', { from: offset + 1, to: offset + shown, total })}>
      <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onMove(Math.max(0, offset - PAGE))}>
        {t('worklist.previous')}
      </button>
      <span>{t('worklist.shown', { from: offset + 1, to: offset + shown, total })}</span>
      <button type="button" className="button button-secondary" disabled={offset + shown >= total} onClick={() => onMove(offset + PAGE)}>
        {t('worklist.next')}
      </button>
    </nav>
  );
}
