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

/** Verifies OIDC access tokens and maps their claims to an AuthenticatedUser. Framework-free. */
export class TokenVerifier {
  constructor(private readonly options: TokenVerifierOptions) {}

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
    try {
      const { payload } = await jwtVerify(bearerToken, this.options.keys, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
        // A token without an expiry would be valid forever once leaked.
        requiredClaims: ['exp', 'sub'],
        ...(this.options.now ? { currentDate: this.options.now() } : {}),
      });
      return userFromClaims(payload);
    } catch (error) {
      throw new AuthenticationFailed(reasonFor(error));
    }
  }
}
