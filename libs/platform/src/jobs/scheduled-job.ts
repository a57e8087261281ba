import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { AppMetrics } from '../metrics/metrics';

/** What a scheduled job says after a run: counts and ids only, never personal data; undefined says nothing. */
export type ScheduledJobSummary = { fields: Record<string, unknown>; message: string } | undefined;

export interface ScheduledJobOptions<Report> {
  /** The interval's name in @nestjs/schedule's SchedulerRegistry, and the job's label in metrics. */
  name: string;
  /** One run at `now`; each job makes its own writes idempotent (keys, ON CONFLICT), so runs in several processes are safe. */
  run: (now: Date) => Promise<Report>;
  clock: { now(): Date };
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Milliseconds between runs; 0 or less: no schedule (runOnce still works). */
  intervalMs: number;
  registry: SchedulerRegistry;
  summary: (report: Report) => ScheduledJobSummary;
  /** The warning logged when a run throws (with the error's name only). */
  failureMessage: string;
  /** samvirke_scheduled_job_runs_total{job, outcome}, when the app has metrics. */
  metrics?: Pick<AppMetrics, 'scheduledJobRuns'>;
}

/**
 * The one wrapper of the scheduled jobs (deadline notifications, escalation, retention, audit
 * retention): the interval registered with @nestjs/schedule at start (first run one interval after
 * start, so a restart loop cannot hammer the database; added at start rather than with `@Interval`,
 * whose period is fixed at build time while ours are settings), never two runs at once in one
 * process (a run due while one is going is skipped), a failed run logged by the error's name and
 * never thrown into the timer, a count per outcome in metrics, and at stop the interval removed
 * and a run in progress waited for, so shutdown does not close the pool under it.
 */
export class ScheduledJob<Report> {
  private running: Promise<Report | undefined> | undefined;

  constructor(private readonly options: ScheduledJobOptions<Report>) {}

  start(): void {
    const { intervalMs, registry, name } = this.options;
    if (intervalMs <= 0 || registry.doesExist('interval', name)) return;
    const timer = setInterval(() => void this.runOnce(), intervalMs);
    timer.unref();
    registry.addInterval(name, timer);
  }

  /** One run now, unless one is going; resolves with its report (undefined if it failed or was skipped). */
  async runOnce(): Promise<Report | undefined> {
    if (this.running) return undefined;
    const { run, clock, logger, summary, failureMessage, metrics, name } = this.options;
    this.running = run(clock.now()).then(
      (report) => {
        metrics?.scheduledJobRuns.inc({ job: name, outcome: 'done' });
        const said = summary(report);
        if (said) logger.info(said.fields, said.message);
        return report;
      },
      (error: unknown) => {
        metrics?.scheduledJobRuns.inc({ job: name, outcome: 'failed' });
        logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, failureMessage);
        return undefined;
      },
    );
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  async stop(): Promise<void> {
    const { registry, name } = this.options;
    if (registry.doesExist('interval', name)) registry.deleteInterval(name);
    await this.running;
  }
}
