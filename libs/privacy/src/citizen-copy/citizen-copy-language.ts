import type { ReferenceData } from '@samvirke/reference-data';

/** The languages the citizen's copy is written in: Danish by default, English on request. */
export const COPY_LANGUAGES = ['da', 'en'] as const;
export type CopyLanguage = (typeof COPY_LANGUAGES)[number];

export function isCopyLanguage(value: string): value is CopyLanguage {
  return (COPY_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language from `Accept-Language` (RFC 9110 weights): the first of da/en by weight, Danish when
 * neither is named (the copy is made by a Danish municipality for its citizens).
 */
export function languageFromAcceptLanguage(header: string | undefined): CopyLanguage {
  if (!header) return 'da';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && isCopyLanguage(entry.primary))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranked[0]?.primary as CopyLanguage | undefined) ?? 'da';
}

const ZONE = 'Europe/Copenhagen';
const LOCALE: Record<CopyLanguage, string> = { da: 'da-DK', en: 'en-GB' };

/** "3. marts 2026" / "3 March 2026" for a calendar date `yyyy-mm-dd` (a real-world date, no time zone to apply). */
export function formatCalendarDate(date: string, lang: CopyLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utcNoon = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', dateStyle: 'long' }).format(utcNoon);
}

/** The Copenhagen date of an instant, as `formatCalendarDate` writes it. */
export function formatInstantDate(instant: string, lang: CopyLanguage): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, dateStyle: 'long' }).format(at);
}

/** "3. marts 2026 kl. 11.00" / "3 March 2026 at 11:00", Copenhagen time. */
export function formatInstant(instant: string, lang: CopyLanguage): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, dateStyle: 'long', timeStyle: 'short' }).format(at);
}

/** The names a citizen reads instead of codes, from reference data; an unknown code is shown as it is. */
export class CopyNames {
  constructor(
    private readonly reference: Pick<
      ReferenceData,
      'agencies' | 'programmes' | 'districts' | 'cityDistricts' | 'offenceCategories' | 'legalBases' | 'progressionScale'
    >,
    readonly lang: CopyLanguage,
  ) {}

  agency(code: string | null | undefined): string {
    if (!code) return this.lang === 'da' ? 'Systemet' : 'The system';
    return this.reference.agencies.get(code)?.name[this.lang] ?? code;
  }

  agencies(codes: readonly string[]): string {
    return this.list(codes.map((code) => this.agency(code)));
  }

  programme(code: string): string {
    return this.reference.programmes.get(code)?.name[this.lang] ?? code;
  }

  /** "Blågården (Nørrebro)": the area and its city district. */
  district(code: string | null): string {
    if (!code) return '';
    const district = this.reference.districts.get(code);
    if (!district) return code;
    const city = this.reference.cityDistricts.get(district.cityDistrict)?.name;
    return city ? `${district.name} (${city})` : district.name;
  }

  offence(code: string): string {
    return this.reference.offenceCategories.get(code)?.name[this.lang] ?? code;
  }

  legalBasis(code: string): string {
    return this.reference.legalBases.get(code)?.name[this.lang] ?? code;
  }

  progressionStep(step: number): string {
    const found = this.reference.progressionScale.steps.find((candidate) => candidate.step === step);
    return found ? `${step} (${found.label[this.lang]})` : String(step);
  }

  /** "A, B og C" / "A, B and C". */
  list(items: readonly string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${this.lang === 'da' ? 'og' : 'and'} ${items[items.length - 1]}`;
  }
}
