import { loadReferenceData } from '@samvirke/reference-data';
import type { NotificationCaseFacts } from '../projection/notification-rules';
import {
  deadlineKindOn,
  deadlineNotificationId,
  deadlineNotifications,
  deadlineRecipients,
  deadlineWindow,
  type DeadlineWindow,
} from './deadline-notifications';

const rules = loadReferenceData().escalationRules;
const on = (today: string): DeadlineWindow => ({
  today,
  calendar: rules.calendar,
  dueSoonWorkingDays: rules.deadlines.dueSoonWorkingDays,
  chaseForDays: rules.chaseForDays,
});
const facts: NotificationCaseFacts = {
  agencies: ['BIF', 'KRIMINALFORSORGEN'],
  coordinatorId: 'coord-anna',
  coordinatorAgency: 'BIF',
  entryPoints: { BIF: 'BIF-SSP-PLUS', KRIMINALFORSORGEN: 'KRIMINALFORSORGEN-KSP' },
};
const meeting = { caseId: 'c1', itemId: 'road-map:k1:GOOD_RELEASE:RELEASE_MEETING', dueOn: '2026-09-01', ownerAgency: 'KRIMINALFORSORGEN' };

describe('deadline notifications', () => {
  it('ships 2 working days as reference data', () => {
    expect(rules.deadlines.dueSoonWorkingDays).toBe(2);
  });

  it('tells a deadline within 2 working days, counting over weekends and Easter, and a passed one within the chase window', () => {
    // Friday 28 August 2026: Monday 31 and Tuesday 1 September are the next 2 working days.
    expect(deadlineWindow(on('2026-08-28')).until).toBe('2026-09-01');
    expect(deadlineKindOn('2026-09-01', on('2026-08-28'))).toBe('deadline-approaching');
    expect(deadlineKindOn('2026-09-01', on('2026-08-27'))).toBeUndefined();
    expect(deadlineKindOn('2026-09-01', on('2026-09-01'))).toBe('deadline-approaching');
    expect(deadlineKindOn('2026-09-01', on('2026-09-02'))).toBe('deadline-passed');
    // Wednesday 1 April 2026: Maundy Thursday, Good Friday, the weekend and Easter Monday do not count.
    expect(deadlineWindow(on('2026-04-01')).until).toBe('2026-04-08');
    expect(deadlineKindOn('2026-04-08', on('2026-04-01'))).toBe('deadline-approaching');
    // Passed more than chaseForDays (60) ago: not told.
    expect(deadlineKindOn('2025-12-01', on('2026-07-01'))).toBeUndefined();
  });

  it('tells the responsible entry point and the coordinator; an agency not on the case has no entry point to tell', () => {
    expect(deadlineRecipients(meeting, facts)).toEqual([
      { kind: 'unit', agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' },
      { kind: 'user', agency: 'BIF', userId: 'coord-anna' },
    ]);
    expect(deadlineRecipients({ ...meeting, ownerAgency: 'SOF' }, facts)).toEqual([{ kind: 'user', agency: 'BIF', userId: 'coord-anna' }]);
    expect(deadlineRecipients(meeting, { ...facts, coordinatorId: null, coordinatorAgency: null })).toEqual([
      { kind: 'unit', agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' },
    ]);
  });

  it('gives one id per item, kind, due date and recipient: the same on a rerun, another when the deadline moves', () => {
    const unit = { kind: 'unit' as const, agency: 'KRIMINALFORSORGEN', entryPoint: 'KRIMINALFORSORGEN-KSP' };
    const id = deadlineNotificationId(meeting, 'deadline-approaching', unit);
    expect(deadlineNotificationId({ ...meeting }, 'deadline-approaching', { ...unit })).toBe(id);
    expect(deadlineNotificationId(meeting, 'deadline-passed', unit)).not.toBe(id);
    expect(deadlineNotificationId({ ...meeting, dueOn: '2027-02-28' }, 'deadline-approaching', unit)).not.toBe(id);
    expect(deadlineNotificationId(meeting, 'deadline-approaching', { kind: 'user', agency: 'BIF', userId: 'coord-anna' })).not.toBe(id);
    const rows = deadlineNotifications([{ ...meeting, facts }], on('2026-08-28'), new Date('2026-08-28T08:00:00Z'));
    expect(rows.map((row) => [row.kind, row.recipient_kind, row.due_date, row.entry_id, row.from_agency])).toEqual([
      ['deadline-approaching', 'unit', '2026-09-01', null, null],
      ['deadline-approaching', 'user', '2026-09-01', null, null],
    ]);
    expect(rows[0].id).toBe(id);
    expect(deadlineNotifications([{ ...meeting, facts }], on('2026-08-20'), new Date())).toEqual([]);
  });
});
