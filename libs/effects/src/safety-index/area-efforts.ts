import type { ReferenceData } from '@samvirke/reference-data';
import { caseHistories, factsOfType } from '../engine/case-history';
import { publishCell, type PublishedCount } from '@samvirke/platform/disclosure/small-cell-suppression';
import type { OutcomeFact } from '../outcome/outcome-fact';
import type { SafetyIndexRow } from './safety-index-csv';

/** Area efforts are the programmes that picked the district safety index as their measure. */
export const AREA_EFFORT_MEASURE = 'safety-index-district';

export interface DistrictSafetyView {
  readonly districtCode: string;
  readonly districtName: string | null;
  readonly cityDistrict: string | null;
  readonly geography: string | null;
  readonly safetyIndex: SafetyIndexRow | null;
  /** People enrolled in each area effort during the year, among citizens living in the district. */
  readonly areaEfforts: readonly { programme: string; enrolled: PublishedCount }[];
}

export function districtSafetyViews(
  year: number,
  index: readonly SafetyIndexRow[],
  facts: readonly OutcomeFact[],
  refData: Pick<ReferenceData, 'programmes' | 'districts'>,
  threshold: number,
): DistrictSafetyView[] {
  const efforts = [...refData.programmes.values()]
    .filter((p) => p.measures.includes(AREA_EFFORT_MEASURE))
    .map((p) => p.code)
    .sort();
  const enrolled = new Map<string, Set<string>>();
  for (const history of caseHistories(facts)) {
    if (history.districtCode === undefined) continue;
    for (const fact of factsOfType(history, 'enrolled')) {
      if (!efforts.includes(fact.detail.programmeCode) || Number(fact.on.slice(0, 4)) !== year) continue;
      const key = `${history.districtCode}|${fact.detail.programmeCode}`;
      enrolled.set(key, (enrolled.get(key) ?? new Set()).add(history.caseId));
    }
  }
  const districts = new Set([...index.map((row) => row.districtCode), ...[...enrolled.keys()].map((key) => key.split('|')[0])]);
  return [...districts].sort().map((code) => {
    const district = refData.districts.get(code);
    const counts = efforts.flatMap((programme) => {
      const people = enrolled.get(`${code}|${programme}`)?.size ?? 0;
      return people === 0 ? [] : [{ programme, enrolled: publishCell(programme, { people, count: people }, threshold).people }];
    });
    return {
      districtCode: code,
      districtName: district?.name ?? null,
      cityDistrict: district?.cityDistrict ?? null,
      geography: district?.geography ?? null,
      safetyIndex: index.find((row) => row.districtCode === code) ?? null,
      areaEfforts: counts,
    };
  });
}
