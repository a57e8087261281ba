import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { ErasedDetailDto, READABLE_DETAIL_SCHEMA } from '../http/readable-detail.dto';
import { TIMELINE_STATUSES, type TimelineStatus } from './timeline-status';
import { TIMELINE_KINDS, type TimelineKind } from './timeline.projection';

/*
 * What GET /cases/:caseId/timeline answers, for the OpenAPI document. The controller returns its
 * items typed as these classes, so the compiler checks that the answer fits the document.
 */

export class TimelineRoadMapDto {
  code!: string;
  item!: string;
}

@ApiExtraModels(ErasedDetailDto)
export class TimelineItemDto {
  itemId!: string;
  @ApiProperty({ enum: TIMELINE_KINDS })
  kind!: TimelineKind;
  /** Where the item sits: its deadline while open, the day it happened or was met otherwise. */
  on!: string;
  dueOn!: string | null;
  doneOn!: string | null;
  @ApiProperty({ enum: TIMELINE_STATUSES })
  status!: TimelineStatus;
  /** How it was done: completed, cancelled, sent, acknowledged, answered, declined, held, met, ended (no longer applies), ... */
  resolution!: string | null;
  ownerAgency!: string | null;
  /** What the item is, in the language asked for (`lang`: da or en, English by default). */
  title!: string | null;
  /** Personal text (an action's title, a question, a summary, an answer), opened for the reader. */
  @ApiProperty(READABLE_DETAIL_SCHEMA)
  detail!: string | ErasedDetailDto | null;
  relatedId!: string | null;
  roadMap!: TimelineRoadMapDto | null;
}

export class TimelinePageInfoDto {
  limit!: number;
  offset!: number;
  /** How many items match; null when asked with total=false. */
  total!: number | null;
  /** The cursor of the next page (pass it as after=), or null on the last page. */
  next!: string | null;
}

export class TimelinePageDto {
  items!: TimelineItemDto[];
  page!: TimelinePageInfoDto;
}
