/**
 * The case's rules: given a command and the case as it stands, the events that happen, or a
 * `CaseRuleViolation`. Pure: time and reference data arrive in the context, nothing is read or
 * written, so the same inputs always give the same answer (and tests control the clock).
 *
 * Membership: "which agencies are on the case, with which entry point" is answered by one pair of
 * events (joined/left) for every agency, referrer included.
 *
 * Referral and intake: opening a case emits `CaseOpened` followed by `AgencyJoinedCase` for the
 * referral intake unit (reference data: the municipal SSP+ intake), not for the referrer; the case
 * waits in the intake queue until a coordinator is assigned, and at that moment the referring
 * agency joins with the entry point its referral named. A referrer that is the intake agency is on
 * the case at once. A referral of a citizen who already has a case records `ReferralReceived` for
 * its coordinator; the referrer does not join. Both branches check the referral the same way first,
 * so the answer never depends on whether the citizen had a case.
 */
import { defaultEntryPoint, type Agency, type StandingEntryPoint } from '@samvirke/reference-data';
import { copenhagenDate } from './calendar-date';
import type * as C from './commands';
import type { CaseCommand } from './commands';
import type { DecideContext } from './decide-context';
import type { ActionAdded, CaseEvent, CaseConferenceHeld } from './events';
import { agencyOnCase, dueDate, endDate, ensure, knownAgency, pastDate, validDate } from './rule-checks';
import type { CaseState } from './state';
import type { CaseEntryPoint } from './vocabulary';
import { escalationIfDue, escalationStepIndex } from './escalation-schedule';

interface Decision {
  readonly state: CaseState;
  readonly context: DecideContext;
  /** The Copenhagen calendar date of `now`: what "today" means for real-world dates. */
  readonly today: string;
  readonly at: string;
}

export function decide(command: CaseCommand, state: CaseState, context: DecideContext): CaseEvent[] {
  const d: Decision = { state, context, today: copenhagenDate(context.now), at: context.now.toISOString() };

  if (command.type === 'OpenCase') return openCase(command.data, d);
  ensure(state.status !== 'not-opened', 'CASE_NOT_FOUND');

  // These act on the case's lifecycle or on its retention, so they are allowed on a closed case:
  // a legal hold or an erasure typically comes years after the case was closed.
  switch (command.type) {
    case 'CloseCase':
      return closeCase(command.data, d);
    case 'ReopenCase':
      return reopenCase(command.data, d);
    case 'PlaceLegalHold':
      return placeLegalHold(command.data, d);
    case 'LiftLegalHold':
      return liftLegalHold(command.data, d);
    case 'EraseCitizenData':
      return eraseCitizenData(command.data, d);
  }

  ensure(state.status === 'open', 'CASE_NOT_OPEN');
  switch (command.type) {
    case 'AssessSspCategory':
      return assessSspCategory(command.data, d);
    case 'AssignCoordinator':
      return assignCoordinator(command.data, d);
    case 'ChangeCoordinator':
      return changeCoordinator(command.data, d);
    case 'JoinCase':
      return joinCase(command.data, d);
    case 'ChangeEntryPoint':
      return changeEntryPoint(command.data, d);
    case 'LeaveCase':
      return leaveCase(command.data, d);
    case 'EnrolInProgramme':
      return enrolInProgramme(command.data, d);
    case 'ExitProgramme':
      return exitProgramme(command.data, d);
    case 'ShareInformation':
      return shareInformation(command.data, d);
    case 'AcknowledgeInformation':
      return acknowledgeInformation(command.data, d);
    case 'RequestInformation':
      return requestInformation(command.data, d);
    case 'AnswerInformationRequest':
      return answerInformationRequest(command.data, d);
    case 'DeclineInformationRequest':
      return declineInformationRequest(command.data, d);
    case 'SetGoal':
      return setGoal(command.data, d);
    case 'AddAction':
      return addAction(command.data, d);
    case 'CompleteAction':
      return completeAction(command.data, d);
    case 'CancelAction':
      return cancelAction(command.data, d);
    case 'RecordCaseConference':
      return recordCaseConference(command.data, d);
    case 'StartCustody':
      return startCustody(command.data, d);
    case 'ChangeExpectedRelease':
      return changeExpectedRelease(command.data, d);
    case 'ReleaseFromCustody':
      return releaseFromCustody(command.data, d);
    case 'RecordCharge':
      return recordCharge(command.data, d);
    case 'RecordConviction':
      return recordConviction(command.data, d);
    case 'StartEmployment':
      return startEmployment(command.data, d);
    case 'EndEmployment':
      return endEmployment(command.data, d);
    case 'StartEducation':
      return startEducation(command.data, d);
    case 'EndEducation':
      return endEducation(command.data, d);
    case 'CompleteEducation':
      return completeEducation(command.data, d);
    case 'RegisterSelfSufficiency':
      return registerSelfSufficiency(command.data, d);
    case 'RegisterLossOfSelfSufficiency':
      return registerLossOfSelfSufficiency(command.data, d);
    case 'AssessProgression':
      return assessProgression(command.data, d);
    case 'RequestIntake':
      return requestIntake(command.data, d);
    case 'EscalateFlow':
      return escalateFlow(command.data, d);
    default: {
      // Compile-time exhaustiveness; at runtime a command from outside the type system is a bug, not a rule.
      const unhandled: never = command;
      throw new TypeError(`unknown case command type ${(unhandled as { type: string }).type}`);
    }
  }
}

// ---- Lifecycle -------------------------------------------------------------------------------

function openCase(data: C.OpenCase['data'], { state, context, today, at }: Decision): CaseEvent[] {
  // Checked before looking at the case: a referral refused for a citizen without a case and
  // accepted for one with a case would tell the referrer which of the two it was.
  pastDate(data.birthDate, today, 'birthDate');
  if (data.openedOn !== undefined) pastDate(data.openedOn, today, 'openedOn');
  ensure(context.refData.districts.has(data.districtCode), 'UNKNOWN_DISTRICT', `districtCode: ${data.districtCode}`);
  const referrer = knownAgency(context.refData, data.referredBy, 'referredBy');
  if (state.status !== 'not-opened') {
    // The citizen has a case (open, closed or erased): the referral goes to it, for its coordinator
    // to act on. The referrer learns only that it was received, not whether a case existed.
    return [
      {
        type: 'ReferralReceived',
        data: {
          referredBy: referrer.code,
          reason: data.reason,
          ...(data.referrerEntryPoint ? { referrerEntryPoint: data.referrerEntryPoint } : {}),
          receivedAt: at,
        },
      },
    ];
  }
  const intake = context.refData.referralIntake;
  // Birth date and district go into the log sealed only (issue 21): the clear pair was for the rules above.
  const { referrerEntryPoint, openedOn, birthDate: _birthDate, districtCode: _districtCode, ...opened } = data;
  // The intake unit is on every new case; the referrer joins at take-over (assignCoordinator), or
  // now when it is the intake agency itself.
  const intakeEntryPoint = referrer.code === intake.agency && referrerEntryPoint !== undefined ? referrerEntryPoint : standingEntryPoint(intake.entryPoint);
  return [
    {
      type: 'CaseOpened',
      data: { ...opened, ...(referrerEntryPoint ? { referrerEntryPoint } : {}), openedAt: at, ...(openedOn === undefined ? {} : { openedOn }) },
    },
    { type: 'AgencyJoinedCase', data: { agency: intake.agency, entryPoint: intakeEntryPoint, joinedAt: at } },
  ];
}

/** A liaison or the coordinator asks the municipality in: the intake unit joins the case. */
function requestIntake(data: C.RequestIntake['data'], { state, context, at }: Decision): CaseEvent[] {
  agencyOnCase(state, context.refData, data.requestedBy, 'requestedBy');
  const intake = context.refData.referralIntake;
  ensure(!state.agencies.has(intake.agency), 'INTAKE_ALREADY_ON_CASE', `agency: ${intake.agency}`);
  return [{ type: 'AgencyJoinedCase', data: { agency: intake.agency, entryPoint: standingEntryPoint(intake.entryPoint), joinedAt: at } }];
}

function closeCase(data: C.CloseCase['data'], { state, at }: Decision): CaseEvent[] {
  ensure(state.status === 'open', 'CASE_ALREADY_CLOSED');
  return [{ type: 'CaseClosed', data: { ...data, closedAt: at } }];
}

function reopenCase(data: C.ReopenCase['data'], { state, at }: Decision): CaseEvent[] {
  ensure(state.status === 'closed', 'CASE_ALREADY_OPEN');
  // Reopening would attach new personal data to a citizen whose key has been destroyed.
  ensure(!state.citizenErased, 'CITIZEN_DATA_ERASED');
  return [{ type: 'CaseReopened', data: { ...data, reopenedAt: at } }];
}

// ---- Retention and privacy --------------------------------------------------------------------

function placeLegalHold(data: C.PlaceLegalHold['data'], { state, at }: Decision): CaseEvent[] {
  ensure(!state.legalHolds.has(data.holdId), 'LEGAL_HOLD_ALREADY_PLACED', `holdId: ${data.holdId}`);
  return [{ type: 'LegalHoldPlaced', data: { ...data, placedAt: at } }];
}

function liftLegalHold(data: C.LiftLegalHold['data'], { state, at }: Decision): CaseEvent[] {
  ensure(state.legalHolds.has(data.holdId), 'LEGAL_HOLD_NOT_ACTIVE', `holdId: ${data.holdId}`);
  return [{ type: 'LegalHoldLifted', data: { ...data, liftedAt: at } }];
}

function eraseCitizenData(data: C.EraseCitizenData['data'], { state, context, at }: Decision): CaseEvent[] {
  if (data.scope !== 'citizen') knownAgency(context.refData, data.scope, 'scope');
  ensure(state.legalHolds.size === 0, 'LEGAL_HOLD_ACTIVE');
  if (data.scope === 'citizen') {
    // An open case is still being worked; erasing the citizen under it would leave it unusable.
    ensure(state.status === 'closed', 'CASE_NOT_CLOSED');
    ensure(!state.citizenErased, 'CITIZEN_DATA_ALREADY_ERASED');
  }
  return [{ type: 'CitizenDataErased', data: { ...data, erasedAt: at } }];
}

// ---- Assessment and coordination --------------------------------------------------------------

function assessSspCategory(data: C.AssessSspCategory['data'], { context, today }: Decision): CaseEvent[] {
  knownAgency(context.refData, data.assessedBy, 'assessedBy');
  pastDate(data.assessedOn, today, 'assessedOn');
  return [{ type: 'SspCategoryAssessed', data }];
}

function coordinatorAgency(data: C.AssignCoordinator['data'], { state, context }: Decision): void {
  const agency = knownAgency(context.refData, data.agency, 'agency');
  ensure(agency.kind === 'municipal-administration', 'COORDINATOR_NOT_MUNICIPAL', `agency: ${agency.code}`);
  ensure(state.agencies.has(agency.code), 'AGENCY_NOT_ON_CASE', `agency: ${agency.code}`);
}

/**
 * The take-over: the first coordinator. The referring agency, which has waited off the case since
 * the referral, joins now with the entry point its referral named (unless it is on already).
 */
function assignCoordinator(data: C.AssignCoordinator['data'], d: Decision): CaseEvent[] {
  ensure(d.state.coordinator === undefined, 'COORDINATOR_ALREADY_ASSIGNED');
  coordinatorAgency(data, d);
  const assigned: CaseEvent = { type: 'CoordinatorAssigned', data: { ...data, assignedAt: d.at } };
  const referrer = d.state.pendingReferrer;
  if (referrer === undefined || d.state.agencies.has(referrer.agency)) return [assigned];
  const agency = d.context.refData.agencies.get(referrer.agency);
  if (agency === undefined) return [assigned];
  return [
    assigned,
    { type: 'AgencyJoinedCase', data: { agency: agency.code, entryPoint: referrer.entryPoint ?? directoryEntryPoint(agency), joinedAt: d.at } },
  ];
}

function changeCoordinator(data: C.ChangeCoordinator['data'], d: Decision): CaseEvent[] {
  const current = d.state.coordinator;
  ensure(current !== undefined, 'NO_COORDINATOR_ASSIGNED');
  ensure(current.coordinatorId !== data.coordinatorId || current.agency !== data.agency, 'COORDINATOR_UNCHANGED');
  coordinatorAgency(data, d);
  return [
    {
      type: 'CoordinatorChanged',
      data: { ...data, previousCoordinatorId: current.coordinatorId, changedAt: d.at },
    },
  ];
}

// ---- Agencies and entry points ----------------------------------------------------------------

function directoryEntryPoint(agency: Agency): CaseEntryPoint {
  return standingEntryPoint(defaultEntryPoint(agency));
}

function standingEntryPoint(standing: StandingEntryPoint): CaseEntryPoint {
  return { unit: standing.unit, phone: standing.phone, email: standing.functionMailbox };
}

function joinCase(data: C.JoinCase['data'], { state, context, at }: Decision): CaseEvent[] {
  const agency = knownAgency(context.refData, data.agency, 'agency');
  ensure(!state.agencies.has(agency.code), 'AGENCY_ALREADY_ON_CASE', `agency: ${agency.code}`);
  return [
    {
      type: 'AgencyJoinedCase',
      data: { agency: agency.code, entryPoint: data.entryPoint ?? directoryEntryPoint(agency), joinedAt: at },
    },
  ];
}

function changeEntryPoint(data: C.ChangeEntryPoint['data'], { state, context, at }: Decision): CaseEvent[] {
  agencyOnCase(state, context.refData, data.agency, 'agency');
  return [{ type: 'EntryPointChanged', data: { ...data, changedAt: at } }];
}

function leaveCase(data: C.LeaveCase['data'], { state, context, at }: Decision): CaseEvent[] {
  agencyOnCase(state, context.refData, data.agency, 'agency');
  // The coordinator owns the case; letting their agency go would leave nobody holding it.
  ensure(state.coordinator?.agency !== data.agency, 'COORDINATOR_AGENCY_CANNOT_LEAVE', `agency: ${data.agency}`);
  return [{ type: 'AgencyLeftCase', data: { agency: data.agency, leftAt: at } }];
}

// ---- Programmes -------------------------------------------------------------------------------

function enrolInProgramme(data: C.EnrolInProgramme['data'], { state, context, today }: Decision): CaseEvent[] {
  ensure(context.refData.programmes.has(data.programmeCode), 'UNKNOWN_PROGRAMME', `programmeCode: ${data.programmeCode}`);
  ensure(!state.enrolments.has(data.programmeCode), 'ALREADY_ENROLLED', `programmeCode: ${data.programmeCode}`);
  pastDate(data.startedOn, today, 'startedOn');
  return [{ type: 'EnrolledInProgramme', data }];
}

function exitProgramme(data: C.ExitProgramme['data'], { state, today }: Decision): CaseEvent[] {
  const enrolment = state.enrolments.get(data.programmeCode);
  ensure(enrolment !== undefined, 'NOT_ENROLLED', `programmeCode: ${data.programmeCode}`);
  endDate(data.endedOn, enrolment.startedOn, today, 'endedOn');
  return [{ type: 'ExitedProgramme', data }];
}

// ---- Information flow -------------------------------------------------------------------------

function knownLegalBasis({ context }: Decision, code: string) {
  const basis = context.refData.legalBases.get(code);
  ensure(basis !== undefined, 'UNKNOWN_LEGAL_BASIS', `legalBasis: ${code}`);
  return basis;
}

function shareInformation(data: C.ShareInformation['data'], d: Decision): CaseEvent[] {
  const { state, context, at, today } = d;
  if (data.sharedOn !== undefined) pastDate(data.sharedOn, today, 'sharedOn');
  agencyOnCase(state, context.refData, data.fromAgency, 'fromAgency');
  ensure(!state.entries.has(data.entryId), 'ENTRY_ALREADY_EXISTS', `entryId: ${data.entryId}`);
  const basis = knownLegalBasis(d, data.legalBasis);
  const sharedWith = [...new Set(data.sharedWith)];
  ensure(sharedWith.length > 0, 'NO_RECIPIENTS', 'sharedWith');
  const recipients = sharedWith.map((code) => {
    const recipient = knownAgency(context.refData, code, 'sharedWith');
    ensure(code !== data.fromAgency, 'SHARE_WITH_SELF', `sharedWith: ${code}`);
    ensure(state.agencies.has(code), 'RECIPIENT_NOT_ON_CASE', `sharedWith: ${code}`);
    return recipient;
  });
  // Section 115(2): what the other authorities may pass to the police is never for investigating crime.
  ensure(
    data.purpose !== 'criminal-investigation' || basis.disclosableToPoliceForInvestigation || recipients.every((r) => r.kind !== 'police'),
    'DISCLOSURE_FOR_INVESTIGATION_FORBIDDEN',
    `legalBasis: ${basis.code}`,
  );
  const { sharedOn, ...shared } = data;
  return [{ type: 'InformationShared', data: { ...shared, sharedWith, sharedAt: at, ...(sharedOn === undefined ? {} : { sharedOn }) } }];
}

function acknowledgeInformation(data: C.AcknowledgeInformation['data'], { state, context, at, today }: Decision): CaseEvent[] {
  agencyOnCase(state, context.refData, data.agency, 'agency');
  const entry = state.entries.get(data.entryId);
  // An entry the acting agency may not see (neither its author nor a recipient) is answered exactly
  // like one that does not exist, so acknowledging cannot probe for entries.
  ensure(entry !== undefined && (entry.sharedWith.includes(data.agency) || entry.fromAgency === data.agency), 'UNKNOWN_ENTRY', `entryId: ${data.entryId}`);
  ensure(entry.sharedWith.includes(data.agency), 'ENTRY_NOT_SHARED_WITH_AGENCY', `entryId: ${data.entryId}`);
  ensure(!entry.acknowledgedBy.has(data.agency), 'ALREADY_ACKNOWLEDGED', `entryId: ${data.entryId}`);
  const { acknowledgedOn, ...acknowledged } = data;
  if (acknowledgedOn !== undefined) {
    pastDate(acknowledgedOn, today, 'acknowledgedOn');
    ensure(acknowledgedOn >= (entry.sharedOn ?? copenhagenDate(new Date(entry.sharedAt))), 'END_BEFORE_START', 'acknowledgedOn');
  }
  return [{ type: 'InformationAcknowledged', data: { ...acknowledged, acknowledgedAt: at, ...(acknowledgedOn === undefined ? {} : { acknowledgedOn }) } }];
}

function requestInformation(data: C.RequestInformation['data'], d: Decision): CaseEvent[] {
  const { state, context, today, at } = d;
  agencyOnCase(state, context.refData, data.fromAgency, 'fromAgency');
  ensure(!state.requests.has(data.requestId), 'REQUEST_ALREADY_EXISTS', `requestId: ${data.requestId}`);
  knownAgency(context.refData, data.toAgency, 'toAgency');
  ensure(data.toAgency !== data.fromAgency, 'REQUEST_TO_SELF', `toAgency: ${data.toAgency}`);
  ensure(state.agencies.has(data.toAgency), 'RECIPIENT_NOT_ON_CASE', `toAgency: ${data.toAgency}`);
  knownLegalBasis(d, data.legalBasis);
  // A request recorded later (history) is due from the day it was made; its due date may have passed.
  if (data.requestedOn !== undefined) pastDate(data.requestedOn, today, 'requestedOn');
  dueDate(data.dueDate, data.requestedOn ?? today, 'dueDate');
  const { requestedOn, ...requested } = data;
  return [{ type: 'InformationRequested', data: { ...requested, requestedAt: at, ...(requestedOn === undefined ? {} : { requestedOn }) } }];
}

function openRequestTo(data: { requestId: string; agency: string }, { state, context }: Decision): void {
  agencyOnCase(state, context.refData, data.agency, 'agency');
  const request = state.requests.get(data.requestId);
  // A request between two other agencies is answered exactly like one that does not exist.
  ensure(request !== undefined && (request.toAgency === data.agency || request.fromAgency === data.agency), 'UNKNOWN_REQUEST', `requestId: ${data.requestId}`);
  ensure(request.toAgency === data.agency, 'REQUEST_NOT_ADDRESSED_TO_AGENCY', `requestId: ${data.requestId}`);
  ensure(request.status === 'open', 'REQUEST_NOT_OPEN', `requestId: ${data.requestId}`);
}

function answerInformationRequest(data: C.AnswerInformationRequest['data'], d: Decision): CaseEvent[] {
  openRequestTo(data, d);
  return [{ type: 'InformationRequestAnswered', data: { ...data, answeredAt: d.at } }];
}

function declineInformationRequest(data: C.DeclineInformationRequest['data'], d: Decision): CaseEvent[] {
  openRequestTo(data, d);
  return [{ type: 'InformationRequestDeclined', data: { ...data, declinedAt: d.at } }];
}

/**
 * A step of the escalation rules for a flow still unanswered. Refused for a flow that was answered
 * (or whose agency has left the case), for a step already taken or passed (so a rerun of the job,
 * or a second instance, records nothing twice), and for a step not yet due on today's date.
 */
function escalateFlow(data: C.EscalateFlow['data'], d: Decision): CaseEvent[] {
  const { state, context, today, at } = d;
  const rules = context.refData.escalationRules;
  let flow: {
    startedOn: string;
    fromAgency: string;
    toAgency: string;
    taken: C.EscalateFlow['data']['step'] | undefined;
    id: { entryId: string } | { requestId: string };
  };
  if (data.flow === 'information') {
    const entry = state.entries.get(data.entryId);
    ensure(entry !== undefined, 'UNKNOWN_ENTRY', `entryId: ${data.entryId}`);
    ensure(entry.sharedWith.includes(data.toAgency), 'ENTRY_NOT_SHARED_WITH_AGENCY', `entryId: ${data.entryId}`);
    ensure(!entry.acknowledgedBy.has(data.toAgency), 'FLOW_ALREADY_ANSWERED', `entryId: ${data.entryId}`);
    flow = {
      // The real-world day (history recorded later), as the escalation job reads it.
      startedOn: entry.sharedOn ?? copenhagenDate(new Date(entry.sharedAt)),
      fromAgency: entry.fromAgency,
      toAgency: data.toAgency,
      taken: entry.escalations?.get(data.toAgency),
      id: { entryId: entry.entryId },
    };
  } else {
    const request = state.requests.get(data.requestId);
    ensure(request !== undefined, 'UNKNOWN_REQUEST', `requestId: ${data.requestId}`);
    ensure(request.status === 'open', 'FLOW_ALREADY_ANSWERED', `requestId: ${data.requestId}`);
    flow = {
      startedOn: request.dueDate,
      fromAgency: request.fromAgency,
      toAgency: request.toAgency,
      taken: request.escalation,
      id: { requestId: request.requestId },
    };
  }
  // An agency that has left the case is no longer chased for it.
  const agency = agencyOnCase(state, context.refData, flow.toAgency, 'toAgency');
  ensure(escalationStepIndex(data.step) >= 0, 'UNKNOWN_ESCALATION_STEP', `step: ${String(data.step)}`);
  ensure(flow.taken === undefined || escalationStepIndex(flow.taken) < escalationStepIndex(data.step), 'ALREADY_ESCALATED', `step: ${data.step}`);
  const due = escalationIfDue(rules, data.flow, flow.startedOn, data.step, today);
  ensure(due !== undefined, 'ESCALATION_NOT_DUE', `step: ${data.step}`);
  const contact = due.notify.includes('escalation-contact') ? agency.escalationContact : undefined;
  const coordinatorId = due.notify.includes('coordinator') ? state.coordinator?.coordinatorId : undefined;
  return [
    {
      type: 'FlowEscalated',
      data: {
        flow: data.flow,
        ...flow.id,
        fromAgency: flow.fromAgency,
        toAgency: flow.toAgency,
        step: data.step,
        notify: due.notify,
        ...(contact ? { escalationContact: { role: contact.role, functionMailbox: contact.functionMailbox } } : {}),
        ...(coordinatorId ? { coordinatorId } : {}),
        dueOn: due.dueOn,
        workingDaysLate: due.workingDaysLate,
        rulesVersion: rules.version,
        escalatedAt: at,
      },
    },
  ];
}

// ---- Action plan and conferences --------------------------------------------------------------

function setGoal(data: C.SetGoal['data'], { state, at }: Decision): CaseEvent[] {
  ensure(!state.goals.has(data.goalId), 'GOAL_ALREADY_EXISTS', `goalId: ${data.goalId}`);
  return [{ type: 'GoalSet', data: { ...data, setAt: at } }];
}

/** The checks an action must pass whether added directly or by a conference decision. */
function plannableAction(
  spec: { actionId: string; goalId?: string; responsibleAgency: string; dueDate: string },
  takenIds: ReadonlySet<string>,
  eventDate: string,
  { state, context }: Decision,
): void {
  ensure(!takenIds.has(spec.actionId), 'ACTION_ALREADY_EXISTS', `actionId: ${spec.actionId}`);
  ensure(spec.goalId === undefined || state.goals.has(spec.goalId), 'UNKNOWN_GOAL', `goalId: ${spec.goalId}`);
  agencyOnCase(state, context.refData, spec.responsibleAgency, 'responsibleAgency');
  dueDate(spec.dueDate, eventDate, 'dueDate');
}

function addAction(data: C.AddAction['data'], d: Decision): CaseEvent[] {
  plannableAction(data, new Set(d.state.actions.keys()), d.today, d);
  return [{ type: 'ActionAdded', data: { ...data, addedAt: d.at } }];
}

function openAction({ state }: Decision, actionId: string): void {
  const action = state.actions.get(actionId);
  ensure(action !== undefined, 'UNKNOWN_ACTION', `actionId: ${actionId}`);
  ensure(action.status === 'open', 'ACTION_NOT_OPEN', `actionId: ${actionId}`);
}

function completeAction(data: C.CompleteAction['data'], d: Decision): CaseEvent[] {
  openAction(d, data.actionId);
  pastDate(data.completedOn, d.today, 'completedOn');
  return [{ type: 'ActionCompleted', data }];
}

function cancelAction(data: C.CancelAction['data'], d: Decision): CaseEvent[] {
  openAction(d, data.actionId);
  return [{ type: 'ActionCancelled', data: { ...data, cancelledAt: d.at } }];
}

function recordCaseConference(data: C.RecordCaseConference['data'], d: Decision): CaseEvent[] {
  const { state, context, today, at } = d;
  ensure(!state.conferences.has(data.conferenceId), 'CONFERENCE_ALREADY_RECORDED', `conferenceId: ${data.conferenceId}`);
  pastDate(data.heldOn, today, 'heldOn');
  for (const agency of data.agenciesPresent) agencyOnCase(state, context.refData, agency, 'agenciesPresent');

  const takenIds = new Set(state.actions.keys());
  const actions: ActionAdded[] = [];
  for (const decision of data.decisions) {
    const spec = decision.createsAction;
    if (spec === undefined) continue;
    // Due dates count from the meeting, which may have been recorded a few days after it was held.
    plannableAction(spec, takenIds, data.heldOn, d);
    takenIds.add(spec.actionId);
    actions.push({ type: 'ActionAdded', data: { ...spec, originConferenceId: data.conferenceId, addedAt: at } });
  }
  const held: CaseConferenceHeld = { type: 'CaseConferenceHeld', data };
  return [held, ...actions];
}

// ---- Custody and justice ----------------------------------------------------------------------

function startCustody(data: C.StartCustody['data'], { state, today }: Decision): CaseEvent[] {
  ensure(state.custody === undefined, 'ALREADY_IN_CUSTODY');
  pastDate(data.startedOn, today, 'startedOn');
  if (data.expectedReleaseOn !== undefined) {
    validDate(data.expectedReleaseOn, 'expectedReleaseOn');
    ensure(data.expectedReleaseOn >= data.startedOn, 'EXPECTED_RELEASE_BEFORE_START', 'expectedReleaseOn');
  }
  return [{ type: 'CustodyStarted', data }];
}

function changeExpectedRelease(data: C.ChangeExpectedRelease['data'], { state, at }: Decision): CaseEvent[] {
  const custody = state.custody;
  ensure(custody !== undefined, 'NOT_IN_CUSTODY');
  validDate(data.expectedReleaseOn, 'expectedReleaseOn');
  ensure(data.expectedReleaseOn >= custody.startedOn, 'EXPECTED_RELEASE_BEFORE_START', 'expectedReleaseOn');
  return [
    {
      type: 'ExpectedReleaseChanged',
      data: { custodyId: custody.custodyId, expectedReleaseOn: data.expectedReleaseOn, changedAt: at },
    },
  ];
}

function releaseFromCustody(data: C.ReleaseFromCustody['data'], { state, today }: Decision): CaseEvent[] {
  const custody = state.custody;
  ensure(custody !== undefined, 'NOT_IN_CUSTODY');
  endDate(data.releasedOn, custody.startedOn, today, 'releasedOn');
  return [{ type: 'ReleasedFromCustody', data: { custodyId: custody.custodyId, ...data } }];
}

/** Charges and convictions reach the case through the police, including convictions from the courts. */
function policeReporter({ context }: Decision, code: string): void {
  const reporter = knownAgency(context.refData, code, 'reportedBy');
  ensure(reporter.kind === 'police', 'REPORTER_NOT_POLICE', `reportedBy: ${code}`);
}

function knownOffenceCategory({ context }: Decision, code: string) {
  const category = context.refData.offenceCategories.get(code);
  ensure(category !== undefined, 'UNKNOWN_OFFENCE_CATEGORY', `offenceCategory: ${code}`);
  return category;
}

function recordCharge(data: C.RecordCharge['data'], d: Decision): CaseEvent[] {
  ensure(!d.state.charges.has(data.chargeId), 'CHARGE_ALREADY_RECORDED', `chargeId: ${data.chargeId}`);
  policeReporter(d, data.reportedBy);
  knownOffenceCategory(d, data.offenceCategory);
  pastDate(data.chargedOn, d.today, 'chargedOn');
  return [{ type: 'ChargeRecorded', data }];
}

function recordConviction(data: C.RecordConviction['data'], d: Decision): CaseEvent[] {
  ensure(!d.state.convictions.has(data.convictionId), 'CONVICTION_ALREADY_RECORDED', `convictionId: ${data.convictionId}`);
  policeReporter(d, data.reportedBy);
  const category = knownOffenceCategory(d, data.offenceCategory);
  ensure(data.chargeId === undefined || d.state.charges.has(data.chargeId), 'UNKNOWN_CHARGE', `chargeId: ${data.chargeId}`);
  pastDate(data.convictedOn, d.today, 'convictedOn');
  return [{ type: 'ConvictionRecorded', data: { ...data, dangerousToPersons: category.dangerousToPersons } }];
}

// ---- Labour market ----------------------------------------------------------------------------

function startEmployment(data: C.StartEmployment['data'], { state, today }: Decision): CaseEvent[] {
  ensure(!state.employments.has(data.employmentId), 'EMPLOYMENT_ALREADY_STARTED', `employmentId: ${data.employmentId}`);
  pastDate(data.startedOn, today, 'startedOn');
  return [{ type: 'EmploymentStarted', data }];
}

function endEmployment(data: C.EndEmployment['data'], { state, today }: Decision): CaseEvent[] {
  const employment = state.employments.get(data.employmentId);
  ensure(employment !== undefined, 'UNKNOWN_EMPLOYMENT', `employmentId: ${data.employmentId}`);
  ensure(employment.endedOn === undefined, 'EMPLOYMENT_ALREADY_ENDED', `employmentId: ${data.employmentId}`);
  endDate(data.endedOn, employment.startedOn, today, 'endedOn');
  return [{ type: 'EmploymentEnded', data }];
}

function startEducation(data: C.StartEducation['data'], { state, today }: Decision): CaseEvent[] {
  ensure(!state.educations.has(data.educationId), 'EDUCATION_ALREADY_STARTED', `educationId: ${data.educationId}`);
  pastDate(data.startedOn, today, 'startedOn');
  return [{ type: 'EducationStarted', data }];
}

function ongoingEducation({ state }: Decision, educationId: string): string {
  const education = state.educations.get(educationId);
  ensure(education !== undefined, 'UNKNOWN_EDUCATION', `educationId: ${educationId}`);
  ensure(education.status === 'ongoing', 'EDUCATION_NOT_ONGOING', `educationId: ${educationId}`);
  return education.startedOn;
}

function endEducation(data: C.EndEducation['data'], d: Decision): CaseEvent[] {
  const startedOn = ongoingEducation(d, data.educationId);
  endDate(data.endedOn, startedOn, d.today, 'endedOn');
  return [{ type: 'EducationEnded', data }];
}

function completeEducation(data: C.CompleteEducation['data'], d: Decision): CaseEvent[] {
  const startedOn = ongoingEducation(d, data.educationId);
  endDate(data.completedOn, startedOn, d.today, 'completedOn');
  return [{ type: 'EducationCompleted', data }];
}

function registerSelfSufficiency(data: C.RegisterSelfSufficiency['data'], { state, today }: Decision): CaseEvent[] {
  ensure(state.selfSufficiency === undefined, 'ALREADY_SELF_SUFFICIENT');
  pastDate(data.reachedOn, today, 'reachedOn');
  return [{ type: 'SelfSufficiencyReached', data }];
}

function registerLossOfSelfSufficiency(data: C.RegisterLossOfSelfSufficiency['data'], { state, today }: Decision): CaseEvent[] {
  const current = state.selfSufficiency;
  ensure(current !== undefined, 'NOT_SELF_SUFFICIENT');
  endDate(data.lostOn, current.since, today, 'lostOn');
  return [{ type: 'SelfSufficiencyLost', data }];
}

function assessProgression(data: C.AssessProgression['data'], { context, today }: Decision): CaseEvent[] {
  const scale = context.refData.progressionScale;
  ensure(Number.isInteger(data.step) && data.step >= scale.minStep && data.step <= scale.maxStep, 'UNKNOWN_PROGRESSION_STEP', `step: ${data.step}`);
  knownAgency(context.refData, data.assessedBy, 'assessedBy');
  pastDate(data.assessedOn, today, 'assessedOn');
  return [{ type: 'ProgressionAssessed', data }];
}
