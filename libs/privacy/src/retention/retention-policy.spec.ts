import { ConfigError } from '@samvirke/platform/config/app-config';
import { addPeriod, loadRetentionIntervalHours, loadRetentionPolicy, parseIsoPeriod, periodFor } from './retention-policy';

const agencies = new Set(['BIF', 'KBH-POLITI']);
const load = (json?: string) => loadRetentionPolicy({ RETENTION_POLICY: json }, agencies);
const police = { code: 'KBH-POLITI', kind: 'police', controllerRegime: 'law-enforcement' } as const;
const prison = { code: 'KBH-FAENGSLER', kind: 'prison-and-probation', controllerRegime: 'law-enforcement' } as const;
const municipal = { code: 'BIF', kind: 'municipal-administration', controllerRegime: 'gdpr' } as const;

describe('retention policy', () => {
  it('defaults to 5 years for everything when RETENTION_POLICY is unset', () => {
    const policy = load(undefined);
    expect(periodFor(policy, police).text).toBe('P5Y');
    expect(periodFor(policy, undefined).text).toBe('P5Y');
  });

  it('prefers the agency code, then the agency kind, then the regime, then the default', () => {
    const policy = load('{"default":"P6Y","agencies":{"KBH-POLITI":"P3Y"},"categories":{"prison-and-probation":"P4Y","law-enforcement":"P10Y","gdpr":"P7Y"}}');
    expect(periodFor(policy, police).text).toBe('P3Y');
    expect(periodFor(policy, prison).text).toBe('P4Y');
    expect(periodFor(policy, { ...prison, kind: 'police', code: 'OTHER' }).text).toBe('P10Y');
    expect(periodFor(policy, municipal).text).toBe('P7Y');
    expect(periodFor(policy, undefined).text).toBe('P6Y');
  });

  it.each([
    ['not json', /RETENTION_POLICY must be JSON/],
    ['[]', /RETENTION_POLICY must be a JSON object/],
    ['{"defualt":"P5Y"}', /RETENTION_POLICY has an unknown key "defualt"/],
    ['{"default":"5 years"}', /RETENTION_POLICY default must be an ISO 8601 period/],
    ['{"default":"PT5H"}', /RETENTION_POLICY default must be an ISO 8601 period/],
    ['{"agencies":{"NOPE":"P1Y"}}', /RETENTION_POLICY agencies.NOPE is not an agency code/],
    ['{"categories":{"justice":"P1Y"}}', /RETENTION_POLICY categories.justice is not one of/],
    ['{"agencies":{"BIF":"P0Y"}}', /RETENTION_POLICY agencies.BIF must be an ISO 8601 period/],
  ])('refuses %s with one line naming the variable', (json, message) => {
    expect(() => load(json)).toThrow(ConfigError);
    expect(() => load(json)).toThrow(message);
  });

  it('parses years, months, weeks and days', () => {
    expect(parseIsoPeriod('P1Y2M3W4D')).toEqual({ years: 1, months: 2, days: 25, text: 'P1Y2M3W4D' });
    expect(parseIsoPeriod('P')).toBeUndefined();
    expect(parseIsoPeriod('P1Y1H')).toBeUndefined();
  });

  it('adds periods in calendar terms, clamping to the end of shorter months', () => {
    const at = (iso: string, period: string) => addPeriod(new Date(iso), parseIsoPeriod(period)!).toISOString();
    expect(at('2021-03-01T09:00:00.000Z', 'P5Y')).toBe('2026-03-01T09:00:00.000Z');
    expect(at('2024-02-29T12:00:00.000Z', 'P1Y')).toBe('2025-02-28T12:00:00.000Z');
    expect(at('2021-03-31T00:00:00.000Z', 'P1M')).toBe('2021-04-30T00:00:00.000Z');
    expect(at('2021-12-31T00:00:00.000Z', 'P1D')).toBe('2022-01-01T00:00:00.000Z');
    expect(at('2021-01-15T00:00:00.000Z', 'P1Y13M')).toBe('2023-02-15T00:00:00.000Z');
  });

  it('reads RETENTION_INTERVAL_HOURS: 24 by default, 0 is off, nonsense is refused', () => {
    expect(loadRetentionIntervalHours({})).toBe(24);
    expect(loadRetentionIntervalHours({ RETENTION_INTERVAL_HOURS: '0' })).toBe(0);
    expect(() => loadRetentionIntervalHours({ RETENTION_INTERVAL_HOURS: '-1' })).toThrow(/RETENTION_INTERVAL_HOURS must be a whole number/);
  });
});
