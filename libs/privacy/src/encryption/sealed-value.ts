import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Personal data as it is stored in events and read models: opaque to everyone but the vault.
 * Structurally the same as the case domain's `Sealed`, so either can be passed where the other is
 * expected without the case library importing this one.
 */
export interface Sealed {
  readonly sealed: string;
}

/**
 * The envelope, one compact string: `s1.<dataKeyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 *
 * - AES-256-GCM with a fresh random 96-bit IV per value. With random IVs the safe limit is about
 *   2^32 values per key; one key per citizen and agency stays far below it.
 * - The associated data is `s1.<dataKeyId>`: the version and the key id are authenticated, so a
 *   ciphertext moved under another key id (or another format version) fails to open even if that
 *   other key happened to be the same bytes.
 * - The tag length is fixed at 16 bytes when opening: GCM would otherwise accept a truncated tag.
 * - Every part must be canonical base64url: Node's decoder ignores the unused low bits of the last
 *   character, so without this check a changed character could still open.
 */
const FORMAT_VERSION = 's1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_~-]{1,200}$/;
const ENVELOPE_PATTERN = /^s1\.[A-Za-z0-9_~-]{1,200}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

export interface SealedParts {
  dataKeyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function isSealed(value: unknown): value is Sealed {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { sealed?: unknown }).sealed === 'string' &&
    ENVELOPE_PATTERN.test((value as { sealed: string }).sealed)
  );
}

export function isValidDataKeyId(dataKeyId: string): boolean {
  return KEY_ID_PATTERN.test(dataKeyId);
}

export function sealWithKey(dataKeyId: string, key: Buffer, plaintext: string): Sealed {
  if (!isValidDataKeyId(dataKeyId)) throw new Error('a data key id must be 1-200 characters of A-Z, a-z, 0-9, _, ~ or -');
  if (key.length !== KEY_BYTES) throw new Error(`a data key must be ${KEY_BYTES} bytes`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(dataKeyId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    sealed: [FORMAT_VERSION, dataKeyId, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.'),
  };
}

/** The parts of a well-formed envelope, or undefined. Says nothing about whether it will open. */
export function parseSealed(value: unknown): SealedParts | undefined {
  if (!isSealed(value)) return undefined;
  const [, dataKeyId, ivText, ciphertextText, tagText] = value.sealed.split('.');
  const iv = decodeCanonical(ivText);
  const ciphertext = decodeCanonical(ciphertextText);
  const tag = decodeCanonical(tagText);
  if (!iv || !ciphertext || !tag || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
  return { dataKeyId, iv, ciphertext, tag };
}

/** The plaintext, or undefined when the envelope is malformed, tampered with, or not for this key. */
export function openWithKey(sealed: Sealed | SealedParts, key: Buffer): string | undefined {
  const parts = 'sealed' in sealed ? parseSealed(sealed) : sealed;
  if (!parts || key.length !== KEY_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(parts.dataKeyId));
    decipher.setAuthTag(parts.tag);
    const plaintext = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
    return decodeUtf8Strictly(plaintext);
  } catch {
    return undefined;
  }
}

function associatedData(dataKeyId: string): Buffer {
  return Buffer.from(`${FORMAT_VERSION}.${dataKeyId}`, 'utf8');
}

function decodeCanonical(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function decodeUtf8Strictly(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
