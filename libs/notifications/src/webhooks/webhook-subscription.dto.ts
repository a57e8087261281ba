import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateWebhookSubscriptionDto {
  /** The agency whose unit notifications are sent (reference-data code). */
  @Matches(/^[A-Z0-9-]{1,40}$/, { message: 'agency must be an agency code such as KRIMINALFORSORGEN' })
  @ApiProperty({ example: 'KRIMINALFORSORGEN' })
  agency!: string;
  /** Where to POST (https; http is accepted outside production). */
  @IsString({ message: 'url must be an absolute http(s) URL' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  @ApiProperty({ example: 'https://kriminalforsorgen.example.org/samvirke/webhook' })
  url!: string;
}

export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() agency!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() active!: boolean;
}

export class CreatedWebhookSubscriptionDto extends WebhookSubscriptionDto {
  /** The signing secret (Standard Webhooks, whsec_...): shown this once, store it at the receiver. */
  @ApiProperty() secret!: string;
}

export class DeadLetterDto {
  /** The delivery (outbox row) id: replay it with POST .../dead-letters/:deliveryId/replay. */
  @ApiProperty() deliveryId!: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty() agency!: string;
  @ApiProperty() attempts!: number;
  /** Why the last attempt failed (a status code, a timeout, unreachable): never the receiver's body. */
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
