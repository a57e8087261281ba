import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { RetentionJob, RetentionReport } from './retention.job';

/** The job's name in @nestjs/schedule's SchedulerRegistry. */
export const RETENTION_INTERVAL_NAME = 'retention';

/**
 * Runs the retention job every `intervalHours` (RETENTION_INTERVAL_HOURS; 0 = off), first one
 * interval after start so a restart loop cannot hammer the database. The interval is registered
 * with @nestjs/schedule (SchedulerRegistry, as `retention`), which clears it at shutdown; it is
 * added at start rather than declared with `@Interval`, whose period is fixed at build time while
 * ours is a setting. Runs never overlap: a run still going when the next is due makes that one skip. Several processes may each run it: erasure is
 * idempotent and the decider serialises writes per case, so a race costs work, not correctness.
 *
 * The log says what happened in counts and case ids only (case ids are pseudonyms, see
 * case-identity.ts); the full report is what `run()` returns and what the CLI prints.
 */
export class RetentionScheduler {
  private running: Promise<RetentionReport | undefined> | undefined;

  constructor(
    private readonly job: RetentionJob,
    private readonly clock: { now(): Date },
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
    private readonly intervalHours: number,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  start(): void {
    if (this.intervalHours <= 0 || this.scheduler.doesExist('interval', RETENTION_INTERVAL_NAME)) return;
    const timer = setInterval(() => void this.runOnce(), this.intervalHours * 3600_000);
    timer.unref();
    this.scheduler.addInterval(RETENTION_INTERVAL_NAME, timer);
  }

  /** One run now, unless one is going; resolves with its report (undefined if it failed or was skipped). */
  async runOnce(): Promise<RetentionReport | undefined> {
    if (this.running) return undefined;
    this.running = this.job.run({ now: this.clock.now(), dryRun: false }).then(
      (report) => {
        this.logger.info(
          { erased: report.erased, held: report.held.length, kept: report.kept.length, failed: report.failed.length, casesChecked: report.casesChecked },
          'retention run finished',
        );
        return report;
      },
      (error: unknown) => {
        this.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'retention run failed');
        return undefined;
      },
    );
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Stops the schedule and waits for a run in progress, so shutdown does not cut an erasure in half. */
  async stop(): Promise<void> {
    if (this.scheduler.doesExist('interval', RETENTION_INTERVAL_NAME)) this.scheduler.deleteInterval(RETENTION_INTERVAL_NAME);
    await this.running;
  }
}
