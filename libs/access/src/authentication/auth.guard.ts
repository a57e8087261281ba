import {
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { APP_LOGGER } from '@samvirke/platform/nest/tokens';
import { headerOf } from '@samvirke/platform/http/request-header';
import { AuthenticationFailed } from './authentication-failed';
import { isReadOnlyUser, type AuthenticatedUser, type Role } from './claims';
import { IS_PUBLIC, OPEN_TO_READ_ONLY, REQUIRED_ROLES, type RequestWithUser } from './decorators';
import { TokenVerifier } from './token-verifier';
import { SESSION_AUTHENTICATOR, SessionRequestRefused, type SessionAuthenticator } from './session-authenticator';
import { AUDIT_UNAVAILABLE_BODY, AuditLog } from '../read-audit/audit-log';
import { AUDIT_AS, type AuditAction } from '../read-audit/audit-vocabulary';
import { auditEntryOf, routePatternOf } from '../read-audit/audited-request';
import { agencyKindOf, declaredPurpose, disclosureForInvestigationRefused, refusesDisclosureForInvestigation } from '../read-audit/investigation-refusal';

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
 * applies the rules that hold for every route, so controllers cannot forget them: section 115(2)
 * (no disclosure to the police for a criminal investigation, see investigation-refusal.ts), @Roles(),
 * and "auditors read everything and write nothing" (any method but GET/HEAD is refused to a user
 * whose only role is auditor). Section 115(2) comes first, so its refusal is the same on every route
 * whatever the caller's role. Which cases a user may see is the access policy's job, not this guard's.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private auditLog: AuditLog | null | undefined;
  private sessions: SessionAuthenticator | null | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(APP_LOGGER) private readonly logger?: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Fail closed: a transport this guard does not understand gets no pass.
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & RequestWithUser>();
    const user = await this.withOpenedSeals(await this.authenticate(request, http.getResponse<FastifyReply>(), context));
    request.user = user;

    const route = `${context.getClass().name}.${context.getHandler().name}`;
    const purpose = declaredPurpose(headerOf(request, 'x-purpose'));
    if (refusesDisclosureForInvestigation(agencyKindOf(user.agency), purpose, request.method, routePatternOf(request))) {
      this.logger?.info({ userId: user.userId, agency: user.agency, route, rule: 'section-115-2' }, 'request refused');
      const declared = this.reflector.getAllAndOverride<AuditAction | undefined>(AUDIT_AS, targets);
      await this.recordRefusal(auditEntryOf(request, user, { purpose: 'criminal-investigation', declared, outcome: 403 }));
      throw disclosureForInvestigationRefused();
    }
    if (
      !READ_METHODS.has(request.method.toUpperCase()) &&
      isReadOnlyUser(user) &&
      !this.reflector.getAllAndOverride<boolean | undefined>(OPEN_TO_READ_ONLY, targets)
    ) {
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

  /**
   * Attempted disclosures for investigation must show in the read audit, and, as for any access,
   * nothing is answered if the row cannot be written (503). The audit lives in its own module that
   * the app imports (AuditModule); it is looked up rather than injected so this guard also works
   * where it is not (a refusal is then only logged).
   */
  /**
   * The sealed identities the user opened by break-glass lately (audit log rows), added to the ones
   * the token names: for this request the user is named on them. A new object: a verified token's
   * user may be shared between requests.
   */
  private async withOpenedSeals(user: AuthenticatedUser): Promise<AuthenticatedUser> {
    const auditLog = this.findAuditLog();
    if (!auditLog) return user;
    let opened: string[];
    try {
      opened = await auditLog.openedSeals(user.userId, user.agency);
    } catch (error) {
      this.logger?.error({ errorName: error instanceof Error ? error.name : typeof error }, 'opened seals could not be read; answering 503');
      throw new ServiceUnavailableException({ ...AUDIT_UNAVAILABLE_BODY });
    }
    if (opened.length === 0) return user;
    return { ...user, openedSeals: opened, namedAccess: [...new Set([...(user.namedAccess ?? []), ...opened])] };
  }

  private findAuditLog(): AuditLog | null {
    if (this.auditLog === undefined) {
      try {
        this.auditLog = this.moduleRef.get(AuditLog, { strict: false });
      } catch {
        this.auditLog = null;
      }
    }
    return this.auditLog ?? null;
  }

  private async recordRefusal(entry: Parameters<AuditLog['record']>[0]): Promise<void> {
    const auditLog = this.findAuditLog();
    if (!auditLog) return;
    try {
      await auditLog.record(entry);
    } catch (error) {
      this.logger?.error({ route: entry.route, errorName: error instanceof Error ? error.name : typeof error }, 'audit log write failed; response withheld');
      throw new ServiceUnavailableException({ ...AUDIT_UNAVAILABLE_BODY });
    }
  }

  private async sessionUser(request: FastifyRequest, context: ExecutionContext): Promise<AuthenticatedUser | null> {
    if (this.sessions === undefined) {
      try {
        this.sessions = this.moduleRef.get<SessionAuthenticator>(SESSION_AUTHENTICATOR, { strict: false });
      } catch {
        this.sessions = null;
      }
    }
    if (!this.sessions) return null;
    try {
      return await this.sessions.authenticate(request);
    } catch (error) {
      if (!(error instanceof SessionRequestRefused)) throw error;
      const route = `${context.getClass().name}.${context.getHandler().name}`;
      this.logger?.info({ route, rule: error.rule }, 'session request refused');
      throw new ForbiddenException({ ...FORBIDDEN_BODY });
    }
  }

  private async authenticate(request: FastifyRequest, response: FastifyReply, context: ExecutionContext): Promise<AuthenticatedUser> {
    // No Authorization header: the browser console's session cookie, where the app has sessions.
    // A request that sends a header is judged by it alone, so machine clients see no change.
    if (request.headers.authorization === undefined) {
      const user = await this.sessionUser(request, context);
      if (user) return user;
    }
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
      response.header('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException({ ...UNAUTHORIZED_BODY });
    }
  }
}
