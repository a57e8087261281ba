import type { Language } from './i18n';

/** Copenhagen time, whatever the browser's own zone: case work happens on Danish days. */
const ZONE = 'Europe/Copenhagen';
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

/** A calendar date from the API (yyyy-mm-dd) as the reader's language writes it, e.g. "6. dec. 2026". */
export function formatDate(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(day.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE }).format(day);
}

/** An instant from the API (ISO 8601) in Copenhagen time, e.g. "6. dec. 2026 kl. 09.15". */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(instant);
}
