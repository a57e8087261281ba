/**
 * The API calls of the case dialogs in CaseDialogs.tsx (requests and answers, custody and release,
 * charges, employment, the SSP level), kept beside api.ts so that file's typed client can grow in
 * parallel. Every write goes through api.ts's request (session cookie, CSRF token) with the
 * case's revision as If-Match; the body's fields are those of libs/command-api's DTOs.
 */
import { apiQuery, apiRequest, ifMatch, type CaseSummary, type CommandAccepted, type LocalName, type Page } from './api';

export type CustodyKind = 'remand' | 'sentence';
export const CUSTODY_KINDS: readonly CustodyKind[] = ['remand', 'sentence'];
export type EmploymentKind = 'ordinary' | 'wage-subsidy' | 'internship' | 'flexible';
export const EMPLOYMENT_KINDS: readonly EmploymentKind[] = ['ordinary', 'wage-subsidy', 'internship', 'flexible'];
export type DeclineReason = 'no-information' | 'no-legal-basis' | 'not-necessary' | 'other';
export const DECLINE_REASONS: readonly DeclineReason[] = ['no-information', 'no-legal-basis', 'not-necessary', 'other'];
export const SSP_LEVELS = [1, 2, 3, 4] as const;
export type SspLevel = (typeof SSP_LEVELS)[number];

/** What GET /cases/:caseId answers besides api.ts's CaseSummary: the custody and the programmes (CaseSummaryDto). */
export interface CaseCustody {
  status: 'none' | CustodyKind;
  institution?: string;
  startedOn?: string;
  expectedReleaseOn?: string | null;
}
export type CaseSummaryWithCustody = CaseSummary & { custody?: CaseCustody; programmes?: string[] };

/** A request or share between two agencies on the case (GET /cases/:caseId/information-flow). */
export interface FlowRow {
  kind: 'share' | 'request';
  id: string;
  fromAgency: string;
  toAgency: string;
  sentAt: string;
  outcome: 'acknowledged' | 'answered' | 'declined' | null;
  respondedAt: string | null;
}

export interface OffenceCategoryReference {
  code: string;
  name: LocalName;
  dangerousToPersons: boolean;
}

export interface ProgrammeReference {
  code: string;
  name: LocalName;
}

export type RoadMapAnchor = 'custody-started' | 'expected-release' | 'released';

export interface RoadMapReference {
  code: string;
  name: LocalName;
  trigger: { startsOn: 'custody-started' | 'released'; custodyKind?: CustodyKind; minMonths?: number; minAge?: number; programme?: string };
  items: { code: string; title: LocalName; ownerAgency: string; due: { amount: number; unit: 'days' | 'weeks' | 'months' | 'years'; from: RoadMapAnchor } }[];
}

export interface RequestInformation {
  toAgency: string;
  question: string;
  dueDate: string;
  legalBasis: string;
}

export interface StartCustody {
  kind: CustodyKind;
  institution: string;
  startedOn: string;
  expectedReleaseOn?: string;
}

const casePath = (caseId: string, rest: string) => `/cases/${encodeURIComponent(caseId)}/${rest}`;

export const dialogsApi = {
  /** Requests on the case the reader may see (open and answered), oldest first. */
  requests(caseId: string, consistentWith?: string): Promise<Page<FlowRow>> {
    return apiRequest('GET', casePath(caseId, `information-flow${apiQuery({ kind: 'request', limit: 200, consistentWith })}`));
  },
  offenceCategories(): Promise<{ items: OffenceCategoryReference[] }> {
    return apiRequest('GET', '/reference-data/offence-categories');
  },
  programmes(): Promise<{ items: ProgrammeReference[] }> {
    return apiRequest('GET', '/reference-data/programmes');
  },
  roadMaps(): Promise<{ items: RoadMapReference[] }> {
    return apiRequest('GET', '/reference-data/road-maps');
  },
  requestInformation(caseId: string, revision: number, body: RequestInformation): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, 'requests'), { requestId: crypto.randomUUID(), ...body }, ifMatch(revision));
  },
  answerRequest(caseId: string, revision: number, requestId: string, answer: string): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, `requests/${encodeURIComponent(requestId)}/answer`), { answer }, ifMatch(revision));
  },
  declineRequest(caseId: string, revision: number, requestId: string, reason: DeclineReason, note?: string): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, `requests/${encodeURIComponent(requestId)}/decline`), { reason, ...(note ? { note } : {}) }, ifMatch(revision));
  },
  startCustody(caseId: string, revision: number, body: StartCustody): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, 'custody'), { custodyId: crypto.randomUUID(), ...body }, ifMatch(revision));
  },
  changeExpectedRelease(caseId: string, revision: number, body: { expectedReleaseOn: string }): Promise<CommandAccepted> {
    return apiRequest('PUT', casePath(caseId, 'custody/expected-release'), body, ifMatch(revision));
  },
  releaseFromCustody(caseId: string, revision: number, body: { releasedOn: string; conditional: boolean }): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, 'custody/release'), body, ifMatch(revision));
  },
  recordCharge(caseId: string, revision: number, body: { offenceCategory: string; chargedOn: string }): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, 'charges'), { chargeId: crypto.randomUUID(), ...body }, ifMatch(revision));
  },
  startEmployment(caseId: string, revision: number, body: { kind: EmploymentKind; startedOn: string }): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, 'employments'), { employmentId: crypto.randomUUID(), ...body }, ifMatch(revision));
  },
  assessLevel(caseId: string, revision: number, body: { level: SspLevel; rationale: string; assessedOn: string }): Promise<CommandAccepted> {
    return apiRequest('POST', casePath(caseId, 'assessments'), body, ifMatch(revision));
  },
};
