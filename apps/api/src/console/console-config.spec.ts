import { ConfigError, type AppConfig } from '@samvirke/platform';
import { loadConsoleConfig } from './console-config';

const app = (overrides: Partial<AppConfig> = {}) => ({ production: false, host: '127.0.0.1', port: 3000, ...overrides }) as AppConfig;

function refusal(env: Record<string, string>, config = app()): ConfigError {
  try {
    loadConsoleConfig(env, config);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConsoleConfig', () => {
  it('signs in through the development identity provider on a development machine with none configured', () => {
    expect(loadConsoleConfig({}, app())).toEqual({
      publicUrl: 'http://127.0.0.1:3000',
      secureCookies: false,
      identityProvider: { kind: 'development' },
      sessionHours: 8,
      sessionIdleMinutes: 30,
    });
    expect(loadConsoleConfig({}, app({ host: '0.0.0.0', port: 8080 })).publicUrl).toBe('http://localhost:8080');
  });

  it('uses the configured identity provider, and Secure cookies behind https', () => {
    const config = loadConsoleConfig(
      { OIDC_ISSUER: 'https://idp.example/realms/kk', OIDC_CLIENT_ID: 'samvirke', OIDC_CLIENT_SECRET: 's3cret', PUBLIC_URL: 'https://samvirke.kk.dk/' },
      app({ production: true }),
    );
    expect(config.identityProvider).toEqual({
      kind: 'configured',
      issuer: 'https://idp.example/realms/kk',
      clientId: 'samvirke',
      clientSecret: 's3cret',
      scope: 'openid profile',
    });
    expect(config.publicUrl).toBe('https://samvirke.kk.dk');
    expect(config.secureCookies).toBe(true);
  });

  it('refuses the development identity provider in production, and starts none there without OIDC_ISSUER', () => {
    const error = refusal({ DEV_IDENTITY_PROVIDER: 'true' }, app({ production: true }));
    expect(error.variable).toBe('DEV_IDENTITY_PROVIDER');
    expect(error.message).not.toContain('\n');
    expect(loadConsoleConfig({}, app({ production: true })).identityProvider).toEqual({ kind: 'none' });
    expect(loadConsoleConfig({ DEV_IDENTITY_PROVIDER: 'false' }, app()).identityProvider).toEqual({ kind: 'none' });
  });

  it('names the missing or bad setting', () => {
    expect(refusal({ OIDC_ISSUER: 'https://idp.example' }).variable).toBe('OIDC_CLIENT_ID');
    expect(refusal({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x' }).variable).toBe('OIDC_CLIENT_SECRET');
    expect(refusal({ OIDC_ISSUER: 'idp.example' }).variable).toBe('OIDC_ISSUER');
    expect(refusal({ PUBLIC_URL: 'http://samvirke.kk.dk' }, app({ production: true })).variable).toBe('PUBLIC_URL');
    expect(refusal({ DEV_IDENTITY_PROVIDER: 'maybe' }).variable).toBe('DEV_IDENTITY_PROVIDER');
    expect(refusal({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', DEV_IDENTITY_PROVIDER: 'true' }).variable).toBe(
      'DEV_IDENTITY_PROVIDER',
    );
    expect(refusal({ SESSION_HOURS: '0' }).variable).toBe('SESSION_HOURS');
    expect(refusal({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }, app({ production: true })).variable).toBe(
      'PUBLIC_URL',
    );
  });
});
