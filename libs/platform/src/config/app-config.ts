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
  constructor(readonly variable: string, rule: string) {
    super(`invalid configuration: ${variable} ${rule}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw.slice(0, 40)}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got ${value})`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, 'must be true or false');
}

function postgresUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL like postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use the postgres:// scheme (got ${url.protocol})`);
  }
  if (url.port !== '' && (Number(url.port) < 1 || Number(url.port) > 65535)) throw new ConfigError(name, 'has a port outside 1-65535');
  return raw;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ConfigError(name, 'must be a comma-separated list of origins like https://app.example.org');
    }
    if (url.origin !== trimmed) throw new ConfigError(name, `must list bare origins without paths (got ${trimmed.slice(0, 60)})`);
    return trimmed;
  });
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

function ageBand(env: Env, name: string, fallback: { minAge: number; maxAge: number }): { minAge: number; maxAge: number } {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (!match || Number(match[1]) > Number(match[2])) throw new ConfigError(name, `must be an inclusive age range like 18-23 (got "${raw.slice(0, 20)}")`);
  return { minAge: Number(match[1]), maxAge: Number(match[2]) };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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

export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  checkProductionSettings(env, options);
  const logLevel = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const esdb = env.EVENTSTORE_CONNECTION_STRING?.trim() || undefined;
  if (esdb && !/^esdb(\+discover)?:\/\//.test(esdb)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'must start with esdb:// or esdb+discover://');
  }
  return {
    production: env.NODE_ENV?.trim() === 'production',
    port: integer(env, 'PORT', 3000, 1, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    dataDir: env.DATA_DIR?.trim() || '.data',
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 2, 500),
    databaseStatementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 100, 600_000),
    eventStoreConnectionString: esdb,
    logLevel: logLevel as AppConfig['logLevel'],
    projectionsInApi: boolean(env, 'PROJECTIONS_IN_API', true),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1_200, 1, 10_000_000),
    demoData: oneOf(env, 'DEMO_DATA', ['auto', 'true', 'false'] as const, 'auto'),
    demoCases: integer(env, 'DEMO_CASES', 300, 1, 100_000),
    consistencyWaitMs: integer(env, 'CONSISTENCY_WAIT_MS', 5_000, 100, 60_000),
    sspPlusAgeBands: {
      standard: ageBand(env, 'SSP_PLUS_AGE_BAND', { minAge: 18, maxAge: 23 }),
      gangConflict: ageBand(env, 'SSP_PLUS_GANG_CONFLICT_AGE_BAND', { minAge: 18, maxAge: 25 }),
    },
  };
}
