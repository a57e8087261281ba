import { loadNotificationConfig, NotificationConfigError } from '../notification-config';
import { copenhagenHourOn, nextDigestAt } from './outbox-delivery';

/** MAIL_DIGEST_HOUR is Copenhagen local time: the same wall-clock hour on both sides of a DST change. */
describe('the daily digest hour (Copenhagen time)', () => {
  it('is 07:00 in Copenhagen by default, read from MAIL_DIGEST_HOUR', () => {
    expect(loadNotificationConfig({}).digestHour).toBe(7);
    expect(loadNotificationConfig({ MAIL_DIGEST_HOUR: '18' }).digestHour).toBe(18);
    expect(() => loadNotificationConfig({ MAIL_DIGEST_HOUR: '24' })).toThrow(NotificationConfigError);
  });

  it('refuses the old MAIL_DIGEST_HOUR_UTC rather than read a UTC hour as a Copenhagen one', () => {
    expect(() => loadNotificationConfig({ MAIL_DIGEST_HOUR_UTC: '6' })).toThrow(/MAIL_DIGEST_HOUR_UTC is no longer read: set MAIL_DIGEST_HOUR/);
  });

  it('goes out at 07:00 Copenhagen time across the spring change (29 March 2026)', () => {
    // Saturday 28 March: winter time, 07:00 is 06:00 UTC.
    expect(nextDigestAt(new Date('2026-03-28T05:59:00Z'), 7).toISOString()).toBe('2026-03-28T06:00:00.000Z');
    // After it: Sunday 29 March, now summer time, 07:00 is 05:00 UTC.
    expect(nextDigestAt(new Date('2026-03-28T06:00:00Z'), 7).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(nextDigestAt(new Date('2026-03-29T05:00:00Z'), 7).toISOString()).toBe('2026-03-30T05:00:00.000Z');
  });

  it('goes out at 07:00 Copenhagen time across the autumn change (25 October 2026)', () => {
    expect(nextDigestAt(new Date('2026-10-24T05:30:00Z'), 7).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-10-24T04:30:00Z'), 7).toISOString()).toBe('2026-10-24T05:00:00.000Z');
  });

  it('counts the day in Copenhagen, not in UTC: at 23:30 UTC it is already tomorrow in Copenhagen', () => {
    // 00:30 on 7 December in Copenhagen: the digest of 7 December at 07:00 is still to come.
    expect(nextDigestAt(new Date('2026-12-06T23:30:00Z'), 7).toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-06T23:30:00Z'), 0).toISOString()).toBe('2026-12-07T23:00:00.000Z');
  });

  it('takes the earlier 02:00 on the autumn change and 03:00 summer time for the 02:00 that the spring change skips', () => {
    expect(copenhagenHourOn('2026-10-25', 2).toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(copenhagenHourOn('2026-03-29', 2).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});
