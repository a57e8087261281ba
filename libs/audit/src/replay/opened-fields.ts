import { isSealed, type PersonalDataVault, type OpenedValue } from '@samvirke/privacy';

/** A sealed field as an auditor sees it: the plaintext, or why there is none. */
export type OpenedField =
  { status: 'available'; value: string } | { status: 'erased'; note: string } | { status: 'unreadable' } | { status: 'withheld'; note: string };

/** What a reader not named on a sealed identity (exit programme) gets instead of each sealed value. */
const SEALED_IDENTITY: OpenedField = {
  status: 'withheld',
  note: 'sealed identity: open it with a stated reason (POST /cases/{caseId}/seal-openings) to see it',
};

/** Copies of `values` with every sealed value left closed (not even sent to the vault). */
export function keepSealedFields<T>(values: readonly T[]): unknown[] {
  return values.map((value) => replaceSealed(value, () => SEALED_IDENTITY));
}

function asField(opened: OpenedValue): OpenedField {
  if (opened.status === 'available') return { status: 'available', value: opened.value };
  if (opened.status === 'erased') return { status: 'erased', note: `erased on ${opened.erasedAt.toISOString().slice(0, 10)}` };
  return { status: 'unreadable' };
}

function collectSealed(value: unknown, into: Array<{ sealed: string }>): void {
  if (isSealed(value)) into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => collectSealed(item, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => collectSealed(item, into));
}

function replaceSealed(value: unknown, next: () => OpenedField): unknown {
  if (isSealed(value)) return next();
  if (Array.isArray(value)) return value.map((item) => replaceSealed(item, next));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceSealed(item, next)]));
  }
  return value;
}

/**
 * Opens every sealed value found anywhere in `values` (events' data, however nested) with one
 * vault call, and returns copies with each sealed value replaced by its OpenedField. Crypto-shredded
 * values come back as "erased on DATE": the history stays complete, the personal data does not.
 */
export async function openSealedFields<T>(vault: PersonalDataVault, values: readonly T[]): Promise<unknown[]> {
  const sealed: Array<{ sealed: string }> = [];
  values.forEach((value) => collectSealed(value, sealed));
  const opened = (await vault.openMany(sealed)).map(asField);
  let index = 0;
  return values.map((value) => replaceSealed(value, () => opened[index++]));
}
