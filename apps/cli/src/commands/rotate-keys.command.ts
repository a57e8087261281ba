import { PersonalDataVault, loadPrivacyConfig } from '@samvirke/privacy';
import { openCliRuntime } from './cli-runtime';

/**
 * `npm run cli -- rotate-keys`: re-wraps every live data key under the active (first) master key in
 * MASTER_KEYS. Ciphertexts are untouched, so old and new events keep decrypting. Exit 1 while some
 * keys still need a master key version that is missing from MASTER_KEYS.
 */
export async function runRotateKeys(): Promise<number> {
  const runtime = await openCliRuntime();
  try {
    const vault = new PersonalDataVault(runtime.pool, loadPrivacyConfig(process.env, runtime.config.dataDir));
    const result = await vault.rotateMasterKey();
    process.stdout.write(
      `re-wrapped ${result.rewrapped} data keys; missing master key versions: ${result.missingMasterKeyVersions.join(', ') || 'none'}; failed authentication: ${result.failedAuthentication}\n`,
    );
    return result.missingMasterKeyVersions.length > 0 || result.failedAuthentication > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
