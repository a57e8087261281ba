import type { CitizenCopy, CopiedValue } from './citizen-copy';

/**
 * The citizen's copy as one printable HTML page. Every value from the case goes through `escapeHtml`,
 * because summaries and notes are free text typed by staff (and could hold anything, markup
 * included). No script, no external resource: the page must print and open offline.
 */
export function renderCitizenCopyHtml(copy: CitizenCopy): string {
  const rows = (pairs: Array<[string, string]>) =>
    pairs.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('');
  const events = copy.events
    .map(
      (event) => `<tr><td>${escapeHtml(event.recordedAt.slice(0, 19).replace('T', ' '))}</td><td>${escapeHtml(event.type)}</td><td>${escapeHtml(event.agency ?? 'system')}</td><td>${renderData(event.data)}</td></tr>`,
    )
    .join('\n');
  const access = copy.accessReport.available
    ? copy.accessReport.lines.length === 0
      ? '<p>No access has been recorded.</p>'
      : `<table><thead><tr><th>When</th><th>Agency</th><th>What</th><th>Why</th></tr></thead><tbody>${copy.accessReport.lines
          .map((line) => `<tr><td>${escapeHtml(line.at.slice(0, 19).replace('T', ' '))}</td><td>${escapeHtml(line.agency)}</td><td>${escapeHtml(line.action)}</td><td>${escapeHtml(line.purpose)}</td></tr>`)
          .join('')}</tbody></table>`
    : `<p>${escapeHtml(copy.accessReport.note)}</p>`;

  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Indsigt / Citizen's copy</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
dl { margin: 0; } dt { font-weight: 600; } dd { margin: 0 0 .3rem 1rem; }
.note { color: #555; font-style: italic; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Indsigt / Citizen's copy</h1>
<p>Generated ${escapeHtml(copy.generatedAt.slice(0, 19).replace('T', ' '))} UTC.</p>
<h2>You</h2>
<table>${rows([
    ['Name', renderValue(copy.citizen.name)],
    ['CPR number', renderValue(copy.citizen.cpr)],
    ['Birth date', escapeHtml(copy.citizen.birthDate ?? '')],
    ['District', escapeHtml(copy.citizen.districtCode ?? '')],
  ])}</table>
<h2>Your case</h2>
<table>${rows([
    ['Case', escapeHtml(copy.caseId)],
    ['Status', escapeHtml(copy.case.status)],
    ['Opened', escapeHtml(copy.case.openedAt ?? '')],
    ['Closed', escapeHtml(copy.case.closedAt ?? '')],
    ['Referred by', escapeHtml(copy.case.referredBy ?? '')],
    ['Agencies', escapeHtml(copy.case.agencies.join(', '))],
    ['Erasures', escapeHtml(copy.case.erasures.map((e) => `${e.scope} (${e.reason}) ${e.erasedAt.slice(0, 10)}`).join('; '))],
  ])}</table>
<h2>Everything recorded</h2>
<table><thead><tr><th>When (UTC)</th><th>What</th><th>Recorded by</th><th>Details</th></tr></thead>
<tbody>
${events}
</tbody></table>
<h2>Who has looked at your case</h2>
${access}
<h2>About this copy</h2>
<ul>${copy.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function isCopiedValue(value: unknown): value is CopiedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const status = (value as { status?: unknown }).status;
  const keys = Object.keys(value);
  return (
    (status === 'available' && keys.length === 2 && 'value' in value) ||
    ((status === 'erased' || status === 'withheld') && keys.length === 2 && 'note' in value) ||
    (status === 'unreadable' && keys.length === 1)
  );
}

function renderValue(value: CopiedValue): string {
  if (value.status === 'available') return escapeHtml(value.value);
  if (value.status === 'unreadable') return '<span class="note">unreadable</span>';
  return `<span class="note">${escapeHtml(value.note)}</span>`;
}

function renderData(data: unknown): string {
  if (isCopiedValue(data)) return renderValue(data);
  if (Array.isArray(data)) return data.length === 0 ? '' : `<ol>${data.map((item) => `<li>${renderData(item)}</li>`).join('')}</ol>`;
  if (typeof data === 'object' && data !== null) {
    const entries = Object.entries(data);
    return entries.length === 0 ? '' : `<dl>${entries.map(([key, item]) => `<dt>${escapeHtml(key)}</dt><dd>${renderData(item)}</dd>`).join('')}</dl>`;
  }
  // Objects and arrays were rendered above; JSON holds no other kind of value.
  if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean' || typeof data === 'bigint') return escapeHtml(String(data));
  return '';
}
