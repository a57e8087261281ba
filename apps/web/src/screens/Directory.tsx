import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type DirectoryAgency } from '../api';
import { isMessageKey, useI18n } from '../i18n';
import { ErrorAlert, Loading, PageHeading } from './common';

/**
 * The agency directory (GET /agency-directory, straight from reference data): each agency with its
 * standing entry points (unit, function mailbox, phone, what it handles) in one dense table per
 * agency, a search on what the units handle, and where referrals are received (referralIntake).
 */
export function DirectoryScreen() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [handles, setHandles] = useState('');
  const directory = useQuery({
    queryKey: ['agency-directory', handles],
    queryFn: () => api.agencyDirectory(handles),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setHandles(text.trim());
  };
  const intake = directory.data?.referralIntake;
  const intakeAgency = intake ? directory.data?.items.find((agency) => agency.code === intake.agency) : undefined;
  return (
    <>
      <PageHeading>{t('directory.title')}</PageHeading>
      <p className="font-lead">{t('directory.intro')}</p>
      {intake && !handles && (
        <p data-testid="referral-intake">
          {t('directory.intake', {
            agency: intakeAgency ? `${intakeAgency.name.da} (${intake.agency})` : intake.agency,
            unit: intakeAgency?.entryPoints.find((entry) => entry.code === intake.entryPoint)?.unit ?? intake.entryPoint,
          })}
        </p>
      )}
      <form className="directory-search" role="search" onSubmit={search}>
        <div className="form-group">
          <label className="form-label" htmlFor="directory-handles">
            {t('directory.search')}
          </label>
          <span className="form-hint" id="directory-handles-hint">
            {t('directory.searchHint')}
          </span>
          <input
            id="directory-handles"
            className="form-input"
            type="search"
            value={text}
            maxLength={100}
            aria-describedby="directory-handles-hint"
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('directory.searchButton')}
        </button>{' '}
        {handles && (
          <button
            type="button"
            className="button button-unstyled"
            onClick={() => {
              setText('');
              setHandles('');
            }}
          >
            {t('directory.clear')}
          </button>
        )}
      </form>
      {directory.isPending && <Loading />}
      {directory.isError && <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />}
      {directory.data && directory.data.items.length === 0 && <p role="status">{t('directory.none')}</p>}
      {directory.data?.items.map((agency) => (
        <AgencySection key={agency.code} agency={agency} filtered={handles !== ''} />
      ))}
    </>
  );
}

/** The first entry point is the agency's default; a search may leave it out, so it is marked only on the full list. */
function AgencySection({ agency, filtered }: { agency: DirectoryAgency; filtered: boolean }) {
  const { t, language } = useI18n();
  const kindKey = `agencyKind.${agency.kind}`;
  const headingId = `agency-${agency.code}`;
  return (
    <section aria-labelledby={headingId} className="directory-agency" data-testid="directory-agency">
      <h2 id={headingId}>
        {agency.name[language]} <span className="text-muted">({agency.code})</span>
      </h2>
      <p className="directory-kind">{t('directory.kind', { kind: isMessageKey(kindKey) ? t(kindKey) : t('agencyKind.other') })}</p>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">{t('directory.caption', { agency: agency.name[language] })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.unit')}</th>
              <th scope="col">{t('directory.code')}</th>
              <th scope="col">{t('directory.mailbox')}</th>
              <th scope="col">{t('directory.phone')}</th>
              <th scope="col">{t('directory.handles')}</th>
            </tr>
          </thead>
          <tbody>
            {agency.entryPoints.map((entry, index) => (
              <tr key={entry.code}>
                <th scope="row">
                  {entry.unit}
                  {index === 0 && !filtered && <span className="text-muted">{` (${t('directory.default')})`}</span>}
                </th>
                <td>{entry.code}</td>
                <td>
                  <a href={`mailto:${entry.functionMailbox}`}>{entry.functionMailbox}</a>
                </td>
                <td>{entry.phone}</td>
                <td>{(language === 'da' ? entry.handlesDa : entry.handles).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
