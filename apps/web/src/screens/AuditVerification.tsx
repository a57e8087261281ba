import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api';
import { auditApi, type StoreVerification } from '../audit-api';
import { isMessageKey, useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorAlert, PageHeading } from './common';
import '../audit.css';

/**
 * The hash-chain check of the whole event store (GET /audit/verification), started by the auditor
 * (it reads every event): intact with a count, or the first altered, missing or moved event named by
 * stream (and case), position and event type; never the event's content.
 */
export function AuditVerificationScreen() {
  const { t } = useI18n();
  const check = useMutation({ mutationFn: () => auditApi.storeVerification() });
  return (
    <>
      <PageHeading>{t('auditVerification.title')}</PageHeading>
      <p className="font-lead">{t('auditVerification.intro')}</p>
      <button type="button" className="button button-primary" onClick={() => check.mutate()} disabled={check.isPending}>
        {t('auditVerification.run')}
      </button>
      <div aria-live="polite">
        {check.isPending && <p role="status">{t('auditVerification.running')}</p>}
        {check.isError &&
          (check.error instanceof ApiError && check.error.status === 501 ? (
            <p>{t('auditVerification.unavailable')}</p>
          ) : (
            <ErrorAlert error={check.error} onRetry={() => check.mutate()} />
          ))}
        {check.data && <Result result={check.data} />}
      </div>
    </>
  );
}

const CASE_STREAM = /^case-([0-9a-f-]{36})$/;

function Result({ result }: { result: StoreVerification }) {
  const { t } = useI18n();
  // The event type in words, then its code (auditors search the log by it).
  const eventTypeLabel = (type: string) => {
    const key = `eventType.${type}`;
    return isMessageKey(key) ? `${t(key)} ` : '';
  };
  if (result.ok) {
    return (
      <div className="alert alert-success" data-testid="store-verification">
        <div className="alert-body">
          <p className="alert-text">{t('auditVerification.ok', { count: result.eventsChecked })}</p>
        </div>
      </div>
    );
  }
  const broken = result.firstBroken;
  const caseId = broken ? CASE_STREAM.exec(broken.streamId)?.[1] : undefined;
  return (
    <div className="alert alert-error audit-result" data-testid="store-verification">
      <div className="alert-body">
        <p className="alert-heading">{t('auditVerification.broken')}</p>
        {broken && (
          <dl>
            <dt>{t('auditVerification.problem')}</dt>
            <dd>{t(`auditVerification.problem.${broken.problem}`)}</dd>
            {caseId ? (
              <>
                <dt>{t('auditVerification.case')}</dt>
                <dd>
                  <Link href={`/app/cases/${caseId}`}>{caseId}</Link>
                </dd>
              </>
            ) : (
              <>
                <dt>{t('auditVerification.stream')}</dt>
                <dd>{broken.streamId}</dd>
              </>
            )}
            <dt>{t('auditVerification.position')}</dt>
            <dd data-testid="broken-position">{broken.revision ?? '–'}</dd>
            <dt>{t('auditVerification.eventType')}</dt>
            <dd>
              {broken.eventType ? (
                <>
                  {eventTypeLabel(broken.eventType)}(<code data-testid="broken-type">{broken.eventType}</code>)
                </>
              ) : (
                '–'
              )}
            </dd>
            <dt>{t('auditVerification.checked')}</dt>
            <dd>{result.eventsChecked}</dd>
          </dl>
        )}
      </div>
    </div>
  );
}
