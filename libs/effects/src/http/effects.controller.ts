import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { CurrentUser, Roles, type AuthenticatedUser } from '@samvirke/access';
import { copenhagenDate } from '@samvirke/case';
import { ApiTextOrJsonResponse, ApiTextResponse, CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { PROJECTION_PROGRESS, awaitReadModels, type ProjectionProgress } from '@samvirke/projections/http/read-model-query';
import { loadEstates, loadReferenceData } from '@samvirke/reference-data';
import { caseHistories } from '../engine/case-history';
import { computeMeasureReport, describeMeasure, programmesPicking, type MeasureDescription, type MeasureReport } from '../engine/measure-report';
import { countedSubject, loadMeasureCatalogue, MeasureDefinitionError, parseMeasureDefinition, type MeasureDefinition } from '../measures/measure-definition';
import { MeasureDefinitionStore, MeasureExists, MeasureVersionNotFound, type MeasureDefinitionVersion } from '../measures/measure-definition-store';
import { areaMeasureRows, type AreaMeasureRow } from '../safety-index/area-measure';
import { areaReportCsv, areaReportSvg, type AreaMeasureReport } from '../report/area-report';
import {
  STAFF_KNOWLEDGE_BREAKDOWNS,
  parseStaffKnowledge,
  staffKnowledgeAsOf,
  staffKnowledgeFigures,
  storeStaffKnowledge,
  unitPairs,
  type StaffKnowledgeBreakdown,
} from '../staff-knowledge/staff-knowledge';
import { BREAKDOWNS, type Breakdown } from '../engine/measure-report';
import { outcomeFactsAsOf } from '../outcome/outcome-facts-query';
import { OUTCOME_PROJECTION_NAME } from '../outcome/outcome.projection';
import { measureReportCsv } from '../report/report-csv';
import { labelledMeasureReportSvg } from '../report/report-chart-svg';
import { districtSafetyViews, type DistrictSafetyView } from '../safety-index/area-efforts';
import { parseSafetyIndexCsv } from '../safety-index/safety-index-csv';
import { safetyIndexForYear, safetyIndexOfAreas, storeSafetyIndex } from '../safety-index/safety-index-store';
import {
  MeasureChangeQueryDto,
  MeasureListQueryDto,
  MeasureReportQueryDto,
  ReductionQueryDto,
  SeriesQueryDto,
  SafetyIndexQueryDto,
  SafetyIndexImportQueryDto,
  StatusQueryDto,
} from './effects-query.dto';
import {
  AreaMeasureReportDto,
  DistrictSafetyDto,
  MeasureListDto,
  MeasureReportDto,
  MeasureSeriesDto,
  MeasureVersionRecordedDto,
  MeasureVersionsDto,
  ReductionReportDto,
  SafetyIndexImportedDto,
  StaffKnowledgeRecordedDto,
  StatusReportDto,
} from './effects-answers.dto';
import { computeReductionReport } from '../reductions/reductions';
import { labelReductionReport, reductionReportCsv, reductionReportSvg, type LabelledReductionReport } from '../report/reduction-report';
import { computeMeasureSeries, type MeasureSeries } from '../engine/measure-series';
import { measureSeriesCsv, measureSeriesSvg } from '../report/series-report';
import { computeStatusReport, type StatusReport } from '../status/status-figures';
import { statusReportCsv, statusReportSvg } from '../report/status-report';
import { measureTitle, reportLabels, unknownCellNote, type ReportLanguage } from '../report/report-labels';

const MAX_CSV_BYTES = 2_000_000;

/** The status figures' names as published. */
const STATUS_LABELS: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>> = {
  da: {
    'wage-subsidy-job': 'I løntilskudsjob',
    'job-or-education': 'I job eller uddannelse',
    'self-sufficient': 'Selvforsørgende',
    'in-custody': 'Frihedsberøvet',
  },
  en: {
    'wage-subsidy-job': 'In a wage-subsidy job',
    'job-or-education': 'In a job or education',
    'self-sufficient': 'Self-sufficient',
    'in-custody': 'In custody',
  },
};

/** A report as answered: the definition version it used, its language, and its cells' readable labels. */
type LabelledReport =
  | (MeasureReport & { definitionVersion: number; lang: ReportLanguage; labels: Record<string, string>; note: string | null })
  | (AreaMeasureReport & { definitionVersion: number; lang: ReportLanguage });

/**
 * Effect measures (issue 7): statistics only, never a case id, for coordinators, auditors and the
 * City's programme managers (issue 20's dashboard).
 * Every figure is computed from outcome facts recorded as of `asOf`, so re-running a published
 * report with its asOf gives the same bytes whatever was corrected since.
 */
@ApiTags('effects')
@Roles('coordinator', 'auditor', 'programme-manager')
@Controller('effects')
export class EffectsController {
  private readonly referenceData = loadReferenceData();
  private readonly catalogue = loadMeasureCatalogue();
  private readonly estates = loadEstates(this.referenceData);
  private readonly definitions: MeasureDefinitionStore;

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.definitions = new MeasureDefinitionStore(pool, this.catalogue);
  }

  @Get('measures')
  @Roles('coordinator', 'auditor', 'effects-admin', 'programme-manager')
  @ApiOperation({
    summary:
      'Every effect measure in its current definition version: cohort, window and definition, and the programmes that picked it; lang=da gives the titles and texts in Danish.',
  })
  @ApiOkResponse({ description: 'The measures (`measures`).', type: MeasureListDto })
  async measures(
    @Query() query: MeasureListQueryDto,
  ): Promise<{ version: string; suppressionThreshold: number; measures: (MeasureDescription & { definitionVersion: number })[] }> {
    const current = await this.definitions.current(this.clock.now());
    const lang: ReportLanguage = query.lang ?? 'en';
    return {
      version: this.catalogue.version,
      suppressionThreshold: this.catalogue.suppressionThreshold,
      measures: current.map((v) => {
        const described = this.describe(v.definition, lang);
        return { ...described, title: measureTitle(described.code, described.title, lang), definitionVersion: v.version };
      }),
    };
  }

  @Post('measures')
  @Roles('effects-admin')
  @ApiCreatedResponse({ description: 'The measure added: `{code, definitionVersion: 1}`.', type: MeasureVersionRecordedDto })
  @ApiOperation({
    summary:
      'Add a measure (effects administrators): body {code, title, anchor, windowMonths, predicate: {kind, ...}, programmes?}; predicate kinds are those the engine knows (GET /effects/measures shows them in use). Stored as version 1; a refused definition is a 400 naming the field and rule.',
  })
  async addMeasure(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<{ code: string; definitionVersion: number }> {
    const definition = this.validDefinition(body);
    try {
      return { code: definition.code, definitionVersion: await this.definitions.add(definition, this.clock.now(), user.userId) };
    } catch (error) {
      if (error instanceof MeasureExists)
        throw new ConflictException({
          error: 'Conflict',
          reason: 'MEASURE_EXISTS',
          message: 'a measure with this code exists; change it with PUT /effects/measures/{code}',
        });
      throw error;
    }
  }

  @Put('measures/:code')
  @Roles('effects-admin')
  @ApiOkResponse({ description: 'The version recorded: `{code, definitionVersion}`.', type: MeasureVersionRecordedDto })
  @ApiOperation({
    summary:
      "Change a measure (effects administrators): the body is the whole new definition (its code, if given, must be the path's); stored as the next version, every earlier one kept. ifVersion=N changes only over version N (409 otherwise).",
  })
  async changeMeasure(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Body() body: unknown,
    @Query() query: MeasureChangeQueryDto,
  ): Promise<{ code: string; definitionVersion: number }> {
    const withCode = typeof body === 'object' && body !== null && !Array.isArray(body) && !('code' in body) ? { ...body, code } : body;
    const definition = this.validDefinition(withCode);
    if (definition.code !== code)
      throw new BadRequestException({
        error: 'Bad Request',
        reason: 'INVALID_MEASURE_DEFINITION',
        message: "code must be the path's measure code",
        field: 'code',
        rule: 'matches-path',
      });
    try {
      return {
        code,
        definitionVersion: await this.definitions.change(
          definition,
          this.clock.now(),
          user.userId,
          query.ifVersion === undefined ? undefined : Number(query.ifVersion),
        ),
      };
    } catch (error) {
      if (error instanceof MeasureVersionNotFound)
        throw new NotFoundException({ error: 'Not Found', message: 'no effect measure with this code; add it with POST /effects/measures' });
      if (error instanceof MeasureExists)
        throw new ConflictException({
          error: 'Conflict',
          reason: 'MEASURE_VERSION_CHANGED',
          message: 'the measure has a newer version than ifVersion; read GET /effects/measures/{code}/versions and try again',
        });
      throw error;
    }
  }

  @Get('measures/:code/versions')
  @Roles('coordinator', 'auditor', 'effects-admin', 'programme-manager')
  @ApiOkResponse({ description: 'Every version (`versions`), oldest first.', type: MeasureVersionsDto })
  @ApiOperation({ summary: "Every recorded version of a measure's definition, oldest first (version 1: as shipped, or as added)." })
  async measureVersions(
    @Param('code') code: string,
  ): Promise<{ code: string; versions: (Omit<MeasureDefinitionVersion, 'definition'> & { definition: MeasureDescription })[] }> {
    const versions = await this.definitions.versions(code);
    if (versions.length === 0)
      throw new NotFoundException({ error: 'Not Found', message: 'no effect measure with this code; GET /effects/measures lists them' });
    return {
      code,
      versions: versions.map((v) => ({
        code: v.code,
        version: v.version,
        recordedAt: v.recordedAt,
        recordedBy: v.recordedBy,
        definition: this.describe(v.definition),
      })),
    };
  }

  private describe(measure: MeasureDefinition, lang: ReportLanguage = 'en'): MeasureDescription {
    return describeMeasure(measure, programmesPicking(this.referenceData, measure.code, measure.programmes), lang);
  }

  private validDefinition(body: unknown): MeasureDefinition {
    try {
      return parseMeasureDefinition(body, { programmes: new Set(this.referenceData.programmes.keys()), agencies: new Set(this.referenceData.agencies.keys()) });
    } catch (error) {
      if (error instanceof MeasureDefinitionError) {
        throw new BadRequestException({
          error: 'Bad Request',
          reason: 'INVALID_MEASURE_DEFINITION',
          message: `${error.message}; nothing was recorded`,
          field: error.field,
          rule: error.rule,
        });
      }
      throw error;
    }
  }

  /** The definition a report uses, or 404; the version is named in the report and the Measure-Definition-Version header. */
  private async definitionFor(code: string, asOf: Date, version: string | undefined): Promise<MeasureDefinitionVersion> {
    const found = await this.definitions.resolve(code, asOf, version === undefined ? undefined : Number(version));
    if (found === undefined) {
      throw new NotFoundException({
        error: 'Not Found',
        message:
          version === undefined
            ? 'no effect measure with this code; GET /effects/measures lists them'
            : 'no such version of this measure; GET /effects/measures/{code}/versions lists them',
      });
    }
    return found;
  }

  @Get('measures/:code')
  @ApiOperation({
    summary:
      'One measure as of an instant, optionally broken down; format=csv for CSV. Small cells are suppressed. The report names the definition version it used (definitionVersion, and the Measure-Definition-Version header); definitionVersion=N runs it with an older one.',
  })
  @ApiTextOrJsonResponse(
    'The report: JSON (people or staff units, or areas for the safety-index measures), or CSV with format=csv.',
    ['text/csv'],
    [MeasureReportDto, AreaMeasureReportDto],
  )
  async report(
    @Param('code') code: string,
    @Query() query: MeasureReportQueryDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<LabelledReport | string> {
    const report = await this.compute(code, query);
    response.header('measure-definition-version', String(report.definitionVersion));
    if (query.format === 'csv') {
      response.header('content-type', 'text/csv; charset=utf-8');
      response.header('content-disposition', `attachment; filename="${report.measure.code}-${report.measurementDate}.csv"`);
      return 'areas' in report ? areaReportCsv(report) : measureReportCsv(report);
    }
    return report;
  }

  @Get('measures/:code/series')
  @ApiOperation({
    summary:
      "A measure's total as a series over measurement dates (the last day of each month or quarter, from..to); format=csv for CSV. A point that differs from the last shown one by a small group is hidden.",
  })
  @ApiTextOrJsonResponse('JSON, or CSV with format=csv.', ['text/csv'], MeasureSeriesDto)
  async series(
    @Param('code') code: string,
    @Query() query: SeriesQueryDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<MeasureSeries | string> {
    const { series } = await this.computeSeries(code, query);
    response.header('measure-definition-version', String(series.definitionVersion));
    if (query.format === 'csv') {
      response.header('content-type', 'text/csv; charset=utf-8');
      response.header('content-disposition', `attachment; filename="${series.measure}-series.csv"`);
      return measureSeriesCsv(series);
    }
    return series;
  }

  @Get('measures/:code/series/chart.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiTextResponse('The chart, an SVG image.', ['image/svg+xml'])
  @ApiOperation({ summary: 'The series as an SVG bar chart of the share at each measurement date; hidden points are labelled gaps.' })
  async seriesChart(@Param('code') code: string, @Query() query: SeriesQueryDto): Promise<string> {
    const { series, title } = await this.computeSeries(code, query);
    return measureSeriesSvg(series, title);
  }

  private async computeSeries(code: string, query: SeriesQueryDto): Promise<{ series: MeasureSeries & { definitionVersion: number }; title: string }> {
    const resolved = await this.definitionFor(code, query.asOf === undefined ? this.clock.now() : new Date(query.asOf), query.definitionVersion);
    const measure = resolved.definition;
    if (countedSubject(measure.predicate) !== 'people')
      throw new BadRequestException({ error: 'Bad Request', reason: 'SERIES_NOT_APPLICABLE', message: 'a series is given for measures of people' });
    if (query.programme !== undefined && !programmesPicking(this.referenceData, code, measure.programmes).includes(query.programme)) {
      throw new BadRequestException({
        error: 'Bad Request',
        message: 'programme must be one of the programmes that picked this measure (see GET /effects/measures)',
      });
    }
    if (query.from > query.to) throw new BadRequestException({ error: 'Bad Request', reason: 'EMPTY_SERIES', message: 'from must not be after to' });
    const asOf = query.asOf === undefined ? this.clock.now() : new Date(query.asOf);
    const latestMonth = copenhagenDate(asOf).slice(0, 7);
    if (query.to > latestMonth)
      throw new BadRequestException({ error: 'Bad Request', reason: 'DATE_AFTER_AS_OF', message: 'to must not be later than the month of asOf' });
    const months = (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4))) * 12 + Number(query.to.slice(5)) - Number(query.from.slice(5));
    if (months > 120) throw new BadRequestException({ error: 'Bad Request', reason: 'SERIES_TOO_LONG', message: 'a series spans at most 10 years' });
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const facts = await outcomeFactsAsOf(this.pool, asOf);
    const series = computeMeasureSeries(caseHistories(facts), {
      measure,
      catalogue: this.catalogue,
      refData: this.referenceData,
      asOf: asOf.toISOString(),
      programme: query.programme,
      from: query.from,
      to: query.to,
      grain: query.grain ?? 'month',
    });
    return { series: { ...series, definitionVersion: resolved.version }, title: measureTitle(measure.code, measure.title, query.lang ?? 'en') };
  }

  @Get('measures/:code/chart.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiOperation({ summary: 'The measure as an SVG bar chart (by=period by default); suppressed cells are gaps labelled "<5".' })
  @ApiTextResponse('The chart, an SVG image.', ['image/svg+xml'])
  async chart(@Param('code') code: string, @Query() query: MeasureReportQueryDto): Promise<string> {
    // By period unless asked otherwise; an area measure has one row per area effort and no periods.
    const known = await this.definitions.resolve(
      code,
      query.asOf === undefined ? this.clock.now() : new Date(query.asOf),
      query.definitionVersion === undefined ? undefined : Number(query.definitionVersion),
    );
    const byDefault = known !== undefined && countedSubject(known.definition.predicate) === 'areas' ? undefined : 'period';
    const report = await this.compute(code, { ...query, by: query.by ?? byDefault });
    // Each cell's readable label in the report's language (lang=).
    return 'areas' in report ? areaReportSvg(report) : labelledMeasureReportSvg(report, (key) => report.labels[key] ?? key);
  }

  @Get('status')
  @ApiOperation({
    summary:
      'Status figures on a date for the people enrolled then: in a wage-subsidy job, in a job or education, self-sufficient, in custody; format=csv for CSV. Small cells suppressed across all four figures.',
  })
  @ApiTextOrJsonResponse('JSON, or CSV with format=csv.', ['text/csv'], StatusReportDto)
  async status(@Query() query: StatusQueryDto, @Res({ passthrough: true }) response: FastifyReply): Promise<StatusReport | string> {
    const report = await this.computeStatus(query);
    if (query.format === 'csv') {
      response.header('content-type', 'text/csv; charset=utf-8');
      response.header('content-disposition', `attachment; filename="status-${report.date}.csv"`);
      return statusReportCsv(report);
    }
    return report;
  }

  @Get('status/chart.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiTextResponse('The chart, an SVG image.', ['image/svg+xml'])
  @ApiOperation({ summary: 'The status figures on a date as an SVG bar chart of the four shares; suppressed figures are labelled gaps.' })
  async statusChart(@Query() query: StatusQueryDto): Promise<string> {
    return statusReportSvg(await this.computeStatus(query));
  }

  private async computeStatus(
    query: StatusQueryDto,
  ): Promise<StatusReport & { lang: ReportLanguage; statusLabels: Readonly<Record<string, string>>; labels: Record<string, string> }> {
    if (query.programme !== undefined && !this.referenceData.programmes.has(query.programme)) {
      throw new BadRequestException({ error: 'Bad Request', reason: 'UNKNOWN_PROGRAMME', message: 'programme must be a programme code from reference data' });
    }
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const asOf = query.asOf === undefined ? this.clock.now() : new Date(query.asOf);
    const latestDate = copenhagenDate(asOf);
    const date = query.date ?? latestDate;
    if (date > latestDate)
      throw new BadRequestException({ error: 'Bad Request', reason: 'DATE_AFTER_AS_OF', message: 'date must not be later than the date of asOf' });
    const facts = await outcomeFactsAsOf(this.pool, asOf);
    const report = computeStatusReport(caseHistories(facts), {
      date,
      asOf: asOf.toISOString(),
      catalogue: this.catalogue,
      refData: this.referenceData,
      breakdown: query.by,
      programme: query.programme,
    });
    const lang: ReportLanguage = query.lang ?? 'en';
    const keys = [...new Set(report.figures.flatMap((figure) => figure.cells.map((cell) => cell.key)))];
    return {
      ...report,
      lang,
      statusLabels: STATUS_LABELS[lang],
      labels: reportLabels(report.breakdown, keys, lang, this.referenceData, this.catalogue.ageBands),
    };
  }

  @Get('reductions')
  @ApiOperation({
    summary:
      "Per person, charges and convictions in the N months before enrolment against the N after, for a programme's cohort (first enrolment in cohortYear) against a comparison group (previous-cohort or not-enrolled); Wilson 95 % intervals; a note when too small to compare; format=csv for CSV.",
  })
  @ApiTextOrJsonResponse('JSON, or CSV with format=csv.', ['text/csv'], ReductionReportDto)
  async reductions(@Query() query: ReductionQueryDto, @Res({ passthrough: true }) response: FastifyReply): Promise<LabelledReductionReport | string> {
    const report = await this.computeReductions(query);
    if (query.format === 'csv') {
      response.header('content-type', 'text/csv; charset=utf-8');
      response.header('content-disposition', `attachment; filename="reductions-${report.programme}-${report.cohortYear}.csv"`);
      return reductionReportCsv(report);
    }
    return report;
  }

  @Get('reductions/chart.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiTextResponse('The chart, an SVG image.', ['image/svg+xml'])
  @ApiOperation({ summary: 'The reductions as an SVG bar chart of the shares with fewer, with their 95 % intervals.' })
  async reductionsChart(@Query() query: ReductionQueryDto): Promise<string> {
    return reductionReportSvg(await this.computeReductions(query));
  }

  private async computeReductions(query: ReductionQueryDto): Promise<LabelledReductionReport> {
    if (!this.referenceData.programmes.has(query.programme)) {
      throw new BadRequestException({ error: 'Bad Request', reason: 'UNKNOWN_PROGRAMME', message: 'programme must be a programme code from reference data' });
    }
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const asOf = query.asOf === undefined ? this.clock.now() : new Date(query.asOf);
    const latestDate = copenhagenDate(asOf);
    const measurementDate = query.measurementDate ?? latestDate;
    if (measurementDate > latestDate)
      throw new BadRequestException({ error: 'Bad Request', reason: 'DATE_AFTER_AS_OF', message: 'measurementDate must not be later than the date of asOf' });
    const facts = await outcomeFactsAsOf(this.pool, asOf);
    const report = computeReductionReport(caseHistories(facts), {
      programme: query.programme,
      cohortYear: Number(query.cohortYear),
      months: Number(query.months ?? '12'),
      comparison: query.comparison ?? 'previous-cohort',
      asOf: asOf.toISOString(),
      measurementDate,
      threshold: this.catalogue.suppressionThreshold,
      lang: query.lang ?? 'en',
    });
    return labelReductionReport(report, query.lang ?? 'en', this.referenceData);
  }

  @Post('staff-knowledge')
  @HttpCode(200)
  @Roles('effects-admin')
  @ApiOperation({
    summary:
      'Record staff units\' knowledge assessments before/after training (VINK): per unit, never per citizen. Body {"assessments": [{programme, agency, unit, trainingId, phase, assessedOn, staffAssessed, meanScore}]}; all or nothing.',
  })
  @ApiOkResponse({ description: 'How many assessments were recorded (`recorded`).', type: StaffKnowledgeRecordedDto })
  async recordStaffKnowledge(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<{ recorded: number }> {
    const programmes = new Set(programmesPicking(this.referenceData, 'staff-knowledge'));
    const { assessments, problems } = parseStaffKnowledge(body, {
      agencies: new Set(this.referenceData.agencies.keys()),
      programmes,
      today: copenhagenDate(this.clock.now()),
    });
    if (problems.length > 0)
      throw new BadRequestException({
        error: 'Bad Request',
        reason: 'INVALID_STAFF_KNOWLEDGE',
        message: 'the assessments have errors; nothing was recorded',
        problems,
      });
    await storeStaffKnowledge(this.pool, assessments, this.clock.now(), user.userId);
    return { recorded: assessments.length };
  }

  @Post('safety-index')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Import the district safety index from CSV (text/csv body, or JSON {"csv": "..."}); all or nothing.' })
  @ApiOkResponse({ description: 'How many rows were imported (`imported`).', type: SafetyIndexImportedDto })
  @ApiConsumes('text/csv', 'application/json')
  async importSafetyIndex(@Req() request: FastifyRequest, @Body() body: unknown, @Query() query: SafetyIndexImportQueryDto): Promise<{ imported: number }> {
    const csv = await csvFrom(request, body);
    const area = query.area ?? 'district';
    const known = new Set(area === 'estate' ? this.estates.estates.keys() : this.referenceData.districts.keys());
    const { rows, problems } = parseSafetyIndexCsv(csv, known, area);
    if (problems.length > 0)
      throw new BadRequestException({ error: 'Bad Request', reason: 'INVALID_SAFETY_INDEX', message: 'the CSV has errors; nothing was imported', problems });
    await storeSafetyIndex(this.pool, rows, this.clock.now(), area);
    return { imported: rows.length };
  }

  @Get('safety-index')
  @ApiOperation({ summary: "Each district's safety index for a year beside the area efforts (hotspot enrolments) there; small counts suppressed." })
  @ApiOkResponse({ description: 'The year and its districts (`year`, `districts`).', type: DistrictSafetyDto })
  async safetyIndex(@Query() query: SafetyIndexQueryDto): Promise<{ year: number; districts: DistrictSafetyView[] }> {
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const year = Number(query.year);
    const [index, facts] = await Promise.all([safetyIndexForYear(this.pool, year), outcomeFactsAsOf(this.pool, this.clock.now())]);
    return { year, districts: districtSafetyViews(year, index, facts, this.referenceData, this.catalogue.suppressionThreshold) };
  }

  private async compute(code: string, query: MeasureReportQueryDto): Promise<LabelledReport> {
    const resolved = await this.definitionFor(code, query.asOf === undefined ? this.clock.now() : new Date(query.asOf), query.definitionVersion);
    const report = await this.computeWith(resolved.definition, query);
    const lang: ReportLanguage = query.lang ?? 'en';
    const measure = { ...report.measure, title: measureTitle(report.measure.code, report.measure.title, lang) };
    if ('areas' in report) return { ...report, measure, definitionVersion: resolved.version, lang };
    const keys = report.cells.map((cell) => cell.key);
    const labels = reportLabels(report.breakdown, keys, lang, this.referenceData, this.catalogue.ageBands);
    return { ...report, measure, definitionVersion: resolved.version, lang, labels, note: unknownCellNote(report.breakdown, keys, lang) };
  }

  private async computeWith(measure: MeasureDefinition, query: MeasureReportQueryDto): Promise<MeasureReport | AreaMeasureReport> {
    const code = measure.code;
    if (query.programme !== undefined && !programmesPicking(this.referenceData, code, measure.programmes).includes(query.programme)) {
      throw new BadRequestException({
        error: 'Bad Request',
        message: 'programme must be one of the programmes that picked this measure (see GET /effects/measures)',
      });
    }
    await awaitReadModels(this.progress, [OUTCOME_PROJECTION_NAME], query.consistentWith);
    const asOf = query.asOf === undefined ? this.clock.now() : new Date(query.asOf);
    const latestDate = copenhagenDate(asOf);
    const measurementDate = query.measurementDate ?? latestDate;
    if (measurementDate > latestDate)
      throw new BadRequestException({ error: 'Bad Request', message: 'measurementDate must not be later than the date of asOf' });
    const counts = countedSubject(measure.predicate);
    if (counts === 'staff-units') return this.staffKnowledgeReport(measure, query, asOf, measurementDate);
    if (counts === 'areas') return this.areaReport(measure, query, asOf, measurementDate);
    if (query.by !== undefined && !(BREAKDOWNS as readonly string[]).includes(query.by)) {
      throw new BadRequestException({
        error: 'Bad Request',
        reason: 'BREAKDOWN_NOT_APPLICABLE',
        message: `by must be one of ${BREAKDOWNS.join(', ')} for this measure`,
      });
    }
    if (query.by2 !== undefined && (query.by === undefined || query.by2 === query.by)) {
      throw new BadRequestException({ error: 'Bad Request', reason: 'BREAKDOWN_NOT_APPLICABLE', message: 'by2 needs by, and another breakdown than by' });
    }
    const facts = await outcomeFactsAsOf(this.pool, asOf);
    return computeMeasureReport(caseHistories(facts), {
      measure,
      catalogue: this.catalogue,
      refData: this.referenceData,
      asOf: asOf.toISOString(),
      measurementDate,
      breakdown: query.by as Breakdown | undefined,
      breakdown2: query.by2,
      periodGrain: query.period,
      programme: query.programme,
      lang: query.lang ?? 'en',
    });
  }

  /** VINK: staff units, not people; same cells and suppression, counted in units. */
  private async staffKnowledgeReport(measure: MeasureDefinition, query: MeasureReportQueryDto, asOf: Date, measurementDate: string): Promise<MeasureReport> {
    if (query.by2 !== undefined)
      throw new BadRequestException({
        error: 'Bad Request',
        reason: 'BREAKDOWN_NOT_APPLICABLE',
        message: 'a measure of staff units has one breakdown at a time',
      });
    if (query.by !== undefined && !(STAFF_KNOWLEDGE_BREAKDOWNS as readonly string[]).includes(query.by)) {
      throw new BadRequestException({
        error: 'Bad Request',
        reason: 'BREAKDOWN_NOT_APPLICABLE',
        message: `by must be one of ${STAFF_KNOWLEDGE_BREAKDOWNS.join(', ')} for a measure of staff units`,
      });
    }
    const picking = programmesPicking(this.referenceData, measure.code, measure.programmes);
    const programmes = new Set(query.programme === undefined ? picking : [query.programme]);
    const pairs = unitPairs(await staffKnowledgeAsOf(this.pool, asOf), programmes, measure.windowMonths, measurementDate);
    const figures = staffKnowledgeFigures(pairs, this.catalogue.suppressionThreshold, query.by as StaffKnowledgeBreakdown | undefined);
    return {
      measure: describeMeasure(measure, picking, query.lang ?? 'en'),
      asOf: asOf.toISOString(),
      measurementDate,
      programmeFilter: query.programme ?? null,
      breakdown: query.by ?? null,
      periodGrain: query.by === 'period' ? 'quarter' : null,
      suppression: figures.suppression,
      total: figures.total,
      cells: figures.cells,
    };
  }

  /** The safety-index measures: per area, before and after the effort started; no people. */
  private async areaReport(measure: MeasureDefinition, query: MeasureReportQueryDto, asOf: Date, measurementDate: string): Promise<AreaMeasureReport> {
    if ((query.by !== undefined && query.by !== 'programme') || query.by2 !== undefined) {
      throw new BadRequestException({
        error: 'Bad Request',
        reason: 'BREAKDOWN_NOT_APPLICABLE',
        message: 'an area measure is always one row per area effort; by may only be programme',
      });
    }
    if (measure.predicate.kind !== 'area-safety-index') throw new Error('not an area measure');
    const picking = programmesPicking(this.referenceData, measure.code, measure.programmes);
    const programmes = new Set(query.programme === undefined ? picking : [query.programme]);
    const area = measure.predicate.area;
    const codes = this.estates.areaEfforts.flatMap((e) => (area === 'district' ? [e.district] : e.estate === undefined ? [] : [e.estate]));
    const index = await safetyIndexOfAreas(this.pool, area, codes);
    const areas: AreaMeasureRow[] = areaMeasureRows(
      measure,
      this.estates.areaEfforts,
      programmes,
      index,
      this.referenceData,
      this.estates,
      measurementDate,
      query.lang ?? 'en',
    );
    return {
      measure: describeMeasure(measure, picking, query.lang ?? 'en'),
      asOf: asOf.toISOString(),
      measurementDate,
      programmeFilter: query.programme ?? null,
      estatesVersion: this.estates.version,
      areas,
    };
  }
}

/** The JSON body parser leaves a text/csv body unread, so it is read here, with a size limit. */
async function csvFrom(request: FastifyRequest, body: unknown): Promise<string> {
  if ((request.headers['content-type'] ?? '').startsWith('text/csv')) {
    const chunks: Buffer[] = [];
    let size = 0;
    // Left unread by the body parsers (http-platform.ts): read here, as far as the limit.
    for await (const chunk of request.raw) {
      size += (chunk as Buffer).length;
      if (size > MAX_CSV_BYTES) throw new BadRequestException({ error: 'Bad Request', message: `the CSV must be at most ${MAX_CSV_BYTES} bytes` });
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const csv = typeof body === 'object' && body !== null ? (body as { csv?: unknown }).csv : undefined;
  if (typeof csv !== 'string' || csv.length > MAX_CSV_BYTES)
    throw new BadRequestException({ error: 'Bad Request', message: 'send the CSV as a text/csv body or as JSON {"csv": "..."}' });
  return csv;
}
