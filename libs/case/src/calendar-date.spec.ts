import fc from 'fast-check';
import { copenhagenDate } from './calendar-date';

/** Intl directly, as copenhagenDate answered before it kept its answers per UTC hour. */
function byIntl(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

describe('copenhagenDate', () => {
  it('gives the Copenhagen date, not the UTC one, around midnight in winter and summer', () => {
    expect(copenhagenDate(new Date('2026-01-14T22:59:59.999Z'))).toBe('2026-01-14');
    expect(copenhagenDate(new Date('2026-01-14T23:00:00.000Z'))).toBe('2026-01-15');
    expect(copenhagenDate(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(copenhagenDate(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });

  it('is right on both sides of the daylight-saving changes, asked in any order', () => {
    const instants = [
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-28T22:59:59Z',
      '2026-03-28T23:00:00Z',
      '2026-10-24T21:59:59Z',
      '2026-10-24T22:00:00Z',
      '2026-10-25T22:59:59Z',
      '2026-10-25T23:00:00Z',
    ].map((text) => new Date(text));
    for (const instant of [...instants, ...instants.reverse()]) expect(copenhagenDate(instant)).toBe(byIntl(instant));
  });

  it('agrees with Intl for any instant, also when the same hours are asked again', () => {
    const instant = fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const at of [...instants, ...instants]) expect(copenhagenDate(at)).toBe(byIntl(at));
        // The other instants of the same UTC hour share the first one's kept answer.
        for (const at of instants) {
          const sameHour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000 + 3_599_999);
          expect(copenhagenDate(sameHour)).toBe(byIntl(sameHour));
        }
      }),
      { numRuns: 500 },
    );
  });
});
