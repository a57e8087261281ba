import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from './claims';

/**
 * The browser console's sign-in (a backend-for-frontend, apps/api/src/console) lets a request without
 * an Authorization header be authenticated by its session cookie. The API registers an implementation
 * under this token; without one (the worker, tests that build their own apps), only bearer tokens work.
 */
export const SESSION_AUTHENTICATOR = Symbol('SESSION_AUTHENTICATOR');

export interface SessionAuthenticator {
  /**
   * The session's user, or null when the request carries no live session. Throws
   * SessionRequestRefused when a session is present but the request may not use it (a write without
   * the session's CSRF token, or from another origin).
   */
  authenticate(request: FastifyRequest): Promise<AuthenticatedUser | null>;
}

export class SessionRequestRefused extends Error {
  constructor(readonly rule: 'csrf-token' | 'origin') {
    super(`session request refused (${rule})`);
    this.name = 'SessionRequestRefused';
  }
}
