import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { CaseGate } from '@samvirke/commands';
import { APP_LOGGER, APP_METRICS, CLOCK, ConfigError, DATABASE_POOL, ScheduledJob, type AppMetrics, type Clock } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import { EscalationJob, type EscalationReport } from './escalation.job';

export const ESCALATION_INTERVAL_VARIABLE = 'ESCALATION_INTERVAL_MINUTES';

/** ESCALATION_INTERVAL_MINUTES: how often the job looks for due steps; 0 turns the schedule off. */
export function loadEscalationIntervalMinutes(env: Record<string, string | undefined>): number {
  const raw = env[ESCALATION_INTERVAL_VARIABLE]?.trim();
  if (!raw) return 60;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 1440) {
    throw new ConfigError(ESCALATION_INTERVAL_VARIABLE, 'must be a whole number of minutes from 0 (off) to 1440');
  }
  return Number(raw);
}

const ESCALATION_SCHEDULE = 'escalation';

/**
 * Runs the escalation job every ESCALATION_INTERVAL_MINUTES (60 by default, the first run one
 * interval after start; steps are per working day, so a step is at most an interval late on its day),
 * through the shared scheduled-job wrapper (libs/platform ScheduledJob: no overlap in one process,
 * counts-only log, metrics). Several processes may each run it (see EscalationJob: nothing is
 * recorded twice).
 */
export class EscalationScheduler extends ScheduledJob<EscalationReport> {
  constructor(
    job: EscalationJob,
    clock: Clock,
    logger: Pick<Logger, 'info' | 'warn'>,
    schedule: { intervalMinutes: number; registry: SchedulerRegistry; metrics?: AppMetrics },
  ) {
    super({
      name: ESCALATION_SCHEDULE,
      run: (now) => job.run({ now }),
      clock,
      logger,
      intervalMs: schedule.intervalMinutes * 60_000,
      registry: schedule.registry,
      metrics: schedule.metrics,
      summary: (report) =>
        report.escalated.length > 0 || report.failed.length > 0
          ? {
              fields: { escalated: report.escalated.length, alreadyDone: report.alreadyDone, failed: report.failed.length, checked: report.checked },
              message: 'escalation run finished',
            }
          : undefined,
      failureMessage: 'escalation run failed',
    });
  }
}

const ESCALATION_INTERVAL = Symbol('ESCALATION_INTERVAL');

/**
 * The escalation job and its schedule (@nestjs/schedule). Needs from the app the global
 * DATABASE_POOL, CaseGate, CLOCK and APP_LOGGER, and the information-flow projection running
 * (in the API or a worker). Reads ESCALATION_INTERVAL_MINUTES when the app is built.
 */
@Module({
  providers: [
    { provide: ESCALATION_INTERVAL, useFactory: () => loadEscalationIntervalMinutes(process.env) },
    {
      provide: EscalationJob,
      inject: [DATABASE_POOL, CaseGate],
      useFactory: (pool: Pool, gate: CaseGate) => new EscalationJob({ pool, gate, rules: loadReferenceData().escalationRules }),
    },
    {
      provide: EscalationScheduler,
      inject: [EscalationJob, CLOCK, APP_LOGGER, ESCALATION_INTERVAL, SchedulerRegistry, { token: APP_METRICS, optional: true }],
      useFactory: (job: EscalationJob, clock: Clock, logger: Logger, intervalMinutes: number, registry: SchedulerRegistry, metrics?: AppMetrics) =>
        new EscalationScheduler(job, clock, logger.child({ component: 'escalation' }), { intervalMinutes, registry, metrics }),
    },
  ],
  exports: [EscalationJob, EscalationScheduler],
})
export class EscalationModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(EscalationScheduler) private readonly scheduler: EscalationScheduler) {}

  // The first run one interval after start, as retention's: a restart loop cannot hammer the
  // database, and the read models have caught up by then.
  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  /** A run in progress is waited for. */
  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
