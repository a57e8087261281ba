import { loadReferenceData } from '@samvirke/reference-data';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import { cellLabel, measureTitle, reportLabels, unknownCellNote } from './report-labels';

const refData = loadReferenceData();
const { ageBands, measures } = loadMeasureCatalogue();

describe('readable labels of report cells', () => {
  it('names city districts, not geography and code', () => {
    expect(cellLabel('cityDistrict', 'KK-10-BYDELE/VALBY', 'da', refData, ageBands)).toBe('Valby');
    expect(cellLabel('cityDistrict', 'KK-10-BYDELE/OSTERBRO', 'en', refData, ageBands)).toBe('Østerbro');
  });

  it('names programmes and agencies from reference data in the language', () => {
    const vink = refData.programmes.get('VINK')!;
    expect(cellLabel('programme', 'VINK', 'da', refData, ageBands)).toBe(vink.name.da);
    expect(cellLabel('agency', 'BIF', 'en', refData, ageBands)).toBe(refData.agencies.get('BIF')!.name.en);
  });

  it('says quarters, levels and age bands in words', () => {
    expect(cellLabel('period', '2011-Q1', 'da', refData, ageBands)).toBe('1. kvartal 2011');
    expect(cellLabel('period', '2011-Q1', 'en', refData, ageBands)).toBe('Q1 2011');
    expect(cellLabel('level', '3', 'da', refData, ageBands)).toBe('Niveau 3');
    expect(cellLabel('level', 'none', 'en', refData, ageBands)).toBe('No level');
    expect(cellLabel('ageBand', '18-23', 'da', refData, ageBands)).toBe('18-23 år');
    expect(cellLabel('ageBand', 'under-18', 'en', refData, ageBands)).toBe('under 18 years');
    expect(cellLabel('ageBand', '30-and-over', 'da', refData, ageBands)).toBe('30 år og derover');
  });

  it('labels each half of a two-way cell by its own breakdown', () => {
    expect(cellLabel('programme × cityDistrict', 'SSP_PLUS × KK-10-BYDELE/VALBY', 'en', refData, ageBands)).toBe(
      `${refData.programmes.get('SSP_PLUS')!.name.en} × Valby`,
    );
  });

  it('labels the total and unknown cells, and keeps a key it does not know', () => {
    expect(reportLabels('cityDistrict', ['unknown'], 'da', refData, ageBands)).toEqual({ total: 'I alt', unknown: 'Ukendt' });
    expect(cellLabel('programme', 'NO_SUCH', 'en', refData, ageBands)).toBe('NO_SUCH');
  });

  it('has a Danish title for every shipped measure, and the English one in English', () => {
    for (const measure of measures.values()) {
      expect(measureTitle(measure.code, measure.title, 'da')).not.toBe(measure.title);
      expect(measureTitle(measure.code, measure.title, 'en')).toBe(measure.title);
    }
  });
});

describe('the note on people in an unknown city district or age band (issue 21)', () => {
  it('says why, in the language, when a cell is "unknown" under cityDistrict or ageBand', () => {
    expect(unknownCellNote('cityDistrict', ['KK-10-BYDELE/VALBY', 'unknown'], 'en')).toMatch(/^People whose city district is not known .* "Unknown"\.$/);
    expect(unknownCellNote('cityDistrict', ['unknown'], 'da')).toMatch(/^Personer hvis bydel ikke kendes .* "Ukendt"\.$/);
    expect(unknownCellNote('programme × cityDistrict', ['SSP_PLUS × unknown'], 'en')).toMatch(/city district/);
    expect(unknownCellNote('ageBand × cityDistrict', ['unknown × unknown'], 'en')).toMatch(/city district or age/);
  });

  it('is null when nobody is unknown, or "unknown" is of another breakdown', () => {
    expect(unknownCellNote('cityDistrict', ['KK-10-BYDELE/VALBY'], 'en')).toBeNull();
    expect(unknownCellNote('programme × cityDistrict', ['unknown × KK-10-BYDELE/VALBY'], 'en')).toBeNull();
    expect(unknownCellNote(null, [], 'en')).toBeNull();
  });
});
