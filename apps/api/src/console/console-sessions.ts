import { Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { SessionRequestRefused, type AuthenticatedUser, type SessionAuthenticator } from '@samvirke/access';
import type { ConsoleConfig } from './console-config';

export interface ConsoleSession {
  user: AuthenticatedUser;
  /** Sent back by the browser in X-CSRF-Token on every write (synchronizer token). */
  csrfToken: string;
  /** For the identity provider's sign-out (RP-initiated logout); never leaves the server. */
  idToken?: string;
  createdAt: number;
  lastUsedAt: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A bound on memory: the oldest sessions go first beyond it. */
const MAX_SESSIONS = 20_000;

/** Reads one cookie from the Cookie header (no cookie-parser needed for two names). */
export function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The console's sessions, held by the API (a backend-for-frontend): the browser holds only a random
 * session id in an HttpOnly, SameSite=Lax cookie (Secure with the `__Host-` prefix over https); the
 * identity provider's tokens stay here. Kept in this process's memory: a restart signs everyone out,
 * and several API instances need sticky sessions (or a shared store, not built yet).
 *
 * CSRF: every write made with the cookie must carry the session's own token in `X-CSRF-Token`
 * (the synchronizer-token pattern; the page gets it from GET /auth/session), and a browser's
 * `Origin`, when sent, must be the console's own. SameSite=Lax already keeps the cookie off other
 * sites' cross-site POSTs; the token also covers same-site subdomains and old browsers.
 */
@Injectable()
export class ConsoleSessions implements SessionAuthenticator {
  private readonly sessions = new Map<string, ConsoleSession>();
  private config: ConsoleConfig | undefined;

  /** Until configured (apps built without the console, as in the e2e tests), no cookie is honoured. */
  configure(config: ConsoleConfig): void {
    this.config = config;
  }

  get cookieName(): string {
    return this.config?.secureCookies ? '__Host-samvirke-session' : 'samvirke-session';
  }

  create(user: AuthenticatedUser, idToken: string | undefined, response: Response): ConsoleSession {
    const config = this.required();
    while (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    const id = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session: ConsoleSession = { user, csrfToken: randomBytes(32).toString('base64url'), idToken, createdAt: now, lastUsedAt: now };
    this.sessions.set(id, session);
    response.cookie(this.cookieName, id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      maxAge: config.sessionHours * 3_600_000,
    });
    return session;
  }

  /** The live session of the request's cookie, touched; expired ones are removed. */
  find(request: Request): ConsoleSession | undefined {
    if (!this.config) return undefined;
    const id = cookieOf(request, this.cookieName);
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = Date.now();
    if (now - session.createdAt > this.config.sessionHours * 3_600_000 || now - session.lastUsedAt > this.config.sessionIdleMinutes * 60_000) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastUsedAt = now;
    return session;
  }

  end(request: Request, response: Response): ConsoleSession | undefined {
    const session = this.find(request);
    const id = cookieOf(request, this.cookieName);
    if (id) this.sessions.delete(id);
    response.clearCookie(this.cookieName, { httpOnly: true, sameSite: 'lax', secure: this.config?.secureCookies ?? false, path: '/' });
    return session;
  }

  /** Throws SessionRequestRefused for a write without the CSRF token or from another origin. */
  checkWrite(request: Request, session: ConsoleSession): void {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== new URL(this.required().publicUrl).origin) throw new SessionRequestRefused('origin');
    const token = request.headers['x-csrf-token'];
    if (typeof token !== 'string' || !sameSecret(token, session.csrfToken)) throw new SessionRequestRefused('csrf-token');
  }

  async authenticate(request: Request): Promise<AuthenticatedUser | null> {
    const session = this.find(request);
    if (!session) return null;
    this.checkWrite(request, session);
    return session.user;
  }

  private required(): ConsoleConfig {
    if (!this.config) throw new Error('console sessions are not configured');
    return this.config;
  }
}
