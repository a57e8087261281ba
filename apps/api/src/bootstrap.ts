import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger } from '@samvirke/platform';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';
import type { ApiRuntime } from './infrastructure.module';

/** Builds the HTTP application (used by main.ts and by the e2e tests, which listen on port 0). */
export async function createApiApp(runtime: ApiRuntime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    logger: new PinoNestLogger(runtime.logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: '256kb' });
  app.disable('x-powered-by');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  return app;
}
