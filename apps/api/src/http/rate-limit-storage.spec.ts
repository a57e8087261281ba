import fc from 'fast-check';
import { SlidingWindowRateLimitStorage } from './rate-limit-storage';

const MINUTE = 60_000;

function storageAt(start = 1_000_000_000_000) {
  const clock = { now: start };
  return { clock, storage: new SlidingWindowRateLimitStorage(() => clock.now) };
}

describe('SlidingWindowRateLimitStorage', () => {
  it('lets the limit through, refuses the next one and counts each caller apart', async () => {
    const { storage } = storageAt();
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await storage.increment('alice', MINUTE, 5, MINUTE, 'per-user'));
    expect(answers.map((answer) => answer.isBlocked)).toEqual([false, false, false, false, false, true, true]);
    expect(answers.map((answer) => answer.totalHits)).toEqual([1, 2, 3, 4, 5, 6, 6]);
    expect(answers[6].timeToBlockExpire).toBe(60);
    expect((await storage.increment('bob', MINUTE, 5, MINUTE, 'per-user')).isBlocked).toBe(false);
    expect((await storage.increment('alice', MINUTE, 5, MINUTE, 'other-throttler')).isBlocked).toBe(false);
  });

  it('refuses for the whole block duration, then lets the caller in again', async () => {
    const { clock, storage } = storageAt();
    for (let i = 0; i < 3; i++) await storage.increment('alice', MINUTE, 2, 2 * MINUTE, 'per-user');
    clock.now += 90_000; // the hits have left the window, the block has not ended
    const during = await storage.increment('alice', MINUTE, 2, 2 * MINUTE, 'per-user');
    expect(during).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock.now += 30_000;
    expect((await storage.increment('alice', MINUTE, 2, 2 * MINUTE, 'per-user')).isBlocked).toBe(false);
  });

  it('without a block duration, refuses only while the window is full, and says when a request fits again', async () => {
    const { clock, storage } = storageAt(0);
    await storage.increment('alice', MINUTE, 2, 0, 'per-user');
    clock.now = 30_000;
    await storage.increment('alice', MINUTE, 2, 0, 'per-user');
    clock.now = 40_000;
    const refused = await storage.increment('alice', MINUTE, 2, 0, 'per-user');
    expect(refused).toMatchObject({ isBlocked: true, totalHits: 3, timeToBlockExpire: 20 });
    clock.now = 60_000; // the first hit has left
    expect((await storage.increment('alice', MINUTE, 2, 0, 'per-user')).isBlocked).toBe(false);
  });

  it('drops the windows of callers gone quiet', async () => {
    const { clock, storage } = storageAt();
    for (let caller = 0; caller < 100; caller++) await storage.increment(`caller-${caller}`, MINUTE, 5, MINUTE, 'per-user');
    expect(storage.size).toBe(100);
    clock.now += 2 * MINUTE;
    await storage.increment('late', MINUTE, 5, MINUTE, 'per-user');
    expect(storage.size).toBe(1);
  });

  it('agrees with a list of every hit, give or take the one second a hit may leave early (property)', async () => {
    // Reference: a hit counts for exactly the window; the storage's hits leave 59-60 s after they were made.
    // Whenever the two differ, a hit is in that last second: the storage never refuses what the list allows.
    await fc.assert(
      fc.asyncProperty(
        // Mostly bursts (gaps up to 2 s), now and then a pause of up to 70 s: runs span several windows.
        fc.array(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2_000 }), weight: 9 }, { arbitrary: fc.integer({ min: 0, max: 70_000 }), weight: 1 }), {
          minLength: 20,
          maxLength: 200,
          size: 'max',
        }),
        fc.integer({ min: 1, max: 20 }),
        async (gaps, limit) => {
          const { clock, storage } = storageAt(0);
          const hits: number[] = [];
          for (const gap of gaps) {
            clock.now += gap;
            const inWindow = hits.filter((at) => at > clock.now - MINUTE);
            const inStrictWindow = hits.filter((at) => at > clock.now - MINUTE + 1_000);
            const answer = await storage.increment('caller', MINUTE, limit, 0, 'per-user');
            if (inWindow.length < limit) expect(answer.isBlocked).toBe(false);
            if (inStrictWindow.length >= limit) expect(answer.isBlocked).toBe(true);
            if (!answer.isBlocked) hits.push(clock.now);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
