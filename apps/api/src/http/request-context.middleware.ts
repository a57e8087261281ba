import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { APP_LOGGER, APP_METRICS, type AppMetrics } from '@samvirke/platform';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives every request an id (returned as X-Request-Id) and a correlation id (taken from
 * X-Correlation-Id when the caller sends a well-formed one, so a chain of calls shares it; it goes
 * into the logs and the events' metadata, and is not sent back: the caller has it, and no answer
 * repeats what the client sent), and logs
 * one line per request: method, route pattern, status, duration, ids. Never the query string, the
 * body or the headers, which may carry personal data.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(APP_METRICS) private readonly metrics: AppMetrics,
  ) {}

  use(request: Request & { id?: string; correlationId?: string }, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    request.id = randomUUID();
    const offered = request.header('x-correlation-id');
    request.correlationId = offered && CORRELATION_ID.test(offered) ? offered : request.id;
    response.setHeader('X-Request-Id', request.id);
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpRequestDuration.observe(
        { method: request.method, route: route ? `${request.baseUrl}${route}` : 'unmatched', status: String(response.statusCode) },
        durationSeconds,
      );
      this.logger.info(
        {
          requestId: request.id,
          correlationId: request.correlationId,
          method: request.method,
          route: route ? `${request.baseUrl}${route}` : 'unmatched',
          status: response.statusCode,
          durationMs: durationSeconds * 1000,
          user: (request as Request & { user?: { userId?: string } }).user?.userId,
        },
        'request',
      );
    });
    next();
  }
}
