import { BadRequestException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { headerOf } from '@samvirke/platform';
import type { AuthenticatedUser } from '@samvirke/access/authentication/claims';

/** What a write request says besides its body: who, which retry, which revision it builds on. */
export interface CommandRequest {
  actor: AuthenticatedUser;
  idempotencyKey: string;
  expectedRevision: number | undefined;
  /** An If-Match was sent (`*` included): the write is conditional. */
  conditional: boolean;
  correlationId: string;
  requestId: string;
  method: string;
  /** The route pattern (/cases/:caseId/entries), never the concrete URL. */
  route: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;

export function commandRequestOf(request: FastifyRequest & { user?: AuthenticatedUser; correlationId?: string }): CommandRequest {
  const actor = request.user;
  // The authentication guard runs before every controller; reaching here without a user is a wiring bug.
  if (!actor) throw new Error('write endpoint reached without an authenticated user');
  const rawKey = headerOf(request, 'idempotency-key');
  if (rawKey !== undefined && !IDEMPOTENCY_KEY.test(rawKey)) {
    throw new BadRequestException({
      error: 'Bad Request',
      message: 'the request has invalid fields',
      violations: [{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 8-200 characters of letters, digits and . _ : -' }],
    });
  }
  const rawIfMatch = headerOf(request, 'if-match');
  let expectedRevision: number | undefined;
  // `*` (RFC 9110: "any current representation") asks only that the case exist. Every write but the
  // referral already requires a case the caller sees (404 otherwise, as for a missing one), so `*`
  // adds no check there; the referral refuses If-Match altogether (see the controller).
  if (rawIfMatch !== undefined && rawIfMatch.trim() !== '*') {
    const match = IF_MATCH.exec(rawIfMatch.trim());
    if (!match) {
      throw new BadRequestException({
        error: 'Bad Request',
        message: 'the request has invalid fields',
        violations: [{ field: 'If-Match', rule: 'format', message: 'If-Match must be the ETag you last read (the case revision, for example "3"), or *' }],
      });
    }
    expectedRevision = Number(match[1]);
  }
  return {
    actor,
    // Without a key a request is its own operation: retries are then the client's risk.
    idempotencyKey: rawKey ?? randomUUID(),
    expectedRevision,
    conditional: rawIfMatch !== undefined,
    correlationId: request.correlationId ?? randomUUID(),
    requestId: request.id ?? randomUUID(),
    method: request.method,
    route: request.routeOptions.url ?? request.url.split('?')[0],
  };
}
