import { Module, type DynamicModule, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER, CLOCK, DATABASE_POOL, type Clock } from '@samvirke/platform';
import { NOTIFICATION_CONFIG } from './notification-tokens';
import { loadNotificationConfig, type NotificationConfig } from './notification-config';
import { NotificationRuntime } from './notification-runtime';
import { NotificationSignal } from './delivery/notification-signal';
import { OutboxDelivery } from './delivery/outbox-delivery';
import { DevMailController } from './delivery/dev-mail.controller';
import { Inbox } from './inbox/inbox';
import { NotificationsController } from './inbox/notifications.controller';
import { WebhookSubscriptionsController } from './webhooks/webhook-subscriptions.controller';

/**
 * The inbox, the live stream, mail settings, webhook administration and the development mail box
 * over HTTP, and this process's outbox delivery. Needs the global DATABASE_POOL, CLOCK, APP_LOGGER
 * and CaseGate (the API's InfrastructureModule). The notification projection itself runs with the
 * other projections (createNotificationProjection, in the read-model catalogue).
 */
@Module({})
export class NotificationsModule implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  constructor(private readonly runtime: NotificationRuntime) {}

  static register(options: { connectionString: string; config?: NotificationConfig }): DynamicModule {
    const config = options.config ?? loadNotificationConfig();
    return {
      module: NotificationsModule,
      controllers: [NotificationsController, WebhookSubscriptionsController, DevMailController],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        {
          provide: NotificationRuntime,
          inject: [DATABASE_POOL, APP_LOGGER, CLOCK],
          useFactory: (pool: Pool, logger: Logger, clock: Clock) =>
            new NotificationRuntime(pool, config, { connectionString: options.connectionString, logger: logger.child({ component: 'notifications' }), clock }),
        },
        { provide: NotificationSignal, inject: [NotificationRuntime], useFactory: (runtime: NotificationRuntime) => runtime.signal },
        { provide: OutboxDelivery, inject: [NotificationRuntime], useFactory: (runtime: NotificationRuntime) => runtime.delivery },
        { provide: Inbox, inject: [DATABASE_POOL], useFactory: (pool: Pool) => new Inbox(pool) },
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.runtime.start();
  }

  /** Before the HTTP server closes: live streams would otherwise hold it open. */
  onModuleDestroy(): void {
    this.runtime.signal.endStreams();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
