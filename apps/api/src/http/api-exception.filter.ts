import { ArgumentsHost, BadRequestException, Catch, HttpException, HttpStatus, Inject, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { ThrottlerException } from '@nestjs/throttler';
import { withoutRequestInput } from './request-input';

/**
 * One place that turns errors into HTTP answers, in one shape: RFC 9457 problem details
 * (`application/problem+json`): `type` (a stable URI per reason), `title` (the status's words),
 * `status`, `detail` (fixed words a person can act on), and as extension members the project's
 * stable `reason` code (every error has one: a case rule's code, or one per kind of refusal such as
 * VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED), `violations` (field, rule,
 * message) on every 400, `currentRevision` on a failed If-Match (412), `requestId` on a 500. Details carry
 * codes, field names, ids and revisions, never personal data or a stack trace.
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
    const response = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    const send = (status: number, body: Thrown, headers: Record<string, string> = {}) => {
      if (response.sent || response.raw.headersSent) return;
      for (const [name, value] of Object.entries(headers)) response.header(name, value);
      // A route that answers CSV, SVG or an attachment set its own type before it failed: an error
      // is always the problem document below, shown inline, never a download.
      response.removeHeader('Content-Disposition');
      // A strong ETag set by a read that then failed describes no representation of this answer.
      if (!('ETag' in headers)) response.removeHeader('ETag');
      response.header('Content-Type', PROBLEM_JSON);
      void response.status(status).send(JSON.stringify(withoutRequestInput(problemOf(status, body), request)));
    };

    if (exception instanceof CaseRuleViolation) {
      // The rule's own words only: the violation's detail may quote a value the client sent.
      return send(HttpStatus.UNPROCESSABLE_ENTITY, { reason: exception.reason, message: CASE_RULE_MESSAGES[exception.reason] });
    }
    if (exception instanceof CaseNotVisibleError) {
      // Word for word the answer for a case that does not exist: a write cannot probe for cases.
      return send(HttpStatus.NOT_FOUND, { message: 'no case with this id' });
    }
    if (exception instanceof CaseBusyError) {
      // The gate's retries against other writers ran out (no If-Match was sent): no revision, only the advice to retry.
      return send(HttpStatus.SERVICE_UNAVAILABLE, { reason: 'CASE_BUSY', message: exception.message }, { 'Retry-After': '1' });
    }
    if (exception instanceof CaseWriteForbiddenError) {
      return send(HttpStatus.FORBIDDEN, { message: 'your role does not allow this' });
    }
    if (exception instanceof WrongExpectedRevisionError) {
      // Without an If-Match the gate answers CaseBusyError instead; should one still arrive here, the
      // client asked for no revision, so it gets none, only the advice to retry.
      if (request.headers?.['if-match'] === undefined) {
        return send(
          HttpStatus.SERVICE_UNAVAILABLE,
          { reason: 'CASE_BUSY', message: 'the case is busy with other writes; retry shortly' },
          { 'Retry-After': '1' },
        );
      }
      // With one, this is the client's precondition failing: 412, with the revision to read again from.
      const current = exception.actual ?? null;
      return send(
        HttpStatus.PRECONDITION_FAILED,
        { reason: 'REVISION_CONFLICT', message: 'the case has changed since you read it (If-Match); reload and retry', currentRevision: current },
        current === null ? {} : { ETag: `"${current}"` },
      );
    }
    if (exception instanceof IdempotencyKeyReusedError || exception instanceof IdempotencyConflictError) {
      return send(HttpStatus.UNPROCESSABLE_ENTITY, { reason: 'IDEMPOTENCY_KEY_REUSED', message: new IdempotencyKeyReusedError().message });
    }
    if (exception instanceof InvalidAppendError) {
      return send(HttpStatus.BAD_REQUEST, { message: exception.message });
    }
    if (exception instanceof EventStoreUnavailableError || isDatabaseUnavailable(exception)) {
      this.logger.warn({ requestId: request.id }, 'database unavailable while serving a request');
      return send(
        HttpStatus.SERVICE_UNAVAILABLE,
        { reason: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; retry shortly' },
        { 'Retry-After': '2' },
      );
    }
    // The body parser's and router's own messages quote the input ("Unexpected token ... is not valid
    // JSON", "'/cases/%ZZ' is not a valid url component"): answer with fixed words instead, never the client's bytes.
    const cause = exception instanceof HttpException ? exception.cause : exception;
    if (cause instanceof SyntaxError) return send(HttpStatus.BAD_REQUEST, MALFORMED_JSON);
    // The depth check (http-platform.ts) refuses with its own tag.
    if (typeOf(exception) === 'entity.too.deep' || typeOf(cause) === 'entity.too.deep') {
      return send(HttpStatus.BAD_REQUEST, { ...MALFORMED_JSON, message: 'the request body nests deeper than 32 levels' });
    }
    if (cause instanceof URIError) {
      return send(HttpStatus.BAD_REQUEST, {
        reason: 'MALFORMED_PATH',
        message: 'the request path is not valid',
        violations: [{ field: '(path)', rule: 'isUri', message: 'the path must be valid percent-encoded UTF-8' }],
      });
    }
    // No route matched: Nest's answer quotes the method, path and query ("Cannot GET /x?y").
    if (exception instanceof NotFoundException && request.routeOptions?.url === undefined) {
      return send(HttpStatus.NOT_FOUND, { message: 'there is no such resource; see GET /docs for the API' });
    }
    if (exception instanceof BadRequestException && isParseUuidFailure(exception)) {
      return send(HttpStatus.BAD_REQUEST, { message: 'the request has invalid fields', violations: uuidViolations(request) });
    }
    if (exception instanceof ThrottlerException) {
      // The throttler's own words name the class; its Retry-After headers are already on the response.
      return send(HttpStatus.TOO_MANY_REQUESTS, { reason: 'RATE_LIMITED', message: 'too many requests; wait a minute and retry' });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const headers = (exception as HttpException & { headers?: Record<string, string> }).headers ?? {};
      return send(status, typeof body === 'string' ? { message: body } : (body as Thrown), headers);
    }
    // Fastify's body failures (too large, a bad Content-Length) arrive with a status (Nest may wrap them in an HttpException first).
    const status = (exception as { status?: unknown; statusCode?: unknown })?.status ?? (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (status === 413) return send(status, { message: 'the request body is too large' });
      if (status === 415) return send(status, UNSUPPORTED_BODY);
      return send(status, { ...MALFORMED_JSON, message: 'the request body is not valid JSON, or nests deeper than 32 levels' });
    }
    this.logger.error(
      {
        requestId: request.id,
        errorName: exception instanceof Error ? exception.name : typeof exception,
        stack: exception instanceof Error ? exception.stack : undefined,
      },
      'unhandled error',
    );
    return send(HttpStatus.INTERNAL_SERVER_ERROR, {
      message: 'something went wrong on our side; quote the requestId when you report it',
      requestId: request.id,
    });
  }
}

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Where each reason's problem type lives: stable, one per reason, never built from input. */
export const PROBLEM_TYPE_BASE = 'https://samvirke.kk.dk/problems/';

/** What a thrower hands over: the project's own details, or Nest's `{ statusCode, error, message }`. */
type Thrown = Record<string, unknown>;

const MALFORMED_JSON: Thrown = {
  reason: 'MALFORMED_JSON',
  message: 'the request body is not valid JSON',
  violations: [{ field: '(body)', rule: 'isJson', message: 'the body must be one JSON document (Content-Type: application/json)' }],
};

export const UNSUPPORTED_BODY: Thrown = {
  reason: 'UNSUPPORTED_MEDIA_TYPE',
  message: 'the request body must be JSON, sent with Content-Type: application/json (GET /docs says where another type is accepted)',
};

/** The reason of an error whose thrower named none: one per status, so every answer has a code. */
const REASON_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  503: 'SERVICE_UNAVAILABLE',
};

const REASON_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The problem document for whatever the thrower gave. Nest's defaults and a few handlers leave out
 * the message or give it as a list; their `statusCode` and `error` are the status again and go.
 */
export function problemOf(status: number, thrown: Thrown): Record<string, unknown> {
  const { statusCode: _statusCode, error: _error, message, reason: givenReason, violations: givenViolations, ...extensions } = thrown;
  const title = statusText(status);
  const detail = typeof message === 'string' && message !== '' ? message : title.toLowerCase();
  const violations = Array.isArray(givenViolations) ? givenViolations : undefined;
  const reason =
    typeof givenReason === 'string' && REASON_CODE.test(givenReason)
      ? givenReason
      : status === 400 && violations !== undefined
        ? 'VALIDATION_FAILED'
        : (REASON_BY_STATUS[status] ??
          title
            .toUpperCase()
            .replace(/[^A-Z0-9]+/g, '_')
            .replace(/^_+|_+$/g, ''));
  return {
    type: `${PROBLEM_TYPE_BASE}${reason.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    reason,
    // Every 400 says which part of the request to fix; one without field rules names the request.
    ...(status === 400
      ? { violations: violations ?? [{ field: '(request)', rule: reason.toLowerCase(), message: detail }] }
      : violations
        ? { violations }
        : {}),
    ...extensions,
  };
}

/** The depth check's tag on its error ("entity.too.deep", as body-parser tagged its own). */
function typeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
}

/** The fixed text each status falls back to when an error carries no message of its own. */
function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Nest's ParseUUIDPipe, which names neither the parameter nor the rule. */
function isParseUuidFailure(exception: BadRequestException): boolean {
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  return typeof message === 'string' && /^Validation failed \(uuid (v\d+ )?is expected\)$/.test(message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id parameters of the matched route that are not UUIDs: names from the route, never values. */
function uuidViolations(request: FastifyRequest): Array<{ field: string; rule: string; message: string }> {
  const names = Object.entries((request.params as Record<string, unknown> | undefined) ?? {})
    .filter(([name, value]) => /Id$/.test(name) && !(typeof value === 'string' && UUID.test(value)))
    .map(([name]) => name);
  return (names.length > 0 ? names : ['id']).map((field) => ({ field, rule: 'isUuid', message: `${field} must be a UUID` }));
}
