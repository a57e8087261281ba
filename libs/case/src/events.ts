/**
 * What happened in a case, in the past tense. Events are `{ type, data }`; metadata (actor, agency,
 * correlation, legal basis) is attached where events are appended, not here.
 *
 * Personal data travels only as `Sealed`. The citizen is known by `citizenId` (a random id, the case's);
 * the CPR lookup (keyed CPR hash -> case) lives outside the log, in a table a citizen erasure deletes
 * from (libs/privacy, citizen-case-lookup.ts); birth date and district are sealed too (issue 21), and
 * projections that need them (eligibility, statistics) get them opened (libs/privacy opening-event-store.ts). Instants (`...At`) are the recording time taken from the decider's `now`;
 * dates (`...On`) are real-world dates given by the command.
 */
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
  IsoInstant,
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
import type { EscalationRecipient, EscalationStep } from '@samvirke/reference-data';

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Readonly<Data> };

export type CaseOpened = Event<
  'CaseOpened',
  {
    citizenId: string;
    /**
     * Streams opened before the CPR lookup left the log (issue 21) carry the keyed CPR hash here; new
     * ones never do. Read by nothing but the lookup's backfill migration.
     */
    cprHash?: string;
    name: Sealed;
    cpr: Sealed;
    /**
     * The birth date and district of residence, sealed under the citizen's key like name and CPR
     * (issue 21), so a citizen erasure leaves neither readable in the log. Streams opened before carry
     * them in clear in `birthDate` / `districtCode` instead.
     */
    sealedBirthDate?: Sealed;
    sealedDistrictCode?: Sealed;
    /**
     * In clear: only in streams opened before issue 21, and in the events projections are given,
     * which the privacy layer's opening store (libs/privacy, opening-event-store.ts) fills from the
     * sealed fields while the citizen's key lives. Absent after a citizen erasure.
     */
    birthDate?: IsoDate;
    districtCode?: string;
    /**
     * Set by the opening store only, never written to the log: the sealed birth date or district could
     * not be opened (the citizen's key was destroyed, at this instant; or, for 'unopenable', this process
     * lacks the master key). Read models then hold no identity for the case rather than half of one.
     */
    identityUnavailable?: { reason: 'erased' | 'unopenable'; erasedAt?: IsoInstant };
    referredBy: AgencyCode;
    reason: Sealed;
    /**
     * The referrer's entry point for the case, as the referral named it. The referrer joins the case
     * with it when a coordinator takes the case over (until then only the intake unit is on it);
     * absent: its directory default. Cases opened before intake existed have the referrer joined at once.
     */
    referrerEntryPoint?: CaseEntryPoint;
    openedAt: IsoInstant;
    /** The real-world day the case was opened, when it differs from the day recorded (history); measures and read models use it. */
    openedOn?: IsoDate;
  }
>;
/**
 * A referral of a citizen who already has this case: recorded on the case for its coordinator (the
 * referrer is not brought onto the case by it, and is told only that the referral was received).
 */
export type ReferralReceived = Event<
  'ReferralReceived',
  { referredBy: AgencyCode; reason: Sealed; referrerEntryPoint?: CaseEntryPoint; receivedAt: IsoInstant }
>;
export type CaseClosed = Event<'CaseClosed', { reason: CaseCloseReason; note?: Sealed; closedAt: IsoInstant }>;
export type CaseReopened = Event<'CaseReopened', { reason: Sealed; reopenedAt: IsoInstant }>;

export type SspCategoryAssessed = Event<'SspCategoryAssessed', { level: SspCategory; rationale: Sealed; assessedBy: AgencyCode; assessedOn: IsoDate }>;

export type CoordinatorAssigned = Event<'CoordinatorAssigned', { coordinatorId: UserId; agency: AgencyCode; assignedAt: IsoInstant }>;
export type CoordinatorChanged = Event<
  'CoordinatorChanged',
  { coordinatorId: UserId; agency: AgencyCode; previousCoordinatorId: UserId; changedAt: IsoInstant }
>;

export type AgencyJoinedCase = Event<'AgencyJoinedCase', { agency: AgencyCode; entryPoint: CaseEntryPoint; joinedAt: IsoInstant }>;
export type EntryPointChanged = Event<'EntryPointChanged', { agency: AgencyCode; entryPoint: CaseEntryPoint; changedAt: IsoInstant }>;
export type AgencyLeftCase = Event<'AgencyLeftCase', { agency: AgencyCode; leftAt: IsoInstant }>;

export type EnrolledInProgramme = Event<'EnrolledInProgramme', { programmeCode: ProgrammeCode; startedOn: IsoDate }>;
export type ExitedProgramme = Event<'ExitedProgramme', { programmeCode: ProgrammeCode; endedOn: IsoDate; exitReason: ProgrammeExitReason }>;

export type InformationShared = Event<
  'InformationShared',
  {
    entryId: string;
    fromAgency: AgencyCode;
    sharedWith: readonly AgencyCode[];
    legalBasis: string;
    purpose: SharePurpose;
    sensitivity: Sensitivity;
    summary: Sealed;
    sharedAt: IsoInstant;
    /** The real-world day, when it differs from the day recorded (history); measures use it. */
    sharedOn?: IsoDate;
  }
>;
export type InformationAcknowledged = Event<
  'InformationAcknowledged',
  { entryId: string; agency: AgencyCode; acknowledgedAt: IsoInstant; acknowledgedOn?: IsoDate }
>;

export type InformationRequested = Event<
  'InformationRequested',
  {
    requestId: string;
    fromAgency: AgencyCode;
    toAgency: AgencyCode;
    question: Sealed;
    dueDate: IsoDate;
    legalBasis: string;
    requestedAt: IsoInstant;
    /** The real-world day, when it differs from the day recorded (history). */
    requestedOn?: IsoDate;
  }
>;
export type InformationRequestAnswered = Event<'InformationRequestAnswered', { requestId: string; agency: AgencyCode; answer: Sealed; answeredAt: IsoInstant }>;
export type InformationRequestDeclined = Event<
  'InformationRequestDeclined',
  { requestId: string; agency: AgencyCode; reason: RequestDeclineReason; note?: Sealed; declinedAt: IsoInstant }
>;

export type GoalSet = Event<'GoalSet', { goalId: string; area: GoalArea; description: Sealed; setAt: IsoInstant }>;

export type ActionAdded = Event<
  'ActionAdded',
  {
    actionId: string;
    goalId?: string;
    title: Sealed;
    responsibleAgency: AgencyCode;
    dueDate: IsoDate;
    /** Set when a case conference's decision created the action. */
    originConferenceId?: string;
    addedAt: IsoInstant;
  }
>;
export type ActionCompleted = Event<'ActionCompleted', { actionId: string; completedOn: IsoDate }>;
export type ActionCancelled = Event<'ActionCancelled', { actionId: string; reason: Sealed; cancelledAt: IsoInstant }>;

export interface ConferenceActionSpec {
  readonly actionId: string;
  readonly goalId?: string;
  readonly responsibleAgency: AgencyCode;
  readonly dueDate: IsoDate;
  readonly title: Sealed;
}
export interface ConferenceDecision {
  readonly decisionId: string;
  readonly text: Sealed;
  readonly createsAction?: ConferenceActionSpec;
}
export type CaseConferenceHeld = Event<
  'CaseConferenceHeld',
  { conferenceId: string; heldOn: IsoDate; agenciesPresent: readonly AgencyCode[]; decisions: readonly ConferenceDecision[] }
>;

export type CustodyStarted = Event<
  'CustodyStarted',
  { custodyId: string; kind: CustodyKind; institution: string; startedOn: IsoDate; expectedReleaseOn?: IsoDate }
>;
export type ExpectedReleaseChanged = Event<'ExpectedReleaseChanged', { custodyId: string; expectedReleaseOn: IsoDate; changedAt: IsoInstant }>;
export type ReleasedFromCustody = Event<'ReleasedFromCustody', { custodyId: string; releasedOn: IsoDate; conditional: boolean }>;

export type ChargeRecorded = Event<'ChargeRecorded', { chargeId: string; offenceCategory: string; chargedOn: IsoDate; reportedBy: AgencyCode }>;
export type ConvictionRecorded = Event<
  'ConvictionRecorded',
  {
    convictionId: string;
    chargeId?: string;
    offenceCategory: string;
    /** Copied from the offence category at decision time, so a later reference-data change cannot rewrite history. */
    dangerousToPersons: boolean;
    convictedOn: IsoDate;
    sentence: Sealed;
    reportedBy: AgencyCode;
  }
>;

export type EmploymentStarted = Event<'EmploymentStarted', { employmentId: string; kind: EmploymentKind; startedOn: IsoDate }>;
export type EmploymentEnded = Event<'EmploymentEnded', { employmentId: string; endedOn: IsoDate }>;
export type EducationStarted = Event<'EducationStarted', { educationId: string; kind: EducationKind; startedOn: IsoDate }>;
/** Left without completing; completion is its own event because the measures count it. */
export type EducationEnded = Event<'EducationEnded', { educationId: string; endedOn: IsoDate }>;
export type EducationCompleted = Event<'EducationCompleted', { educationId: string; completedOn: IsoDate }>;
export type SelfSufficiencyReached = Event<'SelfSufficiencyReached', { reachedOn: IsoDate; through: SelfSufficiencySource }>;
export type SelfSufficiencyLost = Event<'SelfSufficiencyLost', { lostOn: IsoDate }>;
export type ProgressionAssessed = Event<'ProgressionAssessed', { step: number; assessedBy: AgencyCode; assessedOn: IsoDate; note?: Sealed }>;

export type LegalHoldPlaced = Event<'LegalHoldPlaced', { holdId: string; reason: Sealed; placedBy: UserId; agency?: AgencyCode; placedAt: IsoInstant }>;
export type LegalHoldLifted = Event<'LegalHoldLifted', { holdId: string; liftedBy: UserId; liftedAt: IsoInstant }>;
export type CitizenDataErased = Event<'CitizenDataErased', { scope: ErasureScope; reason: ErasureReason; by: UserId; erasedAt: IsoInstant }>;

/**
 * A step of the escalation rules taken for an unanswered flow (see escalation-schedule.ts). Carries
 * what a notification needs without reading anything else: whom the step tells (`notify`: the late
 * agency's entry point on the case, its escalation contact, the case's coordinator), the contact and
 * the coordinator as they were when it was decided, and no personal data (ids and codes only).
 */
export type FlowEscalated = Event<
  'FlowEscalated',
  {
    flow: 'information' | 'request';
    /** The shared entry (flow 'information') or the request (flow 'request'). */
    entryId?: string;
    requestId?: string;
    fromAgency: AgencyCode;
    /** The agency that has not acknowledged or answered. */
    toAgency: AgencyCode;
    step: EscalationStep;
    notify: readonly EscalationRecipient[];
    /** With 'escalation-contact' in `notify`: the agency's escalation function (reference data). */
    escalationContact?: { role: string; functionMailbox: string };
    /** With 'coordinator' in `notify`, when the case has one. */
    coordinatorId?: UserId;
    /** The day the step fell due (Copenhagen date) and the working days late it was taken. */
    dueOn: IsoDate;
    workingDaysLate: number;
    /** The escalation rules' version that decided it. */
    rulesVersion: string;
    escalatedAt: IsoInstant;
  }
>;

export type CaseEvent =
  | CaseOpened
  | ReferralReceived
  | CaseClosed
  | CaseReopened
  | SspCategoryAssessed
  | CoordinatorAssigned
  | CoordinatorChanged
  | AgencyJoinedCase
  | EntryPointChanged
  | AgencyLeftCase
  | EnrolledInProgramme
  | ExitedProgramme
  | InformationShared
  | InformationAcknowledged
  | InformationRequested
  | InformationRequestAnswered
  | InformationRequestDeclined
  | GoalSet
  | ActionAdded
  | ActionCompleted
  | ActionCancelled
  | CaseConferenceHeld
  | CustodyStarted
  | ExpectedReleaseChanged
  | ReleasedFromCustody
  | ChargeRecorded
  | ConvictionRecorded
  | EmploymentStarted
  | EmploymentEnded
  | EducationStarted
  | EducationEnded
  | EducationCompleted
  | SelfSufficiencyReached
  | SelfSufficiencyLost
  | ProgressionAssessed
  | LegalHoldPlaced
  | LegalHoldLifted
  | CitizenDataErased
  | FlowEscalated;

export type CaseEventType = CaseEvent['type'];

/** Every event type, for code that must enumerate them (schema registries, projections' coverage tests). */
export const CASE_EVENT_TYPES = [
  'CaseOpened',
  'ReferralReceived',
  'CaseClosed',
  'CaseReopened',
  'SspCategoryAssessed',
  'CoordinatorAssigned',
  'CoordinatorChanged',
  'AgencyJoinedCase',
  'EntryPointChanged',
  'AgencyLeftCase',
  'EnrolledInProgramme',
  'ExitedProgramme',
  'InformationShared',
  'InformationAcknowledged',
  'InformationRequested',
  'InformationRequestAnswered',
  'InformationRequestDeclined',
  'GoalSet',
  'ActionAdded',
  'ActionCompleted',
  'ActionCancelled',
  'CaseConferenceHeld',
  'CustodyStarted',
  'ExpectedReleaseChanged',
  'ReleasedFromCustody',
  'ChargeRecorded',
  'ConvictionRecorded',
  'EmploymentStarted',
  'EmploymentEnded',
  'EducationStarted',
  'EducationEnded',
  'EducationCompleted',
  'SelfSufficiencyReached',
  'SelfSufficiencyLost',
  'ProgressionAssessed',
  'LegalHoldPlaced',
  'LegalHoldLifted',
  'CitizenDataErased',
  'FlowEscalated',
] as const satisfies readonly CaseEventType[];

// Fails to compile when an event type is added to the union but not to the list above.
const everyEventTypeListed: [Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
void everyEventTypeListed;
