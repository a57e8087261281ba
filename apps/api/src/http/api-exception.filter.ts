import { ArgumentsHost, BadRequestException, Catch, HttpException, HttpStatus, Inject, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { Logger } from 'pino';
import {
  EventStoreUnavailableError,
  IdempotencyConflictError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '@samvirke/event-store';
import { CASE_RULE_MESSAGES, CaseRuleViolation } from '@samvirke/case';
import { APP_LOGGER } from '@samvirke/platform';
import { isConnectionFailure as isDatabaseUnavailable } from '@samvirke/event-store/postgres';
import { CaseBusyError, CaseNotVisibleError, CaseWriteForbiddenError } from '@samvirke/commands';
import { withoutRequestInput } from './request-input';

/**
 * One place that turns errors into HTTP answers. Clients get a stable shape
 * `{ statusCode, error, message, ...details }`; details carry codes, field names, ids and revisions,
 * never personal data or a stack trace. Anything unexpected is a 500 with the request id to quote.
 *
 * Nothing the client sent comes back: Nest's own answers that quote the request (the unknown route's
 * "Cannot GET /path?query") get fixed words, and as a last line every string of the body that
 * contains a value of the request (path parameter, query, header, body) is replaced before it
 * leaves (see request-input.ts), so a handler that interpolates its input cannot leak it.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(APP_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    const send = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      if (response.headersSent) return;
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      // A route that answers CSV, SVG or an attachment set its own type before it failed: an error
      // is always the JSON below, shown inline, never a download.
      response.removeHeader('Content-Disposition');
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.status(status).json(withoutRequestInput(inProjectShape(status, body), request));
    };

    if (exception instanceof CaseRuleViolation) {
      // The rule's own words only: the violation's detail may quote a value the client sent.
      return send(HttpStatus.UNPROCESSABLE_ENTITY, { error: 'Unprocessable Entity', reason: exception.reason, message: CASE_RULE_MESSAGES[exception.reason] });
    }
    if (exception instanceof CaseNotVisibleError) {
      // Word for word the answer for a case that does not exist: a write cannot probe for cases.
      return send(HttpStatus.NOT_FOUND, { error: 'Not Found', message: 'no case with this id' });
    }
    if (exception instanceof CaseBusyError) {
      return send(HttpStatus.SERVICE_UNAVAILABLE, { error: 'Service Unavailable', reason: 'CASE_BUSY', message: exception.message }, { 'Retry-After': '1' });
    }
    if (exception instanceof CaseWriteForbiddenError) {
      return send(HttpStatus.FORBIDDEN, { error: 'Forbidden', message: 'your role does not allow this' });
    }
    if (exception instanceof WrongExpectedRevisionError) {
      const current = exception.actual ?? null;
      return send(
        HttpStatus.CONFLICT,
        { error: 'Conflict', reason: 'REVISION_CONFLICT', message: 'the case has changed since you read it; reload and retry', currentRevision: current },
        current === null ? {} : { ETag: `"${current}"` },
      );
    }
    if (exception instanceof IdempotencyKeyReusedError || exception instanceof IdempotencyConflictError) {
      return send(HttpStatus.UNPROCESSABLE_ENTITY, { error: 'Unprocessable Entity', reason: 'IDEMPOTENCY_KEY_REUSED', message: new IdempotencyKeyReusedError().message });
    }
    if (exception instanceof InvalidAppendError) {
      return send(HttpStatus.BAD_REQUEST, { error: 'Bad Request', message: exception.message });
    }
    if (exception instanceof EventStoreUnavailableError || isDatabaseUnavailable(exception)) {
      this.logger.warn({ requestId: request.id }, 'database unavailable while serving a request');
      return send(HttpStatus.SERVICE_UNAVAILABLE, { error: 'Service Unavailable', message: 'the database is unavailable; retry shortly' }, { 'Retry-After': '2' });
    }
    // The body parser's and router's own messages quote the input ("Unexpected token ... is not valid
    // JSON", "Failed to decode param '%ZZ'"): answer with fixed words instead, never the client's bytes.
    const cause = exception instanceof HttpException ? exception.cause : exception;
    if (cause instanceof SyntaxError) return send(HttpStatus.BAD_REQUEST, { error: 'Bad Request', message: 'the request body is not valid JSON' });
    if (cause instanceof URIError) return send(HttpStatus.BAD_REQUEST, { error: 'Bad Request', message: 'the request path is not valid' });
    // No route matched: Nest's answer quotes the method, path and query ("Cannot GET /x?y").
    if (exception instanceof NotFoundException && request.route === undefined) {
      return send(HttpStatus.NOT_FOUND, { error: 'Not Found', message: 'there is no such resource; see GET /docs for the API' });
    }
    if (exception instanceof BadRequestException && isParseUuidFailure(exception)) {
      return send(HttpStatus.BAD_REQUEST, { error: 'Bad Request', message: 'the request has invalid fields', violations: uuidViolations(request) });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const headers = (exception as HttpException & { headers?: Record<string, string> }).headers ?? {};
      return send(status, typeof body === 'string' ? { error: statusText(status), message: body } : (body as Record<string, unknown>), headers);
    }
    // Body parser failures (malformed JSON, too large) arrive as errors with a status, not HttpExceptions.
    const status = (exception as { status?: unknown; statusCode?: unknown })?.status ?? (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? 'the request body is too large' : 'the request body is not valid JSON, or nests deeper than 32 levels';
      return send(status, { error: status === 413 ? 'Payload Too Large' : 'Bad Request', message });
    }
    this.logger.error(
      { requestId: request.id, errorName: exception instanceof Error ? exception.name : typeof exception, stack: exception instanceof Error ? exception.stack : undefined },
      'unhandled error',
    );
    return send(HttpStatus.INTERNAL_SERVER_ERROR, { error: 'Internal Server Error', message: 'something went wrong on our side', requestId: request.id });
  }
}

/** The fixed text each status falls back to when an error carries no message of its own. */
function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * `{ statusCode, error, message, ...details }` whatever the thrower gave: Nest's defaults and a few
 * handlers leave out `error`, or give `message` as a list.
 */
function inProjectShape(status: number, body: Record<string, unknown>): Record<string, unknown> {
  const { statusCode: _statusCode, error, message, ...details } = body;
  return {
    statusCode: status,
    error: typeof error === 'string' && error !== '' ? error : statusText(status),
    message: typeof message === 'string' && message !== '' ? message : statusText(status).toLowerCase(),
    ...details,
  };
}

/** Nest's ParseUUIDPipe, which names neither the parameter nor the rule. */
function isParseUuidFailure(exception: BadRequestException): boolean {
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  return typeof message === 'string' && /^Validation failed \(uuid (v\d+ )?is expected\)$/.test(message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id parameters of the matched route that are not UUIDs: names from the route, never values. */
function uuidViolations(request: Request): Array<{ field: string; rule: string; message: string }> {
  const names = Object.entries(request.params ?? {})
    .filter(([name, value]) => /Id$/.test(name) && !(typeof value === 'string' && UUID.test(value)))
    .map(([name]) => name);
  return (names.length > 0 ? names : ['id']).map((field) => ({ field, rule: 'isUuid', message: `${field} must be a UUID` }));
}
