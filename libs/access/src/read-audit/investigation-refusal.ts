import type { AuditPurpose } from './audit-vocabulary';
import { isReadMethod } from './audited-request';

export const DISCLOSURE_FOR_INVESTIGATION_REFUSED = 'DISCLOSURE_FOR_INVESTIGATION_REFUSED';

/**
 * Section 115(2) of the Administration of Justice Act lets municipal authorities pass information
 * to the police for SSP, PSP and KSP work, but not for the investigation of criminal cases. So a
 * police user who declares that purpose gets no read that can carry case data at all (case routes,
 * lists, registers, worklists, audit views): only the aggregate statistics, which hold no case, stay
 * open. The refusal is
 * central (the read audit interceptor, before any handler runs) so no read model can forget it, and
 * it is recorded in the audit log like any other request. Agency kinds come from reference data.
 */
export function refusesDisclosureForInvestigation(
  agencyKind: string | undefined,
  purpose: AuditPurpose,
  method: string,
  routePattern: string,
): boolean {
  return agencyKind === 'police' && purpose === 'criminal-investigation' && isReadMethod(method) && !AGGREGATE_ONLY_ROUTES.has(routePattern);
}

/** Reads that return counts and delays only, never a case, a person or an entry. */
const AGGREGATE_ONLY_ROUTES: ReadonlySet<string> = new Set(['/information-flow/delays']);
