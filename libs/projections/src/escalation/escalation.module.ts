import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { CaseGate } from '@samvirke/commands';
import { APP_LOGGER, CLOCK, ConfigError, DATABASE_POOL, type Clock } from '@samvirke/platform';
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

/**
 * Runs the escalation job every ESCALATION_INTERVAL_MINUTES (60 by default, the first run one
 * interval after start; steps are per working day, so a step is at most an interval late on its day).
 * Runs never overlap in one process; several processes may
 * each run it (see EscalationJob: nothing is recorded twice). The log says counts only.
 */
export class EscalationScheduler {
  private running: Promise<EscalationReport | undefined> | undefined;

  constructor(
    private readonly job: EscalationJob,
    private readonly clock: Clock,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
  ) {}

  /** One run now, unless one is going; resolves with its report (undefined if it failed or was skipped). */
  async runOnce(): Promise<EscalationReport | undefined> {
    if (this.running) return undefined;
    this.running = this.job.run({ now: this.clock.now() }).then(
      (report) => {
        if (report.escalated.length > 0 || report.failed.length > 0) {
          this.logger.info(
            { escalated: report.escalated.length, alreadyDone: report.alreadyDone, failed: report.failed.length, checked: report.checked },
            'escalation run finished',
          );
        }
        return report;
      },
      (error: unknown) => {
        this.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'escalation run failed');
        return undefined;
      },
    );
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Waits for a run in progress, so shutdown does not close the pool under it. */
  async stop(): Promise<void> {
    await this.running;
  }
}

const ESCALATION_SCHEDULE = 'escalation';
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
      inject: [EscalationJob, CLOCK, APP_LOGGER],
      useFactory: (job: EscalationJob, clock: Clock, logger: Logger) => new EscalationScheduler(job, clock, logger.child({ component: 'escalation' })),
    },
  ],
  exports: [EscalationJob, EscalationScheduler],
})
export class EscalationModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EscalationScheduler) private readonly scheduler: EscalationScheduler,
    @Inject(ESCALATION_INTERVAL) private readonly intervalMinutes: number,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMinutes <= 0) return;
    // The first run one interval after start, as retention's: a restart loop cannot hammer the
    // database, and the read models have caught up by then.
    const every = setInterval(() => void this.scheduler.runOnce(), this.intervalMinutes * 60_000);
    every.unref();
    this.registry.addInterval(ESCALATION_SCHEDULE, every);
  }

  /** The schedule module clears the timers before shutdown; a run in progress is waited for. */
  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
