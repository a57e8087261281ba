import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { migrateDatabase } from '@samvirke/migrations';
import { freePort } from '@samvirke/platform';
import { PersonalDataVault } from '@samvirke/privacy';
import { baseEnv, startApiProcess, waitForHttp } from '../support/api-process';
import { createOwnDatabase } from '../support/own-database';
import { testCprHmacSecretHex, testPrivacyConfig, testPrivacyEnv } from '../support/test-privacy';

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

  it('refuses a database whose data keys were sealed under other master keys, naming the versions and no key', async () => {
    const database = await createOwnDatabase('config_keys');
    const pool = new Pool({ connectionString: database.url, max: 2 });
    // A client still closing when the database is dropped WITH (FORCE) reports 57P01: not a failure.
    pool.on('error', () => undefined);
    try {
      await migrateDatabase(database.url);
      // Sealed under the run's test keys, as every test app does.
      await new PersonalDataVault(pool, testPrivacyConfig()).seal({ citizenId: randomUUID() }, 'Navn Navnesen');
      const otherKey = Buffer.alloc(32, 9).toString('base64');
      for (const [masterKeys, message] of [
        // DATA_DIR's development keys, or a keyring without the version the data was sealed with.
        [undefined, /^samvirke: invalid configuration: MASTER_KEYS lacks master key versions this database's data keys are wrapped with: t1 \(1 data keys\)/],
        // The same version name with another key.
        [`t1:${otherKey}`, /^samvirke: invalid configuration: MASTER_KEYS does not open this database's data keys under version t1/],
      ] as const) {
        const api = startApiProcess({
          ...baseEnv(),
          DATA_DIR: dataDir,
          DATABASE_URL: database.url,
          PORT: String(await freePort()),
          DEMO_DATA: 'false',
          ...(masterKeys ? { MASTER_KEYS: masterKeys, CPR_HMAC_SECRET: testCprHmacSecretHex() } : { MASTER_KEYS: undefined, CPR_HMAC_SECRET: undefined }),
        });
        const started = setTimeout(() => api.child.kill('SIGTERM'), 30_000);
        const { code } = await api.exited;
        clearTimeout(started);
        expect(code).toBe(78);
        expect(api.errorOutput().trim()).toMatch(message);
        expect(api.output()).not.toContain(otherKey);
      }
      // With the keys it was sealed with, the same database is served.
      const port = await freePort();
      const api = startApiProcess({ ...baseEnv(), DATA_DIR: dataDir, DATABASE_URL: database.url, PORT: String(port), DEMO_DATA: 'false', ...testPrivacyEnv() });
      try {
        await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 60_000, api);
      } finally {
        api.child.kill('SIGTERM');
        await api.exited;
      }
    } finally {
      await pool.end();
      await database.drop();
    }
  }, 120_000);
});
