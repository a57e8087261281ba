import { birthDateFromCpr, cprHash, InvalidCprError, isValidCprDate, normaliseCpr } from './cpr';

const secret = Buffer.alloc(32, 7);

describe('CPR numbers', () => {
  it('accepts DDMMYY-SSSS and DDMMYYSSSS and returns 10 digits', () => {
    expect(normaliseCpr('010203-1234')).toBe('0102031234');
    expect(normaliseCpr('0102031234')).toBe('0102031234');
    expect(normaliseCpr(' 010203-1234 ')).toBe('0102031234');
  });

  it.each(['01020-31234', '010203 1234', '01020312345', '010203-123', 'abcdef-ghij', '', '010203--1234'])(
    'refuses the malformed %p without echoing it',
    (input) => {
      let error: unknown;
      try {
        normaliseCpr(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidCprError);
      if (input.length > 0) expect((error as Error).message).not.toContain(input.trim());
    },
  );

  it.each([
    ['3102001234', 'no 31 February'],
    ['0013001234', 'no month 13'],
    ['0001001234', 'no day 0'],
    ['2902011234', 'no 29 February 1901'],
    ['3104901234', 'no 31 April'],
  ])('rejects %s (%s)', (cpr) => {
    expect(isValidCprDate(cpr)).toBe(false);
    expect(() => birthDateFromCpr(cpr)).toThrow(InvalidCprError);
  });

  it('never puts the number into the date error', () => {
    expect(() => birthDateFromCpr('310200-1234')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('310200') }));
  });

  it.each([
    ['010203-0123', '1903-02-01'],
    ['010203-3999', '1903-02-01'],
    ['010236-4000', '2036-02-01'],
    ['010237-4000', '1937-02-01'],
    ['010236-9000', '2036-02-01'],
    ['010237-9000', '1937-02-01'],
    ['010257-5000', '2057-02-01'],
    ['010258-5000', '1858-02-01'],
    ['010257-8999', '2057-02-01'],
    ['010258-8999', '1858-02-01'],
    ['010100-4000', '2000-01-01'],
  ])('dates %s to %s by the 7th-digit century rule', (cpr, birthDate) => {
    expect(birthDateFromCpr(cpr)).toBe(birthDate);
    expect(isValidCprDate(cpr)).toBe(true);
  });

  it('knows leap days by century: 29 Feb 2000 exists, 29 Feb 1900 does not', () => {
    expect(isValidCprDate('290200-4000')).toBe(true);
    expect(isValidCprDate('290200-1000')).toBe(false);
  });

  it('calls a malformed number an invalid date instead of throwing', () => {
    expect(isValidCprDate('not a cpr')).toBe(false);
  });

  describe('keyed hash', () => {
    it('is HMAC-SHA256 hex of the 10 digits, whatever the written form', () => {
      const hash = cprHash(secret, '010203-1234');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(cprHash(secret, '0102031234')).toBe(hash);
      // Known answer, computed with: printf 0102031234 | openssl dgst -sha256 -mac HMAC -macopt hexkey:07...07 (32 bytes)
      expect(hash).toBe('d113693fe6e8b78a2183422ca62576291d67cef8d83d95b8721340537091376d');
    });

    it('is stable: the same secret gives the same hash', () => {
      expect(cprHash(Buffer.alloc(32, 7), '0102031234')).toBe(cprHash(secret, '0102031234'));
    });

    it('depends on the secret', () => {
      expect(cprHash(Buffer.alloc(32, 8), '0102031234')).not.toBe(cprHash(secret, '0102031234'));
    });

    it('differs between numbers', () => {
      expect(cprHash(secret, '0102031235')).not.toBe(cprHash(secret, '0102031234'));
    });

    it('is not the plain SHA-256 of the number', () => {
      const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
      expect(cprHash(secret, '0102031234')).not.toBe(createHash('sha256').update('0102031234').digest('hex'));
    });
  });
});
