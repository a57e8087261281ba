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
  'escalated-flows' | 'stalled-flows' | 'overdue-items' | 'release-coming-up' | 'no-recent-conference' | 'unacknowledged-information' | 'referral-received';

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

export type NotificationKind =
  'information-shared' | 'information-requested' | 'asked-to-join' | 'referral-received' | 'case-assigned' | 'reminder' | 'escalation';

export interface Notification {
  id: string;
  sequence: string;
  kind: NotificationKind;
  caseId: string;
  recipient: { kind: 'unit' | 'user'; agency: string; entryPoint: string | null; userId: string | null };
  fromAgency: string | null;
  /** information-shared: the entry to acknowledge (null for a sealed identity). */
  entryId: string | null;
  requestId: string | null;
  dueDate: string | null;
  occurredAt: string;
  readAt: string | null;
}

export interface IntakeCase {
  caseId: string;
  referredBy: string;
  referredAt: string;
  ageBand: string | null;
  districtCode: string | null;
  sspLevel: number | null;
  agencies: string[];
}

/** A write's answer: the case's new revision (its ETag) and the position to read your write with. */
export interface CommandAccepted {
  caseId: string;
  revision: number | null;
  position: string | null;
  replayed: boolean;
}

export interface InformationFlowItem {
  kind: 'share' | 'request';
  id: string;
  fromAgency: string;
  toAgency: string;
  sentAt: string;
  sentBy: string;
  outcome: 'acknowledged' | 'answered' | 'declined' | null;
  respondedAt: string | null;
  respondedBy: string | null;
}

export interface LocalName {
  da: string;
  en: string;
}

export interface AgencyReference {
  code: string;
  name: LocalName;
  kind: string;
  entryPoints: { code: string; unit: string }[];
}

export interface LegalBasisReference {
  code: string;
  name: LocalName;
  description: string;
  disclosableToPoliceForInvestigation: boolean;
}

export interface DistrictReference {
  code: string;
  name: string;
  cityDistrict: string;
  geography: string;
}

/** A referral: the citizen and why. The answer never says whether the citizen already had a case. */
export interface Referral {
  cpr: string;
  name: string;
  birthDate: string;
  districtCode: string;
  reason: string;
}

export type SharePurpose = 'crime-prevention' | 'criminal-investigation';
export type Sensitivity = 'normal' | 'sensitive' | 'sealed-identity';

export interface ShareInformation {
  sharedWith: string[];
  legalBasis: string;
  purpose: SharePurpose;
  sensitivity: Sensitivity;
  summary: string;
}

/** An answer other than 2xx: the problem document's status and stable reason (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly requestId?: string,
    /** A 400's fields and what is wrong with them (field names only; nothing the user typed). */
    readonly violations: readonly { field: string; rule: string }[] = [],
    /** A 412's revision of the case now (REVISION_CONFLICT). */
    readonly currentRevision?: number,
  ) {
    super(`${status} ${reason}`);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...extraHeaders };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    const violations = Array.isArray(parsed['violations'])
      ? (parsed['violations'] as unknown[]).flatMap((item) => {
          const { field, rule } = (item ?? {}) as Record<string, unknown>;
          return typeof field === 'string' ? [{ field, rule: typeof rule === 'string' ? rule : '' }] : [];
        })
      : [];
    throw new ApiError(
      response.status,
      typeof parsed['reason'] === 'string' ? parsed['reason'] : 'UNKNOWN',
      typeof parsed['requestId'] === 'string' ? parsed['requestId'] : undefined,
      violations,
      typeof parsed['currentRevision'] === 'number' ? parsed['currentRevision'] : undefined,
    );
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
  /** `consistentWith`: a write's position; the answer then includes that write (read your writes). */
  caseSummary(caseId: string, consistentWith?: string): Promise<CaseSummary> {
    return request('GET', `/cases/${encodeURIComponent(caseId)}${query({ consistentWith })}`);
  },
  timeline(caseId: string, consistentWith?: string): Promise<Page<TimelineItem>> {
    return request('GET', `/cases/${encodeURIComponent(caseId)}/timeline${query({ limit: 200, consistentWith })}`);
  },
  informationFlow(caseId: string, consistentWith?: string): Promise<Page<InformationFlowItem>> {
    return request('GET', `/cases/${encodeURIComponent(caseId)}/information-flow${query({ kind: 'share', limit: 200, consistentWith })}`);
  },
  notifications(params: { state?: 'unread' | 'read'; limit: number; offset: number }): Promise<Page<Notification> & { unread: number }> {
    return request('GET', `/notifications${query(params)}`);
  },
  markNotificationRead(id: string): Promise<Notification> {
    return request('POST', `/notifications/${encodeURIComponent(id)}/read`);
  },
  acknowledgeFromNotification(id: string): Promise<{ notification: Notification; revision: number; position: string; replayed: boolean }> {
    return request('POST', `/notifications/${encodeURIComponent(id)}/acknowledge`);
  },
  /** The live stream of the caller's new notifications (Server-Sent Events, with the session cookie). */
  notificationStream(): EventSource {
    return new EventSource('/notifications/stream', { withCredentials: true });
  },
  intake(params: { limit: number; offset: number }): Promise<Page<IntakeCase>> {
    return request('GET', `/intake${query(params)}`);
  },
  agencies(): Promise<{ items: AgencyReference[] }> {
    return request('GET', '/reference-data/agencies');
  },
  legalBases(): Promise<{ items: LegalBasisReference[] }> {
    return request('GET', '/reference-data/legal-bases');
  },
  districts(): Promise<{ items: DistrictReference[] }> {
    return request('GET', '/reference-data/districts');
  },
  cityDistricts(): Promise<{ items: { code: string; name: string }[] }> {
    return request('GET', '/reference-data/city-districts');
  },
  /** 202 { received: true } whether or not the citizen had a case (no case id, by design). */
  refer(referral: Referral): Promise<{ received: true }> {
    return request('POST', '/cases', referral);
  },
  // ---- Case commands: each sent with the revision the user last saw (If-Match); 412 if the case moved on.
  takeOver(caseId: string, revision: number, coordinator: { coordinatorId: string; agency: string }): Promise<CommandAccepted> {
    return request('POST', `/cases/${encodeURIComponent(caseId)}/coordinator`, coordinator, ifMatch(revision));
  },
  /** Brings an agency onto the case; it takes its usual entry point (reference data) for now. */
  joinCase(caseId: string, revision: number, agency: string): Promise<CommandAccepted> {
    return request('POST', `/cases/${encodeURIComponent(caseId)}/agencies/${encodeURIComponent(agency)}`, {}, ifMatch(revision));
  },
  shareInformation(caseId: string, revision: number, share: ShareInformation): Promise<CommandAccepted> {
    return request('POST', `/cases/${encodeURIComponent(caseId)}/entries`, { entryId: crypto.randomUUID(), ...share }, ifMatch(revision));
  },
  acknowledgeInformation(caseId: string, revision: number, entryId: string): Promise<CommandAccepted> {
    return request('POST', `/cases/${encodeURIComponent(caseId)}/entries/${encodeURIComponent(entryId)}/acknowledgements`, undefined, ifMatch(revision));
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

function ifMatch(revision: number): Record<string, string> {
  return { 'If-Match': `"${revision}"` };
}

/** For modules that add calls of their own (dialogs-api.ts): the same request, CSRF token and If-Match. */
export { request as apiRequest, ifMatch, query as apiQuery };
