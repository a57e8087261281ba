/**
 * Danish working days: Monday to Friday, except the public holidays (helligdage) and the days the
 * reference data names as also closed. Dates are Copenhagen calendar dates written `yyyy-mm-dd`
 * (see copenhagenDate in libs/case); nothing here knows about instants or time zones.
 *
 * The public holidays are law (helligdagsloven), so they are computed here rather than listed:
 * Nytårsdag, Skærtorsdag, Langfredag, Påskedag, 2. påskedag, Kristi himmelfartsdag, Pinsedag,
 * 2. pinsedag, Juledag and 2. juledag, the movable ones from Easter Sunday (the Gregorian computus).
 * Store bededag (the fourth Friday after Easter) was abolished from 2024 (lov nr. 21 af 28/02/2023)
 * and counts only up to 2023. Grundlovsdag, Juleaftensdag and Nytårsaftensdag are not public
 * holidays, but public offices close on them by agreement: they are reference data ("also closed",
 * escalation-rules.json), so a change of practice is a data change, not a code change.
 *
 * Written here rather than taken from `date-holidays` (3.37): that package carries every country's
 * rules and a YAML parser for ten dates, and its Danish "bank"/"observance" types would still need
 * mapping to what a Copenhagen office keeps closed.
 */

export interface ClosedDay {
  readonly date: string;
  readonly name: string;
}

/** A fixed day of the year on which offices are closed although it is not a public holiday. */
export interface AlsoClosedDay {
  readonly month: number;
  readonly day: number;
  readonly name: string;
}

const DAY_MS = 86_400_000;

function utcOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function isoOf(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `date` moved by `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return isoOf(utcOf(date) + days * DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcOf(date)).getUTCDay();
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`easterSunday: ${year} is not a Gregorian year`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The last year Store bededag was a public holiday. */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

/** The Danish public holidays of a year, in date order. */
export function danishPublicHolidays(year: number): readonly ClosedDay[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): ClosedDay => ({ date: addCalendarDays(easter, days), name });
  const days: ClosedDay[] = [
    { date: `${year}-01-01`, name: 'Nytårsdag' },
    fromEaster(-3, 'Skærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Påskedag'),
    fromEaster(1, '2. påskedag'),
    ...(year <= LAST_STORE_BEDEDAG_YEAR ? [fromEaster(26, 'Store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Pinsedag'),
    fromEaster(50, '2. pinsedag'),
    { date: `${year}-12-25`, name: 'Juledag' },
    { date: `${year}-12-26`, name: '2. juledag' },
  ];
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * Which days are working days. Built once from the reference data's also-closed days; the public
 * holidays of each year are computed on first use and kept.
 */
export class WorkingCalendar {
  private readonly closedByYear = new Map<number, ReadonlyMap<string, string>>();

  constructor(private readonly alsoClosed: readonly AlsoClosedDay[] = []) {}

  /** Why offices are closed on `date` (a holiday's or closed day's name, or 'weekend'); undefined on a working day. */
  closedBecause(date: string): string | undefined {
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6) return 'weekend';
    return this.closedDays(Number(date.slice(0, 4))).get(date);
  }

  isWorkingDay(date: string): boolean {
    return this.closedBecause(date) === undefined;
  }

  /** The `count`-th working day after `date` (`count` 0: `date` itself, whatever it is). */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`addWorkingDays: ${count} is not a whole number of 0 or more`);
    let day = date;
    for (let left = count; left > 0;) {
      day = addCalendarDays(day, 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }

  private closedDays(year: number): ReadonlyMap<string, string> {
    let days = this.closedByYear.get(year);
    if (days === undefined) {
      const map = new Map<string, string>();
      for (const fixed of this.alsoClosed) map.set(`${year}-${pad(fixed.month)}-${pad(fixed.day)}`, fixed.name);
      // A public holiday's own name wins where both fall on one day.
      for (const holiday of danishPublicHolidays(year)) map.set(holiday.date, holiday.name);
      days = map;
      this.closedByYear.set(year, days);
    }
    return days;
  }
}
