import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BREAKDOWNS, type Breakdown, type PeriodGrain } from '../engine/measure-report';
import { STATUS_BREAKDOWNS, type StatusBreakdown } from '../status/status-figures';
import { COMPARISONS, type Comparison } from '../reductions/reductions';
import { SERIES_GRAINS, type SeriesGrain } from '../engine/measure-series';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report/report-labels';

export class MeasureReportQueryDto {
  /** Labels of the cells, and the measure's title, cohort, window and definition, in Danish or English; keys and figures are the same in both. Default en. */
  @IsOptional() @IsIn(REPORT_LANGUAGES, { message: 'lang must be da or en' }) lang?: ReportLanguage;
  /** Run the report with this version of the measure's definition (default: the newest recorded on or before asOf). */
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'definitionVersion must be a version number (GET /effects/measures/{code}/versions)' })
  definitionVersion?: string;
  /** Facts recorded after this instant are left out: re-running with a published report's asOf reproduces it. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2026-01-01T00:00:00Z' }) asOf?: string;
  /** Windows must end on or before this day; defaults to the Copenhagen date of asOf. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'measurementDate must be a date yyyy-mm-dd' }) measurementDate?: string;
  /** `agency` applies to staff-knowledge only (staff units); the others to people. */
  @IsOptional() @IsIn([...BREAKDOWNS, 'agency'], { message: `by must be one of ${[...BREAKDOWNS, 'agency'].join(', ')}` }) by?: Breakdown | 'agency';
  /** A second breakdown (measures of people), for a two-way table such as by=programme&by2=cityDistrict. */
  @IsOptional() @IsIn(BREAKDOWNS, { message: `by2 must be one of ${BREAKDOWNS.join(', ')}` }) by2?: Breakdown;
  @IsOptional() @IsIn(['quarter', 'year'], { message: 'period must be quarter or year' }) period?: PeriodGrain;
  @IsOptional() @IsString() @MaxLength(60) @Matches(/^[A-Z0-9_]+$/, { message: 'programme must be a programme code' }) programme?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
  @IsOptional() @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' }) consistentWith?: string;
}

export class MeasureListQueryDto {
  /** The measures' titles, cohorts, windows and definitions in Danish or English (codes, numbers and the other fields are the same in both). Default en. */
  @IsOptional() @IsIn(REPORT_LANGUAGES, { message: 'lang must be da or en' }) lang?: ReportLanguage;
}

export class SafetyIndexQueryDto {
  @Matches(/^\d{4}$/, { message: 'year must be a four-digit year' }) year!: string;
  @IsOptional() @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' }) consistentWith?: string;
}

export class SafetyIndexImportDto {
  @IsString() @MaxLength(2_000_000) csv!: string;
}

export class SafetyIndexImportQueryDto {
  /** district (default): the first CSV column holds district codes; estate: housing-estate codes (reference data estates.json). */
  @IsOptional() @IsIn(['district', 'estate'], { message: 'area must be district or estate' }) area?: 'district' | 'estate';
}

export class StatusQueryDto {
  /** Labels of the cells (and the measure's title) in Danish or English; keys and figures are the same in both. Default en. */
  @IsOptional() @IsIn(REPORT_LANGUAGES, { message: 'lang must be da or en' }) lang?: ReportLanguage;
  /** The day the figures are about; defaults to the Copenhagen date of asOf. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date yyyy-mm-dd' }) date?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2026-01-01T00:00:00Z' }) asOf?: string;
  @IsOptional() @IsIn(STATUS_BREAKDOWNS, { message: `by must be one of ${STATUS_BREAKDOWNS.join(', ')}` }) by?: StatusBreakdown;
  @IsOptional() @IsString() @MaxLength(60) @Matches(/^[A-Z0-9_]+$/, { message: 'programme must be a programme code' }) programme?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
  @IsOptional() @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' }) consistentWith?: string;
}

export class ReductionQueryDto {
  /** Labels (programme, groups, offences) in Danish or English; keys and figures are the same in both. Default en. */
  @IsOptional() @IsIn(REPORT_LANGUAGES, { message: 'lang must be da or en' }) lang?: ReportLanguage;
  @IsString() @MaxLength(60) @Matches(/^[A-Z0-9_]+$/, { message: 'programme must be a programme code' }) programme!: string;
  /** The year of the cohort's first enrolment. */
  @Matches(/^\d{4}$/, { message: 'cohortYear must be a four-digit year' }) cohortYear!: string;
  /** N: the months before and after enrolment (default 12). */
  @IsOptional() @Matches(/^(?:[1-9]|[1-3]\d|4[0-8])$/, { message: 'months must be a whole number from 1 to 48' }) months?: string;
  @IsOptional() @IsIn(COMPARISONS, { message: `comparison must be one of ${COMPARISONS.join(', ')}` }) comparison?: Comparison;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'measurementDate must be a date yyyy-mm-dd' }) measurementDate?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2026-01-01T00:00:00Z' }) asOf?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
  @IsOptional() @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' }) consistentWith?: string;
}

export class SeriesQueryDto {
  /** Labels of the cells (and the measure's title) in Danish or English; keys and figures are the same in both. Default en. */
  @IsOptional() @IsIn(REPORT_LANGUAGES, { message: 'lang must be da or en' }) lang?: ReportLanguage;
  /** Run the report with this version of the measure's definition (default: the newest recorded on or before asOf). */
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'definitionVersion must be a version number (GET /effects/measures/{code}/versions)' })
  definitionVersion?: string;
  /** First and last month (yyyy-mm); a point on the last day of each month or quarter. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'from must be a month yyyy-mm' }) from!: string;
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'to must be a month yyyy-mm' }) to!: string;
  @IsOptional() @IsIn(SERIES_GRAINS, { message: `grain must be one of ${SERIES_GRAINS.join(', ')}` }) grain?: SeriesGrain;
  @IsOptional() @IsString() @MaxLength(60) @Matches(/^[A-Z0-9_]+$/, { message: 'programme must be a programme code' }) programme?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2026-01-01T00:00:00Z' }) asOf?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
  @IsOptional() @Matches(/^[0-9a-f]{16}\.[0-9a-f]{16}$/, { message: 'consistentWith must be a position returned by a write' }) consistentWith?: string;
}

export class MeasureChangeQueryDto {
  /** Change only over this version (optimistic concurrency); 409 when the measure has moved on. */
  @IsOptional() @Matches(/^[1-9]\d{0,5}$/, { message: 'ifVersion must be a version number' }) ifVersion?: string;
}
