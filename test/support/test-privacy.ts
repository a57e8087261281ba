import { randomBytes } from 'node:crypto';
import { SecretBytes, parseMasterKeys, type PrivacyConfig } from '@samvirke/privacy';

/**
 * Test privacy keys: one set per test run (made by run-tests.js and shared by every test file, as
 * every process of a deployment shares one keyring), never the development or production ones.
 */
export function testPrivacyConfig(): PrivacyConfig {
  return {
    masterKeyring: parseMasterKeys(testMasterKeys()),
    cprHmacSecret: new SecretBytes(Buffer.from(testCprHmacSecretHex(), 'hex')),
    generatedForDevelopment: false,
  };
}

/** The run's master keys (`MASTER_KEYS` syntax): every test app and child process of this process seals under them. */
export function testMasterKeys(): string {
  return process.env.TEST_MASTER_KEYS ?? (fallbackMasterKeys ??= `t1:${randomBytes(32).toString('base64')}`);
}

/**
 * The settings a child process (the CLI, an API child) needs to seal and open with the same keys as
 * this process's test apps: what one writes sealed, the other's projections can open.
 */
export function testPrivacyEnv(): { MASTER_KEYS: string; CPR_HMAC_SECRET: string } {
  return { MASTER_KEYS: testMasterKeys(), CPR_HMAC_SECRET: testCprHmacSecretHex() };
}

/** The run's CPR HMAC secret (hex): every test app and API child of this process uses it. */
export function testCprHmacSecretHex(): string {
  return process.env.TEST_CPR_HMAC_SECRET ?? (fallbackCprSecret ??= randomBytes(32).toString('hex'));
}
let fallbackMasterKeys: string | undefined;
let fallbackCprSecret: string | undefined;
