/**
 * SSP+ eligibility of a summary row as of the reading moment. It is never stored: it changes with
 * birthdays, so a stored flag would be wrong the morning after. The domain's `sspPlusEligibility`
 * is the one rule; SQL only narrows the rows it has to look at.
 *
 * A row whose citizen was erased has no birth date to compute an age from. It is answered "not
 * eligible" with the read side's own reason CITIZEN_DATA_ERASED rather than left out or guessed:
 * the case can never be reopened (the decider refuses), so it can never be SSP+ again.
 */
import { DEFAULT_SSP_PLUS_AGE_BANDS, sspPlusEligibility, type Enrolment, type SspPlusAgeBands, type SspPlusEligibility } from '@samvirke/case';
import type { Programme } from '@samvirke/reference-data';
import type { AssessmentFact, EnrolmentFact } from './case-summary-fold';

/** Optional provider for the city's age bands; without it the defaults of @samvirke/case apply. */
export const SSP_PLUS_AGE_BANDS = Symbol('SSP_PLUS_AGE_BANDS');

export interface EligibilityInputs {
  citizenId: string;
  /** Null (with districtCode) once the citizen was erased. */
  birthDate: string | null;
  districtCode: string | null;
  assessments: readonly AssessmentFact[];
  enrolments: readonly EnrolmentFact[];
}

export const CITIZEN_DATA_ERASED = 'CITIZEN_DATA_ERASED';

/** The domain's answer, plus the one reason only a read model can have: the citizen's data is gone. */
export type SummaryEligibility = Omit<SspPlusEligibility, 'reasons'> & {
  readonly reasons: readonly (SspPlusEligibility['reasons'][number] | typeof CITIZEN_DATA_ERASED)[];
};

export function eligibilityOnRead(
  row: EligibilityInputs,
  at: Date,
  programmes: ReadonlyMap<string, Pick<Programme, 'gangConflict'>>,
  ageBands: SspPlusAgeBands = DEFAULT_SSP_PLUS_AGE_BANDS,
): SummaryEligibility {
  const current = new Map<string, Enrolment>();
  const past: Enrolment[] = [];
  for (const enrolment of row.enrolments) {
    if (enrolment.endedOn === undefined) current.set(enrolment.programmeCode, enrolment);
    else past.push(enrolment);
  }
  const { birthDate, districtCode } = row;
  const facts = { categoryAssessments: row.assessments, enrolments: current, pastEnrolments: past };
  if (birthDate === null || districtCode === null) {
    // Without a citizen the domain answers with the band and gang-conflict flag it would apply and
    // no age; only its reason is replaced.
    const withoutCitizen = sspPlusEligibility(facts, { at, programmes, ageBands });
    return { ...withoutCitizen, reasons: [CITIZEN_DATA_ERASED] };
  }
  return sspPlusEligibility(
    {
      // The read model keeps no CPR hash (it needs none); eligibility reads only the birth date.
      citizen: { citizenId: row.citizenId, birthDate, districtCode },
      ...facts,
    },
    { at, programmes, ageBands },
  );
}

/**
 * A condition every eligible row meets (a superset: some rows it lets through are not eligible),
 * over the widest of the configured age bands, with a day of slack for 29 February births and
 * with "any 3/4 assessment ever" for the level. The exact rule then runs in code on what is left.
 */
export function eligibilityCandidateSql(
  columns: { birthDate: string; assessments: string },
  onDate: string,
  ageBands: SspPlusAgeBands,
  params: unknown[],
): string {
  const minAge = Math.min(ageBands.standard.minAge, ageBands.gangConflict.minAge);
  const maxAge = Math.max(ageBands.standard.maxAge, ageBands.gangConflict.maxAge);
  params.push(onDate, minAge, maxAge + 1);
  const [day, youngest, oldest] = [`$${params.length - 2}::date`, `$${params.length - 1}::int`, `$${params.length}::int`];
  return `((${columns.assessments} @> '[{"level":3}]' OR ${columns.assessments} @> '[{"level":4}]')
    AND ${columns.birthDate} <= (${day} - make_interval(years => ${youngest}))::date + 1
    AND ${columns.birthDate} >= (${day} - make_interval(years => ${oldest}))::date - 1)`;
}
