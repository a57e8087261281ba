/**
 * What the decider needs to know about a case, folded from its events. It holds no personal data:
 * sealed fields stay in the events, so the state can be cached, logged in tests and compared freely.
 * Derived facts (SSP+ eligibility, overdue actions) are not here; they are computed from the state
 * and a moment in time (see eligibility.ts), so they cannot drift.
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
  SelfSufficiencySource,
  Sensitivity,
  SspCategory,
  UserId,
} from './vocabulary';
import type { EscalationStep } from '@samvirke/reference-data';

export type CaseStatus = 'not-opened' | 'open' | 'closed';

export interface CitizenFacts {
  readonly citizenId: string;
  /** Only from streams opened before issue 21 (in clear in the log); a sealed pair stays in the event. */
  readonly birthDate?: IsoDate;
  readonly districtCode?: string;
}

export interface CategoryAssessment {
  readonly level: SspCategory;
  readonly assessedBy: AgencyCode;
  readonly assessedOn: IsoDate;
}

export interface Coordinator {
  readonly coordinatorId: UserId;
  readonly agency: AgencyCode;
  readonly since: IsoInstant;
}

export interface CaseAgency {
  readonly agency: AgencyCode;
  readonly entryPoint: CaseEntryPoint;
  readonly joinedAt: IsoInstant;
}

export interface Enrolment {
  readonly programmeCode: ProgrammeCode;
  readonly startedOn: IsoDate;
  readonly endedOn?: IsoDate;
  readonly exitReason?: ProgrammeExitReason;
}

export interface SharedEntry {
  readonly entryId: string;
  readonly fromAgency: AgencyCode;
  readonly sharedWith: readonly AgencyCode[];
  readonly legalBasis: string;
  readonly sensitivity: Sensitivity;
  readonly sharedAt: IsoInstant;
  /** The real-world day shared, when recorded later (history). */
  readonly sharedOn?: IsoDate;
  readonly acknowledgedBy: ReadonlyMap<AgencyCode, IsoInstant>;
  /** The furthest escalation step taken per recipient that has not acknowledged; absent until the first. */
  readonly escalations?: ReadonlyMap<AgencyCode, EscalationStep>;
}

export interface InformationRequest {
  readonly requestId: string;
  readonly fromAgency: AgencyCode;
  readonly toAgency: AgencyCode;
  readonly dueDate: IsoDate;
  readonly legalBasis: string;
  readonly requestedAt: IsoInstant;
  readonly status: 'open' | 'answered' | 'declined';
  readonly respondedAt?: IsoInstant;
  /** The furthest escalation step taken while it was open. */
  readonly escalation?: EscalationStep;
}

export interface Goal {
  readonly goalId: string;
  readonly area: GoalArea;
  readonly setAt: IsoInstant;
}

export interface PlannedAction {
  readonly actionId: string;
  readonly goalId?: string;
  readonly responsibleAgency: AgencyCode;
  readonly dueDate: IsoDate;
  readonly originConferenceId?: string;
  readonly addedAt: IsoInstant;
  readonly status: 'open' | 'completed' | 'cancelled';
  readonly completedOn?: IsoDate;
}

export interface Conference {
  readonly conferenceId: string;
  readonly heldOn: IsoDate;
  readonly agenciesPresent: readonly AgencyCode[];
  readonly decisionIds: readonly string[];
}

export interface Custody {
  readonly custodyId: string;
  readonly kind: CustodyKind;
  readonly institution: string;
  readonly startedOn: IsoDate;
  readonly expectedReleaseOn?: IsoDate;
  readonly releasedOn?: IsoDate;
  readonly conditionalRelease?: boolean;
}

export interface Charge {
  readonly chargeId: string;
  readonly offenceCategory: string;
  readonly chargedOn: IsoDate;
  readonly reportedBy: AgencyCode;
}

export interface Conviction {
  readonly convictionId: string;
  readonly chargeId?: string;
  readonly offenceCategory: string;
  readonly dangerousToPersons: boolean;
  readonly convictedOn: IsoDate;
  readonly reportedBy: AgencyCode;
}

export interface Employment {
  readonly employmentId: string;
  readonly kind: EmploymentKind;
  readonly startedOn: IsoDate;
  readonly endedOn?: IsoDate;
}

export interface Education {
  readonly educationId: string;
  readonly kind: EducationKind;
  readonly startedOn: IsoDate;
  readonly status: 'ongoing' | 'ended' | 'completed';
  readonly endedOn?: IsoDate;
}

export interface SelfSufficiency {
  readonly since: IsoDate;
  readonly through: SelfSufficiencySource;
}

export interface ProgressionAssessment {
  readonly step: number;
  readonly assessedBy: AgencyCode;
  readonly assessedOn: IsoDate;
}

export interface LegalHold {
  readonly holdId: string;
  readonly placedBy: UserId;
  /** The placing agency; absent on holds recorded before it was. */
  readonly agency?: AgencyCode;
  readonly placedAt: IsoInstant;
}

export interface Erasure {
  readonly scope: ErasureScope;
  readonly reason: ErasureReason;
  readonly erasedAt: IsoInstant;
}

export interface CaseState {
  readonly status: CaseStatus;
  readonly citizen?: CitizenFacts;
  readonly referredBy?: AgencyCode;
  /**
   * The referring agency while it waits to join: set by CaseOpened, cleared when it joins. A new
   * case has only the referral intake on it; the referrer joins when a coordinator is assigned.
   */
  readonly pendingReferrer?: { readonly agency: AgencyCode; readonly entryPoint?: CaseEntryPoint };
  readonly openedAt?: IsoInstant;
  readonly closedAt?: IsoInstant;
  readonly closeReason?: CaseCloseReason;
  /** In recording order; the whole history is kept because an assessment never replaces another. */
  readonly categoryAssessments: readonly CategoryAssessment[];
  readonly coordinator?: Coordinator;
  /** Agencies on the case now, with their entry point for it. */
  readonly agencies: ReadonlyMap<AgencyCode, CaseAgency>;
  /** Current enrolments by programme code. */
  readonly enrolments: ReadonlyMap<ProgrammeCode, Enrolment>;
  /** Ended enrolments, oldest first. */
  readonly pastEnrolments: readonly Enrolment[];
  readonly entries: ReadonlyMap<string, SharedEntry>;
  readonly requests: ReadonlyMap<string, InformationRequest>;
  readonly goals: ReadonlyMap<string, Goal>;
  readonly actions: ReadonlyMap<string, PlannedAction>;
  readonly conferences: ReadonlyMap<string, Conference>;
  /** The custody the citizen is in now, if any. */
  readonly custody?: Custody;
  /** Ended custodies, oldest first. */
  readonly pastCustodies: readonly Custody[];
  readonly charges: ReadonlyMap<string, Charge>;
  readonly convictions: ReadonlyMap<string, Conviction>;
  readonly employments: ReadonlyMap<string, Employment>;
  readonly educations: ReadonlyMap<string, Education>;
  readonly selfSufficiency?: SelfSufficiency;
  readonly progression: readonly ProgressionAssessment[];
  /** Active holds only: a lifted hold no longer blocks erasure. */
  readonly legalHolds: ReadonlyMap<string, LegalHold>;
  readonly erasures: readonly Erasure[];
  readonly citizenErased: boolean;
}

export function initialCaseState(): CaseState {
  return {
    status: 'not-opened',
    categoryAssessments: [],
    agencies: new Map(),
    enrolments: new Map(),
    pastEnrolments: [],
    entries: new Map(),
    requests: new Map(),
    goals: new Map(),
    actions: new Map(),
    conferences: new Map(),
    pastCustodies: [],
    charges: new Map(),
    convictions: new Map(),
    employments: new Map(),
    educations: new Map(),
    progression: [],
    legalHolds: new Map(),
    erasures: [],
    citizenErased: false,
  };
}
