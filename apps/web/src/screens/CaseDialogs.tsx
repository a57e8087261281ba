import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type CommandAccepted, type TimelineItem } from '../api';
import {
  CUSTODY_KINDS,
  DECLINE_REASONS,
  dialogsApi,
  EMPLOYMENT_KINDS,
  SSP_LEVELS,
  type CaseSummaryWithCustody,
  type CustodyKind,
  type DeclineReason,
  type EmploymentKind,
  type RoadMapReference,
  type SspLevel,
} from '../dialogs-api';
import { formatDate } from '../format';
import { useI18n, type Language, type Translate } from '../i18n';
import { Dialog, FormButtons, useCaseWrite, useReference, WriteProblem, type CaseWriteProps, type FormProps } from './CaseActions';
import { ErrorAlert, Loading } from './common';

/**
 * The dialogs that record what happens to the citizen and ask other agencies: make and answer a
 * request, custody and release (with the road maps they start), a charge, employment, the SSP+
 * level. Each follows the share dialog (CaseActions.tsx): the write carries the revision on screen
 * (If-Match); a 412 reloads the case, keeps what the user typed and says what changed between the
 * revision the user saw and the new one, so they can redo the action on the new state; refusals
 * come in plain Danish from the problem document.
 *
 * Who sees which button follows the write rules (libs/access case-command-policy, libs/case decide):
 * these are `participant` writes (the case's coordinator, or a liaison whose agency is on the case);
 * a charge comes from the police; custody is recorded while the citizen is not held, a release while
 * they are. The API still decides, and a refusal shows as a Danish message in the dialog.
 */

/** Today in Copenhagen (yyyy-mm-dd): the day the case's rules call today. */
export function copenhagenToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calendar month later, on the same day or the month's last (as the timeline's road maps count). */
function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, last));
  return first.toISOString().slice(0, 10);
}

function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The road maps (reference data) the recorded fact starts, as far as the reader can tell (the timeline decides). */
export function startingRoadMaps(
  roadMaps: readonly RoadMapReference[],
  startsOn: 'custody-started' | 'released',
  facts: { kind?: CustodyKind; startedOn?: string; expectedReleaseOn?: string | null; on: string; birthDate: string | null; programmes: readonly string[] },
): RoadMapReference[] {
  return roadMaps.filter(({ trigger }) => {
    if (trigger.startsOn !== startsOn) return false;
    if (trigger.custodyKind !== undefined && facts.kind !== undefined && trigger.custodyKind !== facts.kind) return false;
    if (trigger.minMonths !== undefined && facts.startedOn && facts.expectedReleaseOn) {
      if (facts.expectedReleaseOn < addMonths(facts.startedOn, trigger.minMonths)) return false;
    }
    if (trigger.minAge !== undefined && facts.birthDate !== null && ageOn(facts.birthDate, facts.on) < trigger.minAge) return false;
    if (trigger.programme !== undefined && !facts.programmes.includes(trigger.programme)) return false;
    return true;
  });
}

/** The write of one dialog: the share dialog's conflict rule, plus the case as it was when the user sent it. */
function useDialogWrite<V>(props: FormProps, send: (revision: number, value: V) => Promise<CommandAccepted>, done: (value: V) => string) {
  const [sentWith, setSentWith] = useState<CaseSummaryWithCustody | null>(null);
  const write = useCaseWrite(props, send, (_answer, value) => props.onDone(done(value)));
  const submit = (value: V) => {
    setSentWith(props.summary);
    write.mutate(value);
  };
  return { write, submit, sentWith };
}

function custodyText(custody: CaseSummaryWithCustody['custody'], t: Translate): string {
  return !custody || custody.status === 'none' ? t('custody.none') : t(`custody.kind.${custody.status}`);
}

/** What differs between the case the user saw and the case now, in sentences. */
export function whatChanged(before: CaseSummaryWithCustody, after: CaseSummaryWithCustody, t: Translate): string[] {
  if (after.revision <= before.revision) return [t('dialogs.waitingForNew')];
  const lines = [t('dialogs.changedRevision', { from: before.revision, to: after.revision })];
  const level = (summary: CaseSummaryWithCustody) => (summary.sspLevel ? String(summary.sspLevel.level) : t('dialogs.none'));
  if (level(before) !== level(after)) lines.push(t('dialogs.changedLevel', { from: level(before), to: level(after) }));
  for (const agency of after.agencies.filter((code) => !before.agencies.includes(code))) lines.push(t('dialogs.changedAgencyIn', { agency }));
  for (const agency of before.agencies.filter((code) => !after.agencies.includes(code))) lines.push(t('dialogs.changedAgencyOut', { agency }));
  const coordinator = (summary: CaseSummaryWithCustody) => summary.coordinator?.userId ?? t('dialogs.none');
  if (coordinator(before) !== coordinator(after)) lines.push(t('dialogs.changedCoordinator', { from: coordinator(before), to: coordinator(after) }));
  if (custodyText(before.custody, t) !== custodyText(after.custody, t)) {
    lines.push(t('dialogs.changedCustody', { from: custodyText(before.custody, t), to: custodyText(after.custody, t) }));
  }
  if (before.openRequests !== after.openRequests) lines.push(t('dialogs.changedRequests', { from: before.openRequests, to: after.openRequests }));
  if (before.status !== after.status) {
    lines.push(t('dialogs.changedStatus', { from: t(`status.${before.status}`), to: t(`status.${after.status}`) }));
  }
  if (lines.length === 1) lines.push(t('dialogs.changedElsewhere'));
  return lines;
}

/** A refusal in Danish, or after a 412 what changed on the case and that the action can be redone. */
function DialogProblem({
  write,
  sentWith,
  summary,
}: {
  write: { error: unknown; conflict: boolean };
  sentWith: CaseSummaryWithCustody | null;
  summary: CaseSummaryWithCustody;
}) {
  const { t } = useI18n();
  if (!write.conflict) return <WriteProblem error={write.error} conflict={false} />;
  return (
    <div className="alert alert-warning" role="alert" data-testid="conflict">
      <div className="alert-body">
        <p className="alert-heading">{t('problem.REVISION_CONFLICT')}</p>
        {sentWith && (
          <>
            <p className="alert-text">{t('dialogs.changedTitle')}</p>
            <ul data-testid="conflict-changes">
              {whatChanged(sentWith, summary, t).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
        <p className="alert-text">{t('dialogs.checkAndRedo')}</p>
      </div>
    </div>
  );
}

function MissingFields({ missing }: { missing: string[] }) {
  const { t } = useI18n();
  if (missing.length === 0) return null;
  return (
    <p className="alert alert-error" role="alert">
      {t('dialogs.missing', { fields: missing.join(', ') })}
    </p>
  );
}

/** A labelled field: the label (with "required"), an optional hint tied to the control by aria-describedby. */
function Field({ id, label, required, hint, children }: { id: string; label: string; required?: boolean; hint?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label} {required && <span className="text-small">{t('dialogs.required')}</span>}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
    </div>
  );
}

/** Validation state of a form: the labels of the required fields left empty, and which ids they are. */
function useRequired() {
  const [missing, setMissing] = useState<{ id: string; label: string }[]>([]);
  return {
    labels: missing.map((field) => field.label),
    invalid: (id: string) => (missing.some((field) => field.id === id) ? true : undefined),
    /** Checks the fields; true when all are filled. */
    check(fields: { id: string; label: string; filled: boolean }[]): boolean {
      const empty = fields.filter((field) => !field.filled);
      setMissing(empty);
      if (empty.length > 0) document.getElementById(empty[0].id)?.focus();
      return empty.length === 0;
    },
  };
}

type DialogName = 'request' | 'custody' | 'expected-release' | 'release' | 'charge' | 'employment' | 'assess';

/** The buttons and dialogs, mounted in CaseActions' section (which shows only to those working the case). */
export function CaseDialogs(props: CaseWriteProps & { onDone: (text: string) => void }) {
  const { t, language } = useI18n();
  const { user } = props;
  const summary = props.summary as CaseSummaryWithCustody;
  const [open, setOpen] = useState<DialogName | null>(null);
  const { agencies } = useReference();
  // Pick lists load with the page, so a dialog opens ready.
  useDialogReference();
  const coordinates = summary.coordinator?.userId === user.userId && user.roles.includes('coordinator');
  const participant = coordinates || (user.roles.includes('liaison') && summary.agencies.includes(user.agency));
  if (summary.status !== 'open' || !participant) return null;
  const police = agencies.data?.items.find((agency) => agency.code === user.agency)?.kind === 'police';
  const custody = summary.custody;
  const held = custody !== undefined && custody.status !== 'none';
  const formProps: FormProps = {
    ...props,
    summary,
    onCancel: () => setOpen(null),
    onDone: (text) => {
      setOpen(null);
      props.onDone(text);
    },
  };
  const buttons: { name: DialogName; label: string; show: boolean }[] = [
    { name: 'request', label: t('request.open'), show: summary.agencies.includes(user.agency) },
    { name: 'assess', label: t('assess.open'), show: true },
    { name: 'custody', label: t('custody.open'), show: custody !== undefined && !held },
    { name: 'expected-release', label: t('expectedRelease.open'), show: held },
    { name: 'release', label: t('release.open'), show: held },
    { name: 'charge', label: t('charge.open'), show: police },
    { name: 'employment', label: t('employment.open'), show: true },
  ];
  return (
    <>
      {custody && (
        <p data-testid="custody-state">
          <strong>{t('custody.state')}:</strong>{' '}
          {custody.status === 'none' ? t('custody.stateNone') : `${heldText(custody, t, language)} ${expectedText(custody, t, language)}`}
        </p>
      )}
      <div className="button-row" data-testid="case-dialogs">
        {buttons
          .filter((button) => button.show)
          .map((button) => (
            <button key={button.name} type="button" className="button button-secondary" onClick={() => setOpen(button.name)}>
              {button.label}
            </button>
          ))}
      </div>
      <Dialog title={t('request.title')} open={open === 'request'} onClose={() => setOpen(null)} initialFocus="request-to">
        <RequestForm {...formProps} />
      </Dialog>
      <Dialog title={t('assess.title')} open={open === 'assess'} onClose={() => setOpen(null)} initialFocus="assess-level">
        <AssessForm {...formProps} />
      </Dialog>
      <Dialog title={t('custody.title')} open={open === 'custody'} onClose={() => setOpen(null)} initialFocus="custody-kind-remand">
        <CustodyForm {...formProps} />
      </Dialog>
      <Dialog title={t('expectedRelease.title')} open={open === 'expected-release'} onClose={() => setOpen(null)} initialFocus="expected-release-on">
        <ExpectedReleaseForm {...formProps} />
      </Dialog>
      <Dialog title={t('release.title')} open={open === 'release'} onClose={() => setOpen(null)} initialFocus="release-on">
        <ReleaseForm {...formProps} />
      </Dialog>
      <Dialog title={t('charge.title')} open={open === 'charge'} onClose={() => setOpen(null)} initialFocus="charge-category">
        <ChargeForm {...formProps} />
      </Dialog>
      <Dialog title={t('employment.title')} open={open === 'employment'} onClose={() => setOpen(null)} initialFocus="employment-kind-ordinary">
        <EmploymentForm {...formProps} />
      </Dialog>
    </>
  );
}

type HeldCustody = NonNullable<CaseSummaryWithCustody['custody']>;

/** "Afsoner dom i Vestre Fængsel siden …": the custody line of the case page and the custody dialogs. */
function heldText(custody: HeldCustody, t: Translate, language: Language): string {
  return t('custody.stateHeld', {
    kind: t(`custody.kind.${custody.status as 'remand' | 'sentence'}`),
    institution: custody.institution ?? '',
    startedOn: formatDate(custody.startedOn, language),
  });
}

function expectedText(custody: HeldCustody, t: Translate, language: Language): string {
  return custody.expectedReleaseOn ? t('custody.stateExpected', { date: formatDate(custody.expectedReleaseOn, language) }) : t('custody.stateUnknownRelease');
}

function useDialogReference() {
  const offenceCategories = useQuery({ queryKey: ['reference', 'offence-categories'], queryFn: () => dialogsApi.offenceCategories(), staleTime: Infinity });
  const roadMaps = useQuery({ queryKey: ['reference', 'road-maps'], queryFn: () => dialogsApi.roadMaps(), staleTime: Infinity });
  return { offenceCategories, roadMaps };
}

function agencyLabel(code: string, items: { code: string; name: Record<Language, string> }[] | undefined, language: Language): string {
  const found = items?.find((item) => item.code === code);
  return found ? `${found.name[language]} (${code})` : code;
}

// ---- Make a request -------------------------------------------------------------------------

interface RequestDraft {
  toAgency: string;
  question: string;
  dueDate: string;
  legalBasis: string;
}

function RequestForm(props: FormProps) {
  const { t, language } = useI18n();
  const { agencies, legalBases } = useReference();
  const [draft, setDraft] = useState<RequestDraft>({ toAgency: '', question: '', dueDate: addDays(copenhagenToday(), 14), legalBasis: '' });
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: RequestDraft) => dialogsApi.requestInformation(props.summary.caseId, revision, body),
    (body) => t('request.done', { agency: body.toAgency, date: formatDate(body.dueDate, language) }),
  );
  if (agencies.isPending || legalBases.isPending) return <Loading />;
  if (agencies.isError || legalBases.isError) return <ErrorAlert error={agencies.error ?? legalBases.error} />;
  const recipients = props.summary.agencies.filter((code) => code !== props.user.agency);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const filled = required.check([
      { id: 'request-to', label: t('request.to'), filled: draft.toAgency !== '' },
      { id: 'request-question', label: t('request.question'), filled: draft.question.trim() !== '' },
      { id: 'request-due', label: t('request.dueDate'), filled: draft.dueDate !== '' },
      { id: 'request-legal-basis', label: t('request.legalBasis'), filled: draft.legalBasis !== '' },
    ]);
    if (filled) submit({ ...draft, question: draft.question.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('request.intro')}</p>
      <DialogProblem write={write} sentWith={sentWith} summary={props.summary} />
      <MissingFields missing={required.labels} />
      {recipients.length === 0 ? (
        <p>{t('request.noRecipients')}</p>
      ) : (
        <>
          <Field id="request-to" label={t('request.to')} required>
            <select
              id="request-to"
              className="form-select"
              autoFocus
              aria-invalid={required.invalid('request-to')}
              value={draft.toAgency}
              onChange={(event) => setDraft({ ...draft, toAgency: event.target.value })}
            >
              <option value="">{t('request.choose')}</option>
              {recipients.map((code) => (
                <option key={code} value={code}>
                  {agencyLabel(code, agencies.data.items, language)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="request-question" label={t('request.question')} required hint={t('request.questionHint')}>
            <textarea
              id="request-question"
              className="form-input"
              rows={4}
              maxLength={4000}
              aria-describedby="request-question-hint"
              aria-invalid={required.invalid('request-question')}
              value={draft.question}
              onChange={(event) => setDraft({ ...draft, question: event.target.value })}
            />
          </Field>
          <Field id="request-due" label={t('request.dueDate')} required>
            <input
              id="request-due"
              type="date"
              className="form-input"
              min={copenhagenToday()}
              aria-invalid={required.invalid('request-due')}
              value={draft.dueDate}
              onChange={(event) => setDraft({ ...draft, dueDate: event.target.value })}
            />
          </Field>
          <Field id="request-legal-basis" label={t('request.legalBasis')} required>
            <select
              id="request-legal-basis"
              className="form-select"
              aria-invalid={required.invalid('request-legal-basis')}
              value={draft.legalBasis}
              onChange={(event) => setDraft({ ...draft, legalBasis: event.target.value })}
            >
              <option value="">{t('request.chooseLegalBasis')}</option>
              {legalBases.data.items.map((basis) => (
                <option key={basis.code} value={basis.code}>
                  {basis.name[language]}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <FormButtons submit={t('request.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

// ---- Assess the level -----------------------------------------------------------------------

interface AssessDraft {
  level: SspLevel | null;
  rationale: string;
  assessedOn: string;
}

function AssessForm(props: FormProps) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<AssessDraft>({ level: null, rationale: '', assessedOn: copenhagenToday() });
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: { level: SspLevel; rationale: string; assessedOn: string }) => dialogsApi.assessLevel(props.summary.caseId, revision, body),
    (body) => t('assess.done', { level: body.level }),
  );
  const current = props.summary.sspLevel;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const filled = required.check([
      { id: 'assess-level', label: t('assess.level'), filled: draft.level !== null },
      { id: 'assess-rationale', label: t('assess.rationale'), filled: draft.rationale.trim() !== '' },
      { id: 'assess-on', label: t('assess.assessedOn'), filled: draft.assessedOn !== '' },
    ]);
    if (filled && draft.level !== null) submit({ level: draft.level, rationale: draft.rationale.trim(), assessedOn: draft.assessedOn });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('assess.intro')}</p>
      <p data-testid="assess-current">
        {current
          ? t('assess.current', { level: `${current.level} (${t('case.levelOn', { date: formatDate(current.assessedOn, language) })})` })
          : t('assess.currentNone')}
      </p>
      <DialogProblem write={write} sentWith={sentWith} summary={props.summary} />
      <MissingFields missing={required.labels} />
      <Field id="assess-level" label={t('assess.level')} required>
        <select
          id="assess-level"
          className="form-select"
          autoFocus
          aria-invalid={required.invalid('assess-level')}
          value={draft.level ?? ''}
          onChange={(event) => setDraft({ ...draft, level: event.target.value ? (Number(event.target.value) as SspLevel) : null })}
        >
          <option value="">{t('assess.level')}</option>
          {SSP_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`assess.level.${level}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="assess-rationale" label={t('assess.rationale')} required hint={t('assess.rationaleHint')}>
        <textarea
          id="assess-rationale"
          className="form-input"
          rows={4}
          maxLength={4000}
          aria-describedby="assess-rationale-hint"
          aria-invalid={required.invalid('assess-rationale')}
          value={draft.rationale}
          onChange={(event) => setDraft({ ...draft, rationale: event.target.value })}
        />
      </Field>
      <Field id="assess-on" label={t('assess.assessedOn')} required>
        <input
          id="assess-on"
          type="date"
          className="form-input"
          max={copenhagenToday()}
          aria-invalid={required.invalid('assess-on')}
          value={draft.assessedOn}
          onChange={(event) => setDraft({ ...draft, assessedOn: event.target.value })}
        />
      </Field>
      <FormButtons submit={t('assess.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

// ---- Custody and release --------------------------------------------------------------------

function RoadMapNote({ maps, extra }: { maps: RoadMapReference[] | undefined; extra?: string[] }) {
  const { t, language } = useI18n();
  return (
    <div className="rules" aria-live="polite" data-testid="road-map-note">
      <h3>{t('roadMap.startsTitle')}</h3>
      {maps === undefined ? (
        <Loading />
      ) : maps.length === 0 ? (
        <p>{t('roadMap.startsNone')}</p>
      ) : (
        <ul>
          {maps.map((map) => (
            <li key={map.code}>{t('roadMap.starts', { name: map.name[language], count: map.items.length })}</li>
          ))}
        </ul>
      )}
      {extra?.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

interface CustodyDraft {
  kind: CustodyKind;
  institution: string;
  startedOn: string;
  expectedReleaseOn: string;
}

function CustodyForm(props: FormProps) {
  const { t } = useI18n();
  const { roadMaps } = useDialogReference();
  const summary = props.summary as CaseSummaryWithCustody;
  const [draft, setDraft] = useState<CustodyDraft>({ kind: 'remand', institution: '', startedOn: copenhagenToday(), expectedReleaseOn: '' });
  const [order, setOrder] = useState(false);
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: CustodyDraft) =>
      dialogsApi.startCustody(summary.caseId, revision, {
        kind: body.kind,
        institution: body.institution,
        startedOn: body.startedOn,
        ...(body.expectedReleaseOn ? { expectedReleaseOn: body.expectedReleaseOn } : {}),
      }),
    () => t('custody.done'),
  );
  const starting = roadMaps.data
    ? startingRoadMaps(roadMaps.data.items, 'custody-started', {
        kind: draft.kind,
        startedOn: draft.startedOn,
        expectedReleaseOn: draft.expectedReleaseOn || null,
        on: draft.startedOn || copenhagenToday(),
        birthDate: summary.birthDate,
        programmes: summary.programmes ?? [],
      })
    : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const filled = required.check([
      { id: 'custody-institution', label: t('custody.institution'), filled: draft.institution.trim() !== '' },
      { id: 'custody-started', label: t('custody.startedOn'), filled: draft.startedOn !== '' },
    ]);
    const ordered = !draft.expectedReleaseOn || draft.expectedReleaseOn >= draft.startedOn;
    setOrder(!ordered);
    if (filled && ordered) submit({ ...draft, institution: draft.institution.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogProblem write={write} sentWith={sentWith} summary={summary} />
      <MissingFields missing={required.labels} />
      {order && (
        <p className="alert alert-error" role="alert">
          {t('custody.expectedBeforeStart')}
        </p>
      )}
      <fieldset className="form-group">
        <legend className="form-label">{t('custody.kind')}</legend>
        <ul className="nobullet-list">
          {CUSTODY_KINDS.map((kind) => (
            <li key={kind}>
              <input
                id={`custody-kind-${kind}`}
                type="radio"
                name="custody-kind"
                className="form-radio"
                autoFocus={kind === 'remand'}
                checked={draft.kind === kind}
                onChange={() => setDraft({ ...draft, kind })}
              />
              <label htmlFor={`custody-kind-${kind}`}>{t(`custody.kindOption.${kind}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field id="custody-institution" label={t('custody.institution')} required hint={t('custody.institutionHint')}>
        <input
          id="custody-institution"
          type="text"
          className="form-input"
          maxLength={200}
          aria-describedby="custody-institution-hint"
          aria-invalid={required.invalid('custody-institution')}
          value={draft.institution}
          onChange={(event) => setDraft({ ...draft, institution: event.target.value })}
        />
      </Field>
      <Field id="custody-started" label={t('custody.startedOn')} required>
        <input
          id="custody-started"
          type="date"
          className="form-input"
          max={copenhagenToday()}
          aria-invalid={required.invalid('custody-started')}
          value={draft.startedOn}
          onChange={(event) => setDraft({ ...draft, startedOn: event.target.value })}
        />
      </Field>
      <Field id="custody-expected" label={t('custody.expectedRelease')} hint={t('custody.expectedReleaseHint')}>
        <input
          id="custody-expected"
          type="date"
          className="form-input"
          aria-describedby="custody-expected-hint"
          aria-invalid={order || undefined}
          value={draft.expectedReleaseOn}
          onChange={(event) => setDraft({ ...draft, expectedReleaseOn: event.target.value })}
        />
      </Field>
      <RoadMapNote maps={starting} extra={summary.birthDate === null ? [t('roadMap.ageNote')] : undefined} />
      <FormButtons submit={t('custody.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

function ReleaseForm(props: FormProps) {
  const { t, language } = useI18n();
  const { roadMaps } = useDialogReference();
  const summary = props.summary as CaseSummaryWithCustody;
  const [draft, setDraft] = useState({ releasedOn: copenhagenToday(), conditional: false });
  const required = useRequired();
  const starting = roadMaps.data
    ? startingRoadMaps(roadMaps.data.items, 'released', {
        on: draft.releasedOn || copenhagenToday(),
        birthDate: summary.birthDate,
        programmes: summary.programmes ?? [],
      })
    : undefined;
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: { releasedOn: string; conditional: boolean }) => dialogsApi.releaseFromCustody(summary.caseId, revision, body),
    () => (starting && starting.length > 0 ? t('release.doneRoadMap', { name: starting.map((map) => map.name[language]).join(', ') }) : t('release.done')),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (required.check([{ id: 'release-on', label: t('release.releasedOn'), filled: draft.releasedOn !== '' }])) submit(draft);
  };
  const custody = summary.custody;
  return (
    <form onSubmit={onSubmit} noValidate>
      {custody && custody.status !== 'none' && <p>{heldText(custody, t, language)}</p>}
      <DialogProblem write={write} sentWith={sentWith} summary={summary} />
      <MissingFields missing={required.labels} />
      <Field id="release-on" label={t('release.releasedOn')} required>
        <input
          id="release-on"
          type="date"
          className="form-input"
          autoFocus
          min={custody?.startedOn}
          max={copenhagenToday()}
          aria-invalid={required.invalid('release-on')}
          value={draft.releasedOn}
          onChange={(event) => setDraft({ ...draft, releasedOn: event.target.value })}
        />
      </Field>
      <ul className="nobullet-list form-group">
        <li>
          <input
            id="release-conditional"
            type="checkbox"
            className="form-checkbox"
            checked={draft.conditional}
            onChange={(event) => setDraft({ ...draft, conditional: event.target.checked })}
          />
          <label htmlFor="release-conditional">{t('release.conditional')}</label>
        </li>
      </ul>
      <RoadMapNote maps={starting} extra={[t('roadMap.custodyEnds')]} />
      <FormButtons submit={t('release.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

// ---- The expected release date changes (sentence calculated, appeal, parole) -------------------

function ExpectedReleaseForm(props: FormProps) {
  const { t, language } = useI18n();
  const summary = props.summary as CaseSummaryWithCustody;
  const custody = summary.custody;
  const [draft, setDraft] = useState({ expectedReleaseOn: custody?.expectedReleaseOn ?? '' });
  const [problem, setProblem] = useState<string | null>(null);
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: { expectedReleaseOn: string }) => dialogsApi.changeExpectedRelease(summary.caseId, revision, body),
    (body) => t('expectedRelease.done', { date: formatDate(body.expectedReleaseOn, language) }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!required.check([{ id: 'expected-release-on', label: t('expectedRelease.on'), filled: draft.expectedReleaseOn !== '' }])) return;
    if (custody?.startedOn && draft.expectedReleaseOn < custody.startedOn) {
      setProblem(t('custody.expectedBeforeStart'));
      document.getElementById('expected-release-on')?.focus();
      return;
    }
    setProblem(null);
    submit(draft);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {custody && custody.status !== 'none' && (
        <p>
          {heldText(custody, t, language)} {expectedText(custody, t, language)}
        </p>
      )}
      <p>{t('expectedRelease.intro')}</p>
      <DialogProblem write={write} sentWith={sentWith} summary={summary} />
      <MissingFields missing={required.labels} />
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      <Field id="expected-release-on" label={t('expectedRelease.on')} required>
        <input
          id="expected-release-on"
          type="date"
          className="form-input"
          autoFocus
          min={custody?.startedOn}
          aria-invalid={required.invalid('expected-release-on') || problem !== null}
          value={draft.expectedReleaseOn}
          onChange={(event) => setDraft({ expectedReleaseOn: event.target.value })}
        />
      </Field>
      <FormButtons submit={t('expectedRelease.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

// ---- A charge (the police) ------------------------------------------------------------------

function ChargeForm(props: FormProps) {
  const { t, language } = useI18n();
  const { offenceCategories } = useDialogReference();
  const [draft, setDraft] = useState({ offenceCategory: '', chargedOn: copenhagenToday() });
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: { offenceCategory: string; chargedOn: string }) => dialogsApi.recordCharge(props.summary.caseId, revision, body),
    (body) =>
      t('charge.done', {
        category: offenceCategories.data?.items.find((item) => item.code === body.offenceCategory)?.name[language] ?? body.offenceCategory,
        date: formatDate(body.chargedOn, language),
      }),
  );
  if (offenceCategories.isPending) return <Loading />;
  if (offenceCategories.isError) return <ErrorAlert error={offenceCategories.error} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const filled = required.check([
      { id: 'charge-category', label: t('charge.category'), filled: draft.offenceCategory !== '' },
      { id: 'charge-on', label: t('charge.chargedOn'), filled: draft.chargedOn !== '' },
    ]);
    if (filled) submit(draft);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('charge.intro')}</p>
      <DialogProblem write={write} sentWith={sentWith} summary={props.summary} />
      <MissingFields missing={required.labels} />
      <Field id="charge-category" label={t('charge.category')} required>
        <select
          id="charge-category"
          className="form-select"
          autoFocus
          aria-invalid={required.invalid('charge-category')}
          value={draft.offenceCategory}
          onChange={(event) => setDraft({ ...draft, offenceCategory: event.target.value })}
        >
          <option value="">{t('charge.chooseCategory')}</option>
          {offenceCategories.data.items.map((category) => (
            <option key={category.code} value={category.code}>
              {category.dangerousToPersons ? `${category.name[language]} ${t('charge.dangerous')}` : category.name[language]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="charge-on" label={t('charge.chargedOn')} required>
        <input
          id="charge-on"
          type="date"
          className="form-input"
          max={copenhagenToday()}
          aria-invalid={required.invalid('charge-on')}
          value={draft.chargedOn}
          onChange={(event) => setDraft({ ...draft, chargedOn: event.target.value })}
        />
      </Field>
      <FormButtons submit={t('charge.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

// ---- Employment -----------------------------------------------------------------------------

function EmploymentForm(props: FormProps) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<{ kind: EmploymentKind; startedOn: string }>({ kind: 'ordinary', startedOn: copenhagenToday() });
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, body: { kind: EmploymentKind; startedOn: string }) => dialogsApi.startEmployment(props.summary.caseId, revision, body),
    (body) => t('employment.done', { kind: t(`employment.kind.${body.kind}`), date: formatDate(body.startedOn, language) }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (required.check([{ id: 'employment-started', label: t('employment.startedOn'), filled: draft.startedOn !== '' }])) submit(draft);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogProblem write={write} sentWith={sentWith} summary={props.summary} />
      <MissingFields missing={required.labels} />
      <fieldset className="form-group">
        <legend className="form-label">{t('employment.kind')}</legend>
        <ul className="nobullet-list">
          {EMPLOYMENT_KINDS.map((kind) => (
            <li key={kind}>
              <input
                id={`employment-kind-${kind}`}
                type="radio"
                name="employment-kind"
                className="form-radio"
                autoFocus={kind === 'ordinary'}
                checked={draft.kind === kind}
                onChange={() => setDraft({ ...draft, kind })}
              />
              <label htmlFor={`employment-kind-${kind}`}>{t(`employment.kind.${kind}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field id="employment-started" label={t('employment.startedOn')} required>
        <input
          id="employment-started"
          type="date"
          className="form-input"
          max={copenhagenToday()}
          aria-invalid={required.invalid('employment-started')}
          value={draft.startedOn}
          onChange={(event) => setDraft({ ...draft, startedOn: event.target.value })}
        />
      </Field>
      <FormButtons submit={t('employment.submit')} busy={write.isPending || props.reloading} conflict={write.conflict} onCancel={props.onCancel} />
    </form>
  );
}

// ---- Requests to the reader's agency, and the answer dialog ---------------------------------

interface OpenRequest {
  requestId: string;
  fromAgency: string;
  question: string | null;
  dueOn: string | null;
  outcome: string | null;
  doneOn: string | null;
}

/**
 * Requests for information addressed to the reader's agency on this case, from the timeline (the
 * request's row carries the question, its answer row the due date and the outcome), each open one
 * with its answer button.
 */
export function RequestsToUs(props: CaseWriteProps & { position: { readonly current: string | undefined } }) {
  const { t, language } = useI18n();
  const { summary, user } = props;
  const [answering, setAnswering] = useState<OpenRequest | null>(null);
  const [done, setDone] = useState('');
  // The case page's own timeline query (same key and reader): one fetch, the same rows.
  const timeline = useQuery({
    queryKey: ['case', summary.caseId, 'timeline', language],
    queryFn: () => api.timeline(summary.caseId, language, props.position.current),
    retry: false,
  });
  const agencies = useReference().agencies;
  if (user.roles.includes('auditor') || !summary.agencies.includes(user.agency)) return null;
  // relatedId: the request's id on both of its rows (in the API's answer; api.ts's type predates it).
  const items = (timeline.data?.items ?? []) as (TimelineItem & { relatedId?: string | null })[];
  const questions = new Map(items.filter((item) => item.kind === 'information-request').map((item) => [item.relatedId, item]));
  const ours: OpenRequest[] = items
    .filter((item) => item.kind === 'information-answer' && item.ownerAgency === user.agency && item.relatedId)
    .map((item) => {
      const asked = questions.get(item.relatedId);
      return {
        requestId: item.relatedId!,
        fromAgency: asked?.ownerAgency ?? '',
        question: typeof asked?.detail === 'string' ? asked.detail : null,
        dueOn: item.dueOn,
        outcome: item.resolution,
        doneOn: item.doneOn,
      };
    });
  const open = summary.status === 'open';
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('requests.title')}</h2>
      <p role="status" aria-live="polite" data-testid="request-done">
        {done}
      </p>
      {timeline.isPending && <Loading />}
      {timeline.isError && <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.data && ours.length === 0 && <p>{t('requests.empty')}</p>}
      {ours.length > 0 && (
        <table className="table table--compact" data-testid="requests-to-us">
          <caption className="sr-only">{t('requests.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('requests.from')}</th>
              <th scope="col">{t('requests.question')}</th>
              <th scope="col">{t('requests.due')}</th>
              <th scope="col">{t('requests.state')}</th>
            </tr>
          </thead>
          <tbody>
            {ours.map((request) => (
              <tr key={request.requestId}>
                <th scope="row">{request.fromAgency}</th>
                <td>{request.question ?? ''}</td>
                <td>{formatDate(request.dueOn, language)}</td>
                <td>
                  {request.outcome === 'answered' ? (
                    t('requests.answered', { date: formatDate(request.doneOn, language) })
                  ) : request.outcome === 'declined' ? (
                    t('requests.declined', { date: formatDate(request.doneOn, language) })
                  ) : (
                    <>
                      <span className="status status--overdue">{t('requests.open')}</span>{' '}
                      {open && request.outcome === null && (
                        <button
                          type="button"
                          className="button button-primary button-small"
                          aria-label={t('requests.answer', { agency: agencyLabel(request.fromAgency, agencies.data?.items, language) })}
                          onClick={() => setAnswering(request)}
                        >
                          {t('requests.answerShort')}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog title={t('answer.title')} open={answering !== null} onClose={() => setAnswering(null)} initialFocus="answer-text">
        {answering && (
          <AnswerForm
            {...props}
            request={answering}
            onCancel={() => setAnswering(null)}
            onDone={(text) => {
              setAnswering(null);
              setDone(text);
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

type Reply = { kind: 'answer'; answer: string } | { kind: 'decline'; reason: DeclineReason; note: string };

function AnswerForm(props: FormProps & { request: OpenRequest }) {
  const { t, language } = useI18n();
  const { request } = props;
  const [how, setHow] = useState<'answer' | 'decline'>('answer');
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState<DeclineReason>('no-information');
  const [note, setNote] = useState('');
  const required = useRequired();
  const { write, submit, sentWith } = useDialogWrite(
    props,
    (revision, reply: Reply) =>
      reply.kind === 'answer'
        ? dialogsApi.answerRequest(props.summary.caseId, revision, request.requestId, reply.answer)
        : dialogsApi.declineRequest(props.summary.caseId, revision, request.requestId, reply.reason, reply.note || undefined),
    (reply) => t(reply.kind === 'answer' ? 'answer.done' : 'answer.doneDecline', { agency: request.fromAgency }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (how === 'decline') return submit({ kind: 'decline', reason, note: note.trim() });
    if (required.check([{ id: 'answer-text', label: t('answer.answer'), filled: answer.trim() !== '' }])) submit({ kind: 'answer', answer: answer.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="rules">
        <p>{t('answer.asked', { agency: request.fromAgency, date: formatDate(request.dueOn, language) })}</p>
        <blockquote data-testid="answer-question">{request.question ?? ''}</blockquote>
      </div>
      <DialogProblem write={write} sentWith={sentWith} summary={props.summary} />
      <MissingFields missing={required.labels} />
      <fieldset className="form-group">
        <legend className="form-label">{t('answer.how')}</legend>
        <ul className="nobullet-list">
          {(['answer', 'decline'] as const).map((choice) => (
            <li key={choice}>
              <input
                id={`answer-how-${choice}`}
                type="radio"
                name="answer-how"
                className="form-radio"
                checked={how === choice}
                onChange={() => setHow(choice)}
              />
              <label htmlFor={`answer-how-${choice}`}>{t(choice === 'answer' ? 'answer.howAnswer' : 'answer.howDecline')}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {how === 'answer' ? (
        <Field id="answer-text" label={t('answer.answer')} required hint={t('answer.answerHint')}>
          <textarea
            id="answer-text"
            className="form-input"
            rows={5}
            maxLength={4000}
            autoFocus
            aria-describedby="answer-text-hint"
            aria-invalid={required.invalid('answer-text')}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
        </Field>
      ) : (
        <>
          <Field id="answer-reason" label={t('answer.reason')} required>
            <select id="answer-reason" className="form-select" value={reason} onChange={(event) => setReason(event.target.value as DeclineReason)}>
              {DECLINE_REASONS.map((code) => (
                <option key={code} value={code}>
                  {t(`answer.reason.${code}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="answer-note" label={t('answer.note')}>
            <textarea id="answer-note" className="form-input" rows={3} maxLength={4000} value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
        </>
      )}
      <FormButtons
        submit={t(how === 'answer' ? 'answer.submit' : 'answer.submitDecline')}
        busy={write.isPending || props.reloading}
        conflict={write.conflict}
        onCancel={props.onCancel}
      />
    </form>
  );
}
