/**
 * Calendar arithmetic on `yyyy-mm-dd` dates in the units road maps state their deadlines in. "At
 * least 3 months before release" is a calendar rule, not 90 days: 3 months before 1 December is
 * 1 September. A month step keeps the day of the month and, where the target month is shorter,
 * lands on its last day (31 May - 3 months = 28 or 29 February), as people count months; a year is
 * 12 months (29 February 2028 + 1 year = 28 February 2029); a week is 7 days.
 */
import type { CalendarOffset, CalendarUnit } from '@samvirke/reference-data';

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (months 1-12 here, 0-11 for Date.UTC).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

export function addCalendar(date: string, amount: number, unit: CalendarUnit): string {
  switch (unit) {
    case 'days':
      return addDays(date, amount);
    case 'weeks':
      return addDays(date, amount * 7);
    case 'months':
      return addMonths(date, amount);
    case 'years':
      return addMonths(date, amount * 12);
    default: {
      const _exhaustive: never = unit;
      return _exhaustive;
    }
  }
}

/** The date `offset` puts relative to its anchor's date. */
export function applyOffset(anchorDate: string, offset: Pick<CalendarOffset, 'amount' | 'unit'>): string {
  return addCalendar(anchorDate, offset.amount, offset.unit);
}
