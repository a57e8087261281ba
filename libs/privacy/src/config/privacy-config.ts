import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MasterKeyring, type MasterKey } from './master-keyring';
import { SecretBytes } from './secret-bytes';

/**
 * The privacy settings: the master keyring (wraps the per-citizen data keys) and the secret of the
 * keyed CPR hash (lookup without clear text).
 *
 * `CPR_HMAC_SECRET` cannot be rotated like the master keys: every stored `cprHash` was computed with
 * it, so changing it makes existing citizens unfindable by CPR until their hashes are recomputed.
 */
export interface PrivacyConfig {
  masterKeyring: MasterKeyring;
  cprHmacSecret: SecretBytes;
  /** True when any value came from `<dataDir>/dev-secrets.json`: the app should warn at start. */
  generatedForDevelopment: boolean;
}

/** A bad privacy setting: names the variable and the rule, never the value. */
export class PrivacyConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`invalid configuration: ${variable} ${rule}`);
    this.name = 'PrivacyConfigError';
  }
}

type Env = Record<string, string | undefined>;

const MASTER_KEY_BYTES = 32;
const MIN_CPR_SECRET_BYTES = 32;
const VERSION_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const DEV_SECRETS_FILE = 'dev-secrets.json';

interface DevSecrets {
  MASTER_KEYS: string;
  CPR_HMAC_SECRET: string;
}

export function loadPrivacyConfig(env: Env, dataDir: string): PrivacyConfig {
  let masterKeys = env.MASTER_KEYS?.trim() || undefined;
  let cprSecret = env.CPR_HMAC_SECRET?.trim() || undefined;
  let generatedForDevelopment = false;

  if (masterKeys === undefined || cprSecret === undefined) {
    if (env.NODE_ENV === 'production') {
      const missing = masterKeys === undefined ? 'MASTER_KEYS' : 'CPR_HMAC_SECRET';
      throw new PrivacyConfigError(
        missing,
        missing === 'MASTER_KEYS'
          ? 'must be set in production: comma-separated version:base64key entries of 32-byte keys, the active key first'
          : 'must be set in production: at least 32 bytes, as hex, base64 or a plain string of at least 32 characters',
      );
    }
    const dev = readOrCreateDevSecrets(dataDir);
    masterKeys ??= dev.MASTER_KEYS;
    cprSecret ??= dev.CPR_HMAC_SECRET;
    generatedForDevelopment = true;
  }

  return {
    masterKeyring: parseMasterKeys(masterKeys, 'MASTER_KEYS'),
    cprHmacSecret: parseCprHmacSecret(cprSecret, 'CPR_HMAC_SECRET'),
    generatedForDevelopment,
  };
}

export function parseMasterKeys(raw: string, variable = 'MASTER_KEYS'): MasterKeyring {
  const entries = raw.split(',').map((entry) => entry.trim());
  const keys: MasterKey[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new PrivacyConfigError(variable, `${position} must be version:base64key`);
    const version = entry.slice(0, colon).trim();
    if (!VERSION_PATTERN.test(version)) {
      throw new PrivacyConfigError(variable, `${position} must start with a version of 1-32 letters, digits, _ or -`);
    }
    if (seen.has(version)) throw new PrivacyConfigError(variable, `lists version ${version} twice`);
    seen.add(version);
    const key = decodeBase64Strictly(entry.slice(colon + 1).trim());
    if (key === undefined) throw new PrivacyConfigError(variable, `${position} (version ${version}) must have a base64 key`);
    if (key.length !== MASTER_KEY_BYTES) {
      throw new PrivacyConfigError(variable, `${position} (version ${version}) must have a key of exactly ${MASTER_KEY_BYTES} bytes (got ${key.length})`);
    }
    keys.push({ version, key: new SecretBytes(key) });
  });
  return new MasterKeyring(keys);
}

/**
 * The first reading that gives at least 32 bytes wins: hex, then base64 (standard or url-safe), then
 * the string itself as UTF-8 (so a 32-character passphrase that happens to be valid base64 of 24 bytes
 * is still accepted). The order is fixed so one configured value always yields the same secret, hence
 * the same CPR hashes.
 */
export function parseCprHmacSecret(raw: string, variable = 'CPR_HMAC_SECRET'): SecretBytes {
  const rule = `must be at least ${MIN_CPR_SECRET_BYTES} bytes: ${MIN_CPR_SECRET_BYTES * 2} hex digits, base64 of ${MIN_CPR_SECRET_BYTES} bytes, or a plain string of at least ${MIN_CPR_SECRET_BYTES} characters`;
  const candidates = [/^(?:[0-9a-fA-F]{2})+$/.test(raw) ? Buffer.from(raw, 'hex') : undefined, decodeBase64Strictly(raw), Buffer.from(raw, 'utf8')];
  const bytes = candidates.find((candidate) => candidate !== undefined && candidate.length >= MIN_CPR_SECRET_BYTES);
  if (bytes === undefined) throw new PrivacyConfigError(variable, rule);
  return new SecretBytes(bytes);
}

/** Node's base64 decoder skips characters it does not know; we want a typo to be an error instead. */
function decodeBase64Strictly(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64');
  const unpadded = text.replace(/=+$/, '');
  const canonical = [bytes.toString('base64'), bytes.toString('base64url')].map((s) => s.replace(/=+$/, ''));
  return canonical.includes(unpadded) ? bytes : undefined;
}

/**
 * Development only: random secrets made once and reused, so a developer's sealed data survives a
 * restart. Created under a temporary name and hard-linked into place: linking fails if the file
 * already exists, so an api and a worker starting together both end up with the same secrets.
 */
function readOrCreateDevSecrets(dataDir: string): DevSecrets {
  const path = join(dataDir, DEV_SECRETS_FILE);
  const existing = readDevSecrets(path);
  if (existing) return existing;

  mkdirSync(dataDir, { recursive: true });
  const fresh: DevSecrets = {
    MASTER_KEYS: `dev1:${randomBytes(MASTER_KEY_BYTES).toString('base64')}`,
    CPR_HMAC_SECRET: randomBytes(MIN_CPR_SECRET_BYTES).toString('hex'),
  };
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const content = {
    warning: 'Development secrets made by Samvirke. Never use them in production: set MASTER_KEYS and CPR_HMAC_SECRET.',
    ...fresh,
  };
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const stored = readDevSecrets(path);
  if (!stored) throw new PrivacyConfigError(path, 'could not be read after it was written');
  return stored;
}

function readDevSecrets(path: string): DevSecrets | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PrivacyConfigError(path, 'is not valid JSON: delete it to generate new development secrets');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as Record<string, unknown>).MASTER_KEYS !== 'string' ||
    typeof (parsed as Record<string, unknown>).CPR_HMAC_SECRET !== 'string'
  ) {
    throw new PrivacyConfigError(path, 'must hold MASTER_KEYS and CPR_HMAC_SECRET: delete it to generate new development secrets');
  }
  const record = parsed as Record<string, string>;
  return { MASTER_KEYS: record.MASTER_KEYS, CPR_HMAC_SECRET: record.CPR_HMAC_SECRET };
}
