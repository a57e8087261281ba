import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { APP_LOGGER } from '@samvirke/platform/nest/tokens';
import { loadReferenceData } from '@samvirke/reference-data';
import type { RequestWithUser } from '../authentication/decorators';
import { AuditLog, type AuditEntry } from './audit-log';
import { AUDIT_AS, purposeFromHeader, type AuditAction } from './audit-vocabulary';
import { auditActionFor, criteriaOf, isAuditedRoute, uuidOrNull } from './audited-request';
import { DISCLOSURE_FOR_INVESTIGATION_REFUSED, refusesDisclosureForInvestigation } from './investigation-refusal';

type AuditedRequest = Request & RequestWithUser & { id?: string };

export const AUDIT_UNAVAILABLE_BODY = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'the access could not be logged, so nothing is returned; retry shortly',
} as const;

/**
 * Writes one audit_log row for every authenticated request (see audited-request.ts for the routes
 * left out), and refuses case reads to the police for criminal investigation (section 115(2)).
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
 * - the section 115(2) refusal: recorded (403) before the refusal is thrown, so attempted
 *   disclosures for investigation show in the log.
 * Handlers must return their result (or use @Res({ passthrough: true })); a handler writing the
 * response itself would bypass the hold-back.
 */
@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  private readonly agencyKinds: ReadonlyMap<string, string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly auditLog: AuditLog,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.agencyKinds = new Map([...loadReferenceData().agencies.values()].map((agency) => [agency.code, agency.kind]));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuditedRequest>();
    const response = http.getResponse<Response>();
    const user = request.user;
    const route = routePatternOf(request);
    if (!user || !isAuditedRoute(route)) return next.handle();

    const purpose = purposeFromHeader(request.header('x-purpose'));
    const criteria = criteriaOf(request.query);
    const declared = this.reflector.getAllAndOverride<AuditAction | undefined>(AUDIT_AS, [context.getHandler(), context.getClass()]);
    const params = (request.params ?? {}) as Record<string, unknown>;
    const entry = (outcome: number, result?: unknown): AuditEntry => ({
      requestId: request.id ?? null,
      userId: user.userId,
      agency: user.agency,
      roles: user.roles,
      action: auditActionFor(request.method, criteria, declared),
      method: request.method.toUpperCase(),
      route,
      caseId: uuidOrNull(params['caseId']) ?? caseIdOfResult(result),
      entryId: uuidOrNull(params['entryId']),
      criteria,
      purpose,
      outcome,
    });

    if (refusesDisclosureForInvestigation(this.agencyKinds.get(user.agency), purpose, request.method, route)) {
      const refusal = new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        reason: DISCLOSURE_FOR_INVESTIGATION_REFUSED,
        message: 'municipal case information may not be disclosed to the police for the investigation of a criminal case (retsplejeloven § 115, stk. 2)',
      });
      return from(this.recordOrRefuse(entry(403))).pipe(mergeMap(() => throwError(() => refusal)));
    }

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

  private recordWhenFinished(response: Response, entry: (outcome: number) => AuditEntry): void {
    let done = false;
    const write = () => {
      if (done) return;
      done = true;
      this.auditLog.record(entry(response.statusCode)).catch((error: unknown) => {
        this.logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'audit log write failed for a refused request');
      });
    };
    response.once('finish', write);
    response.once('close', write);
  }
}

/** The route pattern Express matched (/cases/:caseId/timeline), never the concrete URL. */
export function routePatternOf(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * A route without :caseId can still be about one case: opening a case (POST /cases) answers with
 * the new case's id. Taking it from a single-object result links that change to its case.
 */
function caseIdOfResult(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
  return uuidOrNull((result as { caseId?: unknown }).caseId);
}
