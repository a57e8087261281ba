import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../api';
import { isMessageKey, useI18n, type Translate } from '../i18n';

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

/**
 * A problem's `reason` in plain words: the dictionary's `problem.<REASON>` where it has one, else a
 * text for the status; the code itself only ever appears beside a text (see ErrorAlert).
 */
export function problemText(error: unknown, t: Translate, notFound?: string): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.status === 404 && notFound) return notFound;
  const key = `problem.${error.reason}`;
  if (isMessageKey(key)) return t(key);
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 401) return t('error.signedOut');
  if (error.status === 503) return t('error.behind');
  if (error.status === 422) return t('problem.status422');
  if (error.status === 400) return t('problem.BAD_REQUEST');
  return t('error.generic');
}

/** Errors in plain words, never a raw code alone; a 500 names its request id to quote. */
export function ErrorAlert({ error, onRetry, notFound, title }: { error: unknown; onRetry?: () => void; notFound?: string; title?: string }) {
  const { t } = useI18n();
  const text = problemText(error, t, notFound);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  // A rule's refusal also names its code (beside the text, for support), never alone.
  const code = error instanceof ApiError && error.status === 422 ? error.reason : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">{title ?? t('error.title')}</p>
        <p className="alert-text">{text}</p>
        {code && <p className="alert-text">{t('problem.code', { code })}</p>}
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
