import { createHmac } from 'node:crypto';
/** Key material that hides itself from logs (libs/privacy's SecretBytes), or raw bytes. */
type SecretKey = { reveal(): Buffer } | Buffer;

/**
 * The Danish personal identity number (CPR), DDMMYY-SSSS. It is confidential: it must never appear in
 * a stream name, URL, log line or error message, so the errors here say what is wrong with the
 * number, never the number. Since 2007 CPR numbers need not pass the modulus-11 check, so none is made.
 */
export class InvalidCprError extends Error {
  constructor(readonly reason: 'CPR_FORMAT' | 'CPR_DATE') {
    super(reason === 'CPR_FORMAT' ? 'cpr must be 10 digits, written DDMMYY-SSSS or DDMMYYSSSS' : 'cpr must start with a valid birth date (DDMMYY)');
    this.name = 'InvalidCprError';
  }
}

/** Returns the 10 digits of a CPR number written DDMMYY-SSSS or DDMMYYSSSS. */
export function normaliseCpr(input: string): string {
  const match = /^(\d{6})-?(\d{4})$/.exec(input.trim());
  if (!match) throw new InvalidCprError('CPR_FORMAT');
  return match[1] + match[2];
}

/**
 * The birth date as `yyyy-mm-dd`. The century follows the CPR office's rule on the 7th digit (the
 * first of the sequence number): 0-3 → 1900s; 4 and 9 → 2000s when YY <= 36, else 1900s; 5-8 →
 * 2000s when YY <= 57, else 1800s.
 */
export function birthDateFromCpr(cpr: string): string {
  const date = calendarDateOf(normaliseCpr(cpr));
  if (date === undefined) throw new InvalidCprError('CPR_DATE');
  return date;
}

/** True when the number is well-formed and its first six digits are a real calendar date. */
export function isValidCprDate(cpr: string): boolean {
  let digits: string;
  try {
    digits = normaliseCpr(cpr);
  } catch {
    return false;
  }
  return calendarDateOf(digits) !== undefined;
}

/**
 * The keyed hash by which a citizen is found without storing the CPR in clear: HMAC-SHA256 (hex) of
 * the 10 digits. Keyed, so the hashes cannot be reversed by hashing all ~3.6 million possible CPR
 * numbers of a year without the secret.
 */
export function cprHash(secret: SecretKey, cpr: string): string {
  const key = Buffer.isBuffer(secret) ? secret : secret.reveal();
  return createHmac('sha256', key).update(normaliseCpr(cpr), 'ascii').digest('hex');
}

function calendarDateOf(digits: string): string | undefined {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const year = centuryOf(Number(digits[6]), yy) + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function centuryOf(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any time-zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
