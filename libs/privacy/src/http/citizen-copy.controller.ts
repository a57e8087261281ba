import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, canSeeCase, type AuthenticatedUser } from '@samvirke/access';
import { AuditAs } from '@samvirke/access/read-audit/audit-vocabulary';
import { CLOCK, type Clock } from '@samvirke/platform/nest/tokens';
import { ApiTextResponse } from '@samvirke/platform/nest/api-answers';
import { CitizenCopyBuilder, type CitizenCopy } from '../citizen-copy/citizen-copy';
import { renderCitizenCopyHtml } from '../citizen-copy/citizen-copy-html';

const FORMATS = ['json', 'html'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The citizen's right of access: a copy of everything held about them that they are entitled to see,
 * with the access report. Logged by the read audit as an 'export' (it takes personal data out of the
 * system). Only auditors (the data protection function) make it: the copy holds everything the
 * citizen may see, including entries their caseworkers' agencies may not, so it cannot follow the
 * per-agency read rules. The answer is never cached: it is one person's complete file.
 */
@ApiTags('privacy')
@Roles('auditor')
@Controller('cases/:caseId/citizen-copy')
export class CitizenCopyController {
  constructor(
    private readonly copies: CitizenCopyBuilder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AuditAs('export')
  @ApiQuery({ name: 'format', required: false, enum: FORMATS, description: 'json (default) or html, a printable page.' })
  @ApiOperation({ summary: "The citizen's copy (GDPR art. 15): personal data, the case's history and the access report." })
  @ApiTextResponse('The copy: JSON, or a printable HTML page with format=html.', ['text/html'], { alsoJsonObject: true })
  async copy(
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
    @Query('format') rawFormat?: string,
  ): Promise<CitizenCopy | string> {
    const format = formatOf(rawFormat);
    const copy = await this.copies.build(rawCaseId.toLowerCase(), this.clock.now());
    // One answer for "no such case" and "not yours to see", so the refusal reveals nothing.
    if (!copy || !canSeeCase(user, { agencies: copy.case.agencies, coordinatorId: copy.case.coordinatorId })) {
      throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    }
    response.setHeader('Cache-Control', 'no-store');
    if (format === 'json') return copy;
    response.type('text/html; charset=utf-8');
    return renderCitizenCopyHtml(copy);
  }
}

function formatOf(raw: string | undefined): Format {
  if (raw === undefined || raw === '') return 'json';
  if ((FORMATS as readonly string[]).includes(raw)) return raw as Format;
  throw new BadRequestException({
    error: 'Bad Request',
    message: 'the request has invalid fields',
    violations: [{ field: 'format', rule: 'isIn', message: 'format must be json or html' }],
  });
}
