import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, createLocalJWKSet, importJWK, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { AuthenticationFailed, type AuthenticationFailureReason } from './authentication-failed';
import { generateDevKeyPair, mintToken, publicPartOf, type MintTokenOptions } from './dev-tokens';
import { TokenVerifier } from './token-verifier';

const NOW = new Date('2026-11-20T10:00:00Z');
const ISSUER = 'https://idp.test/realms/samvirke';
const AUDIENCE = 'samvirke-api';

const ec = generateDevKeyPair();
const rsaPrivate: JWK = { ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as JWK), kid: 'rsa-1', alg: 'RS256' };
const rsaPublic = publicPartOf(rsaPrivate);

const claims: Omit<MintTokenOptions, 'issuer' | 'audience'> = { sub: 'caseworker-17', agency: 'SOF', roles: ['liaison'] };

function mint(key: JWK, overrides: Partial<MintTokenOptions> = {}): Promise<string> {
  return mintToken(key, { ...claims, issuer: ISSUER, audience: AUDIENCE, issuedAt: new Date(NOW.getTime() - 60_000), ...overrides });
}

/** Issued `ttl` seconds before it expires, expiring `secondsAgo` before NOW. */
function expiredSecondsAgo(key: JWK, secondsAgo: number): Promise<string> {
  return mint(key, { issuedAt: new Date(NOW.getTime() - (secondsAgo + 300) * 1000), ttlSeconds: 300 });
}

const verifier = new TokenVerifier({
  issuer: ISSUER,
  audience: AUDIENCE,
  clockToleranceSeconds: 30,
  keys: createLocalJWKSet({ keys: [ec.publicJwk, rsaPublic] }),
  now: () => NOW,
});

async function reasonFor(token: string, using: TokenVerifier = verifier): Promise<AuthenticationFailureReason> {
  try {
    await using.verify(token);
  } catch (error) {
    if (error instanceof AuthenticationFailed) return error.reason;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

function unsignedToken(header: Record<string, unknown>, payload: Record<string, unknown>, signature: string): string {
  const part = (value: Record<string, unknown>) => base64url.encode(JSON.stringify(value));
  return `${part(header)}.${part(payload)}.${signature}`;
}

describe('TokenVerifier', () => {
  it('accepts a valid ES256 token and returns the user', async () => {
    await expect(verifier.verify(await mint(ec.privateJwk))).resolves.toEqual({ userId: 'caseworker-17', agency: 'SOF', roles: ['liaison'] });
  });

  it('accepts a valid RS256 token', async () => {
    await expect(verifier.verify(await mint(rsaPrivate))).resolves.toMatchObject({ userId: 'caseworker-17' });
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    await expect(verifier.verify(await expiredSecondsAgo(ec.privateJwk, 29))).resolves.toMatchObject({ agency: 'SOF' });
  });

  it('rejects a token that expired beyond the clock tolerance', async () => {
    expect(await reasonFor(await expiredSecondsAgo(ec.privateJwk, 31))).toBe('EXPIRED');
  });

  it('rejects a token that is not valid yet beyond the clock tolerance', async () => {
    const token = await mint(ec.privateJwk, { extra: { nbf: Math.floor(NOW.getTime() / 1000) + 120 } });
    expect(await reasonFor(token)).toBe('NOT_YET_VALID');
  });

  it('rejects a token without an expiry', async () => {
    const key = await importJWK(ec.privateJwk, 'ES256');
    const token = await new SignJWT({ agency: 'SOF', roles: ['liaison'] })
      .setProtectedHeader({ alg: 'ES256', kid: ec.privateJwk.kid })
      .setSubject('caseworker-17')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .sign(key);
    expect(await reasonFor(token)).toBe('INVALID_CLAIMS');
  });

  it('rejects a token from another issuer', async () => {
    expect(await reasonFor(await mint(ec.privateJwk, { issuer: 'https://evil.test' }))).toBe('WRONG_ISSUER');
  });

  it('rejects a token for another audience', async () => {
    expect(await reasonFor(await mint(ec.privateJwk, { audience: 'some-other-api' }))).toBe('WRONG_AUDIENCE');
  });

  it('rejects a token signed by another key that claims the trusted key id', async () => {
    const forger = { ...generateDevKeyPair().privateJwk, kid: ec.privateJwk.kid };
    expect(await reasonFor(await mint(forger))).toBe('BAD_SIGNATURE');
  });

  it('rejects a token signed by a key it does not know', async () => {
    expect(await reasonFor(await mint(generateDevKeyPair().privateJwk))).toBe('UNKNOWN_KEY');
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await mint(ec.privateJwk)).split('.');
    const payload = base64url.encode(
      JSON.stringify({ sub: 'caseworker-17', agency: 'SOF', roles: ['coordinator'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 }),
    );
    expect(await reasonFor(`${header}.${payload}.${signature}`)).toBe('BAD_SIGNATURE');
  });

  it('rejects alg none, with or without a signature part', async () => {
    const payload = { sub: 'x', agency: 'SOF', roles: ['coordinator'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 };
    expect(await reasonFor(unsignedToken({ alg: 'none' }, payload, ''))).toBe('MALFORMED_TOKEN');
    expect(await reasonFor(unsignedToken({ alg: 'none' }, payload, 'AAAA'))).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('rejects HS256, even with the public key material as the secret', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(ec.publicJwk));
    const token = await new SignJWT({ agency: 'SOF', roles: ['coordinator'] })
      .setProtectedHeader({ alg: 'HS256', kid: ec.publicJwk.kid })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600)
      .sign(secret);
    expect(await reasonFor(token)).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a valid signature over claims without a known role', async () => {
    expect(await reasonFor(await mint(ec.privateJwk, { roles: [] }))).toBe('NO_KNOWN_ROLE');
  });

  it('rejects garbage and oversized input before parsing it', async () => {
    expect(await reasonFor('not-a-token')).toBe('MALFORMED_TOKEN');
    expect(await reasonFor(`${'a'.repeat(20_000)}.b.c`)).toBe('MALFORMED_TOKEN');
    expect(await reasonFor('e30.e30.e30')).toBe('MALFORMED_TOKEN');
  });

  it('never echoes token content in its error message', async () => {
    const token = await mint(ec.privateJwk, { audience: 'wrong', agency: 'AGENCY-NAME-IN-TOKEN' });
    await expect(verifier.verify(token)).rejects.toThrow(/^a valid bearer token is required$/);
  });

  describe('with a remote JWKS', () => {
    let server: Server;
    let jwksUrl: string;
    let fetches = 0;

    beforeAll(async () => {
      server = createServer((_request, response) => {
        fetches += 1;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [ec.publicJwk, rsaPublic] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('verifies ES256 and RS256 tokens against the fetched keys, fetching them once', async () => {
      const remote = TokenVerifier.fromConfig({ issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 30, jwksUrl, devKeysByDefault: false });
      const now = new Date();
      await expect(remote.verify(await mint(ec.privateJwk, { issuedAt: now }))).resolves.toMatchObject({ userId: 'caseworker-17' });
      await expect(remote.verify(await mint(rsaPrivate, { issuedAt: now }))).resolves.toMatchObject({ userId: 'caseworker-17' });
      await expect(remote.verify(await mint(ec.privateJwk, { issuedAt: now }))).resolves.toMatchObject({ userId: 'caseworker-17' });
      expect(fetches).toBe(1);
    });

    it('reports unreachable keys as KEYS_UNAVAILABLE, still as an authentication failure', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const unreachable = TokenVerifier.fromConfig({
        issuer: ISSUER,
        audience: AUDIENCE,
        clockToleranceSeconds: 30,
        jwksUrl: `http://127.0.0.1:${port}/certs`,
        devKeysByDefault: false,
      });
      expect(await reasonFor(await mint(ec.privateJwk, { issuedAt: new Date() }), unreachable)).toBe('KEYS_UNAVAILABLE');
    });
  });

  describe('the verified-token cache', () => {
    /** A verifier on a clock the test moves, counting how often a signature is checked (a key is looked up). */
    function cachingVerifier(options: { cacheEntries?: number; cacheMaxAgeMs?: number } = {}) {
      const clock = { now: NOW.getTime() };
      const localKeys = createLocalJWKSet({ keys: [ec.publicJwk, rsaPublic] });
      const counted = { lookups: 0 };
      const keys: JWTVerifyGetKey = (header, token) => {
        counted.lookups++;
        return localKeys(header, token);
      };
      const verifying = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 30, keys, now: () => new Date(clock.now), ...options });
      return { verifying, clock, counted };
    }

    it('checks the signature of a token once and answers its next uses from the cache', async () => {
      const { verifying, counted } = cachingVerifier();
      const token = await mint(ec.privateJwk);
      for (let i = 0; i < 3; i++) await expect(verifying.verify(token)).resolves.toEqual({ userId: 'caseworker-17', agency: 'SOF', roles: ['liaison'] });
      expect(counted.lookups).toBe(1);
    });

    it('never extends a token past its own expiry: after exp (plus the tolerance) it is refused', async () => {
      const { verifying, clock } = cachingVerifier({ cacheMaxAgeMs: 24 * 3600_000 });
      const token = await mint(ec.privateJwk, { issuedAt: NOW, ttlSeconds: 300 });
      await expect(verifying.verify(token)).resolves.toMatchObject({ userId: 'caseworker-17' });
      clock.now = NOW.getTime() + 331_000;
      expect(await reasonFor(token, verifying)).toBe('EXPIRED');
    });

    it('checks the signature again after the maximum age, and after the token was evicted from a full cache', async () => {
      const { verifying, clock, counted } = cachingVerifier({ cacheEntries: 2 });
      const [first, second, third] = await Promise.all([mint(ec.privateJwk), mint(ec.privateJwk), mint(rsaPrivate)]);
      await verifying.verify(first);
      clock.now += 61_000;
      await verifying.verify(first);
      expect(counted.lookups).toBe(2);
      await verifying.verify(second);
      await verifying.verify(third);
      await verifying.verify(first);
      expect(counted.lookups).toBe(5);
    });

    it('remembers no refused token, and gives each caller a user of its own', async () => {
      const { verifying, counted } = cachingVerifier();
      const forged = (await mint(ec.privateJwk)).replace(/\.[^.]+$/, `.${base64url.encode(Buffer.alloc(64, 1))}`);
      expect(await reasonFor(forged, verifying)).toBe('BAD_SIGNATURE');
      expect(await reasonFor(forged, verifying)).toBe('BAD_SIGNATURE');
      expect(counted.lookups).toBe(2);
      const token = await mint(ec.privateJwk);
      (await verifying.verify(token)).roles.push('coordinator');
      await expect(verifying.verify(token)).resolves.toMatchObject({ roles: ['liaison'] });
    });
  });
});
