/**
 * A case id is random (crypto.randomUUID): it says nothing about the citizen. A CPR leads to the
 * citizen's current case through the CPR lookup outside the log (libs/privacy, CitizenCaseLookup),
 * which a citizen erasure deletes, so a referral after an erasure opens a new case. The case id
 * doubles as the citizen's pseudonym for keys and statistics.
 */
export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}

export const CASE_STREAM_PREFIX = 'case-';
