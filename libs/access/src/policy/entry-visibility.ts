import type { AuthenticatedUser } from '../authentication/claims';

/**
 * Within a case a user can see, who may see one shared entry (or information request):
 * - its author's agency and the agencies it was shared with;
 * - auditors;
 * - entries marked 'sealed-identity' (exit programme) only by users named on the citizen's sealed
 *   identity (`namedAccess` claim), whatever their agency, or who opened it by break-glass (a stated
 *   reason, in the audit log; the guard adds those to namedAccess). Auditors too: opening a seal is
 *   an explicit act for everyone not named on it;
 * - the police never see an entry whose legal basis forbids disclosure for investigation when the
 *   request declares that purpose (section 115(2)); such a request is refused as a whole earlier, by
 *   `refuseInvestigationPurpose` in the HTTP layer, so here the purpose is always a permitted one.
 */
export interface EntryAccessFacts {
  authorAgency: string;
  sharedWith: readonly string[];
  sensitivity: string;
  /** The case (citizen) id, for sealed-identity named access. */
  caseId: string;
}

export function canSeeEntry(user: AuthenticatedUser, entry: EntryAccessFacts): boolean {
  if (entry.sensitivity === 'sealed-identity') return user.namedAccess?.includes(entry.caseId) ?? false;
  if (user.roles.includes('auditor')) return true;
  return entry.authorAgency === user.agency || entry.sharedWith.includes(user.agency);
}

/** The same rule in SQL over an entry row's columns (see caseVisibilitySql for the conventions). */
export function entryVisibilitySql(
  user: AuthenticatedUser,
  columns: { authorAgency: string; sharedWith: string; sensitivity: string; caseId: string },
  params: unknown[],
): string {
  params.push(user.namedAccess ?? []);
  const named = `$${params.length}::text[]`;
  if (user.roles.includes('auditor')) return `(${columns.sensitivity} <> 'sealed-identity' OR ${columns.caseId}::text = ANY(${named}))`;
  params.push(user.agency);
  const agency = `$${params.length}`;
  return `(CASE WHEN ${columns.sensitivity} = 'sealed-identity' THEN ${columns.caseId}::text = ANY(${named})
    ELSE (${columns.authorAgency} = ${agency} OR ${agency} = ANY(${columns.sharedWith})) END)`;
}

/**
 * Who may see the *flow* of an exchange on a case (who sent an entry or a request to whom, when it was
 * acknowledged or answered, the delay), not its content: whoever may see the entry, and also the
 * case's own coordinator for every exchange on the case, so that a stalled exchange between two other
 * agencies can be chased (the coordination loop). Sealed-identity entries stay with named users.
 * `isCaseCoordinator`: the reader coordinates this very case (decided by the caller on the case row).
 */
export function flowVisibilitySql(
  user: AuthenticatedUser,
  isCaseCoordinator: boolean,
  columns: { authorAgency: string; sharedWith: string; sensitivity: string; caseId: string },
  params: unknown[],
): string {
  const entry = entryVisibilitySql(user, columns, params);
  if (!isCaseCoordinator || user.roles.includes('auditor')) return entry;
  params.push(user.namedAccess ?? []);
  const named = `$${params.length}::text[]`;
  return `(${entry} OR (CASE WHEN ${columns.sensitivity} = 'sealed-identity' THEN ${columns.caseId}::text = ANY(${named}) ELSE TRUE END))`;
}
