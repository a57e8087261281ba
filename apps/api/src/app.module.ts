import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController, MetricsController } from '@samvirke/platform';
import { AccessModule } from '@samvirke/access';
import { CommandApiModule } from '@samvirke/command-api';
import { ReferenceDataController } from '@samvirke/field-rules';
import { InfrastructureModule, type ApiRuntime } from './infrastructure.module';
import { READ_MODEL_CONTROLLERS } from '@samvirke/read-models';
import { AuditModule } from '@samvirke/audit';
import { NotificationsModule } from '@samvirke/notifications';
import { PrivacyHttpModule } from '@samvirke/privacy/http/privacy-http.module';
import { loadAuditConfig } from '@samvirke/access/read-audit/audit-config';
import { SSP_PLUS_AGE_BANDS } from '@samvirke/projections/case-summary';
import { EscalationModule } from '@samvirke/projections/escalation';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { JsonBodyGuard } from './http/json-body.guard';
import { RequestContextMiddleware } from './http/request-context.middleware';

/** Wiring only: which modules make up the API. */
@Module({})
export class AppModule implements NestModule {
  static register(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.register(runtime),
        CqrsModule.forRoot(),
        AccessModule.register(runtime.authConfig),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-user', ttl: 60_000, limit: runtime.config.rateLimitPerMinute }],
          // Per caller: the bearer token identifies the user before the auth guard has run; callers
          // without one are counted by address. Health and metrics are never limited.
          getTracker: (request: Record<string, unknown>) => {
            const authorization = (request as unknown as Request).header?.('authorization');
            return authorization ? createHash('sha256').update(authorization).digest('hex') : String((request as unknown as Request).ip);
          },
          skipIf: (context) => /^\/(health|metrics)/.test(context.switchToHttp().getRequest<Request>().path),
        }),
        AuditModule.register(runtime.auditConfig ?? loadAuditConfig(process.env)),
        CommandApiModule,
        PrivacyHttpModule,
        EscalationModule,
        NotificationsModule.register({ connectionString: runtime.connectionString, config: runtime.notificationConfig }),
      ],
      controllers: [HealthController, MetricsController, ReferenceDataController, ...READ_MODEL_CONTROLLERS],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: SSP_PLUS_AGE_BANDS, useValue: runtime.config.sspPlusAgeBands },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
