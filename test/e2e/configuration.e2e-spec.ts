import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv, startApiProcess } from '../support/api-process';

/** A wrong setting stops the API with one plain line naming it and a non-zero exit, no stack trace. */
describe('bad configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samvirke-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cases: Array<[string, Record<string, string>, number, RegExp]> = [
    [
      'an unreachable DATABASE_URL',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/samvirke' },
      69,
      /cannot reach the database at 127\.0\.0\.1:1\/samvirke \(ECONNREFUSED\): check DATABASE_URL/,
    ],
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'not a url' }, 78, /DATABASE_URL must be a URL/],
    ['a port out of range', { PORT: '70000' }, 78, /PORT must be a whole number from 1 to 65535 \(got 70000\)/],
    ['a port that is not a number', { PORT: 'eighty' }, 78, /PORT must be a whole number/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 78, /LOG_LEVEL must be one of/],
    [
      'an escalation interval that is not a number of minutes',
      { ESCALATION_INTERVAL_MINUTES: 'hourly' },
      78,
      /ESCALATION_INTERVAL_MINUTES must be a whole number of minutes from 0 \(off\) to 1440/,
    ],
    [
      'a deadline notification interval that is not a number of minutes',
      { DEADLINE_NOTIFICATION_INTERVAL_MINUTES: '-5' },
      78,
      /DEADLINE_NOTIFICATION_INTERVAL_MINUTES must be a whole number of minutes from 0 \(off\) to 1440/,
    ],
    ['the old UTC digest hour', { MAIL_DIGEST_HOUR_UTC: '6' }, 78, /MAIL_DIGEST_HOUR_UTC is no longer read: set MAIL_DIGEST_HOUR/],
    ['an unknown log format', { LOG_FORMAT: 'xml' }, 78, /LOG_FORMAT must be one of pretty, json/],
    [
      'several bad settings, naming each with its rule in one line',
      { PORT: 'eighty', DEMO_CASES: '0' },
      78,
      /PORT must be a whole number from 1 to 65535 \(got "eighty"\); DEMO_CASES must be a whole number from 1 to 100000 \(got 0\)/,
    ],
    [
      'production without any of its required settings, naming them all at once',
      { NODE_ENV: 'production', DATABASE_URL: '', AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '', MASTER_KEYS: '', CPR_HMAC_SECRET: '' },
      78,
      /DATABASE_URL, AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, MASTER_KEYS, CPR_HMAC_SECRET must be set in production/,
    ],
    [
      'production without DATABASE_URL (the embedded PostgreSQL is for development)',
      {
        NODE_ENV: 'production',
        DATABASE_URL: '',
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        AUTH_ISSUER: 'https://idp.example',
        AUTH_AUDIENCE: 'samvirke-api',
        MASTER_KEYS: `v1:${Buffer.alloc(32, 7).toString('base64')}`,
        CPR_HMAC_SECRET: 'x'.repeat(40),
      },
      78,
      /invalid configuration: DATABASE_URL must be set in production/,
    ],
  ];

  it.each(cases)(
    'refuses %s',
    async (_name, env, exitCode, message) => {
      const api = startApiProcess({ ...baseEnv(), DATA_DIR: dataDir, ...env });
      // An API that starts instead of refusing is stopped, so the failure does not leave it running.
      const started = setTimeout(() => api.child.kill('SIGTERM'), 20_000);
      const { code } = await api.exited;
      clearTimeout(started);
      const lines = api.errorOutput().trim().split('\n');
      expect(code).toBe(exitCode);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^samvirke: /);
      expect(lines[0]).toMatch(message);
      expect(api.output()).not.toMatch(/\bat .+\.js:\d+/);
    },
    30_000,
  );
});
