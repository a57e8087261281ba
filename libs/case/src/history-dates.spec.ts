import type { CaseCommand } from './commands';
import type { CaseEvent } from './events';
import { EARLIER, caseOpened, sealed, workingCase } from './testing/case-fixtures';
import { SPEC_NOW, given } from './testing/case-spec';

/** Facts recorded later than they happened (history): the real-world day rides along, never in the future. */
const AT = SPEC_NOW.toISOString();
const TODAY = '2026-11-10';
const TOMORROW = '2026-11-11';

const share = (sharedOn?: string): CaseCommand => ({
  type: 'ShareInformation',
  data: {
    entryId: 'entry-h',
    fromAgency: 'BIF',
    sharedWith: ['SOF'],
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: 'normal',
    summary: sealed('s'),
    ...(sharedOn === undefined ? {} : { sharedOn }),
  },
});
const sharedOn = (day: string): CaseEvent => ({
  type: 'InformationShared',
  data: {
    entryId: 'entry-h',
    fromAgency: 'BIF',
    sharedWith: ['SOF'],
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: 'normal',
    summary: sealed('s'),
    sharedAt: EARLIER,
    sharedOn: day,
  },
});
const request = (requestedOn: string, dueDate: string): CaseCommand => ({
  type: 'RequestInformation',
  data: { requestId: 'request-h', fromAgency: 'BIF', toAgency: 'KBH-FAENGSLER', question: sealed('q'), dueDate, legalBasis: 'RPL115-1-3', requestedOn },
});

describe('real-world dates of information recorded later', () => {
  it('keeps the day information was shared', () => {
    given(workingCase())
      .when(share('2019-03-04'))
      .then([
        {
          type: 'InformationShared',
          data: {
            entryId: 'entry-h',
            fromAgency: 'BIF',
            sharedWith: ['SOF'],
            legalBasis: 'RPL115-1-1',
            purpose: 'crime-prevention',
            sensitivity: 'normal',
            summary: sealed('s'),
            sharedAt: AT,
            sharedOn: '2019-03-04',
          },
        },
      ]);
  });

  it('refuses a day shared in the future', () => {
    given(workingCase()).when(share(TOMORROW)).thenRejects('DATE_IN_FUTURE');
  });

  it('refuses a day shared that is no date', () => {
    given(workingCase()).when(share('2019-02-30')).thenRejects('INVALID_DATE');
  });

  it('keeps the day an acknowledgement was made, not before the day shared and not in the future', () => {
    const acknowledge = (acknowledgedOn: string): CaseCommand => ({
      type: 'AcknowledgeInformation',
      data: { entryId: 'entry-h', agency: 'SOF', acknowledgedOn },
    });
    given([...workingCase(), sharedOn('2019-03-04')])
      .when(acknowledge('2019-03-12'))
      .then([{ type: 'InformationAcknowledged', data: { entryId: 'entry-h', agency: 'SOF', acknowledgedAt: AT, acknowledgedOn: '2019-03-12' } }]);
    given([...workingCase(), sharedOn('2019-03-04')])
      .when(acknowledge('2019-03-03'))
      .thenRejects('END_BEFORE_START');
    given([...workingCase(), sharedOn('2019-03-04')])
      .when(acknowledge(TOMORROW))
      .thenRejects('DATE_IN_FUTURE');
  });

  it('keeps the day a request was made, due from that day even when the due date has passed', () => {
    given(workingCase())
      .when(request('2019-03-04', '2019-03-18'))
      .then([
        {
          type: 'InformationRequested',
          data: {
            requestId: 'request-h',
            fromAgency: 'BIF',
            toAgency: 'KBH-FAENGSLER',
            question: sealed('q'),
            dueDate: '2019-03-18',
            legalBasis: 'RPL115-1-3',
            requestedAt: AT,
            requestedOn: '2019-03-04',
          },
        },
      ]);
    given(workingCase()).when(request('2019-03-04', '2019-03-03')).thenRejects('DUE_DATE_BEFORE_EVENT');
    given(workingCase()).when(request(TOMORROW, '2026-12-01')).thenRejects('DATE_IN_FUTURE');
    given(workingCase())
      .when(request(TODAY, TODAY))
      .then([
        {
          type: 'InformationRequested',
          data: {
            requestId: 'request-h',
            fromAgency: 'BIF',
            toAgency: 'KBH-FAENGSLER',
            question: sealed('q'),
            dueDate: TODAY,
            legalBasis: 'RPL115-1-3',
            requestedAt: AT,
            requestedOn: TODAY,
          },
        },
      ]);
  });

  it('keeps the day a case was opened, given by history; refuses it in the future or no date', () => {
    // Birth date and district in clear for the rules, sealed in the event only (issue 21).
    const { openedAt: _openedAt, birthDate, districtCode, ...opened } = caseOpened().data;
    const sealedPair = { sealedBirthDate: sealed('birth date'), sealedDistrictCode: sealed('district') };
    const open = (openedOn: string): CaseCommand => ({
      type: 'OpenCase',
      data: { ...opened, birthDate: birthDate ?? '', districtCode: districtCode ?? '', ...sealedPair, openedOn },
    });
    given([])
      .when(open('2019-01-02'))
      .then([
        { type: 'CaseOpened', data: { ...opened, ...sealedPair, openedAt: AT, openedOn: '2019-01-02' } },
        { type: 'AgencyJoinedCase', data: expect.objectContaining({ agency: 'BIF', joinedAt: AT }) as never },
      ]);
    given([]).when(open(TOMORROW)).thenRejects('DATE_IN_FUTURE');
    given([]).when(open('2019-02-30')).thenRejects('INVALID_DATE');
  });
});
