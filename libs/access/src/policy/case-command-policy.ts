import type { CaseCommandType } from '@samvirke/case';
import type { AuthenticatedUser } from '../authentication/claims';
import { canSeeCase, type CaseAccessFacts } from './case-visibility';

/**
 * Who may change a case: one row per command type, so a command nobody classified does not compile,
 * and nothing is allowed that a row does not allow. Applied by the write gate (libs/commands) to the
 * case as loaded for the very command, so it never lags behind a read model.
 *
 * The rules (the README's access table states the same):
 * - Nobody writes to a case they may not see: the answer is the same 404 as for a case that does
 *   not exist, decided before anything about the case (its state, a hold, a revision) is looked at.
 * - `refer`: a referral (OpenCase) may come from any coordinator or liaison. It needs no visible
 *   case: a referral of a citizen who already has a case is recorded on that case for its
 *   coordinator, and the referrer learns only that it was received.
 * - `run-case`: running the case (closing, reopening, coordinators, bringing agencies in,
 *   programmes, goals, conferences, legal holds) is for an SSP+ coordinator who sees the case as its
 *   coordinator (their own case, an assignment, or their agency's unassigned intake).
 * - `own-agency`: an agency's own coordinator or liaison may change its entry point on the case or
 *   take the agency off it; the case's coordinator may too.
 * - `participant`: SSP category assessments, sharing, acknowledging, requests and answers, actions,
 *   custody, justice and labour-market facts, and asking the municipality in (the referral intake
 *   joins) are open to a liaison who sees the case and to its coordinator; the case's
 *   rules then check that the acting agency is on the case, that a charge comes from the police, ...
 * - `lift-hold`: the case's coordinator, or a coordinator or liaison of the agency that placed the
 *   hold (lifting a hold re-enables erasure, so not just anyone on the case).
 * - `erase`: the citizen as a whole only by the case's coordinator, of a municipal administration
 *   (the municipality owns the case and answers the citizen's request); one agency's contributions
 *   only by a coordinator or liaison of that agency who sees the case (each agency is the data
 *   controller of what it contributed).
 * - Auditors (only) write nothing: no rule lets a user without the coordinator or liaison role in.
 * - System callers (no user) are named by purpose, and each row lists the purposes it admits:
 *   `retention` (the scheduled retention job) and `operator` (a CLI command an operator runs on the
 *   server) may only erase; `synthetic-data` (demo seeding and test fixtures, synthetic people only)
 *   may issue any command, as the simulated users would; `escalation` (the scheduled escalation job)
 *   may only record escalations of unanswered flows; `history-import` (`npm run cli -- import-history`,
 *   an operator's bulk import of historical cases) may record what happened on a case, but never
 *   erase, hold, escalate or ask for intake.
 * - `system-only`: no user may issue the command (a user who sees the case is refused with 403);
 *   escalations are the escalation job's, decided by the rules and the clock, not by anyone's say.
 */
export type CaseWriteRule = 'refer' | 'run-case' | 'own-agency' | 'participant' | 'lift-hold' | 'erase' | 'system-only';

export type SystemPurpose = 'retention' | 'operator' | 'synthetic-data' | 'escalation' | 'history-import';

export interface CaseCommandRule {
  /** What a user must be, on this case, to issue the command. */
  readonly user: CaseWriteRule;
  /** Which system purposes may issue it without a user. */
  readonly system: readonly SystemPurpose[];
}

/** What happened on a case: the simulated users' commands, and the same recorded later by the history import. */
const SIMULATED: readonly SystemPurpose[] = ['synthetic-data', 'history-import'];
/** Simulated users only: no history import places or lifts holds or asks for intake. */
const SYNTHETIC_ONLY: readonly SystemPurpose[] = ['synthetic-data'];
const ERASURE: readonly SystemPurpose[] = ['retention', 'operator', 'synthetic-data'];

export const CASE_WRITE_RULES: { readonly [Type in CaseCommandType]: CaseCommandRule } = {
  OpenCase: { user: 'refer', system: SIMULATED },
  CloseCase: { user: 'run-case', system: SIMULATED },
  ReopenCase: { user: 'run-case', system: SIMULATED },
  AssessSspCategory: { user: 'participant', system: SIMULATED },
  AssignCoordinator: { user: 'run-case', system: SIMULATED },
  ChangeCoordinator: { user: 'run-case', system: SIMULATED },
  JoinCase: { user: 'run-case', system: SIMULATED },
  ChangeEntryPoint: { user: 'own-agency', system: SIMULATED },
  LeaveCase: { user: 'own-agency', system: SIMULATED },
  EnrolInProgramme: { user: 'run-case', system: SIMULATED },
  ExitProgramme: { user: 'run-case', system: SIMULATED },
  ShareInformation: { user: 'participant', system: SIMULATED },
  AcknowledgeInformation: { user: 'participant', system: SIMULATED },
  RequestInformation: { user: 'participant', system: SIMULATED },
  AnswerInformationRequest: { user: 'participant', system: SIMULATED },
  DeclineInformationRequest: { user: 'participant', system: SIMULATED },
  SetGoal: { user: 'run-case', system: SIMULATED },
  AddAction: { user: 'participant', system: SIMULATED },
  CompleteAction: { user: 'participant', system: SIMULATED },
  CancelAction: { user: 'participant', system: SIMULATED },
  RecordCaseConference: { user: 'run-case', system: SIMULATED },
  StartCustody: { user: 'participant', system: SIMULATED },
  ChangeExpectedRelease: { user: 'participant', system: SIMULATED },
  ReleaseFromCustody: { user: 'participant', system: SIMULATED },
  RecordCharge: { user: 'participant', system: SIMULATED },
  RecordConviction: { user: 'participant', system: SIMULATED },
  StartEmployment: { user: 'participant', system: SIMULATED },
  EndEmployment: { user: 'participant', system: SIMULATED },
  StartEducation: { user: 'participant', system: SIMULATED },
  EndEducation: { user: 'participant', system: SIMULATED },
  CompleteEducation: { user: 'participant', system: SIMULATED },
  RegisterSelfSufficiency: { user: 'participant', system: SIMULATED },
  RegisterLossOfSelfSufficiency: { user: 'participant', system: SIMULATED },
  AssessProgression: { user: 'participant', system: SIMULATED },
  PlaceLegalHold: { user: 'run-case', system: SYNTHETIC_ONLY },
  LiftLegalHold: { user: 'lift-hold', system: SYNTHETIC_ONLY },
  EraseCitizenData: { user: 'erase', system: ERASURE },
  // Asking the municipality in (the intake unit joins): anyone working the case may ask.
  RequestIntake: { user: 'participant', system: SYNTHETIC_ONLY },
  EscalateFlow: { user: 'system-only', system: ['escalation', 'synthetic-data'] },
};

/** What a write asks, as far as the rules need it, known before anything is sealed or decided. */
export interface CaseWriteIntent {
  type: CaseCommandType;
  /** The agency a command is about (join, entry point, leave) or an erasure's scope ('citizen' or a code). */
  targetAgency?: string;
  /** LiftLegalHold: the hold. */
  holdId?: string;
  /** AcknowledgeInformation: the entry, which the caller must be able to see (else it is unknown to them). */
  entryId?: string;
  /** Where the command discloses information, its legal basis: recorded in the events' metadata. */
  legalBasis?: string;
}

/** The case as loaded for the command, as far as the rules need it. */
export interface CaseWriteFacts extends CaseAccessFacts {
  /** False when the stream has no CaseOpened: answered exactly like a case the caller may not see. */
  exists: boolean;
  /** LiftLegalHold: the agency that placed each standing hold, where recorded. */
  holdAgencies?: ReadonlyMap<string, string | undefined>;
}

export type CaseWriteDecision = 'allowed' | 'not-visible' | 'forbidden';

export type AgencyKindOf = (code: string) => string | undefined;

export function caseWriteDecision(user: AuthenticatedUser, facts: CaseWriteFacts, intent: CaseWriteIntent, agencyKind: AgencyKindOf): CaseWriteDecision {
  const rule = CASE_WRITE_RULES[intent.type]?.user;
  // A type outside the union can only come from a bug; refusing is the default.
  if (rule === undefined) return facts.exists && canSeeCase(user, facts) ? 'forbidden' : 'not-visible';
  const writer = user.roles.includes('coordinator') || user.roles.includes('liaison');
  if (rule === 'refer') return writer ? 'allowed' : 'forbidden';
  if (!facts.exists || !canSeeCase(user, facts)) return 'not-visible';
  // Coordinator powers on this case: a user who is also a liaison and sees the case only through
  // their agency does not get to run it.
  const coordinator = user.roles.includes('coordinator') && canSeeCase({ ...user, roles: ['coordinator'] }, facts);
  const ownAgencyWriter = writer && intent.targetAgency === user.agency;
  const allowed = ((): boolean => {
    switch (rule) {
      case 'run-case':
        return coordinator;
      case 'own-agency':
        return coordinator || ownAgencyWriter;
      case 'participant':
        return coordinator || user.roles.includes('liaison');
      case 'lift-hold': {
        const placedBy = intent.holdId === undefined ? undefined : facts.holdAgencies?.get(intent.holdId);
        return coordinator || (writer && placedBy !== undefined && placedBy === user.agency);
      }
      case 'system-only':
        return false;
      case 'erase':
        if (intent.targetAgency === 'citizen') return coordinator && agencyKind(user.agency) === 'municipal-administration';
        return ownAgencyWriter;
      default: {
        const unhandled: never = rule;
        throw new TypeError(`unclassified write rule ${String(unhandled)}`);
      }
    }
  })();
  return allowed ? 'allowed' : 'forbidden';
}

/** May a system caller with this purpose issue the command? */
export function systemWriteAllowed(purpose: SystemPurpose, type: CaseCommandType): boolean {
  return CASE_WRITE_RULES[type]?.system.includes(purpose) ?? false;
}
