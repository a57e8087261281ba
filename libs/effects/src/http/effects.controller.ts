import { BadRequestException, Body, Controller, Get, Header, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { Roles } from '@samvirke/access';
import { copenhagenDate } from '@samvirke/case';
import { ApiJsonObjectResponse, ApiTextResponse, CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { PROJECTION_PROGRESS, awaitReadModels, type ProjectionProgress } from '@samvirke/projections/http/read-model-query';
import { loadReferenceData } from '@samvirke/reference-data';
import { caseHistories } from '../engine/case-history';
import { computeMeasureReport, describeMeasure, programmesPicking, type MeasureDescription, type MeasureReport } from '../engine/measure-report';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import { outcomeFactsAsOf } from '../outcome/outcome-facts-query';
import { OUTCOME_PROJECTION_NAME } from '../outcome/outcome.projection';
import { measureReportCsv } from '../report/report-csv';
import { measureReportSvg } from '../report/report-chart-svg';
import { districtSafetyViews, type DistrictSafetyView } from '../safety-index/area-efforts';
import { parseSafetyIndexCsv } from '../safety-index/safety-index-csv';
import { migrateSafetyIndex, safetyIndexForYear, storeSafetyIndex } from '../safety-index/safety-index-store';
import { MeasureReportQueryDto, SafetyIndexQueryDto } from './effects-query.dto';

const MAX_CSV_BYTES = 2_000_000;

/**
 * Effect measures (issue 7): statistics only, never a case id, for coordinators and auditors.
 * Every figure is computed from outcome facts recorded as of `asOf`, so re-running a published
 * report with its asOf gives the same bytes whatever was corrected since.
 */
@ApiTags('effects')
@Roles('coordinator', 'auditor')
@Controller('effects')
export class EffectsController {
  private readonly referenceData = loadReferenceData();
  private readonly catalogue = loadMeasureCatalogue();

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The safety-index table lives outside the projections (imported data, not events). */
  async onModuleInit(): Promise<void> {
    await migrateSafetyIndex(this.pool);
  }

  @Get('measures')
  @ApiOperation({ summary: 'Every effect measure: cohort, window and definition, and the programmes that picked it.' })
  @ApiJsonObjectResponse('The measures (`measures`).')
  measures(): { version: string; suppressionThreshold: number; measures: MeasureDescription[] } {
    return {
      version: this.catalogue.version,
      suppressionThreshold: this.catalogue.suppressionThreshold,
      measures: [...this.catalogue.measures.values()].map((m) => describeMeasure(m, programmesPicking(this.referenceData, m.code))),
    };
  }

  @Get('measures/:code')
  @ApiOperation({ summary: 'One measure as of an instant, optionally broken down; format=csv for CSV. Small cells are suppressed.' })
  @ApiTextResponse('The report: JSON, or CSV with format=csv.', ['text/csv'], { alsoJsonObject: true })
  async report(@Param('code') code: string, @Query() query: MeasureReportQueryDto, @Res({ passthrough: true }) response: Response): Promise<MeasureReport | string> {
    const report = await this.compute(code, query);
    if (query.format === 'csv') {
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="${report.measure.code}-${report.measurementDate}.csv"`);
      return measureReportCsv(report);
    }
    return report;
  }

  @Get('measures/:code/chart.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiOperation({ summary: 'The measure as an SVG bar chart (by=period by default); suppressed cells are gaps labelled "<5".' })
  @ApiTextResponse('The chart, an SVG image.', ['image/svg+xml'])
  async chart(@Param('code') code: string, @Query() query: MeasureReportQueryDto): Promise<string> {
    return measureReportSvg(await this.compute(code, { ...query, by: query.by ?? 'period' }));
  }

  @Post('safety-index')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Import the district safety index from CSV (text/csv body, or JSON {"csv": "..."}); all or nothing.' })
  @ApiJsonObjectResponse('How many rows were imported (`imported`).')
  @ApiConsumes('text/csv', 'application/json')
  async importSafetyIndex(@Req() request: Request, @Body() body: unknown): Promise<{ imported: number }> {
    const csv = await csvFrom(request, body);
    const { rows, problems } = parseSafetyIndexCsv(csv, new Set(this.referenceData.districts.keys()));
    if (problems.length > 0) throw new BadRequestException({ error: 'Bad Request', reason: 'INVALID_SAFETY_INDEX', message: 'the CSV has errors; nothing was imported', problems });
    await storeSafetyIndex(this.pool, rows, this.clock.now());
    return { imported: rows.length };
  }

  @Get('safety-index')
  @ApiOperation({ summary: "Each district's safety index for a year beside the area efforts (hotspot enrolments) there; small counts suppressed." })
  @ApiJsonObjectResponse('The year and its districts (`year`, `districts`).')
  async safetyIndex(@Query() query: SafetyIndexQueryDto): Promise<{ year: number; districts: DistrictSafetyView[] }> {
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const year = Number(query.year);
    const [index, facts] = await Promise.all([safetyIndexForYear(this.pool, year), outcomeFactsAsOf(this.pool, this.clock.now())]);
    return { year, districts: districtSafetyViews(year, index, facts, this.referenceData, this.catalogue.suppressionThreshold) };
  }

  private async compute(code: string, query: MeasureReportQueryDto): Promise<MeasureReport> {
    const measure = this.catalogue.measures.get(code);
    if (measure === undefined) throw new NotFoundException({ error: 'Not Found', message: 'no effect measure with this code; GET /effects/measures lists them' });
    if (query.programme !== undefined && !programmesPicking(this.referenceData, code).includes(query.programme)) {
      throw new BadRequestException({ error: 'Bad Request', message: 'programme must be one of the programmes that picked this measure (see GET /effects/measures)' });
    }
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const asOf = query.asOf === undefined ? this.clock.now() : new Date(query.asOf);
    const latestDate = copenhagenDate(asOf);
    const measurementDate = query.measurementDate ?? latestDate;
    if (measurementDate > latestDate) throw new BadRequestException({ error: 'Bad Request', message: 'measurementDate must not be later than the date of asOf' });
    const facts = await outcomeFactsAsOf(this.pool, asOf);
    return computeMeasureReport(caseHistories(facts), {
      measure,
      catalogue: this.catalogue,
      refData: this.referenceData,
      asOf: asOf.toISOString(),
      measurementDate,
      breakdown: query.by,
      periodGrain: query.period,
      programme: query.programme,
    });
  }
}

/** The JSON body parser leaves a text/csv body unread, so it is read here, with a size limit. */
async function csvFrom(request: Request, body: unknown): Promise<string> {
  if ((request.headers['content-type'] ?? '').startsWith('text/csv')) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_CSV_BYTES) throw new BadRequestException({ error: 'Bad Request', message: `the CSV must be at most ${MAX_CSV_BYTES} bytes` });
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const csv = typeof body === 'object' && body !== null ? (body as { csv?: unknown }).csv : undefined;
  if (typeof csv !== 'string' || csv.length > MAX_CSV_BYTES) throw new BadRequestException({ error: 'Bad Request', message: 'send the CSV as a text/csv body or as JSON {"csv": "..."}' });
  return csv;
}
