import { Inject, Injectable, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { APP_LOGGER, CLOCK, type Clock } from '@samvirke/platform/nest/tokens';
import { ScheduledJob } from '@samvirke/platform/jobs/scheduled-job';
import { APP_METRICS, type AppMetrics } from '@samvirke/platform/metrics/metrics';
import { AuditLog } from '@samvirke/access/read-audit/audit-log';

/** Retention runs at start (AuditModule) and then twice a day; deleting an already-deleted range is a no-op. */
export const AUDIT_RETENTION_INTERVAL_MS = 12 * 3600_000;

/**
 * Deletes read-audit records past AUDIT_RETENTION_DAYS, through the shared scheduled-job wrapper
 * (libs/platform ScheduledJob: the interval `audit-retention` in @nestjs/schedule's registry, no
 * overlap, counts-only log, metrics), which AuditModule starts and stops. Logs counts only.
 */
@Injectable()
export class AuditRetentionJob {
  private readonly scheduled: ScheduledJob<number>;

  constructor(
    auditLog: AuditLog,
    @Inject(CLOCK) clock: Clock,
    @Inject(APP_LOGGER) logger: Logger,
    registry: SchedulerRegistry,
    @Optional() @Inject(APP_METRICS) metrics?: AppMetrics,
  ) {
    this.scheduled = new ScheduledJob({
      name: 'audit-retention',
      run: (now) => auditLog.purgeExpired(now),
      clock,
      logger,
      intervalMs: AUDIT_RETENTION_INTERVAL_MS,
      registry,
      metrics,
      summary: (purged) => (purged > 0 ? { fields: { purged }, message: 'audit log records past retention deleted' } : undefined),
      failureMessage: 'audit log retention run failed',
    });
  }

  /** One run now (unless one is going); the number of records deleted, undefined if it failed or was skipped. */
  run(): Promise<number | undefined> {
    return this.scheduled.runOnce();
  }

  start(): void {
    this.scheduled.start();
  }

  stop(): Promise<void> {
    return this.scheduled.stop();
  }
}
