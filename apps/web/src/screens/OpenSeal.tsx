import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api';
import { useI18n } from '../i18n';
import { Dialog, FormButtons } from './CaseActions';
import { problemText } from './common';

/**
 * Break-glass on a sealed identity (exit programme): the reader is not named on it, so name, birth
 * date and district are withheld; opening it takes a stated reason, which the API logs (audit log,
 * the named people's list, the citizen's copy). After the opening the case is read again.
 */
export function OpenSeal({ caseId }: { caseId: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [openUntil, setOpenUntil] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 10) {
      setInvalid(true);
      document.getElementById('seal-reason')?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await apiRequest<{ openUntil: string }>('POST', `/cases/${caseId}/seal-openings`, { reason: reason.trim() });
      setOpenUntil(answer.openUntil);
      setOpen(false);
      // Every answer kept so far was given while the identity was hidden from this user: the screens
      // on display fetch again, and the others are dropped, so none shows the old answer while it refetches.
      queryClient.removeQueries({ type: 'inactive' });
      await queryClient.invalidateQueries();
    } catch (error) {
      setProblem(problemText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const until = openUntil
    ? new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(
        new Date(openUntil),
      )
    : null;
  return (
    <div className="seal-note" data-testid="sealed-identity">
      <p>{t('seal.note')}</p>
      {until ? (
        <p role="status">{t('seal.opened', { time: until })}</p>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('seal.open')}
        </button>
      )}
      <Dialog title={t('seal.title')} open={open} onClose={() => setOpen(false)} initialFocus="seal-reason">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('seal.explain')}</p>
          <div className={`form-group${invalid ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="seal-reason">
              {t('seal.reason')}
            </label>
            <span className="form-hint" id="seal-reason-hint">
              {t('seal.reasonHint')}
            </span>
            {invalid && (
              <span className="form-error-message" id="seal-reason-error">
                {t('seal.reasonTooShort')}
              </span>
            )}
            <textarea
              id="seal-reason"
              className="form-input"
              rows={4}
              maxLength={500}
              value={reason}
              aria-describedby={invalid ? 'seal-reason-hint seal-reason-error' : 'seal-reason-hint'}
              aria-invalid={invalid}
              onChange={(event) => {
                setReason(event.target.value);
                if (event.target.value.trim().length >= 10) setInvalid(false);
              }}
            />
          </div>
          {problem && (
            <div className="alert alert-error" role="alert">
              <div className="alert-body">
                <p className="alert-text">{problem}</p>
              </div>
            </div>
          )}
          <FormButtons submit={t('seal.submit')} busy={busy} conflict={false} onCancel={() => setOpen(false)} />
        </form>
      </Dialog>
    </div>
  );
}
