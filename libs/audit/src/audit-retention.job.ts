import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { APP_LOGGER, CLOCK, type Clock } from '@samvirke/platform/nest/tokens';
import { AuditLog } from '@samvirke/access/read-audit/audit-log';

/** Retention runs at start (AuditModule) and then twice a day; deleting an already-deleted range is a no-op. */
export const AUDIT_RETENTION_INTERVAL_MS = 12 * 3600_000;

/**
 * Deletes read-audit records past AUDIT_RETENTION_DAYS. Scheduled by @nestjs/schedule
 * (`@Interval`, named `audit-retention`; ScheduleModule.forRoot() in the app), which also stops it
 * at shutdown. Logs counts only.
 */
@Injectable()
export class AuditRetentionJob {
  constructor(
    private readonly auditLog: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  @Interval('audit-retention', AUDIT_RETENTION_INTERVAL_MS)
  async run(): Promise<void> {
    try {
      const purged = await this.auditLog.purgeExpired(this.clock.now());
      if (purged > 0) this.logger.info({ purged }, 'audit log records past retention deleted');
    } catch (error) {
      this.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'audit log retention run failed');
    }
  }
}
