import { BadRequestException, Controller, Get, Headers, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@samvirke/access';
import { AuditAs } from '@samvirke/access/read-audit/audit-vocabulary';
import { loadReferenceData } from '@samvirke/reference-data';
import { COPY_LANGUAGES, isCopyLanguage, languageFromAcceptLanguage } from '@samvirke/privacy/citizen-copy/citizen-copy-language';
import { CaseReplay } from '../replay/case-replay';
import { ReadableHistoryDto } from './readable-history.dto';
import { readableHistory, type ReadableHistoryEntry } from './readable-history';

/** The case's history in words for auditors: the console's audit timeline. */
@ApiTags('audit')
@Roles('auditor')
@Controller('audit/cases/:caseId')
export class ReadableHistoryController {
  private readonly reference = loadReferenceData();

  constructor(private readonly replay: CaseReplay) {}

  @Get('history')
  @AuditAs('read')
  @ApiQuery({ name: 'lang', required: false, enum: COPY_LANGUAGES, description: 'da or en; absent: from Accept-Language, else da.' })
  @ApiOkResponse({ description: "The case's history in words (`caseId`, `lang`, `events`).", type: ReadableHistoryDto })
  @ApiOperation({
    summary: "The case's history as plain sentences (those of the citizen's copy), with agency names, who did it, when it happened and when it was recorded.",
  })
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query('lang') rawLang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<{ caseId: string; lang: string; events: ReadableHistoryEntry[] }> {
    if (rawLang !== undefined && rawLang !== '' && !isCopyLanguage(rawLang)) {
      throw new BadRequestException({
        error: 'Bad Request',
        message: 'the request has invalid fields',
        violations: [{ field: 'lang', rule: 'isIn', message: 'lang must be da or en' }],
      });
    }
    const lang = rawLang && isCopyLanguage(rawLang) ? rawLang : languageFromAcceptLanguage(acceptLanguage);
    await this.replay.requireOpenedSeal(caseId.toLowerCase(), user);
    const events = await this.replay.history(caseId.toLowerCase(), user);
    if (!events) throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    return { caseId: caseId.toLowerCase(), lang, events: readableHistory(events, this.reference, lang) };
  }
}
