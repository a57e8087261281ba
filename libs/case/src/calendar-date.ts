/**
 * Calendar arithmetic on `yyyy-mm-dd` strings. Real-world dates in a case are Copenhagen dates, so
 * "today" is the Copenhagen date of `now`, not its UTC date: between midnight and 01:00 or 02:00
 * local time the two differ, and a release that happened "today" must not be refused as future.
 */
import type { IsoDate } from './vocabulary';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const copenhagenCalendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function copenhagenDate(instant: Date): IsoDate {
  const parts = copenhagenCalendar.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Completed years of life on `onDate`. Someone born on 29 February gets a year older on 1 March in
 * common years, because a birthday that does not exist has not yet been reached on 28 February.
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
