/**
 * Ready-made events and commands for case specs. Each builder takes overrides so a spec shows only
 * what matters to its rule. The citizen is fictional; sealed values are stand-ins, not ciphertext.
 */
import { defaultEntryPoint } from '@samvirke/reference-data';
import type { AgencyJoinedCase, CaseEvent, CaseOpened } from '../events';
import type { CaseEntryPoint, Sealed } from '../vocabulary';
import { specReferenceData } from './case-spec';

export function sealed(label: string): Sealed {
  return { sealed: `sealed:${label}` };
}

export const CITIZEN_ID = '5f0c2a8e-7d1b-4c56-9a3e-2b8f1d6c4e70';
export const CPR_HASH = '3b1f9c0a6e2d4b7f8a5c1e9d0b2f4a6c8e1d3b5f7a9c0e2d4b6f8a1c3e5d7b9f';
export const BIRTH_DATE = '2004-06-01';
/** A week before the specs' "now". */
export const OPENED_AT = '2026-11-03T08:00:00.000Z';
export const EARLIER = '2026-11-04T08:00:00.000Z';

export function directoryEntryPoint(agency: string): CaseEntryPoint {
  const found = specReferenceData.agencies.get(agency);
  if (found === undefined) throw new Error(`no agency ${agency} in the spec reference data`);
  const standing = defaultEntryPoint(found);
  return { unit: standing.unit, phone: standing.phone, email: standing.functionMailbox };
}

export function caseOpened(overrides: Partial<CaseOpened['data']> = {}): CaseOpened {
  return {
    type: 'CaseOpened',
    data: {
      citizenId: CITIZEN_ID,
      name: sealed('name'),
      cpr: sealed('cpr'),
      birthDate: BIRTH_DATE,
      districtCode: 'NORREBRO-2',
      referredBy: 'KBH-POLITI',
      reason: sealed('referral reason'),
      openedAt: OPENED_AT,
      ...overrides,
    },
  };
}

export function agencyJoined(agency: string, joinedAt = EARLIER): AgencyJoinedCase {
  return { type: 'AgencyJoinedCase', data: { agency, entryPoint: directoryEntryPoint(agency), joinedAt } };
}

/** A case referred by the police, with the police on it. */
export function openedCase(): CaseEvent[] {
  return [caseOpened(), agencyJoined('KBH-POLITI', OPENED_AT)];
}

/** An open case with the police, the jobcentre (BIF), social services (SOF) and the prisons on it. */
export function workingCase(): CaseEvent[] {
  return [...openedCase(), agencyJoined('BIF'), agencyJoined('SOF'), agencyJoined('KBH-FAENGSLER')];
}

/** A working case with a BIF coordinator. */
export function coordinatedCase(): CaseEvent[] {
  return [...workingCase(), { type: 'CoordinatorAssigned', data: { coordinatorId: 'coordinator-1', agency: 'BIF', assignedAt: EARLIER } }];
}

export function closedCase(): CaseEvent[] {
  return [...workingCase(), { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: EARLIER } }];
}

/**
 * Event data that throws on any read: an event of a type a projection says it ignores, given this
 * data, shows whether its rules take anything from it (they would throw).
 */
export function untouchableEventData(): never {
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key === 'symbol') return undefined;
        throw new Error(`read data.${key}`);
      },
    },
  ) as never;
}
