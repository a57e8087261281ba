import { Body, Controller, ForbiddenException, HttpCode, HttpStatus, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EVENT_STORE, type CommandOutcome, type EventStore } from '@samvirke/event-store';
import { Roles } from '@samvirke/access';
import { CLOCK, type Clock } from '@samvirke/platform/nest/tokens';
import type { CaseEvent } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { PERSONAL_DATA_SEALER, type PersonalDataSealer } from '@samvirke/case/application/personal-data-port';
import { commandRequestOf, type CommandRequest } from '@samvirke/case/http/command-request';
import { loadReferenceData } from '@samvirke/reference-data';
import { CasePrivacyCommands, type PrivacyCaseCommand } from '../erasure/case-privacy-commands';
import { mayLiftLegalHold, mayPlaceLegalHold } from './privacy-permissions';
import { PlaceLegalHoldDto } from './privacy-requests.dto';

export interface LegalHoldAccepted {
  caseId: string;
  holdId: string;
  revision: number | null;
  position: string | null;
  replayed: boolean;
}

/**
 * Legal holds: while one stands, nothing about the case is erased, neither on request nor by
 * retention (the decider refuses with LEGAL_HOLD_ACTIVE). Who may place and lift is in
 * privacy-permissions.ts; auditors never (they write nothing).
 */
@ApiTags('privacy')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key never records twice.' })
@Roles('coordinator', 'liaison')
@Controller('cases/:caseId/legal-holds')
export class LegalHoldsController {
  private readonly agencies = loadReferenceData().agencies;

  constructor(
    private readonly commands: CasePrivacyCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_SEALER) private readonly sealer: PersonalDataSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Place a legal hold: the case cannot be erased until it is lifted.' })
  async place(
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @Body() body: PlaceLegalHoldDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LegalHoldAccepted> {
    const caseId = rawCaseId.toLowerCase();
    const context = commandRequestOf(request);
    if (!mayPlaceLegalHold(context.actor)) throw new ForbiddenException({ error: 'Forbidden', message: 'only coordinators and liaisons may place a legal hold' });
    await this.requireCase(caseId);
    const holdId = body.holdId.toLowerCase();
    const reason = await this.sealer.seal({ citizenId: caseId, agency: context.actor.agency }, body.reason);
    const outcome = await this.dispatch(caseId, { type: 'PlaceLegalHold', data: { holdId, reason, placedBy: context.actor.userId } }, context, body);
    response.status(outcome.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return this.accepted(caseId, holdId, outcome, response);
  }

  @Post(':holdId/lift')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift a legal hold (the agency that placed it, or a municipal coordinator).' })
  async lift(
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @Param('holdId', ParseUUIDPipe) rawHoldId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LegalHoldAccepted> {
    const caseId = rawCaseId.toLowerCase();
    const holdId = rawHoldId.toLowerCase();
    const context = commandRequestOf(request);
    await this.requireCase(caseId);
    if (!mayLiftLegalHold(context.actor, await this.holdingAgency(caseId, holdId), this.agencies)) {
      throw new ForbiddenException({ error: 'Forbidden', message: 'a legal hold is lifted by the agency that placed it or by a municipal coordinator' });
    }
    const outcome = await this.dispatch(caseId, { type: 'LiftLegalHold', data: { holdId, liftedBy: context.actor.userId } }, context, { holdId });
    return this.accepted(caseId, holdId, outcome, response);
  }

  private async requireCase(caseId: string): Promise<void> {
    if (!(await this.commands.exists(caseId))) throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
  }

  /** The agency that placed the hold (last placement with this id); undefined if none was. */
  private async holdingAgency(caseId: string, holdId: string): Promise<string | undefined> {
    const events = await this.store.readStream(caseStreamId(caseId));
    const placed = events.filter((event) => event.type === 'LegalHoldPlaced' && (event.data as { holdId?: string }).holdId === holdId).at(-1);
    return typeof placed?.metadata.agency === 'string' ? placed.metadata.agency : undefined;
  }

  private dispatch(caseId: string, command: PrivacyCaseCommand, context: CommandRequest, body: object): Promise<CommandOutcome<CaseEvent>> {
    return this.commands.execute(caseId, command, { actor: context.actor.userId, agency: context.actor.agency }, this.clock.now(), {
      idempotencyKey: context.idempotencyKey,
      // The request as received (the sealed reason differs on every seal), keyed so it reveals nothing.
      requestFingerprint: this.sealer.fingerprint(`${context.method} ${context.route} ${JSON.stringify(body)}`),
      expectedRevision: context.expectedRevision,
      correlationId: context.correlationId,
      causationId: context.requestId,
    });
  }

  private accepted(caseId: string, holdId: string, outcome: CommandOutcome<CaseEvent>, response: Response): LegalHoldAccepted {
    if (outcome.revision !== undefined) response.setHeader('ETag', `"${outcome.revision}"`);
    return { caseId, holdId, revision: outcome.revision ?? null, position: outcome.position ?? null, replayed: outcome.replayed };
  }
}
