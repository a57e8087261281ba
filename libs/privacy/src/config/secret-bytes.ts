import { inspect } from 'node:util';

/**
 * Key material that must never reach a log line. A Buffer prints its bytes under `console.log`,
 * `JSON.stringify` and pino's serialisers, so a config object logged "just to check" would leak the
 * master keys; wrapping them makes every accidental print show `[redacted]` instead.
 */
export class SecretBytes {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  get length(): number {
    return this.#bytes.length;
  }

  /** The raw bytes, for node:crypto only. */
  reveal(): Buffer {
    return this.#bytes;
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'SecretBytes [redacted]';
  }
}
