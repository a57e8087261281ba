import { Body, Controller, ForbiddenException, HttpCode, HttpStatus, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '@samvirke/access';
import { commandRequestOf } from '@samvirke/case/http/command-request';
import { loadReferenceData } from '@samvirke/reference-data';
import { CasePrivacyCommands } from '../erasure/case-privacy-commands';
import { ErasureService, type ErasureOutcome } from '../erasure/erasure.service';
import { mayErase } from './privacy-permissions';
import { EraseCitizenDataDto } from './privacy-requests.dto';

/**
 * Crypto-shredding over HTTP. The decider's refusals come back as 422 with their reason
 * (CASE_NOT_CLOSED, LEGAL_HOLD_ACTIVE, CITIZEN_DATA_ALREADY_ERASED, UNKNOWN_AGENCY); who may ask is
 * in privacy-permissions.ts. Retrying with the same Idempotency-Key after a failure finishes a
 * half-done erasure (see ErasureService).
 */
@ApiTags('privacy')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key never records twice, and finishes a half-done erasure.' })
@Roles('coordinator', 'liaison')
@Controller('cases/:caseId/erasure')
export class ErasureController {
  private readonly agencies = loadReferenceData().agencies;

  constructor(
    private readonly erasure: ErasureService,
    private readonly commands: CasePrivacyCommands,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Erase the citizen's personal data (scope 'citizen') or one agency's contributions (scope = agency code) by destroying their keys." })
  async erase(
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @Body() body: EraseCitizenDataDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ErasureOutcome> {
    const caseId = rawCaseId.toLowerCase();
    const context = commandRequestOf(request);
    if (!mayErase(context.actor, body.scope, this.agencies)) {
      throw new ForbiddenException({
        error: 'Forbidden',
        message: "only a coordinator of a municipal administration may erase the citizen; an agency's coordinator or liaison may erase that agency's contributions",
      });
    }
    if (!(await this.commands.exists(caseId))) throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    const outcome = await this.erasure.erase(caseId, {
      scope: body.scope,
      reason: body.reason,
      by: { actor: context.actor.userId, agency: context.actor.agency },
      idempotencyKey: context.idempotencyKey,
      expectedRevision: context.expectedRevision,
      correlationId: context.correlationId,
      causationId: context.requestId,
    });
    if (outcome.revision !== null) response.setHeader('ETag', `"${outcome.revision}"`);
    return outcome;
  }
}
