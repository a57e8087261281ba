import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../projection/notification-rules';
import { MAIL_DELIVERY_MODES, type MailDelivery } from '../delivery/unit-settings';

export class NotificationQueryDto {
  /** unread or read (for you); default both. */
  @IsOptional() @IsIn(['unread', 'read'], { message: 'state must be unread or read' }) state?: 'unread' | 'read';
  @IsOptional() @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}` }) kind?: NotificationKind;
  @IsOptional() @IsUUID('all', { message: 'caseId must be a UUID' }) caseId?: string;
  /** Rows per page, 1-200. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset: number = 0;
}

export class NotificationStreamQueryDto {
  /** The last `id:` received, for clients that cannot send the Last-Event-ID header. */
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'lastEventId must be an id received from this stream' }) lastEventId?: string;
}

export class NotificationRecipientDto {
  @ApiProperty({ enum: ['unit', 'user'] }) kind!: 'unit' | 'user';
  @ApiProperty() agency!: string;
  /** The unit's entry point code (reference data), for a unit. */
  @ApiPropertyOptional({ nullable: true, type: String }) entryPoint!: string | null;
  /** The person, for a personal notification. */
  @ApiPropertyOptional({ nullable: true, type: String }) userId!: string | null;
}

/** A notification: what happened, on which case, between which agencies, when. Never a name, CPR or content. */
export class NotificationDto {
  /** Deterministic: the same event and recipient always give the same id (deduplicate on it). */
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** The SSE event id (Last-Event-ID). */
  @ApiProperty() sequence!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: NotificationRecipientDto }) recipient!: NotificationRecipientDto;
  @ApiPropertyOptional({ nullable: true, type: String }) fromAgency!: string | null;
  /** information-shared: the entry to acknowledge (absent for a sealed identity). */
  @ApiPropertyOptional({ nullable: true, type: String }) entryId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'yyyy-mm-dd' }) dueDate!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  /** When you read it; null while unread. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() page!: { limit: number; offset: number; total: number };
  @ApiProperty() unread!: number;
}

export class AcknowledgedFromNotificationDto {
  @ApiProperty({ type: NotificationDto }) notification!: NotificationDto;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: string;
  @ApiProperty() replayed!: boolean;
}

export class MailSettingDto {
  @IsIn(MAIL_DELIVERY_MODES, { message: 'mailDelivery must be immediate or daily-digest' })
  @ApiProperty({ enum: MAIL_DELIVERY_MODES })
  mailDelivery!: MailDelivery;
}

export class UnitSettingDto {
  @ApiProperty() agency!: string;
  @ApiProperty() entryPoint!: string;
  @ApiProperty({ enum: MAIL_DELIVERY_MODES }) mailDelivery!: MailDelivery;
  /** Whether it is the reference data's default (no choice made). */
  @ApiProperty() isDefault!: boolean;
}
