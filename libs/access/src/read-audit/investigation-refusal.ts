import { ForbiddenException } from '@nestjs/common';
import { loadReferenceData } from '@samvirke/reference-data';
import { purposeFromHeader, type AuditPurpose } from './audit-vocabulary';
import { isAuditedRoute, isReadMethod } from './audited-request';

export const DISCLOSURE_FOR_INVESTIGATION_REFUSED = 'DISCLOSURE_FOR_INVESTIGATION_REFUSED';

/**
 * Section 115(2) of the Administration of Justice Act lets municipal authorities pass information
 * to the police for SSP, PSP and KSP work, but not for the investigation of criminal cases. So a
 * police user who declares that purpose gets no read that can carry case data at all (case routes,
 * lists, registers, worklists, audit views): only the aggregate statistics, which hold no case, and
 * the reference lists and agency directory, which hold none either, stay open. Writes are refused
 * too, every one: a request filed, an entry shared or a case opened "for an investigation" is a
 * disclosure asked for or made under that purpose, and its answer (201, 404, 422) would itself tell
 * what exists. Agency kinds come from reference data.
 *
 * The refusal is central: the authentication guard applies it as soon as the caller is known, before
 * the role rules and any handler, so every route answers it identically (the same 403 and body for a
 * case the caller is on, one it is not on and one that does not exist) and nothing is appended. It
 * is recorded in the audit log like any other request.
 */
export function refusesDisclosureForInvestigation(
  agencyKind: string | undefined,
  purpose: AuditPurpose | undefined,
  method: string,
  routePattern: string,
): boolean {
  if (agencyKind !== 'police' || purpose !== 'criminal-investigation') return false;
  if (!isReadMethod(method)) return true;
  return isAuditedRoute(routePattern) && !AGGREGATE_ONLY_ROUTES.has(routePattern);
}

/** Reads that return counts and delays only, never a case, a person or an entry. */
const AGGREGATE_ONLY_ROUTES: ReadonlySet<string> = new Set(['/information-flow/delays']);

/** The one answer, for reads and writes alike. */
export const DISCLOSURE_FOR_INVESTIGATION_REFUSED_BODY = {
  statusCode: 403,
  error: 'Forbidden',
  reason: DISCLOSURE_FOR_INVESTIGATION_REFUSED,
  message: 'municipal case information may not be disclosed to the police for the investigation of a criminal case (retsplejeloven § 115, stk. 2)',
} as const;

export function disclosureForInvestigationRefused(): ForbiddenException {
  return new ForbiddenException({ ...DISCLOSURE_FOR_INVESTIGATION_REFUSED_BODY });
}

/**
 * The declared purpose, or undefined when the header is not one of the vocabulary's: the refusal
 * only needs to recognise 'criminal-investigation', and the read audit answers 400 to the rest.
 */
export function declaredPurpose(header: string | undefined): AuditPurpose | undefined {
  try {
    return purposeFromHeader(header);
  } catch {
    return undefined;
  }
}

let agencyKinds: ReadonlyMap<string, string> | undefined;

export function agencyKindOf(agencyCode: string): string | undefined {
  agencyKinds ??= new Map([...loadReferenceData().agencies.values()].map((agency) => [agency.code, agency.kind]));
  return agencyKinds.get(agencyCode);
}
