import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactElement } from 'react';
import { ApiError } from '../api';
import { AUDIT_ACTIONS, AUDIT_PURPOSES, auditApi, type AuditAction, type AuditLogSearch, type AuditPurpose } from '../audit-api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorAlert, Loading, PageHeading } from './common';
import '../audit.css';

/**
 * The access log for auditors (GET /audit/log): who, which case, what kind of access, the declared
 * purpose and a period of Copenhagen days, a page at a time, oldest first. A filter the API refuses
 * (400 with the fields) is named beside the form and marked invalid.
 */
const PAGE = 25;

interface Filters {
  userId: string;
  caseId: string;
  action: '' | AuditAction;
  purpose: '' | AuditPurpose;
  from: string;
  to: string;
}

const EMPTY: Filters = { userId: '', caseId: '', action: '', purpose: '', from: '', to: '' };

/** The start of a Copenhagen day as an instant (the period is in days; the API takes instants). */
function copenhagenMidnight(isoDate: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return undefined;
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const offsetHours = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(noon)) - 12;
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - offsetHours * 3_600_000).toISOString();
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function searchOf(filters: Filters, offset: number): AuditLogSearch {
  return {
    userId: filters.userId.trim() || undefined,
    caseId: filters.caseId.trim() || undefined,
    action: filters.action || undefined,
    purpose: filters.purpose || undefined,
    from: filters.from ? copenhagenMidnight(filters.from) : undefined,
    to: filters.to ? copenhagenMidnight(nextDay(filters.to)) : undefined,
    limit: PAGE,
    offset,
  };
}

export function AuditLogScreen() {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const search = searchOf(filters, offset);
  const log = useQuery({ queryKey: ['audit', 'log', search], queryFn: () => auditApi.log(search), placeholderData: keepPreviousData, retry: false });
  const invalid = new Set(log.error instanceof ApiError ? log.error.violations.map((violation) => violation.field) : []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setOffset(0);
  };
  const field = (
    name: keyof Filters,
    label: string,
    input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactElement,
    hint?: string,
  ) => {
    const apiField = name;
    return (
      <div className={`form-group${invalid.has(apiField) ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={`audit-log-${name}`}>
          {label}
        </label>
        {hint && (
          <span className="form-hint" id={`audit-log-${name}-hint`}>
            {hint}
          </span>
        )}
        {input({
          id: `audit-log-${name}`,
          ...(invalid.has(apiField) ? { 'aria-invalid': true as const } : {}),
          ...(hint ? { 'aria-describedby': `audit-log-${name}-hint` } : {}),
        })}
      </div>
    );
  };
  const set = (name: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });
  const items = log.data?.items ?? [];

  return (
    <>
      <PageHeading>{t('auditLog.title')}</PageHeading>
      <p className="font-lead">{t('auditLog.intro')}</p>
      <form onSubmit={submit} aria-labelledby="audit-log-filters" noValidate>
        <h2 id="audit-log-filters">{t('auditLog.filters')}</h2>
        <div className="audit-filters">
          {field(
            'userId',
            t('auditLog.userId'),
            (props) => (
              <input {...props} className="form-input" value={draft.userId} onChange={set('userId')} />
            ),
            t('auditLog.userIdHint'),
          )}
          {field(
            'caseId',
            t('auditLog.caseId'),
            (props) => (
              <input {...props} className="form-input" value={draft.caseId} onChange={set('caseId')} />
            ),
            t('auditLog.caseIdHint'),
          )}
          {field('action', t('auditLog.action'), (props) => (
            <select {...props} className="form-select" value={draft.action} onChange={set('action')}>
              <option value="">{t('auditLog.any')}</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`auditLog.action.${action}`)}
                </option>
              ))}
            </select>
          ))}
          {field('purpose', t('auditLog.purpose'), (props) => (
            <select {...props} className="form-select" value={draft.purpose} onChange={set('purpose')}>
              <option value="">{t('auditLog.any')}</option>
              {AUDIT_PURPOSES.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {t(`auditLog.purpose.${purpose}`)}
                </option>
              ))}
            </select>
          ))}
          {field('from', t('auditLog.from'), (props) => (
            <input {...props} type="date" className="form-input" value={draft.from} onChange={set('from')} />
          ))}
          {field('to', t('auditLog.to'), (props) => (
            <input {...props} type="date" className="form-input" value={draft.to} onChange={set('to')} />
          ))}
        </div>
        <button type="submit" className="button button-primary">
          {t('auditLog.search')}
        </button>
      </form>
      {log.isPending && <Loading />}
      {log.isError && (
        <>
          {invalid.size > 0 && (
            <p className="alert alert-error" role="alert">
              {t('auditLog.invalid', { fields: [...invalid].map((name) => (isFilter(name) ? t(`auditLog.${name}`) : name)).join(', ') })}
            </p>
          )}
          {invalid.size === 0 && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
        </>
      )}
      {log.data && !log.isError && items.length === 0 && <p>{t('auditLog.none')}</p>}
      {log.data && !log.isError && items.length > 0 && (
        <>
          <table className="table table--compact" data-testid="audit-log">
            <caption className="sr-only">{t('auditLog.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auditLog.when')}</th>
                <th scope="col">{t('auditLog.who')}</th>
                <th scope="col">{t('auditLog.what')}</th>
                <th scope="col">{t('auditLog.route')}</th>
                <th scope="col">{t('auditLog.caseId')}</th>
                <th scope="col">{t('auditLog.purpose')}</th>
                <th scope="col">{t('auditLog.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{formatDateTime(item.recordedAt, language)}</td>
                  <td>
                    {item.userId} · {item.agency}
                  </td>
                  <td>{t(`auditLog.action.${item.action}`)}</td>
                  <td>
                    <code>
                      {item.method} {item.route}
                    </code>
                  </td>
                  <td>{item.caseId ? <Link href={`/app/cases/${item.caseId}`}>{item.caseId.slice(0, 8)}</Link> : '–'}</td>
                  <td>{t(`auditLog.purpose.${item.purpose}`)}</td>
                  <td>{item.outcome < 400 ? t('auditLog.granted') : t('auditLog.refused', { status: item.outcome })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('auditLog.previous')}
            </button>
            <span>{t('auditLog.page', { from: offset + 1, to: offset + items.length })}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={log.data.nextOffset === null}
              onClick={() => setOffset(log.data.nextOffset ?? offset)}
            >
              {t('auditLog.next')}
            </button>
          </div>
        </>
      )}
    </>
  );
}

function isFilter(name: string): name is 'userId' | 'caseId' | 'action' | 'purpose' | 'from' | 'to' {
  return ['userId', 'caseId', 'action', 'purpose', 'from', 'to'].includes(name);
}
