/**
 * The shape of Samvirke's reference data once loaded. Everything here is read-only: reference data
 * changes by shipping a new version of the JSON files, never by mutating it at runtime.
 */
import type { EscalationContact, EscalationRules } from './escalation-rules';

export interface LocalisedName {
  readonly da: string;
  readonly en: string;
}

export const AGENCY_KINDS = ['municipal-administration', 'police', 'prison-and-probation'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Which data-protection regime the agency's facts fall under (GDPR or the law-enforcement act). */
export const CONTROLLER_REGIMES = ['gdpr', 'law-enforcement'] as const;
export type ControllerRegime = (typeof CONTROLLER_REGIMES)[number];

/** A standing entry point in an agency's directory: where a case can reach the agency by default. */
export interface StandingEntryPoint {
  readonly code: string;
  readonly unit: string;
  readonly functionMailbox: string;
  readonly phone: string;
  /** What the unit handles, in English, and the same lines in Danish (`handlesDa`), as many and in the same order. */
  readonly handles: readonly string[];
  readonly handlesDa: readonly string[];
  /** How notification mail reaches the unit unless it chooses otherwise (libs/notifications); absent: immediate. */
  readonly mailDelivery?: 'immediate' | 'daily-digest';
}

export interface Agency {
  readonly code: string;
  readonly name: LocalisedName;
  readonly kind: AgencyKind;
  readonly controllerRegime: ControllerRegime;
  /** Never empty: the first is the agency's default entry point. */
  readonly entryPoints: readonly StandingEntryPoint[];
  /** Whom an escalation of a flow left unanswered by this agency goes to (escalation-rules.json); every shipped agency has one. */
  readonly escalationContact?: EscalationContact;
}

export interface Programme {
  readonly code: string;
  readonly name: LocalisedName;
  readonly description: string;
  readonly ownerAgency: string;
  /** Enrolment means the citizen's identity and address must be sealed to named people. */
  readonly sealsIdentity: boolean;
  /** Enrolment widens the SSP+ age band (gang-conflict efforts reach 18-25). */
  readonly gangConflict: boolean;
  /** Effect measures by code; their definitions live with the effects library. */
  readonly measures: readonly string[];
}

export interface District {
  readonly code: string;
  readonly name: string;
  readonly cityDistrict: string;
  readonly geography: string;
}

export interface CityDistrict {
  readonly code: string;
  readonly name: string;
  readonly geography: string;
  readonly districts: readonly string[];
}

/** One version of the city's district geography; district codes are unique across versions. */
export interface Geography {
  readonly code: string;
  readonly validFrom: string;
  readonly cityDistricts: readonly string[];
}

export interface OffenceCategory {
  readonly code: string;
  readonly name: LocalisedName;
  readonly dangerousToPersons: boolean;
}

export interface LegalBasis {
  readonly code: string;
  readonly name: LocalisedName;
  readonly description: string;
  /** Section 115(2) of the Administration of Justice Act: false for every basis we know. */
  readonly disclosableToPoliceForInvestigation: boolean;
}

/**
 * The facts a road-map deadline can count from: the day custody started, the expected release (it
 * moves when the prison service changes it) and the day of the actual release.
 */
export const ROAD_MAP_ANCHORS = ['custody-started', 'expected-release', 'released'] as const;
export type RoadMapAnchor = (typeof ROAD_MAP_ANCHORS)[number];

/** The facts that start a road map: a custody starting, or a release happening. */
export const ROAD_MAP_STARTS = ['custody-started', 'released'] as const;
export type RoadMapStart = (typeof ROAD_MAP_STARTS)[number];

export const CUSTODY_KINDS = ['remand', 'sentence'] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];

/** Road maps state their deadlines in calendar units ("at least 3 months before release"), not in days. */
export const CALENDAR_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

/** `amount` units after (or, when negative, before) the anchor: `{ amount: -3, unit: 'months', from: 'expected-release' }`. */
export interface CalendarOffset {
  readonly amount: number;
  readonly unit: CalendarUnit;
  readonly from: RoadMapAnchor;
}

/** A deadline template. */
export interface RoadMapItem {
  readonly code: string;
  /** What is due, as readers show it (the timeline, in the reader's language). */
  readonly title: LocalisedName;
  readonly ownerAgency: string;
  readonly due: CalendarOffset;
}

/**
 * When a road map starts, declaratively: on the fact `startsOn`, for a custody of `custodyKind` (any
 * when absent), expected to last at least `minMonths` from its start to the expected release, for a
 * citizen at least `minAge` on the day the road map starts, enrolled in `programme` on that day.
 * Every condition that is absent holds.
 */
export interface RoadMapTrigger {
  readonly startsOn: RoadMapStart;
  readonly custodyKind?: CustodyKind;
  readonly minMonths?: number;
  readonly minAge?: number;
  readonly programme?: string;
}

export interface RoadMap {
  readonly code: string;
  readonly name: LocalisedName;
  readonly description: string;
  readonly trigger: RoadMapTrigger;
  readonly items: readonly RoadMapItem[];
}

export interface ProgressionStep {
  readonly step: number;
  readonly label: LocalisedName;
}

export interface ProgressionScale {
  readonly code: string;
  readonly steps: readonly ProgressionStep[];
  readonly minStep: number;
  readonly maxStep: number;
}

/** The version string of each file, so events and reports can say which reference data they used. */
export interface ReferenceDataVersions {
  readonly agencies: string;
  readonly programmes: string;
  readonly districts: string;
  readonly offenceCategories: string;
  readonly legalBases: string;
  readonly roadMaps: string;
  readonly progressionScale: string;
  readonly escalationRules: string;
}

/**
 * The unit that receives referrals (POST /cases): every new case gets this agency on it with this
 * entry point, and the agency's coordinators take cases over from the intake queue (GET /intake).
 * Validated on load: the agency exists, is a municipal administration (only those coordinate) and
 * has the entry point.
 */
export interface ReferralIntake {
  readonly agency: string;
  readonly entryPoint: StandingEntryPoint;
}

export interface ReferenceData {
  readonly versions: ReferenceDataVersions;
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly referralIntake: ReferralIntake;
  readonly programmes: ReadonlyMap<string, Programme>;
  readonly geographies: ReadonlyMap<string, Geography>;
  readonly cityDistricts: ReadonlyMap<string, CityDistrict>;
  readonly districts: ReadonlyMap<string, District>;
  readonly offenceCategories: ReadonlyMap<string, OffenceCategory>;
  readonly legalBases: ReadonlyMap<string, LegalBasis>;
  readonly roadMaps: ReadonlyMap<string, RoadMap>;
  readonly progressionScale: ProgressionScale;
  /** When unanswered exchanges are chased, and the working-day calendar they count in. */
  readonly escalationRules: EscalationRules;
}

/** The raw JSON documents, one per file, before validation. */
export interface ReferenceDataFiles {
  readonly agencies: unknown;
  readonly programmes: unknown;
  readonly districts: unknown;
  readonly offenceCategories: unknown;
  readonly legalBases: unknown;
  readonly roadMaps: unknown;
  readonly progressionScale: unknown;
  /** The shipped escalation-rules.json when absent. */
  readonly escalationRules?: unknown;
}
