import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
  type PipeTransform,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandOutcome } from '@samvirke/event-store';
import type { CaseCommand, CaseEvent, Sealed } from '@samvirke/case';
import { normaliseCpr } from '@samvirke/case/cpr';
import { PERSONAL_DATA_SEALER, type PersonalDataSealer } from '@samvirke/case/application/personal-data-port';
import type { CaseWrite } from '@samvirke/commands';
import { ErasureService, type ErasureOutcome } from '@samvirke/privacy/erasure/erasure.service';
import { commandRequestOf, type CommandRequest } from './command-request';
import { CASE_COMMAND_ROUTES, type CommandRoute, type PathParameterKind, type RouteInput } from './command-routes';
import { OpenCaseDto } from './dto/case-lifecycle.dto';
import { EraseCitizenDataDto } from './dto/privacy.dto';
import { CommandAcceptedDto, ErasureAcceptedDto, ReferralReceivedDto } from './dto/command-answers.dto';
import { KnownCodePipe } from '@samvirke/field-rules';
import { recordAuditedCase } from '@samvirke/access/read-audit/audited-request';
import { HandleCaseCommand } from './handle-case-command';

export type CommandAccepted = CommandAcceptedDto;

/**
 * The case's write API. The routes of CASE_COMMAND_ROUTES are generated onto this class below (one
 * method per row, with its validation, path checks and OpenAPI description); the referral and the
 * erasure, whose answers differ, are written out. Every one of them ends in the write gate
 * (libs/commands) through HandleCaseCommand: load, authorize on the case as loaded, build (seal),
 * decide, append. The acting agency always comes from the caller's identity, never from the body.
 */
@ApiTags('case commands')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key never appends twice.' })
@ApiHeader({
  name: 'If-Match',
  required: false,
  description:
    'The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral.',
})
@Controller('cases')
export class CaseCommandsController {
  constructor(
    readonly commandBus: CommandBus,
    @Inject(PERSONAL_DATA_SEALER) readonly sealer: PersonalDataSealer,
    readonly erasure: ErasureService,
  ) {}

  /**
   * A referral. A citizen without a case gets one, with the referral intake on it (it waits in the
   * intake queue, GET /intake, until a coordinator takes it over and the referrer joins); a referral
   * of a citizen who already has a case is recorded on that case for its coordinator. Either way,
   * for every caller and on a replay too, the answer is the same 202 `{ received: true }` with the
   * same headers: no case id, no Location, no revision, so it tells nobody whether the citizen had
   * a case.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Refer a citizen to the municipal SSP+ intake. A citizen without a case gets one, which waits in the intake queue (GET /intake) until a coordinator takes it over; a referral of a citizen who already has a case is recorded on it for its coordinator. The answer is always 202 {"received": true}: no case id, whether or not the citizen had a case.',
  })
  @ApiAcceptedResponse({
    type: ReferralReceivedDto,
    description: 'The referral was received (the same answer whether or not the citizen had a case, and on a replay).',
  })
  async openCase(@Body() body: OpenCaseDto, @Req() request: FastifyRequest): Promise<ReferralReceivedDto> {
    const cpr = normaliseCpr(body.cpr);
    const context = commandRequestOf(request);
    // A referral builds on no revision the referrer has read, and a failed precondition would tell
    // them the revision of a case they may not see: it takes no If-Match.
    if (context.conditional) {
      throw new BadRequestException({
        message: 'the request has invalid fields',
        violations: [{ field: 'If-Match', rule: 'isAbsent', message: 'a referral takes no If-Match; send it without one' }],
      });
    }
    // The CPR lookup (outside the log): the citizen's case, or a new random id claimed now. Two
    // referrals of a new citizen at once claim the same id, and the stream's no-stream check opens it once.
    const claim = await this.sealer.claimCaseOfCitizen(cpr);
    const { caseId } = claim;
    // The read audit names the case (auditors see every case); the answer does not.
    recordAuditedCase(request, caseId);
    const seal = this.sealerFor(caseId, context);
    const recorded = this.dispatch(caseId, context, body, { type: 'OpenCase' }, async (dryRun) => ({
      type: 'OpenCase',
      data: {
        citizenId: caseId,
        name: await seal(dryRun, body.name),
        cpr: await seal(dryRun, cpr),
        // In clear for the rules only; the event keeps the sealed pair (issue 21).
        birthDate: body.birthDate,
        districtCode: body.districtCode,
        sealedBirthDate: await seal(dryRun, body.birthDate),
        sealedDistrictCode: await seal(dryRun, body.districtCode),
        referredBy: context.actor.agency,
        reason: await seal(dryRun, body.reason),
        ...(body.referrerEntryPoint ? { referrerEntryPoint: { ...body.referrerEntryPoint } } : {}),
      },
    }));
    try {
      await recorded;
    } catch (error) {
      // Refused (not authorized, invalid): a lookup row this referral claimed goes with it.
      await claim.release();
      throw error;
    }
    await claim.confirm();
    return { received: true };
  }

  /**
   * Crypto-shredding: the decider first (who, why; closed case; no legal hold), then the keys (see
   * ErasureService). Retrying with the same Idempotency-Key finishes a half-done erasure.
   */
  @Post(':caseId/erasure')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Erase the citizen's personal data (scope 'citizen', the case's municipal coordinator) or one agency's contributions (scope = that agency's code, its own users) by destroying their keys.",
  })
  @ApiOkResponse({ type: ErasureAcceptedDto })
  async erase(
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @Body() body: EraseCitizenDataDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ErasureOutcome> {
    const caseId = rawCaseId.toLowerCase();
    const context = commandRequestOf(request);
    const outcome = await this.erasure.erase(caseId, {
      scope: body.scope,
      reason: body.reason,
      caller: { kind: 'user', user: context.actor },
      idempotencyKey: context.idempotencyKey,
      expectedRevision: context.expectedRevision,
      correlationId: context.correlationId,
      causationId: context.requestId,
    });
    if (outcome.revision !== null) response.header('ETag', `"${outcome.revision}"`);
    return outcome;
  }

  /** A row of CASE_COMMAND_ROUTES, run by its generated method. */
  async runRoute(
    row: CommandRoute,
    caseId: string,
    params: Record<string, string>,
    body: unknown,
    request: FastifyRequest,
    response: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const context = commandRequestOf(request);
    const input: RouteInput<unknown> = { caseId, params, body, actor: context.actor };
    const seal = this.sealerFor(caseId, context);
    const toolsFor = (dryRun: boolean) => ({
      seal: (text: string) => seal(dryRun, text),
      sealOptional: async (text: string | undefined): Promise<Sealed | undefined> => (text === undefined ? undefined : seal(dryRun, text)),
    });
    const outcome = await this.dispatch(caseId, context, body ?? params, { type: row.type, ...row.intent?.(input) }, async (dryRun) =>
      row.build(input, toolsFor(dryRun)),
    );
    // A retry gets the answer the first request got (replayed: true tells them apart).
    void response.status(row.status);
    return accepted(caseId, outcome, response);
  }

  /** Seals for the caller's agency; on the gate's dry run, a placeholder (no key is made). */
  private sealerFor(caseId: string, context: CommandRequest): (dryRun: boolean, text: string) => Promise<Sealed> {
    return async (dryRun, text) => (dryRun ? DRY_RUN_SEALED : this.sealer.seal({ citizenId: caseId, agency: context.actor.agency }, text));
  }

  private dispatch(
    caseId: string,
    context: CommandRequest,
    request: unknown,
    intent: CaseWrite['intent'],
    build: (dryRun: boolean) => Promise<CaseCommand>,
  ): Promise<CommandOutcome<CaseEvent>> {
    return this.commandBus.execute(
      new HandleCaseCommand({
        caseId,
        caller: { kind: 'user', user: context.actor },
        intent,
        command: build,
        idempotencyKey: context.idempotencyKey,
        // The request as received (sealed values differ on every seal), keyed so it reveals nothing.
        requestFingerprint: this.sealer.fingerprint(`${context.method} ${context.route} ${JSON.stringify(request)}`),
        expectedRevision: context.expectedRevision,
        correlationId: context.correlationId,
        causationId: context.requestId,
      }),
    );
  }
}

/** Stands in for a sealed value while the rules decide on a dry run; never stored. */
const DRY_RUN_SEALED: Sealed = Object.freeze({ sealed: 'dry-run' });

function accepted(caseId: string, outcome: CommandOutcome<CaseEvent>, response: FastifyReply): CommandAcceptedDto {
  if (outcome.revision !== undefined) response.header('ETag', `"${outcome.revision}"`);
  return { caseId, revision: outcome.revision ?? null, position: outcome.position ?? null, replayed: outcome.replayed };
}

// ---- The generated routes ------------------------------------------------------------------------

const PATH_PIPES: Record<PathParameterKind, () => PipeTransform<string, unknown>> = {
  uuid: () => new LowerCaseUuidPipe(),
  agency: () => new KnownCodePipe('agency'),
  programme: () => new KnownCodePipe('programme'),
};

/** A UUID in the path, lower-cased so every spelling names the same case, entry or hold. */
class LowerCaseUuidPipe implements PipeTransform<string, Promise<string>> {
  private readonly uuid = new ParseUUIDPipe();
  async transform(value: string, metadata: Parameters<PipeTransform['transform']>[1]): Promise<string> {
    return String(await this.uuid.transform(value, metadata)).toLowerCase();
  }
}

const METHOD_DECORATORS = { POST: Post, PUT: Put, DELETE: Delete } as const;

/**
 * Defines one method per row on the controller, with the parameter and method decorators a
 * hand-written endpoint would carry, so Nest routes, validates and documents it the same way:
 * (request, response, caseId, ...path parameters, body?).
 */
function defineRoute(target: typeof CaseCommandsController, row: CommandRoute): void {
  const prototype = target.prototype as unknown as Record<string, unknown>;
  if (row.name in prototype) throw new Error(`command route ${row.name} is defined twice`);
  const paramNames = Object.keys(row.params ?? {});
  async function handler(this: CaseCommandsController, request: FastifyRequest, response: FastifyReply, caseId: string, ...rest: unknown[]) {
    const params: Record<string, string> = {};
    paramNames.forEach((name, index) => (params[name] = rest[index] as string));
    const body = row.body ? rest[paramNames.length] : undefined;
    return this.runRoute(row, caseId, params, body, request, response);
  }
  Object.defineProperty(handler, 'name', { value: row.name });
  Object.defineProperty(prototype, row.name, { value: handler, writable: true, configurable: true, enumerable: false });

  const parameterTypes: unknown[] = [Object, Object, String, ...paramNames.map(() => String), ...(row.body ? [row.body] : [])];
  Reflect.defineMetadata('design:paramtypes', parameterTypes, prototype, row.name);
  Reflect.defineMetadata('design:returntype', Promise, prototype, row.name);
  Req()(prototype, row.name, 0);
  Res({ passthrough: true })(prototype, row.name, 1);
  Param('caseId', new LowerCaseUuidPipe())(prototype, row.name, 2);
  paramNames.forEach((name, index) => Param(name, PATH_PIPES[row.params![name]]())(prototype, row.name, 3 + index));
  if (row.body) Body()(prototype, row.name, 3 + paramNames.length);

  const path = row.path === '' ? ':caseId' : `:caseId/${row.path}`;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, row.name)!;
  const decorated = Reflect.decorate(
    [
      METHOD_DECORATORS[row.method](path),
      HttpCode(row.status),
      ApiOperation({ summary: row.summary, operationId: row.name }),
      ApiResponse({
        type: CommandAcceptedDto,
        status: row.status,
        description: 'Written (or a replay of an earlier request with the same Idempotency-Key: 200).',
      }),
    ],
    prototype,
    row.name,
    descriptor,
  ) as PropertyDescriptor | undefined;
  Object.defineProperty(prototype, row.name, decorated ?? descriptor);
}

for (const row of CASE_COMMAND_ROUTES) defineRoute(CaseCommandsController, row);
