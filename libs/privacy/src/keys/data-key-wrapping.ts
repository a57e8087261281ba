import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKeyring } from '../config/master-keyring';

/** A data key as it rests in `privacy_data_keys`: encrypted under one master key version. */
export interface WrappedDataKey {
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  masterKeyVersion: string;
}

/**
 * The data key's row was wrapped with a master key version this process was not given. This is a
 * deployment fault (an old master key removed before `rotateMasterKey()` finished), not tampering, so
 * it is raised instead of reporting the data as unreadable.
 */
export class MasterKeyUnavailableError extends Error {
  constructor(readonly masterKeyVersion: string) {
    super(`master key version ${masterKeyVersion} is not in MASTER_KEYS: keep it configured until rotateMasterKey() has re-wrapped every data key`);
    this.name = 'MasterKeyUnavailableError';
  }
}

const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** Wraps under the keyring's active master key. */
export function wrapDataKey(keyId: string, dataKey: Buffer, keyring: MasterKeyring): WrappedDataKey {
  const { version, key } = keyring.active;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.reveal(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrappingAssociatedData(keyId, version));
  const wrappedKey = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { wrappedKey, iv, tag: cipher.getAuthTag(), masterKeyVersion: version };
}

/**
 * The data key, or undefined when the wrapped bytes fail authentication (altered in the database, or
 * copied from another row: the associated data binds the wrapping to this key id and master version).
 */
export function unwrapDataKey(keyId: string, wrapped: WrappedDataKey, keyring: MasterKeyring): Buffer | undefined {
  const master = keyring.keyFor(wrapped.masterKeyVersion);
  if (!master) throw new MasterKeyUnavailableError(wrapped.masterKeyVersion);
  try {
    const decipher = createDecipheriv('aes-256-gcm', master.reveal(), wrapped.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(wrappingAssociatedData(keyId, wrapped.masterKeyVersion));
    decipher.setAuthTag(wrapped.tag);
    const unwrapped = Buffer.concat([decipher.update(wrapped.wrappedKey), decipher.final()]);
    if (unwrapped.length !== DATA_KEY_BYTES) return undefined;
    // A small Buffer from concat is a view into Node's shared 8 KB allocation pool, and the vault
    // caches keys for thousands of citizens: each cached key would keep a whole slab alive (the
    // soak measured 8 KB of native memory per key, up to 80 MB at the cache's 10,000 entries). The
    // key gets 32 bytes of its own; its pooled copy is wiped rather than left for the slab's life.
    const dataKey = Buffer.alloc(DATA_KEY_BYTES);
    unwrapped.copy(dataKey);
    unwrapped.fill(0);
    return dataKey;
  } catch {
    return undefined;
  }
}

function wrappingAssociatedData(keyId: string, masterKeyVersion: string): Buffer {
  return Buffer.from(`privacy-data-key.${keyId}.${masterKeyVersion}`, 'utf8');
}
