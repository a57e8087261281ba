/**
 * The console's one data layer: every call to the API goes through here, so the typed client
 * generated from the OpenAPI document (issue 16) can replace `request` and these types in one place.
 * The browser sends the session cookie (same origin); writes add the session's CSRF token.
 */

export interface SessionUser {
  userId: string;
  agency: string;
  roles: string[];
  displayName: string | null;
}

export type Session = { user: SessionUser; csrfToken: string } | { user: null; signIn: 'available' | 'unavailable' };

export interface Page<T> {
  items: T[];
  page: { limit: number; offset: number; total: number };
}

export type WorklistReason =
  | 'escalated-flows'
  | 'stalled-flows'
  | 'overdue-items'
  | 'release-coming-up'
  | 'no-recent-conference'
  | 'unacknowledged-information'
  | 'referral-received';

export interface WorklistRow {
  caseId: string;
  reasons: WorklistReason[];
  overdueItems: number;
  releaseOn: string | null;
  sspLevel: number | null;
  lastConferenceOn: string | null;
  unacknowledgedInformation: number;
}

export type DisclosedName = { value: string } | { erasedAt: string } | { sealed: true } | { unreadable: true };

export interface CaseSummary {
  caseId: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  name: DisclosedName;
  birthDate: string | null;
  districtCode: string | null;
  ageBand: string | null;
  citizen: { erasedAt: string } | null;
  sspLevel: { level: number; assessedOn: string } | null;
  coordinator: { userId: string; agency: string | null } | null;
  agencies: string[];
  openActions: number;
  openRequests: number;
  lastActivityAt: string;
  revision: number;
}

export type TimelineStatus = 'done' | 'done-late' | 'due' | 'overdue' | 'ended';

export interface TimelineItem {
  itemId: string;
  kind: string;
  on: string;
  dueOn: string | null;
  doneOn: string | null;
  status: TimelineStatus;
  resolution: string | null;
  ownerAgency: string | null;
  title: string | null;
  detail: string | { erasedAt: string } | null;
}

/** One event of a case in words, for auditors (`GET /audit/cases/:caseId/history`). */
export interface AuditHistoryEntry {
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
  happened: { date: string } | { instant: string };
  agency: string | null;
  agencyName: string;
  actor: string | null;
  text: string;
  details: Array<{ label: string; text: string }>;
}

export interface ChainVerification {
  ok: boolean;
  eventsChecked: number;
  firstBroken?: { revision: number | null; eventId: string | null; problem: 'hash-mismatch' | 'revision-gap' | 'head-mismatch' };
}

export interface AccessReport {
  caseId: string;
  accesses: Array<{ agency: string; agencyName: string; at: string; action: string; purpose: string }>;
}

/** An answer other than 2xx: the problem document's status and stable reason (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly requestId?: string,
  ) {
    super(`${status} ${reason}`);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed['reason'] === 'string' ? parsed['reason'] : 'UNKNOWN', typeof parsed['requestId'] === 'string' ? parsed['requestId'] : undefined);
  }
  return parsed as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  async session(): Promise<Session> {
    const session = await request<Session>('GET', '/auth/session');
    csrfToken = session.user ? session.csrfToken : undefined;
    return session;
  },
  /** Ends the session; answers where to go next (the identity provider's sign-out, or the front page). */
  async signOut(): Promise<string> {
    const answer = await request<{ redirectTo: string } | undefined>('POST', '/auth/logout');
    csrfToken = undefined;
    return answer?.redirectTo ?? '/';
  },
  signInUrl(returnTo: string): string {
    return `/auth/login${query({ returnTo })}`;
  },
  worklist(params: { limit: number; offset: number }): Promise<Page<WorklistRow>> {
    return request('GET', `/worklist${query(params)}`);
  },
  cases(params: { limit: number; offset: number }): Promise<Page<CaseSummary>> {
    return request('GET', `/cases${query(params)}`);
  },
  caseSummary(caseId: string): Promise<CaseSummary> {
    return request('GET', `/cases/${encodeURIComponent(caseId)}`);
  },
  timeline(caseId: string): Promise<Page<TimelineItem>> {
    return request('GET', `/cases/${encodeURIComponent(caseId)}/timeline${query({ limit: 200 })}`);
  },
  auditHistory(caseId: string, lang: 'da' | 'en'): Promise<{ events: AuditHistoryEntry[] }> {
    return request('GET', `/audit/cases/${encodeURIComponent(caseId)}/history${query({ lang })}`);
  },
  chainVerification(caseId: string): Promise<ChainVerification> {
    return request('GET', `/audit/cases/${encodeURIComponent(caseId)}/verification`);
  },
  accessReport(caseId: string): Promise<AccessReport> {
    return request('GET', `/cases/${encodeURIComponent(caseId)}/access-report`);
  },
  citizenCopyUrl(caseId: string, format: 'html' | 'pdf', lang: 'da' | 'en'): string {
    return `/cases/${encodeURIComponent(caseId)}/citizen-copy${query({ format, lang })}`;
  },
};
