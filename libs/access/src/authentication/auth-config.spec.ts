import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@samvirke/platform/config/app-config';
import { AuthConfigError, DEV_AUDIENCE, DEV_ISSUER, DEV_KEY_FILE_NAME, loadAuthConfig } from './auth-config';

describe('loadAuthConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'samvirke-auth-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function refusal(env: Record<string, string>): AuthConfigError {
    try {
      loadAuthConfig(env, dataDir);
    } catch (error) {
      if (error instanceof AuthConfigError) return error;
      throw error;
    }
    throw new Error('expected the configuration to be refused');
  }

  describe('outside production', () => {
    it('trusts the dev keys by default, flags it, and uses the development issuer and audience', () => {
      const config = loadAuthConfig({}, dataDir);
      expect(config.issuer).toBe(DEV_ISSUER);
      expect(config.audience).toBe(DEV_AUDIENCE);
      expect(config.clockToleranceSeconds).toBe(30);
      expect(config.jwksUrl).toBeUndefined();
      expect(config.devKeysByDefault).toBe(true);
      expect(config.devKeys?.keyFile).toBe(join(dataDir, DEV_KEY_FILE_NAME));
    });

    it('creates the dev key file with mode 0600 and reuses it afterwards', () => {
      const first = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir);
      const file = join(dataDir, DEV_KEY_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(first.devKeysByDefault).toBe(false);
      expect(first.devKeys?.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
      expect(first.devKeys?.publicJwk.d).toBeUndefined();
      expect(first.devKeys?.privateJwk?.d).toEqual(expect.any(String));
      const second = loadAuthConfig({ AUTH_TRUST_DEV_KEYS: 'true' }, dataDir);
      expect(second.devKeys?.publicJwk).toEqual(first.devKeys?.publicJwk);
    });

    it('creates the data directory when it does not exist yet', () => {
      const nested = join(dataDir, 'not', 'yet');
      loadAuthConfig({}, nested);
      expect(existsSync(join(nested, DEV_KEY_FILE_NAME))).toBe(true);
    });

    it('refuses a dev key file others can read', () => {
      loadAuthConfig({}, dataDir);
      chmodSync(join(dataDir, DEV_KEY_FILE_NAME), 0o644);
      expect(refusal({}).message).toContain('chmod 600');
    });

    it('refuses a dev key file that holds no key, naming the file', () => {
      writeFileSync(join(dataDir, DEV_KEY_FILE_NAME), '{"kind":"something else"}', { mode: 0o600 });
      expect(refusal({}).message).toContain(join(dataDir, DEV_KEY_FILE_NAME));
    });

    it('uses the JWKS URL alone when it is set, and creates no key file', () => {
      const config = loadAuthConfig(
        { AUTH_JWKS_URL: 'http://localhost:8080/realms/x/certs', AUTH_ISSUER: 'http://localhost:8080/realms/x', AUTH_AUDIENCE: 'samvirke' },
        dataDir,
      );
      expect(config).toEqual({
        issuer: 'http://localhost:8080/realms/x',
        audience: 'samvirke',
        clockToleranceSeconds: 30,
        jwksUrl: 'http://localhost:8080/realms/x/certs',
        devKeysByDefault: false,
      });
      expect(existsSync(join(dataDir, DEV_KEY_FILE_NAME))).toBe(false);
    });

    it('refuses both key sources at once', () => {
      expect(refusal({ AUTH_JWKS_URL: 'https://idp.example/certs', AUTH_TRUST_DEV_KEYS: 'true' }).variable).toBe('AUTH_TRUST_DEV_KEYS');
    });

    it('refuses no key source when the dev keys are explicitly not trusted', () => {
      expect(refusal({ AUTH_TRUST_DEV_KEYS: 'false' }).variable).toBe('AUTH_JWKS_URL');
    });

    it('reads the clock tolerance and refuses nonsense', () => {
      expect(loadAuthConfig({ AUTH_CLOCK_TOLERANCE_SECONDS: '5' }, dataDir).clockToleranceSeconds).toBe(5);
      expect(refusal({ AUTH_CLOCK_TOLERANCE_SECONDS: '-1' }).variable).toBe('AUTH_CLOCK_TOLERANCE_SECONDS');
      expect(refusal({ AUTH_CLOCK_TOLERANCE_SECONDS: '3600' }).variable).toBe('AUTH_CLOCK_TOLERANCE_SECONDS');
    });

    it('refuses a JWKS URL that is not a URL, and a boolean that is not a boolean', () => {
      expect(refusal({ AUTH_JWKS_URL: 'idp.example/certs' }).variable).toBe('AUTH_JWKS_URL');
      expect(refusal({ AUTH_TRUST_DEV_KEYS: 'maybe' }).variable).toBe('AUTH_TRUST_DEV_KEYS');
    });
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.example/realms/kk', AUTH_AUDIENCE: 'samvirke' };

    it('refuses to trust the dev keys, naming the variable', () => {
      const error = refusal({ ...production, AUTH_TRUST_DEV_KEYS: 'true' });
      expect(error.variable).toBe('AUTH_TRUST_DEV_KEYS');
      expect(error.message).toMatch(/^invalid configuration: AUTH_TRUST_DEV_KEYS /);
      expect(error.message).not.toContain('\n');
      expect(existsSync(join(dataDir, DEV_KEY_FILE_NAME))).toBe(false);
    });

    it('does not fall back to the dev keys when no JWKS URL is set', () => {
      expect(refusal(production).variable).toBe('AUTH_JWKS_URL');
      expect(existsSync(join(dataDir, DEV_KEY_FILE_NAME))).toBe(false);
    });

    it('requires https for the JWKS URL', () => {
      expect(refusal({ ...production, AUTH_JWKS_URL: 'http://idp.example/certs' }).variable).toBe('AUTH_JWKS_URL');
    });

    it('requires the issuer and audience instead of the development defaults', () => {
      expect(refusal({ NODE_ENV: 'production', AUTH_AUDIENCE: 'samvirke', AUTH_JWKS_URL: 'https://idp.example/certs' }).variable).toBe('AUTH_ISSUER');
      expect(refusal({ NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.example', AUTH_JWKS_URL: 'https://idp.example/certs' }).variable).toBe(
        'AUTH_AUDIENCE',
      );
    });

    it('accepts a JWKS URL with issuer and audience', () => {
      const config = loadAuthConfig({ ...production, AUTH_JWKS_URL: 'https://idp.example/realms/kk/protocol/openid-connect/certs' }, dataDir);
      expect(config.jwksUrl).toBe('https://idp.example/realms/kk/protocol/openid-connect/certs');
      expect(config.devKeys).toBeUndefined();
    });
  });

  it('is a ConfigError, so start-up code reports it like any other bad setting', () => {
    expect(refusal({ AUTH_TRUST_DEV_KEYS: 'maybe' })).toBeInstanceOf(ConfigError);
  });
});
