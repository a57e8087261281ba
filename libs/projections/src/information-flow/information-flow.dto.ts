import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';
import { FLOW_KINDS, type FlowKind } from './information-flow-query.dto';

/*
 * What the information-flow reads answer, for the OpenAPI document; the controller returns its
 * answers typed as these classes, so the compiler checks that they fit.
 */

export class InformationFlowItemDto {
  @ApiProperty({ enum: FLOW_KINDS })
  kind!: FlowKind;
  /** The shared entry's id or the request's id. */
  id!: string;
  fromAgency!: string;
  toAgency!: string;
  /** When it was sent in the real world: the recorded instant, or the start of the day (Copenhagen) that history gave (sharedOn, requestedOn). */
  sentAt!: string;
  /** When it was recorded (entered the log). */
  sentRecordedAt!: string;
  sentBy!: string;
  /** acknowledged (a share), answered or declined (a request); null while open. */
  @ApiProperty({ enum: ['acknowledged', 'answered', 'declined'], nullable: true })
  outcome!: 'acknowledged' | 'answered' | 'declined' | null;
  /** When it was responded to in the real world (acknowledgedOn's day, when recorded later); null while open. */
  respondedAt!: string | null;
  /** When the response was recorded; null while open. */
  respondedRecordedAt!: string | null;
  respondedBy!: string | null;
  declineReason!: string | null;
  /** Hours from sent to responded, real-world instants; null while open. */
  delayHours!: number | null;
  /** Hours an open item has waited so far (read time); null once responded. */
  waitingHours!: number | null;
  /** Whole minutes from sent to responded; null while open. */
  delayMinutes!: number | null;
  /** Whole minutes an open item has waited so far (read time); null once responded. */
  waitingMinutes!: number | null;
}

export class InformationFlowPageDto {
  items!: InformationFlowItemDto[];
  page!: PageInfoDto;
}

/** A published count: a number, "<5" (1-4) or "x" (hidden so that another hidden cell cannot be worked out). */
const PUBLISHED_COUNT = { oneOf: [{ type: 'integer' }, { type: 'string', description: '"<5" (1-4) or "x" (hidden with another cell)' }] };

export class DelayPeriodDto {
  /** yyyy-mm */
  month!: string;
  /** First and last day of the month (yyyy-mm-dd). */
  from!: string;
  to!: string;
}

export class DelayTotalDto {
  @ApiProperty(PUBLISHED_COUNT)
  count!: number | string;
  @ApiProperty(PUBLISHED_COUNT)
  unacknowledged!: number | string;
}

export class DelayCellDto {
  @ApiProperty({ enum: FLOW_KINDS })
  kind!: FlowKind;
  fromAgency!: string;
  toAgency!: string;
  @ApiProperty(PUBLISHED_COUNT)
  count!: number | string;
  @ApiProperty(PUBLISHED_COUNT)
  unacknowledged!: number | string;
  medianHours!: number | null;
  p90Hours!: number | null;
}

export class DelayStatisticsDto {
  period!: DelayPeriodDto;
  /** How small counts are hidden, in words. */
  suppression!: string;
  total!: DelayTotalDto;
  items!: DelayCellDto[];
}
