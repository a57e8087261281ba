/**
 * The access rules as the policy's comments state them (libs/access/src/policy/*.ts), written a
 * second time for the permission matrix. It deliberately imports nothing from the policy: the
 * matrix exists to catch the implementation disagreeing with the rules, and an oracle that called
 * `canSeeCase` would agree with any bug in it.
 *
 * Reads:
 * - auditors see every case and every entry;
 * - liaisons see a case while their agency is on it;
 * - coordinators see the cases they coordinate and the cases of their own agency that have no
 *   coordinator yet (the intake queue), not other coordinators' cases their agency is merely on;
 * - reference-data administrators see no case; several roles see the union;
 * - within a visible case, an entry is seen by its author's agency and the agencies it was shared
 *   with, except a sealed-identity entry, seen only by users named on that citizen (namedAccess
 *   holds the case id) and auditors; a sealed citizen's name follows the sealed-entry rule.
 * Writes (the brief and libs/access/src/policy/case-command-policy.ts's comment):
 * - auditors (only) write nothing: 403 everywhere;
 * - nobody writes to a case they may not see: the same 404 as for a case that does not exist;
 * - running the case (closing, reopening, ...) is the coordinator's; sharing, acknowledging and
 *   actions are open to a coordinator or liaison who may see the case, and the case's own rules
 *   then decide (acting agency on the case, entry shared with it, ...).
 */
export type MatrixRole = 'coordinator' | 'liaison' | 'auditor' | 'reference-admin';

export interface MatrixUser {
  /** A readable label for failure messages, e.g. "SOF liaison". */
  label: string;
  userId: string;
  agency: string;
  roles: MatrixRole[];
  namedAccess?: string[];
}

export interface CaseFacts {
  caseId: string;
  agencies: readonly string[];
  coordinatorId: string | null;
  /** Enrolled (now or before) in a programme that seals identity. */
  identitySealed: boolean;
}

export interface EntryFacts {
  caseId: string;
  authorAgency: string;
  sharedWith: readonly string[];
  sensitivity: 'normal' | 'sensitive' | 'sealed-identity';
}

const has = (user: MatrixUser, role: MatrixRole) => user.roles.includes(role);

export function isOnlyAuditor(user: MatrixUser): boolean {
  return user.roles.every((role) => role === 'auditor');
}

/** Visibility through one role only; `mayReadCase` is the union over the user's roles. */
export function roleSeesCase(role: MatrixRole, user: MatrixUser, facts: CaseFacts): boolean {
  const agencyOnCase = facts.agencies.includes(user.agency);
  switch (role) {
    case 'auditor':
      return true;
    case 'liaison':
      return agencyOnCase;
    case 'coordinator':
      return facts.coordinatorId === user.userId || (facts.coordinatorId === null && agencyOnCase);
    case 'reference-admin':
      return false;
  }
}

export function mayReadCase(user: MatrixUser, facts: CaseFacts): boolean {
  return user.roles.some((role) => roleSeesCase(role, user, facts));
}

export function mayReadSealedIdentity(user: MatrixUser, caseId: string): boolean {
  return has(user, 'auditor') || (user.namedAccess ?? []).includes(caseId);
}

export function mayReadEntry(user: MatrixUser, facts: CaseFacts, entry: EntryFacts): boolean {
  if (!mayReadCase(user, facts)) return false;
  if (has(user, 'auditor')) return true;
  if (entry.sensitivity === 'sealed-identity') return mayReadSealedIdentity(user, entry.caseId);
  return entry.authorAgency === user.agency || entry.sharedWith.includes(user.agency);
}

export function mayReadCitizenName(user: MatrixUser, facts: CaseFacts): boolean {
  return mayReadCase(user, facts) && (!facts.identitySealed || mayReadSealedIdentity(user, facts.caseId));
}

/** What a write should meet before the case's own rules are asked. */
export type WriteVerdict = 'permitted' | 'not-visible' | 'forbidden';

export function writeVerdict(user: MatrixUser, facts: CaseFacts, kind: 'case-work' | 'run-the-case'): WriteVerdict {
  if (isOnlyAuditor(user)) return 'forbidden';
  if (!mayReadCase(user, facts)) return 'not-visible';
  // Running the case needs coordinator powers over this case: seeing it only as a liaison is not enough.
  if (kind === 'run-the-case') return has(user, 'coordinator') && roleSeesCase('coordinator', user, facts) ? 'permitted' : 'forbidden';
  return has(user, 'coordinator') || has(user, 'liaison') ? 'permitted' : 'forbidden';
}
