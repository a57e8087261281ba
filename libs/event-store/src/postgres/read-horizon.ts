import type { Pool } from 'pg';

/**
 * The global log's read horizon: readers see only transactions below the snapshot's xmin (see
 * schema.ts), so the oldest transaction anywhere in the cluster that holds a transaction id holds
 * every subscriber back, however unrelated it is. This names it, so an operator can see why the
 * projections stand still: its backend's pid, application name and how long it has been open.
 */
export interface ReadHorizonHolder {
  pid: number;
  applicationName: string;
  /** Seconds since the holding transaction began. */
  ageSeconds: number;
}

export interface ReadHorizonLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface ReadHorizonMonitorOptions {
  /** A holder older than this is logged (default 5 s). */
  warnAfterSeconds?: number;
  /** How often `start` checks (default 5 s). */
  intervalMs?: number;
  /** Each check's result, for a gauge. */
  onCheck?: (holder: ReadHorizonHolder | undefined) => void;
}

export class ReadHorizonMonitor {
  private timer: NodeJS.Timeout | undefined;
  private readonly warnAfterSeconds: number;
  private lastWarnedPid: number | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: ReadHorizonLogger,
    private readonly options: ReadHorizonMonitorOptions = {},
  ) {
    this.warnAfterSeconds = options.warnAfterSeconds ?? 5;
  }

  /** The oldest open transaction of the cluster that holds a transaction id, other than this check's own. */
  async holder(): Promise<ReadHorizonHolder | undefined> {
    const { rows } = await this.pool.query<{ pid: number; application_name: string; age_seconds: number }>(
      `SELECT pid, application_name, extract(epoch FROM clock_timestamp() - xact_start)::float8 AS age_seconds
         FROM pg_stat_activity
        WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
        ORDER BY age(backend_xid) DESC
        LIMIT 1`,
    );
    const row = rows[0];
    return row ? { pid: row.pid, applicationName: row.application_name, ageSeconds: row.age_seconds } : undefined;
  }

  /** Checks once: logs a holder past the threshold (once per holder), and reports to `onCheck`. */
  async check(): Promise<ReadHorizonHolder | undefined> {
    const holder = await this.holder();
    this.options.onCheck?.(holder);
    if (holder && holder.ageSeconds >= this.warnAfterSeconds) {
      if (this.lastWarnedPid !== holder.pid) {
        this.lastWarnedPid = holder.pid;
        this.logger.warn(
          { pid: holder.pid, applicationName: holder.applicationName, ageSeconds: Math.round(holder.ageSeconds) },
          'an open transaction holds the event log back: subscribers see no event appended after it began until it ends (see idle_in_transaction_session_timeout in the README)',
        );
      }
    } else {
      this.lastWarnedPid = undefined;
    }
    return holder;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check().catch(() => undefined), this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
