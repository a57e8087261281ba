import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { CurrentUser, OpenToReadOnlyUsers, type AuthenticatedUser } from '@samvirke/access';
import { AuditLog, SEAL_OPENING_HOURS } from '@samvirke/access/read-audit/audit-log';
import { AuditAs } from '@samvirke/access/read-audit/audit-vocabulary';
import { recordAuditedDetails } from '@samvirke/access/read-audit/audited-request';
import { DATABASE_POOL } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { findSummary } from './case-summary-query';
import { identityIsSealed } from './name-disclosure';

export class OpenSealDto {
  @ApiProperty({
    description: 'Why you must see the sealed identity (10 to 500 characters). It is kept in the audit log and shown to the people named on the seal.',
    minLength: 10,
    maxLength: 500,
  })
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}

export class SealOpenedDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', description: `The opening lasts ${SEAL_OPENING_HOURS} hours; open it again with a new reason after that.` })
  openUntil!: string;
}

export class SealOpeningDto {
  @ApiProperty() userId!: string;
  @ApiProperty() agency!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() purpose!: string;
}

export class SealOpeningsDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [SealOpeningDto] }) openings!: SealOpeningDto[];
}

const NOT_FOUND = { error: 'Not Found', message: 'no case with this id that you may see' };

/**
 * Break-glass for sealed identities (exit programme). Nobody sees a sealed identity's name, birth
 * date, district or sealed-identity entries without being named on it (the token's `named_access`),
 * auditors included, unless they open it: a stated reason, recorded as an 'open-seal' row of the
 * audit log (so it shows in the case's access report and the citizen's), which then lets that user
 * see the sealed material of that case for a few hours. The people named on the seal see every
 * opening with its reason (GET).
 */
@ApiTags('read models: case summary')
@Controller('cases/:caseId/seal-openings')
export class SealOpeningsController {
  private readonly programmes = loadReferenceData().programmes;

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    private readonly auditLog: AuditLog,
  ) {}

  @Post()
  @HttpCode(201)
  @OpenToReadOnlyUsers()
  @AuditAs('open-seal')
  @ApiOperation({
    summary:
      "Open a sealed identity (break-glass): state why; for a few hours you see the name, birth date, district and sealed entries. Recorded in the audit log and shown to the people named on the seal. 409 when the case's identity is not sealed or you are named on it.",
  })
  @ApiCreatedResponse({ type: SealOpenedDto })
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @Body() body: OpenSealDto,
    @Req() request: FastifyRequest,
  ): Promise<SealOpenedDto> {
    const caseId = rawCaseId.toLowerCase();
    const row = await findSummary(this.pool, user, caseId);
    if (row === undefined) throw new NotFoundException(NOT_FOUND);
    if (!identityIsSealed(row.enrolments, this.programmes))
      throw new ConflictException({
        error: 'Conflict',
        reason: 'IDENTITY_NOT_SEALED',
        message: "this case's identity is not sealed: there is nothing to open",
      });
    const namedByToken = (user.namedAccess ?? []).includes(caseId) && !(user.openedSeals ?? []).includes(caseId);
    if (namedByToken)
      throw new ConflictException({ error: 'Conflict', reason: 'ALREADY_NAMED', message: 'you are named on this sealed identity and see it already' });
    // The reason goes into this request's audit row, which the interceptor writes before answering.
    recordAuditedDetails(request, { reason: body.reason.trim() });
    this.auditLog.forgetOpenedSeals(user.userId, user.agency);
    const openedAt = new Date();
    return { caseId, openedAt: openedAt.toISOString(), openUntil: new Date(openedAt.getTime() + SEAL_OPENING_HOURS * 3_600_000).toISOString() };
  }

  @Get()
  @ApiOperation({
    summary: 'Every break-glass opening of the sealed identity, newest first: who, for which agency, when and why. For the people named on the seal.',
  })
  @ApiOkResponse({ type: SealOpeningsDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Param('caseId', ParseUUIDPipe) rawCaseId: string): Promise<SealOpeningsDto> {
    const caseId = rawCaseId.toLowerCase();
    const row = await findSummary(this.pool, user, caseId);
    if (row === undefined) throw new NotFoundException(NOT_FOUND);
    if (!identityIsSealed(row.enrolments, this.programmes) || !(user.namedAccess ?? []).includes(caseId))
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: 'only the people named on a sealed identity, or who opened it, see its openings',
      });
    return { caseId, openings: await this.auditLog.sealOpenings(caseId) };
  }
}
