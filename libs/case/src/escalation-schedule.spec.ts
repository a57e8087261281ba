import { addCalendarDays, loadReferenceData } from '@samvirke/reference-data';
import { nextDueEscalation } from './escalation-schedule';

const rules = loadReferenceData().escalationRules;

/** The step due on each day of a span, for a flow whose furthest step so far is `taken`. */
function stepsByDay(flow: 'information' | 'request', startedOn: string, from: string, to: string, taken?: 'reminder' | 'escalation') {
  const days: Record<string, string> = {};
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const due = nextDueEscalation(rules, flow, startedOn, taken, day);
    days[day] = due ? `${due.step} (${due.workingDaysLate} late)` : '-';
  }
  return days;
}

describe('the escalation schedule', () => {
  it('information shared on the Wednesday before Easter 2026: reminder on Thursday 9 April, escalation on Monday 13 April', () => {
    expect(stepsByDay('information', '2026-04-01', '2026-04-01', '2026-04-14')).toEqual({
      '2026-04-01': '-',
      '2026-04-02': '-',
      '2026-04-03': '-',
      '2026-04-04': '-',
      '2026-04-05': '-',
      '2026-04-06': '-',
      '2026-04-07': '-',
      '2026-04-08': '-',
      '2026-04-09': 'reminder (1 late)',
      '2026-04-10': 'reminder (2 late)',
      '2026-04-11': '-',
      '2026-04-12': '-',
      '2026-04-13': 'escalation (3 late)',
      '2026-04-14': 'escalation (4 late)',
    });
  });

  it('after the reminder, only the escalation is left; after the escalation, nothing', () => {
    expect(stepsByDay('information', '2026-04-01', '2026-04-09', '2026-04-13', 'reminder')).toEqual({
      '2026-04-09': '-',
      '2026-04-10': '-',
      '2026-04-11': '-',
      '2026-04-12': '-',
      '2026-04-13': 'escalation (3 late)',
    });
    expect(Object.values(stepsByDay('information', '2026-04-01', '2026-04-13', '2026-05-13', 'escalation')).every((s) => s === '-')).toBe(true);
  });

  it('a request due on Tuesday 23 December 2026 is chased on Monday 28 December and escalated on Wednesday 30 December', () => {
    // 24 December is closed (reference data), 25 and 26 are holidays, 27 a Sunday; 31 December is closed too.
    expect(stepsByDay('request', '2026-12-23', '2026-12-23', '2027-01-04')).toEqual({
      '2026-12-23': '-',
      '2026-12-24': '-',
      '2026-12-25': '-',
      '2026-12-26': '-',
      '2026-12-27': '-',
      '2026-12-28': 'reminder (1 late)',
      '2026-12-29': 'reminder (2 late)',
      '2026-12-30': 'escalation (3 late)',
      '2026-12-31': '-',
      '2027-01-01': '-',
      '2027-01-02': '-',
      '2027-01-03': '-',
      '2027-01-04': 'escalation (4 late)',
    });
  });
});
