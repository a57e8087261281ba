import agenciesFile from './data/agencies.json';
import districtsFile from './data/districts.json';
import legalBasesFile from './data/legal-bases.json';
import offenceCategoriesFile from './data/offence-categories.json';
import programmesFile from './data/programmes.json';
import progressionScaleFile from './data/progression-scale.json';
import roadMapsFile from './data/road-maps.json';
import escalationRulesFile from './data/escalation-rules.json';
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
      agencies: '2026-12-08',
      programmes: '2026-11-01',
      districts: '2026-11-01',
      offenceCategories: '2026-11-01',
      legalBases: '2026-11-01',
      roadMaps: '2026-12-08',
      progressionScale: '2026-11-01',
      escalationRules: '2026-12-06',
    });
  });

  it('knows the agencies of the letter with their kind and data-protection regime', () => {
    expect([...refData.agencies.keys()]).toEqual(['BIF', 'SOF', 'BUF', 'KFF', 'OKF', 'KBH-POLITI', 'KRIMINALFORSORGEN', 'KBH-FAENGSLER']);
    expect(refData.agencies.get('KBH-POLITI')).toMatchObject({ kind: 'police', controllerRegime: 'law-enforcement' });
    expect(refData.agencies.get('KBH-FAENGSLER')).toMatchObject({ kind: 'prison-and-probation' });
    expect(refData.agencies.get('OKF')?.name.da).toBe('Økonomiforvaltningen');
  });

  it('gives every agency a default entry point with fictional example.org contact data', () => {
    for (const agency of refData.agencies.values()) {
      expect(defaultEntryPoint(agency).functionMailbox).toMatch(/@example\.org$/);
    }
  });

  it('gives every agency an escalation contact: a function with a fictional example.org mailbox', () => {
    for (const agency of refData.agencies.values()) {
      expect(agency.escalationContact?.functionMailbox).toMatch(/@example\.org$/);
      expect(agency.escalationContact?.functionMailbox).not.toBe(defaultEntryPoint(agency).functionMailbox);
    }
  });

  it('reads the escalation rules: information after 2 and 4 working days, a request on and 2 working days after its due date', () => {
    const { flows } = refData.escalationRules;
    expect(flows.information.steps.map((s) => [s.step, s.afterWorkingDays, s.notify])).toEqual([
      ['reminder', 2, ['entry-point']],
      ['escalation', 4, ['escalation-contact', 'coordinator']],
    ]);
    expect(flows.request.steps.map((s) => [s.step, s.afterWorkingDays])).toEqual([
      ['reminder', 0],
      ['escalation', 2],
    ]);
  });

  it('refuses escalation rules whose steps are out of order or whose closed day does not exist', () => {
    const rules = JSON.parse(JSON.stringify(escalationRulesFile)) as {
      flows: { information: { steps: { afterWorkingDays: number }[] } };
      alsoClosed: { month: number; day: number }[];
    };
    rules.flows.information.steps[1].afterWorkingDays = 2;
    expect(() => parseReferenceData({ ...shipped, escalationRules: rules })).toThrow(/escalationRules\.flows\.information\.steps\[1\]\.afterWorkingDays/);
    const badDay = JSON.parse(JSON.stringify(escalationRulesFile)) as typeof rules;
    badDay.alsoClosed[0] = { month: 2, day: 29 };
    expect(() => parseReferenceData({ ...shipped, escalationRules: badDay })).toThrow(/escalationRules\.alsoClosed\[0\]/);
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

  it('holds the road map for a good release as deadlines in calendar units relative to admission and release', () => {
    const items = refData.roadMaps.get('GOOD_RELEASE')?.items.map((i) => [i.code, i.due]);
    expect(items).toEqual(
      expect.arrayContaining([
        ['ADMISSION_NOTICE', { amount: 1, unit: 'weeks', from: 'custody-started' }],
        ['ACTION_PLAN_MADE', { amount: 4, unit: 'weeks', from: 'custody-started' }],
        ['MUNICIPALITY_CONTACTED', { amount: -1, unit: 'years', from: 'expected-release' }],
        ['RELEASE_MEETING', { amount: -3, unit: 'months', from: 'expected-release' }],
      ]),
    );
  });

  it('states what starts each road map as data', () => {
    const triggers = Object.fromEntries([...refData.roadMaps.values()].map((roadMap) => [roadMap.code, roadMap.trigger]));
    expect(triggers).toEqual({
      GOOD_RELEASE: { startsOn: 'custody-started', custodyKind: 'sentence', minMonths: 4, minAge: 18 },
      REMAND_JOB_EDU: { startsOn: 'custody-started', custodyKind: 'remand', minAge: 18 },
      EXIT_IN_CUSTODY: { startsOn: 'custody-started', programme: 'EXIT' },
      EXIT_RELEASE_HANDOVER: { startsOn: 'released', programme: 'EXIT' },
    });
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
      (doc.programmes as Array<Record<string, unknown>>)[0].ownerAgency = 'NOPE';
    });
    expect(() => parseReferenceData(files)).toThrow(new ReferenceDataError('programmes.programmes[0].ownerAgency', 'unknown agency NOPE'));
  });

  it('refuses a programme that names a road map: road maps name their programme in their trigger', () => {
    const files = withDocument('programmes', (doc) => {
      (doc.programmes as Array<Record<string, unknown>>)[0].roadMap = 'GOOD_RELEASE';
    });
    expect(() => parseReferenceData(files)).toThrow(/programmes\[0\]\.roadMap: a road map names its programme in its trigger/);
  });

  it('refuses a road map triggered by an unknown programme', () => {
    const files = withDocument('roadMaps', (doc) => {
      ((doc.roadMaps as Array<Record<string, unknown>>)[0].trigger as Record<string, unknown>).programme = 'NOPE';
    });
    expect(() => parseReferenceData(files)).toThrow(new ReferenceDataError('roadMaps.roadMaps[0].trigger.programme', 'unknown programme NOPE'));
  });

  it('gives every road-map item a title in Danish and in English', () => {
    const titles = [...refData.roadMaps.values()].flatMap((roadMap) => roadMap.items.map((item) => item.title));
    expect(titles.length).toBe(13);
    for (const title of titles) expect(title.da).not.toBe(title.en);
    expect(refData.roadMaps.get('GOOD_RELEASE')?.items.find((item) => item.code === 'RELEASE_MEETING')?.title).toEqual({
      da: 'Løsladelsesmøde holdt',
      en: 'Release meeting held',
    });
  });

  it('refuses a road-map item whose title is not in both languages, naming the path', () => {
    const item = (doc: Record<string, unknown>) => ((doc.roadMaps as Array<Record<string, unknown>>)[0].items as Array<Record<string, unknown>>)[0];
    const englishOnly = withDocument('roadMaps', (doc) => void (item(doc).title = 'Prison notifies the municipality of the admission'));
    expect(() => parseReferenceData(englishOnly)).toThrow(new ReferenceDataError('roadMaps.roadMaps[0].items[0].title', 'expected an object'));
    const noDanish = withDocument('roadMaps', (doc) => void (item(doc).title = { en: 'Prison notifies the municipality of the admission' }));
    expect(() => parseReferenceData(noDanish)).toThrow(new ReferenceDataError('roadMaps.roadMaps[0].items[0].title.da', 'expected a non-empty string'));
  });

  it('refuses an offset in an unknown unit, or from an anchor the trigger does not have', () => {
    const unit = withDocument('roadMaps', (doc) => {
      const item = ((doc.roadMaps as Array<Record<string, unknown>>)[0].items as Array<Record<string, Record<string, unknown>>>)[0];
      item.due.unit = 'fortnights';
    });
    expect(() => parseReferenceData(unit)).toThrow(/roadMaps\.roadMaps\[0\]\.items\[0\]\.due\.unit: expected one of days, weeks, months, years/);
    const anchor = withDocument('roadMaps', (doc) => {
      const released = (doc.roadMaps as Array<Record<string, unknown>>).find((m) => (m.trigger as Record<string, unknown>).startsOn === 'released')!;
      (released.items as Array<Record<string, Record<string, unknown>>>)[0].due.from = 'expected-release';
    });
    expect(() => parseReferenceData(anchor)).toThrow(/\.due\.from: expected one of released/);
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
      (doc.agencies as Array<Record<string, unknown>>)[0].kind = 'court';
    });
    expect(() => parseReferenceData(files)).toThrow(/agencies\.agencies\[0\]\.kind: expected one of/);
  });

  it('names the unit that receives referrals: the municipal SSP+ intake, BIF with entry point BIF-SSP-PLUS', () => {
    expect(refData.referralIntake.agency).toBe('BIF');
    expect(refData.referralIntake.entryPoint).toMatchObject({ code: 'BIF-SSP-PLUS', functionMailbox: 'ssp-plus.bif@example.org' });
  });

  it('refuses a referral intake that is missing, not a municipal administration, or names an entry point its agency lacks', () => {
    expect(() => parseReferenceData(withDocument('agencies', (doc) => void delete doc.referralIntake))).toThrow(/agencies\.referralIntake/);
    expect(() => parseReferenceData(withDocument('agencies', (doc) => void ((doc.referralIntake as Record<string, unknown>).agency = 'KBH-POLITI')))).toThrow(
      /agencies\.referralIntake\.agency: KBH-POLITI is not a municipal administration/,
    );
    expect(() => parseReferenceData(withDocument('agencies', (doc) => void ((doc.referralIntake as Record<string, unknown>).entryPoint = 'SOF-EXIT')))).toThrow(
      /agencies\.referralIntake\.entryPoint: BIF has no entry point SOF-EXIT/,
    );
  });

  it('refuses an agency without an entry point', () => {
    const files = withDocument('agencies', (doc) => {
      (doc.agencies as Array<Record<string, unknown>>)[0].entryPoints = [];
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
      (doc.geographies as Array<Record<string, unknown>>)[0].validFrom = '2008-02-30';
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
