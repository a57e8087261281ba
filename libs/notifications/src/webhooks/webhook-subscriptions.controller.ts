import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CurrentUser, Roles, type AuthenticatedUser } from '@samvirke/access';
import { CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { NOTIFICATION_CONFIG } from '../notification-tokens';
import type { NotificationConfig } from '../notification-config';
import { newWebhookSecret, webhookUrlProblem } from './standard-webhooks';
import { CreateWebhookSubscriptionDto, CreatedWebhookSubscriptionDto, DeadLetterDto, WebhookSubscriptionDto } from './webhook-subscription.dto';
import { OutboxDelivery } from '../delivery/outbox-delivery';

interface SubscriptionRow {
  id: string;
  agency: string;
  url: string;
  created_at: Date;
  created_by: string;
  active: boolean;
}

const toDto = (row: SubscriptionRow): WebhookSubscriptionDto => ({
  id: row.id,
  agency: row.agency,
  url: row.url,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  active: row.active,
});

/**
 * Agencies' own systems receive their units' notifications as signed webhooks. Managed by the
 * reference-data administrators (the access policy's only administrative role; they see no case,
 * and nothing here shows a case's content: ids, codes, times and delivery errors).
 */
@ApiTags('webhooks')
@Roles('reference-admin')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  private readonly referenceData = loadReferenceData();

  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly delivery: OutboxDelivery,
  ) {}

  @Post()
  @ApiOperation({
    summary: "Subscribe an agency's system: its unit notifications are POSTed to the URL, signed with a secret made for this subscription (shown once).",
  })
  @ApiCreatedResponse({ type: CreatedWebhookSubscriptionDto })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateWebhookSubscriptionDto): Promise<CreatedWebhookSubscriptionDto> {
    if (!this.referenceData.agencies.has(body.agency)) {
      throw new BadRequestException({
        message: 'the request has invalid fields',
        violations: [{ field: 'agency', rule: 'isAgency', message: 'agency must be an agency in the reference data' }],
      });
    }
    const problem = webhookUrlProblem(body.url, this.config.production);
    if (problem) {
      throw new BadRequestException({
        reason: 'WEBHOOK_URL_REFUSED',
        message: 'the request has invalid fields',
        violations: [{ field: 'url', rule: 'isWebhookUrl', message: problem }],
      });
    }
    const secret = newWebhookSecret();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `INSERT INTO public.webhook_subscription (id, agency, url, secret, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, agency, url, created_at, created_by, active`,
      [randomUUID(), body.agency, new URL(body.url).toString(), secret, this.clock.now(), user.userId],
    );
    return { ...toDto(rows[0]), secret };
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription (without secrets).' })
  @ApiOkResponse({ type: [WebhookSubscriptionDto] })
  async list(): Promise<WebhookSubscriptionDto[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT id, agency, url, created_at, created_by, active FROM public.webhook_subscription ORDER BY created_at, id',
    );
    return rows.map(toDto);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Webhook deliveries that failed their last attempt, with why (oldest first).' })
  @ApiOkResponse({ type: [DeadLetterDto] })
  async deadLetters(): Promise<DeadLetterDto[]> {
    const { rows } = await this.pool.query<{
      id: string;
      target: string;
      notification_id: string;
      recipient_agency: string;
      attempts: number;
      last_error: string | null;
      created_at: Date;
    }>(
      `SELECT o.id::text, o.target, o.notification_id, n.recipient_agency, o.attempts, o.last_error, o.created_at
       FROM public.notification_outbox o JOIN public.notification n ON n.id = o.notification_id
       WHERE o.channel = 'webhook' AND o.status = 'dead' ORDER BY o.created_at, o.id LIMIT 1000`,
    );
    return rows.map((row) => ({
      deliveryId: row.id,
      subscriptionId: row.target,
      notificationId: row.notification_id,
      agency: row.recipient_agency,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
    }));
  }

  @Post('dead-letters/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a dead-lettered delivery again (a fresh round of attempts, same webhook-id).' })
  async replay(@Param('deliveryId') deliveryId: string): Promise<{ deliveryId: string; status: 'pending' }> {
    if (!/^\d{1,18}$/.test(deliveryId)) throw new NotFoundException({ reason: 'DEAD_LETTER_NOT_FOUND', message: 'no dead-lettered delivery with this id' });
    const { rowCount } = await this.pool.query(
      `UPDATE public.notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = clock_timestamp(), claimed_until = NULL
       WHERE id = $1 AND channel = 'webhook' AND status = 'dead'`,
      [deliveryId],
    );
    if (!rowCount) throw new NotFoundException({ reason: 'DEAD_LETTER_NOT_FOUND', message: 'no dead-lettered delivery with this id' });
    this.delivery.wake();
    return { deliveryId, status: 'pending' };
  }
}
