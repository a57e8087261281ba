import { randomBytes } from 'node:crypto';
import { MasterKeyring } from '../config/master-keyring';
import { SecretBytes } from '../config/secret-bytes';
import { newDataKey, unwrapDataKey, wrapDataKey } from './data-key-wrapping';

const keyId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b~g~1';
const keyring = new MasterKeyring([{ version: 'v1', key: new SecretBytes(randomBytes(32)) }]);

describe('data key wrapping', () => {
  it('unwraps the key it wrapped', () => {
    const dataKey = newDataKey();
    expect(unwrapDataKey(keyId, wrapDataKey(keyId, dataKey, keyring), keyring)).toEqual(dataKey);
  });

  it('refuses a wrapping made for another key id', () => {
    expect(unwrapDataKey(`${keyId}x`, wrapDataKey(keyId, newDataKey(), keyring), keyring)).toBeUndefined();
  });

  // The vault caches unwrapped keys: a key that is a view into Node's shared buffer pool keeps the
  // whole 8 KB slab alive while it is cached.
  it('gives each unwrapped key memory of its own, not a slice of the shared buffer pool', () => {
    const wrapped = wrapDataKey(keyId, newDataKey(), keyring);
    const keys = Array.from({ length: 3 }, () => unwrapDataKey(keyId, wrapped, keyring)!);
    for (const key of keys) {
      expect(key.byteOffset).toBe(0);
      expect(key.buffer.byteLength).toBe(32);
    }
  });
});
