import { ageOn } from './calendar-date';
import { sspPlusEligibility } from './eligibility';
import type { CaseEvent } from './events';
import { evolveAll } from './evolve';
import { initialCaseState } from './state';
import { EARLIER, agencyJoined, caseOpened, sealed } from './testing/case-fixtures';
import { specReferenceData } from './testing/case-spec';
import type { SspCategory } from './vocabulary';

const assessed = (level: SspCategory, assessedOn = '2026-11-01'): CaseEvent => ({
  type: 'SspCategoryAssessed',
  data: { level, rationale: sealed('r'), assessedBy: 'KBH-POLITI', assessedOn },
});
const enrolled = (programmeCode: string, startedOn = '2026-10-01'): CaseEvent => ({
  type: 'EnrolledInProgramme',
  data: { programmeCode, startedOn },
});

function caseOf(birthDate: string, ...events: CaseEvent[]) {
  return evolveAll(initialCaseState(), [caseOpened({ birthDate }), agencyJoined('KBH-POLITI', EARLIER), ...events]);
}

/** Noon in Copenhagen on the given date. */
const on = (date: string): Date => new Date(`${date}T11:00:00.000Z`);
const eligibility = (state: ReturnType<typeof caseOf>, at: Date) => sspPlusEligibility(state, { at, programmes: specReferenceData.programmes });

describe('SSP+ eligibility', () => {
  it('is eligible in category 3 or 4 within the default age band 18-23', () => {
    expect(eligibility(caseOf('2004-06-01', assessed(3)), on('2026-11-10'))).toEqual({
      eligible: true,
      onDate: '2026-11-10',
      age: 22,
      category: 3,
      ageBand: { minAge: 18, maxAge: 23 },
      gangConflict: false,
      reasons: [],
    });
  });

  it('becomes eligible on the 18th birthday, not the day before', () => {
    const state = caseOf('2008-11-10', assessed(4));
    expect(eligibility(state, on('2026-11-09'))).toMatchObject({ eligible: false, age: 17, reasons: ['BELOW_AGE_BAND'] });
    expect(eligibility(state, on('2026-11-10'))).toMatchObject({ eligible: true, age: 18 });
  });

  it('counts the birthday by the Copenhagen date, also just after local midnight', () => {
    const state = caseOf('2008-11-10', assessed(4));
    expect(eligibility(state, new Date('2026-11-09T23:30:00.000Z'))).toMatchObject({ eligible: true, onDate: '2026-11-10' });
  });

  it('stops being eligible on the 24th birthday', () => {
    const state = caseOf('2002-11-10', assessed(3));
    expect(eligibility(state, on('2026-11-09'))).toMatchObject({ eligible: true, age: 23 });
    expect(eligibility(state, on('2026-11-10'))).toMatchObject({ eligible: false, age: 24, reasons: ['ABOVE_AGE_BAND'] });
  });

  it('widens the band to 18-25 while the citizen is in a gang-conflict programme', () => {
    const state = caseOf('2000-11-11', assessed(4), enrolled('GANG_CONFLICT_18_25'));
    expect(eligibility(state, on('2026-11-10'))).toMatchObject({
      eligible: true,
      age: 25,
      gangConflict: true,
      ageBand: { minAge: 18, maxAge: 25 },
    });
    expect(eligibility(state, on('2026-11-11'))).toMatchObject({ eligible: false, age: 26, reasons: ['ABOVE_AGE_BAND'] });
  });

  it('keeps the default band at 25 without a gang-conflict programme', () => {
    const state = caseOf('2000-11-11', assessed(4), enrolled('SSP_PLUS'));
    expect(eligibility(state, on('2026-11-10'))).toMatchObject({ eligible: false, gangConflict: false, reasons: ['ABOVE_AGE_BAND'] });
  });

  it('uses the standard band again after the gang-conflict programme ended', () => {
    const state = caseOf('2000-11-11', assessed(4), enrolled('GANG_CONFLICT_18_25'), {
      type: 'ExitedProgramme',
      data: { programmeCode: 'GANG_CONFLICT_18_25', endedOn: '2026-11-01', exitReason: 'completed' },
    });
    expect(eligibility(state, on('2026-10-15'))).toMatchObject({ gangConflict: true });
    expect(eligibility(state, on('2026-11-10'))).toMatchObject({ eligible: false, gangConflict: false });
  });

  it('takes the age band from configuration', () => {
    const state = caseOf('1998-01-01', assessed(3));
    const result = sspPlusEligibility(state, {
      at: on('2026-11-10'),
      programmes: specReferenceData.programmes,
      ageBands: { standard: { minAge: 18, maxAge: 30 }, gangConflict: { minAge: 18, maxAge: 30 } },
    });
    expect(result).toMatchObject({ eligible: true, age: 28 });
  });

  it('is not eligible without a category assessment', () => {
    expect(eligibility(caseOf('2004-06-01'), on('2026-11-10'))).toMatchObject({ eligible: false, reasons: ['NO_CATEGORY_ASSESSMENT'] });
  });

  it('is not eligible in category 1 or 2', () => {
    expect(eligibility(caseOf('2004-06-01', assessed(2)), on('2026-11-10'))).toMatchObject({
      eligible: false,
      category: 2,
      reasons: ['CATEGORY_BELOW_SSP_PLUS'],
    });
  });

  it('follows the latest assessment, not the highest', () => {
    const state = caseOf('2004-06-01', assessed(4, '2026-09-01'), assessed(2, '2026-10-01'));
    expect(eligibility(state, on('2026-11-10'))).toMatchObject({ eligible: false, category: 2 });
  });

  it('ignores assessments dated after the moment asked about', () => {
    const state = caseOf('2004-06-01', assessed(2, '2026-09-01'), assessed(4, '2026-10-01'));
    expect(eligibility(state, on('2026-09-15'))).toMatchObject({ eligible: false, category: 2 });
    expect(eligibility(state, on('2026-10-01'))).toMatchObject({ eligible: true, category: 4 });
  });

  it('is not eligible before the case is opened', () => {
    expect(eligibility(initialCaseState(), on('2026-11-10'))).toMatchObject({ eligible: false, reasons: ['CASE_NOT_OPENED'] });
  });

  it('ages someone born on 29 February on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});
