import { Injectable, UnsupportedMediaTypeException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UNSUPPORTED_BODY } from './api-exception.filter';

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * A write whose body is not JSON is refused with 415, before validation. Without this the JSON body
 * parser leaves a form-encoded or text/plain body unread, and the client hears "invalid fields"
 * (400) about fields it did send (http-platform.ts leaves a body of another type unread). A route that takes another type says so with @ApiConsumes, the
 * same annotation that puts the type in the OpenAPI document, so the document and the rule agree.
 * Registered after the authentication guard: a caller without a token learns nothing from it.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (WITHOUT_BODY.has(request.method.toUpperCase()) || !hasBody(request)) return true;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (JSON_TYPE.test(type)) return true;
    const accepted = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? [];
    if (type !== '' && accepted.some((candidate) => candidate.toLowerCase() === type)) return true;
    throw new UnsupportedMediaTypeException({ ...UNSUPPORTED_BODY });
  }
}

/** RFC 9112: a request has a body when it says how long it is (and that is not 0) or is chunked. */
function hasBody(request: FastifyRequest): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? '0');
  return Number.isFinite(length) && length > 0;
}
