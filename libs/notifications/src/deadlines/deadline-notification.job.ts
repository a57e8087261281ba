import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { copenhagenDate } from '@samvirke/case';
import { APP_LOGGER, APP_METRICS, CLOCK, ConfigError, DATABASE_POOL, ScheduledJob, type AppMetrics, type Clock } from '@samvirke/platform';
import { READ_MODEL_SCHEMA } from '@samvirke/projections';
import { timelineTables } from '@samvirke/projections/timeline';
import { loadReferenceData, type EscalationRules } from '@samvirke/reference-data';
import { NOTIFICATION_INSERT_LOCK_SQL, storeNotificationsStatement } from '../projection/notification.projection';
import { deadlineNotifications, deadlineWindow, type OpenDeadline } from './deadline-notifications';
import type { NotificationCaseFacts } from '../projection/notification-rules';

export const DEADLINE_INTERVAL_VARIABLE = 'DEADLINE_NOTIFICATION_INTERVAL_MINUTES';

/** DEADLINE_NOTIFICATION_INTERVAL_MINUTES: how often deadlines are looked at (60 by default); 0 turns the schedule off. */
export function loadDeadlineIntervalMinutes(env: Record<string, string | undefined>): number {
  const raw = env[DEADLINE_INTERVAL_VARIABLE]?.trim();
  if (!raw) return 60;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 1440) {
    throw new ConfigError(DEADLINE_INTERVAL_VARIABLE, 'must be a whole number of minutes from 0 (off) to 1440');
  }
  return Number(raw);
}

export interface DeadlineReport {
  today: string;
  /** Open deadlines in the window looked at. */
  checked: number;
  /** Notifications stored by this run (a rerun stores none again). */
  stored: number;
}

interface DeadlineRow {
  case_id: string;
  item_id: string;
  due_on: string;
  owner_agency: string;
  agencies: string[];
  coordinator_id: string | null;
  coordinator_agency: string | null;
  entry_points: Record<string, string>;
}

const TIMELINE = timelineTables();
const T = (table: string) => `${READ_MODEL_SCHEMA}.${table}`;

/**
 * Deadlines are not events: "a deadline coming up or passed" is a fact of the date. This job reads
 * the timeline read model's open road-map items and actions with a responsible agency (requests and
 * shared information are chased by the escalation rules instead), on open cases, whose deadline is
 * within reference data's `deadlines.dueSoonWorkingDays` working days or has passed (at most
 * `chaseForDays` ago), and stores a notification per recipient (the responsible agency's entry
 * point and the coordinator, as the access policy allows, read from the notification projection's
 * own case facts) with an id from item, kind, due date and recipient: ON CONFLICT DO NOTHING, so
 * reruns, restarts and parallel instances store each once. They then go through the same outbox as
 * every notification (inbox, SSE, mail, webhooks), and the audit log records each delivery.
 */
export class DeadlineNotificationJob {
  constructor(private readonly deps: { pool: Pool; rules: EscalationRules }) {}

  async run(options: { now: Date }): Promise<DeadlineReport> {
    const { rules } = this.deps;
    const today = copenhagenDate(options.now);
    const window = { today, calendar: rules.calendar, dueSoonWorkingDays: rules.deadlines.dueSoonWorkingDays, chaseForDays: rules.chaseForDays };
    const { since, until } = deadlineWindow(window);
    const found = await this.deps.pool.query<DeadlineRow>(
      `SELECT i.case_id, i.item_id, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.owner_agency,
         n.agencies, n.coordinator_id, n.coordinator_agency, n.entry_points
       FROM ${T(TIMELINE.item)} i
       JOIN ${T(TIMELINE.caseRow)} c ON c.case_id = i.case_id
       JOIN ${T('notification_case')} n ON n.case_id = i.case_id
       WHERE i.kind IN ('road-map', 'action') AND i.done_on IS NULL AND i.resolution IS NULL
         AND i.owner_agency IS NOT NULL AND i.entry_author_agency IS NULL AND c.status = 'open'
         AND i.due_on >= $1::date AND i.due_on <= $2::date
       ORDER BY i.due_on, i.case_id, i.item_id`,
      [since, until],
    );
    const deadlines = found.rows.map((row): OpenDeadline & { facts: NotificationCaseFacts } => ({
      caseId: row.case_id,
      itemId: row.item_id,
      dueOn: row.due_on,
      ownerAgency: row.owner_agency,
      facts: { agencies: row.agencies, coordinatorId: row.coordinator_id, coordinatorAgency: row.coordinator_agency, entryPoints: row.entry_points },
    }));
    const rows = deadlineNotifications(deadlines, window, options.now);
    let stored = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const client = await this.deps.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(NOTIFICATION_INSERT_LOCK_SQL);
        const [sql, params] = storeNotificationsStatement(rows.slice(start, start + 500));
        const result = await client.query<{ inserted: number }>(sql, params);
        stored += result.rows[0]?.inserted ?? 0;
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
    return { today, checked: deadlines.length, stored };
  }
}

const DEADLINE_SCHEDULE = 'deadline-notifications';

/** Runs the job on its schedule through the shared scheduled-job wrapper (libs/platform ScheduledJob). The log says counts only. */
export class DeadlineNotificationScheduler extends ScheduledJob<DeadlineReport> {
  constructor(
    job: DeadlineNotificationJob,
    clock: Clock,
    logger: Pick<Logger, 'info' | 'warn'>,
    schedule: { intervalMinutes: number; registry: SchedulerRegistry; metrics?: AppMetrics },
  ) {
    super({
      name: DEADLINE_SCHEDULE,
      run: (now) => job.run({ now }),
      clock,
      logger,
      intervalMs: schedule.intervalMinutes * 60_000,
      registry: schedule.registry,
      metrics: schedule.metrics,
      summary: (report) =>
        report.stored > 0 ? { fields: { stored: report.stored, checked: report.checked }, message: 'deadline notifications stored' } : undefined,
      failureMessage: 'deadline notification run failed',
    });
  }
}

const DEADLINE_INTERVAL = Symbol('DEADLINE_INTERVAL');

/**
 * The deadline job and its interval, registered with the app's one ScheduleModule.forRoot()
 * (imported in apps/api AppModule, never here). Needs the global DATABASE_POOL, CLOCK and
 * APP_LOGGER, and the timeline and notification projections running.
 */
@Module({
  providers: [
    { provide: DEADLINE_INTERVAL, useFactory: () => loadDeadlineIntervalMinutes(process.env) },
    {
      provide: DeadlineNotificationJob,
      inject: [DATABASE_POOL],
      useFactory: (pool: Pool) => new DeadlineNotificationJob({ pool, rules: loadReferenceData().escalationRules }),
    },
    {
      provide: DeadlineNotificationScheduler,
      inject: [DeadlineNotificationJob, CLOCK, APP_LOGGER, DEADLINE_INTERVAL, SchedulerRegistry, { token: APP_METRICS, optional: true }],
      useFactory: (job: DeadlineNotificationJob, clock: Clock, logger: Logger, intervalMinutes: number, registry: SchedulerRegistry, metrics?: AppMetrics) =>
        new DeadlineNotificationScheduler(job, clock, logger.child({ component: 'deadline-notifications' }), { intervalMinutes, registry, metrics }),
    },
  ],
  exports: [DeadlineNotificationJob, DeadlineNotificationScheduler],
})
export class DeadlineNotificationModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(DeadlineNotificationScheduler) private readonly scheduler: DeadlineNotificationScheduler) {}

  // The first run one interval after start, as the escalation job's.
  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
