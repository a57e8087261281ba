import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import { AuthConfigError } from './auth-config-error';
import type { Role } from './claims';

/**
 * The local key pair for development and tests. It stands in for an identity provider on a
 * laptop; the API trusts it only when configured to, and never in production.
 */
export interface DevKeys {
  publicJwk: JWK;
  /** Absent when only verification is needed. */
  privateJwk?: JWK;
  /** Where the pair lives, for messages and the mint-token command. */
  keyFile: string;
}

export const DEV_KEY_ALGORITHM = 'ES256';
const KEY_FILE_KIND = 'samvirke-dev-auth-key';

/** RFC 7638 thumbprint of a P-256 public key: a stable `kid` that names the key, not its owner. */
function ecThumbprint(jwk: JWK): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function publicPartOf(privateJwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, ...publicJwk } = privateJwk;
  return publicJwk;
}

/** A fresh ES256 (P-256) pair, both halves as JWKs carrying `kid`, `alg` and `use`. */
export function generateDevKeyPair(): { publicJwk: JWK; privateJwk: JWK } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const raw = privateKey.export({ format: 'jwk' }) as JWK;
  const privateJwk: JWK = { kty: raw.kty, crv: raw.crv, x: raw.x, y: raw.y, d: raw.d, alg: DEV_KEY_ALGORITHM, use: 'sig' };
  privateJwk.kid = ecThumbprint(privateJwk);
  return { publicJwk: publicPartOf(privateJwk), privateJwk };
}

function isDevPrivateKey(value: unknown): value is JWK {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk['kty'] === 'EC' && jwk['crv'] === 'P-256' && ['x', 'y', 'd', 'kid'].every((field) => typeof jwk[field] === 'string');
}

function readKeyFile(path: string): DevKeys {
  // Like ssh: a private key others can read is no longer private.
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new AuthConfigError('AUTH_TRUST_DEV_KEYS', `needs ${path} to be readable by its owner only (run: chmod 600 ${path})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AuthConfigError('AUTH_TRUST_DEV_KEYS', `needs ${path} to be a JSON key file (delete it to generate a new one)`);
  }
  const file = parsed as { kind?: unknown; privateJwk?: unknown };
  if (file.kind !== KEY_FILE_KIND || !isDevPrivateKey(file.privateJwk)) {
    throw new AuthConfigError('AUTH_TRUST_DEV_KEYS', `needs ${path} to hold an ES256 dev key (delete it to generate a new one)`);
  }
  const privateJwk: JWK = { ...file.privateJwk, alg: DEV_KEY_ALGORITHM, use: 'sig' };
  return { publicJwk: publicPartOf(privateJwk), privateJwk, keyFile: path };
}

/** Reads the dev key file, or creates it (mode 0600) on first use. Safe when two processes race. */
export function loadOrCreateDevKeyFile(path: string): DevKeys {
  try {
    return readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const { privateJwk } = generateDevKeyPair();
  const contents = JSON.stringify({ kind: KEY_FILE_KIND, createdAt: new Date().toISOString(), privateJwk }, null, 2);
  try {
    // 'wx': never overwrite a key another process has just written; tokens it minted stay valid.
    writeFileSync(path, `${contents}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600); // the umask may have narrowed the mode; make sure it is exactly 0600
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(path);
}

export interface MintTokenOptions {
  sub: string;
  agency: string;
  roles: readonly Role[];
  /** Default 3600 (one hour). */
  ttlSeconds?: number;
  issuer: string;
  audience: string;
  /** Further claims (`name`, `named_access`, ...); they cannot override the ones above. */
  extra?: Record<string, unknown>;
  /** Default now; tests set it in the past to make expired tokens. */
  issuedAt?: Date;
}

function algorithmFor(jwk: JWK): 'ES256' | 'RS256' {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'RSA') return 'RS256';
  throw new Error('mintToken: the key must be a P-256 EC key (ES256) or an RSA key (RS256)');
}

/** A compact JWS as an identity provider would issue it: ES256 for dev keys (RS256 for an RSA key). */
export async function mintToken(privateJwk: JWK, options: MintTokenOptions): Promise<string> {
  const alg = algorithmFor(privateJwk);
  const key = await importJWK({ ...privateJwk, alg }, alg);
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT({ ...options.extra, agency: options.agency, roles: [...options.roles] })
    .setProtectedHeader({ alg, typ: 'JWT', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setSubject(options.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.ttlSeconds ?? 3600))
    .setJti(randomUUID())
    .sign(key);
}
