/**
 * What someone asks a case to do, in the imperative. The acting agency is part of the data wherever
 * a rule depends on it (`fromAgency`, `agency`, `assessedBy`, `reportedBy`): the HTTP layer fills it
 * from the caller's token, never from the request body, so an agency cannot act as another.
 *
 * Ids of things the case will hold (entries, requests, actions, ...) are chosen by the caller, so a
 * retried command produces the same events and the event store's idempotency can recognise it.
 */
import type { EscalationStep } from '@samvirke/reference-data';
import type { ConferenceDecision } from './events';
import type {
  AgencyCode,
  CaseCloseReason,
  CaseEntryPoint,
  CustodyKind,
  EducationKind,
  EmploymentKind,
  ErasureReason,
  ErasureScope,
  GoalArea,
  IsoDate,
  ProgrammeCode,
  ProgrammeExitReason,
  RequestDeclineReason,
  Sealed,
  SelfSufficiencySource,
  Sensitivity,
  SharePurpose,
  SspCategory,
  UserId,
} from './vocabulary';

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Readonly<Data> };

export type OpenCase = Command<
  'OpenCase',
  {
    citizenId: string;
    name: Sealed;
    cpr: Sealed;
    /** In clear for the rules only (a past date, a known district); the event carries the sealed pair below. */
    birthDate: IsoDate;
    districtCode: string;
    sealedBirthDate: Sealed;
    sealedDistrictCode: Sealed;
    referredBy: AgencyCode;
    reason: Sealed;
    /** The referring agency's entry point for this case; its directory default when omitted. */
    referrerEntryPoint?: CaseEntryPoint;
    /** The day the case was opened (the citizen referred) in the real world, when recorded later (history); not in the future. */
    openedOn?: IsoDate;
  }
>;
/**
 * A liaison (or the coordinator) asks the municipality in: the referral intake unit (reference data)
 * joins the case with its intake entry point, so a case without a coordinator enters the intake
 * queue. `requestedBy`: the asking user's agency (from the token), which must be on the case.
 */
export type RequestIntake = Command<'RequestIntake', { requestedBy: AgencyCode }>;
export type CloseCase = Command<'CloseCase', { reason: CaseCloseReason; note?: Sealed }>;
export type ReopenCase = Command<'ReopenCase', { reason: Sealed }>;

export type AssessSspCategory = Command<'AssessSspCategory', { level: SspCategory; rationale: Sealed; assessedBy: AgencyCode; assessedOn: IsoDate }>;

export type AssignCoordinator = Command<'AssignCoordinator', { coordinatorId: UserId; agency: AgencyCode }>;
export type ChangeCoordinator = Command<'ChangeCoordinator', { coordinatorId: UserId; agency: AgencyCode }>;

export type JoinCase = Command<'JoinCase', { agency: AgencyCode; entryPoint?: CaseEntryPoint }>;
export type ChangeEntryPoint = Command<'ChangeEntryPoint', { agency: AgencyCode; entryPoint: CaseEntryPoint }>;
export type LeaveCase = Command<'LeaveCase', { agency: AgencyCode }>;

export type EnrolInProgramme = Command<'EnrolInProgramme', { programmeCode: ProgrammeCode; startedOn: IsoDate }>;
export type ExitProgramme = Command<'ExitProgramme', { programmeCode: ProgrammeCode; endedOn: IsoDate; exitReason: ProgrammeExitReason }>;

export type ShareInformation = Command<
  'ShareInformation',
  {
    entryId: string;
    fromAgency: AgencyCode;
    sharedWith: readonly AgencyCode[];
    legalBasis: string;
    purpose: SharePurpose;
    sensitivity: Sensitivity;
    summary: Sealed;
    /** The day it was shared in the real world, when recorded later (history); not in the future. */
    sharedOn?: IsoDate;
  }
>;
/** acknowledgedOn: the real-world day, when recorded later (history); not in the future, not before the day shared. */
export type AcknowledgeInformation = Command<'AcknowledgeInformation', { entryId: string; agency: AgencyCode; acknowledgedOn?: IsoDate }>;

export type RequestInformation = Command<
  'RequestInformation',
  /** requestedOn: the day the request was made in the real world, when recorded later (history); not in the future, not after dueDate. */
  { requestId: string; fromAgency: AgencyCode; toAgency: AgencyCode; question: Sealed; dueDate: IsoDate; legalBasis: string; requestedOn?: IsoDate }
>;
export type AnswerInformationRequest = Command<'AnswerInformationRequest', { requestId: string; agency: AgencyCode; answer: Sealed }>;
export type DeclineInformationRequest = Command<
  'DeclineInformationRequest',
  { requestId: string; agency: AgencyCode; reason: RequestDeclineReason; note?: Sealed }
>;

export type SetGoal = Command<'SetGoal', { goalId: string; area: GoalArea; description: Sealed }>;
export type AddAction = Command<'AddAction', { actionId: string; goalId?: string; title: Sealed; responsibleAgency: AgencyCode; dueDate: IsoDate }>;
export type CompleteAction = Command<'CompleteAction', { actionId: string; completedOn: IsoDate }>;
export type CancelAction = Command<'CancelAction', { actionId: string; reason: Sealed }>;

export type RecordCaseConference = Command<
  'RecordCaseConference',
  { conferenceId: string; heldOn: IsoDate; agenciesPresent: readonly AgencyCode[]; decisions: readonly ConferenceDecision[] }
>;

export type StartCustody = Command<
  'StartCustody',
  { custodyId: string; kind: CustodyKind; institution: string; startedOn: IsoDate; expectedReleaseOn?: IsoDate }
>;
export type ChangeExpectedRelease = Command<'ChangeExpectedRelease', { expectedReleaseOn: IsoDate }>;
export type ReleaseFromCustody = Command<'ReleaseFromCustody', { releasedOn: IsoDate; conditional: boolean }>;

export type RecordCharge = Command<'RecordCharge', { chargeId: string; offenceCategory: string; chargedOn: IsoDate; reportedBy: AgencyCode }>;
export type RecordConviction = Command<
  'RecordConviction',
  {
    convictionId: string;
    chargeId?: string;
    offenceCategory: string;
    convictedOn: IsoDate;
    sentence: Sealed;
    reportedBy: AgencyCode;
  }
>;

export type StartEmployment = Command<'StartEmployment', { employmentId: string; kind: EmploymentKind; startedOn: IsoDate }>;
export type EndEmployment = Command<'EndEmployment', { employmentId: string; endedOn: IsoDate }>;
export type StartEducation = Command<'StartEducation', { educationId: string; kind: EducationKind; startedOn: IsoDate }>;
export type EndEducation = Command<'EndEducation', { educationId: string; endedOn: IsoDate }>;
export type CompleteEducation = Command<'CompleteEducation', { educationId: string; completedOn: IsoDate }>;
export type RegisterSelfSufficiency = Command<'RegisterSelfSufficiency', { reachedOn: IsoDate; through: SelfSufficiencySource }>;
export type RegisterLossOfSelfSufficiency = Command<'RegisterLossOfSelfSufficiency', { lostOn: IsoDate }>;
export type AssessProgression = Command<'AssessProgression', { step: number; assessedBy: AgencyCode; assessedOn: IsoDate; note?: Sealed }>;

/** `agency`: the placing user's agency (from the token), whose users may lift the hold again. */
export type PlaceLegalHold = Command<'PlaceLegalHold', { holdId: string; reason: Sealed; placedBy: UserId; agency?: AgencyCode }>;
export type LiftLegalHold = Command<'LiftLegalHold', { holdId: string; liftedBy: UserId }>;
export type EraseCitizenData = Command<'EraseCitizenData', { scope: ErasureScope; reason: ErasureReason; by: UserId }>;

/**
 * A flow left unanswered past a step of the escalation rules: shared information not acknowledged
 * by `toAgency`, or a request not answered. Issued by the escalation job only (a system caller),
 * never by a user; the rules decide whether the step is due.
 */
export type EscalateFlow = Command<
  'EscalateFlow',
  { flow: 'information'; entryId: string; toAgency: AgencyCode; step: EscalationStep } | { flow: 'request'; requestId: string; step: EscalationStep }
>;

export type CaseCommand =
  | OpenCase
  | CloseCase
  | ReopenCase
  | AssessSspCategory
  | AssignCoordinator
  | ChangeCoordinator
  | JoinCase
  | ChangeEntryPoint
  | LeaveCase
  | EnrolInProgramme
  | ExitProgramme
  | ShareInformation
  | AcknowledgeInformation
  | RequestInformation
  | AnswerInformationRequest
  | DeclineInformationRequest
  | SetGoal
  | AddAction
  | CompleteAction
  | CancelAction
  | RecordCaseConference
  | StartCustody
  | ChangeExpectedRelease
  | ReleaseFromCustody
  | RecordCharge
  | RecordConviction
  | StartEmployment
  | EndEmployment
  | StartEducation
  | EndEducation
  | CompleteEducation
  | RegisterSelfSufficiency
  | RegisterLossOfSelfSufficiency
  | AssessProgression
  | PlaceLegalHold
  | LiftLegalHold
  | EraseCitizenData
  | RequestIntake
  | EscalateFlow;

export type CaseCommandType = CaseCommand['type'];
