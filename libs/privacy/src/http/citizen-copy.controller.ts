import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
  ServiceUnavailableException,
  StreamableFile,
} from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, canSeeCase, refuseUnopenedSeal, type AuthenticatedUser } from '@samvirke/access';
import { AuditAs } from '@samvirke/access/read-audit/audit-vocabulary';
import { CLOCK, type Clock } from '@samvirke/platform/nest/tokens';
import { CitizenCopyDto } from './citizen-copy.dto';
import { CitizenCopyBuilder, type CitizenCopy } from '../citizen-copy/citizen-copy';
import { renderCitizenCopyHtml, type CopyReferenceData } from '../citizen-copy/citizen-copy-html';
import { COPY_LANGUAGES, isCopyLanguage, languageFromAcceptLanguage, type CopyLanguage } from '../citizen-copy/citizen-copy-language';
import { CITIZEN_COPY_PDF, type PdfRenderer } from '../citizen-copy/citizen-copy-pdf';

const FORMATS = ['json', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** The reference data the copy names agencies, districts and programmes from. */
export const CITIZEN_COPY_REFERENCE = Symbol('CITIZEN_COPY_REFERENCE');

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
    @Inject(CITIZEN_COPY_REFERENCE) private readonly reference: CopyReferenceData,
    @Inject(CITIZEN_COPY_PDF) private readonly pdf: PdfRenderer,
  ) {}

  @Get()
  @AuditAs('export')
  @ApiQuery({
    name: 'format',
    required: false,
    enum: FORMATS,
    description:
      'json (default: the data, with codes and ISO instants); html, a printable page for the citizen; pdf, that page printed (needs Chromium on the server, else 503 PDF_RENDERER_UNAVAILABLE).',
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: COPY_LANGUAGES,
    description: 'The language of the html and pdf copy: da or en. Absent: from Accept-Language, else da.',
  })
  @ApiProduces('application/json', 'text/html', 'application/pdf')
  @ApiExtraModels(CitizenCopyDto)
  @ApiResponse({
    status: 200,
    description:
      "The copy: JSON, or the citizen's document in Danish or English (plain sentences, agency names, Copenhagen dates: when each thing happened and when it was recorded, and who has seen the case and why).",
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CitizenCopyDto) } },
      'text/html': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: "The citizen's copy (GDPR art. 15): personal data, the case's history and the access report." })
  async copy(
    @Param('caseId', ParseUUIDPipe) rawCaseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: FastifyReply,
    @Query('format') rawFormat?: string,
    @Query('lang') rawLang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CitizenCopy | string | StreamableFile> {
    const format = formatOf(rawFormat);
    const lang = languageOf(rawLang, acceptLanguage);
    // Before the copy is built (and the export logged as made): a PDF that cannot be printed here is refused at once.
    const noPdf = format === 'pdf' ? this.pdf.unavailable() : undefined;
    if (noPdf !== undefined) {
      throw new ServiceUnavailableException({
        reason: 'PDF_RENDERER_UNAVAILABLE',
        message: 'this server cannot print PDF; ask for format=html and print the page',
      });
    }
    const copy = await this.copies.build(rawCaseId.toLowerCase(), this.clock.now());
    // One answer for "no such case" and "not yours to see", so the refusal reveals nothing.
    if (!copy || !canSeeCase(user, { agencies: copy.case.agencies, coordinatorId: copy.case.coordinatorId })) {
      throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    }
    refuseUnopenedSeal(user, copy.caseId, copy.events);
    response.header('Cache-Control', 'no-store');
    if (format === 'json') return copy;
    response.header('Content-Language', lang);
    const html = renderCitizenCopyHtml(copy, this.reference, lang);
    if (format === 'html') {
      void response.type('text/html; charset=utf-8');
      return html;
    }
    const pdf = await this.pdf.render(html);
    void response.type('application/pdf');
    response.header('Content-Disposition', `attachment; filename="${lang === 'da' ? 'indsigt' : 'citizen-copy'}-${copy.caseId}.pdf"`);
    return new StreamableFile(pdf);
  }
}

function formatOf(raw: string | undefined): Format {
  if (raw === undefined || raw === '') return 'json';
  if ((FORMATS as readonly string[]).includes(raw)) return raw as Format;
  throw new BadRequestException({
    error: 'Bad Request',
    message: 'the request has invalid fields',
    violations: [{ field: 'format', rule: 'isIn', message: 'format must be json, html or pdf' }],
  });
}

function languageOf(raw: string | undefined, acceptLanguage: string | undefined): CopyLanguage {
  if (raw === undefined || raw === '') return languageFromAcceptLanguage(acceptLanguage);
  if (isCopyLanguage(raw)) return raw;
  throw new BadRequestException({
    error: 'Bad Request',
    message: 'the request has invalid fields',
    violations: [{ field: 'lang', rule: 'isIn', message: 'lang must be da or en' }],
  });
}
