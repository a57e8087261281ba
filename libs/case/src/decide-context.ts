import type { ReferenceData } from '@samvirke/reference-data';

/** The part of the reference data the case's rules consult. */
export type CaseReferenceData = Pick<
  ReferenceData,
  'agencies' | 'referralIntake' | 'programmes' | 'districts' | 'offenceCategories' | 'legalBases' | 'progressionScale' | 'escalationRules'
>;

/** Everything outside the stream a decision depends on; passed in so the decider stays pure. */
export interface DecideContext {
  readonly now: Date;
  readonly refData: CaseReferenceData;
}
