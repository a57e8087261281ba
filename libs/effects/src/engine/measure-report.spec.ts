import { loadReferenceData } from '@samvirke/reference-data';
import { loadMeasureCatalogue, type MeasureDefinition } from '../measures/measure-definition';
import type { OutcomeFact, OutcomeFactDetail } from '../outcome/outcome-fact';
import { measureReportCsv } from '../report/report-csv';
import { measureReportSvg } from '../report/report-chart-svg';
import { addMonths } from './calendar-months';
import { caseHistories, labourMarketStatusOn, labourMarketTimeline } from './case-history';
import { computeMeasureReport, type Breakdown } from './measure-report';
import { factsFromDetails } from '../testing/outcome-fact-fixtures';

const refData = loadReferenceData();
const catalogue = loadMeasureCatalogue();
const measure = (code: string): MeasureDefinition => {
  const found = catalogue.measures.get(code);
  if (!found) throw new Error(code);
  return found;
};

/** A case's facts from [date, detail] pairs, revisions in the order given. */
function person(caseId: string, facts: [string, OutcomeFactDetail, string?][], birthDate = '2003-06-15', districtCode = 'NORREBRO-1'): OutcomeFact[] {
  return factsFromDetails(caseId, [['2020-01-01', { type: 'case-opened', birthDate, districtCode }], ...facts], {
    recordedAt: '2020-01-01T00:00:00.000Z',
    agency: 'BIF',
  });
}
const enrolled = (programmeCode = 'SSP_PLUS'): OutcomeFactDetail => ({ type: 'enrolled', programmeCode });

function report(facts: OutcomeFact[], code: string, measurementDate: string, breakdown?: Breakdown) {
  return computeMeasureReport(caseHistories(facts), {
    measure: measure(code),
    catalogue,
    refData,
    asOf: '2026-01-01T00:00:00.000Z',
    measurementDate,
    breakdown,
  });
}

describe('calendar months', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2023-03-15', 12)).toBe('2024-03-15');
  });
});

describe('effect measure engine: cohort edges', () => {
  it("counts an event on the window's last day, and not one the day after", () => {
    const facts = [
      ...person('a', [
        ['2024-01-10', enrolled()],
        ['2025-01-10', { type: 'charged', offenceCategory: 'theft' }],
      ]),
      ...person('b', [
        ['2024-01-10', enrolled()],
        ['2025-01-11', { type: 'charged', offenceCategory: 'theft' }],
      ]),
      ...person('c', [
        ['2024-01-10', enrolled()],
        ['2024-01-10', { type: 'charged', offenceCategory: 'theft' }],
      ]),
    ];
    const result = report(facts, 'recidivism-charge-12m', '2025-06-01');
    expect(result.total).toMatchObject({ people: '<5', count: '<5', share: null });
    // Below the suppression threshold the figures are hidden, so widen the cohort to read them.
    const many = [...facts, ...['d', 'e'].flatMap((id) => person(id, [['2024-01-10', enrolled()]]))];
    expect(report(many, 'recidivism-charge-12m', '2025-06-01').total).toMatchObject({ people: 5, count: '<5' });
    const hits = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((id) =>
      person(id, [
        ['2024-01-10', enrolled()],
        ['2025-01-10', { type: 'charged', offenceCategory: 'theft' }],
      ]),
    );
    expect(report(hits, 'recidivism-charge-12m', '2025-06-01').total).toEqual({ key: 'total', people: 6, count: 6, share: 1, suppressed: false });
    const dayAfter = ['a', 'b', 'c', 'd', 'e'].flatMap((id) =>
      person(id, [
        ['2024-01-10', enrolled()],
        ['2025-01-11', { type: 'charged', offenceCategory: 'theft' }],
      ]),
    );
    expect(report(dayAfter, 'recidivism-charge-12m', '2025-06-01').total).toMatchObject({ people: 5, count: 0, share: 0 });
    const onAnchor = ['a', 'b', 'c', 'd', 'e'].flatMap((id) =>
      person(id, [
        ['2024-01-10', enrolled()],
        ['2024-01-10', { type: 'charged', offenceCategory: 'theft' }],
      ]),
    );
    expect(report(onAnchor, 'recidivism-charge-12m', '2025-06-01').total).toMatchObject({ people: 5, count: 0 });
  });

  it('excludes a person whose window has not ended by the measurement date, and includes them the day it ends', () => {
    const facts = ['a', 'b', 'c', 'd', 'e'].flatMap((id) =>
      person(id, [
        ['2024-01-10', enrolled()],
        ['2024-06-01', { type: 'self-sufficiency-reached' }],
      ]),
    );
    expect(report(facts, 'self-sufficiency-12m', '2025-01-09').total).toMatchObject({ people: 0, count: 0, share: null });
    expect(report(facts, 'self-sufficiency-12m', '2025-01-10').total).toMatchObject({ people: 5, count: 5, share: 1 });
  });

  it('counts a reopened case once, from its first enrolment, with facts after the reopening', () => {
    const reopened = person('r', [
      ['2023-03-01', enrolled()],
      ['2023-05-01', { type: 'case-closed' }],
      ['2023-09-01', { type: 'case-reopened' }],
      ['2023-09-02', enrolled()],
      ['2024-03-01', { type: 'self-sufficiency-reached' }],
    ]);
    const others = ['a', 'b', 'c', 'd'].flatMap((id) => person(id, [['2023-03-01', enrolled()]]));
    const result = report([...reopened, ...others], 'self-sufficiency-12m', '2024-12-31', 'period');
    expect(result.total).toMatchObject({ people: 5, count: '<5' });
    expect(result.cells.map((c) => c.key)).toEqual(['2023-Q1']);
    // Measured when only the reopened case's first window has ended, it is already counted.
    expect(report([...reopened, ...others], 'self-sufficiency-12m', '2024-03-01').total).toMatchObject({ people: 5 });
  });

  it('puts a person in the age band of their age on the anchor day, even if they move band within the window', () => {
    const turning24 = ['a', 'b', 'c', 'd', 'e'].flatMap((id) => person(id, [['2024-06-14', enrolled()]], '2000-06-15'));
    const turned24 = ['f', 'g', 'h', 'i', 'j'].flatMap((id) => person(id, [['2024-06-15', enrolled()]], '2000-06-15'));
    const result = report([...turning24, ...turned24], 'self-sufficiency-12m', '2025-06-30', 'ageBand');
    expect(result.cells.map((c) => [c.key, c.people])).toEqual([
      ['18-23', 5],
      ['24-25', 5],
    ]);
  });

  it('splits by programme per programme enrolment, by level at the anchor and by city district', () => {
    const facts = ['a', 'b', 'c', 'd', 'e'].flatMap((id) =>
      person(
        id,
        [
          ['2023-01-01', { type: 'level-assessed', level: 3 }],
          ['2023-02-01', enrolled('SSP_PLUS')],
          ['2023-03-01', { type: 'level-assessed', level: 4 }],
          ['2023-04-01', enrolled('EXIT')],
        ],
        '2003-01-01',
        'VALBY-2',
      ),
    );
    expect(report(facts, 'self-sufficiency-12m', '2025-01-01', 'programme').cells.map((c) => [c.key, c.people])).toEqual([
      ['EXIT', 5],
      ['SSP_PLUS', 5],
    ]);
    expect(report(facts, 'self-sufficiency-12m', '2025-01-01', 'level').cells.map((c) => [c.key, c.people])).toEqual([['3', 5]]);
    expect(report(facts, 'self-sufficiency-12m', '2025-01-01', 'cityDistrict').cells.map((c) => [c.key, c.people])).toEqual([['KK-10-BYDELE/VALBY', 5]]);
    expect(report(facts, 'self-sufficiency-12m', '2025-01-01').total.people).toBe(5);
  });

  it('anchors release measures on the first release on or after the enrolment', () => {
    const facts = ['a', 'b', 'c', 'd', 'e'].flatMap((id) =>
      person(id, [
        ['2022-01-01', { type: 'released', conditional: false }],
        ['2023-01-01', enrolled('JOB_EDU_CONVICTED')],
        ['2023-05-01', { type: 'released', conditional: true }, 'KRIMINALFORSORGEN'],
        ['2023-05-08', { type: 'progression-assessed', step: 2 }, 'BIF'],
        ['2023-06-01', { type: 'convicted', offenceCategory: 'violence', dangerousToPersons: true }, 'KBH-POLITI'],
      ]),
    );
    const result = report(facts, 'recidivism-conviction-12m', '2025-01-01');
    expect(result.total).toMatchObject({ people: 5, count: 5 });
    const jobcentre = computeMeasureReport(caseHistories(facts), {
      measure: { code: 'x', title: 'x', anchor: 'release', windowMonths: 1, predicate: { kind: 'release-to-jobcentre-days', contactAgency: 'BIF' } },
      catalogue,
      refData: { ...refData, programmes: new Map([['JOB_EDU_CONVICTED', { ...refData.programmes.get('JOB_EDU_CONVICTED')!, measures: ['x'] }]]) },
      asOf: '2026-01-01T00:00:00.000Z',
      measurementDate: '2025-01-01',
    });
    expect(jobcentre.total).toMatchObject({ people: 5, count: 5, median: 7 });
  });
});

describe('labour-market status', () => {
  it('follows internship, wage subsidy, ordinary job and self-sufficiency over time', () => {
    const [history] = caseHistories(
      person('a', [
        ['2024-01-01', { type: 'employment-started', employmentId: 'e1', kind: 'internship' }],
        ['2024-03-01', { type: 'employment-ended', employmentId: 'e1' }],
        ['2024-03-02', { type: 'employment-started', employmentId: 'e2', kind: 'wage-subsidy' }],
        ['2024-07-01', { type: 'employment-ended', employmentId: 'e2' }],
        ['2024-08-01', { type: 'employment-started', employmentId: 'e3', kind: 'ordinary' }],
        ['2024-09-01', { type: 'self-sufficiency-reached' }],
      ]),
    );
    expect(labourMarketStatusOn(history, '2024-03-01')).toBe('internship');
    expect(labourMarketTimeline(history)).toEqual([
      { from: '2020-01-01', status: 'benefits' },
      { from: '2024-01-01', status: 'internship' },
      { from: '2024-03-02', status: 'wage-subsidy-job' },
      { from: '2024-07-02', status: 'benefits' },
      { from: '2024-08-01', status: 'ordinary-job' },
      { from: '2024-09-01', status: 'self-sufficient' },
    ]);
  });
});

describe('small-cell suppression in every output', () => {
  const facts = [
    ...['a', 'b', 'c'].flatMap((id) => person(id, [['2023-02-01', enrolled()]])),
    ...['d', 'e', 'f', 'g', 'h', 'i'].flatMap((id) =>
      person(id, [
        ['2023-05-01', enrolled()],
        ['2023-06-01', { type: 'self-sufficiency-reached' }],
      ]),
    ),
    ...['j', 'k', 'l', 'm', 'n', 'o', 'p'].flatMap((id) =>
      person(id, [
        ['2023-08-01', enrolled()],
        ['2023-09-01', { type: 'self-sufficiency-reached' }],
      ]),
    ),
  ];
  const result = report(facts, 'self-sufficiency-12m', '2025-01-01', 'period');

  it('hides cells of fewer than 5 people in JSON, and the smallest other cell with a lone hidden one', () => {
    expect(result.cells).toEqual([
      { key: '2023-Q1', people: '<5', count: '<5', share: null, suppressed: true },
      // 16 - 7 - 6 would give Q1 away if Q2 were shown.
      { key: '2023-Q2', people: 'x', count: 'x', share: null, suppressed: true },
      { key: '2023-Q3', people: 7, count: 7, share: 1, suppressed: false },
    ]);
    expect(result.total).toMatchObject({ people: 16, count: 13, share: 0.8125 });
  });

  it('leaves cells alone when two or more are already hidden', () => {
    const twoSmall = [...facts, ...['q', 'r'].flatMap((id) => person(id, [['2023-11-01', enrolled()]]))];
    const cells = report(twoSmall, 'self-sufficiency-12m', '2025-01-01', 'period').cells;
    expect(cells.map((cell) => [cell.key, cell.people])).toEqual([
      ['2023-Q1', '<5'],
      ['2023-Q2', 6],
      ['2023-Q3', 7],
      ['2023-Q4', '<5'],
    ]);
  });

  it('hides them in CSV', () => {
    const csv = measureReportCsv(result);
    expect(csv).toContain('self-sufficiency-12m,2026-01-01T00:00:00.000Z,2025-01-01,,period,2023-Q1,<5,<5,,\r\n');
    expect(csv).not.toMatch(/2023-Q1,3/);
  });

  it('draws them as labelled gaps in the chart', () => {
    const svg = measureReportSvg(result);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(1);
    expect(svg).toContain('>x</text>');
    expect(svg).toContain('class="suppressed"');
    expect(svg).toContain('&lt;5');
    expect(svg).not.toContain('0 of 3');
  });
});
