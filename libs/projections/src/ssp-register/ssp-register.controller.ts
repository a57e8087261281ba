import { BadRequestException, Controller, Get, Inject, Optional, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentUser, type AuthenticatedUser } from '@samvirke/access';
import { DEFAULT_SSP_PLUS_AGE_BANDS, type SspPlusAgeBands } from '@samvirke/case';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { PersonalDataVault } from '@samvirke/privacy';
import { loadReferenceData } from '@samvirke/reference-data';
import { PROJECTION_PROGRESS, awaitReadModels, type ProjectionProgress } from '../http/read-model-query';
import { CASE_SUMMARY_PROJECTION_NAME } from '../case-summary/case-summary.projection';
import { BY_READER_ACTIVITY, eligibilityOf, pageSummaries, type EligibilityCondition } from '../case-summary/case-summary-query';
import { custodyView, eligibilityView, identityView, type CaseSummaryView, type CustodyView } from '../case-summary/case-summary-view';
import { SSP_PLUS_AGE_BANDS } from '../case-summary/eligibility-on-read';
import { discloseNames, identityHiddenFrom, sealingProgrammes, type DisclosedName } from '../case-summary/name-disclosure';
import { SspRegisterQueryDto } from './ssp-register-query.dto';
import { SspRegisterPageDto } from './ssp-register.dto';

export interface SspRegisterEntry {
  caseId: string;
  name: DisclosedName;
  /** Null, with districtCode and cityDistrict, where a sealed identity hides them from the reader. */
  birthDate: string | null;
  ageBand: string | null;
  sspLevel: { level: number; assessedOn: string };
  sspPlus: CaseSummaryView['sspPlus'];
  districtCode: string | null;
  cityDistrict: string | null;
  programmes: string[];
  custody: CustodyView;
  coordinator: { userId: string; agency: string | null } | null;
  agencies: string[];
  openActions: number;
  openRequests: number;
  lastActivityAt: string;
}

/**
 * The SSP+ register (read model 5): every open case the caller may see that is SSP+ eligible today
 * (level 3 or 4 and inside the age band, widened for gang-conflict programmes).
 *
 * It is a read over `case_summary`, not a projection of its own: membership depends on the reading
 * day (a citizen ages into and out of the band without any event), so a stored register would need
 * this same read-time check anyway, and the summary already holds every fact the check and the
 * filters need. One table also means one access filter and one rebuild.
 */
@ApiTags('read models: SSP+ register')
@Controller('ssp-register')
export class SspRegisterController {
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
    summary: 'Open SSP+ cases (level 3/4, in the age band today) you may see; filter by district, cityDistrict, programme, custody, coordinator.',
  })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: SspRegisterQueryDto): Promise<SspRegisterPageDto> {
    await awaitReadModels(this.progress, [CASE_SUMMARY_PROJECTION_NAME], query.consistentWith);
    const condition: EligibilityCondition = { at: this.clock.now(), ageBands: this.ageBands, programmes: this.referenceData.programmes };
    const { rows, total } = await pageSummaries(
      this.pool,
      user,
      {
        status: 'open',
        districts: this.districtsOf(query),
        programme: query.programme,
        custody: query.custody,
        coordinator: query.coordinator,
      },
      { limit: query.limit, offset: query.offset, orderBy: `ssp_level DESC, ${BY_READER_ACTIVITY}` },
      condition,
    );
    const names = await discloseNames(this.vault, user, rows, this.referenceData.programmes);
    const items = rows.map((row, i): SspRegisterEntry => {
      const hidden = identityHiddenFrom(user, row, this.referenceData.programmes);
      const eligibility = eligibilityOf(row, condition);
      const identity = identityView(row, eligibility, hidden);
      return {
        caseId: row.caseId,
        name: names[i],
        birthDate: identity.birthDate,
        ageBand: identity.ageBand,
        // Eligible rows always have a current level: eligibility requires a 3/4 assessment.
        sspLevel: { level: row.sspLevel ?? 0, assessedOn: row.sspLevelOn ?? '' },
        sspPlus: eligibilityView(eligibility, hidden),
        districtCode: identity.districtCode,
        cityDistrict: identity.districtCode === null ? null : (this.referenceData.districts.get(identity.districtCode)?.cityDistrict ?? null),
        programmes: row.programmes,
        custody: custodyView(row),
        coordinator: row.coordinatorId === null ? null : { userId: row.coordinatorId, agency: row.coordinatorAgency },
        agencies: row.agencies,
        openActions: row.openActions,
        openRequests: row.openRequests,
        lastActivityAt: row.lastActivityAt.toISOString(),
      };
    });
    return { items, page: { limit: query.limit, offset: query.offset, total } };
  }

  /** District and city district narrow together: a district outside the city district matches nothing. */
  private districtsOf(query: SspRegisterQueryDto): { codes: string[]; sealingProgrammes: string[] } | undefined {
    let districts: string[] | undefined;
    if (query.cityDistrict !== undefined) {
      const city = this.referenceData.cityDistricts.get(query.cityDistrict);
      if (city === undefined) {
        throw new BadRequestException({
          error: 'Bad Request',
          message: 'the request has invalid fields',
          violations: [
            { field: 'cityDistrict', rule: 'isKnownCode', message: 'cityDistrict must be a known city district code (see GET /reference-data/city-districts)' },
          ],
        });
      }
      districts = [...city.districts];
    }
    if (query.district !== undefined) districts = districts === undefined ? [query.district] : districts.filter((code) => code === query.district);
    return districts === undefined ? undefined : { codes: districts, sealingProgrammes: this.sealingProgrammes };
  }
}
