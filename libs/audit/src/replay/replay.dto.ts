import { ApiProperty } from '@nestjs/swagger';

/** Answers of the auditors' replay (GET /audit/cases/:caseId/...), for the OpenAPI document; the shapes are those of case-replay.ts. */

/** One recorded event of the case, sealed fields opened. */
export class ReplayedEventDto {
  revision!: number;
  eventId!: string;
  type!: string;
  schemaVersion!: number;
  recordedAt!: string;
  /** Stream position in the whole store, as a decimal string (a bigint). */
  globalPosition!: string;
  /** The event's metadata as recorded (who, which agency, correlation). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  metadata!: Record<string, unknown>;
  /** The event's data with every sealed field opened, or "erased on DATE"; its fields depend on `type`. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
}

export class ReplayedEventsDto {
  caseId!: string;
  events!: ReplayedEventDto[];
}

export class CaseStateAsOfDto {
  caseId!: string;
  /** Null when no instant was given: the state after every event. */
  asOf!: string | null;
  /** The date axis: the Copenhagen day the state is in force on, by the dates facts carry (null: not asked). */
  @ApiProperty({ required: false, nullable: true, type: String })
  inForceOn?: string | null;
  /** The SSP level on that day (or of the latest assessment known), by assessment dates; null when none. */
  @ApiProperty({ required: false, nullable: true, type: Number })
  sspLevel?: number | null;
  /** Revision of the last event folded in; null when the case had no event yet at that instant. */
  revision!: number | null;
  eventsApplied!: number;
  /** The folded case state as JSON (the decider's state, maps as objects), sealed fields opened. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  state!: Record<string, unknown>;
}

export class EntryCouldSeeDto {
  agency!: string;
  @ApiProperty({ enum: ['author', 'recipient'] })
  as!: 'author' | 'recipient';
  since!: string;
  leftCaseAt!: string | null;
}

export class EntryAcknowledgementDto {
  agency!: string;
  at!: string;
}

export class EntryReaderDto {
  userId!: string;
  agency!: string;
  roles!: string[];
  at!: string;
  action!: string;
  route!: string;
  purpose!: string;
  /** 'entry': a request on the entry's own route; 'listing': a listing of the case's entries after it was shared. */
  @ApiProperty({ enum: ['entry', 'listing'] })
  via!: 'entry' | 'listing';
}

export class EntryNotifiedDto {
  userId!: string;
  agency!: string;
  at!: string;
  channel!: string;
}

export class EntryKnowledgeDto {
  caseId!: string;
  entryId!: string;
  sharedAt!: string;
  authorAgency!: string;
  sharedWith!: string[];
  sensitivity!: string;
  legalBasis!: string;
  purpose!: string;
  /** Agencies the access policy lets see the entry (author and recipients). */
  couldSee!: EntryCouldSeeDto[];
  acknowledgedBy!: EntryAcknowledgementDto[];
  /** Users who read it, from the audit log. */
  readBy!: EntryReaderDto[];
  /** Who was told of the entry by a notification (its existence, not its content). */
  notified!: EntryNotifiedDto[];
}
