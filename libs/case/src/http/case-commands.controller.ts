import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EVENT_STORE, type CommandOutcome, type EventStore } from '@samvirke/event-store';
import { CLOCK, type Clock } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import type { CaseCommand } from '../commands';
import type { CaseEvent } from '../events';
import type { Sealed } from '../vocabulary';
import { CaseRuleViolation } from '../errors';
import { HandleCaseCommand } from '../application/handle-case-command';
import { caseIdForCitizen, caseStreamId } from '../application/case-identity';
import { CaseAlreadyExistsError } from '../application/case-errors';
import { PERSONAL_DATA_SEALER, type PersonalDataSealer } from '../application/personal-data-port';
import { commandRequestOf, type CommandRequest } from './command-request';
import {
  AssessSspCategoryDto,
  AssignCoordinatorDto,
  ChangeEntryPointDto,
  CloseCaseDto,
  EnrolInProgrammeDto,
  ExitProgrammeDto,
  JoinCaseDto,
  OpenCaseDto,
  ReopenCaseDto,
} from './dto/case-lifecycle.dto';
import {
  AnswerInformationRequestDto,
  DeclineInformationRequestDto,
  RequestInformationDto,
  ShareInformationDto,
} from './dto/information.dto';
import { AddActionDto, CancelActionDto, CompleteActionDto, RecordCaseConferenceDto, SetGoalDto } from './dto/action-plan.dto';
import {
  ChangeExpectedReleaseDto,
  RecordChargeDto,
  RecordConvictionDto,
  ReleaseFromCustodyDto,
  StartCustodyDto,
} from './dto/custody-justice.dto';
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
import { normaliseCpr } from '@samvirke/privacy/cpr/cpr';
import { KnownCodePipe } from './known-code.pipe';
import { caseWriteDecision } from '@samvirke/access/policy/case-command-policy';
import type { AuthenticatedUser } from '@samvirke/access/authentication/claims';
import type { CaseState } from '../state';

type Seal = (plaintext: string) => Promise<Sealed>;

const KNOWN_CASES_REMEMBERED = 100_000;
const sealOptional = async (seal: Seal, text: string | undefined) => (text === undefined ? undefined : seal(text));

export interface CommandAccepted {
  caseId: string;
  /** The case stream's revision after the command: send it back in If-Match to guard the next one. */
  revision: number | null;
  /** Global position of the write: pass it as `consistentWith` to read your own write. */
  position: string | null;
  /** True when this request repeated an earlier one with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * The case's write API. Each endpoint turns a validated body into one domain command; personal
 * fields are sealed with the citizen's key for the caller's agency before the command exists, and
 * the acting agency always comes from the caller's identity, never from the body.
 */
@ApiTags('case commands')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key never appends twice.' })
@ApiHeader({ name: 'If-Match', required: false, description: 'The revision you last saw; 409 with the current one if the case moved on.' })
@Controller('cases')
export class CaseCommandsController {
  private readonly referenceData = loadReferenceData();

  private readonly casesKnownToExist = new Set<string>();

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_SEALER) private readonly sealer: PersonalDataSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open a case for a citizen (a referral). 409 with the existing case id if the citizen has one.' })
  async openCase(@Body() body: OpenCaseDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const cpr = normaliseCpr(body.cpr);
    const cprHash = this.sealer.cprHash(cpr);
    const caseId = caseIdForCitizen(cprHash);
    const context = commandRequestOf(request);
    const seal: Seal = (text) => this.sealer.seal({ citizenId: caseId, agency: context.actor.agency }, text);
    const command: CaseCommand = {
      type: 'OpenCase',
      data: {
        citizenId: caseId,
        cprHash,
        name: await seal(body.name),
        cpr: await seal(cpr),
        birthDate: body.birthDate,
        districtCode: body.districtCode,
        referredBy: context.actor.agency,
        reason: await seal(body.reason),
        ...(body.referrerEntryPoint ? { referrerEntryPoint: { ...body.referrerEntryPoint } } : {}),
      },
    };
    try {
      const outcome = await this.dispatch(caseId, command, context, body);
      response.status(outcome.replayed ? HttpStatus.OK : HttpStatus.CREATED).setHeader('Location', `/cases/${caseId}`);
      return this.accepted(caseId, outcome, response);
    } catch (error) {
      if (error instanceof CaseRuleViolation && error.reason === 'CASE_ALREADY_EXISTS') throw new CaseAlreadyExistsError(caseId);
      throw error;
    }
  }

  @Post(':caseId/close')
  @HttpCode(HttpStatus.OK)
  close(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CloseCaseDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal) => ({ type: 'CloseCase', data: { reason: body.reason, note: await sealOptional(seal, body.note) } }));
  }

  @Post(':caseId/reopen')
  @HttpCode(HttpStatus.OK)
  reopen(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: ReopenCaseDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal) => ({ type: 'ReopenCase', data: { reason: await seal(body.reason) } }));
  }

  @Post(':caseId/assessments')
  @ApiOperation({ summary: 'Record an SSP category assessment (1-4) with its rationale.' })
  assess(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AssessSspCategoryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'AssessSspCategory',
      data: { level: body.level, rationale: await seal(body.rationale), assessedBy: actor.agency, assessedOn: body.assessedOn },
    }));
  }

  @Post(':caseId/coordinator')
  @ApiOperation({ summary: 'Assign the SSP+ coordinator (the first time).' })
  assignCoordinator(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AssignCoordinatorDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'AssignCoordinator', data: { coordinatorId: body.coordinatorId, agency: body.agency } }));
  }

  @Put(':caseId/coordinator')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hand the case to another SSP+ coordinator.' })
  changeCoordinator(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AssignCoordinatorDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'ChangeCoordinator', data: { coordinatorId: body.coordinatorId, agency: body.agency } }));
  }

  @Post(':caseId/agencies/:agency')
  @ApiOperation({ summary: 'Bring an agency onto the case, with its entry point for this case.' })
  joinCase(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('agency', new KnownCodePipe('agency')) agency: string,
    @Body() body: JoinCaseDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'JoinCase', data: { agency, ...(body.entryPoint ? { entryPoint: { ...body.entryPoint } } : {}) } }));
  }

  @Put(':caseId/agencies/:agency/entry-point')
  @HttpCode(HttpStatus.OK)
  changeEntryPoint(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('agency', new KnownCodePipe('agency')) agency: string,
    @Body() body: ChangeEntryPointDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'ChangeEntryPoint', data: { agency, entryPoint: { ...body.entryPoint } } }));
  }

  @Delete(':caseId/agencies/:agency')
  @HttpCode(HttpStatus.OK)
  leaveCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('agency', new KnownCodePipe('agency')) agency: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, { agency }, async () => ({ type: 'LeaveCase', data: { agency } }));
  }

  @Post(':caseId/programmes')
  enrol(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: EnrolInProgrammeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'EnrolInProgramme', data: { programmeCode: body.programmeCode, startedOn: body.startedOn } }));
  }

  @Post(':caseId/programmes/:programmeCode/exit')
  @HttpCode(HttpStatus.OK)
  exitProgramme(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('programmeCode', new KnownCodePipe('programme')) programmeCode: string,
    @Body() body: ExitProgrammeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'ExitProgramme', data: { programmeCode, endedOn: body.endedOn, exitReason: body.exitReason } }));
  }

  @Post(':caseId/entries')
  @ApiOperation({ summary: 'Share information from your agency with other agencies on the case.' })
  share(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: ShareInformationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'ShareInformation',
      data: {
        entryId: body.entryId,
        fromAgency: actor.agency,
        sharedWith: body.sharedWith,
        legalBasis: body.legalBasis,
        purpose: body.purpose,
        sensitivity: body.sensitivity,
        summary: await seal(body.summary),
      },
    }));
  }

  @Post(':caseId/entries/:entryId/acknowledgements')
  @ApiOperation({ summary: 'Acknowledge receipt of an entry shared with your agency.' })
  acknowledge(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, { entryId }, async (_seal, actor) => ({ type: 'AcknowledgeInformation', data: { entryId, agency: actor.agency } }));
  }

  @Post(':caseId/requests')
  requestInformation(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RequestInformationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'RequestInformation',
      data: {
        requestId: body.requestId,
        fromAgency: actor.agency,
        toAgency: body.toAgency,
        question: await seal(body.question),
        dueDate: body.dueDate,
        legalBasis: body.legalBasis,
      },
    }));
  }

  @Post(':caseId/requests/:requestId/answer')
  @HttpCode(HttpStatus.OK)
  answerRequest(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: AnswerInformationRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'AnswerInformationRequest',
      data: { requestId, agency: actor.agency, answer: await seal(body.answer) },
    }));
  }

  @Post(':caseId/requests/:requestId/decline')
  @HttpCode(HttpStatus.OK)
  declineRequest(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: DeclineInformationRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'DeclineInformationRequest',
      data: { requestId, agency: actor.agency, reason: body.reason, note: await sealOptional(seal, body.note) },
    }));
  }

  @Post(':caseId/goals')
  setGoal(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: SetGoalDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal) => ({ type: 'SetGoal', data: { goalId: body.goalId, area: body.area, description: await seal(body.description) } }));
  }

  @Post(':caseId/actions')
  addAction(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AddActionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal) => ({
      type: 'AddAction',
      data: { actionId: body.actionId, goalId: body.goalId, title: await seal(body.title), responsibleAgency: body.responsibleAgency, dueDate: body.dueDate },
    }));
  }

  @Post(':caseId/actions/:actionId/complete')
  @HttpCode(HttpStatus.OK)
  completeAction(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @Body() body: CompleteActionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'CompleteAction', data: { actionId, completedOn: body.completedOn } }));
  }

  @Post(':caseId/actions/:actionId/cancel')
  @HttpCode(HttpStatus.OK)
  cancelAction(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @Body() body: CancelActionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async (seal) => ({ type: 'CancelAction', data: { actionId, reason: await seal(body.reason) } }));
  }

  @Post(':caseId/conferences')
  recordConference(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RecordCaseConferenceDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal) => ({
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
    }));
  }

  @Post(':caseId/custody')
  startCustody(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: StartCustodyDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({
      type: 'StartCustody',
      data: { custodyId: body.custodyId, kind: body.kind, institution: body.institution, startedOn: body.startedOn, expectedReleaseOn: body.expectedReleaseOn },
    }));
  }

  @Put(':caseId/custody/expected-release')
  @HttpCode(HttpStatus.OK)
  changeExpectedRelease(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: ChangeExpectedReleaseDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'ChangeExpectedRelease', data: { expectedReleaseOn: body.expectedReleaseOn } }));
  }

  @Post(':caseId/custody/release')
  @HttpCode(HttpStatus.OK)
  release(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: ReleaseFromCustodyDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'ReleaseFromCustody', data: { releasedOn: body.releasedOn, conditional: body.conditional } }));
  }

  @Post(':caseId/charges')
  recordCharge(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RecordChargeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (_seal, actor) => ({
      type: 'RecordCharge',
      data: { chargeId: body.chargeId, offenceCategory: body.offenceCategory, chargedOn: body.chargedOn, reportedBy: actor.agency },
    }));
  }

  @Post(':caseId/convictions')
  recordConviction(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RecordConvictionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'RecordConviction',
      data: {
        convictionId: body.convictionId,
        chargeId: body.chargeId,
        offenceCategory: body.offenceCategory,
        convictedOn: body.convictedOn,
        sentence: await seal(body.sentence),
        reportedBy: actor.agency,
      },
    }));
  }

  @Post(':caseId/employments')
  startEmployment(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: StartEmploymentDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'StartEmployment', data: { employmentId: body.employmentId, kind: body.kind, startedOn: body.startedOn } }));
  }

  @Post(':caseId/employments/:employmentId/end')
  @HttpCode(HttpStatus.OK)
  endEmployment(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('employmentId', ParseUUIDPipe) employmentId: string,
    @Body() body: EndEmploymentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'EndEmployment', data: { employmentId, endedOn: body.endedOn } }));
  }

  @Post(':caseId/educations')
  startEducation(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: StartEducationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'StartEducation', data: { educationId: body.educationId, kind: body.kind, startedOn: body.startedOn } }));
  }

  @Post(':caseId/educations/:educationId/end')
  @HttpCode(HttpStatus.OK)
  endEducation(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('educationId', ParseUUIDPipe) educationId: string,
    @Body() body: EndEducationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'EndEducation', data: { educationId, endedOn: body.endedOn } }));
  }

  @Post(':caseId/educations/:educationId/complete')
  @HttpCode(HttpStatus.OK)
  completeEducation(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('educationId', ParseUUIDPipe) educationId: string,
    @Body() body: CompleteEducationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'CompleteEducation', data: { educationId, completedOn: body.completedOn } }));
  }

  @Post(':caseId/self-sufficiency')
  registerSelfSufficiency(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RegisterSelfSufficiencyDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async () => ({ type: 'RegisterSelfSufficiency', data: { reachedOn: body.reachedOn, through: body.through } }));
  }

  @Post(':caseId/self-sufficiency/loss')
  registerLossOfSelfSufficiency(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: RegisterLossOfSelfSufficiencyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(caseId, req, res, body, async () => ({ type: 'RegisterLossOfSelfSufficiency', data: { lostOn: body.lostOn } }));
  }

  @Post(':caseId/progression')
  assessProgression(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AssessProgressionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run(caseId, req, res, body, async (seal, actor) => ({
      type: 'AssessProgression',
      data: { step: body.step, assessedBy: actor.agency, assessedOn: body.assessedOn, note: await sealOptional(seal, body.note) },
    }));
  }

  /** Every command but OpenCase: the case must exist (404 before anything is sealed or decided). */
  private async run(
    caseId: string,
    request: Request,
    response: Response,
    body: object,
    build: (seal: Seal, actor: CommandRequest['actor']) => Promise<CaseCommand>,
  ): Promise<CommandAccepted> {
    if (!(await this.caseExists(caseId))) {
      throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    }
    const context = commandRequestOf(request);
    const seal: Seal = (text) => this.sealer.seal({ citizenId: caseId, agency: context.actor.agency }, text);
    const command = await build(seal, context.actor);
    const outcome = await this.dispatch(caseId, command, context, body, authorizeWrite(context.actor, command));
    return this.accepted(caseId, outcome, response);
  }

  /**
   * A case stream, once it exists, exists for good (erasure destroys keys, not events), so a yes is
   * remembered and saves later commands on the case a round trip; a no is always asked again.
   */
  private async caseExists(caseId: string): Promise<boolean> {
    if (this.casesKnownToExist.has(caseId)) return true;
    if ((await this.store.streamRevision(caseStreamId(caseId))) === undefined) return false;
    // Bounded: forgetting them all costs one round trip per case, once.
    if (this.casesKnownToExist.size >= KNOWN_CASES_REMEMBERED) this.casesKnownToExist.clear();
    this.casesKnownToExist.add(caseId);
    return true;
  }

  private dispatch(
    caseId: string,
    command: CaseCommand,
    context: CommandRequest,
    body: object,
    authorize?: (state: CaseState) => void,
  ): Promise<CommandOutcome<CaseEvent>> {
    const fingerprint = this.sealer.fingerprint(`${context.method} ${context.route} ${JSON.stringify(body)}`);
    return this.commandBus.execute(
      new HandleCaseCommand(
        caseId,
        stripUndefined(command),
        { now: this.clock.now(), refData: this.referenceData },
        {
          actor: context.actor.userId,
          agency: context.actor.agency,
          correlationId: context.correlationId,
          causationId: context.requestId,
          ...('legalBasis' in command.data && typeof command.data.legalBasis === 'string' ? { legalBasis: command.data.legalBasis } : {}),
        },
        context.idempotencyKey,
        fingerprint,
        context.expectedRevision,
        authorize,
      ),
    );
  }

  private accepted(caseId: string, outcome: CommandOutcome<CaseEvent>, response: Response): CommandAccepted {
    if (outcome.revision !== undefined) response.setHeader('ETag', `"${outcome.revision}"`);
    return { caseId, revision: outcome.revision ?? null, position: outcome.position ?? null, replayed: outcome.replayed };
  }
}

/**
 * The write policy (libs/access) applied to the case as loaded for this very command. A case the
 * caller may not see answers exactly like a case that does not exist.
 */
function authorizeWrite(actor: AuthenticatedUser, command: CaseCommand): (state: CaseState) => void {
  const data = command.data as { agency?: unknown; scope?: unknown };
  const targetAgency = typeof data.agency === 'string' ? data.agency : typeof data.scope === 'string' ? data.scope : undefined;
  return (state) => {
    const facts = { agencies: [...state.agencies.keys()], coordinatorId: state.coordinator?.coordinatorId ?? null };
    const decision = caseWriteDecision(actor, facts, { type: command.type, targetAgency });
    if (decision === 'not-visible') throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    if (decision === 'forbidden') throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'your role does not allow this' });
  };
}

/** Optional fields left undefined by the mapping above must not reach the stored JSON as keys. */
function stripUndefined<T extends { data: object }>(command: T): T {
  return { ...command, data: JSON.parse(JSON.stringify(command.data)) as T['data'] };
}
