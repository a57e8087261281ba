import { createHash } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from './auth-config';
import { AuthenticationFailed, type AuthenticationFailureReason } from './authentication-failed';
import { userFromClaims, type AuthenticatedUser } from './claims';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  /** The key set; build it once, it caches keys (and, for a remote JWKS, refetches on rotation). */
  keys: JWTVerifyGetKey;
  /** Only for tests that pin time; production always uses the real clock for token lifetimes. */
  now?: () => Date;
  /** Verified tokens remembered at once (default 10,000; 0 turns the cache off). */
  cacheEntries?: number;
  /** How long a verified token is remembered at most, whatever its expiry (default 60 s). */
  cacheMaxAgeMs?: number;
}

/** The algorithms an OIDC provider signs access tokens with. HS* and `none` are never accepted. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'];

/** A token larger than this is not one an identity provider issued; refuse before parsing it. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function reasonFor(error: unknown): AuthenticationFailureReason {
  if (error instanceof AuthenticationFailed) return error.reason;
  if (error instanceof errors.JWTExpired) return 'EXPIRED';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'WRONG_ISSUER';
    if (error.claim === 'aud') return 'WRONG_AUDIENCE';
    if (error.claim === 'nbf') return 'NOT_YET_VALID';
    return 'INVALID_CLAIMS';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'ALGORITHM_NOT_ALLOWED';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'BAD_SIGNATURE';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'UNKNOWN_KEY';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'KEYS_UNAVAILABLE';
  if (error instanceof errors.JOSEError) return 'MALFORMED_TOKEN';
  // Anything else is the remote JWKS fetch failing (network, HTTP status): not the caller's fault,
  // but we still cannot say who they are.
  return 'KEYS_UNAVAILABLE';
}

interface VerifiedToken {
  user: AuthenticatedUser;
  /** Epoch ms: the token's own `exp` or the cache's maximum age, whichever comes first. */
  until: number;
}

/**
 * Verifies OIDC access tokens and maps their claims to an AuthenticatedUser. Framework-free.
 *
 * A verified token is remembered, keyed by the SHA-256 of the token string (the cache holds no
 * bearer token), so a client's next requests skip the signature check (233 µs of CPU per ES256
 * verify, bench/README.md). What the cache keeps to:
 * - it never extends a token's life: an entry ends at the token's `exp` itself (the clock tolerance
 *   is not added) and after `cacheMaxAgeMs` (60 s) at the latest; a hit after that verifies anew;
 * - only tokens that passed every check are remembered; a refused token is checked every time;
 * - bounded: at most `cacheEntries` (10,000, about 2 MB); when full, the oldest entry goes.
 * Revocation: Samvirke has no revocation list or introspection for access tokens (they are valid
 *   until `exp`), so the cache takes nothing away. Key rotation: a key withdrawn from the provider's
 *   JWKS is seen only when the remote set refetches (after `cacheMaxAge`, 10 min), so a token signed
 *   with it is already accepted that long; the cache's 60 s stays inside that window. A process
 *   restart empties the cache.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, VerifiedToken>();
  private readonly cacheEntries: number;
  private readonly cacheMaxAgeMs: number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.cacheEntries = options.cacheEntries ?? 10_000;
    this.cacheMaxAgeMs = options.cacheMaxAgeMs ?? 60_000;
  }

  /** One key set per process: the remote set caches the provider's keys between requests. */
  static fromConfig(config: AuthConfig): TokenVerifier {
    let keys: JWTVerifyGetKey;
    if (config.jwksUrl) {
      keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    } else if (config.devKeys) {
      keys = createLocalJWKSet({ keys: [config.devKeys.publicJwk] });
    } else {
      throw new Error('authentication configuration names no key source (AUTH_JWKS_URL or the dev keys)');
    }
    return new TokenVerifier({ issuer: config.issuer, audience: config.audience, clockToleranceSeconds: config.clockToleranceSeconds, keys });
  }

  /** `bearerToken` is the compact JWS after "Bearer ". Throws AuthenticationFailed, never anything else. */
  async verify(bearerToken: string): Promise<AuthenticatedUser> {
    if (bearerToken.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(bearerToken)) throw new AuthenticationFailed('MALFORMED_TOKEN');
    const now = this.options.now ? this.options.now().getTime() : Date.now();
    const key = this.cacheEntries > 0 ? createHash('sha256').update(bearerToken).digest('base64url') : '';
    const hit = this.cacheEntries > 0 ? this.verified.get(key) : undefined;
    if (hit) {
      if (now < hit.until) return copyOf(hit.user);
      this.verified.delete(key);
    }
    try {
      const { payload } = await jwtVerify(bearerToken, this.options.keys, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
        // A token without an expiry would be valid forever once leaked.
        requiredClaims: ['exp', 'sub'],
        ...(this.options.now ? { currentDate: new Date(now) } : {}),
      });
      const user = userFromClaims(payload);
      // requiredClaims makes exp present; jose has checked it is a number.
      if (this.cacheEntries > 0) this.remember(key, user, Math.min((payload.exp as number) * 1000, now + this.cacheMaxAgeMs));
      return copyOf(user);
    } catch (error) {
      throw new AuthenticationFailed(reasonFor(error));
    }
  }

  private remember(key: string, user: AuthenticatedUser, until: number): void {
    if (this.verified.size >= this.cacheEntries) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(key, { user, until });
  }
}

/** Each request gets its own user object: nothing one request does to it reaches another. */
function copyOf(user: AuthenticatedUser): AuthenticatedUser {
  return { ...user, roles: [...user.roles], ...(user.namedAccess ? { namedAccess: [...user.namedAccess] } : {}) };
}
