import fc from 'fast-check';
import { addCalendar, addDays, addMonths, daysInMonth } from './calendar-offset';

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** Calendar dates from 1900 to 2200, leap days and month ends included. */
const dates = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))));
const months = fc.integer({ min: -1200, max: 1200 });
const parts = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
const monthIndex = (date: string) => parts(date).year * 12 + parts(date).month - 1;

describe('calendar offsets', () => {
  it('counts "3 months before" and "1 year before" in calendar months, not days', () => {
    expect(addCalendar('2026-12-01', -3, 'months')).toBe('2026-09-01');
    expect(addCalendar('2026-12-01', -1, 'years')).toBe('2025-12-01');
    expect(addCalendar('2026-01-05', 4, 'weeks')).toBe('2026-02-02');
    expect(addCalendar('2026-12-01', -90, 'days')).toBe('2026-09-02');
  });

  it('clamps a month step to the last day of a shorter month', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2028-05-31', -3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendar('2028-02-29', 1, 'years')).toBe('2029-02-28');
    expect(addCalendar('2028-02-29', 4, 'years')).toBe('2032-02-29');
  });

  it('always gives a real calendar date', () => {
    fc.assert(
      fc.property(dates, months, (date, n) => {
        const result = addMonths(date, n);
        expect(iso(new Date(`${result}T00:00:00Z`))).toBe(result);
      }),
    );
  });

  it('moves the month by exactly n, whatever the day', () => {
    fc.assert(fc.property(dates, months, (date, n) => expect(monthIndex(addMonths(date, n))).toBe(monthIndex(date) + n)));
  });

  it('keeps the day of the month, or lands on the last day of a shorter month', () => {
    fc.assert(
      fc.property(dates, months, (date, n) => {
        const result = parts(addMonths(date, n));
        const lastDay = daysInMonth(result.year, result.month);
        expect(result.day).toBe(Math.min(parts(date).day, lastDay));
        // The last day of the target month, found independently: the day before the 1st of the next month.
        const nextFirst = `${result.month === 12 ? result.year + 1 : result.year}-${String(result.month === 12 ? 1 : result.month + 1).padStart(2, '0')}-01`;
        expect(Number(addDays(nextFirst, -1).slice(8))).toBe(lastDay);
      }),
    );
  });

  it('comes back to the same date when no clamping happened', () => {
    fc.assert(
      fc.property(dates, months, (date, n) => {
        fc.pre(parts(date).day <= 28);
        expect(addMonths(addMonths(date, n), -n)).toBe(date);
      }),
    );
  });

  it('keeps the order of dates (a later anchor never gives an earlier deadline)', () => {
    fc.assert(
      fc.property(dates, dates, months, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addMonths(early, n) <= addMonths(late, n)).toBe(true);
      }),
    );
  });

  it('makes a year 12 months and a week 7 days', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -100, max: 100 }), (date, n) => {
        expect(addCalendar(date, n, 'years')).toBe(addMonths(date, 12 * n));
        expect(addCalendar(date, n, 'weeks')).toBe(addDays(date, 7 * n));
      }),
    );
  });
});
