import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { demoUsers, type DemoUser } from '@samvirke/demo';
import { hijackWithHeaders } from '@samvirke/platform';

/** The path the development identity provider is mounted under, on the API's own port. */
export const DEV_IDP_PATH = '/dev-idp';
export const DEV_CLIENT_ID = 'samvirke-console';

export interface DevIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Its routes, as a Fastify plugin to register unprefixed (the paths include DEV_IDP_PATH) in a
   * context of its own: it leaves request bodies unread for oidc-provider, which reads them itself.
   */
  plugin: (instance: FastifyInstance) => Promise<void>;
}

/** The login form's body (a demo user's id): at most 2 kB. */
const LOGIN_FORM_LIMIT = 2 * 1024;

const ROLE_WORDS: Record<DemoUser['role'], string> = {
  coordinator: 'Koordinatorer',
  liaison: 'Kontaktpersoner (én pr. myndighed)',
  auditor: 'Revisor',
  'programme-manager': 'Programleder (effektmål)',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The login page: every demo user as a button, grouped by role (keyboard: Tab, Enter). */
function loginPage(uid: string, users: DemoUser[]): string {
  const groups = (['coordinator', 'liaison', 'auditor', 'programme-manager'] as const)
    .map((role) => {
      const buttons = users
        .filter((user) => user.role === role)
        .map(
          (user) =>
            `<li><button type="submit" name="userId" value="${escapeHtml(user.userId)}">${escapeHtml(user.userId)} <span>${escapeHtml(user.agency)}</span></button></li>`,
        )
        .join('');
      return `<fieldset><legend>${ROLE_WORDS[role]}</legend><ul>${buttons}</ul></fieldset>`;
    })
    .join('');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log ind (udviklingsidentitetsudbyder) – Samvirke</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
fieldset{border:1px solid #747474;margin:0 0 1rem;padding:.5rem 1rem}
legend{font-weight:600}
button{font:inherit;padding:.4rem .8rem;border:1px solid #0059b3;background:#fff;color:#0059b3;border-radius:4px;cursor:pointer}
button:hover{background:#e6f0fa}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
button span{color:#454545;font-size:.85em}
.note{background:#fff4cc;border-left:4px solid #a36a00;padding:.5rem 1rem}
</style></head>
<body><main>
<h1>Log ind i Samvirke</h1>
<p class="note">Udviklingsidentitetsudbyder: vælg en af demodataens brugere. Findes kun på en udviklingsmaskine; produktion nægter at starte den.</p>
<form method="post" action="${DEV_IDP_PATH}/interaction/${escapeHtml(uid)}/login">${groups}</form>
</main></body></html>`;
}

/**
 * A development identity provider (the `oidc-provider` package) whose login page lets you pick one of
 * the demo users: the console's sign-in then runs the same authorization code flow with PKCE as
 * against a real provider. Its keys, client secret and cookie keys are made at start and kept in
 * memory. The ID token carries the claims the API's bearer tokens carry (`sub`, `agency`, `roles`,
 * `name`), so a signed-in user is the same actor as one with a minted token.
 */
export function createDevIdentityProvider(publicUrl: string): DevIdentityProvider {
  // Loaded only here: production never starts it (see console-config.ts), and npm start never loads it
  // when an identity provider is configured.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Provider } = require('oidc-provider') as { Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProvider };
  const issuer = `${publicUrl}${DEV_IDP_PATH}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const users = demoUsers();
  const byId = new Map(users.map((user) => [user.userId, user]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEV_CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: [`${publicUrl}/auth/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'samvirke'],
    claims: { openid: ['sub'], profile: ['name'], samvirke: ['agency', 'roles'] },
    // The scopes' claims go into the ID token too: the console reads the actor from it.
    conformIdTokenClaims: false,
    findAccount: async (_context: unknown, id: string) => {
      const user = byId.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: id, agency: user.agency, roles: [user.role] }) };
    },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `${DEV_IDP_PATH}/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    // A first-party client: no consent screen, the requested scopes are granted.
    loadExistingGrant: async (context: GrantContext) => {
      const grant = new context.oidc.provider.Grant({ clientId: context.oidc.client.clientId, accountId: context.oidc.session.accountId });
      grant.addOIDCScope('openid profile samvirke');
      await grant.save();
      return grant;
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [signingKey] },
    ttl: { Session: 8 * 3600, Grant: 8 * 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  });

  const handOver = provider.callback();
  const plugin = async (instance: FastifyInstance): Promise<void> => {
    // oidc-provider reads the bodies of its own endpoints (the token endpoint's form, ...) from the
    // request stream: nothing here parses or refuses one (the API's JSON parser included).
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', leaveUnread);

    instance.get(`${DEV_IDP_PATH}/interaction/:uid`, async (request: FastifyRequest, reply: FastifyReply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return reply.header('Content-Type', 'text/html; charset=utf-8').send(loginPage(details.uid, users));
    });

    // The login form, in a context of its own: only its body is parsed here.
    await instance.register(async (form: FastifyInstance) => {
      form.removeAllContentTypeParsers();
      form.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: LOGIN_FORM_LIMIT }, (_request, body, done) => {
        done(null, new URLSearchParams(body as string));
      });
      // Another type is not parsed: no user is chosen (400 below).
      form.addContentTypeParser('*', leaveUnread);
      form.post(`${DEV_IDP_PATH}/interaction/:uid/login`, async (request: FastifyRequest, reply: FastifyReply) => {
        const chosen = request.body instanceof URLSearchParams ? request.body.getAll('userId') : [];
        const userId = chosen.length === 1 ? chosen[0] : '';
        if (!byId.has(userId)) return reply.code(400).header('Content-Type', 'text/plain; charset=utf-8').send('unknown demo user');
        const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: userId } }, { mergeWithLastSubmission: false });
        // What oidc-provider's interactionFinished answers: 303 to the authorization endpoint's resume.
        return reply.code(303).header('Location', returnTo).send();
      });
    });

    // Everything else under DEV_IDP_PATH (discovery, authorization, token, userinfo, jwks, ...) is
    // oidc-provider's: it gets the Node request and response, with the path relative to the mount.
    const toProvider = (request: FastifyRequest, reply: FastifyReply): void => {
      // The raw response keeps the headers the API's hooks set (no-store, helmet's, the request id);
      // oidc-provider may override them.
      const response = hijackWithHeaders(reply);
      mountRelative(request.raw);
      void handOver(request.raw, response);
    };
    instance.all(DEV_IDP_PATH, toProvider);
    instance.all(`${DEV_IDP_PATH}/*`, toProvider);
  };
  return { issuer, clientId: DEV_CLIENT_ID, clientSecret, plugin };
}

/** A content type parser that leaves the body in the request stream, unread. */
function leaveUnread(_request: FastifyRequest, _payload: unknown, done: (error: Error | null, body?: unknown) => void): void {
  done(null, undefined);
}

/**
 * The request as a provider mounted at DEV_IDP_PATH sees it: `url` relative to the mount (oidc-provider
 * routes on it), `originalUrl` and `baseUrl` for the mount path (it builds its endpoints' URLs from
 * them: `originalUrl` minus `url`, else `baseUrl`).
 */
function mountRelative(raw: IncomingMessage & { originalUrl?: string; baseUrl?: string }): void {
  const url = raw.url ?? DEV_IDP_PATH;
  const rest = url.slice(DEV_IDP_PATH.length);
  raw.originalUrl = url;
  raw.baseUrl = DEV_IDP_PATH;
  raw.url = rest.startsWith('/') ? rest : `/${rest}`;
}

interface OidcProvider {
  interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>;
  /** Stores the interaction's result; answers the URL to send the browser to (interactionFinished's 303). */
  interactionResult(request: IncomingMessage, response: ServerResponse, result: Record<string, unknown>, options: Record<string, unknown>): Promise<string>;
  /** The provider as a Node request listener (Koa's callback). */
  callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

interface GrantContext {
  oidc: {
    provider: { Grant: new (options: { clientId: string; accountId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> } };
    client: { clientId: string };
    session: { accountId: string };
  };
}
