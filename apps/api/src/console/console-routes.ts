import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { Router, static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import * as oidc from 'openid-client';
import type { Pool } from 'pg';
import { AuthenticationFailed, SessionRequestRefused, userFromClaims } from '@samvirke/access';
import { DATABASE_POOL } from '@samvirke/platform';
import type { MasterKeyring } from '@samvirke/privacy';
import type { ConsoleConfig } from './console-config';
import { ConsoleSessions, PostgresConsoleSessionStore, cookieOf } from './console-sessions';
import { createDevIdentityProvider, DEV_IDP_PATH } from './dev-identity-provider';
import { safeReturnTo } from './return-to';

/** The built web app (apps/web, `vite build`): dist/apps/web beside dist/apps/api. */
export const WEB_ROOT = join(__dirname, '..', '..', '..', 'web');

/**
 * The console's pages get a stricter policy than the API's (whose Swagger page needs inline script):
 * the built app has no inline script or style, and talks only to its own origin.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

const LOGIN_COOKIE = 'samvirke-login';
const LOGIN_TTL_MS = 10 * 60_000;

interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  startedAt: number;
}

function problem(response: Response, status: number, reason: string, title: string, detail: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `https://samvirke.kk.dk/problems/${reason.toLowerCase().replace(/_/g, '-')}`, title, status, detail, reason }));
}

/**
 * The browser console on the API's port, without touching the API's routes:
 * - `/`, `/app` and `/app/*`: the web app's index.html (the app routes in the browser);
 *   `/assets/*`: its hashed files. Any other path is the API's, as before (unknown ones answer
 *   problem+json 404).
 * - `/auth/login`, `/auth/callback`, `/auth/session`, `/auth/logout`: sign-in as a backend-for-frontend
 *   (OpenID Connect authorization code with PKCE, done here with openid-client; the tokens stay on
 *   the server, the browser gets the session cookie, see console-sessions.ts).
 * - `/dev-idp/*`: the development identity provider, when no identity provider is configured outside
 *   production.
 * Mounted before the app initialises, so these handlers run ahead of Nest's router.
 */
export function mountConsole(app: NestExpressApplication, config: ConsoleConfig, logger: Logger, keyring: MasterKeyring): void {
  const sessions = app.get(ConsoleSessions);
  sessions.configure(config, new PostgresConsoleSessionStore(app.get<Pool>(DATABASE_POOL)), keyring);

  let identity: { issuer: string; clientId: string; clientSecret: string; scope: string; development: boolean } | undefined;
  if (config.identityProvider.kind === 'development') {
    const dev = createDevIdentityProvider(config.publicUrl);
    app.use(DEV_IDP_PATH, dev.router);
    identity = { issuer: dev.issuer, clientId: dev.clientId, clientSecret: dev.clientSecret, scope: 'openid profile samvirke', development: true };
    logger.warn(
      { issuer: dev.issuer },
      'OIDC_ISSUER not set: the console signs in through the development identity provider (demo users; refused in production)',
    );
  } else if (config.identityProvider.kind === 'configured') {
    identity = { ...config.identityProvider, development: false };
  }

  // Discovered on first use: the development provider answers only once the server listens.
  let discovered: Promise<oidc.Configuration> | undefined;
  const client = () => {
    if (!identity) throw new Error('no identity provider');
    const { issuer, clientId, clientSecret } = identity;
    discovered ??= oidc
      .discovery(new URL(issuer), clientId, clientSecret, undefined, issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const redirectUri = `${config.publicUrl}/auth/callback`;
  const pending = new Map<string, PendingLogin>();
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/auth' };

  const auth = Router();
  auth.get('/session', (request: Request, response: Response, next: NextFunction) => {
    void (async () => {
      const session = await sessions.find(request);
      if (!session) {
        response.json({ user: null, signIn: identity ? 'available' : 'unavailable' });
        return;
      }
      const { userId, agency, roles, displayName } = session.user;
      response.json({ user: { userId, agency, roles, displayName: displayName ?? null }, csrfToken: session.csrfToken });
    })().catch(next);
  });

  auth.get('/login', (request: Request, response: Response, next: NextFunction) => {
    if (!identity) {
      problem(response, 503, 'SIGN_IN_UNAVAILABLE', 'Service Unavailable', 'no identity provider is configured (OIDC_ISSUER)');
      return;
    }
    const scope = identity.scope;
    const development = identity.development;
    void (async () => {
      const configuration = await client();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const now = Date.now();
      for (const [key, login] of pending) if (now - login.startedAt > LOGIN_TTL_MS) pending.delete(key);
      if (pending.size > 10_000) pending.delete(pending.keys().next().value as string);
      pending.set(state, { codeVerifier, nonce, returnTo: safeReturnTo(request.query['returnTo']), startedAt: now });
      response.cookie(LOGIN_COOKIE, state, { ...cookieOptions, maxAge: LOGIN_TTL_MS });
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        // The development provider shows its user picker every time, so one browser can switch users.
        ...(development ? { prompt: 'login' } : {}),
      });
      response.redirect(303, url.href);
    })().catch(next);
  });

  auth.get('/callback', (request: Request, response: Response) => {
    const state = cookieOf(request, LOGIN_COOKIE);
    const login = state ? pending.get(state) : undefined;
    response.clearCookie(LOGIN_COOKIE, cookieOptions);
    if (!state || !login || Date.now() - login.startedAt > LOGIN_TTL_MS) {
      response.redirect(303, '/?signin=expired');
      return;
    }
    pending.delete(state);
    void (async () => {
      const configuration = await client();
      const tokens = await oidc.authorizationCodeGrant(configuration, new URL(request.originalUrl, config.publicUrl), {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...tokens.claims() };
      // Providers that keep agency and roles out of the ID token give them at the userinfo endpoint.
      if (claims['agency'] === undefined || claims['roles'] === undefined) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims['sub']));
        claims = { ...info, ...claims, agency: claims['agency'] ?? info['agency'], roles: claims['roles'] ?? info['roles'] };
      }
      const user = userFromClaims(claims);
      await sessions.create(user, tokens.id_token, response);
      logger.info({ userId: user.userId, agency: user.agency, roles: user.roles }, 'console sign-in');
      response.redirect(303, login.returnTo);
    })().catch((error: unknown) => {
      const reason = error instanceof AuthenticationFailed ? error.reason : error instanceof Error ? error.name : 'unknown';
      logger.warn({ reason }, 'console sign-in failed');
      if (!response.headersSent) response.redirect(303, '/?signin=failed');
    });
  });

  auth.post('/logout', (request: Request, response: Response, next: NextFunction) => {
    void (async () => {
      const session = await sessions.find(request);
      if (!session) {
        response.status(204).end();
        return;
      }
      try {
        sessions.checkWrite(request, session);
      } catch (error) {
        if (error instanceof SessionRequestRefused) return problem(response, 403, 'FORBIDDEN', 'Forbidden', 'your role does not allow this');
        throw error;
      }
      await sessions.end(request, response);
      let redirectTo = '/';
      if (identity && !identity.development && session.idToken) {
        const configuration = await client();
        if (configuration.serverMetadata().end_session_endpoint) {
          redirectTo = oidc.buildEndSessionUrl(configuration, { id_token_hint: session.idToken, post_logout_redirect_uri: `${config.publicUrl}/` }).href;
        }
      }
      response.json({ redirectTo });
    })().catch(next);
  });
  // The identity provider unreachable, or anything else: one problem document, never Express's stack page.
  auth.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    logger.warn(
      { errorName: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : undefined },
      'console sign-in route failed',
    );
    if (!response.headersSent) problem(response, 503, 'SIGN_IN_UNAVAILABLE', 'Service Unavailable', 'sign-in is not available right now; try again shortly');
  });
  app.use('/auth', auth);

  // The web app.
  const index = join(WEB_ROOT, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ webRoot: WEB_ROOT }, 'the web app is not built (npm run build builds it): / and /app answer 404');
    return;
  }
  // The bundles go out compressed (gzip or brotli as the browser asks): the JavaScript sent is a
  // third of its size on disk (bench: "console JavaScript sent"). Only the static assets: the API's
  // own answers are small and compressing them would cost the command path CPU.
  app.use(
    '/assets',
    compression(),
    serveStatic(join(WEB_ROOT, 'assets'), {
      index: false,
      fallthrough: true,
      setHeaders: (response) => response.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  logger.info({ url: `${config.publicUrl}/`, signIn: config.identityProvider.kind }, 'the console is served');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !(request.path === '/' || request.path === '/app' || request.path.startsWith('/app/')))
      return next();
    response.sendFile(index, { headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': CONSOLE_CSP } });
  });
}
