/**
 * The small checks the decider's rules are made of. Each throws a `CaseRuleViolation` whose detail
 * names the field (and a code or id where that helps), never a value that could be personal data.
 */
import type { Agency } from '@samvirke/reference-data';
import { isIsoDate } from './calendar-date';
import type { CaseReferenceData } from './decide-context';
import { CaseRuleReason, CaseRuleViolation } from './errors';
import type { CaseState } from './state';
import type { AgencyCode, IsoDate } from './vocabulary';

export function ensure(condition: boolean, reason: CaseRuleReason, detail?: string): asserts condition {
  if (!condition) throw new CaseRuleViolation(reason, detail);
}

export function knownAgency(refData: CaseReferenceData, code: AgencyCode, field: string): Agency {
  const agency = refData.agencies.get(code);
  if (agency === undefined) throw new CaseRuleViolation('UNKNOWN_AGENCY', `${field}: ${code}`);
  return agency;
}

/** A known agency that is on the case now. */
export function agencyOnCase(state: CaseState, refData: CaseReferenceData, code: AgencyCode, field: string): Agency {
  const agency = knownAgency(refData, code, field);
  ensure(state.agencies.has(code), 'AGENCY_NOT_ON_CASE', `${field}: ${code}`);
  return agency;
}

export function validDate(value: IsoDate, field: string): IsoDate {
  ensure(isIsoDate(value), 'INVALID_DATE', field);
  return value;
}

/** A real-world date of something that has happened: a valid date, on or before today. */
export function pastDate(value: IsoDate, today: IsoDate, field: string): IsoDate {
  validDate(value, field);
  ensure(value <= today, 'DATE_IN_FUTURE', field);
  return value;
}

export function dueDate(value: IsoDate, eventDate: IsoDate, field: string): IsoDate {
  validDate(value, field);
  ensure(value >= eventDate, 'DUE_DATE_BEFORE_EVENT', field);
  return value;
}

export function endDate(value: IsoDate, startedOn: IsoDate, today: IsoDate, field: string): IsoDate {
  pastDate(value, today, field);
  ensure(value >= startedOn, 'END_BEFORE_START', field);
  return value;
}
