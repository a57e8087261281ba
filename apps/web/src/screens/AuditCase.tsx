import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type AccessReport, type AuditHistoryEntry, type ChainVerification } from '../api';
import { formatDate, formatDateTime } from '../format';
import { useI18n, type Language } from '../i18n';
import { Link } from '../router';
import { ErrorAlert, Loading } from './common';

/**
 * The auditor's part of a case page: whether the case's hash chain still verifies, the history told
 * in sentences (those of the citizen's copy, with who did it), who has read the case and why, and the
 * citizen's copy to hand out. Its texts live here (both languages, checked by the compiler like the
 * console's dictionary) so this screen stays in its own file.
 */
const da = {
  heading: 'Revision',
  verification: 'Kontrol af hændelseskæden',
  verified: 'Kæden er intakt: {count} hændelser er kontrolleret, og ingen er ændret, mangler eller er flyttet.',
  broken: 'Kæden er brudt ved hændelse nr. {revision}: {problem}.',
  'problem.hash-mismatch': 'hændelsen er ændret, efter den blev registreret',
  'problem.revision-gap': 'en hændelse mangler eller står forkert',
  'problem.head-mismatch': 'sagens sidste hændelse er ikke den, kæden slutter med',
  verifyUnavailable: 'Denne installation kan ikke kontrollere kæden (den kræver PostgreSQL-hændelseslageret).',
  history: 'Sagens historik',
  historyCaption: 'Hver hændelse i sagen: hvornår den skete, hvad der skete, hvem der gjorde det, og hvornår den blev registreret',
  happened: 'Skete',
  what: 'Hvad der skete',
  who: 'Myndighed og bruger',
  recorded: 'Registreret',
  access: 'Hvem har læst sagen',
  accessCaption: 'Myndighedernes opslag i sagen fra adgangsloggen',
  accessNone: 'Ingen opslag er registreret.',
  when: 'Hvornår',
  agency: 'Myndighed',
  action: 'Handling',
  purpose: 'Formål',
  copy: 'Borgerens kopi (indsigt)',
  copyIntro: 'Kopien, borgeren har ret til, på dansk eller engelsk. Udleveringen registreres i adgangsloggen.',
  copyHtml: 'Åbn kopien (dansk)',
  copyPdf: 'Hent kopien som PDF (dansk)',
  copyPdfEn: 'Hent kopien som PDF (engelsk)',
  'action.read': 'Læste',
  'action.search': 'Søgte',
  'action.export': 'Udleverede',
  'action.change': 'Ændrede',
  'action.notify': 'Fik besked',
  'purpose.case-work': 'Sagsbehandling',
  'purpose.coordination': 'Koordinering',
  'purpose.audit': 'Revision',
  'purpose.citizen-access-request': 'Borgerens anmodning om indsigt',
  'purpose.criminal-investigation': 'Efterforskning',
};
type AuditText = keyof typeof da;
const en: Record<AuditText, string> = {
  heading: 'Audit',
  verification: 'Hash-chain check',
  verified: 'The chain is intact: {count} events checked, none altered, missing or moved.',
  broken: 'The chain is broken at event no. {revision}: {problem}.',
  'problem.hash-mismatch': 'the event was altered after it was recorded',
  'problem.revision-gap': 'an event is missing or out of place',
  'problem.head-mismatch': "the case's last event is not the one the chain ends with",
  verifyUnavailable: 'This installation cannot check the chain (it needs the PostgreSQL event store).',
  history: "The case's history",
  historyCaption: 'Every event of the case: when it happened, what happened, who did it, and when it was recorded',
  happened: 'Happened',
  what: 'What happened',
  who: 'Authority and user',
  recorded: 'Recorded',
  access: 'Who has read the case',
  accessCaption: "The authorities' look-ups of the case from the access log",
  accessNone: 'No look-ups are recorded.',
  when: 'When',
  agency: 'Authority',
  action: 'Action',
  purpose: 'Purpose',
  copy: "The citizen's copy (right of access)",
  copyIntro: 'The copy the citizen is entitled to, in Danish or English. Handing it out is recorded in the access log.',
  copyHtml: 'Open the copy (Danish)',
  copyPdf: 'Download the copy as PDF (Danish)',
  copyPdfEn: 'Download the copy as PDF (English)',
  'action.read': 'Read',
  'action.search': 'Searched',
  'action.export': 'Handed out',
  'action.change': 'Changed',
  'action.notify': 'Was notified',
  'purpose.case-work': 'Case work',
  'purpose.coordination': 'Coordination',
  'purpose.audit': 'Audit',
  'purpose.citizen-access-request': "The citizen's request for access",
  'purpose.criminal-investigation': 'Criminal investigation',
};
const TEXTS: Record<Language, Record<AuditText, string>> = { da, en };

function useAuditText() {
  const { language } = useI18n();
  return {
    language,
    say: (key: AuditText, values: Record<string, string | number> = {}) =>
      TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
    known: (key: string): key is AuditText => key in da,
  };
}

export function AuditSections({ caseId }: { caseId: string }) {
  const { say } = useAuditText();
  const { t } = useI18n();
  return (
    <section aria-labelledby="audit-heading" data-testid="audit">
      <h2 id="audit-heading">{say('heading')}</h2>
      <p>
        <Link href={`/app/audit/cases/${caseId}/time`}>{t('auditTime.link')}</Link>
      </p>
      <Verification caseId={caseId} />
      <History caseId={caseId} />
      <Access caseId={caseId} />
      <h3>{say('copy')}</h3>
      <p>{say('copyIntro')}</p>
      <ul className="nobullet-list">
        <li>
          <a href={api.citizenCopyUrl(caseId, 'html', 'da')}>{say('copyHtml')}</a>
        </li>
        <li>
          <a href={api.citizenCopyUrl(caseId, 'pdf', 'da')} download>
            {say('copyPdf')}
          </a>
        </li>
        <li>
          <a href={api.citizenCopyUrl(caseId, 'pdf', 'en')} download>
            {say('copyPdfEn')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function Verification({ caseId }: { caseId: string }) {
  const { say } = useAuditText();
  const result = useQuery({ queryKey: ['audit', caseId, 'verification'], queryFn: () => api.chainVerification(caseId), retry: false });
  return (
    <>
      <h3>{say('verification')}</h3>
      {result.isPending && <Loading />}
      {result.isError &&
        (result.error instanceof ApiError && result.error.status === 501 ? (
          <p>{say('verifyUnavailable')}</p>
        ) : (
          <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
        ))}
      {result.data && <VerificationResult result={result.data} />}
    </>
  );
}

function VerificationResult({ result }: { result: ChainVerification }) {
  const { say } = useAuditText();
  if (result.ok) {
    return (
      <div className="alert alert-success" data-testid="verification">
        <div className="alert-body">
          <p className="alert-text">{say('verified', { count: result.eventsChecked })}</p>
        </div>
      </div>
    );
  }
  const broken = result.firstBroken;
  return (
    <div className="alert alert-error" role="alert" data-testid="verification">
      <div className="alert-body">
        <p className="alert-text">{say('broken', { revision: broken?.revision ?? '?', problem: say(`problem.${broken?.problem ?? 'hash-mismatch'}`) })}</p>
      </div>
    </div>
  );
}

function History({ caseId }: { caseId: string }) {
  const { say, language } = useAuditText();
  const history = useQuery({ queryKey: ['audit', caseId, 'history', language], queryFn: () => api.auditHistory(caseId, language), retry: false });
  return (
    <>
      <h3>{say('history')}</h3>
      {history.isPending && <Loading />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        <table className="table table--compact" data-testid="audit-history">
          <caption className="sr-only">{say('historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('happened')}</th>
              <th scope="col">{say('what')}</th>
              <th scope="col">{say('who')}</th>
              <th scope="col">{say('recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.events.map((entry) => (
              <HistoryRow key={entry.eventId} entry={entry} language={language} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function HistoryRow({ entry, language }: { entry: AuditHistoryEntry; language: Language }) {
  const happened = 'date' in entry.happened ? formatDate(entry.happened.date, language) : formatDate(entry.happened.instant, language);
  return (
    <tr>
      <td>{happened}</td>
      <td>
        <p className="audit-sentence">{entry.text}</p>
        {entry.details.map((detail, index) => (
          <p key={index} className="audit-detail">
            <strong>{detail.label}:</strong> {detail.text}
          </p>
        ))}
      </td>
      <td>
        {entry.agencyName}
        {entry.actor && <div className="text-muted">{entry.actor}</div>}
      </td>
      <td>{formatDateTime(entry.recordedAt, language)}</td>
    </tr>
  );
}

function Access({ caseId }: { caseId: string }) {
  const { say, known, language } = useAuditText();
  const report = useQuery({ queryKey: ['audit', caseId, 'access'], queryFn: () => api.accessReport(caseId), retry: false });
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return known(key) ? say(key) : value;
  };
  return (
    <>
      <h3>{say('access')}</h3>
      {report.isPending && <Loading />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && report.data.accesses.length === 0 && <p>{say('accessNone')}</p>}
      {report.data && report.data.accesses.length > 0 && (
        <AccessTable
          report={report.data}
          word={word}
          language={language}
          caption={say('accessCaption')}
          headings={[say('when'), say('agency'), say('action'), say('purpose')]}
        />
      )}
    </>
  );
}

function AccessTable({
  report,
  word,
  language,
  caption,
  headings,
}: {
  report: AccessReport;
  word: (prefix: string, value: string) => string;
  language: Language;
  caption: string;
  headings: string[];
}) {
  return (
    <table className="table table--compact" data-testid="access-report">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.accesses.map((line, index) => (
          <tr key={index}>
            <td>{formatDateTime(line.at, language)}</td>
            <td>{line.agencyName}</td>
            <td>{word('action', line.action)}</td>
            <td>{word('purpose', line.purpose)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
