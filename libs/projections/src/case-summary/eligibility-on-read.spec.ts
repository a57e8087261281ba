import { eligibilityOnRead, type EligibilityInputs } from './eligibility-on-read';

const programmes = new Map([['EXIT', { gangConflict: true }]]);
const AT = new Date('2026-11-10T12:00:00.000Z');

function row(overrides: Partial<EligibilityInputs> = {}): EligibilityInputs {
  return {
    citizenId: 'c-1',
    birthDate: '2004-06-01',
    districtCode: 'NORREBRO-1',
    assessments: [{ level: 4, assessedBy: 'BIF', assessedOn: '2026-11-01' }],
    enrolments: [{ programmeCode: 'EXIT', startedOn: '2026-01-01' }],
    ...overrides,
  };
}

describe('SSP+ eligibility of a summary row', () => {
  it('computes it from the birth date while the citizen is known', () => {
    expect(eligibilityOnRead(row(), AT, programmes)).toMatchObject({ eligible: true, age: 22, reasons: [] });
  });

  it('answers "not eligible, CITIZEN_DATA_ERASED" without an age once the citizen was erased', () => {
    const eligibility = eligibilityOnRead(row({ birthDate: null, districtCode: null }), AT, programmes);
    expect(eligibility).toEqual({
      eligible: false,
      onDate: '2026-11-10',
      // The band the case would be judged by (gang-conflict programme), so the answer keeps its shape.
      ageBand: { minAge: 18, maxAge: 25 },
      gangConflict: true,
      reasons: ['CITIZEN_DATA_ERASED'],
    });
  });
});
