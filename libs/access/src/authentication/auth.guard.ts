import {
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { APP_LOGGER } from '@samvirke/platform/nest/tokens';
import { AuthenticationFailed } from './authentication-failed';
import { isReadOnlyUser, type AuthenticatedUser, type Role } from './claims';
import { IS_PUBLIC, REQUIRED_ROLES, type RequestWithUser } from './decorators';
import { TokenVerifier } from './token-verifier';

/**
 * The two refusals. Each is the same whatever went wrong, so a caller learns nothing about which
 * check failed, which cases exist or which roles would have worked.
 */
export const UNAUTHORIZED_BODY = { statusCode: 401, error: 'Unauthorized', message: 'a valid bearer token is required' } as const;
export const FORBIDDEN_BODY = { statusCode: 403, error: 'Forbidden', message: 'your role does not allow this' } as const;

const READ_METHODS = new Set(['GET', 'HEAD']);
const BEARER = /^Bearer +([^\s]+) *$/i;

/**
 * Registered globally, so every route needs a valid bearer token unless marked @Public(). It also
 * applies the rules that hold for every route, so controllers cannot forget them: @Roles(), and
 * "auditors read everything and write nothing" (any method but GET/HEAD is refused to a user whose
 * only role is auditor). Which cases a user may see is the access policy's job, not this guard's.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(APP_LOGGER) private readonly logger?: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Fail closed: a transport this guard does not understand gets no pass.
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<Request & RequestWithUser>();
    const user = await this.authenticate(request, http.getResponse<Response>(), context);
    request.user = user;

    const route = `${context.getClass().name}.${context.getHandler().name}`;
    if (!READ_METHODS.has(request.method.toUpperCase()) && isReadOnlyUser(user)) {
      this.logger?.info({ userId: user.userId, agency: user.agency, route, rule: 'auditor-read-only' }, 'request forbidden');
      throw new ForbiddenException({ ...FORBIDDEN_BODY });
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && required.length > 0 && !required.some((role) => user.roles.includes(role))) {
      this.logger?.info({ userId: user.userId, agency: user.agency, route, rule: 'role' }, 'request forbidden');
      throw new ForbiddenException({ ...FORBIDDEN_BODY });
    }
    return true;
  }

  private async authenticate(request: Request, response: Response, context: ExecutionContext): Promise<AuthenticatedUser> {
    try {
      const match = BEARER.exec(request.headers.authorization ?? '');
      if (!match) throw new AuthenticationFailed('MISSING_TOKEN');
      return await this.verifier.verify(match[1]);
    } catch (error) {
      const reason = error instanceof AuthenticationFailed ? error.reason : 'MALFORMED_TOKEN';
      const route = `${context.getClass().name}.${context.getHandler().name}`;
      // A JWKS outage locks everyone out: that is an operator's problem, so it is a warning.
      if (reason === 'KEYS_UNAVAILABLE') this.logger?.warn({ reason, route }, 'cannot fetch the identity provider keys');
      else this.logger?.debug({ reason, route }, 'request not authenticated');
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException({ ...UNAUTHORIZED_BODY });
    }
  }
}
