import type { Sealed } from '../encryption/sealed-value';

/** What the upcaster needs to know of the stream the CaseOpened is in. */
export interface CaseOpenedUpcastContext {
  /** The citizen's data was erased (a citizen erasure, or an erasure of the referrer's contributions). */
  readonly erased: boolean;
  /** Seals a text under the citizen's key for the referring agency, as a referral does. */
  seal(text: string): Promise<Sealed>;
}

/**
 * A `CaseOpened` of a stream opened before issue 21, in the shape new ones have: no keyed CPR hash,
 * birth date and district sealed (`sealedBirthDate`, `sealedDistrictCode`) instead of in clear. An
 * erased citizen's plain values are dropped, not sealed (the key is gone, and a new one would make them
 * readable again). Undefined when the event already has the new shape (nothing to rewrite).
 */
export async function upcastCaseOpened(data: Record<string, unknown>, context: CaseOpenedUpcastContext): Promise<Record<string, unknown> | undefined> {
  const { cprHash, birthDate, districtCode, ...rest } = data;
  if (cprHash === undefined && birthDate === undefined && districtCode === undefined) return undefined;
  const upcast: Record<string, unknown> = { ...rest };
  if (!context.erased) {
    if (typeof birthDate === 'string' && upcast.sealedBirthDate === undefined) upcast.sealedBirthDate = await context.seal(birthDate);
    if (typeof districtCode === 'string' && upcast.sealedDistrictCode === undefined) upcast.sealedDistrictCode = await context.seal(districtCode);
  }
  return upcast;
}
