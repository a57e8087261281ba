import { Test } from '@nestjs/testing';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG } from '../nest/tokens';
import { ConfigError, loadConfig, type AppConfig } from './app-config';
import { APP_CONFIG_NAMESPACE, AppConfigModule } from './app-config.module';

function refusal(env: Record<string, string>, options?: Parameters<typeof loadConfig>[1]): ConfigError {
  try {
    loadConfig(env, options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration schema', () => {
  it('fills the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '.data',
      logLevel: 'info',
      logFormat: 'pretty',
      projectionsInApi: true,
      corsOrigins: [],
      demoData: 'auto',
    });
    expect(config.sspPlusAgeBands).toEqual({ standard: { minAge: 18, maxAge: 23 }, gangConflict: { minAge: 18, maxAge: 25 } });
  });

  it('reads every setting, trimmed, blank meaning unset', () => {
    const config = loadConfig({
      PORT: ' 8080 ',
      HOST: '',
      LOG_LEVEL: 'WARN',
      PROJECTIONS_IN_API: 'off',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SSP_PLUS_AGE_BAND: '16-24',
      DEMO_DATA: 'False',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'warn',
      projectionsInApi: false,
      corsOrigins: ['https://a.example', 'https://b.example'],
      demoData: 'false',
    });
    expect(config.sspPlusAgeBands.standard).toEqual({ minAge: 16, maxAge: 24 });
  });

  it.each([
    [{ PORT: '70000' }, 'PORT', /^invalid configuration: PORT must be a whole number from 1 to 65535 \(got 70000\)$/],
    [{ DATABASE_POOL_SIZE: 'many' }, 'DATABASE_POOL_SIZE', /DATABASE_POOL_SIZE must be a whole number from 2 to 500 \(got "many"\)/],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT', /LOG_FORMAT must be one of pretty, json/],
    [{ PROJECTIONS_IN_API: 'maybe' }, 'PROJECTIONS_IN_API', /PROJECTIONS_IN_API must be true or false/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS', /must list bare origins without paths/],
    [{ SSP_PLUS_AGE_BAND: '25-18' }, 'SSP_PLUS_AGE_BAND', /must be an inclusive age range like 18-23/],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, 'EVENTSTORE_CONNECTION_STRING', /must start with esdb:\/\//],
  ])('refuses %p naming the setting and its rule', (env, variable, message) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('never echoes a database URL, which may hold a password', () => {
    const error = refusal({ DATABASE_URL: 'mysql://user:s3cret@db/x' });
    expect(error.message).toBe('invalid configuration: DATABASE_URL must use the postgres:// scheme (got mysql:)');
  });

  it('names every bad setting at once, in one line', () => {
    const error = refusal({ LOG_LEVEL: 'loud', PORT: 'eighty', DEMO_CASES: '0' });
    expect(error.variable).toBe('PORT, LOG_LEVEL, DEMO_CASES');
    expect(error.message).toBe(
      'invalid configuration: PORT must be a whole number from 1 to 65535 (got "eighty"); LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; DEMO_CASES must be a whole number from 1 to 100000 (got 0)',
    );
  });

  it('in production, names all missing required settings at once and refuses the embedded database', () => {
    const error = refusal({ NODE_ENV: 'production' }, { requiredInProduction: ['DATABASE_URL', 'MASTER_KEYS'] });
    expect(error.message).toBe('invalid configuration: DATABASE_URL, MASTER_KEYS must be set in production (the embedded PostgreSQL is for development only)');
  });

  it('logs JSON in production and tests, readable text elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });
});

describe('AppConfigModule (@nestjs/config)', () => {
  it('serves the validated settings through ConfigService and APP_CONFIG', async () => {
    const config = loadConfig({ PORT: '4321' });
    const module = await Test.createTestingModule({ imports: [AppConfigModule.forRoot({ config })] }).compile();
    expect(module.get(ConfigService).getOrThrow<AppConfig>(APP_CONFIG_NAMESPACE).port).toBe(4321);
    expect(module.get<AppConfig>(APP_CONFIG)).toBe(config);
  });

  it('validates the environment itself when given none, through the schema', async () => {
    await expect(AppConfigModule.forRoot({ env: { PORT: 'eighty' } })).rejects.toThrow(/invalid configuration: PORT must be a whole number/);
    const module = await Test.createTestingModule({ imports: [AppConfigModule.forRoot({ env: { PORT: '5000' } })] }).compile();
    expect(module.get<AppConfig>(APP_CONFIG).port).toBe(5000);
  });
});
