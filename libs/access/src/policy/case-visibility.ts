import { loadReferenceData } from '@samvirke/reference-data';
import type { AuthenticatedUser } from '../authentication/claims';

/** The agency whose SSP+ unit receives every referral (reference data `referralIntake`). */
const INTAKE_AGENCY = loadReferenceData().referralIntake.agency;

/**
 * Who may see which case. This file and ./entry-visibility.ts are the whole access policy for
 * reads: every read model filters with these functions, so a list, a count and a single row can
 * never disagree about what a user may know.
 *
 * - Auditors see every case (and write nothing; the guard enforces that).
 * - Liaison officers / caseworkers see a case while their agency is on it, except that the referral
 *   intake agency's liaisons do not see a case while it waits in the intake queue (on the case only
 *   as the intake, no coordinator yet): a referral is for the SSP+ intake coordinators, and the
 *   intake agency's other staff would otherwise see every citizen anyone refers.
 * - SSP+ coordinators see the cases they coordinate, cases they are explicitly assigned to
 *   (`assignedUsers`), and cases of their own agency that have no coordinator yet (the intake
 *   queue someone has to pick up). They do not see other coordinators' cases just because their
 *   agency is on them: need to know, not need to be curious.
 * - Reference-data administrators see no case.
 * A user with several roles sees the union.
 */
export interface CaseAccessFacts {
  agencies: readonly string[];
  coordinatorId: string | null;
  assignedUsers?: readonly string[];
}

export function canSeeCase(user: AuthenticatedUser, facts: CaseAccessFacts): boolean {
  if (user.roles.includes('auditor')) return true;
  const onCase = facts.agencies.includes(user.agency);
  if (user.roles.includes('liaison') && onCase && !(user.agency === INTAKE_AGENCY && facts.coordinatorId === null)) return true;
  if (user.roles.includes('coordinator')) {
    if (facts.coordinatorId === user.userId) return true;
    if (facts.assignedUsers?.includes(user.userId)) return true;
    if (facts.coordinatorId === null && onCase) return true;
  }
  return false;
}

/**
 * The same rule as a SQL condition over a read model's columns, appending its parameters to
 * `params`. Column expressions come from code, never from requests.
 */
export function caseVisibilitySql(
  user: AuthenticatedUser,
  columns: { agencies: string; coordinatorId: string; assignedUsers?: string },
  params: unknown[],
): string {
  if (user.roles.includes('auditor')) return 'TRUE';
  const parameter = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (user.roles.includes('liaison')) {
    const onCase = `${parameter(user.agency)} = ANY(${columns.agencies})`;
    conditions.push(user.agency === INTAKE_AGENCY ? `(${onCase} AND ${columns.coordinatorId} IS NOT NULL)` : onCase);
  }
  if (user.roles.includes('coordinator')) {
    const userId = parameter(user.userId);
    conditions.push(`${columns.coordinatorId} = ${userId}`);
    if (columns.assignedUsers) conditions.push(`${userId} = ANY(${columns.assignedUsers})`);
    conditions.push(`(${columns.coordinatorId} IS NULL AND ${parameter(user.agency)} = ANY(${columns.agencies}))`);
  }
  return conditions.length === 0 ? 'FALSE' : `(${conditions.join(' OR ')})`;
}
