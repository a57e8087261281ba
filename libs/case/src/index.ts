export * from './vocabulary';
export * from './events';
export * from './commands';
export * from './state';
export * from './errors';
export type { CaseReferenceData, DecideContext } from './decide-context';
export { decide } from './decide';
export { evolve, evolveAll } from './evolve';
export { caseFoldVersion, decodeCaseState, encodeCaseState, sspLevelOf, stateAsJson } from './state-snapshot';
export {
  DEFAULT_SSP_PLUS_AGE_BANDS,
  SSP_PLUS_CATEGORIES,
  sspPlusEligibility,
  type AgeBand,
  type EligibilityFacts,
  type EligibilityOptions,
  type IneligibilityReason,
  type SspPlusAgeBands,
  type SspPlusEligibility,
} from './eligibility';
export { ageOn, copenhagenDate, isIsoDate } from './calendar-date';
export { escalationDueOn, escalationIfDue, escalationStepIndex, nextDueEscalation, type DueEscalation } from './escalation-schedule';
