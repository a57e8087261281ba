import { ApiProperty } from '@nestjs/swagger';

/** Answers of GET /reference-data and GET /reference-data/:list, for the OpenAPI document. */

/** The version of each reference list (a date or a label, as the data files state it). */
export class ReferenceDataVersionsDto {
  agencies!: string;
  programmes!: string;
  districts!: string;
  offenceCategories!: string;
  legalBases!: string;
  roadMaps!: string;
  progressionScale!: string;
  escalationRules!: string;
}

export class ReferenceListLinkDto {
  /** The list's URL segment (kebab-case). */
  name!: string;
  href!: string;
}

export class ReferenceDataIndexDto {
  versions!: ReferenceDataVersionsDto;
  lists!: ReferenceListLinkDto[];
}

export class ReferenceDataListDto {
  /** The list's entries as loaded (each list has its own fields: code, names in Danish and English, ...). */
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  items!: Record<string, unknown>[];
}
