import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { loadPrivacyConfig, parseCprHmacSecret, parseMasterKeys, PrivacyConfigError } from './privacy-config';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const hmacSecret = randomBytes(32).toString('hex');

function thrown(action: () => unknown): PrivacyConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof PrivacyConfigError) return error;
    throw error;
  }
  throw new Error('expected a PrivacyConfigError');
}

describe('privacy configuration', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'privacy-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('MASTER_KEYS', () => {
    it('makes the first entry the active key and keeps the others for unwrapping', () => {
      const ring = parseMasterKeys(`v3:${key(3)}, v2:${key(2)},v1:${key(1)}`);
      expect(ring.active.version).toBe('v3');
      expect(ring.active.key.reveal()).toEqual(Buffer.alloc(32, 3));
      expect(ring.versions).toEqual(['v3', 'v2', 'v1']);
      expect(ring.keyFor('v1')?.reveal()).toEqual(Buffer.alloc(32, 1));
      expect(ring.keyFor('v4')).toBeUndefined();
    });

    it('accepts url-safe base64', () => {
      const bytes = Buffer.alloc(32, 0xfb);
      expect(parseMasterKeys(`k:${bytes.toString('base64url')}`).active.key.reveal()).toEqual(bytes);
    });

    it.each([
      [`v1:${Buffer.alloc(16).toString('base64')}`, /entry 1 \(version v1\) must have a key of exactly 32 bytes \(got 16\)/],
      [`v1:${key(1)},v2:${Buffer.alloc(33).toString('base64')}`, /entry 2 \(version v2\) must have a key of exactly 32 bytes \(got 33\)/],
      [`v1${key(1)}`, /entry 1 must be version:base64key/],
      [`:${key(1)}`, /entry 1 must start with a version/],
      [`v1:${key(1)},v1:${key(2)}`, /lists version v1 twice/],
      [`v1:${key(1)}!`, /entry 1 \(version v1\) must have a base64 key/],
      [`v1:${key(1)},`, /entry 2 must be version:base64key/],
    ])('rejects %p naming the variable and rule', (raw, rule) => {
      const error = thrown(() => parseMasterKeys(raw));
      expect(error.variable).toBe('MASTER_KEYS');
      expect(error.message).toMatch(/^invalid configuration: MASTER_KEYS /);
      expect(error.message).toMatch(rule);
      expect(error.message).not.toContain(key(1));
      expect(error.message.split('\n')).toHaveLength(1);
    });

    it('never prints key bytes when the keyring is logged', () => {
      const ring = parseMasterKeys(`v1:${key(9)}`);
      const hex = Buffer.alloc(32, 9).toString('hex');
      expect(inspect(ring, { depth: 5 })).not.toMatch(/09 09|0909/);
      expect(JSON.stringify(ring)).not.toContain(key(9));
      expect(JSON.stringify({ ring, secret: ring.active.key })).not.toContain(hex);
      expect(inspect(ring.active, { depth: 5 })).toContain('[redacted]');
    });
  });

  describe('CPR_HMAC_SECRET', () => {
    it('reads 64 hex digits as 32 bytes', () => {
      expect(parseCprHmacSecret('ab'.repeat(32)).reveal()).toEqual(Buffer.alloc(32, 0xab));
    });

    it('reads base64 of 32 bytes', () => {
      expect(parseCprHmacSecret(Buffer.alloc(32, 5).toString('base64')).reveal()).toEqual(Buffer.alloc(32, 5));
    });

    it('reads a plain string of 32 characters or more as its UTF-8 bytes, even one that is also base64 of fewer bytes', () => {
      const passphrase = 'abcdefghijklmnopqrstuvwxyzABCDEF';
      expect(parseCprHmacSecret(passphrase).reveal().toString('utf8')).toBe(passphrase);
    });

    it.each(['short', 'ab'.repeat(15), 'x'.repeat(31)])('rejects %p: under 32 bytes in every reading', (raw) => {
      const error = thrown(() => parseCprHmacSecret(raw));
      expect(error.variable).toBe('CPR_HMAC_SECRET');
      expect(error.message).toMatch(/CPR_HMAC_SECRET must be at least 32 bytes/);
      expect(error.message).not.toContain(raw);
    });
  });

  describe('loading', () => {
    it('reads both variables when set and does not touch the data directory', () => {
      const config = loadPrivacyConfig({ MASTER_KEYS: `v2:${key(2)},v1:${key(1)}`, CPR_HMAC_SECRET: hmacSecret }, dataDir);
      expect(config.generatedForDevelopment).toBe(false);
      expect(config.masterKeyring.active.version).toBe('v2');
      expect(config.cprHmacSecret.reveal().toString('hex')).toBe(hmacSecret);
      expect(() => statSync(join(dataDir, 'dev-secrets.json'))).toThrow();
    });

    it.each(['MASTER_KEYS', 'CPR_HMAC_SECRET'])('in production, refuses to start without %s', (variable) => {
      const env: Record<string, string> = { NODE_ENV: 'production', MASTER_KEYS: `v1:${key(1)}`, CPR_HMAC_SECRET: hmacSecret };
      delete env[variable];
      const error = thrown(() => loadPrivacyConfig(env, dataDir));
      expect(error.variable).toBe(variable);
      expect(error.message).toMatch(new RegExp(`^invalid configuration: ${variable} must be set in production`));
      expect(() => statSync(join(dataDir, 'dev-secrets.json'))).toThrow();
    });

    it('in production, treats an empty value as missing', () => {
      expect(thrown(() => loadPrivacyConfig({ NODE_ENV: 'production', MASTER_KEYS: ' ', CPR_HMAC_SECRET: hmacSecret }, dataDir)).variable).toBe('MASTER_KEYS');
    });

    it('outside production, generates development secrets once (mode 0600) and reuses them', () => {
      const first = loadPrivacyConfig({}, join(dataDir, 'nested'));
      const file = join(dataDir, 'nested', 'dev-secrets.json');
      expect(first.generatedForDevelopment).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const written = readFileSync(file, 'utf8');

      const second = loadPrivacyConfig({ NODE_ENV: 'development' }, join(dataDir, 'nested'));
      expect(readFileSync(file, 'utf8')).toBe(written);
      expect(second.generatedForDevelopment).toBe(true);
      expect(second.masterKeyring.active.version).toBe(first.masterKeyring.active.version);
      expect(second.masterKeyring.active.key.reveal()).toEqual(first.masterKeyring.active.key.reveal());
      expect(second.cprHmacSecret.reveal()).toEqual(first.cprHmacSecret.reveal());
      expect(first.cprHmacSecret.reveal()).toHaveLength(32);
    });

    it('different data directories get different development secrets', () => {
      const a = loadPrivacyConfig({}, join(dataDir, 'a'));
      const b = loadPrivacyConfig({}, join(dataDir, 'b'));
      expect(a.masterKeyring.active.key.reveal()).not.toEqual(b.masterKeyring.active.key.reveal());
    });

    it('outside production, takes a set variable from the environment and only the missing one from the file', () => {
      const config = loadPrivacyConfig({ MASTER_KEYS: `mine:${key(4)}` }, dataDir);
      expect(config.masterKeyring.active.version).toBe('mine');
      expect(config.generatedForDevelopment).toBe(true);
      const stored = JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8')) as { CPR_HMAC_SECRET: string };
      expect(config.cprHmacSecret.reveal().toString('hex')).toBe(stored.CPR_HMAC_SECRET);
    });

    it('names a damaged development secrets file', () => {
      loadPrivacyConfig({}, dataDir);
      writeFileSync(join(dataDir, 'dev-secrets.json'), '{');
      expect(thrown(() => loadPrivacyConfig({}, dataDir)).message).toMatch(/dev-secrets\.json is not valid JSON/);
    });
  });
});
