import type { ThrottlerStorage } from '@nestjs/throttler';

/** What @nestjs/throttler's guard reads back from a storage (its own interface, not exported by name). */
export interface RateLimitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** Slots a window is cut into: a hit leaves the count between (SLOTS - 1) and SLOTS slot lengths after it was made. */
const SLOTS = 60;

interface Window {
  readonly slotMs: number;
  readonly counts: Uint32Array;
  /** Hits in the window's slots. */
  total: number;
  /** The absolute slot number (time / slotMs) the newest slot stands for. */
  newest: number;
  blockedUntil: number;
}

/**
 * The rate limiter's counts in constant time and memory per caller. @nestjs/throttler's own storage
 * keeps one expiry time per hit and filters the whole list on every request, so its cost per
 * request grows with the limit (a machine client allowed 100,000 a minute would filter up to
 * 100,000 numbers per request). Here a caller's window is 60 slot counters with a running sum:
 * a hit is counted in the current slot and drops out when its slot is reused, 59 to 60 slots later
 * (for the one-minute window, a hit counts for 59 to 60 seconds). Over the limit, the caller is
 * refused for the block duration without the refusals being counted, as the library's storage does.
 *
 * One process: the counts are this API process's, like the library's storage.
 */
export class SlidingWindowRateLimitStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  /** Callers with a window (idle ones are dropped as time passes). */
  get size(): number {
    return this.windows.size;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<RateLimitRecord> {
    const now = this.now();
    if (now - this.lastSweep >= Math.max(ttl, blockDuration)) this.sweep(now);
    const id = `${throttlerName}\u0000${key}`;
    const slotMs = Math.max(1, Math.ceil(ttl / SLOTS));
    let window = this.windows.get(id);
    if (!window || window.slotMs !== slotMs) {
      window = { slotMs, counts: new Uint32Array(SLOTS), total: 0, newest: Math.floor(now / slotMs), blockedUntil: 0 };
      this.windows.set(id, window);
    }
    advance(window, Math.floor(now / window.slotMs));
    if (window.blockedUntil > now) {
      return {
        totalHits: window.total + 1,
        timeToExpire: secondsUntilEmpty(window, now),
        isBlocked: true,
        timeToBlockExpire: seconds(window.blockedUntil - now),
      };
    }
    window.counts[window.newest % SLOTS]++;
    window.total++;
    if (window.total > limit) {
      // Refused now; with a block duration, refused until it ends (the refusals are not counted).
      window.counts[window.newest % SLOTS]--;
      window.total--;
      window.blockedUntil = blockDuration > 0 ? now + blockDuration : 0;
      const until = blockDuration > 0 ? seconds(blockDuration) : secondsUntilFirstExpiry(window, now);
      return { totalHits: window.total + 1, timeToExpire: secondsUntilEmpty(window, now), isBlocked: true, timeToBlockExpire: until };
    }
    return { totalHits: window.total, timeToExpire: secondsUntilEmpty(window, now), isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Drops the windows with no hit left and no block running. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, window] of this.windows) {
      advance(window, Math.floor(now / window.slotMs));
      if (window.total === 0 && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}

/** Moves the window to `slot`, emptying the slots it passes (at most all of them). */
function advance(window: Window, slot: number): void {
  const steps = slot - window.newest;
  if (steps <= 0) return;
  if (steps >= SLOTS) {
    window.counts.fill(0);
    window.total = 0;
  } else {
    for (let passed = window.newest + 1; passed <= slot; passed++) {
      const index = passed % SLOTS;
      window.total -= window.counts[index];
      window.counts[index] = 0;
    }
  }
  window.newest = slot;
}

/** Seconds until the last hit counted now has left the window. */
function secondsUntilEmpty(window: Window, now: number): number {
  return window.total === 0 ? 0 : seconds((window.newest + SLOTS) * window.slotMs - now);
}

/** Seconds until the oldest hit counted now leaves the window (and a request fits again). */
function secondsUntilFirstExpiry(window: Window, now: number): number {
  for (let age = SLOTS - 1; age >= 0; age--) {
    const slot = window.newest - age;
    if (window.counts[((slot % SLOTS) + SLOTS) % SLOTS] > 0) return seconds((slot + SLOTS) * window.slotMs - now);
  }
  return 0;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
