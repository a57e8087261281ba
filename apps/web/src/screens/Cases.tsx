import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorAlert, Loading, PageHeading } from './common';
import { CitizenName } from './CasePage';
import { Pager, shortId } from './Worklist';

/** Every case the reader may see (GET /cases): the start page of liaison officers and auditors. */
export function CasesScreen({ coordinatorsOnlyNote }: { coordinatorsOnlyNote?: boolean }) {
  const { t, language } = useI18n();
  const [offset, setOffset] = useState(0);
  const cases = useQuery({ queryKey: ['cases', offset], queryFn: () => api.cases({ limit: 50, offset }), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeading>{t('cases.title')}</PageHeading>
      <p className="font-lead">{t('cases.intro')}</p>
      {coordinatorsOnlyNote && <p>{t('worklist.coordinatorsOnly')}</p>}
      {cases.isPending && <Loading />}
      {cases.isError && <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && cases.data.items.length === 0 && <p>{t('worklist.empty')}</p>}
      {cases.data && cases.data.items.length > 0 && (
        <>
          <table className="table table--compact" data-testid="cases">
            <caption className="sr-only">{t('cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.case')}</th>
                <th scope="col">{t('cases.name')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col" className="numeric">
                  {t('worklist.level')}
                </th>
                <th scope="col">{t('cases.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.items.map((row) => (
                <tr key={row.caseId}>
                  <th scope="row">
                    <Link href={`/app/cases/${row.caseId}`}>{`${t('worklist.case')} ${shortId(row.caseId)}`}</Link>
                  </th>
                  <td>
                    <CitizenName name={row.name} />
                  </td>
                  <td>{t(row.status === 'open' ? 'status.open' : 'status.closed')}</td>
                  <td className="numeric">{row.sspLevel?.level ?? ''}</td>
                  <td>{formatDate(row.openedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager total={cases.data.page.total} offset={offset} shown={cases.data.items.length} onMove={setOffset} />
        </>
      )}
    </>
  );
}
