import type { AuthenticatedUser } from '@samvirke/access';
import type { Agency } from '@samvirke/reference-data';

/**
 * Who may erase and who may hold, in one place (the read policy lives in libs/access/src/policy).
 * The guard has already let through only coordinators and liaisons, and never a user whose only role
 * is auditor: auditors write nothing, and an erasure or a hold is a write.
 *
 * - Erasing the citizen (every agency's contributions): an SSP+ coordinator of a municipal
 *   administration. The municipality owns the case and answers the citizen's erasure request; a
 *   police or prison user must not be able to shred the municipality's records.
 * - Erasing one agency's contributions: a coordinator or liaison of that agency only. Each agency is
 *   the data controller of what it contributed, and only the controller decides to delete it.
 * - Placing a legal hold: any coordinator or liaison (keeping data longer is never the irreversible
 *   mistake; the hold records who placed it and why).
 * - Lifting a hold: a user of the agency that placed it, or a municipal coordinator (the case owner),
 *   because lifting a hold re-enables erasure.
 */
type Agencies = { get(code: string): Agency | undefined };

export function isMunicipalCoordinator(user: AuthenticatedUser, agencies: Agencies): boolean {
  return user.roles.includes('coordinator') && agencies.get(user.agency)?.kind === 'municipal-administration';
}

function writesForAgency(user: AuthenticatedUser): boolean {
  return user.roles.includes('coordinator') || user.roles.includes('liaison');
}

export function mayErase(user: AuthenticatedUser, scope: string, agencies: Agencies): boolean {
  if (scope === 'citizen') return isMunicipalCoordinator(user, agencies);
  return writesForAgency(user) && user.agency === scope;
}

export function mayPlaceLegalHold(user: AuthenticatedUser): boolean {
  return writesForAgency(user);
}

/** `holdingAgency`: the agency in the metadata of the LegalHoldPlaced event. */
export function mayLiftLegalHold(user: AuthenticatedUser, holdingAgency: string | undefined, agencies: Agencies): boolean {
  return isMunicipalCoordinator(user, agencies) || (writesForAgency(user) && holdingAgency !== undefined && user.agency === holdingAgency);
}
