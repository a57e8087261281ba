import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { AppMetrics } from '@samvirke/platform';
import { PROBLEM_JSON, problemOf } from './api-exception.filter';

/** The largest JSON body any route takes. */
export const JSON_BODY_LIMIT = 256 * 1024;

/** No request body of ours nests deeper than a few levels; thousands of levels only exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The headers every answer carries: helmet's (helmetHeaders), and no cache may keep it (see registerRequestContext). */
export function fixedHeaders(securityHeaders: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  return Object.freeze({ ...securityHeaders, 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

/**
 * The HTTP server under Nest: Fastify (@nestjs/platform-fastify). Its router ignores a trailing
 * slash, as Express's did, and a path parameter may be long (a client's wrong id is the validation's
 * to refuse with 400, not the router's to miss with 404). Unlike Express's, it matches paths
 * case-sensitively (`/Cases` is not `/cases`). A request must arrive whole within five minutes (Node's
 * own default, which Fastify turns off), so a client that sends its body a byte at a time cannot
 * hold a connection for ever.
 */
export function createHttpAdapter(fixed: Readonly<Record<string, string>>, answers: AnswerLog): FastifyAdapter {
  const options: FastifyServerOptions = {
    bodyLimit: JSON_BODY_LIMIT,
    requestTimeout: 300_000,
    // Every request's id, answered as X-Request-Id; never taken from the client.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    // A path the router cannot take ('/cases/%ZZ/close', or a segment over the length above) is answered
    // before any hook runs: Fastify's own answer would quote the path, and carry none of the fixed headers;
    // it gets them here, and its log line and metric (no hook writes them for it).
    frameworkErrors: (error, request, untyped) => {
      const reply = untyped as FastifyReply;
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const status = tooLong ? 414 : 400;
      const problem = tooLong
        ? { reason: 'PATH_TOO_LONG', message: 'a segment of the request path is too long' }
        : {
            reason: 'MALFORMED_PATH',
            message: 'the request path is not valid',
            violations: [{ field: '(path)', rule: 'isUri', message: 'the path must be valid percent-encoded UTF-8' }],
          };
      void reply
        .headers(fixed)
        .header('X-Request-Id', request.id)
        .status(status)
        .header('Content-Type', PROBLEM_JSON)
        .send(JSON.stringify(problemOf(status, problem)));
      answers.record(request, reply);
    },
  };
  return new FastifyAdapter(options);
}

/**
 * helmet's headers for these options, worked out once. With static directives (no nonce, no function)
 * they are the same for every request, and helmet's middleware would build them again on each
 * (@fastify/helmet even builds the middleware per request: about 2% of the API's CPU per command).
 */
export function helmetHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((item) => typeof item === 'function')))) {
    throw new Error('a CSP directive computed per request (a nonce) cannot be worked out once');
  }
  const headers: Record<string, string> = {};
  let failure: unknown;
  const response = {
    setHeader: (name: string, value: unknown) => {
      if (typeof value !== 'string') throw new Error(`helmet's ${name} is not a fixed string`);
      headers[name] = value;
    },
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error('helmet refused its options');
  return Object.freeze(headers);
}

/**
 * What every request gets before any route runs, unknown routes and refused bodies included:
 * - `Cache-Control: no-store` (and `Pragma: no-cache` for HTTP/1.0 caches). Every answer of this API
 *   may carry a name, a CPR number or a case's text, errors and downloads (CSV, SVG, the citizen's
 *   HTML copy) included, so no cache on the way (a shared proxy, the browser's disk, the back
 *   button) may keep one; a route that may be cached (the console's hashed assets) says so itself.
 * - the security headers (helmetHeaders above; a route may replace one, as the console's pages do their CSP).
 * - an id (X-Request-Id) and a correlation id: taken from X-Correlation-Id when the caller sends a
 *   well-formed one, so a chain of calls shares it; it goes into the logs and the events' metadata,
 *   and is not sent back (the caller has it, and no answer repeats what the client sent).
 * - one log line when it is answered: method, route pattern, status, duration, ids. Never the query
 *   string, the body or the headers, which may carry personal data.
 */
export function registerRequestContext(instance: FastifyInstance, fixed: Readonly<Record<string, string>>, answers: AnswerLog): void {
  instance.decorateRequest('correlationId', '');
  instance.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.headers(fixed);
    reply.header('X-Request-Id', request.id);
    const offered = request.headers['x-correlation-id'];
    (request as FastifyRequest & { correlationId: string }).correlationId = typeof offered === 'string' && CORRELATION_ID.test(offered) ? offered : request.id;
    done();
  });
  instance.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    answers.record(request, reply);
    done();
  });
}

/**
 * The log line and the request metric of every answer: written by the request-context hook, and by
 * the router's own refusals, which no hook sees. Made before the application (the adapter needs it)
 * and bound to the application's logger and metrics once they exist; nothing is answered before.
 */
export class AnswerLog {
  private sink: { logger: Logger; metrics: AppMetrics } | undefined;

  bind(logger: Logger, metrics: AppMetrics): this {
    this.sink = { logger, metrics };
    return this;
  }

  record(request: FastifyRequest, reply: FastifyReply): void {
    if (!this.sink) return;
    const route = request.routeOptions.url ?? 'unmatched';
    const durationMs = reply.elapsedTime;
    this.sink.metrics.httpRequestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, durationMs / 1000);
    this.sink.logger.info(
      {
        requestId: request.id,
        // Set by the request-context hook; a refused path never reached it, and has its request id.
        correlationId: (request as FastifyRequest & { correlationId?: string }).correlationId || request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        durationMs,
        user: (request as FastifyRequest & { user?: { userId?: string } }).user?.userId,
      },
      'request',
    );
  }
}

/**
 * The bodies the API reads: JSON (`application/json`, as Express's body parser took it: an object or
 * an array, at most JSON_BODY_LIMIT, nested at most MAX_JSON_DEPTH deep), and nothing else. A body
 * of any other type is left unread, so the route's guards decide (the JSON-body guard answers 415
 * after authentication; a route that takes CSV reads the raw stream itself).
 */
export function registerBodyParsers(instance: FastifyInstance): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT }, (request, body, done) => {
    if (!isUtf8(request.headers['content-type']) || !isIdentity(request.headers['content-encoding'])) {
      done(Object.assign(new Error('the JSON body must be UTF-8, not compressed'), { statusCode: 415 }), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = parseJsonBody(body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    done(null, parsed);
  });
  instance.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/** A JSON body is read as UTF-8 (RFC 8259): one that names another charset is refused (415), as body-parser did, not misread. */
export function isUtf8(contentType: string | undefined): boolean {
  const charset = CHARSET.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/** A compressed JSON body (Content-Encoding: gzip, ...) is refused (415) rather than parsed as its packed bytes; requests are small. */
export function isIdentity(contentEncoding: string | undefined): boolean {
  return contentEncoding === undefined || contentEncoding.trim().toLowerCase() === 'identity' || contentEncoding.trim() === '';
}

/** An empty body is `{}`; anything but an object or an array, or nested too deep, is refused. */
export function parseJsonBody(body: Buffer): unknown {
  // A UTF-8 byte order mark is not part of the document (RFC 8259 lets a parser ignore it).
  let first = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  const start = first;
  while (first < body.length && (body[first] === 0x20 || body[first] === 0x09 || body[first] === 0x0a || body[first] === 0x0d)) first++;
  if (first === body.length) return {};
  if (body[first] !== 0x7b && body[first] !== 0x5b) throw new SyntaxError('the request body must be a JSON object or array');
  refuseDeepNesting(body);
  return JSON.parse(body.toString('utf8', start));
}

function refuseDeepNesting(body: Buffer): void {
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
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error('request body nested too deeply'), { statusCode: 400, type: 'entity.too.deep' });
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}
