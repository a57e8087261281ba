import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, generateDevKeyPair, mintToken, type AuthConfig, type AuthenticatedUser, type Role } from '@samvirke/access';

/**
 * Tokens for e2e and integration tests: real ES256 tokens from a key pair made once per test
 * process, and an AuthConfig that makes the app trust exactly that key (nothing on disk).
 */
export type TestUser = Partial<AuthenticatedUser> & { agency: string; roles: Role[] };

export interface TestAuth {
  /** Pass to AccessModule.register (or the app's runtime) so the app trusts this process's key. */
  authConfig: AuthConfig;
  token(user: TestUser): Promise<string>;
  /** Expired an hour ago, far beyond the clock tolerance. */
  expiredToken(user: TestUser): Promise<string>;
  /** Right claims, signed by a key the app does not trust. */
  tokenSignedByAnotherKey(user: TestUser): Promise<string>;
  /** Right key, but meant for another API. */
  tokenWithAudience(audience: string, user?: TestUser): Promise<string>;
}

let processKeys: { publicJwk: JWK; privateJwk: JWK } | undefined;

function claimsOf(user: TestUser): { sub: string; agency: string; roles: Role[]; extra: Record<string, unknown> } {
  const extra: Record<string, unknown> = {};
  if (user.displayName !== undefined) extra['name'] = user.displayName;
  if (user.namedAccess !== undefined) extra['named_access'] = user.namedAccess;
  return { sub: user.userId ?? `test-user-${randomUUID()}`, agency: user.agency, roles: user.roles, extra };
}

export function createTestAuth(): TestAuth {
  processKeys ??= generateDevKeyPair();
  const { publicJwk, privateJwk } = processKeys;
  const authConfig: AuthConfig = {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    clockToleranceSeconds: 30,
    devKeys: { publicJwk, keyFile: '(test key, in memory)' },
    devKeysByDefault: false,
  };
  const sign = (key: JWK, user: TestUser, overrides: { audience?: string; issuedAt?: Date; ttlSeconds?: number } = {}) =>
    mintToken(key, {
      ...claimsOf(user),
      issuer: authConfig.issuer,
      audience: overrides.audience ?? authConfig.audience,
      ttlSeconds: overrides.ttlSeconds ?? 600,
      issuedAt: overrides.issuedAt,
    });
  const defaultUser: TestUser = { agency: 'BIF', roles: ['coordinator'] };

  return {
    authConfig,
    token: (user) => sign(privateJwk, user),
    expiredToken: (user) => sign(privateJwk, user, { issuedAt: new Date(Date.now() - 2 * 3600_000), ttlSeconds: 3600 }),
    // Same kid as the trusted key, so the forgery reaches the signature check instead of failing on key lookup.
    tokenSignedByAnotherKey: (user) => sign({ ...generateDevKeyPair().privateJwk, kid: publicJwk.kid }, user),
    tokenWithAudience: (audience, user = defaultUser) => sign(privateJwk, user, { audience }),
  };
}
