import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from '@samvirke/platform';
import { AccessModule } from '@samvirke/access';
import { CaseHttpModule } from '@samvirke/case/http/case-http.module';
import { ReferenceDataController } from '@samvirke/reference-data/http/reference-data.controller';
import { InfrastructureModule, type ApiRuntime } from './infrastructure.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';

/** Wiring only: which modules make up the API. */
@Module({})
export class AppModule implements NestModule {
  static register(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.register(runtime), CqrsModule.forRoot(), AccessModule.register(runtime.authConfig), CaseHttpModule],
      controllers: [HealthController, ReferenceDataController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
