import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ScheduleModule } from '@nestjs/schedule';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { CqrsModule } from '@nestjs/cqrs';
import { MetricsController } from '@samvirke/platform';
import { AppConfigModule } from '@samvirke/platform/config/app-config.module';
import { HealthModule } from '@samvirke/platform/health/health.controller';
import { AccessModule } from '@samvirke/access';
import { CommandApiModule } from '@samvirke/command-api';
import { ReferenceDataController } from '@samvirke/field-rules';
import { InfrastructureModule, type ApiRuntime } from './infrastructure.module';
import { READ_MODEL_CONTROLLERS } from '@samvirke/read-models';
import { AuditModule } from '@samvirke/audit';
import { DeadlineNotificationModule, NotificationsModule } from '@samvirke/notifications';
import { PrivacyHttpModule } from '@samvirke/privacy/http/privacy-http.module';
import { loadAuditConfig } from '@samvirke/access/read-audit/audit-config';
import { SSP_PLUS_AGE_BANDS } from '@samvirke/projections/case-summary';
import { EscalationModule } from '@samvirke/projections/escalation';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { JsonBodyGuard } from './http/json-body.guard';
import { SlidingWindowRateLimitStorage } from './http/rate-limit-storage';
import { ConsoleModule } from './console/console.module';

/** Wiring only: which modules make up the API. */
@Module({})
export class AppModule {
  static register(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The settings main.ts (or the test) validated, through @nestjs/config: ConfigService.get('app'), APP_CONFIG.
        AppConfigModule.forRoot({ config: runtime.config }),
        InfrastructureModule.register(runtime),
        CqrsModule.forRoot(),
        // @nestjs/schedule: the retention job's interval (PrivacyHttpModule) is registered with it.
        ScheduleModule.forRoot(),
        AccessModule.register(runtime.authConfig),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-user', ttl: 60_000, limit: runtime.config.rateLimitPerMinute }],
          // Per caller: the bearer token identifies the user before the auth guard has run; callers
          // without one are counted by address. Health and metrics are never limited.
          getTracker: (request: Record<string, unknown>) => {
            // The console's users by their session cookie (Cookie header), as machine clients by their token.
            const headers = (request as unknown as FastifyRequest).headers;
            const authorization = headers.authorization ?? headers.cookie;
            return authorization ? createHash('sha256').update(authorization).digest('hex') : String((request as unknown as FastifyRequest).ip);
          },
          // Per route and caller as the library's default key, without hashing the (already hashed) tracker again.
          generateKey: (context, tracker) => `${context.getClass().name}-${context.getHandler().name}-${tracker}`,
          // Constant time per request whatever the limit (the library's storage filters a list of every hit).
          storage: new SlidingWindowRateLimitStorage(),
          skipIf: (context) => /^\/(health|metrics)/.test(context.switchToHttp().getRequest<FastifyRequest>().url),
        }),
        AuditModule.register(runtime.auditConfig ?? loadAuditConfig(process.env)),
        CommandApiModule,
        PrivacyHttpModule,
        EscalationModule,
        // Deadlines coming up or passed become notifications (its interval is registered with the ScheduleModule above).
        DeadlineNotificationModule,
        // /health, /health/live, /health/ready through @nestjs/terminus, over the checks in HealthRegistry.
        HealthModule,
        ConsoleModule,
        NotificationsModule.register({ connectionString: runtime.connectionString, config: runtime.notificationConfig }),
      ],
      controllers: [MetricsController, ReferenceDataController, ...READ_MODEL_CONTROLLERS],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: SSP_PLUS_AGE_BANDS, useValue: runtime.config.sspPlusAgeBands },
      ],
    };
  }
}
