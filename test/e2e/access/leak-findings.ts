import type { HttpAnswer } from '../../support/api-child';
import type { MatrixUser } from './access-oracle';

/**
 * How the leak test compares two answers and reports what differs: one line per group of findings
 * (operation, situation, difference), naming the kinds of users it happened to, so a failure reads
 * as a list of leaks rather than a dump of thousands of requests.
 */

/**
 * Headers that differ between any two requests whatever they ask for, so they are left out when a
 * hidden case's answer is compared with a missing one's:
 * - date, x-request-id, x-correlation-id: the moment and the request's own id;
 * - content-length: follows the body, which is compared itself;
 * - connection, keep-alive: the connection, not the answer;
 * - x-ratelimit-* / ratelimit-*: the caller's remaining budget, which moves with every request;
 * - a weak ETag (W/"..."): express's hash of the body, which holds the requested id; it is compared
 *   only for being there. A strong ETag is ours (the case's revision) and is compared as it is.
 */
const PER_REQUEST = new Set(['date', 'x-request-id', 'x-correlation-id', 'content-length', 'connection', 'keep-alive']);
const PER_REQUEST_PATTERN = /^(x-)?ratelimit/i;

export function comparableHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (PER_REQUEST.has(key) || PER_REQUEST_PATTERN.test(key)) return;
    kept[key] = key === 'etag' && value.startsWith('W/') ? 'W/<hash of the body>' : value;
  });
  return kept;
}

/** The answer's text with every value the caller sent (ids, codes) replaced by the name of its field. */
export function maskedText(text: string, sent: ReadonlyMap<string, string>): string {
  let masked = text;
  for (const [value, placeholder] of [...sent].sort((a, b) => b[0].length - a[0].length)) masked = masked.split(value).join(placeholder);
  return masked;
}

function short(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** "404 no case with this id", "422 CASE_CLOSED": the status and what the body says, masked. */
export function describe(answer: HttpAnswer, sent: ReadonlyMap<string, string>): string {
  const body = answer.body && typeof answer.body === 'object' ? (answer.body as Record<string, unknown>) : undefined;
  const said = body ? (body['reason'] ?? body['code'] ?? body['message'] ?? Object.keys(body).join(',')) : answer.text;
  return `${answer.status} ${short(maskedText(typeof said === 'string' ? said : JSON.stringify(said), sent), 70)}`.trim();
}

/** Every way `hidden` can be told apart from `missing` (empty when they cannot). */
export function differences(
  hidden: HttpAnswer,
  hiddenSent: ReadonlyMap<string, string>,
  missing: HttpAnswer,
  missingSent: ReadonlyMap<string, string>,
): string[] {
  const found: string[] = [];
  if (hidden.status !== missing.status) {
    found.push(`status: hidden → ${describe(hidden, hiddenSent)}; missing → ${describe(missing, missingSent)}`);
  } else {
    const a = maskedText(hidden.text, hiddenSent);
    const b = maskedText(missing.text, missingSent);
    if (a !== b) found.push(`body (both ${hidden.status}): hidden ${short(a)} vs missing ${short(b)}`);
  }
  // Headers are compared where the status is the same: a different status is the finding already,
  // and its headers (an ETag of the revision a write made) differ with it.
  if (hidden.status !== missing.status) return found;
  const ha = comparableHeaders(hidden.headers);
  const hb = comparableHeaders(missing.headers);
  for (const name of [...new Set([...Object.keys(ha), ...Object.keys(hb)])].sort()) {
    const a = ha[name] === undefined ? undefined : maskedText(ha[name], hiddenSent);
    const b = hb[name] === undefined ? undefined : maskedText(hb[name], missingSent);
    if (a !== b) found.push(`header ${name}: hidden ${a ?? '(none)'} vs missing ${b ?? '(none)'}`);
  }
  return found;
}

export interface Finding {
  operation: string;
  situation: string;
  difference: string;
  user: MatrixUser;
}

/** "liaison", "coordinator", or the label of a user made for one case ("SOF liaison named on case A"). */
function userKind(user: MatrixUser): string {
  return user.label === `${user.agency} ${user.roles.join('+')}` ? user.roles.join('+') : user.label;
}

/** One line per (operation, situation, difference), with the kinds of users and their agencies. */
export function groupFindings(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const finding of findings) {
    const key = `${finding.operation} [${finding.situation}] ${finding.difference}`;
    const kinds = groups.get(key) ?? new Map<string, Set<string>>();
    const kind = userKind(finding.user);
    kinds.set(kind, (kinds.get(kind) ?? new Set()).add(finding.user.agency));
    groups.set(key, kinds);
  }
  return [...groups]
    .map(
      ([key, kinds]) =>
        `${key} — ${[...kinds].map(([kind, agencies]) => (kind.includes(' ') ? kind : `${kind} (${[...agencies].sort().join(',')})`)).join('; ')}`,
    )
    .sort();
}
