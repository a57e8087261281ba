/**
 * The shape of Samvirke's reference data once loaded. Everything here is read-only: reference data
 * changes by shipping a new version of the JSON files, never by mutating it at runtime.
 */

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
  readonly handles: readonly string[];
}

export interface Agency {
  readonly code: string;
  readonly name: LocalisedName;
  readonly kind: AgencyKind;
  readonly controllerRegime: ControllerRegime;
  /** Never empty: the first is the agency's default entry point. */
  readonly entryPoints: readonly StandingEntryPoint[];
}

export interface Programme {
  readonly code: string;
  readonly name: LocalisedName;
  readonly description: string;
  readonly ownerAgency: string;
  readonly roadMap?: string;
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

export const ROAD_MAP_ANCHORS = ['custody-started', 'expected-release'] as const;
export type RoadMapAnchor = (typeof ROAD_MAP_ANCHORS)[number];

export const CUSTODY_KINDS = ['remand', 'sentence'] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];

/** A deadline template: due `offsetDays` after (or, when negative, before) the anchor event. */
export interface RoadMapItem {
  readonly code: string;
  readonly title: string;
  readonly ownerAgency: string;
  readonly anchor: RoadMapAnchor;
  readonly offsetDays: number;
}

export interface RoadMapApplicability {
  readonly custodyKinds: readonly CustodyKind[];
  readonly minAgeYears?: number;
  readonly minSentenceMonths?: number;
}

export interface RoadMap {
  readonly code: string;
  readonly name: LocalisedName;
  readonly description: string;
  readonly applicability: RoadMapApplicability;
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
}

export interface ReferenceData {
  readonly versions: ReferenceDataVersions;
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly programmes: ReadonlyMap<string, Programme>;
  readonly geographies: ReadonlyMap<string, Geography>;
  readonly cityDistricts: ReadonlyMap<string, CityDistrict>;
  readonly districts: ReadonlyMap<string, District>;
  readonly offenceCategories: ReadonlyMap<string, OffenceCategory>;
  readonly legalBases: ReadonlyMap<string, LegalBasis>;
  readonly roadMaps: ReadonlyMap<string, RoadMap>;
  readonly progressionScale: ProgressionScale;
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
}
