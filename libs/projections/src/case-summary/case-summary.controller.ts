import { Controller, Get, Inject, NotFoundException, Optional, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, type AuthenticatedUser } from '@samvirke/access';
import { DEFAULT_SSP_PLUS_AGE_BANDS, type SspPlusAgeBands } from '@samvirke/case';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { PersonalDataVault } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { PROJECTION_PROGRESS, awaitReadModels, type ProjectionProgress } from '../http/read-model-query';
import { CASE_SUMMARY_PROJECTION_NAME } from './case-summary.projection';
import { BY_READER_ACTIVITY, eligibilityOf, findSummary, pageSummaries, type CaseSummaryRow, type EligibilityCondition } from './case-summary-query';
import { CaseSummaryQueryDto } from './case-summary-query.dto';
import { caseSummaryView, type CaseSummaryView } from './case-summary-view';
import { CaseSummaryDto, CaseSummaryPageDto } from './case-summary.dto';
import { SSP_PLUS_AGE_BANDS } from './eligibility-on-read';
import { ConsistencyQueryDto } from './consistency-query.dto';
import { discloseNames, identityHiddenFrom, sealingProgrammes } from './name-disclosure';

/**
 * The case summary (read model 1): one line per case the caller may see, with SSP+ eligibility
 * computed for the moment of the request and the name opened only where the caller may see it.
 */
@ApiTags('read models: case summary')
@Controller('cases')
export class CaseSummaryController {
  private readonly referenceData = loadReferenceData();
  private readonly sealingProgrammes = sealingProgrammes(this.referenceData.programmes);

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
    @Optional() @Inject(SSP_PLUS_AGE_BANDS) private readonly ageBands: SspPlusAgeBands = DEFAULT_SSP_PLUS_AGE_BANDS,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The cases you may see, most recently active first; filter by status, level, district, programme, coordinator, agency, eligibleOnly.',
  })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: CaseSummaryQueryDto): Promise<CaseSummaryPageDto> {
    await awaitReadModels(this.progress, [CASE_SUMMARY_PROJECTION_NAME], query.consistentWith);
    const condition = this.eligibilityCondition();
    const { rows, total } = await pageSummaries(
      this.pool,
      user,
      {
        status: query.status,
        level: query.level,
        districts: query.district === undefined ? undefined : { codes: [query.district], sealingProgrammes: this.sealingProgrammes },
        programme: query.programme,
        coordinator: query.coordinator,
        agency: query.agency,
      },
      { limit: query.limit, offset: query.offset, orderBy: BY_READER_ACTIVITY },
      query.eligibleOnly === true ? condition : undefined,
    );
    return { items: await this.views(user, rows, condition), page: { limit: query.limit, offset: query.offset, total } };
  }

  @Get(':caseId')
  @ApiOperation({
    summary:
      'One case summary, with the case revision in `revision` and as a strong ETag ("<revision>") to send back as If-Match; 404 when the case does not exist or you may not see it.',
  })
  @ApiOkResponse({
    description: 'The case summary.',
    type: CaseSummaryDto,
    headers: { ETag: { description: 'The case revision this answer shows, "<revision>": send it as If-Match on a write.', schema: { type: 'string' } } },
  })
  async one(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() query: ConsistencyQueryDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<CaseSummaryDto> {
    await awaitReadModels(this.progress, [CASE_SUMMARY_PROJECTION_NAME], query.consistentWith);
    const row = await findSummary(this.pool, user, caseId);
    if (row === undefined) throw new NotFoundException({ error: 'Not Found', message: 'no case with this id that you may see' });
    const [view] = await this.views(user, [row], this.eligibilityCondition());
    // Strong: the revision names the case's state exactly, unlike a hash of this reader's view.
    response.header('ETag', `"${view.revision}"`);
    return view;
  }

  private eligibilityCondition(): EligibilityCondition {
    return { at: this.clock.now(), ageBands: this.ageBands, programmes: this.referenceData.programmes };
  }

  private async views(user: AuthenticatedUser, rows: CaseSummaryRow[], condition: EligibilityCondition): Promise<CaseSummaryView[]> {
    const names = await discloseNames(this.vault, user, rows, this.referenceData.programmes);
    return rows.map((row, i) => caseSummaryView(row, names[i], eligibilityOf(row, condition), identityHiddenFrom(user, row, this.referenceData.programmes)));
  }
}
