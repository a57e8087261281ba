import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type CaseSummary, type CommandAccepted, type SessionUser, type SharePurpose, type Sensitivity } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { CaseDialogs } from './CaseDialogs';
import { ErrorAlert, Loading } from './common';

/**
 * The dialogs that change a case. Every write carries the revision the user sees on screen
 * (If-Match) and the session's CSRF token (api.ts); a 412 says in Danish that the case changed,
 * the page reloads it, and the dialog keeps what the user typed so they can redo the action on the
 * new state.
 */
export interface CaseWriteProps {
  summary: CaseSummary;
  user: SessionUser;
  /** The case is being reloaded: writes wait, so they never carry a revision about to be replaced. */
  reloading: boolean;
  onWritten: (answer: CommandAccepted) => void;
  /** A 412: reload the case, at least to the revision the API named. */
  onConflict: (currentRevision: number | undefined) => void;
}

/** One write with the conflict rule: remembers a 412 until the next success. */
export function useCaseWrite<V>(
  props: CaseWriteProps,
  send: (revision: number, value: V) => Promise<CommandAccepted>,
  onSuccess?: (answer: CommandAccepted, value: V) => void,
) {
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: (value: V) => send(props.summary.revision, value),
    onSuccess: (answer, value) => {
      setConflict(false);
      props.onWritten(answer);
      onSuccess?.(answer, value);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        setConflict(true);
        props.onConflict(error.currentRevision);
      }
    },
  });
  return { ...mutation, conflict };
}

export function WriteProblem({ error, conflict }: { error: unknown; conflict: boolean }) {
  const { t } = useI18n();
  if (conflict) {
    return (
      <div className="alert alert-warning" role="alert" data-testid="conflict">
        <div className="alert-body">
          <p className="alert-heading">{t('problem.REVISION_CONFLICT')}</p>
          <p className="alert-text">{t('actions.conflict')}</p>
        </div>
      </div>
    );
  }
  return error ? <ErrorAlert error={error} title={t('problem.title')} /> : null;
}

/**
 * A modal dialog (the browser's own <dialog>: focus moves in, Escape closes, focus returns). The
 * focus goes to `initialFocus` (an element id) when given and present, else to the dialog itself,
 * so reading starts at its title (the share dialog's rules come first).
 */
/**
 * Moves the focus to the dialog's first field `id`. A form may still be loading its pick lists
 * when the dialog opens (the field is not there yet): then the field takes the focus as soon as it
 * is rendered, unless the user has moved the focus inside the dialog meanwhile; waiting ends after
 * 10 s or when the dialog closes. Returns the clean-up.
 */
function focusWhenRendered(dialog: HTMLDialogElement, id: string): () => void {
  const tryFocus = (): boolean => {
    const field = document.getElementById(id);
    if (!field || !dialog.contains(field)) return false;
    const active = document.activeElement;
    const userMoved = active !== null && active !== document.body && active !== dialog && dialog.contains(active) && active !== field;
    if (!userMoved) field.focus();
    return true;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), 10_000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(dialog, { childList: true, subtree: true });
  return stop;
}

export function Dialog({
  title,
  open,
  onClose,
  initialFocus,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  initialFocus?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    let stopWaiting: (() => void) | undefined;
    if (open && !dialog.open) {
      dialog.showModal();
      if (initialFocus) stopWaiting = focusWhenRendered(dialog, initialFocus);
    }
    if (!open && dialog.open) dialog.close();
    return stopWaiting;
  }, [open, initialFocus]);
  return (
    <dialog ref={ref} className="console-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}

export function CaseActions(props: CaseWriteProps) {
  const { t } = useI18n();
  const { summary, user } = props;
  const [open, setOpen] = useState<'join' | 'share' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The dialogs' pick lists load with the page, so a dialog opens ready and its first field takes the focus.
  useReference();
  const coordinates = summary.coordinator?.userId === user.userId && user.roles.includes('coordinator');
  const onCase = summary.agencies.includes(user.agency) && !user.roles.includes('auditor');
  if (summary.status !== 'open' || (!coordinates && !onCase)) return null;
  const finished = (text: string) => {
    setOpen(null);
    setDone(text);
  };
  return (
    <section aria-labelledby="actions-heading" className="case-actions">
      <h2 id="actions-heading">{t('actions.title')}</h2>
      <p className="text-small" data-testid="case-revision">
        {t('actions.revision', { revision: summary.revision })}
      </p>
      <p role="status" aria-live="polite" data-testid="action-done">
        {done ?? ''}
      </p>
      <div className="button-row">
        {coordinates && (
          <button type="button" className="button button-secondary" onClick={() => setOpen('join')}>
            {t('join.open')}
          </button>
        )}
        {onCase && (
          <button type="button" className="button button-secondary" onClick={() => setOpen('share')}>
            {t('share.open')}
          </button>
        )}
      </div>
      <CaseDialogs {...props} onDone={setDone} />
      <Dialog title={t('join.title')} open={open === 'join'} onClose={() => setOpen(null)} initialFocus="join-agency">
        <JoinForm {...props} onCancel={() => setOpen(null)} onDone={finished} />
      </Dialog>
      <Dialog title={t('share.title')} open={open === 'share'} onClose={() => setOpen(null)}>
        <ShareForm {...props} onCancel={() => setOpen(null)} onDone={finished} />
      </Dialog>
    </section>
  );
}

export interface FormProps extends CaseWriteProps {
  onCancel: () => void;
  onDone: (text: string) => void;
}

export function useReference() {
  const agencies = useQuery({ queryKey: ['reference', 'agencies'], queryFn: () => api.agencies(), staleTime: Infinity });
  const legalBases = useQuery({ queryKey: ['reference', 'legal-bases'], queryFn: () => api.legalBases(), staleTime: Infinity });
  return { agencies, legalBases };
}

export function FormButtons({ submit, busy, conflict, onCancel }: { submit: string; busy: boolean; conflict: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('actions.sending') : conflict ? t('actions.redo') : submit}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}

function JoinForm(props: FormProps) {
  const { t, language } = useI18n();
  const { agencies } = useReference();
  const [agency, setAgency] = useState('');
  const write = useCaseWrite(
    props,
    (revision, code: string) => api.joinCase(props.summary.caseId, revision, code),
    (_answer, code) => props.onDone(t('join.done', { agency: code })),
  );
  if (agencies.isPending) return <Loading />;
  if (agencies.isError) return <ErrorAlert error={agencies.error} />;
  const choices = agencies.data.items.filter((item) => !props.summary.agencies.includes(item.code));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agency) write.mutate(agency);
  };
  return (
    <form onSubmit={submit} noValidate>
      <WriteProblem error={write.error} conflict={write.conflict} />
      {choices.length === 0 ? (
        <p>{t('join.noneLeft')}</p>
      ) : (
        <div className="form-group">
          <label className="form-label" htmlFor="join-agency">
            {t('join.agency')} <span className="text-small">{t('actions.required')}</span>
          </label>
          <span className="form-hint" id="join-agency-hint">
            {t('join.hint')}
          </span>
          <select
            id="join-agency"
            className="form-select"
            required
            autoFocus
            aria-describedby="join-agency-hint"
            value={agency}
            onChange={(event) => setAgency(event.target.value)}
          >
            <option value="">{t('join.choose')}</option>
            {choices.map((item) => (
              <option key={item.code} value={item.code}>
                {`${item.name[language]} (${item.code})`}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormButtons submit={t('join.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

interface ShareDraft {
  sharedWith: string[];
  legalBasis: string;
  purpose: SharePurpose;
  sensitivity: Sensitivity;
  summary: string;
}

function ShareForm(props: FormProps) {
  const { t, language } = useI18n();
  const { agencies, legalBases } = useReference();
  const [draft, setDraft] = useState<ShareDraft>({ sharedWith: [], legalBasis: '', purpose: 'crime-prevention', sensitivity: 'normal', summary: '' });
  const [invalid, setInvalid] = useState<string | null>(null);
  const write = useCaseWrite(
    props,
    (revision, share: ShareDraft) => api.shareInformation(props.summary.caseId, revision, share),
    (_answer, share) => props.onDone(t('share.done', { agencies: share.sharedWith.join(', ') })),
  );
  if (agencies.isPending || legalBases.isPending) return <Loading />;
  if (agencies.isError || legalBases.isError) return <ErrorAlert error={agencies.error ?? legalBases.error} />;
  const kindOf = new Map(agencies.data.items.map((item) => [item.code, item]));
  const recipients = props.summary.agencies.filter((code) => code !== props.user.agency);
  const toPolice = draft.sharedWith.some((code) => kindOf.get(code)?.kind === 'police');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.sharedWith.length === 0) return setInvalid(t('share.pickRecipient'));
    if (!draft.legalBasis || !draft.summary.trim()) return setInvalid(t('share.missingFields'));
    if (toPolice && draft.purpose === 'criminal-investigation') return setInvalid(t('share.policeInvestigation'));
    setInvalid(null);
    write.mutate({ ...draft, summary: draft.summary.trim() });
  };
  const toggle = (code: string, checked: boolean) =>
    setDraft((current) => ({ ...current, sharedWith: checked ? [...current.sharedWith, code] : current.sharedWith.filter((other) => other !== code) }));
  return (
    <form onSubmit={submit} noValidate>
      <div className="rules" aria-labelledby="share-rules-heading">
        <h3 id="share-rules-heading">{t('share.rulesTitle')}</h3>
        <ul>
          <li>{t('share.rule1')}</li>
          <li>{t('share.rule2')}</li>
          <li>{t('share.rule3')}</li>
          <li>{t('share.rule4')}</li>
        </ul>
      </div>
      <WriteProblem error={write.error} conflict={write.conflict} />
      {invalid && (
        <p className="alert alert-error" role="alert">
          {invalid}
        </p>
      )}
      {recipients.length === 0 ? (
        <p>{t('share.noRecipients')}</p>
      ) : (
        <fieldset className="form-group" aria-describedby="share-recipients-hint">
          <legend className="form-label">
            {t('share.recipients')} <span className="text-small">{t('actions.required')}</span>
          </legend>
          <span className="form-hint" id="share-recipients-hint">
            {t('share.recipientsHint')}
          </span>
          <ul className="nobullet-list">
            {recipients.map((code) => (
              <li key={code}>
                <input
                  id={`share-to-${code}`}
                  type="checkbox"
                  className="form-checkbox"
                  checked={draft.sharedWith.includes(code)}
                  onChange={(event) => toggle(code, event.target.checked)}
                />
                <label htmlFor={`share-to-${code}`}>{kindOf.get(code) ? `${kindOf.get(code)!.name[language]} (${code})` : code}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="form-group">
        <label className="form-label" htmlFor="share-legal-basis">
          {t('share.legalBasis')} <span className="text-small">{t('actions.required')}</span>
        </label>
        <select
          id="share-legal-basis"
          className="form-select"
          value={draft.legalBasis}
          onChange={(event) => setDraft({ ...draft, legalBasis: event.target.value })}
        >
          <option value="">{t('share.chooseLegalBasis')}</option>
          {legalBases.data.items.map((basis) => (
            <option key={basis.code} value={basis.code}>
              {basis.name[language]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="form-group">
        <legend className="form-label">{t('share.purpose')}</legend>
        <ul className="nobullet-list">
          {(['crime-prevention', 'criminal-investigation'] as const).map((purpose) => (
            <li key={purpose}>
              <input
                id={`share-purpose-${purpose}`}
                type="radio"
                name="share-purpose"
                className="form-radio"
                checked={draft.purpose === purpose}
                onChange={() => setDraft({ ...draft, purpose })}
              />
              <label htmlFor={`share-purpose-${purpose}`}>{t(`share.purpose.${purpose}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-group">
        <label className="form-label" htmlFor="share-sensitivity">
          {t('share.sensitivity')}
        </label>
        <select
          id="share-sensitivity"
          className="form-select"
          value={draft.sensitivity}
          onChange={(event) => setDraft({ ...draft, sensitivity: event.target.value as Sensitivity })}
        >
          {(['normal', 'sensitive', 'sealed-identity'] as const).map((sensitivity) => (
            <option key={sensitivity} value={sensitivity}>
              {t(`share.sensitivity.${sensitivity}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="share-summary">
          {t('share.summary')} <span className="text-small">{t('actions.required')}</span>
        </label>
        <span className="form-hint" id="share-summary-hint">
          {t('share.summaryHint')}
        </span>
        <textarea
          id="share-summary"
          className="form-input"
          rows={5}
          maxLength={4000}
          aria-describedby="share-summary-hint"
          value={draft.summary}
          onChange={(event) => setDraft({ ...draft, summary: event.target.value })}
        />
      </div>
      <FormButtons submit={t('share.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

/** Information shared with the reader's agency on this case, each acknowledged or with its button. */
export function SharedWithUs(props: CaseWriteProps & { position: { readonly current: string | undefined } }) {
  const { t, language } = useI18n();
  const { summary, user } = props;
  const flow = useQuery({
    queryKey: ['case', summary.caseId, 'flow'],
    queryFn: () => api.informationFlow(summary.caseId, props.position.current),
    retry: false,
  });
  const [done, setDone] = useState(false);
  const write = useCaseWrite(
    props,
    (revision, entryId: string) => api.acknowledgeInformation(summary.caseId, revision, entryId),
    () => setDone(true),
  );
  if (user.roles.includes('auditor')) return null;
  const ours = flow.data?.items.filter((item) => item.kind === 'share' && item.toAgency === user.agency) ?? [];
  return (
    <section aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t('shared.title')}</h2>
      <p role="status" aria-live="polite">
        {done ? t('shared.done') : ''}
      </p>
      <WriteProblem error={write.error} conflict={write.conflict} />
      {flow.isPending && <Loading />}
      {flow.isError && <ErrorAlert error={flow.error} onRetry={() => void flow.refetch()} />}
      {flow.data && ours.length === 0 && <p>{t('shared.empty')}</p>}
      {ours.length > 0 && (
        <table className="table table--compact" data-testid="shared-with-us">
          <caption className="sr-only">{t('shared.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shared.from')}</th>
              <th scope="col">{t('shared.sent')}</th>
              <th scope="col">{t('shared.state')}</th>
            </tr>
          </thead>
          <tbody>
            {ours.map((item) => (
              <tr key={`${item.id}-${item.toAgency}`}>
                <th scope="row">{item.fromAgency}</th>
                <td>{formatDateTime(item.sentAt, language)}</td>
                <td>
                  {item.outcome === 'acknowledged' ? (
                    t('shared.acknowledged', { date: formatDateTime(item.respondedAt, language) })
                  ) : (
                    <>
                      <span className="status status--overdue">{t('shared.open')}</span>{' '}
                      <button
                        type="button"
                        className="button button-primary button-small"
                        aria-label={t('shared.acknowledge', { agency: item.fromAgency })}
                        disabled={write.isPending || props.reloading}
                        onClick={() => write.mutate(item.id)}
                      >
                        {t('shared.acknowledgeShort')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
