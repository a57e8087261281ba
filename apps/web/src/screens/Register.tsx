import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type SspRegisterEntry } from '../api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { CitizenName } from './CasePage';
import { ErrorAlert, Loading, PageHeading } from './common';
import { Pager, shortId } from './Worklist';

const PAGE = 50;

/** Names of reference data codes for a screen: districts, city districts and programmes, read once. */
export function useReferenceNames() {
  const { language } = useI18n();
  const districts = useQuery({ queryKey: ['reference', 'districts'], queryFn: () => api.districts(), staleTime: Infinity });
  const cityDistricts = useQuery({ queryKey: ['reference', 'city-districts'], queryFn: () => api.cityDistricts(), staleTime: Infinity });
  const programmes = useQuery({ queryKey: ['reference', 'programmes'], queryFn: () => api.programmes(), staleTime: Infinity });
  return {
    district: (code: string) => districts.data?.items.find((item) => item.code === code)?.name ?? code,
    cityDistricts: cityDistricts.data?.items ?? [],
    programmes: (programmes.data?.items ?? []).map((item) => ({ code: item.code, name: item.name[language] })),
    programme: (code: string) => programmes.data?.items.find((item) => item.code === code)?.name[language] ?? code,
  };
}

/**
 * The SSP+ register (GET /ssp-register): open level 3/4 cases of citizens in the SSP+ age band today,
 * as far as the reader may see them (a sealed identity shows neither name nor district), filtered by
 * city district and programme. A dense table, one row per citizen.
 */
export function RegisterScreen() {
  const { t, language } = useI18n();
  const names = useReferenceNames();
  const [offset, setOffset] = useState(0);
  const [cityDistrict, setCityDistrict] = useState('');
  const [programme, setProgramme] = useState('');
  const [filters, setFilters] = useState<{ cityDistrict?: string; programme?: string }>({});
  const register = useQuery({
    queryKey: ['ssp-register', filters, offset],
    queryFn: () => api.sspRegister({ limit: PAGE, offset, ...filters }),
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilters({ cityDistrict: cityDistrict || undefined, programme: programme || undefined });
  };
  return (
    <>
      <PageHeading>{t('register.title')}</PageHeading>
      <p className="font-lead">{t('register.intro')}</p>
      <form className="register-filters" onSubmit={apply} aria-label={t('register.filters')}>
        <div className="form-group">
          <label className="form-label" htmlFor="register-city-district">
            {t('register.cityDistrict')}
          </label>
          <select id="register-city-district" className="form-select" value={cityDistrict} onChange={(event) => setCityDistrict(event.target.value)}>
            <option value="">{t('register.any')}</option>
            {names.cityDistricts.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="register-programme">
            {t('register.programme')}
          </label>
          <select id="register-programme" className="form-select" value={programme} onChange={(event) => setProgramme(event.target.value)}>
            <option value="">{t('register.any')}</option>
            {names.programmes.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t('register.apply')}
        </button>
      </form>
      {register.isPending && <Loading />}
      {register.isError && <ErrorAlert error={register.error} onRetry={() => void register.refetch()} />}
      {register.data && register.data.items.length === 0 && <p role="status">{t('register.empty')}</p>}
      {register.data && register.data.items.length > 0 && (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--compact" data-testid="ssp-register">
              <caption className="sr-only">{t('register.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('register.case')}</th>
                  <th scope="col">{t('register.name')}</th>
                  <th scope="col">{t('register.ageBand')}</th>
                  <th scope="col" className="numeric">
                    {t('register.level')}
                  </th>
                  <th scope="col">{t('register.district')}</th>
                  <th scope="col">{t('register.programmes')}</th>
                  <th scope="col">{t('register.custody')}</th>
                  <th scope="col">{t('register.coordinator')}</th>
                  <th scope="col">{t('register.agencies')}</th>
                  <th scope="col">{t('register.lastActivity')}</th>
                </tr>
              </thead>
              <tbody>
                {register.data.items.map((row) => (
                  <tr key={row.caseId}>
                    <th scope="row">
                      <Link href={`/app/cases/${row.caseId}`}>{`${t('register.case')} ${shortId(row.caseId)}`}</Link>
                    </th>
                    <td>
                      <CitizenName name={row.name} />
                    </td>
                    <td>{row.ageBand ?? ''}</td>
                    <td className="numeric">{row.sspLevel.level}</td>
                    <td>{row.districtCode ? names.district(row.districtCode) : <span className="text-muted">{t('case.withheld')}</span>}</td>
                    <td>{row.programmes.map(names.programme).join(', ')}</td>
                    <td>
                      <Custody custody={row.custody} />
                    </td>
                    <td>{row.coordinator ? `${row.coordinator.userId}${row.coordinator.agency ? ` (${row.coordinator.agency})` : ''}` : ''}</td>
                    <td>{row.agencies.join(', ')}</td>
                    <td>{formatDateTime(row.lastActivityAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={register.data.page.total} offset={offset} shown={register.data.items.length} onMove={setOffset} />
        </>
      )}
    </>
  );
}

function Custody({ custody }: { custody: SspRegisterEntry['custody'] }) {
  const { t, language } = useI18n();
  if (custody.status === 'none') return <>{t('custody.none')}</>;
  const release = custody.expectedReleaseOn ? `, ${t('custody.release', { date: formatDate(custody.expectedReleaseOn, language) })}` : '';
  return <>{`${t(custody.status === 'remand' ? 'custody.remand' : 'custody.sentence')}${custody.institution ? ` (${custody.institution})` : ''}${release}`}</>;
}
