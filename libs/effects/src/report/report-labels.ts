import type { ReferenceData } from '@samvirke/reference-data';
import type { AgeBand } from '../measures/measure-definition';
import titlesDa from '../data/measure-titles-da.json';

/**
 * Readable labels for a report's cells, in Danish or English (`lang=`): programme and agency names
 * from reference data, city district names instead of "geography/code", quarters and age bands in
 * words. Keys stay as they are (machine-readable, stable across languages); the labels travel
 * beside them, so a report in Danish and one in English hold the same figures under the same keys.
 */
export const REPORT_LANGUAGES = ['da', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

type LabelData = Pick<ReferenceData, 'programmes' | 'cityDistricts' | 'agencies'>;

const WORDS: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>> = {
  da: {
    total: 'I alt',
    unknown: 'Ukendt',
    none: 'Intet niveau',
    level: 'Niveau',
    quarter: 'kvartal',
    years: 'år',
    under: 'under',
    andOver: 'og derover',
    other: 'Anden alder',
  },
  en: {
    total: 'Total',
    unknown: 'Unknown',
    none: 'No level',
    level: 'Level',
    quarter: 'Q',
    years: 'years',
    under: 'under',
    andOver: 'and over',
    other: 'Other age',
  },
};

/** The measure's title in the language: Danish titles of the shipped measures (data/measure-titles-da.json), else the definition's own. */
export function measureTitle(code: string, title: string, lang: ReportLanguage, definitionTitleDa?: string): string {
  if (lang === 'en') return title;
  return definitionTitleDa ?? (titlesDa as Record<string, string | undefined>)[code] ?? title;
}

/** The label of one cell key under a breakdown ("programme", "cityDistrict", "programme × cityDistrict", ...). */
export function cellLabel(breakdown: string | null, key: string, lang: ReportLanguage, data: LabelData, ageBands: readonly AgeBand[]): string {
  const words = WORDS[lang];
  if (key === 'total') return words.total;
  const parts = breakdown?.split(' × ') ?? [];
  const keys = parts.length > 1 ? key.split(' × ') : [key];
  return keys.map((part, i) => oneLabel(parts[i] ?? breakdown ?? '', part, lang, data, ageBands)).join(' × ');
}

function oneLabel(breakdown: string, key: string, lang: ReportLanguage, data: LabelData, ageBands: readonly AgeBand[]): string {
  const words = WORDS[lang];
  if (key === 'unknown') return words.unknown;
  switch (breakdown) {
    case 'programme':
      return data.programmes.get(key)?.name[lang] ?? key;
    case 'agency':
      return data.agencies.get(key)?.name[lang] ?? key;
    case 'cityDistrict': {
      const code = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
      return data.cityDistricts.get(code)?.name ?? key;
    }
    case 'level':
      return key === 'none' ? words.none : `${words.level} ${key}`;
    case 'ageBand': {
      const band = ageBands.find((b) => b.code === key);
      if (band === undefined) return key === 'other' ? words.other : key;
      if (band.minAge === 0) return `${words.under} ${band.maxAge + 1} ${words.years}`;
      if (band.maxAge >= 120) return `${band.minAge} ${words.years} ${words.andOver}`;
      return `${band.minAge}-${band.maxAge} ${words.years}`;
    }
    case 'period': {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
      if (quarter === null) return key;
      return lang === 'da' ? `${quarter[2]}. ${words.quarter} ${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
    }
    default:
      return key;
  }
}

/** Every cell's label, keyed by the cell's key, the total's included. */
export function reportLabels(
  breakdown: string | null,
  keys: readonly string[],
  lang: ReportLanguage,
  data: LabelData,
  ageBands: readonly AgeBand[],
): Record<string, string> {
  const labels: Record<string, string> = { total: cellLabel(breakdown, 'total', lang, data, ageBands) };
  for (const key of keys) labels[key] = cellLabel(breakdown, key, lang, data, ageBands);
  return labels;
}

/**
 * The report's note when people fall in an "unknown" city district or age band: their birth date or
 * district is not known (the citizen was erased, or it is sealed under a key this server cannot open),
 * so they are counted in the cell `unknown` rather than left out or guessed. Null otherwise.
 */
export function unknownCellNote(breakdown: string | null, keys: readonly string[], lang: ReportLanguage): string | null {
  const parts = breakdown?.split(' × ') ?? [];
  const unknownIn = (name: string) => {
    const at = parts.indexOf(name);
    return at >= 0 && keys.some((key) => (parts.length > 1 ? key.split(' × ')[at] : key) === 'unknown');
  };
  const what = [unknownIn('cityDistrict') ? 'cityDistrict' : undefined, unknownIn('ageBand') ? 'ageBand' : undefined].filter((w) => w !== undefined);
  if (what.length === 0) return null;
  if (lang === 'da') {
    const words = what.map((w) => (w === 'cityDistrict' ? 'bydel' : 'alder')).join(' eller ');
    return `Personer hvis ${words} ikke kendes (borgerens data er slettet, eller de er forseglet under en nøgle, serveren ikke har) tælles under "Ukendt".`;
  }
  const words = what.map((w) => (w === 'cityDistrict' ? 'city district' : 'age')).join(' or ');
  return `People whose ${words} is not known (the citizen's data was erased, or it is sealed under a key this server does not hold) are counted under "Unknown".`;
}
