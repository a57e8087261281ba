import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { DATABASE_POOL } from '@samvirke/platform';
import { DevMailDto } from './dev-mail.dto';
import { NOTIFICATION_CONFIG } from '../notification-tokens';
import type { NotificationConfig } from '../notification-config';

/**
 * Development only: the mail that would have gone out with no SMTP server configured (SMTP_URL
 * unset), newest first. Mail holds no personal data; in production this route does not exist (404).
 */
@ApiTags('notifications')
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The mail kept, newest first.', type: DevMailDto, isArray: true })
  @ApiOperation({ summary: 'Development only: mail kept in the local catch-all because no SMTP server is configured (newest first, at most 200).' })
  async list(): Promise<Array<{ id: string; recordedAt: string; to: string; subject: string; body: string; notificationIds: string[] }>> {
    if (this.config.production) throw new NotFoundException();
    const { rows } = await this.pool.query<{ id: string; recorded_at: Date; to_address: string; subject: string; body: string; notification_ids: string[] }>(
      'SELECT id::text, recorded_at, to_address, subject, body, notification_ids FROM public.notification_mail_catchall ORDER BY id DESC LIMIT 200',
    );
    return rows.map((row) => ({
      id: row.id,
      recordedAt: row.recorded_at.toISOString(),
      to: row.to_address,
      subject: row.subject,
      body: row.body,
      notificationIds: row.notification_ids,
    }));
  }
}
