/**
 * SSP+ eligibility, derived whenever it is asked for and never stored: it changes with the calendar
 * (birthdays), with new category assessments and with enrolments, and a stored flag would drift
 * from all three. It is evaluated "as of" a moment, using only facts dated on or before that day,
 * so an auditor reconstructing the case at a past moment gets the answer the case had then.
 */
import type { Programme } from '@samvirke/reference-data';
import { ageOn, copenhagenDate } from './calendar-date';
import type { CaseState, Enrolment } from './state';
import type { IsoDate, SspCategory } from './vocabulary';

/** Both bounds inclusive, in completed years: 18-23 means from the 18th birthday to the day before the 24th. */
export interface AgeBand {
  readonly minAge: number;
  readonly maxAge: number;
}

/** Configuration, because cities differ (the letter says 18-23, Copenhagen today 18-25, others 30). */
export interface SspPlusAgeBands {
  readonly standard: AgeBand;
  /** Applies while the citizen is enrolled in a programme marked `gangConflict` in reference data. */
  readonly gangConflict: AgeBand;
}

export const DEFAULT_SSP_PLUS_AGE_BANDS: SspPlusAgeBands = Object.freeze({
  standard: Object.freeze({ minAge: 18, maxAge: 23 }),
  gangConflict: Object.freeze({ minAge: 18, maxAge: 25 }),
});

/** Levels 3 (repeated serious crime) and 4 (crime dangerous to persons) go to SSP+. */
export const SSP_PLUS_CATEGORIES: readonly SspCategory[] = [3, 4];

export type IneligibilityReason = 'CASE_NOT_OPENED' | 'NO_CATEGORY_ASSESSMENT' | 'CATEGORY_BELOW_SSP_PLUS' | 'BELOW_AGE_BAND' | 'ABOVE_AGE_BAND';

export interface SspPlusEligibility {
  readonly eligible: boolean;
  readonly onDate: IsoDate;
  readonly age?: number;
  readonly category?: SspCategory;
  readonly ageBand: AgeBand;
  readonly gangConflict: boolean;
  /** Empty exactly when eligible. */
  readonly reasons: readonly IneligibilityReason[];
}

export interface EligibilityOptions {
  readonly at: Date;
  readonly programmes: ReadonlyMap<string, Pick<Programme, 'gangConflict'>>;
  readonly ageBands?: SspPlusAgeBands;
}

export type EligibilityFacts = Pick<CaseState, 'citizen' | 'categoryAssessments' | 'enrolments' | 'pastEnrolments'>;

export function sspPlusEligibility(facts: EligibilityFacts, options: EligibilityOptions): SspPlusEligibility {
  const onDate = copenhagenDate(options.at);
  const bands = options.ageBands ?? DEFAULT_SSP_PLUS_AGE_BANDS;
  const gangConflict = enrolledInGangConflictProgramme(facts, onDate, options.programmes);
  const ageBand = gangConflict ? bands.gangConflict : bands.standard;
  // No birth date known (the case not opened, or the citizen's birth date not given or erased): no age to judge.
  if (facts.citizen?.birthDate === undefined) {
    return { eligible: false, onDate, ageBand, gangConflict, reasons: ['CASE_NOT_OPENED'] };
  }

  const age = ageOn(facts.citizen.birthDate, onDate);
  const category = latestCategoryOn(facts, onDate);
  const reasons: IneligibilityReason[] = [];
  if (category === undefined) reasons.push('NO_CATEGORY_ASSESSMENT');
  else if (!SSP_PLUS_CATEGORIES.includes(category)) reasons.push('CATEGORY_BELOW_SSP_PLUS');
  if (age < ageBand.minAge) reasons.push('BELOW_AGE_BAND');
  if (age > ageBand.maxAge) reasons.push('ABOVE_AGE_BAND');

  return {
    eligible: reasons.length === 0,
    onDate,
    age,
    ...(category === undefined ? {} : { category }),
    ageBand,
    gangConflict,
    reasons,
  };
}

/**
 * The level of the assessment with the latest `assessedOn` on or before `onDate`; among assessments
 * of the same day the one recorded last wins, because it was made knowing the earlier one.
 */
function latestCategoryOn(facts: EligibilityFacts, onDate: IsoDate): SspCategory | undefined {
  let latest: { level: SspCategory; assessedOn: IsoDate } | undefined;
  for (const assessment of facts.categoryAssessments) {
    if (assessment.assessedOn > onDate) continue;
    if (latest === undefined || assessment.assessedOn >= latest.assessedOn) latest = assessment;
  }
  return latest?.level;
}

function enrolledInGangConflictProgramme(facts: EligibilityFacts, onDate: IsoDate, programmes: EligibilityOptions['programmes']): boolean {
  const enrolledOn = (e: Enrolment): boolean => e.startedOn <= onDate && (e.endedOn === undefined || e.endedOn >= onDate);
  return [...facts.enrolments.values(), ...facts.pastEnrolments].some((e) => enrolledOn(e) && programmes.get(e.programmeCode)?.gangConflict === true);
}
