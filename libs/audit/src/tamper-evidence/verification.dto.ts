import { ApiProperty } from '@nestjs/swagger';

/* What the hash-chain verifications answer, for the OpenAPI document (the controller returns them typed as these classes). */

/** The first event where the chain does not hold. */
export class BrokenLinkDto {
  streamId!: string;
  /** The event's revision; for a head mismatch, the last event still there (null if none is). */
  revision!: number | null;
  eventId!: string | null;
  /** The event's type as stored (for a head mismatch, the last event's; null if none is). */
  @ApiProperty({ type: String, nullable: true })
  eventType!: string | null;
  /** es_events.global_position, as a decimal string. */
  globalPosition!: string | null;
  @ApiProperty({ enum: ['hash-mismatch', 'head-mismatch', 'revision-gap'] })
  problem!: 'hash-mismatch' | 'revision-gap' | 'head-mismatch';
}

export class VerificationResultDto {
  ok!: boolean;
  eventsChecked!: number;
  firstBroken?: BrokenLinkDto;
}

export class CaseVerificationResultDto extends VerificationResultDto {
  caseId!: string;
}
