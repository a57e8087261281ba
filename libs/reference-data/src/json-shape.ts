/**
 * Narrowing of untrusted JSON into typed values. Each reader names the JSON path it failed at, so a
 * broken reference-data file is found by its message alone.
 */

export class ReferenceDataError extends Error {
  override readonly name = 'ReferenceDataError';
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`reference data ${path}: ${problem}`);
  }
}

export type JsonObject = { readonly [key: string]: unknown };

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReferenceDataError(path, 'expected an object');
  }
  return value as JsonObject;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ReferenceDataError(path, 'expected an array');
  return value;
}

export function readNonEmptyArray(value: unknown, path: string): readonly unknown[] {
  const array = readArray(value, path);
  if (array.length === 0) throw new ReferenceDataError(path, 'expected at least one element');
  return array;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ReferenceDataError(path, 'expected a non-empty string');
  }
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : readString(value, path);
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ReferenceDataError(path, 'expected true or false');
  return value;
}

export function readInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ReferenceDataError(path, 'expected an integer');
  }
  return value;
}

export function readOptionalInteger(value: unknown, path: string): number | undefined {
  return value === undefined ? undefined : readInteger(value, path);
}

export function readOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  const text = readString(value, path);
  const match = allowed.find((candidate) => candidate === text);
  if (match === undefined) throw new ReferenceDataError(path, `expected one of ${allowed.join(', ')}`);
  return match;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readIsoDate(value: unknown, path: string): string {
  const text = readString(value, path);
  const parsed = new Date(`${text}T00:00:00Z`);
  if (!ISO_DATE.test(text) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw new ReferenceDataError(path, 'expected a calendar date yyyy-mm-dd');
  }
  return text;
}

export function readStringList(value: unknown, path: string): readonly string[] {
  return readArray(value, path).map((item, index) => readString(item, `${path}[${index}]`));
}
