import type { Type } from '@nestjs/common';
import type { CaseCommand, CaseCommandType, Sealed } from '@samvirke/case';
import type { AuthenticatedUser } from '@samvirke/access/authentication/claims';
import type { CaseWriteIntent } from '@samvirke/access/policy/case-command-policy';
import { AddActionDto, CancelActionDto, CompleteActionDto, RecordCaseConferenceDto, SetGoalDto } from './dto/action-plan.dto';
import {
  AssessSspCategoryDto,
  AssignCoordinatorDto,
  ChangeEntryPointDto,
  CloseCaseDto,
  EnrolInProgrammeDto,
  ExitProgrammeDto,
  JoinCaseDto,
  ReopenCaseDto,
} from './dto/case-lifecycle.dto';
import { ChangeExpectedReleaseDto, RecordChargeDto, RecordConvictionDto, ReleaseFromCustodyDto, StartCustodyDto } from './dto/custody-justice.dto';
import { AnswerInformationRequestDto, DeclineInformationRequestDto, RequestInformationDto, ShareInformationDto } from './dto/information.dto';
import {
  AssessProgressionDto,
  CompleteEducationDto,
  EndEducationDto,
  EndEmploymentDto,
  RegisterLossOfSelfSufficiencyDto,
  RegisterSelfSufficiencyDto,
  StartEducationDto,
  StartEmploymentDto,
} from './dto/labour-market.dto';
import { PlaceLegalHoldDto } from './dto/privacy.dto';

/** What a route's builder gets: the validated request, with the acting agency from the token. */
export interface RouteInput<Body> {
  caseId: string;
  /** Path parameters besides caseId, already checked (UUIDs lower-cased, codes known). */
  params: Readonly<Record<string, string>>;
  body: Body;
  actor: AuthenticatedUser;
}

export interface BuildTools {
  /** Seals personal text under the citizen's key for the caller's agency. */
  seal: (text: string) => Promise<Sealed>;
  sealOptional: (text: string | undefined) => Promise<Sealed | undefined>;
}

export type PathParameterKind = 'uuid' | 'agency' | 'programme';

/**
 * One row per case command over HTTP: the route, its body, how the command is built from the
 * request, and (through the command type) its write rule in the policy table. The controller and
 * the OpenAPI document are generated from these rows; adding a command is the decider's branch, one
 * row here and its tests.
 *
 * Statuses follow one rule: 201 when the write creates something the client names (a case, an
 * entry, a request, a goal, an action, a hold, ...), 200 when it changes or ends what exists; a
 * replay of an earlier request (same Idempotency-Key) answers as the first did, with `replayed: true`.
 */
export interface CommandRoute<T extends CaseCommandType = CaseCommandType, Body = unknown> {
  /** The controller method and the OpenAPI operationId. */
  name: string;
  method: 'POST' | 'PUT' | 'DELETE';
  /** Under /cases/:caseId ('' for the case itself). */
  path: string;
  summary: string;
  status: 200 | 201;
  body?: Type<Body>;
  params?: Readonly<Record<string, PathParameterKind>>;
  type: T;
  /** What the write policy needs besides the type: the agency the command is about, a hold. */
  intent?: (input: RouteInput<Body>) => Omit<CaseWriteIntent, 'type'>;
  build(input: RouteInput<Body>, tools: BuildTools): Promise<Extract<CaseCommand, { type: T }>> | Extract<CaseCommand, { type: T }>;
}

/** Keeps each row's command type, body and builder in step (a row that builds another command does not compile). */
function route<T extends CaseCommandType, Body>(row: CommandRoute<T, Body>): CommandRoute {
  return row as unknown as CommandRoute;
}

const legalBasisOf = (input: RouteInput<{ legalBasis: string }>) => ({ legalBasis: input.body.legalBasis });

export const CASE_COMMAND_ROUTES: readonly CommandRoute[] = [
  // ---- Lifecycle and coordination
  route({
    name: 'closeCase',
    method: 'POST',
    path: 'close',
    status: 200,
    body: CloseCaseDto,
    type: 'CloseCase',
    summary: 'Close the case, with the reason.',
    build: async ({ body }, { sealOptional }) => ({ type: 'CloseCase', data: { reason: body.reason, note: await sealOptional(body.note) } }),
  }),
  route({
    name: 'reopenCase',
    method: 'POST',
    path: 'reopen',
    status: 200,
    body: ReopenCaseDto,
    type: 'ReopenCase',
    summary: 'Reopen a closed case, with the reason.',
    build: async ({ body }, { seal }) => ({ type: 'ReopenCase', data: { reason: await seal(body.reason) } }),
  }),
  route({
    name: 'assessSspCategory',
    method: 'POST',
    path: 'assessments',
    status: 201,
    body: AssessSspCategoryDto,
    type: 'AssessSspCategory',
    summary: 'Record an SSP category assessment (1-4) with its rationale.',
    build: async ({ body, actor }, { seal }) => ({
      type: 'AssessSspCategory',
      data: { level: body.level, rationale: await seal(body.rationale), assessedBy: actor.agency, assessedOn: body.assessedOn },
    }),
  }),
  route({
    name: 'assignCoordinator',
    method: 'POST',
    path: 'coordinator',
    status: 201,
    body: AssignCoordinatorDto,
    type: 'AssignCoordinator',
    summary: 'Assign the SSP+ coordinator (the first time).',
    build: ({ body }) => ({ type: 'AssignCoordinator', data: { coordinatorId: body.coordinatorId, agency: body.agency } }),
  }),
  route({
    name: 'changeCoordinator',
    method: 'PUT',
    path: 'coordinator',
    status: 200,
    body: AssignCoordinatorDto,
    type: 'ChangeCoordinator',
    summary: 'Hand the case to another SSP+ coordinator.',
    build: ({ body }) => ({ type: 'ChangeCoordinator', data: { coordinatorId: body.coordinatorId, agency: body.agency } }),
  }),
  route({
    name: 'joinCase',
    method: 'POST',
    path: 'agencies/:agency',
    params: { agency: 'agency' },
    status: 201,
    body: JoinCaseDto,
    type: 'JoinCase',
    summary: 'Bring an agency onto the case, with its entry point for this case.',
    intent: ({ params }) => ({ targetAgency: params.agency }),
    build: ({ params, body }) => ({ type: 'JoinCase', data: { agency: params.agency, ...(body.entryPoint ? { entryPoint: { ...body.entryPoint } } : {}) } }),
  }),
  route({
    name: 'changeEntryPoint',
    method: 'PUT',
    path: 'agencies/:agency/entry-point',
    params: { agency: 'agency' },
    status: 200,
    body: ChangeEntryPointDto,
    type: 'ChangeEntryPoint',
    summary: "Change an agency's entry point on the case (the agency itself or the coordinator).",
    intent: ({ params }) => ({ targetAgency: params.agency }),
    build: ({ params, body }) => ({ type: 'ChangeEntryPoint', data: { agency: params.agency, entryPoint: { ...body.entryPoint } } }),
  }),
  route({
    name: 'leaveCase',
    method: 'DELETE',
    path: 'agencies/:agency',
    params: { agency: 'agency' },
    status: 200,
    type: 'LeaveCase',
    summary: 'Take an agency off the case (the agency itself or the coordinator).',
    intent: ({ params }) => ({ targetAgency: params.agency }),
    build: ({ params }) => ({ type: 'LeaveCase', data: { agency: params.agency } }),
  }),
  route({
    name: 'requestIntake',
    method: 'POST',
    path: 'intake-requests',
    status: 201,
    type: 'RequestIntake',
    summary:
      'Ask the municipality in: the referral intake unit (reference data) joins the case with its intake entry point; a case without a coordinator then waits in its intake queue (GET /intake).',
    build: ({ actor }) => ({ type: 'RequestIntake', data: { requestedBy: actor.agency } }),
  }),
  route({
    name: 'enrolInProgramme',
    method: 'POST',
    path: 'programmes',
    status: 201,
    body: EnrolInProgrammeDto,
    type: 'EnrolInProgramme',
    summary: 'Enrol the citizen in a programme.',
    build: ({ body }) => ({ type: 'EnrolInProgramme', data: { programmeCode: body.programmeCode, startedOn: body.startedOn } }),
  }),
  route({
    name: 'exitProgramme',
    method: 'POST',
    path: 'programmes/:programmeCode/exit',
    params: { programmeCode: 'programme' },
    status: 200,
    body: ExitProgrammeDto,
    type: 'ExitProgramme',
    summary: 'Record that the citizen left a programme, and why.',
    build: ({ params, body }) => ({ type: 'ExitProgramme', data: { programmeCode: params.programmeCode, endedOn: body.endedOn, exitReason: body.exitReason } }),
  }),

  // ---- Information between agencies
  route({
    name: 'shareInformation',
    method: 'POST',
    path: 'entries',
    status: 201,
    body: ShareInformationDto,
    type: 'ShareInformation',
    summary: 'Share information from your agency with other agencies on the case.',
    intent: legalBasisOf,
    build: async ({ body, actor }, { seal }) => ({
      type: 'ShareInformation',
      data: {
        entryId: body.entryId,
        fromAgency: actor.agency,
        sharedWith: body.sharedWith,
        legalBasis: body.legalBasis,
        purpose: body.purpose,
        sensitivity: body.sensitivity,
        summary: await seal(body.summary),
        ...(body.sharedOn === undefined ? {} : { sharedOn: body.sharedOn }),
      },
    }),
  }),
  route({
    name: 'acknowledgeInformation',
    method: 'POST',
    path: 'entries/:entryId/acknowledgements',
    params: { entryId: 'uuid' },
    status: 201,
    type: 'AcknowledgeInformation',
    summary: 'Acknowledge receipt of an entry shared with your agency.',
    intent: ({ params }) => ({ entryId: params.entryId }),
    build: ({ params, actor }) => ({ type: 'AcknowledgeInformation', data: { entryId: params.entryId, agency: actor.agency } }),
  }),
  route({
    name: 'requestInformation',
    method: 'POST',
    path: 'requests',
    status: 201,
    body: RequestInformationDto,
    type: 'RequestInformation',
    summary: 'Ask another agency on the case for information, with a due date and the legal basis.',
    intent: legalBasisOf,
    build: async ({ body, actor }, { seal }) => ({
      type: 'RequestInformation',
      data: {
        requestId: body.requestId,
        fromAgency: actor.agency,
        toAgency: body.toAgency,
        question: await seal(body.question),
        dueDate: body.dueDate,
        legalBasis: body.legalBasis,
        ...(body.requestedOn === undefined ? {} : { requestedOn: body.requestedOn }),
      },
    }),
  }),
  route({
    name: 'answerInformationRequest',
    method: 'POST',
    path: 'requests/:requestId/answer',
    params: { requestId: 'uuid' },
    status: 200,
    body: AnswerInformationRequestDto,
    type: 'AnswerInformationRequest',
    summary: 'Answer a request made of your agency.',
    build: async ({ params, body, actor }, { seal }) => ({
      type: 'AnswerInformationRequest',
      data: { requestId: params.requestId, agency: actor.agency, answer: await seal(body.answer) },
    }),
  }),
  route({
    name: 'declineInformationRequest',
    method: 'POST',
    path: 'requests/:requestId/decline',
    params: { requestId: 'uuid' },
    status: 200,
    body: DeclineInformationRequestDto,
    type: 'DeclineInformationRequest',
    summary: 'Decline a request made of your agency, with the reason.',
    build: async ({ params, body, actor }, { sealOptional }) => ({
      type: 'DeclineInformationRequest',
      data: { requestId: params.requestId, agency: actor.agency, reason: body.reason, note: await sealOptional(body.note) },
    }),
  }),

  // ---- Action plan and conferences
  route({
    name: 'setGoal',
    method: 'POST',
    path: 'goals',
    status: 201,
    body: SetGoalDto,
    type: 'SetGoal',
    summary: "Set a goal of the citizen's action plan.",
    build: async ({ body }, { seal }) => ({ type: 'SetGoal', data: { goalId: body.goalId, area: body.area, description: await seal(body.description) } }),
  }),
  route({
    name: 'addAction',
    method: 'POST',
    path: 'actions',
    status: 201,
    body: AddActionDto,
    type: 'AddAction',
    summary: 'Add an action to the plan, with the agency responsible and a due date.',
    build: async ({ body }, { seal }) => ({
      type: 'AddAction',
      data: { actionId: body.actionId, goalId: body.goalId, title: await seal(body.title), responsibleAgency: body.responsibleAgency, dueDate: body.dueDate },
    }),
  }),
  route({
    name: 'completeAction',
    method: 'POST',
    path: 'actions/:actionId/complete',
    params: { actionId: 'uuid' },
    status: 200,
    body: CompleteActionDto,
    type: 'CompleteAction',
    summary: 'Mark an action done.',
    build: ({ params, body }) => ({ type: 'CompleteAction', data: { actionId: params.actionId, completedOn: body.completedOn } }),
  }),
  route({
    name: 'cancelAction',
    method: 'POST',
    path: 'actions/:actionId/cancel',
    params: { actionId: 'uuid' },
    status: 200,
    body: CancelActionDto,
    type: 'CancelAction',
    summary: 'Cancel an action, with the reason.',
    build: async ({ params, body }, { seal }) => ({ type: 'CancelAction', data: { actionId: params.actionId, reason: await seal(body.reason) } }),
  }),
  route({
    name: 'recordCaseConference',
    method: 'POST',
    path: 'conferences',
    status: 201,
    body: RecordCaseConferenceDto,
    type: 'RecordCaseConference',
    summary: 'Record a case conference: who was there and what was decided (decisions may create actions).',
    build: async ({ body }, { seal }) => ({
      type: 'RecordCaseConference',
      data: {
        conferenceId: body.conferenceId,
        heldOn: body.heldOn,
        agenciesPresent: body.agenciesPresent,
        decisions: await Promise.all(
          body.decisions.map(async (decision) => ({
            decisionId: decision.decisionId,
            text: await seal(decision.text),
            ...(decision.createsAction
              ? {
                  createsAction: {
                    actionId: decision.createsAction.actionId,
                    responsibleAgency: decision.createsAction.responsibleAgency,
                    dueDate: decision.createsAction.dueDate,
                    title: await seal(decision.createsAction.title),
                  },
                }
              : {}),
          })),
        ),
      },
    }),
  }),

  // ---- Custody and justice
  route({
    name: 'startCustody',
    method: 'POST',
    path: 'custody',
    status: 201,
    body: StartCustodyDto,
    type: 'StartCustody',
    summary: 'Record that the citizen entered custody (remand or a sentence), with the expected release.',
    build: ({ body }) => ({
      type: 'StartCustody',
      data: { custodyId: body.custodyId, kind: body.kind, institution: body.institution, startedOn: body.startedOn, expectedReleaseOn: body.expectedReleaseOn },
    }),
  }),
  route({
    name: 'changeExpectedRelease',
    method: 'PUT',
    path: 'custody/expected-release',
    status: 200,
    body: ChangeExpectedReleaseDto,
    type: 'ChangeExpectedRelease',
    summary: 'Move the expected release date.',
    build: ({ body }) => ({ type: 'ChangeExpectedRelease', data: { expectedReleaseOn: body.expectedReleaseOn } }),
  }),
  route({
    name: 'releaseFromCustody',
    method: 'POST',
    path: 'custody/release',
    status: 200,
    body: ReleaseFromCustodyDto,
    type: 'ReleaseFromCustody',
    summary: 'Record the release from custody.',
    build: ({ body }) => ({ type: 'ReleaseFromCustody', data: { releasedOn: body.releasedOn, conditional: body.conditional } }),
  }),
  route({
    name: 'recordCharge',
    method: 'POST',
    path: 'charges',
    status: 201,
    body: RecordChargeDto,
    type: 'RecordCharge',
    summary: 'Record a charge (the police).',
    build: ({ body, actor }) => ({
      type: 'RecordCharge',
      data: { chargeId: body.chargeId, offenceCategory: body.offenceCategory, chargedOn: body.chargedOn, reportedBy: actor.agency },
    }),
  }),
  route({
    name: 'recordConviction',
    method: 'POST',
    path: 'convictions',
    status: 201,
    body: RecordConvictionDto,
    type: 'RecordConviction',
    summary: 'Record a conviction and its sentence.',
    build: async ({ body, actor }, { seal }) => ({
      type: 'RecordConviction',
      data: {
        convictionId: body.convictionId,
        chargeId: body.chargeId,
        offenceCategory: body.offenceCategory,
        convictedOn: body.convictedOn,
        sentence: await seal(body.sentence),
        reportedBy: actor.agency,
      },
    }),
  }),

  // ---- Labour market
  route({
    name: 'startEmployment',
    method: 'POST',
    path: 'employments',
    status: 201,
    body: StartEmploymentDto,
    type: 'StartEmployment',
    summary: 'Record the start of an employment (ordinary, wage subsidy, flexible job, ...).',
    build: ({ body }) => ({ type: 'StartEmployment', data: { employmentId: body.employmentId, kind: body.kind, startedOn: body.startedOn } }),
  }),
  route({
    name: 'endEmployment',
    method: 'POST',
    path: 'employments/:employmentId/end',
    params: { employmentId: 'uuid' },
    status: 200,
    body: EndEmploymentDto,
    type: 'EndEmployment',
    summary: 'Record the end of an employment.',
    build: ({ params, body }) => ({ type: 'EndEmployment', data: { employmentId: params.employmentId, endedOn: body.endedOn } }),
  }),
  route({
    name: 'startEducation',
    method: 'POST',
    path: 'educations',
    status: 201,
    body: StartEducationDto,
    type: 'StartEducation',
    summary: 'Record the start of an education.',
    build: ({ body }) => ({ type: 'StartEducation', data: { educationId: body.educationId, kind: body.kind, startedOn: body.startedOn } }),
  }),
  route({
    name: 'endEducation',
    method: 'POST',
    path: 'educations/:educationId/end',
    params: { educationId: 'uuid' },
    status: 200,
    body: EndEducationDto,
    type: 'EndEducation',
    summary: 'Record that an education ended without completion.',
    build: ({ params, body }) => ({ type: 'EndEducation', data: { educationId: params.educationId, endedOn: body.endedOn } }),
  }),
  route({
    name: 'completeEducation',
    method: 'POST',
    path: 'educations/:educationId/complete',
    params: { educationId: 'uuid' },
    status: 200,
    body: CompleteEducationDto,
    type: 'CompleteEducation',
    summary: 'Record that an education was completed.',
    build: ({ params, body }) => ({ type: 'CompleteEducation', data: { educationId: params.educationId, completedOn: body.completedOn } }),
  }),
  route({
    name: 'registerSelfSufficiency',
    method: 'POST',
    path: 'self-sufficiency',
    status: 201,
    body: RegisterSelfSufficiencyDto,
    type: 'RegisterSelfSufficiency',
    summary: 'Record that the citizen became self-sufficient, and through what.',
    build: ({ body }) => ({ type: 'RegisterSelfSufficiency', data: { reachedOn: body.reachedOn, through: body.through } }),
  }),
  route({
    name: 'registerLossOfSelfSufficiency',
    method: 'POST',
    path: 'self-sufficiency/loss',
    status: 201,
    body: RegisterLossOfSelfSufficiencyDto,
    type: 'RegisterLossOfSelfSufficiency',
    summary: 'Record that the citizen is no longer self-sufficient.',
    build: ({ body }) => ({ type: 'RegisterLossOfSelfSufficiency', data: { lostOn: body.lostOn } }),
  }),
  route({
    name: 'assessProgression',
    method: 'POST',
    path: 'progression',
    status: 201,
    body: AssessProgressionDto,
    type: 'AssessProgression',
    summary: 'Record a progression assessment (a step on the progression scale).',
    build: async ({ body, actor }, { sealOptional }) => ({
      type: 'AssessProgression',
      data: { step: body.step, assessedBy: actor.agency, assessedOn: body.assessedOn, note: await sealOptional(body.note) },
    }),
  }),

  // ---- Retention
  route({
    name: 'placeLegalHold',
    method: 'POST',
    path: 'legal-holds',
    status: 201,
    body: PlaceLegalHoldDto,
    type: 'PlaceLegalHold',
    summary: "Place a legal hold (the case's coordinator): nothing about the case is erased until it is lifted.",
    build: async ({ body, actor }, { seal }) => ({
      type: 'PlaceLegalHold',
      data: { holdId: body.holdId.toLowerCase(), reason: await seal(body.reason), placedBy: actor.userId, agency: actor.agency },
    }),
  }),
  route({
    name: 'liftLegalHold',
    method: 'POST',
    path: 'legal-holds/:holdId/lift',
    params: { holdId: 'uuid' },
    status: 200,
    type: 'LiftLegalHold',
    summary: "Lift a legal hold (the case's coordinator, or the agency that placed it).",
    intent: ({ params }) => ({ holdId: params.holdId }),
    build: ({ params, actor }) => ({ type: 'LiftLegalHold', data: { holdId: params.holdId, liftedBy: actor.userId } }),
  }),
];
