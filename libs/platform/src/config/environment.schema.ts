import { IsOptional, ValidateBy, validateSync, type ValidationOptions } from 'class-validator';

/**
 * The schema of the API's, the worker's and the CLI's environment: one property per variable, each
 * with the rule it must meet (class-validator, as Nest's configuration guide does it; loadConfig
 * runs it and is the `validate` step of AppConfigModule). A value is a string; unset or blank
 * means "use the default", which loadConfig fills in. Each rule says, in one line, what the value
 * must be, so a refusal names the variable and the fix, never a stack trace.
 */

/** One rule: `undefined` when the value is fine, otherwise what it must be (without the variable's name). */
type Check = (value: string) => string | undefined;

function Rule(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && check(value) === undefined,
        defaultMessage: (args) => (typeof args?.value === 'string' ? check(args.value) : undefined) ?? 'must be text',
      },
    },
    options,
  );
}

const shown = (raw: string, max = 40) => `"${raw.slice(0, max)}"`;

export function WholeNumber(min: number, max: number): PropertyDecorator {
  return Rule('wholeNumber', (raw) => {
    if (!/^\d+$/.test(raw)) return `must be a whole number from ${min} to ${max} (got ${shown(raw)})`;
    const value = Number(raw);
    return value < min || value > max ? `must be a whole number from ${min} to ${max} (got ${value})` : undefined;
  });
}

export function OneOf(allowed: readonly string[]): PropertyDecorator {
  return Rule('oneOf', (raw) => (allowed.includes(raw.toLowerCase()) ? undefined : `must be one of ${allowed.join(', ')}`));
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
export const Flag = () => Rule('flag', (raw) => ([...TRUE, ...FALSE].includes(raw.toLowerCase()) ? undefined : 'must be true or false'));
export const flagValue = (raw: string) => TRUE.includes(raw.toLowerCase());

/** Never echoes the value: a database URL may hold a password. */
export const PostgresUrl = () =>
  Rule('postgresUrl', (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'must be a URL like postgres://user:password@host:5432/database';
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return `must use the postgres:// scheme (got ${url.protocol})`;
    if (url.port !== '' && (Number(url.port) < 1 || Number(url.port) > 65535)) return 'has a port outside 1-65535';
    return undefined;
  });

export const EventStoreUrl = () =>
  Rule('eventStoreUrl', (raw) => (/^esdb(\+discover)?:\/\//.test(raw) ? undefined : 'must start with esdb:// or esdb+discover://'));

export const Origins = () =>
  Rule('origins', (raw) => {
    for (const origin of raw.split(',').map((entry) => entry.trim())) {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return 'must be a comma-separated list of origins like https://app.example.org';
      }
      if (url.origin !== origin) return `must list bare origins without paths (got ${origin.slice(0, 60)})`;
    }
    return undefined;
  });

export const AgeBand = () =>
  Rule('ageBand', (raw) => {
    const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
    return match && Number(match[1]) <= Number(match[2]) ? undefined : `must be an inclusive age range like 18-23 (got ${shown(raw, 20)})`;
  });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['pretty', 'json'] as const;

/** The variables of the README's settings table that libs/platform reads (the other libs read their own). */
export class EnvironmentSchema {
  @IsOptional() NODE_ENV?: string;
  @IsOptional() @WholeNumber(1, 65535) PORT?: string;
  @IsOptional() HOST?: string;
  @IsOptional() @PostgresUrl() DATABASE_URL?: string;
  @IsOptional() DATA_DIR?: string;
  @IsOptional() @WholeNumber(2, 500) DATABASE_POOL_SIZE?: string;
  @IsOptional() @WholeNumber(100, 600_000) DATABASE_STATEMENT_TIMEOUT_MS?: string;
  @IsOptional() @EventStoreUrl() EVENTSTORE_CONNECTION_STRING?: string;
  @IsOptional() @OneOf(LOG_LEVELS) LOG_LEVEL?: string;
  @IsOptional() @OneOf(LOG_FORMATS) LOG_FORMAT?: string;
  @IsOptional() @Flag() PROJECTIONS_IN_API?: string;
  @IsOptional() @WholeNumber(100, 120_000) SHUTDOWN_TIMEOUT_MS?: string;
  @IsOptional() @Origins() CORS_ORIGINS?: string;
  @IsOptional() @WholeNumber(1, 10_000_000) RATE_LIMIT_PER_MINUTE?: string;
  @IsOptional() @OneOf(['auto', 'true', 'false']) DEMO_DATA?: string;
  @IsOptional() @WholeNumber(1, 100_000) DEMO_CASES?: string;
  @IsOptional() @WholeNumber(100, 60_000) CONSISTENCY_WAIT_MS?: string;
  @IsOptional() @AgeBand() SSP_PLUS_AGE_BAND?: string;
  @IsOptional() @AgeBand() SSP_PLUS_GANG_CONFLICT_AGE_BAND?: string;
}

export interface SettingProblem {
  variable: string;
  rule: string;
}

/**
 * Reads the schema's variables from `env` (trimmed; blank counts as unset) and checks every one:
 * the settings, and every problem found (all of them, in the schema's order).
 */
export function validateEnvironment(env: Record<string, string | undefined>): { settings: EnvironmentSchema; problems: SettingProblem[] } {
  const settings = new EnvironmentSchema();
  const fields = settings as unknown as Record<string, string | undefined>;
  for (const variable of SCHEMA_VARIABLES) {
    const value = env[variable]?.trim();
    if (value) fields[variable] = value;
  }
  const problems = validateSync(settings, { stopAtFirstError: true, forbidUnknownValues: false }).map((error) => ({
    variable: error.property,
    rule: Object.values(error.constraints ?? {})[0] ?? 'is invalid',
  }));
  problems.sort((a, b) => SCHEMA_VARIABLES.indexOf(a.variable) - SCHEMA_VARIABLES.indexOf(b.variable));
  return { settings, problems };
}

/** The schema's variables in declaration order (the order of the README's table). */
export const SCHEMA_VARIABLES: readonly string[] = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATA_DIR',
  'DATABASE_POOL_SIZE',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'EVENTSTORE_CONNECTION_STRING',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'PROJECTIONS_IN_API',
  'SHUTDOWN_TIMEOUT_MS',
  'CORS_ORIGINS',
  'RATE_LIMIT_PER_MINUTE',
  'DEMO_DATA',
  'DEMO_CASES',
  'CONSISTENCY_WAIT_MS',
  'SSP_PLUS_AGE_BAND',
  'SSP_PLUS_GANG_CONFLICT_AGE_BAND',
];
