import { ConfigError, type AppConfig } from '@samvirke/platform';

type Env = Record<string, string | undefined>;

/** Where the browser console signs its users in. */
export interface ConsoleConfig {
  /** The address browsers use for this server: the origin of the console, its redirect URL and its cookies. */
  publicUrl: string;
  /** Cookies get `Secure` (and the `__Host-` name) when the public URL is https. */
  secureCookies: boolean;
  /** The identity provider (OIDC_ISSUER and its client), or the development one started in-process. */
  identityProvider: { kind: 'configured'; issuer: string; clientId: string; clientSecret: string; scope: string } | { kind: 'development' } | { kind: 'none' };
  /** Hours a session lives at most, and minutes it lives without use. */
  sessionHours: number;
  sessionIdleMinutes: number;
}

function url(env: Env, name: string, production: boolean): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL like https://samvirke.kk.dk');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !production)) {
    throw new ConfigError(name, production ? 'must use https:// in production' : 'must use https:// or http://');
  }
  return raw.replace(/\/+$/, '');
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return Number(raw);
}

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (OIDC_SCOPE), PUBLIC_URL, DEV_IDENTITY_PROVIDER,
 * SESSION_HOURS, SESSION_IDLE_MINUTES. Without OIDC_ISSUER, outside production, the development
 * identity provider (the demo users, /dev-idp) signs users in; production refuses it and, without
 * OIDC_ISSUER, the console cannot sign anyone in (the API's bearer tokens work as before).
 */
export function loadConsoleConfig(env: Env, app: AppConfig): ConsoleConfig {
  const production = app.production;
  const listenHost = app.host === '0.0.0.0' || app.host === '::' ? 'localhost' : app.host;
  const publicUrl = url(env, 'PUBLIC_URL', production) ?? `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${app.port}`;
  const issuer = url(env, 'OIDC_ISSUER', production);
  const devRaw = env['DEV_IDENTITY_PROVIDER']?.trim().toLowerCase() || 'auto';
  if (!['auto', 'true', 'false'].includes(devRaw)) throw new ConfigError('DEV_IDENTITY_PROVIDER', 'must be auto, true or false');
  if (production && devRaw === 'true') {
    throw new ConfigError('DEV_IDENTITY_PROVIDER', 'must not be true when NODE_ENV=production: anyone could sign in as anyone; set OIDC_ISSUER');
  }
  if (issuer && devRaw === 'true') throw new ConfigError('DEV_IDENTITY_PROVIDER', 'must not be true when OIDC_ISSUER is set: configure one identity provider');
  let identityProvider: ConsoleConfig['identityProvider'];
  if (issuer) {
    // The redirect URL and the cookies' origin: a guess from HOST and PORT is wrong behind a proxy.
    if (production && !env['PUBLIC_URL']?.trim())
      throw new ConfigError('PUBLIC_URL', 'must be set in production when OIDC_ISSUER is set (the https address browsers use)');
    const clientId = env['OIDC_CLIENT_ID']?.trim();
    const clientSecret = env['OIDC_CLIENT_SECRET']?.trim();
    if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'must be set when OIDC_ISSUER is set');
    if (!clientSecret) throw new ConfigError('OIDC_CLIENT_SECRET', 'must be set when OIDC_ISSUER is set');
    identityProvider = { kind: 'configured', issuer, clientId, clientSecret, scope: env['OIDC_SCOPE']?.trim() || 'openid profile' };
  } else if (!production && devRaw !== 'false') {
    identityProvider = { kind: 'development' };
  } else {
    identityProvider = { kind: 'none' };
  }
  return {
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    identityProvider,
    sessionHours: whole(env, 'SESSION_HOURS', 8, 1, 24),
    sessionIdleMinutes: whole(env, 'SESSION_IDLE_MINUTES', 30, 5, 480),
  };
}
