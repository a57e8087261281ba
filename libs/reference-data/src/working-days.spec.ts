import fc from 'fast-check';
import { loadReferenceData } from './reference-data';
import { addCalendarDays, danishPublicHolidays, easterSunday, weekdayOf, WorkingCalendar } from './working-days';

const calendar = loadReferenceData().escalationRules.calendar;
const dates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('Danish working days', () => {
  it('finds Easter Sunday by the Gregorian computus', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible date
  });

  it('has Easter on a Sunday between 22 March and 25 April in every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayOf(easter)).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });

  it('lists the public holidays of 2026 by name', () => {
    expect(danishPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nytårsdag' },
      { date: '2026-04-02', name: 'Skærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Påskedag' },
      { date: '2026-04-06', name: '2. påskedag' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-24', name: 'Pinsedag' },
      { date: '2026-05-25', name: '2. pinsedag' },
      { date: '2026-12-25', name: 'Juledag' },
      { date: '2026-12-26', name: '2. juledag' },
    ]);
  });

  it('keeps Store bededag up to 2023 and not from 2024, when it was abolished', () => {
    expect(danishPublicHolidays(2023)).toContainEqual({ date: '2023-05-05', name: 'Store bededag' });
    expect(calendar.closedBecause('2023-05-05')).toBe('Store bededag');
    expect(danishPublicHolidays(2024).map((h) => h.name)).not.toContain('Store bededag');
    expect(calendar.isWorkingDay('2024-04-26')).toBe(true); // would have been Store bededag
    expect(calendar.isWorkingDay('2026-05-01')).toBe(true); // likewise in 2026
  });

  it("closes on the reference data's also-closed days: Grundlovsdag, Juleaftensdag, Nytårsaftensdag", () => {
    expect(calendar.closedBecause('2026-06-05')).toBe('Grundlovsdag');
    expect(calendar.closedBecause('2025-12-24')).toBe('Juleaftensdag');
    expect(calendar.closedBecause('2025-12-31')).toBe('Nytårsaftensdag');
    expect(new WorkingCalendar([]).isWorkingDay('2026-06-05')).toBe(true);
  });

  it('counts the Wednesday before Easter 2026 forward across Easter: Tuesday 7 April is the first working day after it', () => {
    expect(calendar.addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-01', 2)).toBe('2026-04-08');
    expect(calendar.addWorkingDays('2026-04-01', 4)).toBe('2026-04-10');
    expect(calendar.workingDaysBetween('2026-04-01', '2026-04-13')).toBe(5);
  });

  it('counts across Christmas and New Year 2026', () => {
    // Wed 23 Dec: 24 (closed), 25, 26 (holidays, 26 a Saturday), 27 Sunday, Mon 28 is the first working day.
    expect(calendar.addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    // 31 closed, 1 January a holiday (Friday), weekend: Monday 4 January 2027.
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2027-01-04');
  });

  it('never lands on a closed day, and walks exactly `count` working days', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 30 }), (date, count) => {
        const result = calendar.addWorkingDays(date, count);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(calendar.workingDaysBetween(date, result)).toBe(count);
        // The day before the result is fewer working days away.
        expect(calendar.workingDaysBetween(date, addCalendarDays(result, -1))).toBe(count - 1);
      }),
    );
  });

  it('adds working days in steps: a + b is a then b', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (date, a, b) => {
        const stepwise = calendar.addWorkingDays(calendar.addWorkingDays(date, a), b);
        // From a closed day, 0 working days stays on it, so compare from where the first step landed.
        if (a > 0) expect(stepwise).toBe(calendar.addWorkingDays(date, a + b));
      }),
    );
  });

  it('has between 2 and 7 closed days in any seven days in a row', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const week = Array.from({ length: 7 }, (_, i) => addCalendarDays(date, i));
        const closed = week.filter((d) => !calendar.isWorkingDay(d)).length;
        expect(closed).toBeGreaterThanOrEqual(2);
        expect(closed).toBeLessThanOrEqual(7);
      }),
    );
  });

  it('has 10 public holidays a year from 2024 (11 up to 2023), Pinsedag on a Sunday and Kristi himmelfartsdag on a Thursday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2200 }), (year) => {
        const holidays = danishPublicHolidays(year);
        expect(holidays).toHaveLength(year <= 2023 ? 11 : 10);
        expect(new Set(holidays.map((h) => h.date)).size).toBe(holidays.length);
        expect(weekdayOf(holidays.find((h) => h.name === 'Pinsedag')!.date)).toBe(0);
        expect(weekdayOf(holidays.find((h) => h.name === 'Kristi himmelfartsdag')!.date)).toBe(4);
      }),
    );
  });
});
