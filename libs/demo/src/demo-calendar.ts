/** Day arithmetic on `yyyy-mm-dd` strings, in UTC so no daylight-saving shift can move a date. */
import type { IsoDate } from '@samvirke/case';

const DAY_MS = 86_400_000;

function utcMidnight(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** The same day and month `years` later (28 February for a 29 February that does not exist). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const candidate = `${String(year).padStart(4, '0')}${date.slice(4)}`;
  return addDays(candidate, 0).slice(5) === date.slice(5) ? candidate : `${year}-02-28`;
}

/** `minutes` after midnight UTC of `date`. */
export function instantOn(date: IsoDate, minutes: number): Date {
  return new Date(utcMidnight(date) + minutes * 60_000);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
