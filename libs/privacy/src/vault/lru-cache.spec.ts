import { LruCache } from './lru-cache';

describe('LRU cache', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('forgets an entry once its time to live has passed', () => {
    let now = 1_000;
    const cache = new LruCache<string, number>(10, () => now);
    cache.set('short', 1, 5_000);
    cache.set('forever', 2);
    now += 4_999;
    expect(cache.get('short')).toBe(1);
    now += 1;
    expect(cache.get('short')).toBeUndefined();
    now += 1e12;
    expect(cache.get('forever')).toBe(2);
  });

  it('deletes every entry matching a predicate', () => {
    const cache = new LruCache<string, number>(10);
    cache.set('x~1', 1);
    cache.set('x~2', 2);
    cache.set('y~1', 3);
    cache.deleteWhere((key) => key.startsWith('x~'));
    expect([cache.get('x~1'), cache.get('x~2'), cache.get('y~1')]).toEqual([undefined, undefined, 3]);
  });
});
