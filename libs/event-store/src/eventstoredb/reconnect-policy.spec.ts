import { ReconnectPolicy } from './reconnect-policy';

describe('ReconnectPolicy', () => {
  it('doubles the delay after each failure when there is no jitter', () => {
    const policy = new ReconnectPolicy({ initialDelayMs: 100, maxDelayMs: 10_000, jitter: 0 });
    expect([1, 2, 3, 4].map(() => policy.nextDelay())).toEqual([100, 200, 400, 800]);
    expect(policy.attempts).toBe(4);
  });

  it('never waits longer than the cap', () => {
    const policy = new ReconnectPolicy({ initialDelayMs: 100, maxDelayMs: 1_000, jitter: 0 });
    const delays = Array.from({ length: 20 }, () => policy.nextDelay());
    expect(delays.slice(4)).toEqual(Array(16).fill(1_000));
  });

  it('keeps jittered delays within [capped * (1 - jitter), capped]', () => {
    for (const r of [0, 0.25, 0.5, 0.999999]) {
      const policy = new ReconnectPolicy({ initialDelayMs: 1_000, maxDelayMs: 8_000, jitter: 0.5, random: () => r });
      for (const capped of [1_000, 2_000, 4_000, 8_000, 8_000]) {
        const delay = policy.nextDelay() as number;
        expect(delay).toBeGreaterThanOrEqual(capped * 0.5);
        expect(delay).toBeLessThanOrEqual(capped);
      }
    }
  });

  it('spreads delays when random varies, so workers do not reconnect in lock-step', () => {
    const values = [0.1, 0.9];
    const delays = values.map((r) => new ReconnectPolicy({ initialDelayMs: 1_000, jitter: 0.5, random: () => r }).nextDelay());
    expect(delays[0]).not.toBe(delays[1]);
  });

  it('starts again from the initial delay after a success', () => {
    const policy = new ReconnectPolicy({ initialDelayMs: 50, jitter: 0 });
    policy.nextDelay();
    policy.nextDelay();
    policy.nextDelay();
    policy.reset();
    expect(policy.attempts).toBe(0);
    expect(policy.nextDelay()).toBe(50);
  });

  it('gives up after maxAttempts consecutive failures, and not before', () => {
    const policy = new ReconnectPolicy({ initialDelayMs: 10, jitter: 0, maxAttempts: 2 });
    expect(policy.nextDelay()).toBe(10);
    expect(policy.nextDelay()).toBe(20);
    expect(policy.nextDelay()).toBeUndefined();
    policy.reset();
    expect(policy.nextDelay()).toBe(10);
  });

  it('refuses settings that make no sense', () => {
    expect(() => new ReconnectPolicy({ initialDelayMs: 0 })).toThrow(RangeError);
    expect(() => new ReconnectPolicy({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError);
    expect(() => new ReconnectPolicy({ jitter: 1.5 })).toThrow(RangeError);
  });
});
