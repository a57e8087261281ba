import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createNestLogger } from '@samvirke/platform';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';
import { noStore } from './http/no-store';
import { buildOpenApiDocument } from './openapi';
import type { ApiRuntime } from './infrastructure.module';

/** Builds the HTTP application (used by main.ts and by the e2e tests, which listen on port 0). */
export async function createApiApp(runtime: ApiRuntime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    logger: createNestLogger(runtime.logger),
    bodyParser: false,
    abortOnError: false,
  });
  // First, so that no answer (a body parser refusal included) leaves without it.
  app.use(noStore);
  // Passed as a variable: Nest's option type omits body-parser's `verify`, which express accepts.
  const jsonOptions = { limit: '256kb', verify: refuseDeepNesting };
  app.useBodyParser('json', jsonOptions);
  app.disable('x-powered-by');
  // Express's ETag is a weak hash of each reader's body: no use under no-store, and not what If-Match
  // takes. The case read sets its own strong ETag, the case's revision.
  app.set('etag', false);
  // Swagger UI needs inline scripts and styles; everything else is JSON, where CSP costs nothing.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] } } }));
  if (runtime.config.corsOrigins.length > 0) {
    app.enableCors({ origin: runtime.config.corsOrigins, credentials: false, exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'] });
  }
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // It describes the API, never data, so it is public.
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** No request body of ours nests deeper than a few levels; thousands of levels only exhaust the stack. */
const MAX_JSON_DEPTH = 32;

function refuseDeepNesting(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error('request body nested too deeply'), { status: 400, statusCode: 400, type: 'entity.too.deep' });
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}
