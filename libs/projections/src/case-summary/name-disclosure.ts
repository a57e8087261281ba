/**
 * Opens the sealed names of summary rows for one reader. The read model holds ciphertext only; the
 * name is opened here, per request, and only where the reader may see it:
 * - a case whose citizen is or was in a programme that seals identity (exit programme) shows the
 *   name only to users the access policy lets see sealed-identity material of that case (named
 *   access, see libs/access entry-visibility); everyone else gets `{ sealed: true }`, and the
 *   ciphertext is not even opened for them;
 * - an erased key gives `{ erasedAt }`, a value that cannot be opened `{ unreadable: true }`:
 *   a list never fails because one citizen was erased;
 * - a row whose citizen erasure the projection has already folded in holds no ciphertext at all:
 *   `{ erasedAt }` with the erasure's date, for everyone (it says nothing about who the citizen was).
 * "Was in" on purpose: leaving the exit programme does not make a former gang member safe to name.
 *
 * The same seal covers the birth date and the district (identityHiddenFrom): with either, a
 * colleague who knows the neighbourhood can name the person. Readers not named see an age band.
 */
import { canSeeEntry, type AuthenticatedUser } from '@samvirke/access';
import type { PersonalDataVault } from '@samvirke/privacy';
import type { Programme } from '@samvirke/reference-data';
import type { EnrolmentFact } from './case-summary-fold';

export type DisclosedName = { value: string } | { erasedAt: string } | { sealed: true } | { unreadable: true };

export interface NamedRow {
  caseId: string;
  /** Null once the citizen was erased; `erasedAt` then says when. */
  sealedName: string | null;
  erasedAt: Date | null;
  enrolments: readonly EnrolmentFact[];
}

export function identityIsSealed(enrolments: readonly EnrolmentFact[], programmes: ReadonlyMap<string, Pick<Programme, 'sealsIdentity'>>): boolean {
  return enrolments.some((enrolment) => programmes.get(enrolment.programmeCode)?.sealsIdentity === true);
}

/** Codes of the programmes whose enrolment seals identity, for SQL filters that must agree with identityIsSealed. */
export function sealingProgrammes(programmes: ReadonlyMap<string, Pick<Programme, 'sealsIdentity'>>): string[] {
  return [...programmes.entries()].filter(([, programme]) => programme.sealsIdentity).map(([code]) => code);
}

/**
 * Whether the row's identity (name, birth date, district) is sealed for this reader: sealed by an
 * enrolment, and the reader is neither named on it nor an auditor (the access policy's rule for
 * sealed-identity material).
 */
export function identityHiddenFrom(
  user: AuthenticatedUser,
  row: Pick<NamedRow, 'caseId' | 'enrolments'>,
  programmes: ReadonlyMap<string, Pick<Programme, 'sealsIdentity'>>,
): boolean {
  return (
    identityIsSealed(row.enrolments, programmes) && !canSeeEntry(user, { authorAgency: '', sharedWith: [], sensitivity: 'sealed-identity', caseId: row.caseId })
  );
}

export async function discloseNames(
  vault: Pick<PersonalDataVault, 'openMany'>,
  user: AuthenticatedUser,
  rows: readonly NamedRow[],
  programmes: ReadonlyMap<string, Pick<Programme, 'sealsIdentity'>>,
): Promise<DisclosedName[]> {
  const mayOpen = rows.map((row) => !identityHiddenFrom(user, row, programmes));
  const toOpen = rows.flatMap((row, i) => (mayOpen[i] && row.sealedName !== null ? [{ sealed: row.sealedName }] : []));
  const opened = toOpen.length === 0 ? [] : await vault.openMany(toOpen);
  let next = 0;
  return rows.map((row, i): DisclosedName => {
    if (row.sealedName === null) return row.erasedAt === null ? { unreadable: true } : { erasedAt: row.erasedAt.toISOString() };
    if (!mayOpen[i]) return { sealed: true };
    const value = opened[next++];
    if (value?.status === 'available') return { value: value.value };
    if (value?.status === 'erased') return { erasedAt: value.erasedAt.toISOString() };
    return { unreadable: true };
  });
}
