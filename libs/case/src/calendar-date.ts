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

const HOUR_MS = 3_600_000;
/** 1900-01-01T00:00Z: from here on Copenhagen's offset from UTC is always whole hours, and it changes only on the hour. */
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1900, 0, 1);
const DATES_BY_UTC_HOUR_KEPT = 4_096;
const datesByUtcHour = new Map<number, IsoDate>();

/**
 * The Copenhagen date of an instant. Every instant of one UTC hour has the same Copenhagen date (the
 * offset is whole hours and moves only on the hour), so the answer is kept per UTC hour: a rebuild
 * asks for hundreds of thousands of recorded times that fall in a few hours, and `formatToParts`
 * was most of the timeline fold's own CPU.
 */
export function copenhagenDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (!(ms >= WHOLE_HOUR_OFFSETS_FROM)) return formatCopenhagenDate(instant);
  const hour = Math.floor(ms / HOUR_MS);
  const known = datesByUtcHour.get(hour);
  if (known !== undefined) return known;
  const date = formatCopenhagenDate(instant);
  if (datesByUtcHour.size >= DATES_BY_UTC_HOUR_KEPT) datesByUtcHour.clear();
  datesByUtcHour.set(hour, date);
  return date;
}

function formatCopenhagenDate(instant: Date): IsoDate {
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
