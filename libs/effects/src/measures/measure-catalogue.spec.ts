import { loadEstates, loadReferenceData, type ReferenceData } from '@samvirke/reference-data';
import type { OutcomeFact, OutcomeFactDetail } from '../outcome/outcome-fact';
import { caseHistories } from '../engine/case-history';
import { computeMeasureReport } from '../engine/measure-report';
import { countedSubject, loadMeasureCatalogue, parseMeasureCatalogue, MeasureDefinitionError, type MeasureCatalogue } from './measure-definition';
import { factsFromDetails } from '../testing/outcome-fact-fixtures';

const refData = loadReferenceData();
const catalogue = loadMeasureCatalogue();

/** Measure codes that programmes name in reference data without a definition in the catalogue. */
function undefinedMeasures(data: Pick<ReferenceData, 'programmes'>, measures: Pick<MeasureCatalogue, 'measures'>): string[] {
  return [...data.programmes.values()].flatMap((p) => p.measures.filter((code) => !measures.measures.has(code)).map((code) => `${p.code}: ${code}`));
}

describe('measure catalogue against reference data', () => {
  it('defines every measure a programme names', () => {
    expect(undefinedMeasures(refData, catalogue)).toEqual([]);
  });

  it('finds a measure named by a programme but not defined', () => {
    const vink = refData.programmes.get('VINK')!;
    const data = { programmes: new Map([['VINK', { ...vink, measures: ['staff-knowledge', 'no-such-measure'] }]]) };
    expect(undefinedMeasures(data, catalogue)).toEqual(['VINK: no-such-measure']);
  });

  it('gives every programme at least one measure it can report, and VINK staff units only', () => {
    for (const p of refData.programmes.values()) expect(p.measures.length).toBeGreaterThan(0);
    expect(refData.programmes.get('VINK')!.measures.map((code) => countedSubject(catalogue.measures.get(code)!.predicate))).toEqual(['staff-units']);
  });

  it('places every area effort that picked a safety-index measure in a district, and an estate under that district', () => {
    const estates = loadEstates(refData);
    const areaProgrammes = [...refData.programmes.values()]
      .filter((p) => p.measures.some((m) => m.startsWith('safety-index')))
      .map((p) => p.code)
      .sort();
    expect(estates.areaEfforts.map((e) => e.programme).sort()).toEqual(areaProgrammes);
    for (const effort of estates.areaEfforts) {
      expect(refData.districts.has(effort.district)).toBe(true);
      if (effort.estate !== undefined) expect(estates.estates.get(effort.estate)?.district).toBe(effort.district);
    }
  });

  it('refuses a definition whose anchor does not fit what it counts', () => {
    const raw = {
      version: 'x',
      suppressionThreshold: 5,
      ageBands: [],
      measures: [{ code: 'a', title: 'a', anchor: 'enrolment', windowMonths: 1, predicate: { kind: 'staff-knowledge-gain' } }],
    };
    expect(() => parseMeasureCatalogue(raw)).toThrow(MeasureDefinitionError);
    expect(() => parseMeasureCatalogue(raw)).toThrow('measures[0].anchor must be training for predicate kind staff-knowledge-gain');
  });
});

describe('flexible jobs (fleksjob) in the job measures', () => {
  /** Five people whose only job is a flexible one, from before enrolment through the window. */
  function flexibleOnly(code: string): number {
    const m = catalogue.measures.get(code)!;
    const facts: OutcomeFact[] = ['a', 'b', 'c', 'd', 'e'].flatMap((caseId) => {
      const details: [string, OutcomeFactDetail][] = [
        ['2020-01-01', { type: 'case-opened', birthDate: '2000-01-01', districtCode: 'NORREBRO-1' }],
        ['2022-01-10', { type: 'enrolled', programmeCode: 'SSP_PLUS' }],
        ['2022-01-10', { type: 'custody-started', custodyKind: 'sentence' }],
        ['2022-01-20', { type: 'employment-started', employmentId: 'j', kind: 'flexible' }],
        ['2022-02-01', { type: 'released', conditional: false }],
      ];
      return factsFromDetails(caseId, details, { recordedAt: '2020-01-01T00:00:00.000Z', agency: 'BIF' });
    });
    const everyone = { ...refData, programmes: new Map([['SSP_PLUS', { ...refData.programmes.get('SSP_PLUS')!, measures: [code] }]]) };
    const report = computeMeasureReport(caseHistories(facts), {
      measure: m,
      catalogue: { ...catalogue, suppressionThreshold: 1 },
      refData: everyone,
      asOf: '2026-01-01T00:00:00.000Z',
      measurementDate: '2025-12-31',
    });
    return report.total.count as number;
  }

  const jobKinds = ['labour-market-status-at', 'ever-wage-subsidy', 'employment-started'];
  const jobMeasures = [...catalogue.measures.values()].filter((m) => jobKinds.includes(m.predicate.kind));

  it('covers the job measures', () => {
    expect(jobMeasures.map((m) => m.code)).toEqual(
      expect.arrayContaining(['job-or-education-at-release', 'employment-ever-12m', 'wage-subsidy-ever', 'leisure-job-started']),
    );
  });

  it.each(jobMeasures.map((m) => [m.code]))('%s: the published definition names flexible jobs exactly when the calculation counts them', (code) => {
    const counted = flexibleOnly(code) > 0;
    const definition = computeMeasureReport([], {
      measure: catalogue.measures.get(code)!,
      catalogue,
      refData,
      asOf: '2026-01-01T00:00:00.000Z',
      measurementDate: '2025-12-31',
    }).measure.definition;
    expect({ code, counted, saysFlexible: /flexible[^.]*fleksjob/.test(definition) }).toEqual({ code, counted, saysFlexible: counted });
  });

  it('counts a flexible job at release for job-or-education-at-release', () => {
    expect(flexibleOnly('job-or-education-at-release')).toBe(5);
  });
});
