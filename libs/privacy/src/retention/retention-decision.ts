import type { Agency } from '@samvirke/reference-data';
import { addPeriod, periodFor, type RetentionPolicy } from './retention-policy';

/** What retention needs to know about one case; no personal data. */
export interface RetentionFacts {
  caseId: string;
  status: 'not-opened' | 'open' | 'closed';
  closedAt?: string;
  activeLegalHolds: number;
  citizenErased: boolean;
  /**
   * Agencies that still hold a live data key for the citizen (`null` = the citizen's general key).
   * What is still readable is what retention has to act on; scopes already erased are not repeated.
   */
  liveKeyAgencies: ReadonlyArray<string | null>;
}

export type RetentionVerdict =
  /** Nothing to do: open, never opened, or nothing readable is left. */
  | { kind: 'nothing-to-do' }
  /** Closed, but no period has passed: kept until `until` (the earliest scope to expire). */
  | { kind: 'keep'; until: string }
  /** These scopes have expired but a legal hold stands: nothing goes. */
  | { kind: 'held'; scopes: string[] }
  /** Erase these scopes ('citizen' covers every agency). */
  | { kind: 'erase'; scopes: string[] };

/**
 * Per case and per agency key, what retention does today. Pure, so every rule has a spec.
 *
 * - The citizen scope (every key, and the case marked erased) expires when the longest period that
 *   applies to the case has passed: the default, and that of every agency still holding a key. So a
 *   contribution under a longer period (say law-enforcement data kept 10 years) is never shredded
 *   early by the citizen-wide erasure.
 * - Before that, an agency whose own period is shorter goes on its own: its key only.
 * - An agency code the reference data does not know has no rule of its own and waits for the
 *   citizen scope (the decider would refuse an unknown agency scope anyway).
 * - A legal hold stops everything; the scopes that would have gone are reported as held.
 */
export function decideRetention(
  facts: RetentionFacts,
  policy: RetentionPolicy,
  agencies: { get(code: string): Agency | undefined },
  now: Date,
): RetentionVerdict {
  if (facts.status !== 'closed' || facts.closedAt === undefined) return { kind: 'nothing-to-do' };
  const verdict = (scopes: string[]): RetentionVerdict => (facts.activeLegalHolds > 0 ? { kind: 'held', scopes } : { kind: 'erase', scopes });
  if (facts.citizenErased) {
    // Erased, yet keys live: an erasure stopped between its event and its key destruction, or a key
    // made after it. Finishing it is no new decision, so no period applies.
    return facts.liveKeyAgencies.length === 0 ? { kind: 'nothing-to-do' } : verdict(['citizen']);
  }
  const closedAt = new Date(facts.closedAt);

  const agencyExpiries = new Map<string, Date>();
  let citizenExpiry = addPeriod(closedAt, policy.defaultPeriod);
  for (const code of new Set(facts.liveKeyAgencies)) {
    const agency = code === null ? undefined : agencies.get(code);
    const expiry = addPeriod(closedAt, periodFor(policy, agency));
    if (expiry > citizenExpiry) citizenExpiry = expiry;
    if (agency) agencyExpiries.set(agency.code, expiry);
  }

  // When every agency has gone on its own, nothing readable is left, but the citizen-scope event
  // still follows at the end: it marks the case erased, so read models drop their clear facts.
  if (citizenExpiry <= now) return verdict(['citizen']);
  const expired = [...agencyExpiries]
    .filter(([, expiry]) => expiry <= now)
    .map(([code]) => code)
    .sort();
  if (expired.length > 0) return verdict(expired);
  const until = [...agencyExpiries.values()].reduce((earliest, expiry) => (expiry < earliest ? expiry : earliest), citizenExpiry);
  return { kind: 'keep', until: until.toISOString() };
}
