import type { AuthenticatedUser } from '../authentication/claims';
import { canSeeCase, type CaseAccessFacts } from './case-visibility';

/**
 * Who may change a case. Decided on the case's own state (loaded from its stream for the command),
 * so it never lags behind a read model.
 *
 * - Nobody writes to a case they may not see: the answer is the same 404 as for a case that does not
 *   exist, so a write cannot probe for cases either.
 * - Running the case (closing, reopening, coordinators, bringing agencies in, programmes, goals,
 *   conferences, legal holds, erasing the citizen) is the job of an SSP+ coordinator who sees the case
 *   as its coordinator (their own case, an assignment, or their agency's unassigned intake).
 * - An agency's own liaison may change its entry point on the case or take the agency off it.
 * - Everything else (sharing, acknowledging, requests and answers, actions, custody, justice and
 *   labour-market facts) is open to whoever may see the case; the case's rules then check that the
 *   acting agency is on the case, that a charge comes from the police, and so on.
 * - Auditors write nothing (enforced for every route by the authentication guard).
 */
export type CaseWriteDecision = 'allowed' | 'not-visible' | 'forbidden';

const COORDINATOR_COMMANDS: ReadonlySet<string> = new Set([
  'CloseCase',
  'ReopenCase',
  'AssignCoordinator',
  'ChangeCoordinator',
  'JoinCase',
  'EnrolInProgramme',
  'ExitProgramme',
  'SetGoal',
  'RecordCaseConference',
  'PlaceLegalHold',
  'LiftLegalHold',
]);

const OWN_AGENCY_COMMANDS: ReadonlySet<string> = new Set(['ChangeEntryPoint', 'LeaveCase']);

export function caseWriteDecision(
  user: AuthenticatedUser,
  facts: CaseAccessFacts,
  command: { type: string; targetAgency?: string },
): CaseWriteDecision {
  if (!canSeeCase(user, facts)) return 'not-visible';
  // Coordinator powers on this case: a user who is also a liaison and sees the case only through
  // their agency does not get to run it.
  const coordinator = user.roles.includes('coordinator') && canSeeCase({ ...user, roles: ['coordinator'] }, facts);
  if (COORDINATOR_COMMANDS.has(command.type)) return coordinator ? 'allowed' : 'forbidden';
  if (OWN_AGENCY_COMMANDS.has(command.type)) return coordinator || command.targetAgency === user.agency ? 'allowed' : 'forbidden';
  if (command.type === 'EraseCitizenData') {
    // The citizen as a whole: the coordinator; one agency's contributions: that agency or the coordinator.
    return coordinator || command.targetAgency === user.agency ? 'allowed' : 'forbidden';
  }
  return user.roles.includes('liaison') || coordinator ? 'allowed' : 'forbidden';
}
