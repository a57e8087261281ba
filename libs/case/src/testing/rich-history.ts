import type { CaseEvent } from '../events';
import { OPENED_AT, agencyJoined, caseOpened, sealed } from './case-fixtures';

export const T1 = '2026-11-04T08:00:00.000Z';
export const T2 = '2026-11-05T08:00:00.000Z';
export const T3 = '2026-11-06T08:00:00.000Z';
export const newEntryPoint = { unit: 'Ungeteam Nord', contactPerson: 'Caseworker B', phone: '555 0288', email: 'nord@example.org' };

/** Every event type at least once: a case whose fold touches every part of the state. */
export const history: CaseEvent[] = [
  caseOpened(),
  agencyJoined('KBH-POLITI', OPENED_AT),
  agencyJoined('BIF', T1),
  agencyJoined('SOF', T1),
  agencyJoined('KBH-FAENGSLER', T1),
  { type: 'SspCategoryAssessed', data: { level: 3, rationale: sealed('r1'), assessedBy: 'KBH-POLITI', assessedOn: '2026-11-03' } },
  { type: 'SspCategoryAssessed', data: { level: 4, rationale: sealed('r2'), assessedBy: 'KBH-POLITI', assessedOn: '2026-11-04' } },
  { type: 'CoordinatorAssigned', data: { coordinatorId: 'c-1', agency: 'BIF', assignedAt: T1 } },
  { type: 'CoordinatorChanged', data: { coordinatorId: 'c-2', agency: 'SOF', previousCoordinatorId: 'c-1', changedAt: T2 } },
  { type: 'EntryPointChanged', data: { agency: 'SOF', entryPoint: newEntryPoint, changedAt: T2 } },
  agencyJoined('BUF', T1),
  { type: 'AgencyLeftCase', data: { agency: 'BUF', leftAt: T2 } },
  { type: 'EnrolledInProgramme', data: { programmeCode: 'GANG_CONFLICT_18_25', startedOn: '2026-11-01' } },
  { type: 'EnrolledInProgramme', data: { programmeCode: 'LEISURE_JOB', startedOn: '2026-10-01' } },
  { type: 'ExitedProgramme', data: { programmeCode: 'LEISURE_JOB', endedOn: '2026-11-02', exitReason: 'dropped-out' } },
  {
    type: 'InformationShared',
    data: {
      entryId: 'e-1',
      fromAgency: 'BIF',
      sharedWith: ['SOF', 'KBH-POLITI'],
      legalBasis: 'RPL115-1-1',
      purpose: 'crime-prevention',
      sensitivity: 'sensitive',
      summary: sealed('s'),
      sharedAt: T1,
    },
  },
  { type: 'InformationAcknowledged', data: { entryId: 'e-1', agency: 'SOF', acknowledgedAt: T2 } },
  {
    type: 'InformationRequested',
    data: {
      requestId: 'q-1',
      fromAgency: 'BIF',
      toAgency: 'KBH-FAENGSLER',
      question: sealed('q'),
      dueDate: '2026-11-12',
      legalBasis: 'RPL115-1-3',
      requestedAt: T1,
    },
  },
  { type: 'InformationRequestAnswered', data: { requestId: 'q-1', agency: 'KBH-FAENGSLER', answer: sealed('a'), answeredAt: T2 } },
  {
    type: 'InformationRequested',
    data: { requestId: 'q-2', fromAgency: 'SOF', toAgency: 'BIF', question: sealed('q'), dueDate: '2026-11-12', legalBasis: 'CONSENT', requestedAt: T1 },
  },
  { type: 'InformationRequestDeclined', data: { requestId: 'q-2', agency: 'BIF', reason: 'no-information', declinedAt: T3 } },
  { type: 'GoalSet', data: { goalId: 'g-1', area: 'employment', description: sealed('g'), setAt: T1 } },
  {
    type: 'ActionAdded',
    data: { actionId: 'a-1', goalId: 'g-1', title: sealed('t'), responsibleAgency: 'BIF', dueDate: '2026-11-20', addedAt: T1 },
  },
  { type: 'ActionCompleted', data: { actionId: 'a-1', completedOn: '2026-11-05' } },
  {
    type: 'CaseConferenceHeld',
    data: {
      conferenceId: 'k-1',
      heldOn: '2026-11-05',
      agenciesPresent: ['BIF', 'SOF'],
      decisions: [
        { decisionId: 'd-1', text: sealed('d'), createsAction: { actionId: 'a-2', responsibleAgency: 'SOF', dueDate: '2026-11-30', title: sealed('t') } },
      ],
    },
  },
  {
    type: 'ActionAdded',
    data: { actionId: 'a-2', title: sealed('t'), responsibleAgency: 'SOF', dueDate: '2026-11-30', originConferenceId: 'k-1', addedAt: T2 },
  },
  { type: 'ActionCancelled', data: { actionId: 'a-2', reason: sealed('x'), cancelledAt: T3 } },
  { type: 'CustodyStarted', data: { custodyId: 'p-1', kind: 'remand', institution: 'Vestre Fængsel', startedOn: '2026-06-01' } },
  { type: 'ReleasedFromCustody', data: { custodyId: 'p-1', releasedOn: '2026-08-01', conditional: false } },
  {
    type: 'CustodyStarted',
    data: { custodyId: 'p-2', kind: 'sentence', institution: 'Vestre Fængsel', startedOn: '2026-10-01', expectedReleaseOn: '2027-10-01' },
  },
  { type: 'ExpectedReleaseChanged', data: { custodyId: 'p-2', expectedReleaseOn: '2027-06-01', changedAt: T2 } },
  { type: 'ChargeRecorded', data: { chargeId: 'ch-1', offenceCategory: 'robbery', chargedOn: '2026-05-01', reportedBy: 'KBH-POLITI' } },
  {
    type: 'ConvictionRecorded',
    data: {
      convictionId: 'cv-1',
      chargeId: 'ch-1',
      offenceCategory: 'robbery',
      dangerousToPersons: true,
      convictedOn: '2026-09-20',
      sentence: sealed('s'),
      reportedBy: 'KBH-POLITI',
    },
  },
  { type: 'EmploymentStarted', data: { employmentId: 'j-1', kind: 'wage-subsidy', startedOn: '2026-01-01' } },
  { type: 'EmploymentEnded', data: { employmentId: 'j-1', endedOn: '2026-05-31' } },
  { type: 'EducationStarted', data: { educationId: 'u-1', kind: 'preparatory', startedOn: '2026-01-01' } },
  { type: 'EducationCompleted', data: { educationId: 'u-1', completedOn: '2026-04-30' } },
  { type: 'EducationStarted', data: { educationId: 'u-2', kind: 'vocational', startedOn: '2026-05-01' } },
  { type: 'SelfSufficiencyReached', data: { reachedOn: '2026-02-01', through: 'employment' } },
  { type: 'SelfSufficiencyLost', data: { lostOn: '2026-06-01' } },
  { type: 'ProgressionAssessed', data: { step: 2, assessedBy: 'BIF', assessedOn: '2026-11-05' } },
  { type: 'LegalHoldPlaced', data: { holdId: 'h-1', reason: sealed('h'), placedBy: 'dpo', placedAt: T1 } },
  { type: 'LegalHoldPlaced', data: { holdId: 'h-2', reason: sealed('h'), placedBy: 'dpo', placedAt: T1 } },
  { type: 'LegalHoldLifted', data: { holdId: 'h-1', liftedBy: 'dpo', liftedAt: T2 } },
  { type: 'CitizenDataErased', data: { scope: 'KBH-FAENGSLER', reason: 'retention-expired', by: 'system', erasedAt: T3 } },
  { type: 'CaseClosed', data: { reason: 'other', closedAt: T2 } },
  { type: 'CaseReopened', data: { reason: sealed('again'), reopenedAt: T3 } },
];
