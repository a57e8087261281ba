import { randomBytes } from 'node:crypto';
import { SecretBytes, parseMasterKeys, type PrivacyConfig } from '@samvirke/privacy';

/**
 * Test privacy keys: one set per test run (made by run-tests.js and shared by every test file, as
 * every process of a deployment shares one keyring), never the development or production ones.
 */
export function testPrivacyConfig(): PrivacyConfig {
  const masterKeys = process.env.TEST_MASTER_KEYS ?? (fallbackMasterKeys ??= `t1:${randomBytes(32).toString('base64')}`);
  return {
    masterKeyring: parseMasterKeys(masterKeys),
    cprHmacSecret: new SecretBytes(Buffer.from(testCprHmacSecretHex(), 'hex')),
    generatedForDevelopment: false,
  };
}

/** The run's CPR HMAC secret (hex): every test app and API child of this process uses it. */
export function testCprHmacSecretHex(): string {
  return process.env.TEST_CPR_HMAC_SECRET ?? (fallbackCprSecret ??= randomBytes(32).toString('hex'));
}
let fallbackMasterKeys: string | undefined;
let fallbackCprSecret: string | undefined;
