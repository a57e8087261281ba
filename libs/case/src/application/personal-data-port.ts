import type { Sealed } from '../vocabulary';

/**
 * What the case's write side needs from the privacy layer: encrypt a citizen's personal data under
 * the key of the contributing agency, and hash a CPR number for lookup. Implemented by libs/privacy.
 */
export interface PersonalDataSealer {
  seal(subject: { citizenId: string; agency: string }, plaintext: string): Promise<Sealed>;
  cprHash(cpr: string): string;
  /**
   * The case a referral of this CPR goes to: the citizen's current case, or a new random id claimed
   * now (the CPR lookup outside the log, which a citizen erasure deletes).
   */
  claimCaseOfCitizen(cpr: string): Promise<CaseClaim>;
  /** A keyed digest of a request, so idempotency checks never store the request itself. */
  fingerprint(text: string): string;
}

/** A referral's hold on the CPR lookup row of its citizen. */
export interface CaseClaim {
  readonly caseId: string;
  /** The referral was recorded (the case opened, or the referral received on it): the row stays. */
  confirm(): Promise<void>;
  /** The referral was refused: a row this claim created goes, so nothing is left behind. */
  release(): Promise<void>;
}

export const PERSONAL_DATA_SEALER = Symbol('PERSONAL_DATA_SEALER');
