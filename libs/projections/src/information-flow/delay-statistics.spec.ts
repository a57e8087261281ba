import { recoverableCells, type PublishedCell } from '@samvirke/platform/disclosure/small-cell-suppression';
import { closedMonth, percentile, publishDelayStatistics, type DelayFigures } from './delay-statistics';

const cell = (toAgency: string, count: number, unacknowledged: number, delays: number[] = []): DelayFigures => ({
  kind: 'share',
  fromAgency: 'SOF',
  toAgency,
  count,
  unacknowledged,
  delays,
});
const march = closedMonth(new Date('2026-04-15T10:00:00Z'), '2026-03')!;

describe('city-wide delay statistics', () => {
  it('publishes only a month that has ended in Copenhagen, by default the last one', () => {
    expect(closedMonth(new Date('2026-04-15T10:00:00Z'))).toEqual({ month: '2026-03', from: '2026-03-01', to: '2026-03-31', endExclusive: '2026-04-01' });
    expect(closedMonth(new Date('2026-04-15T10:00:00Z'), '2026-04')).toBeUndefined();
    expect(closedMonth(new Date('2026-04-15T10:00:00Z'), '2027-01')).toBeUndefined();
    // 22:30 UTC on 31 March is already 1 April in Copenhagen: March has ended.
    expect(closedMonth(new Date('2026-03-31T22:30:00Z'), '2026-03')?.to).toBe('2026-03-31');
    expect(closedMonth(new Date('2026-03-31T21:30:00Z'), '2026-03')).toBeUndefined();
    expect(closedMonth(new Date('2026-01-10T10:00:00Z'))).toMatchObject({ month: '2025-12', to: '2025-12-31', endExclusive: '2026-01-01' });
    expect(closedMonth(new Date('2024-03-10T10:00:00Z'))?.to).toBe('2024-02-29');
  });

  it('hides an item count of 1-4 and everything derived from it', () => {
    const published = publishDelayStatistics(march, [cell('BIF', 3, 1, [1, 2])]);
    expect(published.items).toEqual([
      { kind: 'share', fromAgency: 'SOF', toAgency: 'BIF', count: '<5', unacknowledged: '<5', medianHours: null, p90Hours: null },
    ]);
  });

  it('hides an open count of 1-4 in a cell that is shown, and keeps delays from five answered items', () => {
    const published = publishDelayStatistics(march, [cell('BIF', 7, 2, [1, 2, 3, 4, 10])]);
    expect(published.items[0]).toMatchObject({ count: 7, unacknowledged: '<5', medianHours: 3, p90Hours: 7.6 });
  });

  it('shows no delays from fewer than five answered items', () => {
    expect(publishDelayStatistics(march, [cell('BIF', 9, 5, [1, 2, 3, 4])]).items[0]).toMatchObject({
      count: 9,
      unacknowledged: 5,
      medianHours: null,
      p90Hours: null,
    });
  });

  it('hides the smallest other cell when only one is hidden, decided before any filter', () => {
    const figures = [cell('BIF', 2, 0), cell('KBH-FAENGSLER', 6, 0, [1, 1, 1, 1, 1, 1]), cell('KBH-POLITI', 9, 0, [2, 2, 2, 2, 2])];
    const published = publishDelayStatistics(march, figures);
    expect(published.total).toEqual({ count: 17, unacknowledged: 0 });
    expect(published.items.map((item) => item.count)).toEqual(['<5', 'x', 9]);
    expect(published.items[1]).toMatchObject({ unacknowledged: 'x', medianHours: null, p90Hours: null });
    const filtered = publishDelayStatistics(march, figures, { toAgency: 'KBH-FAENGSLER' });
    expect(filtered.items).toEqual([published.items[1]]);
    expect(filtered.total).toEqual(published.total);
  });

  it('leaves no hidden item count or unanswered count that an attacker could work out from the total and the other cells', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const agencies = ['BIF', 'KBH-FAENGSLER', 'KBH-POLITI', 'SOF', 'BUF'];
    for (let round = 0; round < 500; round++) {
      const figures = agencies.slice(0, 1 + Math.floor(next() * agencies.length)).map((to) => {
        const count = Math.floor(next() * 12);
        return cell(to, count, Math.floor(next() * (count + 1)));
      });
      const published = publishDelayStatistics(march, figures);
      const asCell = (key: string, people: string | number, count: string | number): PublishedCell => ({ key, people, count, share: null, suppressed: false });
      const total = asCell('total', published.total.count, published.total.unacknowledged);
      const cells = published.items.map((item) => asCell(item.toAgency, item.count, item.unacknowledged));
      expect([...recoverableCells(total, cells, 'people', 5), ...recoverableCells(total, cells, 'count', 5)]).toEqual([]);
    }
  });

  it('interpolates the 90th percentile as PostgreSQL percentile_cont does', () => {
    expect(percentile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6);
    expect(percentile([5], 0.9)).toBe(5);
  });
});
