import { CASE_WRITE_RULES, systemWriteAllowed } from './case-command-policy';

/** The history import (npm run cli -- import-history) records what happened; nothing that acts on the case's protection. */
describe('what the history import may write', () => {
  const types = Object.keys(CASE_WRITE_RULES) as (keyof typeof CASE_WRITE_RULES)[];

  it('records the facts of a case: opening, programmes, custody, charges, jobs, information', () => {
    for (const type of [
      'OpenCase',
      'AssignCoordinator',
      'JoinCase',
      'EnrolInProgramme',
      'ExitProgramme',
      'StartCustody',
      'ReleaseFromCustody',
      'RecordCharge',
      'RecordConviction',
      'StartEmployment',
      'RegisterSelfSufficiency',
      'ShareInformation',
      'AcknowledgeInformation',
      'RequestInformation',
    ] as const) {
      expect([type, systemWriteAllowed('history-import', type)]).toEqual([type, true]);
    }
  });

  it('never erases, places or lifts a hold, escalates or asks for intake', () => {
    expect(types.filter((type) => !systemWriteAllowed('history-import', type)).sort()).toEqual([
      'EraseCitizenData',
      'EscalateFlow',
      'LiftLegalHold',
      'PlaceLegalHold',
      'RequestIntake',
    ]);
  });
});
