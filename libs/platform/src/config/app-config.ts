import { flagValue, validateEnvironment, type SettingProblem } from './environment.schema';

/**
 * The application's settings, read once from the environment and validated before anything starts.
 * A bad setting stops the process with one line naming the variable and what it must be.
 */
export interface AppConfig {
  /** NODE_ENV=production: the production rules apply (no embedded database, no development secrets). */
  production: boolean;
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  databasePoolSize: number;
  databaseStatementTimeoutMs: number;
  eventStoreConnectionString: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_FORMAT: 'pretty' (readable, the default outside production and tests) or 'json' (one object per line). */
  logFormat: 'pretty' | 'json';
  /** Run the projections inside the API process (default) or leave them to apps/worker. */
  projectionsInApi: boolean;
  shutdownTimeoutMs: number;
  /** Origins allowed to call the API from a browser; empty: CORS off. */
  corsOrigins: string[];
  /** Requests per user (per bearer token, or per address without one) per minute. */
  rateLimitPerMinute: number;
  /** 'auto': fill an empty embedded database with demo data at start; 'true': any empty database; 'false': never. */
  demoData: 'auto' | 'true' | 'false';
  demoCases: number;
  /** How long a read with `consistentWith` waits for its read models before answering 503. */
  consistencyWaitMs: number;
  /** SSP+ age bands (inclusive ages): cities differ, and Copenhagen's gang-conflict work goes to 25. */
  sspPlusAgeBands: { standard: { minAge: number; maxAge: number }; gangConflict: { minAge: number; maxAge: number } };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`invalid configuration: ${variable} ${rule}`);
  }

  /** Every bad setting in one line: `invalid configuration: PORT must ...; LOG_LEVEL must ...`. */
  static of(problems: readonly SettingProblem[]): ConfigError {
    const error = new ConfigError(problems.map((problem) => problem.variable).join(', '), problems[0].rule);
    error.message = `invalid configuration: ${problems.map((problem) => `${problem.variable} ${problem.rule}`).join('; ')}`;
    return error;
  }
}

type Env = Record<string, string | undefined>;

/**
 * The embedded PostgreSQL keeps its data in a local folder and stops with the process that started
 * it: right for a laptop, never for a deployment.
 */
export const EMBEDDED_IS_FOR_DEVELOPMENT = ' (the embedded PostgreSQL is for development only)';

export interface LoadConfigOptions {
  /**
   * What this process needs in production (the API: DATABASE_URL and the auth and privacy settings),
   * checked together so that one line names everything missing instead of one per attempt.
   * openDatabase refuses the embedded database in production whatever the caller lists here.
   */
  requiredInProduction?: readonly string[];
}

function checkProductionSettings(env: Env, options: LoadConfigOptions): void {
  if (env.NODE_ENV?.trim() !== 'production') return;
  const missing = (options.requiredInProduction ?? []).filter((name, index, all) => !env[name]?.trim() && all.indexOf(name) === index);
  if (missing.length === 0) return;
  const why = missing.includes('DATABASE_URL') ? EMBEDDED_IS_FOR_DEVELOPMENT : '';
  throw new ConfigError(missing.join(', '), `must be set in production${why}`);
}

/**
 * Validates the environment against the schema (environment.schema.ts) and returns the settings
 * with their defaults. Throws one ConfigError naming every bad variable. The same function for the
 * API (main.ts, before Nest starts: the database is opened first), the worker and the CLI; the API
 * then hands the result to AppConfigModule (@nestjs/config) for injection.
 */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  checkProductionSettings(env, options);
  const { settings: s, problems } = validateEnvironment(env);
  if (problems.length > 0) throw ConfigError.of(problems);
  const whole = (raw: string | undefined, fallback: number) => (raw === undefined ? fallback : Number(raw));
  const band = (raw: string | undefined, fallback: { minAge: number; maxAge: number }) => {
    if (raw === undefined) return fallback;
    const [minAge, maxAge] = raw.split('-').map(Number);
    return { minAge, maxAge };
  };
  const production = s.NODE_ENV === 'production';
  return {
    production,
    port: whole(s.PORT, 3000),
    host: s.HOST ?? '127.0.0.1',
    databaseUrl: s.DATABASE_URL,
    dataDir: s.DATA_DIR ?? '.data',
    databasePoolSize: whole(s.DATABASE_POOL_SIZE, 20),
    databaseStatementTimeoutMs: whole(s.DATABASE_STATEMENT_TIMEOUT_MS, 15_000),
    eventStoreConnectionString: s.EVENTSTORE_CONNECTION_STRING,
    logLevel: (s.LOG_LEVEL?.toLowerCase() ?? 'info') as AppConfig['logLevel'],
    // Readable where a person reads it (a developer's terminal); JSON where machines read it.
    logFormat: (s.LOG_FORMAT?.toLowerCase() ?? (production || s.NODE_ENV === 'test' ? 'json' : 'pretty')) as AppConfig['logFormat'],
    projectionsInApi: s.PROJECTIONS_IN_API === undefined ? true : flagValue(s.PROJECTIONS_IN_API),
    shutdownTimeoutMs: whole(s.SHUTDOWN_TIMEOUT_MS, 10_000),
    corsOrigins: s.CORS_ORIGINS ? s.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    rateLimitPerMinute: whole(s.RATE_LIMIT_PER_MINUTE, 1_200),
    demoData: (s.DEMO_DATA?.toLowerCase() ?? 'auto') as AppConfig['demoData'],
    demoCases: whole(s.DEMO_CASES, 300),
    consistencyWaitMs: whole(s.CONSISTENCY_WAIT_MS, 5_000),
    sspPlusAgeBands: {
      standard: band(s.SSP_PLUS_AGE_BAND, { minAge: 18, maxAge: 23 }),
      gangConflict: band(s.SSP_PLUS_GANG_CONFLICT_AGE_BAND, { minAge: 18, maxAge: 25 }),
    },
  };
}
