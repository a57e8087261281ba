import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Router, urlencoded, type Request, type Response, type NextFunction } from 'express';
import { demoUsers, type DemoUser } from '@samvirke/demo';

/** The path the development identity provider is mounted under, on the API's own port. */
export const DEV_IDP_PATH = '/dev-idp';
export const DEV_CLIENT_ID = 'samvirke-console';

export interface DevIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Express handlers to mount at DEV_IDP_PATH. */
  router: Router;
}

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

  const router = Router();
  router.get('/interaction/:uid', (request: Request, response: Response, next: NextFunction) => {
    provider
      .interactionDetails(request, response)
      .then((details) => {
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.send(loginPage(details.uid, users));
      })
      .catch(next);
  });
  router.post('/interaction/:uid/login', urlencoded({ extended: false, limit: '2kb' }), (request: Request, response: Response, next: NextFunction) => {
    const form = request.body as { userId?: unknown } | undefined;
    const userId = typeof form?.userId === 'string' ? form.userId : '';
    if (!byId.has(userId)) {
      response.status(400).type('text/plain').send('unknown demo user');
      return;
    }
    provider.interactionFinished(request, response, { login: { accountId: userId } }, { mergeWithLastSubmission: false }).catch(next);
  });
  router.use(provider.callback());
  return { issuer, clientId: DEV_CLIENT_ID, clientSecret, router };
}

interface OidcProvider {
  interactionDetails(request: Request, response: Response): Promise<{ uid: string; prompt: { name: string } }>;
  interactionFinished(request: Request, response: Response, result: Record<string, unknown>, options: Record<string, unknown>): Promise<void>;
  callback(): (request: Request, response: Response, next: NextFunction) => void;
}

interface GrantContext {
  oidc: {
    provider: { Grant: new (options: { clientId: string; accountId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> } };
    client: { clientId: string };
    session: { accountId: string };
  };
}
