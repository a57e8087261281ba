import fc from 'fast-check';
import type { AreaEffort } from '@samvirke/reference-data';
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

  it('matches an independent computation for generated efforts, indexes and measurement dates, window edges and month ends included', () => {
    const districtCodes = [...refData.districts.keys()];
    const estateList = [...estates.estates.values()];
    const programmeCodes = ['HOTSPOT_A', 'HOTSPOT_B', 'HOTSPOT_C', 'NOT_PICKED'];
    // Month ends and leap days weigh heavily: that is where a window's end moves.
    const day = fc.oneof(
      fc.record({ year: fc.integer({ min: 2018, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), day: fc.constantFrom(28, 29, 30, 31) }),
      fc.record({ year: fc.integer({ min: 2018, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }),
    );
    const realDay = day
      .filter(({ year, month, day: d }) => new Date(Date.UTC(year, month - 1, d)).getUTCMonth() === month - 1)
      .map(({ year, month, day: d }) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const effort = fc.record({
      programme: fc.constantFrom(...programmeCodes),
      place: fc.oneof(
        fc.constantFrom(...districtCodes).map((district) => ({ district, estate: undefined })),
        fc.constantFrom(...estateList).map((e) => ({ district: e.district, estate: e.code })),
      ),
      startedOn: realDay,
    });
    const indexRow = fc.record({
      code: fc.constantFrom(...districtCodes, ...estateList.map((e) => e.code)),
      year: fc.integer({ min: 2016, max: 2028 }),
      feltSafety: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    });
    fc.assert(
      fc.property(
        fc.array(effort, { maxLength: 12 }),
        fc.uniqueArray(indexRow, { maxLength: 60, selector: (r) => `${r.code}|${r.year}` }),
        realDay,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: -1, max: 1 }),
        fc.constantFrom('safety-index-district', 'safety-index-estate'),
        (generated, rawIndex, randomDate, edgeOf, shift, code) => {
          const efforts: AreaEffort[] = generated.map((e) => ({
            programme: e.programme,
            district: e.place.district,
            estate: e.place.estate,
            startedOn: e.startedOn,
          }));
          const index = rawIndex.map((r) => row(r.code, r.year, r.feltSafety));
          const measure = catalogue.measures.get(code)!;
          // Half the time the measurement date is a window's end, the day before or the day after.
          const edgeEffort = efforts[edgeOf % Math.max(efforts.length, 1)];
          const measurementDate =
            edgeEffort && edgeOf % 2 === 0 ? plusDays(independentWindowEnd(edgeEffort.startedOn, measure.windowMonths), shift) : randomDate;
          const picked = new Set(['HOTSPOT_A', 'HOTSPOT_B', 'HOTSPOT_C']);
          const actual = areaMeasureRows(measure, efforts, picked, index, refData, estates, measurementDate);
          expect(actual).toEqual(
            independentRows(code === 'safety-index-district' ? 'district' : 'estate', measure.windowMonths, efforts, picked, index, measurementDate),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** The window's end written out again: the same day N months on, or that month's last day when it has no such day. */
function independentWindowEnd(startedOn: string, months: number): string {
  const [y, m, d] = startedOn.split('-').map(Number);
  let candidate = new Date(Date.UTC(y, m - 1 + months, d));
  const wantedMonth = (((m - 1 + months) % 12) + 12) % 12;
  while (candidate.getUTCMonth() !== wantedMonth) candidate = new Date(candidate.getTime() - 86_400_000);
  return candidate.toISOString().slice(0, 10);
}

function plusDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function independentRows(
  area: 'district' | 'estate',
  months: number,
  efforts: AreaEffort[],
  picked: Set<string>,
  index: SafetyIndexRow[],
  measurementDate: string,
) {
  const out = [];
  // Efforts in programme order, ties in the order given.
  const ordered = efforts.map((effort, i) => ({ effort, i })).sort((a, b) => a.effort.programme.localeCompare(b.effort.programme) || a.i - b.i);
  for (const { effort } of ordered) {
    if (!picked.has(effort.programme)) continue;
    const areaCode = area === 'district' ? effort.district : effort.estate;
    if (!areaCode) continue;
    const beforeYear = Number(effort.startedOn.slice(0, 4)) - 1;
    const end = independentWindowEnd(effort.startedOn, months);
    const afterYear = Date.parse(end) <= Date.parse(measurementDate) ? Number(end.slice(0, 4)) : null;
    const before = index.find((r) => r.districtCode === areaCode && r.year === beforeYear) ?? null;
    const after = afterYear === null ? null : (index.find((r) => r.districtCode === areaCode && r.year === afterYear) ?? null);
    const missingYears = [before ? undefined : beforeYear, after ? undefined : afterYear].filter((y) => y !== undefined);
    out.push({
      programme: effort.programme,
      area,
      areaCode,
      areaName: area === 'district' ? refData.districts.get(areaCode)!.name : estates.estates.get(areaCode)!.name,
      effortStartedOn: effort.startedOn,
      beforeYear,
      afterYear,
      before,
      after,
      feltSafetyChange: before && after ? Number((after.feltSafety - before.feltSafety).toFixed(2)) : null,
      note:
        afterYear === null
          ? `the window ends ${end}, after the measurement date`
          : missingYears.length > 0
            ? `no safety index imported for ${missingYears.join(' and ')}`
            : null,
    });
  }
  return out;
}
