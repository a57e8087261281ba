import type { Pool } from 'pg';
import { AuditLog } from '@samvirke/access/read-audit/audit-log';
import { loadAuditConfig } from '@samvirke/access/read-audit/audit-config';
import { loadReferenceData, type ReferenceData } from '@samvirke/reference-data';
import type { NotificationConfig } from './notification-config';
import { CatchAllMailer, SmtpMailer, type Mailer } from './delivery/mailer';
import { NotificationSignal } from './delivery/notification-signal';
import { OutboxDelivery } from './delivery/outbox-delivery';

export interface NotificationLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * The notification machinery of one process (the API or apps/worker): the LISTEN signal, the
 * mailer and the outbox loop. `start` listens and delivers (when delivery is enabled); `stop` waits
 * for the round in flight.
 */
export class NotificationRuntime {
  readonly signal: NotificationSignal;
  readonly mailer: Mailer;
  readonly delivery: OutboxDelivery;
  private readonly audit: AuditLog;

  constructor(
    private readonly pool: Pool,
    readonly config: NotificationConfig,
    options: { connectionString: string; logger: NotificationLogger; clock: { now(): Date }; referenceData?: ReferenceData },
  ) {
    const referenceData = options.referenceData ?? loadReferenceData();
    this.signal = new NotificationSignal(options.connectionString, options.logger);
    this.mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom, config.webhookTimeoutMs) : new CatchAllMailer(pool);
    this.audit = new AuditLog(pool, loadAuditConfig());
    this.delivery = new OutboxDelivery(pool, config, { mailer: this.mailer, audit: this.audit, referenceData, clock: options.clock, logger: options.logger });
  }

  /** The tables are the migrations' (run at API and worker start, before this). */
  async start(): Promise<void> {
    await this.signal.start();
    if (this.config.deliveryEnabled) {
      this.signal.onSignal(() => this.delivery.wake());
      this.delivery.start();
    }
  }

  async stop(): Promise<void> {
    await this.delivery.stop();
    await this.signal.stop();
    this.mailer.close();
  }
}
