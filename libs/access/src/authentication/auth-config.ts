import { join } from 'node:path';
import { AuthConfigError } from './auth-config-error';
import { loadOrCreateDevKeyFile, type DevKeys } from './dev-tokens';

export { AuthConfigError } from './auth-config-error';

/**
 * How the API verifies bearer tokens. Exactly one key source is set: an identity provider's JWKS
 * (production) or the local dev key pair (development and tests).
 */
export interface AuthConfig {
  issuer: string;
  audience: string;
  /** Allowed clock difference between us and the identity provider for exp/nbf/iat. */
  clockToleranceSeconds: number;
  jwksUrl?: string;
  devKeys?: DevKeys;
  /**
   * True when nothing was configured and the dev keys were chosen as a fallback, so that
   * `npm start` works on a laptop. The app logs a warning when it is set.
   */
  devKeysByDefault: boolean;
}

export const DEV_KEY_FILE_NAME = 'dev-auth-key.json';
export const DEV_ISSUER = 'samvirke-dev';
export const DEV_AUDIENCE = 'samvirke-api';

type Env = Record<string, string | undefined>;

function optionalBoolean(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new AuthConfigError(name, 'must be true or false');
}

function jwksUrl(env: Env, production: boolean): string | undefined {
  const raw = env['AUTH_JWKS_URL']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError('AUTH_JWKS_URL', 'must be a URL like https://idp.example/realms/samvirke/protocol/openid-connect/certs');
  }
  // Keys fetched over plain HTTP could be swapped in transit, and with them every identity.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) {
    throw new AuthConfigError('AUTH_JWKS_URL', production ? 'must use https:// in production' : 'must use https:// (or http:// outside production)');
  }
  return url.toString();
}

function clockTolerance(env: Env): number {
  const raw = env['AUTH_CLOCK_TOLERANCE_SECONDS']?.trim();
  if (raw === undefined || raw === '') return 30;
  if (!/^\d+$/.test(raw) || Number(raw) > 300) throw new AuthConfigError('AUTH_CLOCK_TOLERANCE_SECONDS', 'must be a whole number of seconds from 0 to 300');
  return Number(raw);
}

function requiredInProduction(env: Env, name: string, devDefault: string, production: boolean): string {
  const value = env[name]?.trim();
  if (value) return value;
  // The development defaults name no real identity provider; accepting them in production would
  // mean tokens for any audience called "samvirke-api" pass.
  if (production) throw new AuthConfigError(name, "must be set in production (the identity provider's value)");
  return devDefault;
}

/**
 * Reads AUTH_* from the environment. `dataDir` holds the dev key file, created on first use when
 * the dev keys are trusted. Throws AuthConfigError with one line naming the variable.
 */
export function loadAuthConfig(env: Env, dataDir: string): AuthConfig {
  const production = env['NODE_ENV']?.trim() === 'production';
  const trustDevKeys = optionalBoolean(env, 'AUTH_TRUST_DEV_KEYS');
  if (production && trustDevKeys === true) {
    throw new AuthConfigError(
      'AUTH_TRUST_DEV_KEYS',
      'must not be true when NODE_ENV=production: anyone with the dev key file could sign in; set AUTH_JWKS_URL',
    );
  }
  const remote = jwksUrl(env, production);
  const issuer = requiredInProduction(env, 'AUTH_ISSUER', DEV_ISSUER, production);
  const audience = requiredInProduction(env, 'AUTH_AUDIENCE', DEV_AUDIENCE, production);
  const clockToleranceSeconds = clockTolerance(env);

  if (remote && trustDevKeys === true) {
    throw new AuthConfigError('AUTH_TRUST_DEV_KEYS', 'must not be true when AUTH_JWKS_URL is set: configure exactly one key source');
  }
  if (remote) return { issuer, audience, clockToleranceSeconds, jwksUrl: remote, devKeysByDefault: false };
  if (production) throw new AuthConfigError('AUTH_JWKS_URL', "must be set in production (the identity provider's JWKS endpoint)");
  if (trustDevKeys === false) throw new AuthConfigError('AUTH_JWKS_URL', 'must be set when AUTH_TRUST_DEV_KEYS=false: configure exactly one key source');

  const devKeys = loadOrCreateDevKeyFile(join(dataDir, DEV_KEY_FILE_NAME));
  return { issuer, audience, clockToleranceSeconds, devKeys, devKeysByDefault: trustDevKeys === undefined };
}

/** A log-safe summary of the configuration (no keys). */
export function describeAuthConfig(config: AuthConfig): Record<string, string | number | boolean> {
  return {
    issuer: config.issuer,
    audience: config.audience,
    clockToleranceSeconds: config.clockToleranceSeconds,
    keySource: config.jwksUrl ? 'jwks' : 'dev-keys',
    ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : {}),
    ...(config.devKeys ? { devKeyFile: config.devKeys.keyFile } : {}),
    devKeysByDefault: config.devKeysByDefault,
  };
}
