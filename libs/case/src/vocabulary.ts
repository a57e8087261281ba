/**
 * The value types the case's commands, events and state share. Codes typed as `string` (agencies,
 * programmes, offence categories, legal bases, districts) come from reference data and are checked
 * against it by the decider; small closed sets that no programme needs to extend are unions here.
 */

/**
 * Personal data, encrypted before the command reaches the decider (crypto-shredding: one key per
 * citizen). The decider stores and passes it on but never looks inside.
 */
export interface Sealed {
  readonly sealed: string;
}

/** A calendar date `yyyy-mm-dd` in Copenhagen; real-world dates such as a birth or a release. */
export type IsoDate = string;
/** An instant as `Date.prototype.toISOString()` writes it; when the system recorded something. */
export type IsoInstant = string;

export type AgencyCode = string;
export type ProgrammeCode = string;
export type UserId = string;

/** Copenhagen SSP levels: 1 concerning behaviour, 2 first-time crime, 3 repeated serious crime, 4 dangerous to persons. */
export type SspCategory = 1 | 2 | 3 | 4;

export type CaseCloseReason = 'goals-achieved' | 'moved-out-of-municipality' | 'aged-out' | 'declined-cooperation' | 'no-longer-needed' | 'deceased' | 'other';

/**
 * The entry point an agency gives for one case. Unit, contact person, phone and e-mail belong to the
 * agency's staff, not to the citizen, so they stay in clear text: the entry-point directory must be
 * readable without the citizen's key, also after crypto-shredding.
 */
export interface CaseEntryPoint {
  readonly unit: string;
  readonly contactPerson?: string;
  readonly phone: string;
  readonly email: string;
}

export type ProgrammeExitReason = 'completed' | 'dropped-out' | 'transferred' | 'moved' | 'no-longer-eligible' | 'other';

/** 'sealed-identity': the entry reveals a sealed identity (exit programme) and is shown only to named people. */
export type Sensitivity = 'normal' | 'sensitive' | 'sealed-identity';

/** Why information is shared. Section 115(2) forbids sharing with the police to investigate a crime. */
export type SharePurpose = 'crime-prevention' | 'criminal-investigation';

export type RequestDeclineReason = 'no-information' | 'no-legal-basis' | 'not-necessary' | 'other';

/** The road map's assessment areas, so an action plan's goals can be counted per area. */
export type GoalArea = 'employment' | 'education' | 'housing' | 'health' | 'finances' | 'network' | 'substance-use' | 'leisure' | 'other';

export type CustodyKind = 'remand' | 'sentence';

export type EmploymentKind = 'ordinary' | 'wage-subsidy' | 'internship' | 'flexible';

export type EducationKind = 'lower-secondary' | 'preparatory' | 'upper-secondary' | 'vocational' | 'higher' | 'course';

export type SelfSufficiencySource = 'employment' | 'education' | 'other';

/** `'citizen'` erases everything about the citizen; an agency code erases that agency's contributions. */
export type ErasureScope = 'citizen' | AgencyCode;

export type ErasureReason = 'retention-expired' | 'erasure-request' | 'unlawful-processing' | 'other';
