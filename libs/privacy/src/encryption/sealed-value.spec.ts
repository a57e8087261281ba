import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { isSealed, openWithKey, parseSealed, sealWithKey } from './sealed-value';

const keyId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b~g~1';

describe('sealed value envelope', () => {
  it('opens what it sealed, for any text', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const sealed = sealWithKey(keyId, key, text);
        expect(isSealed(sealed)).toBe(true);
        expect(openWithKey(sealed, key)).toBe(text);
      }),
    );
  });

  it('writes s1.<dataKeyId>.<iv>.<ciphertext>.<tag> and never the plaintext', () => {
    const sealed = sealWithKey(keyId, randomBytes(32), 'Jens Jensen');
    expect(sealed.sealed.startsWith(`s1.${keyId}.`)).toBe(true);
    expect(sealed.sealed.split('.')).toHaveLength(5);
    expect(sealed.sealed).not.toContain('Jens');
    expect(parseSealed(sealed)?.iv).toHaveLength(12);
    expect(parseSealed(sealed)?.tag).toHaveLength(16);
  });

  it('uses a fresh IV each time, so equal plaintexts do not give equal envelopes', () => {
    const key = randomBytes(32);
    expect(sealWithKey(keyId, key, 'same').sealed).not.toBe(sealWithKey(keyId, key, 'same').sealed);
  });

  it('refuses to open when any character of the envelope is changed', () => {
    const key = randomBytes(32);
    const sealed = sealWithKey(keyId, key, 'Nørrebrogade 1, 2200 København N').sealed;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~';
    for (let index = 0; index < sealed.length; index += 1) {
      for (const replacement of alphabet) {
        if (replacement === sealed[index]) continue;
        const tampered = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
        expect({ index, replacement, opened: openWithKey({ sealed: tampered }, key) }).toEqual({ index, replacement, opened: undefined });
      }
    }
  });

  it('refuses to open when a byte of the IV, ciphertext or tag is flipped', () => {
    const key = randomBytes(32);
    const sealed = sealWithKey(keyId, key, 'free-text summary');
    const parts = parseSealed(sealed)!;
    for (const field of ['iv', 'ciphertext', 'tag'] as const) {
      for (let index = 0; index < parts[field].length; index += 1) {
        const flipped = Buffer.from(parts[field]);
        flipped[index] ^= 0x01;
        expect(openWithKey({ ...parts, [field]: flipped }, key)).toBeUndefined();
      }
    }
  });

  it('refuses to open a ciphertext moved under another key id, even when that id names the same key bytes', () => {
    const key = randomBytes(32);
    const sealed = sealWithKey(keyId, key, 'CPR 010203-1234').sealed;
    const moved = sealed.replace(`s1.${keyId}.`, 's1.6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b~aUE9MSVRJ~1.');
    expect(isSealed({ sealed: moved })).toBe(true);
    expect(openWithKey({ sealed: moved }, key)).toBeUndefined();
  });

  it('refuses to open with another key', () => {
    const sealed = sealWithKey(keyId, randomBytes(32), 'x');
    expect(openWithKey(sealed, randomBytes(32))).toBeUndefined();
  });

  it('refuses a truncated tag', () => {
    const key = randomBytes(32);
    const parts = parseSealed(sealWithKey(keyId, key, 'x'))!;
    expect(openWithKey({ ...parts, tag: parts.tag.subarray(0, 12) }, key)).toBeUndefined();
  });

  it('recognises only well-formed envelopes', () => {
    expect(isSealed({ sealed: 'hello' })).toBe(false);
    expect(isSealed('s1.a.b.c.d')).toBe(false);
    expect(isSealed(null)).toBe(false);
    expect(isSealed({ sealed: 's2.k.aaaa.bbbb.cccc' })).toBe(false);
    expect(isSealed({ sealed: 's1.k.aaaa.bbbb.cccc' })).toBe(true);
  });

  it('refuses key ids that would break the envelope', () => {
    expect(() => sealWithKey('a.b', randomBytes(32), 'x')).toThrow(/data key id/);
    expect(() => sealWithKey(keyId, randomBytes(16), 'x')).toThrow(/32 bytes/);
  });
});
