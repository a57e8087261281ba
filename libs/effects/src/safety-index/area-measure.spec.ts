import { loadEstates, loadReferenceData, parseEstates, ReferenceDataError } from '@samvirke/reference-data';
import { loadMeasureCatalogue } from '../measures/measure-definition';
import { areaMeasureRows } from './area-measure';
import type { SafetyIndexRow } from './safety-index-csv';

const refData = loadReferenceData();
const estates = loadEstates(refData);
const catalogue = loadMeasureCatalogue();
const row = (code: string, year: number, feltSafety: number): SafetyIndexRow => ({
  districtCode: code,
  year,
  feltSafety,
  victimisation: { 'violence-threats': 1, burglary: 1, theft: 1, narcotics: 1, vandalism: 1, harassment: 1 },
});

describe('safety-index measures (per area, never per citizen)', () => {
  const efforts = [{ programme: 'HOTSPOT_AKACIEPARKEN', district: 'VALBY-2', estate: 'AKACIEPARKEN', startedOn: '2024-03-15' }];
  const index = [row('AKACIEPARKEN', 2023, 60), row('AKACIEPARKEN', 2025, 64.25), row('VALBY-2', 2023, 70)];
  const programmes = new Set(['HOTSPOT_AKACIEPARKEN']);

  it('compares the year before the start with the year the window ends, once it has ended', () => {
    const estate = catalogue.measures.get('safety-index-estate')!;
    expect(areaMeasureRows(estate, efforts, programmes, index, refData, estates, '2025-03-15')[0]).toMatchObject({
      beforeYear: 2023,
      afterYear: 2025,
      feltSafetyChange: 4.25,
      note: null,
    });
    expect(areaMeasureRows(estate, efforts, programmes, index, refData, estates, '2025-03-14')[0]).toMatchObject({
      afterYear: null,
      after: null,
      feltSafetyChange: null,
      note: 'the window ends 2025-03-15, after the measurement date',
    });
    const district = catalogue.measures.get('safety-index-district')!;
    expect(areaMeasureRows(district, efforts, programmes, index, refData, estates, '2025-12-31')[0]).toMatchObject({
      areaCode: 'VALBY-2',
      before: { feltSafety: 70 },
      after: null,
      note: 'no safety index imported for 2025',
    });
  });

  it('refuses an estate placed in another district than its effort, naming the path', () => {
    const raw = {
      version: 'x',
      estates: [{ code: 'E', name: 'E', district: 'VALBY-2', validFrom: '2008-01-01' }],
      areaEfforts: [{ programme: 'HOTSPOT_SJAELOR', district: 'VALBY-1', estate: 'E', startedOn: '2024-01-01' }],
    };
    expect(() => parseEstates(raw, refData)).toThrow(ReferenceDataError);
    expect(() => parseEstates(raw, refData)).toThrow(/areaEfforts\[0\]\.estate/);
  });
});
