/**
 * The district safety index ("Tryghedsindekset") as delivered in CSV: one line per district and
 * year with felt safety (0-100) and victimisation per crime type (percent). Validation collects
 * every problem with its line number, so an import is all or nothing and the sender can fix the
 * file in one go.
 */
export const CRIME_TYPES = ['violence-threats', 'burglary', 'theft', 'narcotics', 'vandalism', 'harassment'] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];

export interface SafetyIndexRow {
  readonly districtCode: string;
  readonly year: number;
  readonly feltSafety: number;
  readonly victimisation: Readonly<Record<CrimeType, number>>;
}

export interface SafetyIndexProblem {
  readonly line: number;
  readonly message: string;
}

export const SAFETY_INDEX_COLUMNS = ['district', 'year', 'felt_safety', ...CRIME_TYPES] as const;

/**
 * `area` names the first column: district (codes from districts.json) or estate (a housing estate's
 * code from estates.json); the row's `districtCode` then holds the estate's code.
 */
export function parseSafetyIndexCsv(
  csv: string,
  knownDistricts: ReadonlySet<string>,
  area: 'district' | 'estate' = 'district',
): { rows: SafetyIndexRow[]; problems: SafetyIndexProblem[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: SafetyIndexProblem[] = [];
  const rows: SafetyIndexRow[] = [];
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const columns = [area, ...SAFETY_INDEX_COLUMNS.slice(1)];
  if (header.join(',') !== columns.join(',')) {
    return { rows, problems: [{ line: 1, message: `the header must be exactly: ${columns.join(',')}` }] };
  }
  const seen = new Set<string>();
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') return;
    const fields = text.split(',').map((f) => f.trim());
    if (fields.length !== SAFETY_INDEX_COLUMNS.length) {
      problems.push({ line, message: `expected ${SAFETY_INDEX_COLUMNS.length} fields, found ${fields.length}` });
      return;
    }
    const [districtCode, yearText, feltText, ...crimeTexts] = fields;
    const before = problems.length;
    if (!knownDistricts.has(districtCode))
      problems.push({ line, message: `${area} is not ${area === 'estate' ? 'an estate' : 'a district'} code from reference data` });
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) problems.push({ line, message: 'year must be a four-digit year between 2000 and 2100' });
    const feltSafety = percent(feltText);
    if (feltSafety === undefined) problems.push({ line, message: 'felt_safety must be a number from 0 to 100' });
    const victimisation = {} as Record<CrimeType, number>;
    CRIME_TYPES.forEach((type, k) => {
      const value = percent(crimeTexts[k]);
      if (value === undefined) problems.push({ line, message: `${type} must be a percentage from 0 to 100` });
      else victimisation[type] = value;
    });
    const key = `${districtCode}|${yearText}`;
    if (seen.has(key)) problems.push({ line, message: `the same ${area} and year appear on an earlier line` });
    seen.add(key);
    if (problems.length === before) rows.push({ districtCode, year, feltSafety: feltSafety as number, victimisation });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 2, message: 'the file has no data lines' });
  return { rows, problems };
}

function percent(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : undefined;
}
