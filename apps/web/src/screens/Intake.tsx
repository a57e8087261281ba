import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, type IntakeCase, type SessionUser } from '../api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { rememberWrite } from '../writes';
import { ErrorAlert, Loading, PageHeading } from './common';
import { Pager, shortId } from './Worklist';

const PAGE = 50;

/**
 * The intake queue (GET /intake) for coordinators of the receiving administration: take a case over
 * by assigning yourself as its coordinator. The write carries the revision the case summary shows
 * (If-Match), read just before, so a case someone else took meanwhile is not taken twice.
 */
export function IntakeScreen({ user }: { user: SessionUser }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const intake = useQuery({
    queryKey: ['intake', offset],
    queryFn: () => api.intake({ limit: PAGE, offset }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  // Which administration receives referrals is reference data (referralIntake), not a constant here.
  const directory = useQuery({ queryKey: ['agency-directory', ''], queryFn: () => api.agencyDirectory(), staleTime: 5 * 60_000 });
  const intakeCode = directory.data?.referralIntake.agency;
  const intakeAgency = intakeCode ? (directory.data?.items.find((agency) => agency.code === intakeCode)?.name[language] ?? intakeCode) : undefined;
  const takeOver = useMutation({
    mutationFn: async (row: IntakeCase) => {
      const summary = await api.caseSummary(row.caseId);
      return api.takeOver(row.caseId, summary.revision, { coordinatorId: user.userId, agency: user.agency });
    },
    onSuccess: async (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['intake'] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      // The case page opens on the case as of the take-over (read your write), not an older copy.
      rememberWrite(answer.caseId, answer.position);
      await queryClient
        .fetchQuery({ queryKey: ['case', answer.caseId], queryFn: () => api.caseSummary(answer.caseId, answer.position ?? undefined) })
        .catch(() => undefined);
      navigate(`/app/cases/${answer.caseId}?taken=1`);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['intake'] }),
  });
  return (
    <>
      <PageHeading>{t('intake.title')}</PageHeading>
      <p className="font-lead">{t('intake.intro')}</p>
      {takeOver.error && <ErrorAlert error={takeOver.error} title={t('problem.title')} notFound={t('intake.gone')} />}
      {intake.isPending && <Loading />}
      {intake.isError &&
        (intake.error instanceof ApiError && intake.error.status === 403 ? (
          <p className="alert alert-info" data-testid="intake-only">
            {intakeAgency ? t('intake.onlyIntake', { agency: intakeAgency }) : t('intake.onlyIntakeUnknown')}
          </p>
        ) : (
          <ErrorAlert error={intake.error} onRetry={() => void intake.refetch()} />
        ))}
      {intake.data && intake.data.items.length === 0 && <p>{t('intake.empty')}</p>}
      {intake.data && intake.data.items.length > 0 && (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--compact" data-testid="intake">
              <caption className="sr-only">{t('intake.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('intake.case')}</th>
                  <th scope="col">{t('intake.referredBy')}</th>
                  <th scope="col">{t('intake.referredAt')}</th>
                  <th scope="col">{t('intake.ageBand')}</th>
                  <th scope="col">{t('intake.district')}</th>
                  <th scope="col" className="numeric">
                    {t('intake.level')}
                  </th>
                  <th scope="col">{t('intake.agencies')}</th>
                  <th scope="col">{t('intake.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {intake.data.items.map((row) => (
                  <tr key={row.caseId}>
                    <th scope="row">
                      <Link href={`/app/cases/${row.caseId}`}>{`${t('intake.case')} ${shortId(row.caseId)}`}</Link>
                    </th>
                    <td>{row.referredBy}</td>
                    <td>{formatDate(row.referredAt, language)}</td>
                    <td>{row.ageBand ?? ''}</td>
                    <td>{row.districtCode ?? <span className="text-muted">{t('case.withheld')}</span>}</td>
                    <td className="numeric">{row.sspLevel ?? ''}</td>
                    <td>{row.agencies.join(', ')}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-primary button-small"
                        aria-label={t('intake.takeOver', { case: shortId(row.caseId) })}
                        disabled={takeOver.isPending}
                        onClick={() => takeOver.mutate(row)}
                      >
                        {t('intake.takeOverShort')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={intake.data.page.total} offset={offset} shown={intake.data.items.length} onMove={setOffset} />
        </>
      )}
    </>
  );
}
