import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { AREA_LEVELS, COHORT_ANCHORS, PREDICATE_KINDS, type AreaLevel, type CountedSubject } from '../measures/measure-definition';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report/report-labels';
import { STATUS_BREAKDOWNS, STATUS_FIGURES, type StatusBreakdown, type StatusFigure } from '../status/status-figures';
import { COMPARISONS, type Comparison } from '../reductions/reductions';
import { CRIME_TYPES, type CrimeType } from '../safety-index/safety-index-csv';

/**
 * The JSON answers of /effects, for the OpenAPI document (the shapes of the engine's report types).
 * A figure under the suppression threshold is a string such as "<5" instead of a number.
 */

const PUBLISHED: ApiPropertyOptions = { oneOf: [{ type: 'number' }, { type: 'string' }] };

export class MeasureDescriptionDto {
  code!: string;
  title!: string;
  cohort!: string;
  window!: string;
  definition!: string;
  @ApiProperty({ enum: [...COHORT_ANCHORS] })
  anchor!: string;
  windowMonths!: number;
  /** The outcome predicate: `kind`, and the fields that kind takes (statuses, employmentKinds, agency, ...). */
  @ApiProperty({
    type: 'object',
    properties: { kind: { type: 'string', enum: [...PREDICATE_KINDS] } },
    required: ['kind'],
    additionalProperties: true,
    selfRequired: true,
  })
  predicate!: { kind: string; [field: string]: unknown };
  /** What the figures count: people (cases), staff units (VINK) or areas (the safety index). */
  @ApiProperty({ enum: ['people', 'staff-units', 'areas'] })
  counts!: CountedSubject;
  /** Programmes that picked the measure in reference data. */
  programmes!: string[];
}

export class CurrentMeasureDto extends MeasureDescriptionDto {
  definitionVersion!: number;
}

export class MeasureListDto {
  /** The measure catalogue's version. */
  version!: string;
  suppressionThreshold!: number;
  measures!: CurrentMeasureDto[];
}

/** The version a write recorded. */
export class MeasureVersionRecordedDto {
  code!: string;
  definitionVersion!: number;
}

export class MeasureDefinitionVersionDto {
  code!: string;
  version!: number;
  recordedAt!: string;
  recordedBy!: string;
  definition!: MeasureDescriptionDto;
}

export class MeasureVersionsDto {
  code!: string;
  /** Oldest first. */
  versions!: MeasureDefinitionVersionDto[];
}

/** One published cell: people in the cohort, how many had the outcome, and their share (null when suppressed). */
export class PublishedCellDto {
  key!: string;
  @ApiProperty(PUBLISHED)
  people!: number | string;
  @ApiProperty(PUBLISHED)
  count!: number | string;
  share!: number | null;
  /** Only for kinds that measure an amount. */
  median?: number | null;
  suppressed!: boolean;
}

/** A report counting people or staff units, with its cells' readable labels. */
export class MeasureReportDto {
  measure!: MeasureDescriptionDto;
  asOf!: string;
  measurementDate!: string;
  programmeFilter!: string | null;
  breakdown!: string | null;
  @ApiProperty({ enum: ['quarter', 'year'], nullable: true })
  periodGrain!: string | null;
  suppression!: string;
  total!: PublishedCellDto;
  cells!: PublishedCellDto[];
  definitionVersion!: number;
  @ApiProperty({ enum: [...REPORT_LANGUAGES] })
  lang!: ReportLanguage;
  /** Cell key → readable label in `lang`. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  labels!: Record<string, string>;
  /**
   * In `lang`, when people are counted in an `unknown` city district or age band: their district or
   * birth date is not known (erased, or sealed under a key this server does not hold). Null otherwise.
   */
  note!: string | null;
}

export class SafetyIndexRowDto {
  districtCode!: string;
  year!: number;
  feltSafety!: number;
  /** Share victimised, per crime type. */
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(CRIME_TYPES.map((type) => [type, { type: 'number' }])),
    required: [...CRIME_TYPES],
    additionalProperties: false,
    selfRequired: true,
  })
  victimisation!: Record<CrimeType, number>;
}

export class AreaMeasureRowDto {
  programme!: string;
  @ApiProperty({ enum: [...AREA_LEVELS] })
  area!: AreaLevel;
  areaCode!: string;
  areaName!: string;
  effortStartedOn!: string;
  beforeYear!: number;
  /** Null while the window's last day is after the measurement date. */
  afterYear!: number | null;
  @ApiProperty({ type: SafetyIndexRowDto, nullable: true })
  before!: SafetyIndexRowDto | null;
  @ApiProperty({ type: SafetyIndexRowDto, nullable: true })
  after!: SafetyIndexRowDto | null;
  /** After minus before, in points of felt safety; null unless both years have an index. */
  feltSafetyChange!: number | null;
  note!: string | null;
}

/** A report counting areas (the safety-index measures). */
export class AreaMeasureReportDto {
  measure!: MeasureDescriptionDto;
  asOf!: string;
  measurementDate!: string;
  programmeFilter!: string | null;
  /** The version of reference data estates.json. */
  estatesVersion!: string;
  areas!: AreaMeasureRowDto[];
  definitionVersion!: number;
  @ApiProperty({ enum: [...REPORT_LANGUAGES] })
  lang!: ReportLanguage;
}

export class SeriesPointDto extends PublishedCellDto {
  measurementDate!: string;
}

export class MeasureSeriesDto {
  /** The measure's code. */
  measure!: string;
  asOf!: string;
  @ApiProperty({ enum: ['month', 'quarter'] })
  grain!: string;
  programmeFilter!: string | null;
  suppression!: string;
  points!: SeriesPointDto[];
  definitionVersion!: number;
}

export class StatusFigureCellsDto {
  @ApiProperty({ enum: [...STATUS_FIGURES] })
  status!: StatusFigure;
  definition!: string;
  total!: PublishedCellDto;
  cells!: PublishedCellDto[];
}

export class StatusReportDto {
  date!: string;
  asOf!: string;
  population!: string;
  programmeFilter!: string | null;
  @ApiProperty({ enum: [...STATUS_BREAKDOWNS], nullable: true })
  breakdown!: StatusBreakdown | null;
  suppression!: string;
  figures!: StatusFigureCellsDto[];
  @ApiProperty({ enum: [...REPORT_LANGUAGES] })
  lang!: ReportLanguage;
  /** Status figure → readable label in `lang`. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  statusLabels!: Record<string, string>;
  /** Cell key → readable label in `lang`. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  labels!: Record<string, string>;
}

/** An estimate with its 95 % interval. */
export class IntervalDto {
  estimate!: number;
  low!: number;
  high!: number;
}

export class OffenceReductionDto {
  @ApiProperty(PUBLISHED)
  before!: number | string;
  @ApiProperty(PUBLISHED)
  after!: number | string;
  @ApiProperty(PUBLISHED)
  fewer!: number | string;
  @ApiProperty({ type: IntervalDto, nullable: true })
  shareFewer!: IntervalDto | null;
  @ApiProperty({ type: IntervalDto, nullable: true })
  meanChange!: IntervalDto | null;
}

export class GroupReductionDto {
  group!: string;
  @ApiProperty(PUBLISHED)
  people!: number | string;
  charges!: OffenceReductionDto;
  convictions!: OffenceReductionDto;
}

export class ReductionComparisonDto {
  @ApiProperty({ type: IntervalDto, nullable: true })
  chargesShareFewerDifference!: IntervalDto | null;
  @ApiProperty({ type: IntervalDto, nullable: true })
  convictionsShareFewerDifference!: IntervalDto | null;
  note!: string | null;
}

export class ReductionReportDto {
  programme!: string;
  cohortYear!: number;
  months!: number;
  @ApiProperty({ enum: [...COMPARISONS] })
  comparisonKind!: Comparison;
  asOf!: string;
  measurementDate!: string;
  definition!: string;
  suppression!: string;
  cohort!: GroupReductionDto;
  comparison!: GroupReductionDto;
  difference!: ReductionComparisonDto;
  @ApiProperty({ enum: [...REPORT_LANGUAGES] })
  lang!: ReportLanguage;
  /** Readable labels in the language, by key: the programme code, the groups (cohort, previous-cohort or not-enrolled) and the offences (charges, convictions). */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  labels!: Record<string, string>;
}

export class StaffKnowledgeRecordedDto {
  recorded!: number;
}

export class SafetyIndexImportedDto {
  imported!: number;
}

export class AreaEffortEnrolmentDto {
  programme!: string;
  @ApiProperty(PUBLISHED)
  enrolled!: number | string;
}

export class DistrictSafetyViewDto {
  districtCode!: string;
  districtName!: string | null;
  cityDistrict!: string | null;
  geography!: string | null;
  @ApiProperty({ type: SafetyIndexRowDto, nullable: true })
  safetyIndex!: SafetyIndexRowDto | null;
  /** People enrolled in each area effort during the year, among citizens living in the district. */
  areaEfforts!: AreaEffortEnrolmentDto[];
}

export class DistrictSafetyDto {
  year!: number;
  districts!: DistrictSafetyViewDto[];
}
