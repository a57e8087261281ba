import { ApiError } from './api';

/**
 * The auditors' reads for the time, verification and access-log screens (issue 20). Kept apart from
 * api.ts, which is being moved to the typed client: these are GETs only (no CSRF token), and an
 * answer other than 2xx becomes the same ApiError the screens' ErrorAlert reads.
 */

/** The case state as `GET /audit/cases/:caseId/state` answers it (the decider's state, maps as objects). */
export interface AuditCaseState {
  status: 'not-opened' | 'open' | 'closed';
  openedAt?: string;
  closedAt?: string;
  closeReason?: string;
  categoryAssessments: Array<{ level: number; assessedBy: string; assessedOn: string }>;
  coordinator?: { coordinatorId: string; agency: string; since: string };
  agencies: Record<string, { agency: string; joinedAt: string }>;
  enrolments: Record<string, { programmeCode: string; startedOn: string; endedOn?: string }>;
  entries: Record<
    string,
    {
      entryId: string;
      fromAgency: string;
      sharedWith: string[];
      legalBasis: string;
      sharedAt: string;
      sharedOn?: string;
      acknowledgedBy: Record<string, string>;
    }
  >;
  requests: Record<string, { requestId: string; fromAgency: string; toAgency: string; status: string; requestedAt: string }>;
  goals: Record<string, { goalId: string; area: string }>;
  actions: Record<string, { actionId: string; responsibleAgency: string; dueDate: string; status: string }>;
  conferences: Record<string, { conferenceId: string; heldOn: string; agenciesPresent: string[] }>;
  custody?: AuditCustody;
  pastCustodies: AuditCustody[];
  charges: Record<string, { chargeId: string; offenceCategory: string; chargedOn: string }>;
  convictions: Record<string, { convictionId: string; offenceCategory: string; convictedOn: string }>;
}

export interface AuditCustody {
  custodyId: string;
  kind: 'remand' | 'sentence';
  institution: string;
  startedOn: string;
  expectedReleaseOn?: string;
  releasedOn?: string;
}

export interface CaseStateAt {
  caseId: string;
  asOf: string | null;
  inForceOn?: string | null;
  sspLevel?: number | null;
  revision: number | null;
  eventsApplied: number;
  state: AuditCaseState;
}

export interface StoreVerification {
  ok: boolean;
  eventsChecked: number;
  firstBroken?: {
    streamId: string;
    revision: number | null;
    eventId: string | null;
    eventType: string | null;
    globalPosition: string | null;
    problem: 'hash-mismatch' | 'revision-gap' | 'head-mismatch';
  };
}

export type AuditAction = 'read' | 'search' | 'export' | 'change' | 'notify';
export type AuditPurpose = 'case-work' | 'coordination' | 'audit' | 'citizen-access-request' | 'criminal-investigation';
export const AUDIT_ACTIONS: readonly AuditAction[] = ['read', 'search', 'export', 'change', 'notify'];
export const AUDIT_PURPOSES: readonly AuditPurpose[] = ['case-work', 'coordination', 'audit', 'citizen-access-request', 'criminal-investigation'];

export interface AuditRecord {
  id: string;
  userId: string;
  agency: string;
  roles: string[];
  action: AuditAction;
  method: string;
  route: string;
  caseId: string | null;
  purpose: AuditPurpose;
  outcome: number;
  recordedAt: string;
}

export interface AuditLogSearch {
  userId?: string;
  caseId?: string;
  action?: AuditAction;
  purpose?: AuditPurpose;
  /** Inclusive, ISO 8601 instant. */
  from?: string;
  /** Exclusive, ISO 8601 instant. */
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditLogPage {
  items: AuditRecord[];
  limit: number;
  offset: number;
  nextOffset: number | null;
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json, application/problem+json', 'X-Purpose': 'audit' }, credentials: 'same-origin' });
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
    );
  }
  return parsed as T;
}

function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const auditApi = {
  /** In force on `date` (a Copenhagen day) as known at `knownAt` (an instant; absent: now). */
  stateAt(caseId: string, date: string, knownAt?: string): Promise<CaseStateAt> {
    return get(`/audit/cases/${encodeURIComponent(caseId)}/state${query({ asOf: date, knownAt })}`);
  },
  storeVerification(): Promise<StoreVerification> {
    return get('/audit/verification');
  },
  log(search: AuditLogSearch): Promise<AuditLogPage> {
    return get(`/audit/log${query(search)}`);
  },
};

/** Reference names for the auditors' screens (any signed-in user may read reference data). */
export function programmeNames(): Promise<{ items: Array<{ code: string; name: { da: string; en: string } }> }> {
  return get('/reference-data/programmes');
}
