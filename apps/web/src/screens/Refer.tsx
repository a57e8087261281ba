import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, type DistrictReference, type Referral } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert, Loading, PageHeading } from './common';

const EMPTY: Referral = { cpr: '', name: '', birthDate: '', districtCode: '', reason: '' };
const FIELDS = ['cpr', 'name', 'birthDate', 'districtCode', 'reason'] as const;
const LABELS = { cpr: 'refer.cpr', name: 'refer.name', birthDate: 'refer.birthDate', districtCode: 'refer.district', reason: 'refer.reason' } as const;

/**
 * A referral to the municipal SSP+ intake (POST /cases). The answer is the same whether or not the
 * citizen already had a case, so the screen says only that it was received; the form is emptied.
 */
export function ReferScreen() {
  const { t } = useI18n();
  const districts = useQuery({ queryKey: ['reference', 'districts'], queryFn: () => api.districts(), staleTime: Infinity });
  const cityDistricts = useQuery({ queryKey: ['reference', 'city-districts'], queryFn: () => api.cityDistricts(), staleTime: Infinity });
  const cityNames = new Map((cityDistricts.data?.items ?? []).map((item) => [item.code, item.name]));
  const [draft, setDraft] = useState<Referral>(EMPTY);
  const [missing, setMissing] = useState(false);
  const refer = useMutation({ mutationFn: (referral: Referral) => api.refer(referral), onSuccess: () => setDraft(EMPTY) });
  const wrong = new Set(refer.error instanceof ApiError ? refer.error.violations.map((violation) => violation.field) : []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = FIELDS.some((field) => !draft[field].trim());
    setMissing(incomplete);
    if (!incomplete) refer.mutate({ ...draft, cpr: draft.cpr.trim(), name: draft.name.trim(), reason: draft.reason.trim() });
  };
  const field = (name: (typeof FIELDS)[number]) => ({
    id: `refer-${name}`,
    value: draft[name],
    'aria-invalid': wrong.has(name) || undefined,
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });
  if (refer.isSuccess) {
    return (
      <>
        <PageHeading>{t('refer.title')}</PageHeading>
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t('refer.received')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => refer.reset()}>
          {t('refer.another')}
        </button>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('refer.title')}</PageHeading>
      <p className="font-lead">{t('refer.intro')}</p>
      {districts.isPending && <Loading />}
      {districts.isError && <ErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
      {districts.data && (
        <form onSubmit={submit} noValidate className="refer-form">
          {missing && (
            <p className="alert alert-error" role="alert">
              {t('refer.missing')}
            </p>
          )}
          {refer.error && <ErrorAlert error={refer.error} title={t('problem.title')} />}
          {wrong.size > 0 && (
            <p className="alert alert-error" role="alert">
              {t('refer.fixFields', {
                fields: FIELDS.filter((name) => wrong.has(name))
                  .map((name) => t(LABELS[name]))
                  .join(', '),
              })}
            </p>
          )}
          <div className="form-group">
            <label className="form-label" htmlFor="refer-cpr">
              {t('refer.cpr')}
            </label>
            <span className="form-hint" id="refer-cpr-hint">
              {t('refer.cprHint')}
            </span>
            <input
              className="form-input input-width-s"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              aria-describedby="refer-cpr-hint"
              required
              {...field('cpr')}
            />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="refer-name">
              {t('refer.name')}
            </label>
            <input className="form-input" type="text" autoComplete="off" required {...field('name')} />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="refer-birthDate">
              {t('refer.birthDate')}
            </label>
            <input className="form-input input-width-s" type="date" required {...field('birthDate')} />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="refer-districtCode">
              {t('refer.district')}
            </label>
            <select className="form-select" required {...field('districtCode')}>
              <option value="">{t('refer.chooseDistrict')}</option>
              {groupByCityDistrict(districts.data.items, cityNames).map(([cityDistrict, items]) => (
                <optgroup key={cityDistrict} label={cityDistrict}>
                  {items.map((district) => (
                    <option key={district.code} value={district.code}>
                      {district.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="refer-reason">
              {t('refer.reason')}
            </label>
            <span className="form-hint" id="refer-reason-hint">
              {t('refer.reasonHint')}
            </span>
            <textarea className="form-input" rows={4} maxLength={4000} aria-describedby="refer-reason-hint" required {...field('reason')} />
          </div>
          <button type="submit" className="button button-primary" disabled={refer.isPending}>
            {refer.isPending ? t('actions.sending') : t('refer.submit')}
          </button>
        </form>
      )}
    </>
  );
}

/** Districts under their city district's name, each once (a district may be listed under several geographies). */
function groupByCityDistrict(items: DistrictReference[], cityNames: Map<string, string>): [string, DistrictReference[]][] {
  const groups = new Map<string, DistrictReference[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) continue;
    seen.add(item.code);
    const label = cityNames.get(item.cityDistrict) ?? item.cityDistrict;
    groups.set(label, [...(groups.get(label) ?? []), item]);
  }
  return [...groups.entries()];
}
