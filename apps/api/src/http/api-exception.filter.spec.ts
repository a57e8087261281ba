import { BadRequestException, ForbiddenException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { WrongExpectedRevisionError } from '@samvirke/event-store';
import { CaseRuleViolation } from '@samvirke/case';
import { ApiExceptionFilter, problemOf } from './api-exception.filter';

/** What the filter wrote: a plain recorder of the Fastify reply calls it makes, not a fake of behaviour. */
function answerTo(exception: unknown, request: Record<string, unknown> = {}) {
  const headers = new Map<string, string>();
  const answer = { status: 0, headers, body: undefined as Record<string, unknown> | undefined };
  const response = {
    sent: false,
    raw: { headersSent: false },
    header(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
      return this;
    },
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    status(code: number) {
      answer.status = code;
      return this;
    },
    send(text: string) {
      answer.body = JSON.parse(text) as Record<string, unknown>;
      return this;
    },
    json(body: Record<string, unknown>) {
      answer.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => response,
      getRequest: () => ({ id: 'req-1', params: {}, query: {}, headers: {}, routeOptions: { url: '/x' }, ...request }),
    }),
  };
  const logged: unknown[] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args), warn: () => undefined } as unknown as Logger;
  new ApiExceptionFilter(logger).catch(exception, host as unknown as ArgumentsHost);
  return { ...answer, logged };
}

describe('ApiExceptionFilter: one problem-details shape', () => {
  it('answers an unexpected error with 500, INTERNAL_ERROR and the request id, and no stack or message of the error', () => {
    const answer = answerTo(new Error('secret internals at /srv/app.js:12'));
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toEqual({
      type: 'https://samvirke.kk.dk/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: expect.any(String),
      reason: 'INTERNAL_ERROR',
      requestId: 'req-1',
    });
    expect(JSON.stringify(answer.body)).not.toContain('secret');
  });

  it.each([
    ['a guard refusal without words', new ForbiddenException(), 403, 'FORBIDDEN'],
    ["a handler's 404", new NotFoundException({ error: 'Not Found', message: 'no case with this id' }), 404, 'NOT_FOUND'],
    ['the throttler', new ThrottlerException(), 429, 'RATE_LIMITED'],
    ['a case rule', new CaseRuleViolation('CASE_ALREADY_CLOSED'), 422, 'CASE_ALREADY_CLOSED'],
    [
      'a 400 with violations',
      new BadRequestException({ message: 'the request has invalid fields', violations: [{ field: 'a', rule: 'b', message: 'c' }] }),
      400,
      'VALIDATION_FAILED',
    ],
    ['a status Nest has no class for', new HttpException('gone', 410), 410, 'GONE'],
  ])('gives %s a reason code and the problem members, and drops statusCode/error/message', (_label, exception, status, reason) => {
    const answer = answerTo(exception);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ status, reason, type: `https://samvirke.kk.dk/problems/${reason.toLowerCase().replace(/_/g, '-')}` });
    for (const old of ['statusCode', 'error', 'message']) expect(answer.body).not.toHaveProperty(old);
  });

  it('answers a revision conflict (a failed If-Match) with 412, currentRevision and its ETag', () => {
    const answer = answerTo(new WrongExpectedRevisionError('case-x', 1, 4), { headers: { 'if-match': '"1"' } });
    expect(answer.status).toBe(412);
    expect(answer.body).toMatchObject({ reason: 'REVISION_CONFLICT', currentRevision: 4 });
    expect(answer.headers.get('etag')).toBe('"4"');
  });

  it('answers a write without If-Match that lost every retry to other writers with 503 and no revision (the caller may not see the case)', () => {
    const answer = answerTo(new WrongExpectedRevisionError('case-x', 1, 4));
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ reason: 'CASE_BUSY' });
    expect(answer.body).not.toHaveProperty('currentRevision');
    expect(answer.headers.get('etag')).toBeUndefined();
    expect(answer.headers.get('retry-after')).toBe('1');
  });

  it('gives every 400 violations, naming the request when the thrower named no field', () => {
    expect(problemOf(400, { message: 'measurementDate must not be later than the date of asOf' })).toMatchObject({
      reason: 'BAD_REQUEST',
      violations: [{ field: '(request)', rule: 'bad_request', message: 'measurementDate must not be later than the date of asOf' }],
    });
  });
});
