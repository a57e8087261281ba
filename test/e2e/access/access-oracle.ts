/**
 * The access rules as the policy's comments state them (libs/access/src/policy/*.ts), written a
 * second time for the permission matrix. It deliberately imports nothing from the policy: the
 * matrix exists to catch the implementation disagreeing with the rules, and an oracle that called
 * `canSeeCase` would agree with any bug in it.
 *
 * Reads:
 * - auditors see every case and every entry but sealed-identity ones (those only once named, or after
 *   a break-glass opening, which the matrix does not make);
 * - liaisons see a case while their agency is on it (the intake agency BIF's liaisons: once it has a coordinator);
 * - coordinators see the cases they coordinate and the cases of their own agency that have no
 *   coordinator yet (the intake queue), not other coordinators' cases their agency is merely on;
 * - reference-data administrators see no case; several roles see the union;
 * - within a visible case, an entry is seen by its author's agency and the agencies it was shared
 *   with, except a sealed-identity entry, seen only by users named on that citizen (namedAccess
 *   holds the case id), auditors included; a sealed citizen's name follows the sealed-entry rule.
 * Writes (the comment of libs/access/src/policy/case-command-policy.ts and the README's table "Who
 * may see and do what"), per rule kind; "coordinator powers" is a coordinator who sees the case as
 * a coordinator (its coordinator, or their agency's unassigned intake), not through another role:
 * - auditors (only) write nothing: 403 everywhere (the break-glass opening is an audited read, not a case write);
 * - nobody writes to a case they may not see: the same 404 as for a case that does not exist;
 * - refer: any coordinator or liaison (no case needed);
 * - run-case: coordinator powers;
 * - own-agency: coordinator powers, or a coordinator or liaison of the agency concerned;
 * - participant: coordinator powers, or a liaison who sees the case;
 * - lift-hold: coordinator powers, or a coordinator or liaison of the agency that placed the hold
 *   (a hold nobody placed, e.g. one that is not standing, leaves only the coordinator);
 * - erase-citizen: coordinator powers, held by a user of a municipal administration;
 * - erase-agency: a coordinator or liaison of that very agency (not the case's coordinator for
 *   another agency's contributions).
 * Then the case's own rules decide (422): acting agency on the case, entry shared with it, ...
 */
export type MatrixRole = 'coordinator' | 'liaison' | 'auditor' | 'reference-admin' | 'effects-admin';

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
      // The referral intake agency's liaisons: not while the case waits in the intake queue.
      return agencyOnCase && !(user.agency === 'BIF' && facts.coordinatorId === null);
    case 'coordinator':
      return facts.coordinatorId === user.userId || (facts.coordinatorId === null && agencyOnCase);
    case 'reference-admin':
    case 'effects-admin':
      return false;
  }
}

export function mayReadCase(user: MatrixUser, facts: CaseFacts): boolean {
  return user.roles.some((role) => roleSeesCase(role, user, facts));
}

/** Named on the sealed identity; nobody else, auditors included (they must open it by break-glass first). */
export function mayReadSealedIdentity(user: MatrixUser, caseId: string): boolean {
  return (user.namedAccess ?? []).includes(caseId);
}

export function mayReadEntry(user: MatrixUser, facts: CaseFacts, entry: EntryFacts): boolean {
  if (!mayReadCase(user, facts)) return false;
  if (entry.sensitivity === 'sealed-identity') return mayReadSealedIdentity(user, entry.caseId);
  if (has(user, 'auditor')) return true;
  return entry.authorAgency === user.agency || entry.sharedWith.includes(user.agency);
}

/**
 * The flow of an exchange (who sent it to whom, when it was acknowledged or answered), not its text:
 * whoever may read the entry, and the case's own coordinator for every exchange on the case (to chase a
 * stall between two other agencies); sealed-identity entries stay with named users.
 */
export function mayReadFlow(user: MatrixUser, facts: CaseFacts, entry: EntryFacts): boolean {
  if (mayReadEntry(user, facts, entry)) return true;
  const coordinatesCase = has(user, 'coordinator') && facts.coordinatorId === user.userId;
  return coordinatesCase && (entry.sensitivity !== 'sealed-identity' || mayReadSealedIdentity(user, entry.caseId));
}

export function mayReadCitizenName(user: MatrixUser, facts: CaseFacts): boolean {
  return mayReadCase(user, facts) && (!facts.identitySealed || mayReadSealedIdentity(user, facts.caseId));
}

/** What a write should meet before the case's own rules are asked. */
export type WriteVerdict = 'permitted' | 'not-visible' | 'forbidden';

export type WriteRuleKind = 'refer' | 'run-case' | 'own-agency' | 'participant' | 'lift-hold' | 'erase-citizen' | 'erase-agency';

/** What a write is about, where its rule depends on it. */
export interface WriteTarget {
  /** own-agency: the agency concerned; erase-agency: the scope. */
  agency?: string;
  /** lift-hold: the agency that placed the hold; undefined for a hold that is not standing. */
  holdPlacedBy?: string;
}

/** The municipal administrations (DOMAIN.md's list): only their coordinators erase a citizen. */
const MUNICIPAL_ADMINISTRATIONS: readonly string[] = ['BIF', 'SOF', 'BUF', 'KFF', 'OKF'];

const isWriter = (user: MatrixUser) => has(user, 'coordinator') || has(user, 'liaison');

/** Sees the case as a coordinator: a second role (liaison) seeing it does not count. */
export function hasCoordinatorPowers(user: MatrixUser, facts: CaseFacts): boolean {
  return has(user, 'coordinator') && roleSeesCase('coordinator', user, facts);
}

export function writeVerdict(user: MatrixUser, facts: CaseFacts, rule: WriteRuleKind, target: WriteTarget = {}): WriteVerdict {
  if (isOnlyAuditor(user)) return 'forbidden';
  if (rule === 'refer') return isWriter(user) ? 'permitted' : 'forbidden';
  if (!mayReadCase(user, facts)) return 'not-visible';
  const coordinator = hasCoordinatorPowers(user, facts);
  const ofAgency = (agency: string | undefined) => isWriter(user) && agency !== undefined && agency === user.agency;
  const permitted = ((): boolean => {
    switch (rule) {
      case 'run-case':
        return coordinator;
      case 'own-agency':
        return coordinator || ofAgency(target.agency);
      case 'participant':
        return coordinator || has(user, 'liaison');
      case 'lift-hold':
        return coordinator || ofAgency(target.holdPlacedBy);
      case 'erase-citizen':
        return coordinator && MUNICIPAL_ADMINISTRATIONS.includes(user.agency);
      case 'erase-agency':
        return ofAgency(target.agency);
    }
  })();
  return permitted ? 'permitted' : 'forbidden';
}
