import { inspect } from 'node:util';
import { SecretBytes } from './secret-bytes';

export interface MasterKey {
  readonly version: string;
  readonly key: SecretBytes;
}

/**
 * The master keys that wrap the per-citizen data keys. The first key is active: every new or
 * re-wrapped data key is wrapped with it. The others are kept only so that data keys wrapped before a
 * rotation can still be unwrapped; once `rotateMasterKey()` has re-wrapped everything, an old version
 * can be removed from the configuration.
 */
export class MasterKeyring {
  readonly #keys: ReadonlyMap<string, SecretBytes>;
  readonly active: MasterKey;

  constructor(keys: readonly MasterKey[]) {
    if (keys.length === 0) throw new Error('a master keyring needs at least one key');
    this.#keys = new Map(keys.map((k) => [k.version, k.key]));
    if (this.#keys.size !== keys.length) throw new Error('master key versions must be unique');
    this.active = keys[0];
  }

  get versions(): string[] {
    return [...this.#keys.keys()];
  }

  keyFor(version: string): SecretBytes | undefined {
    return this.#keys.get(version);
  }

  toJSON(): { activeVersion: string; versions: string[] } {
    return { activeVersion: this.active.version, versions: this.versions };
  }

  [inspect.custom](): string {
    return `MasterKeyring { active: ${this.active.version}, versions: ${this.versions.join(', ')} }`;
  }
}
