import { Controller, ForbiddenException, Get, Inject, Optional, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, FORBIDDEN_BODY, Roles, type AuthenticatedUser } from '@samvirke/access';
import { DEFAULT_SSP_PLUS_AGE_BANDS, type SspPlusAgeBands } from '@samvirke/case';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { awaitReadModels, PROJECTION_PROGRESS, type ProjectionProgress } from '../http/read-model-query';
import { CASE_SUMMARY_PROJECTION_NAME } from '../case-summary/case-summary.projection';
import { eligibilityOf, pageSummaries, type EligibilityCondition } from '../case-summary/case-summary-query';
import { identityView } from '../case-summary/case-summary-view';
import { SSP_PLUS_AGE_BANDS } from '../case-summary/eligibility-on-read';
import { identityHiddenFrom } from '../case-summary/name-disclosure';
import { IntakePageDto, IntakeQueryDto, type IntakeCaseDto } from './intake.dto';

/** Oldest referral first; the case id breaks ties so pages never overlap. */
const OLDEST_FIRST = '"openedAt" ASC, case_id';

/**
 * The intake queue: the open cases the referral intake unit (reference data: the municipal SSP+
 * intake) is on and nobody coordinates yet, oldest referral first. A filter on the case summary
 * read model, under the same access rule as GET /cases: a coordinator of the intake agency sees
 * exactly these cases there as well (their agency's cases without a coordinator). Only
 * coordinators of the intake agency have a queue; anyone else is answered 403 as for another
 * role's list (decided from the token alone, so it says nothing about any case).
 *
 * Each row shows what the taking coordinator needs to choose and nothing more: the referrer, when,
 * an age band, the district unless the identity is sealed from the reader, the SSP level and the
 * agencies on the case. Names stay on GET /cases/:caseId (read-audited like every read here).
 */
@ApiTags('read models')
@Controller('intake')
export class IntakeController {
  private readonly referenceData = loadReferenceData();

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SSP_PLUS_AGE_BANDS) private readonly ageBands: SspPlusAgeBands = DEFAULT_SSP_PLUS_AGE_BANDS,
  ) {}

  @Get()
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'The intake queue, for coordinators of the referral intake agency (BIF; anyone else 403): open cases waiting for a coordinator, oldest referral first. Take one with POST /cases/{caseId}/coordinator.',
  })
  @ApiOkResponse({ type: IntakePageDto })
  async queue(@CurrentUser() user: AuthenticatedUser, @Query() query: IntakeQueryDto): Promise<IntakePageDto> {
    const intake = this.referenceData.referralIntake;
    if (user.agency !== intake.agency) throw new ForbiddenException({ ...FORBIDDEN_BODY });
    await awaitReadModels(this.progress, [CASE_SUMMARY_PROJECTION_NAME], query.consistentWith);
    // As a coordinator only: a coordinator who is also a liaison has no wider queue.
    const asCoordinator: AuthenticatedUser = { ...user, roles: ['coordinator'] };
    const { rows, total } = await pageSummaries(
      this.pool,
      asCoordinator,
      { status: 'open', agency: intake.agency, unassigned: true },
      { limit: query.limit, offset: query.offset, orderBy: OLDEST_FIRST },
    );
    const condition: EligibilityCondition = { at: this.clock.now(), ageBands: this.ageBands, programmes: this.referenceData.programmes };
    const items = rows.map((row): IntakeCaseDto => {
      const identity = identityView(row, eligibilityOf(row, condition), identityHiddenFrom(asCoordinator, row, this.referenceData.programmes));
      return {
        caseId: row.caseId,
        referredBy: row.referredBy,
        referredAt: row.openedAt.toISOString(),
        openedOn: row.openedOn,
        ageBand: identity.ageBand,
        districtCode: identity.districtCode,
        sspLevel: row.sspLevel,
        agencies: row.agencies,
      };
    });
    return { items, page: { limit: query.limit, offset: query.offset, total } };
  }
}
