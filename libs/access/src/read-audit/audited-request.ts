import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../authentication/claims';
import type { AuditEntry } from './audit-log';
import type { AuditAction, AuditPurpose } from './audit-vocabulary';

/**
 * Which requests the read audit records, and as what. Pure functions over the route pattern and the
 * request's method and query, so they can be tested without Nest.
 */

/**
 * Routes that serve no personal data. /docs is served by Swagger outside Nest's router and never
 * reaches the interceptor; it is listed so the intent is written down in one place.
 */
const UNAUDITED_PREFIXES = ['/health', '/docs', '/reference-data', '/agency-directory'];

export function isAuditedRoute(routePattern: string): boolean {
  return !UNAUDITED_PREFIXES.some((prefix) => routePattern === prefix || routePattern.startsWith(`${prefix}/`));
}

const READ_METHODS = new Set(['GET', 'HEAD']);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

/** A case route: one whose answer is about a single citizen's case. */
export function isCaseRoute(routePattern: string): boolean {
  return /^\/(audit\/)?cases(\/|$)/.test(routePattern);
}

/**
 * Writes are changes; a read with query criteria is a search (its criteria are what the DPA wants
 * logged); a read without is a read of one resource. A route's @AuditAs() wins over all of this.
 */
export function auditActionFor(method: string, criteria: AuditCriteria, declared?: AuditAction): AuditAction {
  if (declared) return declared;
  if (!isReadMethod(method)) return 'change';
  return Object.keys(criteria).length > 0 ? 'search' : 'read';
}

export type AuditCriteria = Record<string, string | string[]>;

/**
 * The query parameters as the log keeps them: strings and lists of strings only, each value cut at
 * 200 characters so a hostile query cannot bloat the log. Bodies are never logged: they carry the
 * personal data itself, which the log must not duplicate.
 */
export function criteriaOf(query: unknown): AuditCriteria {
  const criteria: AuditCriteria = {};
  if (typeof query !== 'object' || query === null) return criteria;
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    if (typeof value === 'string') criteria[name.slice(0, 100)] = value.slice(0, 200);
    else if (Array.isArray(value)) {
      criteria[name.slice(0, 100)] = value
        .filter((item): item is string => typeof item === 'string')
        .slice(0, 50)
        .map((item) => item.slice(0, 200));
    }
  }
  return criteria;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route parameter as a uuid column value; anything else (a typo the handler will 400) is null. */
export function uuidOrNull(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** The route pattern the request matched (/cases/:caseId/timeline), never the concrete URL. */
export function routePatternOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? 'unmatched';
}

/**
 * The audit row of one request: who, what route, which case and entry, the criteria and the
 * declared purpose, and the status the client got. `result` is the handler's answer, when there is
 * one: a route without :caseId can still be about one case (opening a case answers with its id).
 */
export function auditEntryOf(
  request: FastifyRequest,
  user: AuthenticatedUser,
  details: { purpose: AuditPurpose; declared?: AuditAction; outcome: number; result?: unknown },
): AuditEntry {
  const criteria = { ...criteriaOf(request.query), ...((request as AuditedCaseRequest)[AUDITED_DETAILS] ?? {}) };
  const params = (request.params ?? {}) as Record<string, unknown>;
  return {
    requestId: request.id,
    userId: user.userId,
    agency: user.agency,
    roles: user.roles,
    action: auditActionFor(request.method, criteria, details.declared),
    method: request.method.toUpperCase(),
    route: routePatternOf(request),
    caseId: uuidOrNull(params['caseId']) ?? uuidOrNull((request as AuditedCaseRequest)[AUDITED_CASE]) ?? caseIdOfResult(details.result),
    entryId: uuidOrNull(params['entryId']),
    criteria,
    purpose: details.purpose,
    outcome: details.outcome,
  };
}

const AUDITED_CASE = Symbol('samvirke:audited-case');
type AuditedCaseRequest = FastifyRequest & { [AUDITED_CASE]?: string; [AUDITED_DETAILS]?: AuditCriteria };

/**
 * Names the case a request was about, for the audit row only, where the answer must not name it
 * (a referral answers the same whether or not the citizen had a case; the auditor sees which).
 */
export function recordAuditedCase(request: FastifyRequest, caseId: string): void {
  (request as AuditedCaseRequest)[AUDITED_CASE] = caseId;
}

const AUDITED_DETAILS = Symbol('samvirke:audited-details');
type AuditedDetailsRequest = FastifyRequest & { [AUDITED_DETAILS]?: AuditCriteria };

/**
 * Adds what the request's body states to its audit row's criteria, where the law wants it logged
 * with the access (the reason given for opening a sealed identity). Bodies are never logged whole.
 */
export function recordAuditedDetails(request: FastifyRequest, details: AuditCriteria): void {
  (request as AuditedDetailsRequest)[AUDITED_DETAILS] = details;
}

function caseIdOfResult(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
  return uuidOrNull((result as { caseId?: unknown }).caseId);
}
