import fastifyCors from '@fastify/cors';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { APP_LOGGER, APP_METRICS, createNestLogger, type AppMetrics } from '@samvirke/platform';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';
import { AnswerLog, createHttpAdapter, fixedHeaders, helmetHeaders, registerBodyParsers, registerRequestContext } from './http/http-platform';
import { buildOpenApiDocument } from './openapi';
import type { ApiRuntime } from './infrastructure.module';

/** Builds the HTTP application (used by main.ts and by the e2e tests, which listen on port 0). */
export async function createApiApp(runtime: ApiRuntime): Promise<NestFastifyApplication> {
  // Swagger UI needs inline scripts and styles; everything else is JSON, where CSP costs nothing.
  const fixed = fixedHeaders(
    helmetHeaders({
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  const answers = new AnswerLog();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime), createHttpAdapter(fixed, answers), {
    logger: createNestLogger(runtime.logger),
    bodyParser: false,
    abortOnError: false,
  });
  const instance = app.getHttpAdapter().getInstance();
  // First, so that no answer (a body refused before any route runs included) leaves without them, no-store and its id.
  registerRequestContext(instance, fixed, answers.bind(app.get<Logger>(APP_LOGGER), app.get<AppMetrics>(APP_METRICS)));
  registerBodyParsers(instance);
  if (runtime.config.corsOrigins.length > 0) {
    // Registered here rather than by app.enableCors, whose hook runs before every other: a preflight is
    // answered in this hook, after the request context's, so it carries no-store, helmet's headers and
    // its id like any answer. Not strict: an OPTIONS without the preflight headers gets 204 too (and no
    // permission), where the strict plugin would answer a bare text 400.
    await instance.register(fastifyCors, {
      origin: runtime.config.corsOrigins,
      credentials: false,
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'],
      strictPreflight: false,
    });
  }
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // It describes the API, never data, so it is public.
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
