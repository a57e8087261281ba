import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../clients/typescript/schema';

/**
 * The console's one data layer: every call to the API goes through the typed client generated from
 * the OpenAPI document (clients/typescript, openapi-fetch), so paths, parameters and bodies are
 * checked against the document at compile time, and answers typed by it. The browser sends the
 * session cookie (same origin); writes add the session's CSRF token (a middleware). The BFF's own
 * routes (/auth/*) are not in the document and use `request` below.
 */

type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export interface SessionUser {
  userId: string;
  agency: string;
  roles: string[];
  displayName: string | null;
}

export type Session = { user: SessionUser; csrfToken: string } | { user: null; signIn: 'available' | 'unavailable' };

export type SspRegisterEntry = Omit<Schema<'SspRegisterEntryDto'>, 'name'> & { name: DisclosedName };
export type AgencyDirectory = Schema<'AgencyDirectoryDto'>;
export type DirectoryAgency = Schema<'AgencyDto'>;

export interface Page<T> {
  items: T[];
  page: { limit: number; offset: number; total: number };
}

export type WorklistReason = Schema<'WorklistRowDto'>['reasons'][number];

export type WorklistRow = Omit<Schema<'WorklistRowDto'>, 'name'> & { name: DisclosedName | null };

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

export type IntakeCase = Schema<'IntakeCaseDto'>;

/** A write's answer: the case's new revision (its ETag) and the position to read your write with. */
export type CommandAccepted = Schema<'CommandAcceptedDto'>;

export type InformationFlowItem = Schema<'InformationFlowItemDto'>;

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

export interface ProgrammeReference {
  code: string;
  name: LocalName;
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

const ACCEPT = 'application/json, application/problem+json';

/** Writes carry the session's CSRF token (the BFF refuses a cookie-authenticated write without it). */
const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** Same origin, the session cookie; no bearer token in the browser. */
const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: { Accept: ACCEPT } });
client.use(csrf);

/** An answer other than 2xx as an ApiError: the problem document's status, reason, violations, current revision (RFC 9457). */
function problemOf(status: number, body: unknown): ApiError {
  const parsed = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const violations = Array.isArray(parsed['violations'])
    ? (parsed['violations'] as unknown[]).flatMap((item) => {
        const { field, rule } = (item ?? {}) as Record<string, unknown>;
        return typeof field === 'string' ? [{ field, rule: typeof rule === 'string' ? rule : '' }] : [];
      })
    : [];
  return new ApiError(
    status,
    typeof parsed['reason'] === 'string' ? parsed['reason'] : 'UNKNOWN',
    typeof parsed['requestId'] === 'string' ? parsed['requestId'] : undefined,
    violations,
    typeof parsed['currentRevision'] === 'number' ? parsed['currentRevision'] : undefined,
  );
}

/** The typed client's answer: its data, or an ApiError for a problem (or for a body that is not JSON). */
async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemOf(response.status, error);
  return data as T;
}

/**
 * Plain fetch with the same CSRF header and problem mapping: for the BFF's own routes (/auth/*), which
 * the OpenAPI document does not describe. Same signature as before the typed client, so a call not
 * yet moved to `client` still works; new calls should use `client` (checked against the document).
 */
async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: ACCEPT, ...extraHeaders };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = {};
  }
  if (!response.ok) throw problemOf(response.status, parsed);
  return parsed as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The revision the user last saw, as If-Match: a 412 (REVISION_CONFLICT) if the case moved on. */
function ifMatch(revision: number): { 'If-Match': string } {
  return { 'If-Match': `"${revision}"` };
}

const path = (caseId: string) => ({ caseId });

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
  async worklist(params: { limit: number; offset: number }): Promise<Page<WorklistRow>> {
    // The document marks parameters with a default as required: these are the API's defaults.
    const page = await unwrap(client.GET('/worklist', { params: { query: { unacknowledgedAfterDays: 5, referralsWithinDays: 14, ...params } } }));
    return page as Page<WorklistRow>;
  },
  async cases(params: { limit: number; offset: number }): Promise<Page<CaseSummary>> {
    const page = await unwrap(client.GET('/cases', { params: { query: params } }));
    return page as Page<CaseSummary>;
  },
  /** `consistentWith`: a write's position; the answer then includes that write (read your writes). */
  async caseSummary(caseId: string, consistentWith?: string): Promise<CaseSummary> {
    const summary = await unwrap(client.GET('/cases/{caseId}', { params: { path: path(caseId), query: { consistentWith } } }));
    return summary as CaseSummary;
  },
  /**
   * The whole timeline, page by page along the server's keyset cursor (`page.next`), up to 5,000
   * items, with titles in `lang`.
   */
  async timeline(caseId: string, lang: 'da' | 'en', consistentWith?: string): Promise<Page<TimelineItem>> {
    const items: TimelineItem[] = [];
    let after: string | undefined;
    do {
      const page = await unwrap(
        client.GET('/cases/{caseId}/timeline', {
          params: { path: path(caseId), query: { limit: 200, offset: 0, total: 'false', after, lang, consistentWith } },
        }),
      );
      items.push(...page.items);
      after = page.page.next ?? undefined;
    } while (after !== undefined && items.length < 5_000);
    return { items, page: { limit: items.length, offset: 0, total: items.length } };
  },
  informationFlow(caseId: string, consistentWith?: string): Promise<Page<InformationFlowItem>> {
    return unwrap(
      client.GET('/cases/{caseId}/information-flow', { params: { path: path(caseId), query: { kind: 'share', limit: 200, offset: 0, consistentWith } } }),
    );
  },
  async notifications(params: { state?: 'unread' | 'read'; limit: number; offset: number }): Promise<Page<Notification> & { unread: number }> {
    const page = await unwrap(client.GET('/notifications', { params: { query: params } }));
    return page as Page<Notification> & { unread: number };
  },
  async markNotificationRead(id: string): Promise<Notification> {
    const notification = await unwrap(client.POST('/notifications/{id}/read', { params: { path: { id } } }));
    return notification as Notification;
  },
  async acknowledgeFromNotification(id: string): Promise<{ notification: Notification; revision: number; position: string; replayed: boolean }> {
    const answer = await unwrap(client.POST('/notifications/{id}/acknowledge', { params: { path: { id } } }));
    return answer as { notification: Notification; revision: number; position: string; replayed: boolean };
  },
  /** The live stream of the caller's new notifications (Server-Sent Events, with the session cookie). */
  notificationStream(): EventSource {
    return new EventSource('/notifications/stream', { withCredentials: true });
  },
  intake(params: { limit: number; offset: number }): Promise<Page<IntakeCase>> {
    return unwrap(client.GET('/intake', { params: { query: params } }));
  },
  /** Every agency's standing entry points, and where referrals are received (reference data). */
  agencyDirectory(handles?: string): Promise<AgencyDirectory> {
    return unwrap(client.GET('/agency-directory', { params: { query: { handles: handles || undefined } } }));
  },
  /** The SSP+ register: open level 3/4 cases in the age band today that the reader may see. */
  async sspRegister(params: { limit: number; offset: number; cityDistrict?: string; programme?: string }): Promise<Page<SspRegisterEntry>> {
    const page = await unwrap(client.GET('/ssp-register', { params: { query: params } }));
    return page as Page<SspRegisterEntry>;
  },
  agencies(): Promise<{ items: AgencyReference[] }> {
    return referenceList<AgencyReference>('agencies');
  },
  legalBases(): Promise<{ items: LegalBasisReference[] }> {
    return referenceList<LegalBasisReference>('legal-bases');
  },
  districts(): Promise<{ items: DistrictReference[] }> {
    return referenceList<DistrictReference>('districts');
  },
  programmes(): Promise<{ items: ProgrammeReference[] }> {
    return referenceList<ProgrammeReference>('programmes');
  },
  cityDistricts(): Promise<{ items: { code: string; name: string }[] }> {
    return referenceList<{ code: string; name: string }>('city-districts');
  },
  /** 202 { received: true } whether or not the citizen had a case (no case id, by design). */
  async refer(referral: Referral): Promise<{ received: true }> {
    await unwrap(client.POST('/cases', { body: referral }));
    return { received: true };
  },
  // ---- Case commands: each sent with the revision the user last saw (If-Match); 412 if the case moved on.
  takeOver(caseId: string, revision: number, coordinator: { coordinatorId: string; agency: string }): Promise<CommandAccepted> {
    return unwrap(client.POST('/cases/{caseId}/coordinator', { params: { path: path(caseId), header: ifMatch(revision) }, body: coordinator }));
  },
  /** Brings an agency onto the case; it takes its usual entry point (reference data) for now. */
  joinCase(caseId: string, revision: number, agency: string): Promise<CommandAccepted> {
    return unwrap(client.POST('/cases/{caseId}/agencies/{agency}', { params: { path: { caseId, agency }, header: ifMatch(revision) }, body: {} }));
  },
  shareInformation(caseId: string, revision: number, share: ShareInformation): Promise<CommandAccepted> {
    return unwrap(
      client.POST('/cases/{caseId}/entries', { params: { path: path(caseId), header: ifMatch(revision) }, body: { entryId: crypto.randomUUID(), ...share } }),
    );
  },
  acknowledgeInformation(caseId: string, revision: number, entryId: string): Promise<CommandAccepted> {
    return unwrap(client.POST('/cases/{caseId}/entries/{entryId}/acknowledgements', { params: { path: { caseId, entryId }, header: ifMatch(revision) } }));
  },
  async auditHistory(caseId: string, lang: 'da' | 'en'): Promise<{ events: AuditHistoryEntry[] }> {
    const history = await unwrap(
      client.GET('/audit/cases/{caseId}/history', { params: { path: path(caseId), query: { lang }, header: { 'accept-language': lang } } }),
    );
    return history;
  },
  async chainVerification(caseId: string): Promise<ChainVerification> {
    const verification = await unwrap(client.GET('/audit/cases/{caseId}/verification', { params: { path: path(caseId) } }));
    return verification;
  },
  accessReport(caseId: string): Promise<AccessReport> {
    return unwrap(client.GET('/cases/{caseId}/access-report', { params: { path: path(caseId) } }));
  },
  citizenCopyUrl(caseId: string, format: 'html' | 'pdf', lang: 'da' | 'en'): string {
    return `/cases/${encodeURIComponent(caseId)}/citizen-copy${query({ format, lang })}`;
  },
};

/** A reference list: the document types its entries loosely (each list has its own fields), so they are named here. */
async function referenceList<T>(list: string): Promise<{ items: T[] }> {
  const answer = await unwrap(client.GET('/reference-data/{list}', { params: { path: { list } } }));
  return answer as unknown as { items: T[] };
}

/** For modules that add calls of their own (dialogs-api.ts): the same request, CSRF token and If-Match. */
export { request as apiRequest, ifMatch, query as apiQuery };
