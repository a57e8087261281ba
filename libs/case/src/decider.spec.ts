import type { CaseCommand } from './commands';
import { decide } from './decide';
import { initialCaseState } from './state';
import { CASE_RULE_REASONS } from './errors';
import type { CaseEvent, CaseOpened } from './events';
import {
  EARLIER,
  OPENED_AT,
  agencyJoined,
  caseOpened,
  closedCase,
  coordinatedCase,
  directoryEntryPoint,
  openedCase,
  sealed,
  workingCase,
} from './testing/case-fixtures';
import { SPEC_NOW, given, rejectedReasons, specReferenceData } from './testing/case-spec';

const AT = SPEC_NOW.toISOString();
const TODAY = '2026-11-10';
const TOMORROW = '2026-11-11';
const YESTERDAY = '2026-11-09';

const openCase = (overrides: Partial<Extract<CaseCommand, { type: 'OpenCase' }>['data']> = {}): CaseCommand => {
  const { openedAt: _openedAt, ...data } = caseOpened().data;
  return {
    type: 'OpenCase',
    data: {
      ...data,
      birthDate: data.birthDate ?? '',
      districtCode: data.districtCode ?? '',
      sealedBirthDate: sealed('birth date'),
      sealedDistrictCode: sealed('district'),
      ...overrides,
    },
  };
};

/** CaseOpened as the decider writes it from `openCase()`: birth date and district sealed only (issue 21). */
const openedData = (overrides: Partial<CaseOpened['data']> = {}): CaseOpened['data'] => {
  const { birthDate: _birthDate, districtCode: _districtCode, ...data } = caseOpened().data;
  return { ...data, sealedBirthDate: sealed('birth date'), sealedDistrictCode: sealed('district'), openedAt: AT, ...overrides };
};

const share = (overrides: Partial<Extract<CaseCommand, { type: 'ShareInformation' }>['data']> = {}): CaseCommand => ({
  type: 'ShareInformation',
  data: {
    entryId: 'entry-1',
    fromAgency: 'BIF',
    sharedWith: ['SOF'],
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: 'normal',
    summary: sealed('summary'),
    ...overrides,
  },
});

const shared: CaseEvent = {
  type: 'InformationShared',
  data: {
    entryId: 'entry-1',
    fromAgency: 'BIF',
    sharedWith: ['SOF', 'KBH-POLITI'],
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: 'normal',
    summary: sealed('summary'),
    sharedAt: EARLIER,
  },
};

const requestInformation = (overrides: Partial<Extract<CaseCommand, { type: 'RequestInformation' }>['data']> = {}): CaseCommand => ({
  type: 'RequestInformation',
  data: {
    requestId: 'request-1',
    fromAgency: 'BIF',
    toAgency: 'KBH-FAENGSLER',
    question: sealed('question'),
    dueDate: '2026-11-17',
    legalBasis: 'RPL115-1-3',
    ...overrides,
  },
});

const requested: CaseEvent = {
  type: 'InformationRequested',
  data: {
    requestId: 'request-1',
    fromAgency: 'BIF',
    toAgency: 'KBH-FAENGSLER',
    question: sealed('question'),
    dueDate: '2026-11-17',
    legalBasis: 'RPL115-1-3',
    requestedAt: EARLIER,
  },
};

const goalSet: CaseEvent = {
  type: 'GoalSet',
  data: { goalId: 'goal-1', area: 'employment', description: sealed('goal'), setAt: EARLIER },
};

const actionAdded: CaseEvent = {
  type: 'ActionAdded',
  data: {
    actionId: 'action-1',
    goalId: 'goal-1',
    title: sealed('action'),
    responsibleAgency: 'BIF',
    dueDate: '2026-11-20',
    addedAt: EARLIER,
  },
};

const custodyStarted: CaseEvent = {
  type: 'CustodyStarted',
  data: {
    custodyId: 'custody-1',
    kind: 'sentence',
    institution: 'Vestre Fængsel',
    startedOn: '2026-06-01',
    expectedReleaseOn: '2027-06-01',
  },
};

const conviction = (overrides: Partial<Extract<CaseCommand, { type: 'RecordConviction' }>['data']> = {}): CaseCommand => ({
  type: 'RecordConviction',
  data: {
    convictionId: 'conviction-1',
    offenceCategory: 'violence',
    convictedOn: '2026-10-01',
    sentence: sealed('sentence'),
    reportedBy: 'KBH-POLITI',
    ...overrides,
  },
});

describe('case decider', () => {
  describe('opening a case', () => {
    it('opens a case on a referral and puts the referral intake (BIF, entry point BIF-SSP-PLUS) on it, not the referrer', () => {
      given([])
        .when(openCase())
        .then([
          { type: 'CaseOpened', data: openedData() },
          {
            type: 'AgencyJoinedCase',
            data: {
              agency: 'BIF',
              entryPoint: { unit: 'Jobcenter København, SSP+ Ungeindsats', phone: '555 0101', email: 'ssp-plus.bif@example.org' },
              joinedAt: AT,
            },
          },
        ]);
    });

    it("keeps the referrer's own entry point on CaseOpened, for when it joins at take-over", () => {
      const entryPoint = { unit: 'Station Bellahøj', contactPerson: 'Liaison officer A', phone: '555 0699', email: 'bellahoj@example.org' };
      given([])
        .when(openCase({ referrerEntryPoint: entryPoint }))
        .then([
          { type: 'CaseOpened', data: openedData({ referrerEntryPoint: entryPoint }) },
          { type: 'AgencyJoinedCase', data: { agency: 'BIF', entryPoint: directoryEntryPoint('BIF'), joinedAt: AT } },
        ]);
    });

    it('puts a referrer that is the intake agency on the case at once, with the entry point it named', () => {
      const entryPoint = { unit: 'Jobcenter, fængselsteam', phone: '555 0102', email: 'job-uddannelse-faengsel.bif@example.org' };
      given([])
        .when(openCase({ referredBy: 'BIF', referrerEntryPoint: entryPoint }))
        .then([
          { type: 'CaseOpened', data: openedData({ referredBy: 'BIF', referrerEntryPoint: entryPoint }) },
          { type: 'AgencyJoinedCase', data: { agency: 'BIF', entryPoint, joinedAt: AT } },
        ]);
    });

    it('refuses a referral of a citizen who has a case on the same grounds as one who has none (no answer tells them apart)', () => {
      given(openedCase())
        .when(openCase({ districtCode: 'NORREBRO' }))
        .thenRejects('UNKNOWN_DISTRICT');
      given(openedCase())
        .when(openCase({ birthDate: TOMORROW }))
        .thenRejects('DATE_IN_FUTURE');
    });

    it('records a referral of a citizen who already has a case on that case, without opening it again', () => {
      given(openedCase())
        .when(openCase({ referredBy: 'SOF' }))
        .then([{ type: 'ReferralReceived', data: { referredBy: 'SOF', reason: caseOpened().data.reason, receivedAt: AT } }]);
    });

    it('records a referral on a closed case too, for its coordinator to reopen or not', () => {
      given([...openedCase(), { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: EARLIER } }])
        .when(openCase({ referredBy: 'SOF' }))
        .then([{ type: 'ReferralReceived', data: { referredBy: 'SOF', reason: caseOpened().data.reason, receivedAt: AT } }]);
    });

    it('records no CPR hash in the log: the CPR lookup lives outside it (issue 21)', () => {
      const events = decide(openCase(), initialCaseState(), { now: SPEC_NOW, refData: specReferenceData });
      expect(events[0].type).toBe('CaseOpened');
      expect(JSON.stringify(events)).not.toMatch(/cprHash|[0-9a-f]{64}/);
    });

    it('refuses a birth date that is not a calendar date', () => {
      given([])
        .when(openCase({ birthDate: '2004-02-30' }))
        .thenRejects('INVALID_DATE');
    });

    it('refuses a birth date in the future', () => {
      given([])
        .when(openCase({ birthDate: TOMORROW }))
        .thenRejects('DATE_IN_FUTURE');
    });

    it('refuses a district that is not in the reference data', () => {
      given([])
        .when(openCase({ districtCode: 'NORREBRO' }))
        .thenRejects('UNKNOWN_DISTRICT');
    });

    it('refuses a referral from an unknown agency', () => {
      given([])
        .when(openCase({ referredBy: 'MARS-POLICE' }))
        .thenRejects('UNKNOWN_AGENCY');
    });
  });

  describe('closing and reopening', () => {
    it('closes an open case with a reason', () => {
      given(workingCase())
        .when({ type: 'CloseCase', data: { reason: 'aged-out', note: sealed('note') } })
        .then([{ type: 'CaseClosed', data: { reason: 'aged-out', note: sealed('note'), closedAt: AT } }]);
    });

    it('refuses to close a closed case', () => {
      given(closedCase())
        .when({ type: 'CloseCase', data: { reason: 'other' } })
        .thenRejects('CASE_ALREADY_CLOSED');
    });

    it('reopens a closed case', () => {
      given(closedCase())
        .when({ type: 'ReopenCase', data: { reason: sealed('new referral') } })
        .then([{ type: 'CaseReopened', data: { reason: sealed('new referral'), reopenedAt: AT } }]);
    });

    it('refuses to reopen an open case', () => {
      given(workingCase())
        .when({ type: 'ReopenCase', data: { reason: sealed('r') } })
        .thenRejects('CASE_ALREADY_OPEN');
    });

    it('refuses to reopen a case whose citizen data has been erased', () => {
      given([
        ...closedCase(),
        { type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'retention-expired', by: 'system:retention', erasedAt: EARLIER } },
      ])
        .when({ type: 'ReopenCase', data: { reason: sealed('r') } })
        .thenRejects('CITIZEN_DATA_ERASED');
    });

    it('refuses any command but opening on a case that was never opened', () => {
      given([])
        .when({ type: 'CloseCase', data: { reason: 'other' } })
        .thenRejects('CASE_NOT_FOUND');
    });

    it('refuses to change a closed case', () => {
      given(closedCase()).when(share()).thenRejects('CASE_NOT_OPEN');
    });

    it('accepts changes again once the case is reopened', () => {
      given([...closedCase(), { type: 'CaseReopened', data: { reason: sealed('r'), reopenedAt: EARLIER } }])
        .when({ type: 'JoinCase', data: { agency: 'BUF' } })
        .then([{ type: 'AgencyJoinedCase', data: { agency: 'BUF', entryPoint: directoryEntryPoint('BUF'), joinedAt: AT } }]);
    });
  });

  describe('SSP category', () => {
    const assess = (assessedOn: string, assessedBy = 'KBH-POLITI'): CaseCommand => ({
      type: 'AssessSspCategory',
      data: { level: 4, rationale: sealed('rationale'), assessedBy, assessedOn },
    });

    it('records each assessment as a new event, keeping the earlier ones', () => {
      given([
        ...openedCase(),
        { type: 'SspCategoryAssessed', data: { level: 3, rationale: sealed('first'), assessedBy: 'KBH-POLITI', assessedOn: '2026-11-03' } },
      ])
        .when(assess(TODAY))
        .then([{ type: 'SspCategoryAssessed', data: { level: 4, rationale: sealed('rationale'), assessedBy: 'KBH-POLITI', assessedOn: TODAY } }]);
    });

    it('takes "today" as the Copenhagen date, so just after local midnight today is not the future', () => {
      const justAfterMidnightInCopenhagen = new Date('2026-11-09T23:30:00.000Z');
      given(openedCase(), { now: justAfterMidnightInCopenhagen })
        .when(assess(TODAY))
        .then([{ type: 'SspCategoryAssessed', data: { level: 4, rationale: sealed('rationale'), assessedBy: 'KBH-POLITI', assessedOn: TODAY } }]);
    });

    it('refuses an assessment dated in the future', () => {
      given(openedCase()).when(assess(TOMORROW)).thenRejects('DATE_IN_FUTURE');
    });

    it('refuses an assessment by an unknown agency', () => {
      given(openedCase()).when(assess(TODAY, 'NOPE')).thenRejects('UNKNOWN_AGENCY');
    });
  });

  describe('coordinator', () => {
    const assign = (agency = 'BIF', coordinatorId = 'coordinator-1'): CaseCommand => ({
      type: 'AssignCoordinator',
      data: { coordinatorId, agency },
    });
    const change = (agency = 'SOF', coordinatorId = 'coordinator-2'): CaseCommand => ({
      type: 'ChangeCoordinator',
      data: { coordinatorId, agency },
    });

    it('assigns a coordinator of a municipal agency on the case', () => {
      given(workingCase())
        .when(assign())
        .then([{ type: 'CoordinatorAssigned', data: { coordinatorId: 'coordinator-1', agency: 'BIF', assignedAt: AT } }]);
    });

    it('brings the referring agency onto the case at take-over, with the entry point its referral named', () => {
      const entryPoint = { unit: 'Station Bellahøj', phone: '555 0699', email: 'bellahoj@example.org' };
      const { openedAt: _openedAt, ...data } = caseOpened().data;
      given([caseOpened({ referrerEntryPoint: entryPoint }), agencyJoined('BIF', OPENED_AT)])
        .when(assign())
        .then([
          { type: 'CoordinatorAssigned', data: { coordinatorId: 'coordinator-1', agency: 'BIF', assignedAt: AT } },
          { type: 'AgencyJoinedCase', data: { agency: data.referredBy, entryPoint, joinedAt: AT } },
        ]);
    });

    it('brings the referrer in with its directory entry point when the referral named none', () => {
      given([caseOpened(), agencyJoined('BIF', OPENED_AT)])
        .when(assign())
        .then([
          { type: 'CoordinatorAssigned', data: { coordinatorId: 'coordinator-1', agency: 'BIF', assignedAt: AT } },
          { type: 'AgencyJoinedCase', data: { agency: 'KBH-POLITI', entryPoint: directoryEntryPoint('KBH-POLITI'), joinedAt: AT } },
        ]);
    });

    it('does not bring the referrer in again when it is on the case already', () => {
      given([caseOpened(), agencyJoined('BIF', OPENED_AT), agencyJoined('KBH-POLITI')])
        .when(assign())
        .then([{ type: 'CoordinatorAssigned', data: { coordinatorId: 'coordinator-1', agency: 'BIF', assignedAt: AT } }]);
    });

    it('refuses a coordinator of an agency that is not municipal', () => {
      given(workingCase()).when(assign('KBH-POLITI')).thenRejects('COORDINATOR_NOT_MUNICIPAL');
    });

    it('refuses a coordinator whose agency is not on the case', () => {
      given(workingCase()).when(assign('OKF')).thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses to assign a second coordinator', () => {
      given(coordinatedCase()).when(assign('SOF', 'coordinator-2')).thenRejects('COORDINATOR_ALREADY_ASSIGNED');
    });

    it('changes the coordinator, naming the previous one', () => {
      given(coordinatedCase())
        .when(change())
        .then([
          {
            type: 'CoordinatorChanged',
            data: { coordinatorId: 'coordinator-2', agency: 'SOF', previousCoordinatorId: 'coordinator-1', changedAt: AT },
          },
        ]);
    });

    it('refuses to change the coordinator when none is assigned', () => {
      given(workingCase()).when(change()).thenRejects('NO_COORDINATOR_ASSIGNED');
    });

    it('refuses to change the coordinator to the one already assigned', () => {
      given(coordinatedCase()).when(change('BIF', 'coordinator-1')).thenRejects('COORDINATOR_UNCHANGED');
    });

    it('refuses to change the coordinator to one of an agency that is not municipal', () => {
      given(coordinatedCase()).when(change('KBH-FAENGSLER')).thenRejects('COORDINATOR_NOT_MUNICIPAL');
    });
  });

  describe('asking the municipality in', () => {
    const requestIntake = (requestedBy = 'KBH-POLITI'): CaseCommand => ({ type: 'RequestIntake', data: { requestedBy } });

    it('brings the referral intake (BIF) onto a case it is not on, with its intake entry point', () => {
      given(openedCase())
        .when(requestIntake())
        .then([{ type: 'AgencyJoinedCase', data: { agency: 'BIF', entryPoint: directoryEntryPoint('BIF'), joinedAt: AT } }]);
    });

    it('refuses when the intake is on the case already', () => {
      given(workingCase()).when(requestIntake()).thenRejects('INTAKE_ALREADY_ON_CASE');
    });

    it('refuses an asking agency that is not on the case', () => {
      given(openedCase()).when(requestIntake('SOF')).thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses on a closed case', () => {
      given([...openedCase(), { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: EARLIER } }])
        .when(requestIntake())
        .thenRejects('CASE_NOT_OPEN');
    });
  });

  describe('agencies and entry points', () => {
    const entryPoint = { unit: 'Ungeteam Nord', contactPerson: 'Caseworker B', phone: '555 0288', email: 'ungeteam-nord@example.org' };

    it('lets an agency join with the entry point it names', () => {
      given(openedCase())
        .when({ type: 'JoinCase', data: { agency: 'SOF', entryPoint } })
        .then([{ type: 'AgencyJoinedCase', data: { agency: 'SOF', entryPoint, joinedAt: AT } }]);
    });

    it('lets an agency join with its directory entry point when it names none', () => {
      given(openedCase())
        .when({ type: 'JoinCase', data: { agency: 'KRIMINALFORSORGEN' } })
        .then([
          {
            type: 'AgencyJoinedCase',
            data: {
              agency: 'KRIMINALFORSORGEN',
              entryPoint: {
                unit: 'Kriminalforsorgen i Frihed København, KSP-kontakt',
                phone: '555 0701',
                email: 'ksp.kriminalforsorgen@example.org',
              },
              joinedAt: AT,
            },
          },
        ]);
    });

    it('refuses to let an agency join that is already on the case', () => {
      given(openedCase())
        .when({ type: 'JoinCase', data: { agency: 'KBH-POLITI' } })
        .thenRejects('AGENCY_ALREADY_ON_CASE');
    });

    it('refuses to let an unknown agency join', () => {
      given(openedCase())
        .when({ type: 'JoinCase', data: { agency: 'NOPE' } })
        .thenRejects('UNKNOWN_AGENCY');
    });

    it("changes an agency's entry point for the case", () => {
      given(workingCase())
        .when({ type: 'ChangeEntryPoint', data: { agency: 'SOF', entryPoint } })
        .then([{ type: 'EntryPointChanged', data: { agency: 'SOF', entryPoint, changedAt: AT } }]);
    });

    it('refuses to change the entry point of an agency that is not on the case', () => {
      given(workingCase())
        .when({ type: 'ChangeEntryPoint', data: { agency: 'BUF', entryPoint } })
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('lets an agency leave the case', () => {
      given(workingCase())
        .when({ type: 'LeaveCase', data: { agency: 'SOF' } })
        .then([{ type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: AT } }]);
    });

    it('refuses to let an agency leave that is not on the case', () => {
      given(workingCase())
        .when({ type: 'LeaveCase', data: { agency: 'BUF' } })
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it("refuses to let the coordinator's agency leave", () => {
      given(coordinatedCase())
        .when({ type: 'LeaveCase', data: { agency: 'BIF' } })
        .thenRejects('COORDINATOR_AGENCY_CANNOT_LEAVE');
    });

    it('lets an agency rejoin after it left', () => {
      given([...workingCase(), { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: EARLIER } }])
        .when({ type: 'JoinCase', data: { agency: 'SOF' } })
        .then([{ type: 'AgencyJoinedCase', data: { agency: 'SOF', entryPoint: directoryEntryPoint('SOF'), joinedAt: AT } }]);
    });
  });

  describe('programmes', () => {
    const enrol = (programmeCode = 'JOB_EDU_CONVICTED', startedOn = TODAY): CaseCommand => ({
      type: 'EnrolInProgramme',
      data: { programmeCode, startedOn },
    });
    const enrolled: CaseEvent = { type: 'EnrolledInProgramme', data: { programmeCode: 'JOB_EDU_CONVICTED', startedOn: '2026-11-05' } };
    const exit = (endedOn = TODAY, programmeCode = 'JOB_EDU_CONVICTED'): CaseCommand => ({
      type: 'ExitProgramme',
      data: { programmeCode, endedOn, exitReason: 'completed' },
    });

    it('enrols the citizen in a programme from the reference data', () => {
      given(workingCase())
        .when(enrol())
        .then([{ type: 'EnrolledInProgramme', data: { programmeCode: 'JOB_EDU_CONVICTED', startedOn: TODAY } }]);
    });

    it('refuses a programme that is not in the reference data', () => {
      given(workingCase()).when(enrol('BOXING_CLUB')).thenRejects('UNKNOWN_PROGRAMME');
    });

    it('refuses to enrol twice in the same programme', () => {
      given([...workingCase(), enrolled])
        .when(enrol())
        .thenRejects('ALREADY_ENROLLED');
    });

    it('refuses an enrolment starting in the future', () => {
      given(workingCase()).when(enrol('EXIT', TOMORROW)).thenRejects('DATE_IN_FUTURE');
    });

    it('exits the citizen from a programme they are enrolled in', () => {
      given([...workingCase(), enrolled])
        .when(exit())
        .then([{ type: 'ExitedProgramme', data: { programmeCode: 'JOB_EDU_CONVICTED', endedOn: TODAY, exitReason: 'completed' } }]);
    });

    it('refuses to exit a programme the citizen is not enrolled in', () => {
      given(workingCase()).when(exit()).thenRejects('NOT_ENROLLED');
    });

    it('refuses an exit before the enrolment started', () => {
      given([...workingCase(), enrolled])
        .when(exit('2026-11-04'))
        .thenRejects('END_BEFORE_START');
    });

    it('allows a new enrolment in a programme after an exit from it', () => {
      given([
        ...workingCase(),
        enrolled,
        { type: 'ExitedProgramme', data: { programmeCode: 'JOB_EDU_CONVICTED', endedOn: '2026-11-06', exitReason: 'dropped-out' } },
      ])
        .when(enrol())
        .then([{ type: 'EnrolledInProgramme', data: { programmeCode: 'JOB_EDU_CONVICTED', startedOn: TODAY } }]);
    });
  });

  describe('sharing information', () => {
    it('shares an entry from an agency on the case with agencies on the case', () => {
      given(workingCase())
        .when(share({ sharedWith: ['SOF', 'KBH-POLITI'], sensitivity: 'sensitive' }))
        .then([
          {
            type: 'InformationShared',
            data: {
              entryId: 'entry-1',
              fromAgency: 'BIF',
              sharedWith: ['SOF', 'KBH-POLITI'],
              legalBasis: 'RPL115-1-1',
              purpose: 'crime-prevention',
              sensitivity: 'sensitive',
              summary: sealed('summary'),
              sharedAt: AT,
            },
          },
        ]);
    });

    it('shares once with a recipient named twice', () => {
      given(workingCase())
        .when(share({ sharedWith: ['SOF', 'SOF'] }))
        .then([
          {
            type: 'InformationShared',
            data: {
              entryId: 'entry-1',
              fromAgency: 'BIF',
              sharedWith: ['SOF'],
              legalBasis: 'RPL115-1-1',
              purpose: 'crime-prevention',
              sensitivity: 'normal',
              summary: sealed('summary'),
              sharedAt: AT,
            },
          },
        ]);
    });

    it('refuses to share from an agency that is not on the case', () => {
      given(workingCase())
        .when(share({ fromAgency: 'BUF' }))
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses to share from an unknown agency', () => {
      given(workingCase())
        .when(share({ fromAgency: 'NOPE' }))
        .thenRejects('UNKNOWN_AGENCY');
    });

    it('refuses to share with an agency that is not on the case', () => {
      given(workingCase())
        .when(share({ sharedWith: ['SOF', 'KFF'] }))
        .thenRejects('RECIPIENT_NOT_ON_CASE');
    });

    it('refuses to share with an unknown agency', () => {
      given(workingCase())
        .when(share({ sharedWith: ['NOPE'] }))
        .thenRejects('UNKNOWN_AGENCY');
    });

    it('refuses to share with nobody', () => {
      given(workingCase())
        .when(share({ sharedWith: [] }))
        .thenRejects('NO_RECIPIENTS');
    });

    it('refuses to share with the sharing agency itself', () => {
      given(workingCase())
        .when(share({ sharedWith: ['SOF', 'BIF'] }))
        .thenRejects('SHARE_WITH_SELF');
    });

    it('refuses a legal basis that is not in the reference data', () => {
      given(workingCase())
        .when(share({ legalBasis: 'RPL116' }))
        .thenRejects('UNKNOWN_LEGAL_BASIS');
    });

    it('refuses to reuse an entry id', () => {
      given([...workingCase(), shared])
        .when(share())
        .thenRejects('ENTRY_ALREADY_EXISTS');
    });

    it('refuses to pass information to the police for the investigation of a criminal case (section 115(2))', () => {
      given(workingCase())
        .when(share({ sharedWith: ['SOF', 'KBH-POLITI'], purpose: 'criminal-investigation', legalBasis: 'CONSENT' }))
        .thenRejects('DISCLOSURE_FOR_INVESTIGATION_FORBIDDEN');
    });
  });

  describe('acknowledging shared information', () => {
    const acknowledge = (agency: string, entryId = 'entry-1'): CaseCommand => ({ type: 'AcknowledgeInformation', data: { entryId, agency } });

    it('acknowledges an entry shared with the agency', () => {
      given([...workingCase(), shared])
        .when(acknowledge('SOF'))
        .then([{ type: 'InformationAcknowledged', data: { entryId: 'entry-1', agency: 'SOF', acknowledgedAt: AT } }]);
    });

    it('refuses an acknowledgement from an agency that is not on the case', () => {
      given([...workingCase(), shared, { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: EARLIER } }])
        .when(acknowledge('SOF'))
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses to acknowledge an entry that does not exist', () => {
      given([...workingCase(), shared])
        .when(acknowledge('SOF', 'entry-9'))
        .thenRejects('UNKNOWN_ENTRY');
    });

    it('answers an entry the agency may not see (neither author nor recipient) exactly like one that does not exist', () => {
      given([...workingCase(), shared])
        .when(acknowledge('KBH-FAENGSLER'))
        .thenRejects('UNKNOWN_ENTRY');
    });

    it("refuses an acknowledgement by the entry's own author", () => {
      given([...workingCase(), shared])
        .when(acknowledge('BIF'))
        .thenRejects('ENTRY_NOT_SHARED_WITH_AGENCY');
    });

    it('refuses a second acknowledgement by the same agency', () => {
      given([...workingCase(), shared, { type: 'InformationAcknowledged', data: { entryId: 'entry-1', agency: 'SOF', acknowledgedAt: EARLIER } }])
        .when(acknowledge('SOF'))
        .thenRejects('ALREADY_ACKNOWLEDGED');
    });
  });

  describe('information requests', () => {
    const answer = (agency = 'KBH-FAENGSLER', requestId = 'request-1'): CaseCommand => ({
      type: 'AnswerInformationRequest',
      data: { requestId, agency, answer: sealed('answer') },
    });
    const decline = (agency = 'KBH-FAENGSLER'): CaseCommand => ({
      type: 'DeclineInformationRequest',
      data: { requestId: 'request-1', agency, reason: 'no-legal-basis' },
    });

    it('requests information from another agency on the case with a due date', () => {
      given(workingCase())
        .when(requestInformation())
        .then([{ type: 'InformationRequested', data: { ...requested.data, requestedAt: AT } }]);
    });

    it('accepts a request due today', () => {
      given(workingCase())
        .when(requestInformation({ dueDate: TODAY }))
        .then([{ type: 'InformationRequested', data: { ...requested.data, dueDate: TODAY, requestedAt: AT } }]);
    });

    it('refuses a request from an agency that is not on the case', () => {
      given(workingCase())
        .when(requestInformation({ fromAgency: 'BUF' }))
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses a request to an agency that is not on the case', () => {
      given(workingCase())
        .when(requestInformation({ toAgency: 'KRIMINALFORSORGEN' }))
        .thenRejects('RECIPIENT_NOT_ON_CASE');
    });

    it('refuses a request to an unknown agency', () => {
      given(workingCase())
        .when(requestInformation({ toAgency: 'NOPE' }))
        .thenRejects('UNKNOWN_AGENCY');
    });

    it('refuses a request to the requesting agency itself', () => {
      given(workingCase())
        .when(requestInformation({ toAgency: 'BIF' }))
        .thenRejects('REQUEST_TO_SELF');
    });

    it('refuses a request on an unknown legal basis', () => {
      given(workingCase())
        .when(requestInformation({ legalBasis: 'NOPE' }))
        .thenRejects('UNKNOWN_LEGAL_BASIS');
    });

    it('refuses a request due before today', () => {
      given(workingCase())
        .when(requestInformation({ dueDate: YESTERDAY }))
        .thenRejects('DUE_DATE_BEFORE_EVENT');
    });

    it('refuses a due date that is not a calendar date', () => {
      given(workingCase())
        .when(requestInformation({ dueDate: '17-11-2026' }))
        .thenRejects('INVALID_DATE');
    });

    it('refuses to reuse a request id', () => {
      given([...workingCase(), requested])
        .when(requestInformation())
        .thenRejects('REQUEST_ALREADY_EXISTS');
    });

    it('answers an open request addressed to the agency', () => {
      given([...workingCase(), requested])
        .when(answer())
        .then([{ type: 'InformationRequestAnswered', data: { requestId: 'request-1', agency: 'KBH-FAENGSLER', answer: sealed('answer'), answeredAt: AT } }]);
    });

    it('declines an open request addressed to the agency, with a reason', () => {
      given([...workingCase(), requested])
        .when(decline())
        .then([{ type: 'InformationRequestDeclined', data: { requestId: 'request-1', agency: 'KBH-FAENGSLER', reason: 'no-legal-basis', declinedAt: AT } }]);
    });

    it('refuses to answer a request that does not exist', () => {
      given([...workingCase(), requested])
        .when(answer('KBH-FAENGSLER', 'request-9'))
        .thenRejects('UNKNOWN_REQUEST');
    });

    it('answers a request between two other agencies exactly like one that does not exist', () => {
      given([...workingCase(), requested])
        .when(answer('SOF'))
        .thenRejects('UNKNOWN_REQUEST');
    });

    it('refuses an answer from the agency that made the request', () => {
      given([...workingCase(), requested])
        .when(answer('BIF'))
        .thenRejects('REQUEST_NOT_ADDRESSED_TO_AGENCY');
    });

    it('refuses an answer from an agency that has left the case', () => {
      given([...workingCase(), requested, { type: 'AgencyLeftCase', data: { agency: 'KBH-FAENGSLER', leftAt: EARLIER } }])
        .when(answer())
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses to answer a request already answered', () => {
      given([
        ...workingCase(),
        requested,
        { type: 'InformationRequestAnswered', data: { requestId: 'request-1', agency: 'KBH-FAENGSLER', answer: sealed('a'), answeredAt: EARLIER } },
      ])
        .when(answer())
        .thenRejects('REQUEST_NOT_OPEN');
    });

    it('refuses to decline a request already declined', () => {
      given([
        ...workingCase(),
        requested,
        { type: 'InformationRequestDeclined', data: { requestId: 'request-1', agency: 'KBH-FAENGSLER', reason: 'other', declinedAt: EARLIER } },
      ])
        .when(decline())
        .thenRejects('REQUEST_NOT_OPEN');
    });
  });

  describe('action plan', () => {
    const addAction = (overrides: Partial<Extract<CaseCommand, { type: 'AddAction' }>['data']> = {}): CaseCommand => ({
      type: 'AddAction',
      data: { actionId: 'action-2', goalId: 'goal-1', title: sealed('action'), responsibleAgency: 'SOF', dueDate: '2026-12-01', ...overrides },
    });

    it('sets a goal in an area of the action plan', () => {
      given(workingCase())
        .when({ type: 'SetGoal', data: { goalId: 'goal-1', area: 'housing', description: sealed('goal') } })
        .then([{ type: 'GoalSet', data: { goalId: 'goal-1', area: 'housing', description: sealed('goal'), setAt: AT } }]);
    });

    it('refuses to reuse a goal id', () => {
      given([...workingCase(), goalSet])
        .when({ type: 'SetGoal', data: { goalId: 'goal-1', area: 'housing', description: sealed('goal') } })
        .thenRejects('GOAL_ALREADY_EXISTS');
    });

    it('adds an action under a goal with a responsible agency on the case and a due date', () => {
      given([...workingCase(), goalSet])
        .when(addAction())
        .then([
          {
            type: 'ActionAdded',
            data: { actionId: 'action-2', goalId: 'goal-1', title: sealed('action'), responsibleAgency: 'SOF', dueDate: '2026-12-01', addedAt: AT },
          },
        ]);
    });

    it('refuses an action under a goal that does not exist', () => {
      given(workingCase()).when(addAction()).thenRejects('UNKNOWN_GOAL');
    });

    it('refuses an action whose responsible agency is not on the case', () => {
      given([...workingCase(), goalSet])
        .when(addAction({ responsibleAgency: 'KFF' }))
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses an action due before today', () => {
      given([...workingCase(), goalSet])
        .when(addAction({ dueDate: YESTERDAY }))
        .thenRejects('DUE_DATE_BEFORE_EVENT');
    });

    it('refuses to reuse an action id', () => {
      given([...workingCase(), goalSet, actionAdded])
        .when(addAction({ actionId: 'action-1' }))
        .thenRejects('ACTION_ALREADY_EXISTS');
    });

    it('completes an open action', () => {
      given([...workingCase(), goalSet, actionAdded])
        .when({ type: 'CompleteAction', data: { actionId: 'action-1', completedOn: TODAY } })
        .then([{ type: 'ActionCompleted', data: { actionId: 'action-1', completedOn: TODAY } }]);
    });

    it('refuses to complete an action that does not exist', () => {
      given(workingCase())
        .when({ type: 'CompleteAction', data: { actionId: 'action-1', completedOn: TODAY } })
        .thenRejects('UNKNOWN_ACTION');
    });

    it('refuses to complete an action already completed', () => {
      given([...workingCase(), goalSet, actionAdded, { type: 'ActionCompleted', data: { actionId: 'action-1', completedOn: '2026-11-05' } }])
        .when({ type: 'CompleteAction', data: { actionId: 'action-1', completedOn: TODAY } })
        .thenRejects('ACTION_NOT_OPEN');
    });

    it('refuses a completion dated in the future', () => {
      given([...workingCase(), goalSet, actionAdded])
        .when({ type: 'CompleteAction', data: { actionId: 'action-1', completedOn: TOMORROW } })
        .thenRejects('DATE_IN_FUTURE');
    });

    it('cancels an open action with a reason', () => {
      given([...workingCase(), goalSet, actionAdded])
        .when({ type: 'CancelAction', data: { actionId: 'action-1', reason: sealed('why') } })
        .then([{ type: 'ActionCancelled', data: { actionId: 'action-1', reason: sealed('why'), cancelledAt: AT } }]);
    });

    it('refuses to cancel an action already cancelled', () => {
      given([...workingCase(), goalSet, actionAdded, { type: 'ActionCancelled', data: { actionId: 'action-1', reason: sealed('x'), cancelledAt: EARLIER } }])
        .when({ type: 'CancelAction', data: { actionId: 'action-1', reason: sealed('why') } })
        .thenRejects('ACTION_NOT_OPEN');
    });
  });

  describe('case conferences', () => {
    const conference = (
      overrides: Partial<Extract<CaseCommand, { type: 'RecordCaseConference' }>['data']> = {},
    ): Extract<CaseCommand, { type: 'RecordCaseConference' }> => ({
      type: 'RecordCaseConference',
      data: {
        conferenceId: 'conference-1',
        heldOn: '2026-11-06',
        agenciesPresent: ['BIF', 'SOF', 'KBH-POLITI'],
        decisions: [
          { decisionId: 'decision-1', text: sealed('no action') },
          {
            decisionId: 'decision-2',
            text: sealed('housing'),
            createsAction: { actionId: 'action-7', responsibleAgency: 'SOF', dueDate: '2026-11-08', title: sealed('find housing') },
          },
        ],
        ...overrides,
      },
    });

    it('records a conference held, and adds the action each decision creates', () => {
      const command = conference();
      given(workingCase())
        .when(command)
        .then([
          { type: 'CaseConferenceHeld', data: command.data },
          {
            type: 'ActionAdded',
            data: {
              actionId: 'action-7',
              responsibleAgency: 'SOF',
              dueDate: '2026-11-08',
              title: sealed('find housing'),
              originConferenceId: 'conference-1',
              addedAt: AT,
            },
          },
        ]);
    });

    it('refuses to record the same conference twice', () => {
      given([...workingCase(), { type: 'CaseConferenceHeld', data: conference({ decisions: [] }).data }])
        .when(conference())
        .thenRejects('CONFERENCE_ALREADY_RECORDED');
    });

    it('refuses a conference held in the future', () => {
      given(workingCase())
        .when(conference({ heldOn: TOMORROW }))
        .thenRejects('DATE_IN_FUTURE');
    });

    it('refuses a conference with an agency present that is not on the case', () => {
      given(workingCase())
        .when(conference({ agenciesPresent: ['BIF', 'KFF'] }))
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses a decision whose action is due before the conference was held', () => {
      given(workingCase())
        .when(
          conference({
            decisions: [
              { decisionId: 'd', text: sealed('t'), createsAction: { actionId: 'a', responsibleAgency: 'SOF', dueDate: '2026-11-05', title: sealed('t') } },
            ],
          }),
        )
        .thenRejects('DUE_DATE_BEFORE_EVENT');
    });

    it('refuses two decisions creating the same action', () => {
      const createsAction = { actionId: 'a', responsibleAgency: 'SOF', dueDate: '2026-11-20', title: sealed('t') };
      given(workingCase())
        .when(
          conference({
            decisions: [
              { decisionId: 'd1', text: sealed('t'), createsAction },
              { decisionId: 'd2', text: sealed('t'), createsAction },
            ],
          }),
        )
        .thenRejects('ACTION_ALREADY_EXISTS');
    });

    it('refuses a decision making an agency responsible that is not on the case', () => {
      given(workingCase())
        .when(
          conference({
            decisions: [
              { decisionId: 'd', text: sealed('t'), createsAction: { actionId: 'a', responsibleAgency: 'KFF', dueDate: '2026-11-20', title: sealed('t') } },
            ],
          }),
        )
        .thenRejects('AGENCY_NOT_ON_CASE');
    });
  });

  describe('custody', () => {
    const start = (overrides: Partial<Extract<CaseCommand, { type: 'StartCustody' }>['data']> = {}): CaseCommand => ({
      type: 'StartCustody',
      data: { custodyId: 'custody-2', kind: 'remand', institution: 'Vestre Fængsel', startedOn: '2026-11-01', ...overrides },
    });
    const release = (releasedOn = TODAY): CaseCommand => ({ type: 'ReleaseFromCustody', data: { releasedOn, conditional: true } });

    it('starts a custody on remand', () => {
      given(workingCase())
        .when(start({ expectedReleaseOn: '2027-01-01' }))
        .then([
          {
            type: 'CustodyStarted',
            data: { custodyId: 'custody-2', kind: 'remand', institution: 'Vestre Fængsel', startedOn: '2026-11-01', expectedReleaseOn: '2027-01-01' },
          },
        ]);
    });

    it('refuses a second custody while the citizen is in custody', () => {
      given([...workingCase(), custodyStarted])
        .when(start())
        .thenRejects('ALREADY_IN_CUSTODY');
    });

    it('refuses a custody starting in the future', () => {
      given(workingCase())
        .when(start({ startedOn: TOMORROW }))
        .thenRejects('DATE_IN_FUTURE');
    });

    it('refuses an expected release before the custody started', () => {
      given(workingCase())
        .when(start({ expectedReleaseOn: '2026-10-31' }))
        .thenRejects('EXPECTED_RELEASE_BEFORE_START');
    });

    it('changes the expected release date of the current custody', () => {
      given([...workingCase(), custodyStarted])
        .when({ type: 'ChangeExpectedRelease', data: { expectedReleaseOn: '2027-03-01' } })
        .then([{ type: 'ExpectedReleaseChanged', data: { custodyId: 'custody-1', expectedReleaseOn: '2027-03-01', changedAt: AT } }]);
    });

    it('refuses to change the expected release when the citizen is not in custody', () => {
      given(workingCase())
        .when({ type: 'ChangeExpectedRelease', data: { expectedReleaseOn: '2027-03-01' } })
        .thenRejects('NOT_IN_CUSTODY');
    });

    it('refuses to move the expected release before the custody started', () => {
      given([...workingCase(), custodyStarted])
        .when({ type: 'ChangeExpectedRelease', data: { expectedReleaseOn: '2026-05-01' } })
        .thenRejects('EXPECTED_RELEASE_BEFORE_START');
    });

    it('releases the citizen from the current custody', () => {
      given([...workingCase(), custodyStarted])
        .when(release())
        .then([{ type: 'ReleasedFromCustody', data: { custodyId: 'custody-1', releasedOn: TODAY, conditional: true } }]);
    });

    it('refuses a release when the citizen is not in custody', () => {
      given(workingCase()).when(release()).thenRejects('NOT_IN_CUSTODY');
    });

    it('refuses a release before the custody started', () => {
      given([...workingCase(), custodyStarted])
        .when(release('2026-05-31'))
        .thenRejects('END_BEFORE_START');
    });

    it('refuses a release dated in the future', () => {
      given([...workingCase(), custodyStarted])
        .when(release(TOMORROW))
        .thenRejects('DATE_IN_FUTURE');
    });

    it('allows a new custody after a release', () => {
      given([...workingCase(), custodyStarted, { type: 'ReleasedFromCustody', data: { custodyId: 'custody-1', releasedOn: '2026-11-02', conditional: false } }])
        .when(start({ startedOn: '2026-11-09' }))
        .then([{ type: 'CustodyStarted', data: { custodyId: 'custody-2', kind: 'remand', institution: 'Vestre Fængsel', startedOn: '2026-11-09' } }]);
    });
  });

  describe('charges and convictions', () => {
    const charge = (overrides: Partial<Extract<CaseCommand, { type: 'RecordCharge' }>['data']> = {}): CaseCommand => ({
      type: 'RecordCharge',
      data: { chargeId: 'charge-1', offenceCategory: 'robbery', chargedOn: '2026-11-02', reportedBy: 'KBH-POLITI', ...overrides },
    });
    const charged: CaseEvent = {
      type: 'ChargeRecorded',
      data: { chargeId: 'charge-1', offenceCategory: 'robbery', chargedOn: '2026-11-02', reportedBy: 'KBH-POLITI' },
    };

    it('records a charge reported by the police', () => {
      given(workingCase()).when(charge()).then([charged]);
    });

    it('refuses a charge reported by an agency that is not police', () => {
      given(workingCase())
        .when(charge({ reportedBy: 'KBH-FAENGSLER' }))
        .thenRejects('REPORTER_NOT_POLICE');
    });

    it('refuses an offence category that is not in the reference data', () => {
      given(workingCase())
        .when(charge({ offenceCategory: 'jaywalking' }))
        .thenRejects('UNKNOWN_OFFENCE_CATEGORY');
    });

    it('refuses a charge dated in the future', () => {
      given(workingCase())
        .when(charge({ chargedOn: TOMORROW }))
        .thenRejects('DATE_IN_FUTURE');
    });

    it('refuses to record the same charge twice', () => {
      given([...workingCase(), charged])
        .when(charge())
        .thenRejects('CHARGE_ALREADY_RECORDED');
    });

    it('records a conviction as dangerous to persons when its offence category is', () => {
      given([...workingCase(), charged])
        .when(conviction({ chargeId: 'charge-1' }))
        .then([
          {
            type: 'ConvictionRecorded',
            data: {
              convictionId: 'conviction-1',
              chargeId: 'charge-1',
              offenceCategory: 'violence',
              dangerousToPersons: true,
              convictedOn: '2026-10-01',
              sentence: sealed('sentence'),
              reportedBy: 'KBH-POLITI',
            },
          },
        ]);
    });

    it('records a conviction as not dangerous to persons when its offence category is not', () => {
      given(workingCase())
        .when(conviction({ offenceCategory: 'theft' }))
        .then([
          {
            type: 'ConvictionRecorded',
            data: {
              convictionId: 'conviction-1',
              offenceCategory: 'theft',
              dangerousToPersons: false,
              convictedOn: '2026-10-01',
              sentence: sealed('sentence'),
              reportedBy: 'KBH-POLITI',
            },
          },
        ]);
    });

    it('refuses a conviction reported by an agency that is not police', () => {
      given(workingCase())
        .when(conviction({ reportedBy: 'BIF' }))
        .thenRejects('REPORTER_NOT_POLICE');
    });

    it('refuses a conviction for a charge that is not on the case', () => {
      given(workingCase())
        .when(conviction({ chargeId: 'charge-9' }))
        .thenRejects('UNKNOWN_CHARGE');
    });

    it('refuses to record the same conviction twice', () => {
      const recorded: CaseEvent = {
        type: 'ConvictionRecorded',
        data: {
          convictionId: 'conviction-1',
          offenceCategory: 'violence',
          dangerousToPersons: true,
          convictedOn: '2026-10-01',
          sentence: sealed('s'),
          reportedBy: 'KBH-POLITI',
        },
      };
      given([...workingCase(), recorded])
        .when(conviction())
        .thenRejects('CONVICTION_ALREADY_RECORDED');
    });
  });

  describe('labour market', () => {
    const employed: CaseEvent = { type: 'EmploymentStarted', data: { employmentId: 'job-1', kind: 'wage-subsidy', startedOn: '2026-09-01' } };
    const studying: CaseEvent = { type: 'EducationStarted', data: { educationId: 'edu-1', kind: 'vocational', startedOn: '2026-08-15' } };
    const selfSufficient: CaseEvent = { type: 'SelfSufficiencyReached', data: { reachedOn: '2026-10-01', through: 'employment' } };

    it('starts an employment of a given kind', () => {
      given(workingCase())
        .when({ type: 'StartEmployment', data: { employmentId: 'job-1', kind: 'wage-subsidy', startedOn: '2026-09-01' } })
        .then([employed]);
    });

    it('refuses to start the same employment twice', () => {
      given([...workingCase(), employed])
        .when({ type: 'StartEmployment', data: { employmentId: 'job-1', kind: 'ordinary', startedOn: TODAY } })
        .thenRejects('EMPLOYMENT_ALREADY_STARTED');
    });

    it('ends a started employment', () => {
      given([...workingCase(), employed])
        .when({ type: 'EndEmployment', data: { employmentId: 'job-1', endedOn: TODAY } })
        .then([{ type: 'EmploymentEnded', data: { employmentId: 'job-1', endedOn: TODAY } }]);
    });

    it('refuses to end an employment that was never started', () => {
      given(workingCase())
        .when({ type: 'EndEmployment', data: { employmentId: 'job-1', endedOn: TODAY } })
        .thenRejects('UNKNOWN_EMPLOYMENT');
    });

    it('refuses to end an employment twice', () => {
      given([...workingCase(), employed, { type: 'EmploymentEnded', data: { employmentId: 'job-1', endedOn: '2026-10-01' } }])
        .when({ type: 'EndEmployment', data: { employmentId: 'job-1', endedOn: TODAY } })
        .thenRejects('EMPLOYMENT_ALREADY_ENDED');
    });

    it('refuses an employment ending before it started', () => {
      given([...workingCase(), employed])
        .when({ type: 'EndEmployment', data: { employmentId: 'job-1', endedOn: '2026-08-31' } })
        .thenRejects('END_BEFORE_START');
    });

    it('starts an education', () => {
      given(workingCase())
        .when({ type: 'StartEducation', data: { educationId: 'edu-1', kind: 'vocational', startedOn: '2026-08-15' } })
        .then([studying]);
    });

    it('refuses to start the same education twice', () => {
      given([...workingCase(), studying])
        .when({ type: 'StartEducation', data: { educationId: 'edu-1', kind: 'vocational', startedOn: TODAY } })
        .thenRejects('EDUCATION_ALREADY_STARTED');
    });

    it('ends an ongoing education without completion', () => {
      given([...workingCase(), studying])
        .when({ type: 'EndEducation', data: { educationId: 'edu-1', endedOn: TODAY } })
        .then([{ type: 'EducationEnded', data: { educationId: 'edu-1', endedOn: TODAY } }]);
    });

    it('completes an ongoing education', () => {
      given([...workingCase(), studying])
        .when({ type: 'CompleteEducation', data: { educationId: 'edu-1', completedOn: TODAY } })
        .then([{ type: 'EducationCompleted', data: { educationId: 'edu-1', completedOn: TODAY } }]);
    });

    it('refuses to complete an education that was never started', () => {
      given(workingCase())
        .when({ type: 'CompleteEducation', data: { educationId: 'edu-1', completedOn: TODAY } })
        .thenRejects('UNKNOWN_EDUCATION');
    });

    it('refuses to complete an education that has already ended', () => {
      given([...workingCase(), studying, { type: 'EducationEnded', data: { educationId: 'edu-1', endedOn: '2026-10-01' } }])
        .when({ type: 'CompleteEducation', data: { educationId: 'edu-1', completedOn: TODAY } })
        .thenRejects('EDUCATION_NOT_ONGOING');
    });

    it('registers that the citizen has become self-sufficient', () => {
      given(workingCase())
        .when({ type: 'RegisterSelfSufficiency', data: { reachedOn: '2026-10-01', through: 'employment' } })
        .then([selfSufficient]);
    });

    it('refuses to register self-sufficiency twice', () => {
      given([...workingCase(), selfSufficient])
        .when({ type: 'RegisterSelfSufficiency', data: { reachedOn: TODAY, through: 'education' } })
        .thenRejects('ALREADY_SELF_SUFFICIENT');
    });

    it('registers that the citizen has lost self-sufficiency', () => {
      given([...workingCase(), selfSufficient])
        .when({ type: 'RegisterLossOfSelfSufficiency', data: { lostOn: TODAY } })
        .then([{ type: 'SelfSufficiencyLost', data: { lostOn: TODAY } }]);
    });

    it('refuses to register a loss of self-sufficiency the citizen never had', () => {
      given(workingCase())
        .when({ type: 'RegisterLossOfSelfSufficiency', data: { lostOn: TODAY } })
        .thenRejects('NOT_SELF_SUFFICIENT');
    });

    it('refuses a loss of self-sufficiency before it was reached', () => {
      given([...workingCase(), selfSufficient])
        .when({ type: 'RegisterLossOfSelfSufficiency', data: { lostOn: '2026-09-30' } })
        .thenRejects('END_BEFORE_START');
    });

    it('assesses progression on the scale', () => {
      given(workingCase())
        .when({ type: 'AssessProgression', data: { step: 3, assessedBy: 'BIF', assessedOn: TODAY } })
        .then([{ type: 'ProgressionAssessed', data: { step: 3, assessedBy: 'BIF', assessedOn: TODAY } }]);
    });

    it('refuses a progression step that is not on the scale', () => {
      given(workingCase())
        .when({ type: 'AssessProgression', data: { step: 6, assessedBy: 'BIF', assessedOn: TODAY } })
        .thenRejects('UNKNOWN_PROGRESSION_STEP');
    });
  });

  describe('legal holds and erasure', () => {
    const hold: CaseEvent = { type: 'LegalHoldPlaced', data: { holdId: 'hold-1', reason: sealed('litigation'), placedBy: 'dpo-1', placedAt: EARLIER } };
    const erase = (scope = 'citizen'): CaseCommand => ({ type: 'EraseCitizenData', data: { scope, reason: 'retention-expired', by: 'system:retention' } });

    it('places a legal hold, also on a closed case', () => {
      given(closedCase())
        .when({ type: 'PlaceLegalHold', data: { holdId: 'hold-1', reason: sealed('litigation'), placedBy: 'dpo-1' } })
        .then([{ type: 'LegalHoldPlaced', data: { holdId: 'hold-1', reason: sealed('litigation'), placedBy: 'dpo-1', placedAt: AT } }]);
    });

    it('refuses to place a hold with the id of an active one', () => {
      given([...closedCase(), hold])
        .when({ type: 'PlaceLegalHold', data: { holdId: 'hold-1', reason: sealed('again'), placedBy: 'dpo-1' } })
        .thenRejects('LEGAL_HOLD_ALREADY_PLACED');
    });

    it('lifts an active legal hold', () => {
      given([...closedCase(), hold])
        .when({ type: 'LiftLegalHold', data: { holdId: 'hold-1', liftedBy: 'dpo-1' } })
        .then([{ type: 'LegalHoldLifted', data: { holdId: 'hold-1', liftedBy: 'dpo-1', liftedAt: AT } }]);
    });

    it('refuses to lift a hold that is not active', () => {
      given(closedCase())
        .when({ type: 'LiftLegalHold', data: { holdId: 'hold-1', liftedBy: 'dpo-1' } })
        .thenRejects('LEGAL_HOLD_NOT_ACTIVE');
    });

    it("erases the citizen's data on a closed case", () => {
      given(closedCase())
        .when(erase())
        .then([{ type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'retention-expired', by: 'system:retention', erasedAt: AT } }]);
    });

    it('refuses to erase while a legal hold stands', () => {
      given([...closedCase(), hold])
        .when(erase())
        .thenRejects('LEGAL_HOLD_ACTIVE');
    });

    it('erases once the legal hold is lifted', () => {
      given([...closedCase(), hold, { type: 'LegalHoldLifted', data: { holdId: 'hold-1', liftedBy: 'dpo-1', liftedAt: EARLIER } }])
        .when(erase())
        .then([{ type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'retention-expired', by: 'system:retention', erasedAt: AT } }]);
    });

    it("refuses to erase the citizen's data while the case is open", () => {
      given(workingCase()).when(erase()).thenRejects('CASE_NOT_CLOSED');
    });

    it("refuses to erase the citizen's data twice", () => {
      given([...closedCase(), { type: 'CitizenDataErased', data: { scope: 'citizen', reason: 'erasure-request', by: 'dpo-1', erasedAt: EARLIER } }])
        .when(erase())
        .thenRejects('CITIZEN_DATA_ALREADY_ERASED');
    });

    it("erases one agency's contributions, also while the case is open", () => {
      given(workingCase())
        .when(erase('KBH-FAENGSLER'))
        .then([{ type: 'CitizenDataErased', data: { scope: 'KBH-FAENGSLER', reason: 'retention-expired', by: 'system:retention', erasedAt: AT } }]);
    });

    it('refuses an erasure scoped to an unknown agency', () => {
      given(workingCase()).when(erase('NOPE')).thenRejects('UNKNOWN_AGENCY');
    });
  });

  describe('escalating an unanswered flow', () => {
    // Shared on Wednesday 1 April 2026, the Wednesday before Easter: Skærtorsdag, Langfredag, the
    // weekend and 2. påskedag follow, so the working days after it are 7, 8, 9, 10, 13 April.
    const SHARED_AT = '2026-04-01T10:00:00.000Z';
    const on = (date: string) => ({ now: new Date(`${date}T07:30:00.000Z`) });
    const version = specReferenceData.escalationRules.version;
    const shared: CaseEvent = {
      type: 'InformationShared',
      data: {
        entryId: 'entry-esc',
        fromAgency: 'BIF',
        sharedWith: ['SOF', 'KBH-FAENGSLER'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: sealed('summary'),
        sharedAt: SHARED_AT,
      },
    };
    const escalate = (step: 'reminder' | 'escalation', toAgency = 'SOF', entryId = 'entry-esc'): CaseCommand => ({
      type: 'EscalateFlow',
      data: { flow: 'information', entryId, toAgency, step },
    });
    const escalated = (step: 'reminder' | 'escalation', date: string, extra: Record<string, unknown> = {}): CaseEvent => ({
      type: 'FlowEscalated',
      data: {
        flow: 'information',
        entryId: 'entry-esc',
        fromAgency: 'BIF',
        toAgency: 'SOF',
        step,
        notify: step === 'reminder' ? ['entry-point'] : ['escalation-contact', 'coordinator'],
        dueOn: date,
        workingDaysLate: step === 'reminder' ? 1 : 3,
        rulesVersion: version,
        escalatedAt: on(date).now.toISOString(),
        ...extra,
      },
    });
    const sofContact = { role: specReferenceData.agencies.get('SOF')!.escalationContact!.role, functionMailbox: 'eskalering.sof@example.org' };

    it('reminds the entry point on the first working day after 2 working days without an acknowledgement', () => {
      given([...coordinatedCase(), shared], on('2026-04-09'))
        .when(escalate('reminder'))
        .then([escalated('reminder', '2026-04-09')]);
    });

    it('refuses a reminder before it is due (Easter counts as closed)', () => {
      given([...coordinatedCase(), shared], on('2026-04-08'))
        .when(escalate('reminder'))
        .thenRejects('ESCALATION_NOT_DUE');
    });

    it('escalates to the escalation contact and the coordinator two working days after the reminder', () => {
      given([...coordinatedCase(), shared, escalated('reminder', '2026-04-09')], on('2026-04-13'))
        .when(escalate('escalation'))
        .then([escalated('escalation', '2026-04-13', { escalationContact: sofContact, coordinatorId: 'coordinator-1' })]);
    });

    it('refuses the escalation before it is due, and on a weekend even when it is', () => {
      given([...coordinatedCase(), shared, escalated('reminder', '2026-04-09')], on('2026-04-10'))
        .when(escalate('escalation'))
        .thenRejects('ESCALATION_NOT_DUE');
      given([...coordinatedCase(), shared], on('2026-04-11'))
        .when(escalate('reminder'))
        .thenRejects('ESCALATION_NOT_DUE');
    });

    it('escalates without a coordinator when the case has none', () => {
      given([...workingCase(), shared], on('2026-04-13'))
        .when(escalate('escalation'))
        .then([escalated('escalation', '2026-04-13', { escalationContact: sofContact })]);
    });

    it('refuses a step already taken, or one a later step has passed, so a rerun records nothing twice', () => {
      given([...coordinatedCase(), shared, escalated('reminder', '2026-04-09')], on('2026-04-10'))
        .when(escalate('reminder'))
        .thenRejects('ALREADY_ESCALATED');
      given([...coordinatedCase(), shared, escalated('escalation', '2026-04-13')], on('2026-04-14'))
        .when(escalate('reminder'))
        .thenRejects('ALREADY_ESCALATED');
    });

    it("chases each recipient on its own: another recipient's reminder does not count", () => {
      given([...coordinatedCase(), shared, escalated('reminder', '2026-04-09')], on('2026-04-09'))
        .when(escalate('reminder', 'KBH-FAENGSLER'))
        .then([{ ...escalated('reminder', '2026-04-09'), data: { ...escalated('reminder', '2026-04-09').data, toAgency: 'KBH-FAENGSLER' } } as CaseEvent]);
    });

    it('refuses to chase information the agency has acknowledged', () => {
      const acknowledged: CaseEvent = {
        type: 'InformationAcknowledged',
        data: { entryId: 'entry-esc', agency: 'SOF', acknowledgedAt: '2026-04-07T08:00:00.000Z' },
      };
      given([...coordinatedCase(), shared, acknowledged], on('2026-04-09'))
        .when(escalate('reminder'))
        .thenRejects('FLOW_ALREADY_ANSWERED');
    });

    it('refuses an entry that does not exist, or was not shared with the agency', () => {
      given([...coordinatedCase(), shared], on('2026-04-09'))
        .when(escalate('reminder', 'SOF', 'nope'))
        .thenRejects('UNKNOWN_ENTRY');
      given([...coordinatedCase(), shared], on('2026-04-09'))
        .when(escalate('reminder', 'KBH-POLITI'))
        .thenRejects('ENTRY_NOT_SHARED_WITH_AGENCY');
    });

    it('stops chasing an agency that has left the case', () => {
      const left: CaseEvent = { type: 'AgencyLeftCase', data: { agency: 'SOF', leftAt: '2026-04-07T08:00:00.000Z' } };
      given([...coordinatedCase(), shared, left], on('2026-04-09'))
        .when(escalate('reminder'))
        .thenRejects('AGENCY_NOT_ON_CASE');
    });

    it('refuses a step the rules do not have', () => {
      given([...coordinatedCase(), shared], on('2026-04-09'))
        .when({ type: 'EscalateFlow', data: { flow: 'information', entryId: 'entry-esc', toAgency: 'SOF', step: 'final-warning' as never } })
        .thenRejects('UNKNOWN_ESCALATION_STEP');
    });

    it('does not escalate on a closed case', () => {
      given([...coordinatedCase(), shared, { type: 'CaseClosed', data: { reason: 'goals-achieved', closedAt: SHARED_AT } }], on('2026-04-09'))
        .when(escalate('reminder'))
        .thenRejects('CASE_NOT_OPEN');
    });

    describe('a request not answered by its due date', () => {
      // Due on Friday 17 April 2026: the reminder goes on Monday 20, the escalation on Wednesday 22.
      const requested: CaseEvent = {
        type: 'InformationRequested',
        data: {
          requestId: 'req-esc',
          fromAgency: 'BIF',
          toAgency: 'KBH-FAENGSLER',
          question: sealed('question'),
          dueDate: '2026-04-17',
          legalBasis: 'RPL115-1-1',
          requestedAt: SHARED_AT,
        },
      };
      const escalateRequest = (step: 'reminder' | 'escalation', requestId = 'req-esc'): CaseCommand => ({
        type: 'EscalateFlow',
        data: { flow: 'request', requestId, step },
      });

      it('reminds on the first working day after the due date, and escalates two working days later', () => {
        given([...coordinatedCase(), requested], on('2026-04-20'))
          .when(escalateRequest('reminder'))
          .then([
            {
              type: 'FlowEscalated',
              data: {
                flow: 'request',
                requestId: 'req-esc',
                fromAgency: 'BIF',
                toAgency: 'KBH-FAENGSLER',
                step: 'reminder',
                notify: ['entry-point'],
                dueOn: '2026-04-20',
                workingDaysLate: 1,
                rulesVersion: version,
                escalatedAt: on('2026-04-20').now.toISOString(),
              },
            },
          ]);
        given([...coordinatedCase(), requested], on('2026-04-21'))
          .when(escalateRequest('escalation'))
          .thenRejects('ESCALATION_NOT_DUE');
        given([...coordinatedCase(), requested], on('2026-04-22'))
          .when(escalateRequest('escalation'))
          .then([
            {
              type: 'FlowEscalated',
              data: {
                flow: 'request',
                requestId: 'req-esc',
                fromAgency: 'BIF',
                toAgency: 'KBH-FAENGSLER',
                step: 'escalation',
                notify: ['escalation-contact', 'coordinator'],
                escalationContact: {
                  role: specReferenceData.agencies.get('KBH-FAENGSLER')!.escalationContact!.role,
                  functionMailbox: 'eskalering.faengsler@example.org',
                },
                coordinatorId: 'coordinator-1',
                dueOn: '2026-04-22',
                workingDaysLate: 3,
                rulesVersion: version,
                escalatedAt: on('2026-04-22').now.toISOString(),
              },
            },
          ]);
      });

      it('refuses to chase an answered or declined request, and one that does not exist', () => {
        const answered: CaseEvent = {
          type: 'InformationRequestAnswered',
          data: { requestId: 'req-esc', agency: 'KBH-FAENGSLER', answer: sealed('answer'), answeredAt: '2026-04-18T08:00:00.000Z' },
        };
        given([...coordinatedCase(), requested, answered], on('2026-04-20'))
          .when(escalateRequest('reminder'))
          .thenRejects('FLOW_ALREADY_ANSWERED');
        given([...coordinatedCase(), requested], on('2026-04-20'))
          .when(escalateRequest('reminder', 'nope'))
          .thenRejects('UNKNOWN_REQUEST');
      });
    });
  });

  // Runs last (Jest keeps definition order within a file): every reason code must have a spec above.
  it('has a rejection spec for every rule reason', () => {
    expect(CASE_RULE_REASONS.filter((reason) => !rejectedReasons.has(reason))).toEqual([]);
  });
});
