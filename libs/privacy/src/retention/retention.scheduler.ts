import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { ScheduledJob, type AppMetrics } from '@samvirke/platform';
import type { RetentionJob, RetentionReport } from './retention.job';

/** The job's name in @nestjs/schedule's SchedulerRegistry. */
export const RETENTION_INTERVAL_NAME = 'retention';

/**
 * Runs the retention job every `intervalHours` (RETENTION_INTERVAL_HOURS; 0 = off), first one
 * interval after start so a restart loop cannot hammer the database. The interval is registered
 * with @nestjs/schedule (SchedulerRegistry, as `retention`), which clears it at shutdown; it is
 * added at start rather than declared with `@Interval`, whose period is fixed at build time while
 * ours is a setting (the shared ScheduledJob of libs/platform does all that). Runs never overlap: a run still going when the next is due makes that one skip. Several processes may each run it: erasure is
 * idempotent and the decider serialises writes per case, so a race costs work, not correctness.
 *
 * The log says what happened in counts and case ids only (case ids are pseudonyms, see
 * case-identity.ts); the full report is what `run()` returns and what the CLI prints.
 */
export class RetentionScheduler extends ScheduledJob<RetentionReport> {
  constructor(
    job: RetentionJob,
    clock: { now(): Date },
    logger: Pick<Logger, 'info' | 'warn'>,
    intervalHours: number,
    scheduler: SchedulerRegistry,
    metrics?: AppMetrics,
  ) {
    super({
      name: RETENTION_INTERVAL_NAME,
      run: (now) => job.run({ now, dryRun: false }),
      clock,
      logger,
      intervalMs: intervalHours * 3600_000,
      registry: scheduler,
      metrics,
      summary: (report) => ({
        fields: { erased: report.erased, held: report.held.length, kept: report.kept.length, failed: report.failed.length, casesChecked: report.casesChecked },
        message: 'retention run finished',
      }),
      failureMessage: 'retention run failed',
    });
  }
}
