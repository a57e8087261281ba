import estatesFile from './data/estates.json';
import { FrozenMap } from './frozen-map';
import { ReferenceDataError, readArray, readIsoDate, readObject, readOptionalString, readString } from './json-shape';
import type { ReferenceData } from './types';

/** A housing estate ("boligområde") inside a district of a versioned geography. */
export interface Estate {
  readonly code: string;
  readonly name: string;
  readonly district: string;
  readonly validFrom: string;
}

/** Where an area effort (a hotspot programme) works and since when: its district and, where known, its estate. */
export interface AreaEffort {
  readonly programme: string;
  readonly district: string;
  readonly estate: string | undefined;
  readonly startedOn: string;
}

export interface Estates {
  readonly version: string;
  readonly estates: ReadonlyMap<string, Estate>;
  readonly areaEfforts: readonly AreaEffort[];
}

/** The estates shipped with this release, checked against the districts and programmes of `refData`. */
export function loadEstates(refData: Pick<ReferenceData, 'districts' | 'programmes'>): Estates {
  return parseEstates(estatesFile, refData);
}

export function parseEstates(raw: unknown, refData: Pick<ReferenceData, 'districts' | 'programmes'>): Estates {
  const doc = readObject(raw, 'estates');
  const version = readString(doc.version, 'estates.version');
  const estates = new Map<string, Estate>();
  readArray(doc.estates, 'estates.estates').forEach((value, i) => {
    const path = `estates.estates[${i}]`;
    const e = readObject(value, path);
    const code = readString(e.code, `${path}.code`);
    const district = readString(e.district, `${path}.district`);
    if (!refData.districts.has(district)) throw new ReferenceDataError(`${path}.district`, `unknown district ${district}`);
    if (estates.has(code) || refData.districts.has(code)) throw new ReferenceDataError(`${path}.code`, `duplicate code ${code}`);
    estates.set(code, Object.freeze({ code, name: readString(e.name, `${path}.name`), district, validFrom: readIsoDate(e.validFrom, `${path}.validFrom`) }));
  });
  const areaEfforts = readArray(doc.areaEfforts, 'estates.areaEfforts').map((value, i): AreaEffort => {
    const path = `estates.areaEfforts[${i}]`;
    const a = readObject(value, path);
    const programme = readString(a.programme, `${path}.programme`);
    if (!refData.programmes.has(programme)) throw new ReferenceDataError(`${path}.programme`, `unknown programme ${programme}`);
    const district = readString(a.district, `${path}.district`);
    if (!refData.districts.has(district)) throw new ReferenceDataError(`${path}.district`, `unknown district ${district}`);
    const estate = readOptionalString(a.estate, `${path}.estate`);
    const startedOn = readIsoDate(a.startedOn, `${path}.startedOn`);
    if (estate !== undefined) {
      const known = estates.get(estate);
      if (known === undefined) throw new ReferenceDataError(`${path}.estate`, `unknown estate ${estate}`);
      if (known.district !== district) throw new ReferenceDataError(`${path}.estate`, `estate ${estate} lies in ${known.district}, not ${district}`);
      if (known.validFrom > startedOn) throw new ReferenceDataError(`${path}.estate`, `estate ${estate} is valid only from ${known.validFrom}`);
    }
    return Object.freeze({ programme, district, estate, startedOn });
  });
  return Object.freeze({ version, estates: new FrozenMap(estates), areaEfforts: Object.freeze(areaEfforts) });
}
