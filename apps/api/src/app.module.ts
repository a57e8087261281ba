import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from '@samvirke/platform';
import { InfrastructureModule, type ApiRuntime } from './infrastructure.module';

/** Wiring only: which modules make up the API. */
@Module({})
export class AppModule {
  static register(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.register(runtime), CqrsModule.forRoot()],
      controllers: [HealthController],
    };
  }
}
