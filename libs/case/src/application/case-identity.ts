import { deterministicUuid } from '@samvirke/event-store';

/**
 * A citizen has one case stream for life: it is closed and reopened, never opened twice. Its id is
 * derived from the keyed CPR hash, so two agencies referring the same citizen at the same moment
 * race on the same stream and the store's no-stream check lets exactly one win (no separate
 * uniqueness index that could disagree with the log). The id reveals nothing without the HMAC
 * secret, and it doubles as the citizen's pseudonym for keys and statistics.
 */
export function caseIdForCitizen(cprHash: string): string {
  return deterministicUuid('case', cprHash);
}

export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}

export const CASE_STREAM_PREFIX = 'case-';
