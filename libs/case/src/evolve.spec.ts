import { evolve, evolveAll } from './evolve';
import { CaseState, initialCaseState } from './state';
import { CITIZEN_ID, OPENED_AT, agencyJoined, caseOpened, directoryEntryPoint } from './testing/case-fixtures';
import { T1, T2, T3, history, newEntryPoint } from './testing/rich-history';

describe('case evolve', () => {
  it('folds a whole history into the expected state, without any personal data', () => {
    const expected: CaseState = {
      status: 'open',
      citizen: { citizenId: CITIZEN_ID, birthDate: '2004-06-01', districtCode: 'NORREBRO-2' },
      referredBy: 'KBH-POLITI',
      openedAt: OPENED_AT,
      categoryAssessments: [
        { level: 3, assessedBy: 'KBH-POLITI', assessedOn: '2026-11-03' },
        { level: 4, assessedBy: 'KBH-POLITI', assessedOn: '2026-11-04' },
      ],
      coordinator: { coordinatorId: 'c-2', agency: 'SOF', since: T2 },
      agencies: new Map([
        ['KBH-POLITI', { agency: 'KBH-POLITI', entryPoint: directoryEntryPoint('KBH-POLITI'), joinedAt: OPENED_AT }],
        ['BIF', { agency: 'BIF', entryPoint: directoryEntryPoint('BIF'), joinedAt: T1 }],
        ['SOF', { agency: 'SOF', entryPoint: newEntryPoint, joinedAt: T1 }],
        ['KBH-FAENGSLER', { agency: 'KBH-FAENGSLER', entryPoint: directoryEntryPoint('KBH-FAENGSLER'), joinedAt: T1 }],
      ]),
      enrolments: new Map([['GANG_CONFLICT_18_25', { programmeCode: 'GANG_CONFLICT_18_25', startedOn: '2026-11-01' }]]),
      pastEnrolments: [{ programmeCode: 'LEISURE_JOB', startedOn: '2026-10-01', endedOn: '2026-11-02', exitReason: 'dropped-out' }],
      entries: new Map([
        [
          'e-1',
          {
            entryId: 'e-1',
            fromAgency: 'BIF',
            sharedWith: ['SOF', 'KBH-POLITI'],
            legalBasis: 'RPL115-1-1',
            sensitivity: 'sensitive',
            sharedAt: T1,
            acknowledgedBy: new Map([['SOF', T2]]),
          },
        ],
      ]),
      requests: new Map([
        [
          'q-1',
          {
            requestId: 'q-1',
            fromAgency: 'BIF',
            toAgency: 'KBH-FAENGSLER',
            dueDate: '2026-11-12',
            legalBasis: 'RPL115-1-3',
            requestedAt: T1,
            status: 'answered',
            respondedAt: T2,
          },
        ],
        [
          'q-2',
          {
            requestId: 'q-2',
            fromAgency: 'SOF',
            toAgency: 'BIF',
            dueDate: '2026-11-12',
            legalBasis: 'CONSENT',
            requestedAt: T1,
            status: 'declined',
            respondedAt: T3,
          },
        ],
      ]),
      goals: new Map([['g-1', { goalId: 'g-1', area: 'employment', setAt: T1 }]]),
      actions: new Map([
        [
          'a-1',
          { actionId: 'a-1', goalId: 'g-1', responsibleAgency: 'BIF', dueDate: '2026-11-20', addedAt: T1, status: 'completed', completedOn: '2026-11-05' },
        ],
        ['a-2', { actionId: 'a-2', responsibleAgency: 'SOF', dueDate: '2026-11-30', originConferenceId: 'k-1', addedAt: T2, status: 'cancelled' }],
      ]),
      conferences: new Map([['k-1', { conferenceId: 'k-1', heldOn: '2026-11-05', agenciesPresent: ['BIF', 'SOF'], decisionIds: ['d-1'] }]]),
      custody: { custodyId: 'p-2', kind: 'sentence', institution: 'Vestre Fængsel', startedOn: '2026-10-01', expectedReleaseOn: '2027-06-01' },
      pastCustodies: [
        { custodyId: 'p-1', kind: 'remand', institution: 'Vestre Fængsel', startedOn: '2026-06-01', releasedOn: '2026-08-01', conditionalRelease: false },
      ],
      charges: new Map([['ch-1', { chargeId: 'ch-1', offenceCategory: 'robbery', chargedOn: '2026-05-01', reportedBy: 'KBH-POLITI' }]]),
      convictions: new Map([
        [
          'cv-1',
          { convictionId: 'cv-1', chargeId: 'ch-1', offenceCategory: 'robbery', dangerousToPersons: true, convictedOn: '2026-09-20', reportedBy: 'KBH-POLITI' },
        ],
      ]),
      employments: new Map([['j-1', { employmentId: 'j-1', kind: 'wage-subsidy', startedOn: '2026-01-01', endedOn: '2026-05-31' }]]),
      educations: new Map([
        ['u-1', { educationId: 'u-1', kind: 'preparatory', startedOn: '2026-01-01', status: 'completed', endedOn: '2026-04-30' }],
        ['u-2', { educationId: 'u-2', kind: 'vocational', startedOn: '2026-05-01', status: 'ongoing' }],
      ]),
      progression: [{ step: 2, assessedBy: 'BIF', assessedOn: '2026-11-05' }],
      legalHolds: new Map([['h-2', { holdId: 'h-2', placedBy: 'dpo', placedAt: T1 }]]),
      erasures: [{ scope: 'KBH-FAENGSLER', reason: 'retention-expired', erasedAt: T3 }],
      citizenErased: false,
    };

    const state = evolveAll(initialCaseState(), history);

    expect(state).toEqual(expected);
    expect(JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? [...value] : value))).not.toContain('sealed:');
  });

  it('marks the citizen erased when the erasure covers the citizen', () => {
    const state = evolveAll(initialCaseState(), [
      caseOpened(),
      { type: 'CaseClosed', data: { reason: 'aged-out', closedAt: T1 } },
      { type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'retention-expired', by: 'system', erasedAt: T2 } },
    ]);
    expect(state).toMatchObject({ status: 'closed', closeReason: 'aged-out', citizenErased: true });
  });

  it('does not change the state it is given', () => {
    const before = evolveAll(initialCaseState(), [caseOpened(), agencyJoined('BIF', T1)]);
    const agencies = before.agencies;
    evolve(before, { type: 'AgencyLeftCase', data: { agency: 'BIF', leftAt: T2 } });
    expect(before.agencies).toBe(agencies);
    expect(before.agencies.has('BIF')).toBe(true);
  });

  it('folds a history at once to the same state as one event at a time', () => {
    expect(evolveAll(initialCaseState(), history)).toEqual(history.reduce(evolve, initialCaseState()));
  });

  it('folding more events onto a state leaves that state untouched', () => {
    const half = Math.floor(history.length / 2);
    const first = evolveAll(initialCaseState(), history.slice(0, half));
    const snapshot = JSON.stringify(first, (_key, value) => (value instanceof Map ? [...value] : value));
    const whole = evolveAll(first, history.slice(half));
    expect(JSON.stringify(first, (_key, value) => (value instanceof Map ? [...value] : value))).toBe(snapshot);
    expect(whole).toEqual(history.reduce(evolve, initialCaseState()));
  });

  it('leaves the state as it was for an event about something it does not know', () => {
    const before = evolveAll(initialCaseState(), [caseOpened()]);
    expect(evolve(before, { type: 'ActionCompleted', data: { actionId: 'nope', completedOn: '2026-11-05' } })).toBe(before);
  });
});
