import { Inject, Injectable, ServiceUnavailableException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { catchError, mergeMap, throwError, type Observable } from 'rxjs';
import { APP_LOGGER } from '@samvirke/platform/nest/tokens';
import { headerOf } from '@samvirke/platform/http/request-header';
import type { RequestWithUser } from '../authentication/decorators';
import { AUDIT_UNAVAILABLE_BODY, AuditLog, type AuditEntry } from './audit-log';
import { AUDIT_AS, purposeFromHeader, type AuditAction } from './audit-vocabulary';
import { auditEntryOf, isAuditedRoute, routePatternOf } from './audited-request';

type AuditedRequest = FastifyRequest & RequestWithUser;

export { AUDIT_UNAVAILABLE_BODY };

/**
 * Writes one audit_log row for every authenticated request (see audited-request.ts for the routes
 * left out). The section 115(2) refusal is the authentication guard's (see investigation-refusal.ts):
 * it must come before the role rules, so that every route refuses alike, and it records its own row.
 *
 * Order matters. Guards run before interceptors, so the caller is known here (a request refused
 * by the authentication guard never reaches a handler and is logged by the guard, not here). Nest
 * sends the handler's result only when this interceptor's observable emits, so:
 * - success: the row is INSERTed and awaited after the handler produced its result and before the
 *   result is handed on. If the INSERT fails, the request fails with 503 and the result is dropped:
 *   no data leaves without its log line. (For a write the event is already appended by then; it
 *   carries its actor in its metadata, so the change stays traceable, and the client hears 503.)
 * - failure (400, 403, 404, 409, 422, 500...): no data leaves, so nothing has to be held back. The
 *   row is written when the response finishes, with the status the exception filter chose, which
 *   is the one the client saw; a failure to write it is logged as an error.
 * - the section 115(2) refusal never gets here: the guard records it (403) before it refuses.
 * Handlers must return their result (or use @Res({ passthrough: true })); a handler writing the
 * response itself would bypass the hold-back.
 */
@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly auditLog: AuditLog,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuditedRequest>();
    const response = http.getResponse<FastifyReply>();
    const user = request.user;
    if (!user || !isAuditedRoute(routePatternOf(request))) return next.handle();

    const purpose = purposeFromHeader(headerOf(request, 'x-purpose'));
    const declared = this.reflector.getAllAndOverride<AuditAction | undefined>(AUDIT_AS, [context.getHandler(), context.getClass()]);
    const entry = (outcome: number, result?: unknown): AuditEntry => auditEntryOf(request, user, { purpose, declared, outcome, result });

    return next.handle().pipe(
      catchError((error: unknown) => {
        this.recordWhenFinished(response, entry);
        return throwError(() => error);
      }),
      mergeMap(async (result: unknown) => {
        await this.recordOrRefuse(entry(response.statusCode, result));
        return result;
      }),
    );
  }

  private async recordOrRefuse(entry: AuditEntry): Promise<void> {
    try {
      await this.auditLog.record(entry);
    } catch (error) {
      this.logger.error({ route: entry.route, errorName: error instanceof Error ? error.name : typeof error }, 'audit log write failed; response withheld');
      throw new ServiceUnavailableException({ ...AUDIT_UNAVAILABLE_BODY });
    }
  }

  private recordWhenFinished(response: FastifyReply, entry: (outcome: number) => AuditEntry): void {
    let done = false;
    const write = () => {
      if (done) return;
      done = true;
      this.auditLog.record(entry(response.statusCode)).catch((error: unknown) => {
        this.logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'audit log write failed for a refused request');
      });
    };
    response.raw.once('finish', write);
    response.raw.once('close', write);
  }
}
