import { ConfigError } from '@samvirke/platform/config/app-config';
import { AGENCY_KINDS, CONTROLLER_REGIMES, type Agency } from '@samvirke/reference-data';

/**
 * How long a closed case's personal data is kept, counted from the day the case closed.
 *
 * `RETENTION_POLICY` (JSON), for example
 *   {"default":"P5Y","agencies":{"KBH-POLITI":"P3Y"},"categories":{"law-enforcement":"P10Y"}}
 * - `default`: every contribution without a more specific rule (municipal practice: 5 years).
 * - `agencies`: by agency code; that agency's key for the citizen goes when its period has passed.
 * - `categories`: by agency kind (municipal-administration, police, prison-and-probation) or by
 *   data-protection regime (gdpr, law-enforcement), because police and prison facts fall under the
 *   law-enforcement act and their retention may differ from GDPR facts.
 * The most specific rule wins: agency code, then kind, then regime, then default. Unknown names are
 * refused at start rather than silently ignored: a typo in a retention rule is a legal problem.
 */
export interface IsoPeriod {
  readonly years: number;
  readonly months: number;
  readonly days: number;
  /** As written in the configuration, for reports. */
  readonly text: string;
}

export interface RetentionPolicy {
  readonly defaultPeriod: IsoPeriod;
  readonly agencies: ReadonlyMap<string, IsoPeriod>;
  readonly categories: ReadonlyMap<string, IsoPeriod>;
}

export const RETENTION_POLICY_VARIABLE = 'RETENTION_POLICY';
export const RETENTION_INTERVAL_VARIABLE = 'RETENTION_INTERVAL_HOURS';
const DEFAULT_PERIOD = 'P5Y';
const CATEGORY_NAMES: readonly string[] = [...AGENCY_KINDS, ...CONTROLLER_REGIMES];

/** Years, months, weeks and days only: retention is a matter of calendar dates, not hours. */
const PERIOD_PATTERN = /^P(?!$)(?:(\d{1,3})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?$/;

export function parseIsoPeriod(text: string): IsoPeriod | undefined {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return undefined;
  const [, years, months, weeks, days] = match.map((part) => Number(part ?? 0));
  const period = { years, months, days: weeks * 7 + days, text };
  return period.years + period.months + period.days > 0 ? period : undefined;
}

/**
 * `instant` plus the period, in UTC calendar arithmetic (time of day kept). A day that does not exist
 * in the target month is clamped to its last day (31 March + P1M = 30 April; 29 February + P1Y =
 * 28 February), rather than spilling into the next month as `Date` would.
 */
export function addPeriod(instant: Date, period: IsoPeriod): Date {
  const targetMonth = instant.getUTCMonth() + period.months + period.years * 12;
  const shifted = new Date(instant);
  shifted.setUTCFullYear(instant.getUTCFullYear(), targetMonth, 1);
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(instant.getUTCDate(), lastDay));
  shifted.setUTCDate(shifted.getUTCDate() + period.days);
  return shifted;
}

export function defaultRetentionPolicy(): RetentionPolicy {
  return { defaultPeriod: parseIsoPeriod(DEFAULT_PERIOD)!, agencies: new Map(), categories: new Map() };
}

/**
 * Reads `RETENTION_POLICY`; unset or empty means the default (5 years for everything). Every
 * mistake is one ConfigError naming the variable and the offending key, never a stack trace.
 */
export function loadRetentionPolicy(env: Record<string, string | undefined>, knownAgencies: { has(code: string): boolean }): RetentionPolicy {
  const raw = env[RETENTION_POLICY_VARIABLE]?.trim();
  if (!raw) return defaultRetentionPolicy();
  const fail = (rule: string): never => {
    throw new ConfigError(RETENTION_POLICY_VARIABLE, rule);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('must be JSON like {"default":"P5Y","agencies":{"KBH-POLITI":"P3Y"},"categories":{"law-enforcement":"P5Y"}}');
  }
  if (!isPlainObject(parsed)) return fail('must be a JSON object with "default", "agencies" and/or "categories"');
  for (const key of Object.keys(parsed)) {
    if (!['default', 'agencies', 'categories'].includes(key)) fail(`has an unknown key "${key.slice(0, 40)}": use default, agencies or categories`);
  }
  const period = (value: unknown, where: string): IsoPeriod => {
    const result = typeof value === 'string' ? parseIsoPeriod(value) : undefined;
    return result ?? fail(`${where} must be an ISO 8601 period of years, months, weeks or days, such as "P5Y" or "P18M"`);
  };
  const table = (value: unknown, where: string, isKnown: (name: string) => boolean, known: string): Map<string, IsoPeriod> => {
    if (value === undefined) return new Map();
    if (!isPlainObject(value)) return fail(`${where} must be an object of name → ISO period`);
    return new Map(
      Object.entries(value).map(([name, text]) => {
        if (!isKnown(name)) fail(`${where}.${name.slice(0, 40)} is not ${known}`);
        return [name, period(text, `${where}.${name.slice(0, 40)}`)] as const;
      }),
    );
  };
  return {
    defaultPeriod: parsed.default === undefined ? parseIsoPeriod(DEFAULT_PERIOD)! : period(parsed.default, 'default'),
    agencies: table(parsed.agencies, 'agencies', (code) => knownAgencies.has(code), 'an agency code from the reference data'),
    categories: table(parsed.categories, 'categories', (name) => CATEGORY_NAMES.includes(name), `one of ${CATEGORY_NAMES.join(', ')}`),
  };
}

/** The period for one agency's contributions; `undefined` agency (the general key) gets the default. */
export function periodFor(policy: RetentionPolicy, agency: Pick<Agency, 'code' | 'kind' | 'controllerRegime'> | undefined): IsoPeriod {
  if (!agency) return policy.defaultPeriod;
  return policy.agencies.get(agency.code) ?? policy.categories.get(agency.kind) ?? policy.categories.get(agency.controllerRegime) ?? policy.defaultPeriod;
}

/** `RETENTION_INTERVAL_HOURS`: how often the scheduled job runs; 0 turns the schedule off. Default 24. */
export function loadRetentionIntervalHours(env: Record<string, string | undefined>): number {
  const raw = env[RETENTION_INTERVAL_VARIABLE]?.trim();
  if (!raw) return 24;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 8760) {
    throw new ConfigError(RETENTION_INTERVAL_VARIABLE, 'must be a whole number of hours from 0 (off) to 8760');
  }
  return Number(raw);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
