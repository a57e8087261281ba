import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** The page's heading takes focus on arrival, so a screen reader and the keyboard start at the new screen. */
export function PageHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

/** Errors in plain words, never a raw code alone; a 500 names its request id to quote. */
export function ErrorAlert({ error, onRetry, notFound }: { error: unknown; onRetry?: () => void; notFound?: string }) {
  const { t } = useI18n();
  let text = t('error.generic');
  let requestId: string | undefined;
  if (error instanceof ApiError) {
    if (error.status === 404 && notFound) text = notFound;
    else if (error.status === 403) text = t('error.forbidden');
    else if (error.status === 401) text = t('error.signedOut');
    else if (error.status === 503) text = t('error.behind');
    requestId = error.requestId;
  }
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">{t('error.title')}</p>
        <p className="alert-text">{text}</p>
        {requestId && <p className="alert-text">{t('error.requestId', { id: requestId })}</p>}
        {onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('error.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
