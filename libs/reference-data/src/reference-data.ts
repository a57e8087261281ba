/**
 * Loads and validates Samvirke's versioned reference data. The JSON files ship with the code (they
 * are imported, so the compiler copies them into the build), which keeps loading synchronous and
 * free of I/O decisions: a new version of the reference data is a new release.
 *
 * Cross-references are checked here once (a programme's owner agency exists, a road map's items
 * name known agencies, ...) so that every consumer can trust a code it found in a map.
 */
import agenciesFile from './data/agencies.json';
import districtsFile from './data/districts.json';
import legalBasesFile from './data/legal-bases.json';
import offenceCategoriesFile from './data/offence-categories.json';
import programmesFile from './data/programmes.json';
import progressionScaleFile from './data/progression-scale.json';
import roadMapsFile from './data/road-maps.json';
import escalationRulesFile from './data/escalation-rules.json';
import { parseEscalationContact, parseEscalationRules } from './escalation-rules';
import { FrozenMap } from './frozen-map';
import {
  JsonObject,
  ReferenceDataError,
  readArray,
  readBoolean,
  readInteger,
  readIsoDate,
  readNonEmptyArray,
  readObject,
  readOneOf,
  readOptionalInteger,
  readOptionalString,
  readString,
  readStringList,
} from './json-shape';
import {
  AGENCY_KINDS,
  Agency,
  CONTROLLER_REGIMES,
  CUSTODY_KINDS,
  CityDistrict,
  District,
  Geography,
  LegalBasis,
  LocalisedName,
  OffenceCategory,
  Programme,
  ProgressionScale,
  CALENDAR_UNITS,
  ROAD_MAP_STARTS,
  RoadMapAnchor,
  RoadMapStart,
  ReferenceData,
  ReferenceDataFiles,
  ReferralIntake,
  RoadMap,
  StandingEntryPoint,
} from './types';

/** The reference data shipped with this release. */
export function loadReferenceData(): ReferenceData {
  return parseReferenceData({
    agencies: agenciesFile,
    programmes: programmesFile,
    districts: districtsFile,
    offenceCategories: offenceCategoriesFile,
    legalBases: legalBasesFile,
    roadMaps: roadMapsFile,
    progressionScale: progressionScaleFile,
    escalationRules: escalationRulesFile,
  });
}

/** Validates raw documents (from the shipped files or a test's own) into frozen, typed maps. */
export function parseReferenceData(files: ReferenceDataFiles): ReferenceData {
  const agenciesDoc = readObject(files.agencies, 'agencies');
  const agencies = byCode(
    readNonEmptyArray(agenciesDoc.agencies, 'agencies.agencies').map((raw, i) => parseAgency(raw, `agencies.agencies[${i}]`)),
    'agencies.agencies',
  );
  const knownAgency = (code: string, path: string): string => {
    if (!agencies.has(code)) throw new ReferenceDataError(path, `unknown agency ${code}`);
    return code;
  };
  const referralIntake = parseReferralIntake(agenciesDoc.referralIntake, 'agencies.referralIntake', agencies);

  const programmesDoc = readObject(files.programmes, 'programmes');
  const programmes = byCode(
    readNonEmptyArray(programmesDoc.programmes, 'programmes.programmes').map((raw, i) => parseProgramme(raw, `programmes.programmes[${i}]`, knownAgency)),
    'programmes.programmes',
  );
  const knownProgramme = (code: string, path: string): string => {
    if (!programmes.has(code)) throw new ReferenceDataError(path, `unknown programme ${code}`);
    return code;
  };

  const roadMapsDoc = readObject(files.roadMaps, 'roadMaps');
  const roadMaps = byCode(
    readArray(roadMapsDoc.roadMaps, 'roadMaps.roadMaps').map((raw, i) => parseRoadMap(raw, `roadMaps.roadMaps[${i}]`, knownAgency, knownProgramme)),
    'roadMaps.roadMaps',
  );

  const districtsDoc = readObject(files.districts, 'districts');
  const geography = parseGeographies(districtsDoc.geographies, 'districts.geographies');

  const offenceDoc = readObject(files.offenceCategories, 'offenceCategories');
  const offenceCategories = byCode(
    readNonEmptyArray(offenceDoc.offenceCategories, 'offenceCategories.offenceCategories').map((raw, i) => {
      const path = `offenceCategories.offenceCategories[${i}]`;
      const o = readObject(raw, path);
      return deepFreeze<OffenceCategory>({
        code: readString(o.code, `${path}.code`),
        name: parseName(o.name, `${path}.name`),
        dangerousToPersons: readBoolean(o.dangerousToPersons, `${path}.dangerousToPersons`),
      });
    }),
    'offenceCategories.offenceCategories',
  );

  const legalDoc = readObject(files.legalBases, 'legalBases');
  const legalBases = byCode(
    readNonEmptyArray(legalDoc.legalBases, 'legalBases.legalBases').map((raw, i) => {
      const path = `legalBases.legalBases[${i}]`;
      const o = readObject(raw, path);
      return deepFreeze<LegalBasis>({
        code: readString(o.code, `${path}.code`),
        name: parseName(o.name, `${path}.name`),
        description: readString(o.description, `${path}.description`),
        disclosableToPoliceForInvestigation: readBoolean(o.disclosableToPoliceForInvestigation, `${path}.disclosableToPoliceForInvestigation`),
      });
    }),
    'legalBases.legalBases',
  );

  const scaleDoc = readObject(files.progressionScale, 'progressionScale');
  const escalationRules = parseEscalationRules(files.escalationRules ?? escalationRulesFile);

  return Object.freeze<ReferenceData>({
    versions: Object.freeze({
      agencies: readVersion(agenciesDoc, 'agencies'),
      programmes: readVersion(programmesDoc, 'programmes'),
      districts: readVersion(districtsDoc, 'districts'),
      offenceCategories: readVersion(offenceDoc, 'offenceCategories'),
      legalBases: readVersion(legalDoc, 'legalBases'),
      roadMaps: readVersion(roadMapsDoc, 'roadMaps'),
      progressionScale: readVersion(scaleDoc, 'progressionScale'),
      escalationRules: escalationRules.version,
    }),
    agencies,
    referralIntake,
    programmes,
    geographies: geography.geographies,
    cityDistricts: geography.cityDistricts,
    districts: geography.districts,
    offenceCategories,
    legalBases,
    roadMaps,
    progressionScale: parseProgressionScale(scaleDoc, 'progressionScale'),
    escalationRules,
  });
}

/** The entry point a case uses for an agency when nobody has named a more specific one. */
export function defaultEntryPoint(agency: Agency): StandingEntryPoint {
  const [first] = agency.entryPoints;
  if (first === undefined) throw new ReferenceDataError(`agencies.${agency.code}`, 'has no entry point');
  return first;
}

function readVersion(doc: JsonObject, path: string): string {
  return readString(doc.version, `${path}.version`);
}

function parseName(value: unknown, path: string): LocalisedName {
  const o = readObject(value, path);
  return { da: readString(o.da, `${path}.da`), en: readString(o.en, `${path}.en`) };
}

const MAIL_DELIVERIES = ['immediate', 'daily-digest'] as const;

function parseAgency(raw: unknown, path: string): Agency {
  const o = readObject(raw, path);
  const entryPoints = byCode(
    readNonEmptyArray(o.entryPoints, `${path}.entryPoints`).map((value, i): StandingEntryPoint => {
      const p = `${path}.entryPoints[${i}]`;
      const e = readObject(value, p);
      const handles = readStringList(e.handles, `${p}.handles`);
      const handlesDa = readStringList(e.handlesDa, `${p}.handlesDa`);
      if (handlesDa.length !== handles.length) {
        throw new ReferenceDataError(`${p}.handlesDa`, `must have one Danish line for each line of handles (${handles.length})`);
      }
      return {
        code: readString(e.code, `${p}.code`),
        unit: readString(e.unit, `${p}.unit`),
        functionMailbox: readString(e.functionMailbox, `${p}.functionMailbox`),
        phone: readString(e.phone, `${p}.phone`),
        handles,
        handlesDa,
        ...(e.mailDelivery === undefined ? {} : { mailDelivery: readOneOf(e.mailDelivery, MAIL_DELIVERIES, `${p}.mailDelivery`) }),
      };
    }),
    `${path}.entryPoints`,
  );
  return deepFreeze<Agency>({
    code: readString(o.code, `${path}.code`),
    name: parseName(o.name, `${path}.name`),
    kind: readOneOf(o.kind, AGENCY_KINDS, `${path}.kind`),
    controllerRegime: readOneOf(o.controllerRegime, CONTROLLER_REGIMES, `${path}.controllerRegime`),
    entryPoints: [...entryPoints.values()],
    ...(o.escalationContact === undefined ? {} : { escalationContact: parseEscalationContact(o.escalationContact, `${path}.escalationContact`) }),
  });
}

function parseReferralIntake(raw: unknown, path: string, agencies: ReadonlyMap<string, Agency>): ReferralIntake {
  const o = readObject(raw, path);
  const code = readString(o.agency, `${path}.agency`);
  const agency = agencies.get(code);
  if (agency === undefined) throw new ReferenceDataError(`${path}.agency`, `unknown agency ${code}`);
  // The intake's coordinators take cases over, and only a municipal administration coordinates.
  if (agency.kind !== 'municipal-administration') throw new ReferenceDataError(`${path}.agency`, `${code} is not a municipal administration`);
  const entryPointCode = readString(o.entryPoint, `${path}.entryPoint`);
  const entryPoint = agency.entryPoints.find((candidate) => candidate.code === entryPointCode);
  if (entryPoint === undefined) throw new ReferenceDataError(`${path}.entryPoint`, `${code} has no entry point ${entryPointCode}`);
  return Object.freeze({ agency: code, entryPoint });
}

function parseProgramme(raw: unknown, path: string, knownAgency: (code: string, path: string) => string): Programme {
  const o = readObject(raw, path);
  // Road maps name the programme they need in their trigger; a programme naming a road map was the
  // old way round, and silently ignoring it would hide a road map that no longer starts.
  if (o.roadMap !== undefined) throw new ReferenceDataError(`${path}.roadMap`, 'a road map names its programme in its trigger');
  return deepFreeze<Programme>({
    code: readString(o.code, `${path}.code`),
    name: parseName(o.name, `${path}.name`),
    description: readString(o.description, `${path}.description`),
    ownerAgency: knownAgency(readString(o.ownerAgency, `${path}.ownerAgency`), `${path}.ownerAgency`),
    sealsIdentity: readBoolean(o.sealsIdentity, `${path}.sealsIdentity`),
    gangConflict: readBoolean(o.gangConflict, `${path}.gangConflict`),
    measures: readStringList(o.measures, `${path}.measures`),
  });
}

/** Which anchors a road map's items may count from, by what starts it: a release has no expected release left. */
const ANCHORS_BY_START: Readonly<Record<RoadMapStart, readonly RoadMapAnchor[]>> = {
  'custody-started': ['custody-started', 'expected-release'],
  released: ['released'],
};

function parseRoadMap(
  raw: unknown,
  path: string,
  knownAgency: (code: string, path: string) => string,
  knownProgramme: (code: string, path: string) => string,
): RoadMap {
  const o = readObject(raw, path);
  const t = readObject(o.trigger, `${path}.trigger`);
  const startsOn = readOneOf(t.startsOn, ROAD_MAP_STARTS, `${path}.trigger.startsOn`);
  const custodyKind = t.custodyKind === undefined ? undefined : readOneOf(t.custodyKind, CUSTODY_KINDS, `${path}.trigger.custodyKind`);
  const minMonths = readOptionalNonNegative(t.minMonths, `${path}.trigger.minMonths`);
  const minAge = readOptionalNonNegative(t.minAge, `${path}.trigger.minAge`);
  const programmeCode = readOptionalString(t.programme, `${path}.trigger.programme`);
  const programme = programmeCode === undefined ? undefined : knownProgramme(programmeCode, `${path}.trigger.programme`);
  const anchors = ANCHORS_BY_START[startsOn];
  const items = byCode(
    readNonEmptyArray(o.items, `${path}.items`).map((value, i) => {
      const p = `${path}.items[${i}]`;
      const item = readObject(value, p);
      const due = readObject(item.due, `${p}.due`);
      return {
        code: readString(item.code, `${p}.code`),
        title: parseName(item.title, `${p}.title`),
        ownerAgency: knownAgency(readString(item.ownerAgency, `${p}.ownerAgency`), `${p}.ownerAgency`),
        due: {
          amount: readInteger(due.amount, `${p}.due.amount`),
          unit: readOneOf(due.unit, CALENDAR_UNITS, `${p}.due.unit`),
          from: readOneOf(due.from, anchors, `${p}.due.from`),
        },
      };
    }),
    `${path}.items`,
  );
  return deepFreeze<RoadMap>({
    code: readString(o.code, `${path}.code`),
    name: parseName(o.name, `${path}.name`),
    description: readString(o.description, `${path}.description`),
    trigger: {
      startsOn,
      ...(custodyKind === undefined ? {} : { custodyKind }),
      ...(minMonths === undefined ? {} : { minMonths }),
      ...(minAge === undefined ? {} : { minAge }),
      ...(programme === undefined ? {} : { programme }),
    },
    items: [...items.values()],
  });
}

function readOptionalNonNegative(value: unknown, path: string): number | undefined {
  const n = readOptionalInteger(value, path);
  if (n !== undefined && n < 0) throw new ReferenceDataError(path, 'expected an integer of 0 or more');
  return n;
}

function parseGeographies(raw: unknown, path: string): Pick<ReferenceData, 'geographies' | 'cityDistricts' | 'districts'> {
  const geographies: Geography[] = [];
  const cityDistricts: CityDistrict[] = [];
  const districts: District[] = [];
  readNonEmptyArray(raw, path).forEach((value, g) => {
    const gp = `${path}[${g}]`;
    const geo = readObject(value, gp);
    const geographyCode = readString(geo.code, `${gp}.code`);
    const cityCodes: string[] = [];
    readNonEmptyArray(geo.cityDistricts, `${gp}.cityDistricts`).forEach((cityValue, c) => {
      const cp = `${gp}.cityDistricts[${c}]`;
      const city = readObject(cityValue, cp);
      const cityCode = readString(city.code, `${cp}.code`);
      const districtCodes = readNonEmptyArray(city.districts, `${cp}.districts`).map((districtValue, d) => {
        const dp = `${cp}.districts[${d}]`;
        const district = readObject(districtValue, dp);
        const code = readString(district.code, `${dp}.code`);
        districts.push(
          deepFreeze<District>({
            code,
            name: readString(district.name, `${dp}.name`),
            cityDistrict: cityCode,
            geography: geographyCode,
          }),
        );
        return code;
      });
      cityCodes.push(cityCode);
      cityDistricts.push(
        deepFreeze<CityDistrict>({
          code: cityCode,
          name: readString(city.name, `${cp}.name`),
          geography: geographyCode,
          districts: districtCodes,
        }),
      );
    });
    geographies.push(deepFreeze<Geography>({ code: geographyCode, validFrom: readIsoDate(geo.validFrom, `${gp}.validFrom`), cityDistricts: cityCodes }));
  });
  return {
    geographies: byCode(geographies, path),
    cityDistricts: byCode(cityDistricts, `${path}[].cityDistricts`),
    districts: byCode(districts, `${path}[].cityDistricts[].districts`),
  };
}

function parseProgressionScale(doc: JsonObject, path: string): ProgressionScale {
  const steps = readNonEmptyArray(doc.steps, `${path}.steps`).map((value, i) => {
    const p = `${path}.steps[${i}]`;
    const s = readObject(value, p);
    const step = readInteger(s.step, `${p}.step`);
    // Reports compare and average steps, so the scale must be the contiguous run 1, 2, ..., n.
    if (step !== i + 1) throw new ReferenceDataError(`${p}.step`, `expected step ${i + 1}`);
    return { step, label: parseName(s.label, `${p}.label`) };
  });
  return deepFreeze<ProgressionScale>({
    code: readString(doc.code, `${path}.code`),
    steps,
    minStep: 1,
    maxStep: steps.length,
  });
}

function byCode<T extends { readonly code: string }>(items: readonly T[], path: string): FrozenMap<string, T> {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) throw new ReferenceDataError(path, `duplicate code ${item.code}`);
    seen.add(item.code);
  }
  return new FrozenMap(items.map((item) => [item.code, item] as const));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}
