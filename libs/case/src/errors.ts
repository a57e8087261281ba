/**
 * A command the case's rules refuse. `reason` is a stable code clients may branch on; the message
 * says which rule and what to do. Neither ever carries personal data: `detail` holds only field
 * names, codes and ids, so the error can be logged and returned as it is (the HTTP layer answers 422).
 */

export const CASE_RULE_MESSAGES = {
  CASE_NOT_FOUND: 'There is no case here; open it first.',
  CASE_NOT_OPEN: 'The case is closed; reopen it before changing it.',
  CASE_ALREADY_CLOSED: 'The case is already closed.',
  CASE_ALREADY_OPEN: 'The case is open; only a closed case can be reopened.',
  CASE_NOT_CLOSED: "Close the case before erasing the citizen's data.",
  CITIZEN_DATA_ERASED: "The citizen's data has been erased; the case cannot be reopened. Open a new case instead.",
  CITIZEN_DATA_ALREADY_ERASED: "The citizen's data has already been erased.",
  INVALID_DATE: 'A date must be a calendar date written yyyy-mm-dd.',
  DATE_IN_FUTURE: 'This date is in the future; record what has happened, on or before today.',
  DUE_DATE_BEFORE_EVENT: 'The due date must be on or after the date it is set on.',
  END_BEFORE_START: 'The end date must be on or after the start date.',
  EXPECTED_RELEASE_BEFORE_START: 'The expected release date must be on or after the custody start date.',
  UNKNOWN_AGENCY: 'Unknown agency code; use a code from the reference data.',
  UNKNOWN_PROGRAMME: 'Unknown programme code; use a code from the reference data.',
  UNKNOWN_DISTRICT: 'Unknown district code; use one of the districts in the reference data.',
  UNKNOWN_OFFENCE_CATEGORY: 'Unknown offence category; use a code from the reference data.',
  UNKNOWN_LEGAL_BASIS: 'Unknown legal basis; use a code from the reference data.',
  UNKNOWN_PROGRESSION_STEP: 'The progression step is not on the progression scale.',
  AGENCY_NOT_ON_CASE: 'The agency is not on this case; it must join the case first.',
  AGENCY_ALREADY_ON_CASE: 'The agency is already on this case; change its entry point instead.',
  RECIPIENT_NOT_ON_CASE: 'A recipient agency is not on this case; it must join the case first.',
  COORDINATOR_AGENCY_CANNOT_LEAVE: "The coordinator's agency cannot leave the case; change the coordinator first.",
  COORDINATOR_NOT_MUNICIPAL: 'The SSP+ coordinator must belong to a municipal administration.',
  COORDINATOR_ALREADY_ASSIGNED: 'The case already has a coordinator; change the coordinator instead.',
  NO_COORDINATOR_ASSIGNED: 'The case has no coordinator yet; assign one instead.',
  COORDINATOR_UNCHANGED: 'This person is already the coordinator.',
  ALREADY_ENROLLED: 'The citizen is already enrolled in this programme.',
  NOT_ENROLLED: 'The citizen is not enrolled in this programme.',
  ENTRY_ALREADY_EXISTS: 'An entry with this id has already been shared.',
  NO_RECIPIENTS: 'Name at least one agency to share with.',
  SHARE_WITH_SELF: 'An agency cannot share information with itself.',
  DISCLOSURE_FOR_INVESTIGATION_FORBIDDEN:
    'Section 115(2) of the Administration of Justice Act forbids passing this to the police for the investigation of a criminal case.',
  UNKNOWN_ENTRY: 'There is no shared entry with this id on the case.',
  ENTRY_NOT_SHARED_WITH_AGENCY: 'This entry was not shared with your agency.',
  ALREADY_ACKNOWLEDGED: 'Your agency has already acknowledged this entry.',
  REQUEST_ALREADY_EXISTS: 'A request with this id already exists.',
  REQUEST_TO_SELF: 'An agency cannot request information from itself.',
  UNKNOWN_REQUEST: 'There is no information request with this id on the case.',
  REQUEST_NOT_ADDRESSED_TO_AGENCY: 'This request is addressed to another agency.',
  REQUEST_NOT_OPEN: 'This request has already been answered or declined.',
  GOAL_ALREADY_EXISTS: 'A goal with this id already exists.',
  UNKNOWN_GOAL: 'There is no goal with this id on the case.',
  ACTION_ALREADY_EXISTS: 'An action with this id already exists.',
  UNKNOWN_ACTION: 'There is no action with this id on the case.',
  ACTION_NOT_OPEN: 'This action is already completed or cancelled.',
  CONFERENCE_ALREADY_RECORDED: 'A case conference with this id has already been recorded.',
  ALREADY_IN_CUSTODY: 'The citizen is already in custody; record the release first.',
  NOT_IN_CUSTODY: 'The citizen is not in custody.',
  REPORTER_NOT_POLICE: 'Charges and convictions are recorded as reported by a police agency.',
  CHARGE_ALREADY_RECORDED: 'A charge with this id has already been recorded.',
  UNKNOWN_CHARGE: 'There is no charge with this id on the case.',
  CONVICTION_ALREADY_RECORDED: 'A conviction with this id has already been recorded.',
  EMPLOYMENT_ALREADY_STARTED: 'An employment with this id has already been started.',
  UNKNOWN_EMPLOYMENT: 'There is no employment with this id on the case.',
  EMPLOYMENT_ALREADY_ENDED: 'This employment has already ended.',
  EDUCATION_ALREADY_STARTED: 'An education with this id has already been started.',
  UNKNOWN_EDUCATION: 'There is no education with this id on the case.',
  EDUCATION_NOT_ONGOING: 'This education has already ended or been completed.',
  ALREADY_SELF_SUFFICIENT: 'The citizen is already registered as self-sufficient.',
  NOT_SELF_SUFFICIENT: 'The citizen is not registered as self-sufficient.',
  LEGAL_HOLD_ALREADY_PLACED: 'A legal hold with this id has already been placed.',
  LEGAL_HOLD_NOT_ACTIVE: 'There is no active legal hold with this id.',
  LEGAL_HOLD_ACTIVE: 'A legal hold stands on this case; data cannot be erased until it is lifted.',
  INTAKE_ALREADY_ON_CASE: 'The municipal referral intake is already on this case.',
  FLOW_ALREADY_ANSWERED: 'The information has been acknowledged, or the request answered or declined; there is nothing to chase.',
  ALREADY_ESCALATED: 'This step, or a later one, has already been taken for this flow.',
  ESCALATION_NOT_DUE: 'This escalation step is not due yet under the escalation rules (it is taken on a working day on or after its due date).',
  UNKNOWN_ESCALATION_STEP: 'The escalation rules have no such step for this flow.',
} as const;

export type CaseRuleReason = keyof typeof CASE_RULE_MESSAGES;

export const CASE_RULE_REASONS = Object.keys(CASE_RULE_MESSAGES) as readonly CaseRuleReason[];

export class CaseRuleViolation extends Error {
  override readonly name = 'CaseRuleViolation';

  constructor(
    readonly reason: CaseRuleReason,
    /** Field names, codes and ids only. */
    readonly detail?: string,
  ) {
    super(detail === undefined ? CASE_RULE_MESSAGES[reason] : `${CASE_RULE_MESSAGES[reason]} (${detail})`);
  }
}
