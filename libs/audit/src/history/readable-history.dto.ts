import { ApiProperty } from '@nestjs/swagger';
import { COPY_LANGUAGES } from '@samvirke/privacy/citizen-copy/citizen-copy-language';

/** GET /audit/cases/:caseId/history, for the OpenAPI document (shape of readable-history.ts). */
export class ReadableHistoryDetailDto {
  label!: string;
  text!: string;
}

export class ReadableHistoryEntryDto {
  revision!: number;
  eventId!: string;
  /** The event's name, for auditors who go on to the raw history. */
  type!: string;
  recordedAt!: string;
  /** A real-world date (`{date: yyyy-mm-dd}`) or the instant the agency recorded it (`{instant}`). */
  @ApiProperty({
    oneOf: [
      { type: 'object', properties: { date: { type: 'string' } }, required: ['date'] },
      { type: 'object', properties: { instant: { type: 'string' } }, required: ['instant'] },
    ],
  })
  happened!: { date: string } | { instant: string };
  agency!: string | null;
  agencyName!: string;
  /** The user (or system job) that made the change. */
  actor!: string | null;
  text!: string;
  details!: ReadableHistoryDetailDto[];
}

export class ReadableHistoryDto {
  caseId!: string;
  @ApiProperty({ enum: [...COPY_LANGUAGES] })
  lang!: string;
  events!: ReadableHistoryEntryDto[];
}
