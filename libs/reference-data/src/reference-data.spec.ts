import agenciesFile from './data/agencies.json';
import districtsFile from './data/districts.json';
import legalBasesFile from './data/legal-bases.json';
import offenceCategoriesFile from './data/offence-categories.json';
import programmesFile from './data/programmes.json';
import progressionScaleFile from './data/progression-scale.json';
import roadMapsFile from './data/road-maps.json';
import { ReferenceDataError } from './json-shape';
import { defaultEntryPoint, loadReferenceData, parseReferenceData } from './reference-data';
import { ReferenceDataFiles } from './types';

const shipped: ReferenceDataFiles = {
  agencies: agenciesFile,
  programmes: programmesFile,
  districts: districtsFile,
  offenceCategories: offenceCategoriesFile,
  legalBases: legalBasesFile,
  roadMaps: roadMapsFile,
  progressionScale: progressionScaleFile,
};

/** A deep copy of the shipped files with one document replaced, to break one thing at a time. */
function withDocument(key: keyof ReferenceDataFiles, edit: (doc: Record<string, unknown>) => void): ReferenceDataFiles {
  const copy = JSON.parse(JSON.stringify(shipped)) as Record<keyof ReferenceDataFiles, Record<string, unknown>>;
  edit(copy[key]);
  return copy;
}

describe('reference data', () => {
  const refData = loadReferenceData();

  it('loads every shipped file with its version', () => {
    expect(refData.versions).toEqual({
      agencies: '2026-11-01',
      programmes: '2026-11-01',
      districts: '2026-11-01',
      offenceCategories: '2026-11-01',
      legalBases: '2026-11-01',
      roadMaps: '2026-11-01',
      progressionScale: '2026-11-01',
    });
  });

  it('knows the agencies of the letter with their kind and data-protection regime', () => {
    expect([...refData.agencies.keys()]).toEqual([
      'BIF', 'SOF', 'BUF', 'KFF', 'OKF', 'KBH-POLITI', 'KRIMINALFORSORGEN', 'KBH-FAENGSLER',
    ]);
    expect(refData.agencies.get('KBH-POLITI')).toMatchObject({ kind: 'police', controllerRegime: 'law-enforcement' });
    expect(refData.agencies.get('KBH-FAENGSLER')).toMatchObject({ kind: 'prison-and-probation' });
    expect(refData.agencies.get('OKF')?.name.da).toBe('Økonomiforvaltningen');
  });

  it('gives every agency a default entry point with fictional example.org contact data', () => {
    for (const agency of refData.agencies.values()) {
      expect(defaultEntryPoint(agency).functionMailbox).toMatch(/@example\.org$/);
    }
  });

  it('marks the exit programme as sealing identity and the gang-conflict programme as widening the age band', () => {
    expect(refData.programmes.get('EXIT')).toMatchObject({ sealsIdentity: true, gangConflict: false });
    expect(refData.programmes.get('GANG_CONFLICT_18_25')).toMatchObject({ gangConflict: true });
    expect(refData.programmes.get('VINK')?.measures).toEqual(['staff-knowledge']);
    expect(refData.programmes.size).toBe(10);
  });

  it('has 35 districts in the 10 city districts of the current geography', () => {
    expect(refData.cityDistricts.size).toBe(10);
    expect(refData.districts.size).toBe(35);
    expect(refData.districts.get('NORREBRO-1')).toMatchObject({ cityDistrict: 'NORREBRO', geography: 'KK-10-BYDELE' });
    expect(refData.geographies.get('KK-10-BYDELE')?.validFrom).toBe('2008-01-01');
  });

  it('never allows disclosure to the police for investigation on any legal basis (section 115(2))', () => {
    expect([...refData.legalBases.keys()]).toEqual(['RPL115-1-1', 'RPL115-1-2', 'RPL115-1-3', 'CONSENT', 'OTHER']);
    for (const basis of refData.legalBases.values()) expect(basis.disclosableToPoliceForInvestigation).toBe(false);
  });

  it('classifies violence as dangerous to persons and theft as not', () => {
    expect(refData.offenceCategories.get('violence')?.dangerousToPersons).toBe(true);
    expect(refData.offenceCategories.get('theft')?.dangerousToPersons).toBe(false);
    expect(refData.offenceCategories.size).toBe(11);
  });

  it('holds the road map for a good release as deadlines relative to admission and release', () => {
    const items = refData.roadMaps.get('GOOD_RELEASE')?.items.map((i) => [i.code, i.anchor, i.offsetDays]);
    expect(items).toEqual(
      expect.arrayContaining([
        ['ADMISSION_NOTICE', 'custody-started', 7],
        ['ACTION_PLAN_MADE', 'custody-started', 28],
        ['MUNICIPALITY_CONTACTED', 'expected-release', -365],
        ['RELEASE_MEETING', 'expected-release', -90],
      ]),
    );
  });

  it('defines a progression scale from 1 to 5', () => {
    expect(refData.progressionScale.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(refData.progressionScale).toMatchObject({ minStep: 1, maxStep: 5 });
  });

  it('is frozen: neither records nor maps can be changed at runtime', () => {
    const agency = refData.agencies.get('BIF');
    expect(Object.isFrozen(agency)).toBe(true);
    expect(Object.isFrozen(agency?.entryPoints[0])).toBe(true);
    expect('set' in refData.agencies).toBe(false);
  });

  it('refuses a programme owned by an unknown agency, naming the path', () => {
    const files = withDocument('programmes', (doc) => {
      (doc.programmes as Array<Record<string, unknown>>)[0]!.ownerAgency = 'NOPE';
    });
    expect(() => parseReferenceData(files)).toThrow(new ReferenceDataError('programmes.programmes[0].ownerAgency', 'unknown agency NOPE'));
  });

  it('refuses a programme that names an unknown road map', () => {
    const files = withDocument('programmes', (doc) => {
      (doc.programmes as Array<Record<string, unknown>>)[0]!.roadMap = 'NOPE';
    });
    expect(() => parseReferenceData(files)).toThrow(/programmes\[0\]\.roadMap: unknown road map NOPE/);
  });

  it('refuses duplicate codes', () => {
    const files = withDocument('offenceCategories', (doc) => {
      const list = doc.offenceCategories as unknown[];
      list.push(list[0]);
    });
    expect(() => parseReferenceData(files)).toThrow(/duplicate code violence/);
  });

  it('refuses an agency kind outside the known kinds', () => {
    const files = withDocument('agencies', (doc) => {
      (doc.agencies as Array<Record<string, unknown>>)[0]!.kind = 'court';
    });
    expect(() => parseReferenceData(files)).toThrow(/agencies\.agencies\[0\]\.kind: expected one of/);
  });

  it('refuses an agency without an entry point', () => {
    const files = withDocument('agencies', (doc) => {
      (doc.agencies as Array<Record<string, unknown>>)[0]!.entryPoints = [];
    });
    expect(() => parseReferenceData(files)).toThrow(/entryPoints: expected at least one element/);
  });

  it('refuses a progression scale with a gap', () => {
    const files = withDocument('progressionScale', (doc) => {
      (doc.steps as unknown[]).splice(1, 1);
    });
    expect(() => parseReferenceData(files)).toThrow(/steps\[1\]\.step: expected step 2/);
  });

  it('refuses a geography whose validFrom is not a calendar date', () => {
    const files = withDocument('districts', (doc) => {
      (doc.geographies as Array<Record<string, unknown>>)[0]!.validFrom = '2008-02-30';
    });
    expect(() => parseReferenceData(files)).toThrow(/validFrom: expected a calendar date/);
  });

  it('refuses a file without a version', () => {
    const files = withDocument('legalBases', (doc) => {
      delete doc.version;
    });
    expect(() => parseReferenceData(files)).toThrow(/legalBases\.version: expected a non-empty string/);
  });
});
