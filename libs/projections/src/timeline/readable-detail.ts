import type { PersonalDataVault } from '@samvirke/privacy';

/** Personal text as a reader gets it: the text, a note that it was erased, or null when unreadable. */
export type ReadableDetail = string | { erasedAt: string } | null;

/**
 * Opens the sealed strings a read model stored, in one vault call. An erased value answers with the
 * erasure date instead of failing the whole page, because crypto-shredding is expected, not an error.
 */
export async function openDetails(vault: PersonalDataVault, sealed: readonly (string | null)[]): Promise<ReadableDetail[]> {
  const present = sealed.flatMap((value, index) => (value === null ? [] : [{ index, value }]));
  const opened = await vault.openMany(present.map(({ value }) => ({ sealed: value })));
  const details: ReadableDetail[] = sealed.map(() => null);
  present.forEach(({ index }, i) => {
    const value = opened[i];
    if (value.status === 'available') details[index] = value.value;
    else if (value.status === 'erased') details[index] = { erasedAt: value.erasedAt.toISOString() };
  });
  return details;
}
