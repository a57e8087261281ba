import { ForbiddenException } from '@nestjs/common';
import { loadReferenceData } from '@samvirke/reference-data';
import type { AuthenticatedUser } from '../authentication/claims';

const SEALING_PROGRAMMES = new Set([...loadReferenceData().programmes.entries()].filter(([, programme]) => programme.sealsIdentity).map(([code]) => code));

/**
 * The only event type `eventsSealIdentity` looks at: a reader may read just these of a long case. A
 * partial index serves exactly these (migration 1796612780406-identity-sealing-index): widen it with a new one.
 */
export const IDENTITY_SEALING_EVENT_TYPES: readonly string[] = ['EnrolledInProgramme'];

/** Whether a case's events enrol the citizen in a programme that seals identity (exit programme): "is or was". */
export function eventsSealIdentity(events: ReadonlyArray<{ type: string; data: unknown }>): boolean {
  return events.some(
    (event) =>
      IDENTITY_SEALING_EVENT_TYPES.includes(event.type) &&
      typeof event.data === 'object' &&
      event.data !== null &&
      SEALING_PROGRAMMES.has(String((event.data as { programmeCode?: unknown }).programmeCode)),
  );
}

/**
 * The whole-case reads that carry everything (the auditors' event history, state and entry
 * knowledge, the citizen's copy) are refused on a sealed identity to anyone not named on it,
 * auditors included, until they open it by break-glass (POST /cases/:caseId/seal-openings).
 */
export function refuseUnopenedSeal(user: Pick<AuthenticatedUser, 'namedAccess'>, caseId: string, events: ReadonlyArray<{ type: string; data: unknown }>): void {
  if ((user.namedAccess ?? []).includes(caseId) || !eventsSealIdentity(events)) return;
  throw new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    reason: 'SEAL_NOT_OPENED',
    message: "this citizen's identity is sealed: open it with a stated reason (POST /cases/{caseId}/seal-openings) first",
  });
}
