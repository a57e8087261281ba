import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import * as oidc from 'openid-client';
import type { Pool } from 'pg';
import { AuthenticationFailed, SessionRequestRefused, userFromClaims } from '@samvirke/access';
import { DATABASE_POOL } from '@samvirke/platform';
import type { MasterKeyring } from '@samvirke/privacy';
import type { ConsoleConfig } from './console-config';
import { ConsoleSessions, PostgresConsoleSessionStore, clearCookie, cookieOf, setCookie, type CookieAttributes } from './console-sessions';
import { createDevIdentityProvider } from './dev-identity-provider';
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

function problem(reply: FastifyReply, status: number, reason: string, title: string, detail: string): FastifyReply {
  return reply
    .code(status)
    .header('Content-Type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ type: `https://samvirke.kk.dk/problems/${reason.toLowerCase().replace(/_/g, '-')}`, title, status, detail, reason }));
}

/** Below this size an asset goes out as it is: compressing it saves less than it costs. */
const COMPRESSION_THRESHOLD = 1024;

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
 * Each is a Fastify plugin in a context of its own (its cookie, static file, compression and body
 * handling stay off the API's routes), registered before the app initialises. The API's request
 * hooks (no-store, the request id, helmet's headers) run on them too; an error they do not answer
 * themselves goes to the API's error handler, as an unknown path goes to its not-found handler.
 */
export async function mountConsole(app: NestFastifyApplication, config: ConsoleConfig, logger: Logger, keyring: MasterKeyring): Promise<void> {
  const sessions = app.get(ConsoleSessions);
  sessions.configure(config, new PostgresConsoleSessionStore(app.get<Pool>(DATABASE_POOL)), keyring);
  const api = app.getHttpAdapter().getInstance();
  // The API's error handler as it is when a request comes: Nest installs it when the app initialises,
  // after these contexts are made (a context would otherwise keep the handler of the moment).
  const apiErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => api.errorHandler(error, request, reply);

  let identity: { issuer: string; clientId: string; clientSecret: string; scope: string; development: boolean } | undefined;
  if (config.identityProvider.kind === 'development') {
    const dev = createDevIdentityProvider(config.publicUrl);
    await app.register(async (instance: FastifyInstance) => {
      instance.setErrorHandler(apiErrors);
      await dev.plugin(instance);
    });
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
  const cookieAttributes: CookieAttributes = { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/auth' };

  // The identity provider unreachable, or anything else: one problem document, never a stack trace.
  const unavailable = (reply: FastifyReply, error: unknown): FastifyReply => {
    logger.warn(
      { errorName: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : undefined },
      'console sign-in route failed',
    );
    if (!reply.sent) problem(reply, 503, 'SIGN_IN_UNAVAILABLE', 'Service Unavailable', 'sign-in is not available right now; try again shortly');
    return reply;
  };

  await app.register(async (auth: FastifyInstance) => {
    // Errors before a route runs (a body the API's JSON parser refuses) are the API's to answer.
    auth.setErrorHandler(apiErrors);
    // For reply.setCookie only: the cookies are read from the header (cookieOf), here as on the API's routes.
    await auth.register(fastifyCookie, { hook: false });

    auth.get('/auth/session', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const session = await sessions.find(request);
        if (!session) return reply.send({ user: null, signIn: identity ? 'available' : 'unavailable' });
        const { userId, agency, roles, displayName } = session.user;
        return reply.send({ user: { userId, agency, roles, displayName: displayName ?? null }, csrfToken: session.csrfToken });
      } catch (error) {
        return unavailable(reply, error);
      }
    });

    auth.get('/auth/login', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!identity) return problem(reply, 503, 'SIGN_IN_UNAVAILABLE', 'Service Unavailable', 'no identity provider is configured (OIDC_ISSUER)');
      const { scope, development } = identity;
      try {
        const configuration = await client();
        const codeVerifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        const now = Date.now();
        for (const [key, login] of pending) if (now - login.startedAt > LOGIN_TTL_MS) pending.delete(key);
        if (pending.size > 10_000) pending.delete(pending.keys().next().value as string);
        const query = request.query as Record<string, unknown>;
        pending.set(state, { codeVerifier, nonce, returnTo: safeReturnTo(query['returnTo']), startedAt: now });
        setCookie(reply, LOGIN_COOKIE, state, cookieAttributes, LOGIN_TTL_MS);
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
        return reply.redirect(url.href, 303);
      } catch (error) {
        return unavailable(reply, error);
      }
    });

    auth.get('/auth/callback', async (request: FastifyRequest, reply: FastifyReply) => {
      const state = cookieOf(request, LOGIN_COOKIE);
      const login = state ? pending.get(state) : undefined;
      clearCookie(reply, LOGIN_COOKIE, cookieAttributes);
      if (!state || !login || Date.now() - login.startedAt > LOGIN_TTL_MS) return reply.redirect('/?signin=expired', 303);
      pending.delete(state);
      try {
        const configuration = await client();
        const tokens = await oidc.authorizationCodeGrant(configuration, new URL(request.url, config.publicUrl), {
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
        await sessions.create(user, tokens.id_token, reply);
        logger.info({ userId: user.userId, agency: user.agency, roles: user.roles }, 'console sign-in');
        return reply.redirect(login.returnTo, 303);
      } catch (error) {
        const reason = error instanceof AuthenticationFailed ? error.reason : error instanceof Error ? error.name : 'unknown';
        logger.warn({ reason }, 'console sign-in failed');
        return reply.sent ? reply : reply.redirect('/?signin=failed', 303);
      }
    });

    auth.post('/auth/logout', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const session = await sessions.find(request);
        if (!session) return reply.code(204).send();
        try {
          sessions.checkWrite(request, session);
        } catch (error) {
          if (error instanceof SessionRequestRefused) return problem(reply, 403, 'FORBIDDEN', 'Forbidden', 'your role does not allow this');
          throw error;
        }
        await sessions.end(request, reply);
        let redirectTo = '/';
        if (identity && !identity.development && session.idToken) {
          const configuration = await client();
          if (configuration.serverMetadata().end_session_endpoint) {
            redirectTo = oidc.buildEndSessionUrl(configuration, { id_token_hint: session.idToken, post_logout_redirect_uri: `${config.publicUrl}/` }).href;
          }
        }
        return reply.send({ redirectTo });
      } catch (error) {
        return unavailable(reply, error);
      }
    });
  });

  // The web app.
  const index = join(WEB_ROOT, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ webRoot: WEB_ROOT }, 'the web app is not built (npm run build builds it): / and /app answer 404');
    return;
  }
  await app.register(async (web: FastifyInstance) => {
    web.setErrorHandler(apiErrors);

    // The bundles go out compressed (gzip or brotli as the browser asks): the JavaScript sent is a
    // third of its size on disk (bench: "console JavaScript sent"). Only the static assets, in a
    // context of their own: the API's own answers are small and compressing them would cost the
    // command path CPU.
    await web.register(async (assets: FastifyInstance) => {
      // A path the file server refuses (`..`, a range past the end, ...) is a file that is not there:
      // the API's 404, as for a missing one. Its own failures (5xx) are the API's to answer.
      assets.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
        error.statusCode !== undefined && error.statusCode < 500 ? reply.callNotFound() : apiErrors(error, request, reply),
      );
      // Before the compression's own hook: a HEAD answer, or a file under the threshold, goes out as
      // it is (the plugin compresses a file's stream whatever its size).
      assets.addHook('onSend', (request, reply, payload, done) => {
        if (request.method === 'HEAD' || Number(reply.getHeader('content-length')) < COMPRESSION_THRESHOLD) request.headers['x-no-compression'] = '1';
        done(null, payload);
      });
      await assets.register(fastifyCompress, { global: true, globalDecompression: false, threshold: COMPRESSION_THRESHOLD });
      await assets.register(fastifyStatic, {
        root: join(WEB_ROOT, 'assets'),
        prefix: '/assets/',
        index: false,
        dotfiles: 'ignore',
        decorateReply: false,
        // A file that is not there is the API's 404.
        setHeaders: (reply: FastifyReply, path: string) => {
          reply.header('Cache-Control', 'public, max-age=31536000, immutable');
          // JavaScript's registered type (RFC 9239), where the file server's table still has the obsolete one.
          if (/\.m?js$/.test(path)) reply.header('Content-Type', 'text/javascript; charset=utf-8');
        },
      });
    });

    // index.html for the app's own paths (GET, and HEAD with it); sendFile, where none is decorated yet.
    await web.register(fastifyStatic, { root: WEB_ROOT, serve: false, decorateReply: !web.hasReplyDecorator('sendFile') });
    const page = (_request: FastifyRequest, reply: FastifyReply) =>
      reply.header('Cache-Control', 'no-store').header('Content-Security-Policy', CONSOLE_CSP).sendFile('index.html', WEB_ROOT, { cacheControl: false });
    web.get('/', page);
    web.get('/app', page);
    web.get('/app/*', page);
  });
  logger.info({ url: `${config.publicUrl}/`, signIn: config.identityProvider.kind }, 'the console is served');
}
