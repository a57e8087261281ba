import type { ReferenceData } from '@samvirke/reference-data';
import type { CitizenCopy, CopiedValue } from './citizen-copy';
import { CopyNames, formatCalendarDate, formatInstant, formatInstantDate, type CopyLanguage } from './citizen-copy-language';
import { tellEvent, type EventSentence } from './citizen-copy-sentences';

export type CopyReferenceData = Pick<
  ReferenceData,
  'agencies' | 'programmes' | 'districts' | 'cityDistricts' | 'offenceCategories' | 'legalBases' | 'progressionScale'
>;

const WORDS = {
  da: {
    title: 'Indsigt i dine oplysninger i Samvirke',
    intro:
      'Her er en kopi af de oplysninger, Københavns Kommune og de andre myndigheder i SSP+ har registreret om dig i Samvirke, og hvem der har set dem. Du har ret til kopien efter databeskyttelsesforordningens artikel 15.',
    made: 'Kopien er lavet',
    you: 'Om dig',
    name: 'Navn',
    cpr: 'CPR-nummer',
    birthDate: 'Fødselsdato',
    district: 'Område',
    yourCase: 'Din sag',
    caseNumber: 'Sagsnummer',
    status: 'Status',
    statuses: { 'not-opened': 'Ikke oprettet', open: 'Åben', closed: 'Lukket' } as Record<string, string>,
    opened: 'Oprettet',
    closed: 'Lukket',
    referredBy: 'Henvist af',
    agencies: 'Myndigheder på sagen',
    erasures: 'Slettede oplysninger',
    erasureScope: (scope: string, names: CopyNames) => (scope === 'citizen' ? 'Dine personoplysninger' : `Oplysningerne fra ${names.agency(scope)}`),
    history: 'Hvad der er sket i din sag',
    historyCaption: 'Hver hændelse med datoen, den skete, og tidspunktet, den blev registreret i Samvirke.',
    happened: 'Skete',
    what: 'Hvad der skete',
    recorded: 'Registreret',
    access: 'Hvem har set din sag og hvorfor',
    accessCaption: 'Myndighederne, der har åbnet din sag; enkelte medarbejdere nævnes ikke.',
    accessNone: 'Ingen har set din sag endnu.',
    accessUnavailable: 'Denne installation fører ingen adgangslog. Spørg kommunen om oplysninger om, hvem der har set din sag.',
    when: 'Hvornår',
    agency: 'Myndighed',
    did: 'Hvad',
    why: 'Hvorfor',
    actions: {
      read: 'Læste sagen',
      search: 'Søgte og fandt sagen',
      export: 'Lavede en kopi af sagen',
      change: 'Ændrede sagen',
      notify: 'Fik besked om sagen',
      'open-seal': 'Åbnede din beskyttede identitet med en begrundelse',
    } as Record<string, string>,
    purposes: {
      'case-work': 'Sagsbehandling',
      coordination: 'Koordinering mellem myndighederne',
      audit: 'Kontrol (revision)',
      'citizen-access-request': 'Din anmodning om indsigt',
      'criminal-investigation': 'Efterforskning (afvist)',
    } as Record<string, string>,
    about: 'Om denne kopi',
    notes: [
      'Oplysningerne vises, som de kan læses i dag. Oplysninger, der er slettet efter reglerne om opbevaring eller på din anmodning, vises som "slettet den DATO".',
      'Oplysninger registreret af politiet eller Kriminalforsorgen er omfattet af retshåndhævelsesloven, og deres indhold vises ikke her. Du kan bede den myndighed direkte om indsigt i dem.',
      'Oversigten over, hvem der har set din sag, nævner myndigheder, ikke enkelte medarbejdere.',
    ],
    available: '',
    erased: (date: string) => `Slettet den ${date}`,
    withheld: (agency: string) =>
      `Indholdet vises ikke her, fordi det er registreret af ${agency} efter retshåndhævelsesloven. Spørg ${agency}, hvis du vil se det.`,
    unreadable: 'Kan ikke læses',
  },
  en: {
    title: 'Your data in Samvirke: your copy',
    intro:
      'This is a copy of the information the City of Copenhagen and the other authorities in SSP+ have recorded about you in Samvirke, and of who has seen it. You are entitled to it under Article 15 of the General Data Protection Regulation.',
    made: 'Copy made',
    you: 'About you',
    name: 'Name',
    cpr: 'CPR number',
    birthDate: 'Date of birth',
    district: 'Area',
    yourCase: 'Your case',
    caseNumber: 'Case number',
    status: 'Status',
    statuses: { 'not-opened': 'Not opened', open: 'Open', closed: 'Closed' } as Record<string, string>,
    opened: 'Opened',
    closed: 'Closed',
    referredBy: 'Referred by',
    agencies: 'Authorities on the case',
    erasures: 'Erased information',
    erasureScope: (scope: string, names: CopyNames) => (scope === 'citizen' ? 'Your personal data' : `The information from ${names.agency(scope)}`),
    history: 'What has happened in your case',
    historyCaption: 'Each event with the date it happened and the time it was recorded in Samvirke.',
    happened: 'Happened',
    what: 'What happened',
    recorded: 'Recorded',
    access: 'Who has seen your case and why',
    accessCaption: 'The authorities that opened your case; individual employees are not named.',
    accessNone: 'No one has seen your case yet.',
    accessUnavailable: 'This installation keeps no access log. Ask the municipality who has seen your case.',
    when: 'When',
    agency: 'Authority',
    did: 'What',
    why: 'Why',
    actions: {
      read: 'Read the case',
      search: 'Searched and found the case',
      export: 'Made a copy of the case',
      change: 'Changed the case',
      notify: 'Was notified about the case',
      'open-seal': 'Opened your protected identity, stating a reason',
    } as Record<string, string>,
    purposes: {
      'case-work': 'Case work',
      coordination: 'Coordination between the authorities',
      audit: 'Audit',
      'citizen-access-request': 'Your request for access',
      'criminal-investigation': 'Criminal investigation (refused)',
    } as Record<string, string>,
    about: 'About this copy',
    notes: [
      'Information is shown as it can be read today. Information erased under the retention rules or at your request shows as "erased on DATE".',
      'Information recorded by the police or the Prison and Probation Service falls under the law-enforcement data act (retshåndhævelsesloven); its content is not shown here. Ask that authority directly for access to it.',
      'The list of who has seen your case names authorities, not individual employees.',
    ],
    available: '',
    erased: (date: string) => `Erased on ${date}`,
    withheld: (agency: string) => `Not shown here: recorded by ${agency} under the law-enforcement data act. Ask ${agency} if you want to see it.`,
    unreadable: 'Cannot be read',
  },
} as const;

/**
 * The citizen's copy as one printable HTML page a citizen can read: plain sentences in Danish (or
 * English), names instead of codes, Copenhagen dates. Every value from the case goes through
 * `escapeHtml`, because summaries and notes are free text typed by staff (and could hold anything,
 * markup included). No script, no external resource: the page must print and open offline, and is
 * what the PDF is printed from.
 */
export function renderCitizenCopyHtml(copy: CitizenCopy, reference: CopyReferenceData, lang: CopyLanguage = 'da'): string {
  const w = WORDS[lang];
  const names = new CopyNames(reference, lang);
  const value = (copied: CopiedValue, agency: string | null) => renderValue(copied, agency, names);
  const rows = (pairs: Array<[string, string]>) =>
    pairs
      .filter(([, cell]) => cell !== '')
      .map(([label, cell]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${cell}</td></tr>`)
      .join('');
  const instant = (iso: string | null) => (iso ? escapeHtml(formatInstant(iso, lang)) : '');

  const events = copy.events
    .map((event) => {
      const told = tellEvent(event, names);
      const details = told.details
        .map((item) => `<p class="detail"><span class="label">${escapeHtml(item.label)}:</span> ${value(item.value, event.agency)}</p>`)
        .join('');
      return `<tr><td class="date">${escapeHtml(happenedText(told, event.recordedAt, lang))}</td><td><p class="sentence">${escapeHtml(told.text)}</p>${details}</td><td class="date">${instant(event.recordedAt)}</td></tr>`;
    })
    .join('\n');

  const access = copy.accessReport.available
    ? copy.accessReport.lines.length === 0
      ? `<p>${escapeHtml(w.accessNone)}</p>`
      : `<table class="access"><caption>${escapeHtml(w.accessCaption)}</caption><thead><tr><th scope="col">${w.when}</th><th scope="col">${w.agency}</th><th scope="col">${w.did}</th><th scope="col">${w.why}</th></tr></thead><tbody>${copy.accessReport.lines
          .map(
            (line) =>
              `<tr><td class="date">${instant(line.at)}</td><td>${escapeHtml(names.agency(line.agency))}</td><td>${escapeHtml(w.actions[line.action] ?? line.action)}</td><td>${escapeHtml(w.purposes[line.purpose] ?? line.purpose)}</td></tr>`,
          )
          .join('')}</tbody></table>`
    : `<p>${escapeHtml(w.accessUnavailable)}</p>`;

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title>
<style>
body { font-family: "IBM Plex Sans", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
caption { text-align: left; color: #454545; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid #b0b0b0; padding: .4rem .5rem; text-align: left; vertical-align: top; }
th[scope="row"] { width: 14rem; font-weight: 600; }
td.date { white-space: nowrap; width: 11rem; }
p { margin: 0 0 .3rem; } .label { font-weight: 600; }
.detail { margin-left: 1rem; }
.note { color: #454545; font-style: italic; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.intro)}</p>
<p>${escapeHtml(w.made)}: ${instant(copy.generatedAt)}.</p>
<h2>${escapeHtml(w.you)}</h2>
<table>${rows([
    [w.name, value(copy.citizen.name, null)],
    [w.cpr, value(copy.citizen.cpr, null)],
    [w.birthDate, copy.citizen.birthDate ? escapeHtml(formatCalendarDate(copy.citizen.birthDate, lang)) : ''],
    [w.district, escapeHtml(names.district(copy.citizen.districtCode))],
  ])}</table>
<h2>${escapeHtml(w.yourCase)}</h2>
<table>${rows([
    [w.caseNumber, escapeHtml(copy.caseId)],
    [w.status, escapeHtml(w.statuses[copy.case.status] ?? copy.case.status)],
    [w.opened, instant(copy.case.openedAt)],
    [w.closed, instant(copy.case.closedAt)],
    [w.referredBy, copy.case.referredBy ? escapeHtml(names.agency(copy.case.referredBy)) : ''],
    [w.agencies, escapeHtml(names.agencies(copy.case.agencies))],
    [
      w.erasures,
      escapeHtml(copy.case.erasures.map((erasure) => `${w.erasureScope(erasure.scope, names)}: ${formatInstantDate(erasure.erasedAt, lang)}`).join('; ')),
    ],
  ])}</table>
<h2>${escapeHtml(w.history)}</h2>
<table class="history"><caption>${escapeHtml(w.historyCaption)}</caption>
<thead><tr><th scope="col">${w.happened}</th><th scope="col">${w.what}</th><th scope="col">${w.recorded}</th></tr></thead>
<tbody>
${events}
</tbody></table>
<h2>${escapeHtml(w.access)}</h2>
${access}
<h2>${escapeHtml(w.about)}</h2>
<ul>${w.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>
</main>
</body>
</html>
`;

  function renderValue(copied: CopiedValue, agency: string | null, lookup: CopyNames): string {
    if (copied.status === 'available') return escapeHtml(copied.value);
    if (copied.status === 'unreadable') return `<span class="note">${escapeHtml(w.unreadable)}</span>`;
    if (copied.status === 'withheld') return `<span class="note">${escapeHtml(w.withheld(lookup.agency(agency)))}</span>`;
    // The note is "erased on yyyy-mm-dd" (the date the key was destroyed).
    const erasedOn = /\d{4}-\d{2}-\d{2}/.exec(copied.note)?.[0];
    return `<span class="note">${escapeHtml(erasedOn ? w.erased(formatCalendarDate(erasedOn, lang)) : copied.note)}</span>`;
  }
}

/** The day an event happened; an event whose day is unknown is dated by its recording. */
function happenedText(told: EventSentence, recordedAt: string, lang: CopyLanguage): string {
  if ('date' in told.happened) return formatCalendarDate(told.happened.date, lang);
  return formatInstantDate(told.happened.instant || recordedAt, lang);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => `&#${character.charCodeAt(0)};`);
}
